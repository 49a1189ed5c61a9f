"""Spaces around punctuation: none before , . ; : ! ? ), one after; one before (, none after.

Two rules share the work:

* ``space_before_punctuation``: a space before a mark ("đơn vị ." → "đơn vị."),
  a space inside brackets ("( mạnh )" → "(mạnh)"), and a space on the wrong side of
  a mark glued to the next word ("đẹp ,chúng" → "đẹp, chúng": one finding whose fix
  moves the space).
* ``space_after_punctuation`` (the newsroom may turn it off: ``punctuation_spacing``):
  a mark glued to the next word ("vi phạm,chuẩn", "nói:không", "Kết thúc.Câu") and a
  bracket glued to a word ("tăng(mạnh)" → "tăng (mạnh)").

Precision first: a mark between digits (12,5; 5.000; 19:30) is a number or a time; a
full stop is only judged between a lower-case word and a capitalised one, so
abbreviations (TP.HCM, U.23, v.v., PGS.TS), domain and file names (kontumtv.vn,
baocao.docx) stay; ellipses are left alone; a bracket is only judged when what it
holds reads as words ("Ca(OH)2", "người(s)" stay). Code, URLs, e-mail addresses and
link targets are masked before any rule runs (:mod:`deskapp.proof.markdown`).
"""

from __future__ import annotations

import re

from deskapp.proof.findings import Finding, Positions, make_finding
from deskapp.proof.house import HouseStyle
from deskapp.proof.words import FieldText

_ENTITY = re.compile(r"&#?\w+;")
# A space before a mark that is followed by a space, the end or a closing mark.
_SPACE_BEFORE_MARK = re.compile(r"(?<=\S)( +)([,.;:!?…]+)(?=\s|$|[\"'”’)\]*_])")
# A space before a mark that is glued to the next word: the space belongs after it.
_SPACE_MISPLACED = re.compile(r"(?<=\S)( +)([,.;:!?])(?=[^\W\d_]|[“‘(])")
# A space just inside a bracket.
_SPACE_AFTER_OPEN = re.compile(r"\(( +)(?=[^\W_]|[“‘])")
_SPACE_BEFORE_CLOSE = re.compile(r"(?<=[^\s(])( +)\)")
# A mark glued to the next word.
_GLUED_MARK = re.compile(r"(?<=\S)([,.;:!?])(?=[^\W\d_]|[“‘«])")
# A bracket glued to the word before or after it.
_GLUED_OPEN = re.compile(r"(?<![\w.])[^\W\d_]{2,}\((?=[^)\n]{2,200}\))")
_GLUED_CLOSE = re.compile(r"(?<=[^\W_])\)(?=[^\W\d_])")
# What closes a word before a mark: brackets, quotes, a percent sign, emphasis.
_CLOSERS = "”’)»%"
_EMPHASIS = "*_"
_CODE_CHARS = frozenset("()[]{}<>=\"'\\/_.`|;")
_EMOJI_CODE = re.compile(r":[a-z0-9_+-]+:")
_SCHEME = re.compile(r"(?:https?|ftp|mailto|tel|file|data|urn)$", re.IGNORECASE)


def spaces_before_punctuation(field: FieldText, positions: Positions) -> list[Finding]:
    """A space before a mark or inside a bracket; a space on the wrong side of a mark."""
    text = field.masked
    found: list[tuple[int, int, str, str, str]] = []  # start, end, fix, code, mark
    for m in _SPACE_BEFORE_MARK.finditer(text):
        found.append((m.start(), m.end(), m.group(2), "space_before_punctuation", m.group(2)))
    for m in _SPACE_MISPLACED.finditer(text):
        mark, after = m.group(2), m.end()
        if mark == "." and not _starts_sentence_word(text, after):
            continue  # "- mục .NET", "tệp .docx"
        if mark == ":" and _EMOJI_CODE.match(text, m.start(2)):
            continue
        found.append((m.start(), m.end(), mark + " ", "space_misplaced", mark))
    for m in _SPACE_AFTER_OPEN.finditer(text):
        found.append((m.start(), m.end(), "(", "space_after_bracket", "("))
    for m in _SPACE_BEFORE_CLOSE.finditer(text):
        found.append((m.start(), m.end(), ")", "space_before_punctuation", ")"))
    return [make_finding("space_before_punctuation", field.name, field.text, positions,
                         start, end, fix=fix, code=code, mark=mark)
            for start, end, fix, code, mark in sorted(found)]


