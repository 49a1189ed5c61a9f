"""Proofing: checks that return findings with fixes (no Qt, no database).

``check(article)`` lists what a proofreader should look at; ``apply_fix``
and ``apply_fixes`` return a corrected copy; ``describe_finding`` says it
in Vietnamese or English.
"""

from deskapp.proof.findings import FIELDS, Finding, ProofError, apply_fix, apply_fixes
from deskapp.proof.messages import describe_finding, rule_name
from deskapp.proof.rules import RULES, check

__all__ = [
    "FIELDS",
    "RULES",
    "Finding",
    "ProofError",
    "apply_fix",
    "apply_fixes",
    "check",
    "describe_finding",
    "rule_name",
]
