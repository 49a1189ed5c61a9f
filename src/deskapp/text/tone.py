"""Tone placement style: hòa or hoà, khỏe or khoẻ, thủy or thuỷ.

Vietnamese has two accepted places for the tone mark in the open rhymes
``oa``, ``oe`` and ``uy``: the old (traditional) style marks the first vowel
(hòa, khỏe, thủy), the new (reformed) style the second (hoà, khoẻ, thuỷ).
Both are correct, but a newsroom picks one and an article should not mix
them. Everything else is the same in both styles:

* a final consonant puts the tone on the second vowel anyway (hoàng,
  tuyết, quyết, thuyền);
* in ``qu`` and ``gi`` the u and i belong to the consonant, so quả, quý,
  quỳnh, giữa have a single candidate vowel;
* three-vowel rhymes (khuya, ngoài) have a fixed place.

Only words that parse as Vietnamese syllables are touched; foreign words,
numbers and punctuation pass through unchanged, and so does letter case.
Text is taken in NFC, the form Deskapp keeps everywhere.
"""

from __future__ import annotations

import re

from deskapp.text.normalize import nfc
from deskapp.text.syllable import (
    STYLE_RHYMES,
    Syllable,
    add_tone,
    parse_syllable,
    strip_tone,
)
from deskapp.text.tone_setting import DEFAULT_STYLE, STYLES, style_setting

__all__ = ["DEFAULT_STYLE", "STYLES", "convert_tone_style", "style_setting", "tone_styles_used"]

_WORD = re.compile(r"[^\W\d_]+")


def convert_tone_style(text: str, style: str) -> str:
    """Return ``text`` with every open oa/oe/uy word written in ``style`` ("old" or "new")."""
    if style not in STYLES:
        raise ValueError(f"style must be 'old' or 'new', not {style!r}")
    offset = 0 if style == "old" else 1
    return _WORD.sub(lambda match: _restyle(match.group(), offset), nfc(text))


def tone_styles_used(text: str) -> set[str]:
    """Which styles the words of ``text`` show: a subset of {"old", "new"}.

    Words whose spelling is the same in both styles say nothing and are not
    counted; a result with both styles is a mix a proofreader should see.
    """
    styles: set[str] = set()
    for match in _WORD.finditer(nfc(text)):
        syllable = _styled(match.group())
        if syllable is not None:
            styles.add("old" if syllable.tone_index == syllable.rhyme_start else "new")
            if len(styles) == len(STYLES):
                break
    return styles


def _styled(word: str) -> Syllable | None:
    """The parse of ``word`` if its tone position depends on the style, else ``None``."""
    syllable = parse_syllable(word)
    if syllable is None or syllable.tone is None or syllable.rhyme not in STYLE_RHYMES:
        return None
    return syllable


def _restyle(word: str, offset: int) -> str:
    """Move the tone of ``word`` to vowel ``offset`` of its oa/oe/uy rhyme."""
    syllable = _styled(word)
    if syllable is None or syllable.tone is None or syllable.tone_index is None:
        return word
    target = syllable.rhyme_start + offset
    if target == syllable.tone_index:
        return word
    chars = list(word)
    chars[syllable.tone_index] = strip_tone(chars[syllable.tone_index])[0]
    chars[target] = add_tone(chars[target], syllable.tone)
    return "".join(chars)