def spaces_after_punctuation(field: FieldText, positions: Positions,
                             house: HouseStyle) -> list[Finding]:
    """A mark glued to the next word ("phạm,chuẩn"); a bracket glued to a word."""
    if not house.punctuation_spacing:
        return []
    text = field.masked
    found: list[tuple[int, int, str, str, str]] = []
    for m in _GLUED_MARK.finditer(text):
        at, mark = m.start(), m.group(1)
        if not _ends_word(text, at, mark):
            continue
        if mark == ";" and _ENTITY.search(text, max(0, at - 12), at + 1):
            continue  # "&quot;x": an HTML entity, not a semicolon
        if text[at + 1] in "“‘«" and mark not in ",;:!?":
            continue  # a full stop before a quote: "v.v.“…" is not judged
        if mark == "." and not (_starts_sentence_word(text, at + 1)
                                and _lower_word_before(text, at)):
            continue  # "TP.HCM", "v.v.", "PGS.TS", "kontumtv.vn", "U.23"
        if mark == ":" and (_EMOJI_CODE.match(text, at)
                            or _SCHEME.search(text, max(0, at - 8), at)):
            continue
        found.append((at, at + 1, mark + " ", "space_after_punctuation", mark))
    for m in _GLUED_OPEN.finditer(text):
        inside = text[m.end():text.index(")", m.end())]
        if _reads_as_words(inside):
            found.append((m.end() - 1, m.end(), " (", "space_before_bracket", "("))
    for m in _GLUED_CLOSE.finditer(text):
        opening = text.rfind("(", max(0, m.start() - 200), m.start())
        if opening >= 0 and "\n" not in text[opening:m.start()] \
                and _reads_as_words(text[opening + 1:m.start()]):
            found.append((m.start(), m.end(), ") ", "space_after_punctuation", ")"))
    return [make_finding("space_after_punctuation", field.name, field.text, positions,
                         start, end, fix=fix, code=code, mark=mark)
            for start, end, fix, code, mark in sorted(found)]


def _ends_word(text: str, at: int, mark: str) -> bool:
    """Does a word (or a closing bracket, quote, percent or emphasis) end just before ``at``?"""
    i = at
    while i > 0 and text[i - 1] in _EMPHASIS:
        i -= 1
    if i == 0:
        return False
    before = text[i - 1]
    if before in _CLOSERS:
        return True
    if before in "\"'":  # a straight quote closing a word: "“3 tại chỗ\",cứu hộ"
        return i >= 2 and not text[i - 2].isspace()
    if before.isdigit():
        # "năm 2025,tỉnh", "năm 2026:tăng"; "19:30", "U.23", "2001:db8" are not judged
        return mark in ",;" or (mark == ":" and re.match(r"[^\W\d_]+\b", text[at + 1:at + 40])
                                is not None)
    return before.isalpha()


def _lower_word_before(text: str, at: int) -> bool:
    """A lower-case word of two letters or more (or a closer) ends at ``at``."""
    i = at
    while i > 0 and text[i - 1] in _EMPHASIS:
        i -= 1
    if i and text[i - 1] in _CLOSERS:
        return True
    return i >= 2 and text[i - 2:i].isalpha() and text[i - 2:i].islower()


def _starts_sentence_word(text: str, at: int) -> bool:
    """A capitalised word (a capital, then a lower-case letter) starts at ``at``."""
    return text[at:at + 1].isupper() and text[at + 1:at + 2].isalpha() \
        and text[at + 1:at + 2].islower()


def _reads_as_words(inside: str) -> bool:
    """Bracketed prose ("mạnh", "tỉnh Kon Tum"), not "s", "OH" or code ("sys.argv[1]")."""
    if any(ch in _CODE_CHARS for ch in inside):
        return False
    letters = [ch for ch in inside if ch.isalpha()]
    return len(letters) >= 2 and any(ch.islower() for ch in letters) \
        and (" " in inside.strip() or not inside.isascii())
