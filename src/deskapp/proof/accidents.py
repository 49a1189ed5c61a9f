"""Typing accidents in proofing: "Sámung", "Ưindows", "Mesi" are foreign words Telex mangled.

Reported under the rule ``typing_leftover`` (keys that did not come out as
meant), with their own message and the keys typed as the fix; capitalised or
not, since most such words are names. What counts as an accident is decided
by :func:`deskapp.text.accidents.accident_fix`. A word glued to others by a
hyphen, an apostrophe, a dot or a slash (codes, compounds) is left alone.
"""

from __future__ import annotations

from deskapp.proof.findings import Finding, Positions, make_finding
from deskapp.proof.words import Word
from deskapp.text.accidents import accident_fix

RULE = "typing_leftover"
_JOINERS = "-'’./@&+_"


def typing_accidents(all_words: list[Word], texts: dict[str, str],
                     positions: dict[str, Positions]) -> list[Finding]:
    """A finding, fixed to the keys typed, for every mangled foreign word."""
    findings = []
    for word in all_words:
        text = texts[word.field]
        if _joined(text, word.start, word.end):
            continue
        fix = accident_fix(word.text)
        if fix is None:
            continue
        findings.append(make_finding(RULE, word.field, text, positions[word.field], word.start,
                                     word.end, fix=fix, code="typing_accident",
                                     word=word.text))
    return findings


def _joined(text: str, start: int, end: int) -> bool:
    before = text[start - 2:start] if start >= 2 else ""
    after = text[end:end + 2]
    return (len(before) == 2 and before[1] in _JOINERS and before[0].isalnum()) or (
        len(after) == 2 and after[0] in _JOINERS and after[1].isalnum())
