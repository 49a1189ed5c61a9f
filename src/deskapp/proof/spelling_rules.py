"""Spelling-rule errors with one obvious correction: "nghành" → "ngành", "kách" → "cách".

Vietnamese writes one sound with two letters depending on the vowel that
follows: ngh and gh before i, e, ê, but ng and g before the others; k before
i, y, e, ê, but c before the others; and qu, never cu or ku, before a vowel
that follows the u's glide ("quyết", "quả"). A word that breaks only that rule
is a spelling-rule error, not a mistyped mark, and its correction is certain:
the other spelling of the same sound, when that makes a syllable of the one
inventory.
"""

from __future__ import annotations

from typing import Final

from deskapp.text.syllable import is_vietnamese_syllable

__all__ = ["spelling_rule_fix"]

_FRONT: Final = frozenset("ieêy")  # the vowels that take ngh, gh, k
_BASE: Final = {
    # toned vowels reduced to the letter the rule looks at
    **{ch: "a" for ch in "aáàảãạ"}, **{ch: "ă" for ch in "ăắằẳẵặ"},
    **{ch: "â" for ch in "âấầẩẫậ"}, **{ch: "e" for ch in "eéèẻẽẹ"},
    **{ch: "ê" for ch in "êếềểễệ"}, **{ch: "i" for ch in "iíìỉĩị"},
    **{ch: "o" for ch in "oóòỏõọ"}, **{ch: "ô" for ch in "ôốồổỗộ"},
    **{ch: "ơ" for ch in "ơớờởỡợ"}, **{ch: "u" for ch in "uúùủũụ"},
    **{ch: "ư" for ch in "ưứừửữự"}, **{ch: "y" for ch in "yýỳỷỹỵ"},
}

# (written onset, onset it should be, whether the rule wants a front vowel after it)
_SWAPS: Final = (
    ("ngh", "ng", False),  # nghành → ngành
    ("gh", "g", False),  # ghà → gà
    ("ng", "ngh", True),  # ngiêm → nghiêm
    ("g", "gh", True),  # gế → ghế
    ("c", "k", True),  # cế → kế
    ("k", "c", False),  # kách → cách
    ("cu", "qu", False),  # cuyết → quyết
    ("ku", "qu", False),  # kuốc → quốc
    ("q", "qu", False),  # qyết → quyết
)

# What the message says of the rule broken, keyed by the onset it should be.
RULE_WORDS: Final = {
    "ng": ("ng (không phải ngh) trước a, ă, â, o, ô, ơ, u, ư",
           "ng (not ngh) before a, ă, â, o, ô, ơ, u, ư"),
    "g": ("g (không phải gh) trước a, ă, â, o, ô, ơ, u, ư",
          "g (not gh) before a, ă, â, o, ô, ơ, u, ư"),
    "ngh": ("ngh (không phải ng) trước i, e, ê", "ngh (not ng) before i, e, ê"),
    "gh": ("gh (không phải g) trước i, e, ê", "gh (not g) before i, e, ê"),
    "k": ("k (không phải c) trước i, y, e, ê", "k (not c) before i, y, e, ê"),
    "c": ("c (không phải k) trước a, ă, â, o, ô, ơ, u, ư",
          "c (not k) before a, ă, â, o, ô, ơ, u, ư"),
    "qu": ("qu trước vần có âm đệm u (quyết, quả, quốc)",
           "qu before a rhyme with the u glide (quyết, quả, quốc)"),
}


def spelling_rule_fix(word: str) -> tuple[str, str] | None:
    """(the corrected word, the onset it should have), or ``None``.

    ``word`` is one word that is not a Vietnamese syllable; the correction
    keeps its case and its tone. Two possible corrections (kuốc: cuốc or
    quốc) are no obvious one: ``None``.
    """
    lower = word.lower()
    found: dict[str, str] = {}
    for written, right, wants_front in _SWAPS:
        if not lower.startswith(written) or len(lower) == len(written):
            continue
        after = _BASE.get(lower[len(written)], lower[len(written)])
        if right in ("ng", "g", "c") and after not in _BASE.values():
            continue
        if right in ("ng", "g", "c") and (after in _FRONT) == (not wants_front):
            continue
        if right in ("ngh", "gh", "k") and after not in _FRONT:
            continue
        if written == "q" and after == "u":
            continue
        fixed = _cased(right + word[len(written):], word)
        if fixed != word and is_vietnamese_syllable(fixed):
            found[fixed] = right
    if len(found) != 1:
        return None  # kuốc: cuốc or quốc, not obvious
    return next(iter(found.items()))


def _cased(fixed: str, word: str) -> str:
    if len(word) > 1 and word.isupper():
        return fixed.upper()
    if word[:1].isupper():
        return fixed[:1].upper() + fixed[1:]
    return fixed
