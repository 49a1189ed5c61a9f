"""Findings and their fixes.

A finding names a range of one field's text; its ``fix`` (when there is a
safe one) replaces exactly that range. Fixes are applied to a copy of the
article and only when the range still holds the flagged text, so a finding
computed before the user typed on can never damage the new text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from deskapp.errors import DeskappError
from deskapp.model import Article

FIELDS = ("title", "lead", "body", "byline")


class ProofError(DeskappError):
    """A fix cannot be applied (the text changed, or there is no fix)."""

    code = "finding_stale"

    def __str__(self) -> str:
        from deskapp.proof.messages import proof_message

        return proof_message(self.code, **self.data)


@dataclass(frozen=True)
class Finding:
    """One thing a proofreader should look at, in one field of the article.

    ``start``/``end`` are offsets in that field's text, ``line``/``column``
    (1-based) the same place for people; ``text`` is ``field[start:end]``.
    """

    rule: str
    field: str
    start: int
    end: int
    line: int
    column: int
    text: str
    message_code: str
    data: dict[str, Any] = field(default_factory=dict, hash=False)
    fix: str | None = None


class Positions:
    """Offsets to 1-based (line, column) for one text, by binary search."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1


def make_finding(rule: str, field_name: str, text: str, positions: Positions, start: int,
                 end: int, *, fix: str | None = None, code: str | None = None,
                 **data: Any) -> Finding:
    """A :class:`Finding` for ``text[start:end]`` with its line and column."""
    line, column = positions.at(start)
    return Finding(rule, field_name, start, end, line, column, text[start:end],
                   code or rule, dict(data), fix)


def apply_fix(article: Article, finding: Finding) -> Article:
    """A copy of ``article`` with ``finding``'s fix applied.

    Raises :class:`ProofError` (``finding_unfixable``) when the finding has no
    fix and (``finding_stale``) when the text at its range has changed.
    """
    if finding.fix is None:
        raise ProofError("finding_unfixable", rule=finding.rule)
    text = getattr(article, finding.field)
    if text[finding.start:finding.end] != finding.text:
        raise ProofError("finding_stale", where=finding.field)
    new = _replace(text, finding.start, finding.end, finding.fix)
    return article.with_content(**{finding.field: new})


def apply_fixes(article: Article, findings: Iterable[Finding]) -> Article:
    """Apply every fixable finding that does not overlap an earlier one ("fix all").

    Ranges are applied from the end of each field backwards so the offsets
    of the others stay valid; stale findings are skipped.
    """
    fixable = sorted((f for f in findings if f.fix is not None),
                     key=lambda f: (f.field, f.start, f.end))
    chosen: list[Finding] = []
    for finding in fixable:
        last = chosen[-1] if chosen else None
        if last and last.field == finding.field and finding.start < last.end:
            continue
        chosen.append(finding)
    for finding in reversed(chosen):
        text = getattr(article, finding.field)
        if text[finding.start:finding.end] == finding.text:
            article = apply_fix(article, finding)
    return article


def _replace(text: str, start: int, end: int, fix: str) -> str:
    """Replace a range; removing a whole paragraph also removes its blank line."""
    before, after = text[:start], text[end:]
    whole_block = fix == "" and (not before or before.endswith("\n")) and (
        not after or after.startswith("\n")
    )
    if whole_block:
        before, after = before.rstrip("\n"), after.lstrip("\n")
        return before + ("\n\n" if before and after else "") + after
    return before + fix + after
