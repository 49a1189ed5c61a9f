"""Legacy Vietnamese encodings: decode, encode, repair and detect.

Newsroom archives from before Unicode hold Vietnamese in several 8-bit
encodings, and they still arrive as files, e-mail attachments and pastes:

* **TCVN3** ("ABC", the ``.VnTime`` fonts), TCVN 5712:1993 table VN3. One
  byte per letter. The main font has lower-case letters and only seven
  capitals (Ă Â Ê Ô Ơ Ư Đ); capitals with tones are drawn by the separate
  ``.VnTimeH`` fonts, which show the *lower-case codes* as capitals. Plain
  text keeps no font, so those capitals come back lower case; see
  :func:`_recase_vntimeh` for how whole capitalised words are restored.
* **VNI-Windows** (the ``VNI-Times`` fonts): a base letter followed by one
  mark byte ("a" + "ù" is á, "a" + "ä" is ậ), upper-case letters with
  upper-case mark bytes; ơ, ư, đ, the toned i and ỵ have bytes of their own.
* **VIQR** (RFC 1456): plain ASCII, the marks typed after the vowel
  (``Vie^.t Nam``, ``ddi``), a backslash making a mark literal (``\\.``).
* **Windows-1258**: Microsoft's Vietnamese code page. Some letters are
  precomposed, tones are separate combining bytes, so decoded text is partly
  decomposed and must be recomposed.
* **Decomposed Unicode** ("Unicode tổ hợp", NFD): recomposed to NFC.

A legacy file opened as Windows-1252 or Latin-1 shows mojibake (``ViÖt Nam``,
``Vieät Nam``); :func:`fix_mojibake` maps the characters back to the bytes
they came from and decodes those. :func:`detect` decides which reading, if
any, is right, and only claims confidence when every byte maps and the
result reads as Vietnamese syllable after syllable.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from deskapp.text.normalize import nfc
from deskapp.text.syllable import (
    ACUTE,
    DOT,
    GRAVE,
    HOOK,
    TILDE,
    TONE_MARKS,
    VOWELS,
    is_place_name_syllable,
    is_vietnamese_syllable,
)

ENCODINGS = ("utf8", "tcvn3", "vni", "viqr", "cp1258", "nfd")
"""Names accepted by :func:`decode_legacy` and :func:`encode_legacy`."""

CONFIDENT = 0.9
"""Confidence from which a detection may be applied without asking."""

_ALIASES = {
    "utf-8": "utf8",
    "tcvn": "tcvn3",
    "abc": "tcvn3",
    "vn3": "tcvn3",
    "vni-windows": "vni",
    "windows-1258": "cp1258",
    "unicode-to-hop": "nfd",
}

BREVE, CIRCUMFLEX, HORN = "\u0306", "\u0302", "\u031b"
_BAD = "\ufffd"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _build_letters() -> str:
    """The Vietnamese letters outside ASCII: 67 lower case, then 67 upper case."""
    lower = ["ă", "â", "ê", "ô", "ơ", "ư", "đ"]
    lower += [_nfc(v + mark) for v in VOWELS for mark in TONE_MARKS]
    return "".join(lower) + "".join(ch.upper() for ch in lower)


VIETNAMESE_LETTERS = _build_letters()
"""All 134 letters of Vietnamese that are not ASCII (lower case first)."""

_LOWER_LETTERS = VIETNAMESE_LETTERS[:67]
_TO_UPPER = str.maketrans(_LOWER_LETTERS, VIETNAMESE_LETTERS[67:])
_VIET_SET = frozenset(VIETNAMESE_LETTERS)


# --- Windows punctuation shared by the 8-bit fonts ---------------------------
#
# The TCVN3 and VNI fonts are Windows fonts: bytes 0x80-0x9F hold the same
# curly quotes, dashes and ellipsis as Windows-1252 (Microsoft's code page
# table), and Word wrote them there. Byte 0xA0 is the no-break space.


def _cp1252_high() -> dict[int, str]:
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    table[0xA0] = "\xa0"
    return table


_WINDOWS_HIGH = _cp1252_high()


def _translate(view: str, charmap: str) -> str:
    """Map each byte of ``view`` through a 256-character table.

    Same result as ``str.translate`` with a byte → character table, but done
    by the C charmap codec, several times faster, whenever the view is pure
    bytes (a file). A repaired paste may also hold characters above U+00FF,
    which are kept as they are.
    """
    try:
        data = view.encode("latin-1")
    except UnicodeEncodeError:
        return view.translate(dict(enumerate(charmap)))
    return codecs.charmap_decode(data, "strict", charmap)[0]


def _charmap(table: dict[int, str]) -> str:
    """A byte → one-character table as the 256-character string the charmap codec takes."""
    return "".join(table.get(byte, chr(byte)) for byte in range(256))


# --- TCVN3 -------------------------------------------------------------------
#
# Source: TCVN 5712:1993 "Công nghệ thông tin - Bộ mã chuẩn 8-bit kí tự Việt
# dùng trong trao đổi thông tin", table VN3 (the "ABC" font encoding), as
# reproduced in the charset tables of the Unikey and vietunicode projects.
# VN3 leaves 0xAF, 0xBA, 0xBF, 0xC0-0xC5, 0xCD, 0xD9-0xDB, 0xE0, 0xF0 and
# 0xFF unused (VN1 puts capitals there); bytes 0xB0-0xB4 are the five
# combining tone marks.

_TCVN3_PLAIN = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB0: GRAVE, 0xB1: HOOK, 0xB2: TILDE, 0xB3: ACUTE, 0xB4: DOT,
}  # fmt: skip

# Each vowel's bytes for huyền, hỏi, ngã, sắc, nặng (the order of TONE_MARKS).
_TCVN3_TONED = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}


def _tcvn3_tables() -> tuple[dict[int, str], dict[str, int]]:
    """Byte → character (unmapped bytes → U+FFFD) and character → byte."""
    decode: dict[int, str] = dict(_WINDOWS_HIGH) | _TCVN3_PLAIN
    for vowel, codes in _TCVN3_TONED.items():
        for mark, code in zip(TONE_MARKS, codes, strict=True):
            decode[code] = _nfc(vowel + mark)
    encode = {char: byte for byte, char in decode.items()}
    # Toned capitals take the lower-case code, as the .VnTimeH fonts expect.
    for vowel, codes in _TCVN3_TONED.items():
        for mark, code in zip(TONE_MARKS, codes, strict=True):
            encode.setdefault(_nfc(vowel.upper() + mark), code)
    for byte in range(0x80, 0x100):
        decode.setdefault(byte, _BAD)
    return decode, encode


_TCVN3_DECODE, _TCVN3_ENCODE = _tcvn3_tables()
_TCVN3_CHARMAP = _charmap(_TCVN3_DECODE)


# --- VNI-Windows ---------------------------------------------------------------
#
# Source: the VNI-Windows encoding of the VNI fonts (VNI Software Company),
# as documented in the charset tables of Unikey and vietunicode.sourceforge.net.
# Each mark byte is given as (lower-case byte, upper-case byte).

_VNI_TONE = {
    GRAVE: (0xF8, 0xD8), HOOK: (0xFB, 0xDB), TILDE: (0xF5, 0xD5),
    ACUTE: (0xF9, 0xD9), DOT: (0xEF, 0xCF),
}  # fmt: skip
_VNI_CIRCUMFLEX = (0xE2, 0xC2)
_VNI_CIRCUMFLEX_TONE = {
    GRAVE: (0xE0, 0xC0), HOOK: (0xE5, 0xC5), TILDE: (0xE3, 0xC3),
    ACUTE: (0xE1, 0xC1), DOT: (0xE4, 0xC4),
}  # fmt: skip
_VNI_BREVE = (0xEA, 0xCA)
_VNI_BREVE_TONE = {
    GRAVE: (0xE8, 0xC8), HOOK: (0xFA, 0xDA), TILDE: (0xFC, 0xDC),
    ACUTE: (0xE9, 0xC9), DOT: (0xEB, 0xCB),
}  # fmt: skip
# Letters with a byte of their own (ơ and ư also take tone bytes after them).
_VNI_SINGLE = {
    "ơ": (0xF4, 0xD4), "ư": (0xF6, 0xD6), "đ": (0xF1, 0xD1),
    "ì": (0xEC, 0xCC), "ỉ": (0xE6, 0xC6), "ĩ": (0xF3, 0xD3),
    "í": (0xED, 0xCD), "ị": (0xF2, 0xD2), "ỵ": (0xEE, 0xCE),
}  # fmt: skip
# Latin-1 symbols the VNI fonts keep: 0xA1-0xBF, multiplication and division.
_VNI_SYMBOLS = {byte: chr(byte) for byte in (*range(0xA1, 0xC0), 0xD7, 0xF7)}


def _vni_sequences() -> dict[str, bytes]:
    """Every lower-case Vietnamese letter outside ASCII → its VNI bytes (lower case)."""
    seq: dict[str, bytes] = {}
    for letter, (low, _) in _VNI_SINGLE.items():
        seq[letter] = bytes([low])
    for vowel in "aeouy":
        for mark, (low, _) in _VNI_TONE.items():
            seq.setdefault(_nfc(vowel + mark), vowel.encode() + bytes([low]))
    for vowel in "aeo":
        seq[_nfc(vowel + CIRCUMFLEX)] = vowel.encode() + bytes([_VNI_CIRCUMFLEX[0]])
        for mark, (low, _) in _VNI_CIRCUMFLEX_TONE.items():
            seq[_nfc(vowel + CIRCUMFLEX + mark)] = vowel.encode() + bytes([low])
    seq["ă"] = b"a" + bytes([_VNI_BREVE[0]])
    for mark, (low, _) in _VNI_BREVE_TONE.items():
        seq[_nfc("a" + BREVE + mark)] = b"a" + bytes([low])
    for horned in "ơư":
        for mark, (low, _) in _VNI_TONE.items():
            seq[_nfc(horned + mark)] = seq[horned] + bytes([low])
    return seq


def _vni_tables() -> tuple[dict[str, str], dict[str, bytes], str, str]:
    """Decode map (byte-view text → letter), encode map, base and mark classes."""
    lower = _vni_sequences()
    upper_of = dict(
        [
            *_VNI_TONE.values(),
            *_VNI_CIRCUMFLEX_TONE.values(),
            *_VNI_BREVE_TONE.values(),
            _VNI_CIRCUMFLEX,
            _VNI_BREVE,
            *_VNI_SINGLE.values(),
        ]
    )
    encode: dict[str, bytes] = {}
    for letter, code in lower.items():
        encode[letter] = code
        encode[letter.upper()] = bytes(
            byte - 0x20 if byte < 0x80 else upper_of[byte] for byte in code
        )
    decode: dict[str, str] = {code.decode("latin-1"): letter for letter, code in encode.items()}
    for byte, char in (_WINDOWS_HIGH | _VNI_SYMBOLS).items():
        encode.setdefault(char, bytes([byte]))
    # A mark byte of the other case still belongs to its base letter: the
    # case of the letter is the case of the base.
    lower_of = {up: low for low, up in upper_of.items()}
    for view, letter in list(decode.items()):
        if len(view) == 2:
            mark = ord(view[1])
            other = upper_of.get(mark, lower_of.get(mark))
            decode.setdefault(view[0] + chr(other), letter)
    for char, code in encode.items():
        decode.setdefault(code.decode("latin-1"), char)
    bases = "".join(sorted({view[0] for view in decode if len(view) == 2}))
    marks = "".join(sorted({view[1] for view in decode if len(view) == 2}))
    return decode, encode, bases, marks


_VNI_DECODE, _VNI_ENCODE, _VNI_BASES, _VNI_MARKS = _vni_tables()
_VNI_TOKEN = re.compile(f"[{re.escape(_VNI_BASES)}][{re.escape(_VNI_MARKS)}]|[\x80-\xff]")


# --- Windows-1258 ------------------------------------------------------------
#
# Source: Microsoft's code page 1258 table as published by the Unicode
# Consortium (MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1258.TXT), which Python's
# "cp1258" codec implements byte for byte.


def _cp1258_decode_table() -> dict[int, str]:
    table = {}
    for byte in range(0x80, 0x100):
        try:
            table[byte] = bytes([byte]).decode("cp1258")
        except UnicodeDecodeError:
            table[byte] = _BAD
    return table


_CP1258_CHARMAP = _charmap(_cp1258_decode_table())


# --- VIQR ----------------------------------------------------------------------
#
# Source: RFC 1456, "Conventions for Encoding the Vietnamese Language VISCII:
# VIetnamese Standard Code for Information Interchange VIQR: VIetnamese
# Quoted-Readable Specification" (1993). Modifier then tone after the vowel;
# DD/dd for Đ/đ; a backslash makes the next mark character literal.

_VIQR_MODIFIER = {"(": BREVE, "^": CIRCUMFLEX, "+": HORN}
_VIQR_TONE = {"`": GRAVE, "?": HOOK, "~": TILDE, "'": ACUTE, ".": DOT}
_VIQR_BASE_MODIFIERS = {"a": "(^", "e": "^", "o": "^+", "u": "+", "i": "", "y": ""}
_VIQR_MARK_CHARS = frozenset("(^+`?~'.")


def _viqr_tables() -> tuple[dict[str, str], dict[str, str]]:
    """VIQR sequence → letter, and letter → VIQR sequence."""
    decode: dict[str, str] = {}
    for base, modifiers in _VIQR_BASE_MODIFIERS.items():
        for letter in (base, base.upper()):
            for mod in ("", *modifiers):
                for tone in ("", *_VIQR_TONE):
                    if mod or tone:
                        marks = _VIQR_MODIFIER.get(mod, "") + _VIQR_TONE.get(tone, "")
                        decode[letter + mod + tone] = _nfc(letter + marks)
    encode = {letter: seq for seq, letter in decode.items()}
    return decode, encode


_VIQR_DECODE, _VIQR_ENCODE = _viqr_tables()
_VIQR_TOKEN = re.compile(
    r"\\([\\(^+'`?~.dD])"
    r"|(?<![A-Za-z])([dD][dD])"
    r"|([aA][(^][`?~'.]?|[eEoO]\^[`?~'.]?|[oOuU]\+[`?~'.]?|[aAeEiIoOuUyY][`?~'.])"
)
_VIQR_HINT = re.compile(r"[aAeEiIoOuUyY][(^+`?~'.]|(?<![A-Za-z])[dD][dD][aeiouyAEIOUY]")
# A dot or question mark closing a line right after a vowel: RFC 1456 reads it
# as a tone, but writers who never escape mean the end of a sentence.
_VIQR_LINE_END_TONE = re.compile(r"[aAeEiIoOuUyY(^+][.?](?=[ \t]*(?:\r|\n|$))")
# Except in a headline: one line in capitals with a VIQR modifier or a DD
# ("BA~O SO^' 9 DDO^? BO^."). Headlines have no full stop, and English capitals
# have no ^ ( + after a vowel nor DD before one.
_VIQR_CAPITAL_SIGN = re.compile(r"[AEOU][(^+]|(?<![A-Z])DD[AEIOUY]")


def _viqr_headline(source: str) -> bool:
    line = source.strip()
    return ("\n" not in line and len(line) <= 300 and not re.search("[a-z]", line)
            and _VIQR_CAPITAL_SIGN.search(line) is not None)


# --- Recomposition -------------------------------------------------------------

_COMBINING = re.compile(r"[\u0300-\u036f]")
_MARK_RUN = re.compile(r"[\u0300-\u036f]{2,}")
_FIRST_MARKS = frozenset((BREVE, CIRCUMFLEX, HORN))


def recompose(text: str) -> str:
    """NFC for Vietnamese, whatever order the marks were typed in.

    NFD of "ặ" is a + dot below + breve (canonical order puts the dot, class
    220, before the breve, class 230), and NFC composes that correctly. But
    some legacy converters wrote the tone *before* the breve or circumflex,
    both class 230, and Unicode keeps marks of equal class in the order given,
    so plain NFC would leave "á" + circumflex instead of "ấ". Within each run
    of marks the vowel modifiers are moved first, then NFC is applied.
    """
    if not _COMBINING.search(text):
        return nfc(text)
    decomposed = unicodedata.normalize("NFD", text)
    reordered = _MARK_RUN.sub(_modifiers_first, decomposed)
    return unicodedata.normalize("NFC", reordered)


def _modifiers_first(match: re.Match[str]) -> str:
    return "".join(sorted(match.group(), key=lambda mark: mark not in _FIRST_MARKS))


# --- Decoding ------------------------------------------------------------------


def _canonical(encoding: str) -> str:
    name = encoding.strip().lower().replace("_", "-")
    name = _ALIASES.get(name, name)
    if name not in ENCODINGS:
        raise ValueError(f"unknown Vietnamese encoding {encoding!r}; use one of {ENCODINGS}")
    return name


@dataclass
class _Decoded:
    """Text decoded from a byte view, with the byte offsets that did not map."""

    text: str
    errors: list[int] = field(default_factory=list)


def _decode_tcvn3(view: str) -> _Decoded:
    text = _translate(view, _TCVN3_CHARMAP)
    errors = [m.start() for m in re.finditer(_BAD, text)] if _BAD in text else []
    # Capitals first: a tone byte after a plain letter is not one of the
    # lower-case codes a .VnTimeH font would have shown as a capital.
    return _Decoded(recompose(_recase_vntimeh(text)), errors)


def _decode_vni(view: str) -> _Decoded:
    errors: list[int] = []

    def one(match: re.Match[str]) -> str:
        token = match.group()
        letter = _VNI_DECODE.get(token)
        if letter is not None:
            return letter
        if len(token) == 2:  # a base letter and a mark that cannot go on it
            errors.append(match.start() + 1)
            return _VNI_DECODE.get(token[0], token[0]) + _BAD
        errors.append(match.start())
        return _BAD

    return _Decoded(_VNI_TOKEN.sub(one, view), errors)


def _decode_cp1258(view: str) -> _Decoded:
    text = _translate(view, _CP1258_CHARMAP)
    errors = [m.start() for m in re.finditer(_BAD, text)] if _BAD in text else []
    return _Decoded(recompose(text), errors)


_VIEW_DECODERS: dict[str, Callable[[str], _Decoded]] = {
    "tcvn3": _decode_tcvn3,
    "vni": _decode_vni,
    "cp1258": _decode_cp1258,
}


def decode_viqr(text: str) -> str:
    """Convert VIQR (RFC 1456) text to NFC.

    Follows the RFC strictly: a mark after a vowel is a diacritic unless
    escaped with a backslash, so "ddi." is "đị"; "ddi\\." is "đi.".
    "dd"/"DD" becomes đ/Đ only at the start of a word, since English words
    ("add", "sudden") contain "dd" and Vietnamese has đ only as an initial.
    """
    return _nfc(_VIQR_TOKEN.sub(_viqr_one, text))


def _viqr_one(match: re.Match[str]) -> str:
    escaped, dd, vowel = match.groups()
    if escaped is not None:
        return escaped
    if dd is not None:
        return "Đ" if dd[0] == "D" else "đ"
    return _VIQR_DECODE[vowel]


def decode_legacy(data: bytes, encoding: str, errors: str = "strict") -> str:
    """Decode ``data`` written in a Vietnamese ``encoding`` (see :data:`ENCODINGS`) to NFC.

    ``errors`` is "strict" (raise :class:`UnicodeDecodeError` at the first byte
    that is not in the table) or "replace" (U+FFFD in its place).
    """
    name = _canonical(encoding)
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    if name in _VIEW_DECODERS:
        decoded = _VIEW_DECODERS[name](data.decode("latin-1"))
        if decoded.errors and errors == "strict":
            at = decoded.errors[0]
            raise UnicodeDecodeError(name, data, at, at + 1, "byte not in the table")
        return decoded.text
    text = _text_from_bytes(data, errors)
    if name == "viqr":
        return decode_viqr(text)
    return recompose(text)


def _text_from_bytes(data: bytes, errors: str) -> str:
    """UTF-8 with or without a byte order mark: how VIQR and NFD files are stored."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if errors == "strict":
            raise
        return data.decode("utf-8-sig", errors="replace")


# --- Mojibake ------------------------------------------------------------------

# Windows-1252 character → the byte it stands for, as a Latin-1 character.
# Latin-1 characters and C1 controls stand for themselves.
_TO_VIEW = {ord(char): chr(byte) for byte, char in _WINDOWS_HIGH.items()}


def _byte_view(text: str) -> str:
    """The bytes a Windows-1252 / Latin-1 reader turned into ``text``, one char per byte.

    Characters no such reader produces (a real "ệ" typed later) stay as they
    are; the decoders leave them alone.
    """
    return text.translate(_TO_VIEW)


def _display(view: str) -> str:
    """How a byte view looks in a Windows-1252 editor (for showing changes)."""
    return _translate(view, _DISPLAY_CHARMAP)


_DISPLAY_CHARMAP = _charmap(_WINDOWS_HIGH)


def fix_mojibake(text: str, encoding: str) -> str:
    """Repair a legacy file that was opened as Windows-1252/Latin-1.

    "ViÖt Nam" (TCVN3) and "Vieät Nam" (VNI) both become "Việt Nam". The text is
    turned back into the original bytes and decoded with the legacy table;
    anything that does not map is left as it was, so a partly repaired text
    is never made worse.
    """
    name = _canonical(encoding)
    if name == "viqr":
        return decode_viqr(text)
    if name not in _VIEW_DECODERS:
        return recompose(text)
    view = _byte_view(text)
    decoded = _VIEW_DECODERS[name](view)
    if not decoded.errors:
        return decoded.text
    return _keep_unmapped(view, name)


def _keep_unmapped(view: str, name: str) -> str:
    """Re-decode word by word, keeping the original of each word that does not map."""
    out = []
    for piece in re.split(r"(\s+)", view):
        if not piece or piece.isspace():
            out.append(piece)
            continue
        part = _VIEW_DECODERS[name](piece)
        out.append(_display(piece) if part.errors else part.text)
    return "".join(out)


# --- .VnTimeH capitals -----------------------------------------------------------

_ASCII_LOWER = re.compile(r"[a-z]")
_ASCII_UPPER = re.compile(r"[A-Z]")
_HAS_VIET_LOWER = re.compile(f"[{_LOWER_LETTERS}]")
# A line without ASCII lower case (a headline candidate), and two ASCII
# capitals inside one word. Both are rare in running text, so searching for
# them is much cheaper than examining every line and word.
_NO_ASCII_LOWER_LINE = re.compile(r"(?m)^[^a-z\n]+$")
_TWO_CAPITALS = re.compile(r"[A-Z][^\W\d_]*[A-Z]")
# A toned lower-case letter opening the text, a paragraph or a sentence,
# possibly after an opening quote, bracket or dash. (Untoned Ă Â Ê Ô Ơ Ư Đ
# have codes of their own, so a lower-case one there was typed that way.)
_SENTENCE_START = re.compile(
    r"(?:\A|\n[ \t]*\n|[.!?…][\"”’)]?\s+)"
    r"[ \t]*[\"“‘(\[«-]?[ \t]*"
    f"([{_LOWER_LETTERS[7:]}])"
)


def _recase_vntimeh(text: str) -> str:
    """Restore capitals that a ``.VnTimeH`` font drew from lower-case codes.

    A headline typed in .VnTimeH is stored as "VIÖT NAM": ASCII capitals with
    lower-case TCVN3 codes between them. A line with no ASCII lower case and at
    least three ASCII capitals is such a headline; so is a single word with at
    least two ASCII capitals and no ASCII lower case ("Mà", one capital, is
    left alone). In running text a writer switched to .VnTimeH for the first
    letter of a sentence ("Ủy ban...", "Ở đó..."), so a lower-case toned
    letter opening the text, a paragraph or a sentence is capitalised. A
    capital in the middle of a sentence ("tỉnh Ủy ban") cannot be told apart
    from a lower-case letter and stays lower case.
    """
    if not _HAS_VIET_LOWER.search(text):
        return text
    text = _NO_ASCII_LOWER_LINE.sub(_recase_headline, text)
    text = _recase_capitalised_words(text)
    return _SENTENCE_START.sub(_capitalise, text)


def _recase_headline(match: re.Match[str]) -> str:
    line = match.group()
    return line.translate(_TO_UPPER) if len(_ASCII_UPPER.findall(line)) >= 3 else line


def _recase_capitalised_words(text: str) -> str:
    """Upper-case each word with two ASCII capitals and no ASCII lower case."""
    pieces: list[str] = []
    done = 0
    for match in _TWO_CAPITALS.finditer(text):
        start, end = match.start(), match.end()
        if start < done:
            continue
        while start > done and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        word = text[start:end]
        if not _ASCII_LOWER.search(word):
            pieces += [text[done:start], word.translate(_TO_UPPER)]
            done = end
    return "".join(pieces) + text[done:] if pieces else text


def _capitalise(match: re.Match[str]) -> str:
    whole, start = match.group(), match.start(1) - match.start()
    return whole[:start] + whole[start].translate(_TO_UPPER)


# --- Encoding ----------------------------------------------------------------------


def encode_legacy(text: str, encoding: str, errors: str = "strict") -> bytes:
    """Encode ``text`` in a Vietnamese ``encoding``, for saving in a legacy format.

    TCVN3 writes capitals with tones as their lower-case codes, the form the
    ``.VnTimeH`` fonts display as capitals. VIQR output is ASCII except for
    characters VIQR has no spelling for (curly quotes, dashes), which are kept
    as UTF-8. ``errors`` is "strict" (raise :class:`UnicodeEncodeError`) or
    "replace" ("?" for a character the encoding lacks).
    """
    name = _canonical(encoding)
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    text = recompose(text)
    if name == "utf8":
        return text.encode("utf-8")
    if name == "nfd":
        return unicodedata.normalize("NFD", text).encode("utf-8")
    if name == "viqr":
        return encode_viqr(text).encode("utf-8")
    table: Callable[[str], bytes | None] = {
        "tcvn3": _tcvn3_char,
        "vni": _VNI_ENCODE.get,
        "cp1258": _cp1258_char,
    }[name]
    return _encode_chars(text, name, table, errors)


def _encode_chars(text: str, name: str, table: Callable[[str], bytes | None], errors: str) -> bytes:
    out = bytearray()
    for i, char in enumerate(text):
        if char < "\x80":
            out += char.encode("ascii")
            continue
        code = table(char)
        if code is None:
            if errors == "strict":
                raise UnicodeEncodeError(name, text, i, i + 1, "no code for this character")
            code = b"?"
        out += code
    return bytes(out)


def _tcvn3_char(char: str) -> bytes | None:
    byte = _TCVN3_ENCODE.get(char)
    return None if byte is None else bytes([byte])


def _cp1258_char(char: str) -> bytes | None:
    """A character as Windows-1258: precomposed if the code page has it, else base + tone."""
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        pass
    parts = unicodedata.normalize("NFD", char)
    modifiers = "".join(m for m in parts[1:] if m in _FIRST_MARKS)
    tones = "".join(m for m in parts[1:] if m not in _FIRST_MARKS)
    try:
        return (_nfc(parts[0] + modifiers) + tones).encode("cp1258")
    except UnicodeEncodeError:
        return None


def encode_viqr(text: str) -> str:
    """Write NFC ``text`` as VIQR, escaping marks that would otherwise be read as tones.

    A mark character right after a vowel ("Hà Nội?"), a backslash, and a
    literal "dd" at the start of a word get a backslash, as RFC 1456 asks.
    """
    out: list[str] = []
    prev = ""
    for char in text:
        # What the decoder will see before a "d" just written: a letter there
        # means "dd" is not at the start of a word and needs no escape.
        written_before = out[-2][-1:] if len(out) >= 2 else ""
        out.append(_viqr_char(char, prev, written_before))
        prev = char
    return "".join(out)


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_VIQR_VOWELS = frozenset(VOWELS + VOWELS.upper()) | {
    ch for ch in VIETNAMESE_LETTERS if ch not in "đĐ"
}


def _viqr_char(char: str, prev: str, written_before: str) -> str:
    if char in _VIQR_ENCODE:
        return _VIQR_ENCODE[char]
    if char in "đĐ":
        return "dd" if char == "đ" else "DD"
    if char == "\\" or (char in _VIQR_MARK_CHARS and prev in _VIQR_VOWELS):
        return "\\" + char
    if char in "dD" and prev in ("d", "D") and not _ASCII_LETTER.fullmatch(written_before):
        return "\\" + char
    return char


# --- Detection ---------------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    """What :func:`detect` concluded about a file or a paste.

    ``encoding`` is one of "utf8", "tcvn3", "vni", "viqr", "cp1258", "nfd" or
    "unknown". ``text`` is the NFC text to use: the input itself for "utf8",
    the conversion for a legacy encoding, ``None`` for "unknown" (nothing is
    converted behind the user's back; ``guess`` names the likeliest reading
    so the user can be asked). ``changes`` holds up to a dozen
    (before, after) word pairs to show what a conversion does, and
    ``change_count`` how many words it changes. ``mojibake`` is true when
    the input was text in which a legacy file had been misread as
    Windows-1252.
    """

    encoding: str
    confidence: float
    text: str | None
    changes: tuple[tuple[str, str], ...] = ()
    change_count: int = 0
    mojibake: bool = False
    guess: str | None = None

    @property
    def confident(self) -> bool:
        """True when the conversion can be applied without asking."""
        return self.encoding != "unknown" and self.confidence >= CONFIDENT


@dataclass
class _Candidate:
    """One reading of the input and the evidence for it, judged on a sample."""

    encoding: str
    text: str
    errors: int = 0
    counted: int = 0  # words that can be judged (letters, not acronyms)
    valid: int = 0  # of those, valid Vietnamese syllables after conversion
    changed: int = 0  # words the conversion changes
    fixed: int = 0  # changed from invalid to valid
    broken: int = 0  # changed into something invalid
    hybrid_valid: int = 0  # valid if only the words it fixes were converted
    pairs: list[tuple[str, str]] = field(default_factory=list)
    confidence: float = 0.0


@dataclass(frozen=True)
class _Reading:
    """A way to read the input: ``convert`` turns ``source`` into text.

    ``shown`` is the input as a person sees it, character for character
    aligned with ``source`` (the byte view of a file is shown as Windows-1252
    would show it), so words can be compared by position.
    """

    encoding: str
    convert: Callable[[str], _Decoded]
    source: str
    shown: str


_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?…–—-*"
_TOKEN_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MAX_PAIRS = 12
_MAX_PAIR_CHARS = 40
# Readings are judged on the first 200,000 characters (30,000-odd words),
# which settles the question long before the end of a book-length file; the
# winner is then converted whole, and a byte outside its table anywhere
# still disqualifies it.
_SAMPLE_CHARS = 200_000
# Words after which a reading that is plainly wrong stops being scored.
_FIRST_LOOK = 2_000


def detect(data: bytes | str) -> Detection:
    """Work out how ``data`` encodes Vietnamese, with a confidence from 0 to 1.

    Bytes that are valid UTF-8 are text: "utf8" unless they hold decomposed
    Vietnamese, VIQR, or mojibake of a legacy file. Other bytes are tried as
    TCVN3, VNI and Windows-1258; a reading wins only when every byte maps,
    nearly every word becomes a valid Vietnamese syllable, and no other
    reading does as well. Anything less is "unknown". Never raises for odd
    input.
    """
    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            return _detect_bytes(bytes(data))
    else:
        text = data
    return _detect_text(text)


def legacy_decoder(data: bytes) -> str | None:
    """Decoder for :func:`deskapp.exchange.decode.decode_text`'s ``legacy`` hook.

    Returns the NFC text only when :func:`detect` is confident, so a file in
    an encoding nobody can vouch for is refused rather than garbled.
    """
    found = detect(data)
    return found.text if found.confident else None


def _detect_bytes(data: bytes) -> Detection:
    view = data.decode("latin-1")
    shown = _display(view)
    readings = [_Reading(name, decoder, view, shown) for name, decoder in _VIEW_DECODERS.items()]
    return _choose(readings, fallback=None)


def _detect_text(text: str) -> Detection:
    recomposed = recompose(text)
    if recomposed != text:
        return _recomposition(text, recomposed)
    readings: list[_Reading] = []
    if _mojibake_signal(text):
        view = _byte_view(text)
        readings += [_Reading(name, dec, view, text) for name, dec in _VIEW_DECODERS.items()]
    if _VIQR_HINT.search(text) and not any(ch in _VIET_SET for ch in text):
        readings.append(_Reading("viqr", _viqr_reading, text, text))
    return _choose(readings, fallback=text)


def _mojibake_signal(text: str) -> bool:
    """Does the text hold a word that is not Vietnamese and has Windows-1252 high characters?

    Genuine Unicode Vietnamese has no such word (its "à" and "ê" sit in valid
    syllables), so the legacy readings are only tried when one turns up.
    """
    return any(_token_verdict(m.group()) is False for m in _HIGH_TOKEN.finditer(_head(text)))


# A whitespace-separated token holding a character a Windows-1252 or Latin-1
# reader makes from a byte above 0x7F.
_HIGH_CHARS = re.escape(
    "".join(ch for ch in map(chr, [*range(0x80, 0x100), *_TO_VIEW]) if not ch.isspace())
)
_HIGH_TOKEN = re.compile(f"(?<!\\S)[^\\s{_HIGH_CHARS}]*[{_HIGH_CHARS}]\\S*")


def _head(text: str) -> str:
    """The first :data:`_SAMPLE_CHARS` characters, cut at a space."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    cut = max(text.rfind(" ", 0, _SAMPLE_CHARS), text.rfind("\n", 0, _SAMPLE_CHARS))
    return text[: cut if cut > 0 else _SAMPLE_CHARS]


def _viqr_reading(text: str) -> _Decoded:
    return _Decoded(decode_viqr(text))


def _recomposition(text: str, recomposed: str) -> Detection:
    pairs, count = _pairs(text, recomposed)
    leftover = bool(_COMBINING.search(recomposed))
    return Detection("nfd", 0.95 if leftover else 1.0, recomposed, tuple(pairs), count)


def _judge(reading: _Reading) -> _Candidate:
    """Score a reading on the head of its input."""
    source = _head(reading.source)
    candidate = _score(reading.encoding, reading.shown[: len(source)], reading.convert(source))
    if (reading.encoding == "viqr" and "\\" not in source
            and _VIQR_LINE_END_TONE.search(source) and not _viqr_headline(source)):
        # RFC 1456 reads "qua." closing a line as "quạ"; a writer who never
        # escapes anything most likely meant a full stop.
        candidate.confidence = min(candidate.confidence, 0.6)
    return candidate


def _score(name: str, shown: str, decoded: _Decoded) -> _Candidate:
    """Compare the input as shown with its conversion, word by word."""
    candidate = _Candidate(name, decoded.text, errors=len(decoded.errors))
    seen: set[tuple[str, str]] = set()
    viqr = name == "viqr"
    # Every reading maps whitespace to itself, so the words line up.
    for i, (old, new) in enumerate(zip(shown.split(), decoded.text.split(), strict=False)):
        if i == _FIRST_LOOK and _hopeless(candidate):
            break
        _tally(candidate, old, new, viqr)
        if old != new and (old, new) not in seen and len(seen) < _MAX_PAIRS:
            seen.add((old, new))
            candidate.pairs.append((_clip(old), _clip(new)))
    candidate.confidence = _confidence(candidate)
    return candidate


def _hopeless(c: _Candidate) -> bool:
    """After a first look: a reading with unmapped bytes or no sign of Vietnamese cannot win."""
    return bool(c.errors) or _confidence(c) < 0.3


def _clip(fragment: str) -> str:
    return fragment if len(fragment) <= _MAX_PAIR_CHARS else fragment[: _MAX_PAIR_CHARS - 1] + "…"


def _tally(candidate: _Candidate, old: str, new: str, viqr: bool) -> None:
    verdict_new = _token_verdict(new)
    if verdict_new is None:
        return
    candidate.counted += 1
    candidate.valid += verdict_new
    if old == new:
        candidate.hybrid_valid += verdict_new
        return
    # A VIQR word with its marks still in it ("Vie^.t") is not a word yet.
    verdict_old = False if viqr else bool(_token_verdict(old))
    candidate.changed += 1
    candidate.hybrid_valid += verdict_old or verdict_new
    if not verdict_new:
        candidate.broken += 1
    elif not verdict_old:
        candidate.fixed += 1


@lru_cache(maxsize=1 << 16)
def _token_verdict(token: str) -> bool | None:
    """Is a whitespace-separated token Vietnamese? ``None`` when it cannot be judged.

    Numbers, acronyms (UBND, COVID) and bare punctuation are not judged. A
    token counts as Vietnamese when, without the punctuation around it, it is
    one word or a hyphenated compound of valid syllables.
    """
    core = token.strip(_EDGE_PUNCT)
    if not core or any(ch.isdigit() for ch in core):
        return None
    if not any(ch.isalpha() for ch in core):
        return None
    if core.isascii() and core.isupper() and len(core) > 1:
        return None
    if not _TOKEN_WORDS.fullmatch(core):
        return False
    return all(is_vietnamese_syllable(word) or is_place_name_syllable(word)
               for word in core.split("-"))


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def _confidence(c: _Candidate) -> float:
    """Combine the evidence into a confidence from 0 to 1.

    * plausibility: the converted text as a whole reads as Vietnamese (88% of
      the words valid gives full marks, 60% or less gives none);
    * purity: the conversion fixes words rather than breaking them;
    * evidence: a few changed words are needed before anything is sure;
    * density: Vietnamese prose has marks on most words, so a conversion that
      changes only one word in fifty is not converting Vietnamese;
    * any byte outside the table divides the result by three.
    """
    if not c.counted or not c.changed:
        return 0.0
    plausibility = _clamp((c.valid / c.counted - 0.6) / 0.28)
    purity = _clamp(((c.changed - c.broken) / c.changed - 0.5) / 0.4)
    evidence = 1.0 - 0.3 ** (c.changed - c.broken)
    density = _clamp(c.changed / c.counted / 0.2)
    confidence = plausibility * purity * evidence * density
    if c.errors:
        confidence *= 0.3
    return round(confidence, 3)


def _choose(readings: list[_Reading], *, fallback: str | None) -> Detection:
    """Pick the winning reading, or say "unknown" (or "utf8" for text that is fine)."""
    judged = sorted(
        ((_judge(r), r) for r in readings), key=lambda pair: pair[0].confidence, reverse=True
    )
    if judged and judged[0][0].confidence >= CONFIDENT:
        best, reading = judged[0]
        rival = len(judged) > 1 and judged[1][0].confidence >= CONFIDENT
        if rival and judged[1][0].text != best.text:
            return _unknown(best, 0.5)
        return _complete(best, reading, mojibake=fallback is not None and best.encoding != "viqr")
    best = judged[0][0] if judged else None
    if fallback is None:
        return _unknown(best, best.confidence if best else 0.0)
    legacy_like = next((c for c, _ in judged if _looks_legacy(c)), None)
    if legacy_like is not None:
        return _unknown(legacy_like, legacy_like.confidence)
    doubt = best.confidence if best else 0.0
    return Detection("utf8", round(1.0 - doubt, 3), fallback)


def _complete(c: _Candidate, reading: _Reading, *, mojibake: bool) -> Detection:
    """Convert the whole input with the winning reading (it was judged on a sample)."""
    if len(_head(reading.source)) == len(reading.source):
        return Detection(
            c.encoding, c.confidence, c.text, tuple(c.pairs), c.changed, mojibake=mojibake
        )
    whole = reading.convert(reading.source)
    if whole.errors:
        return _unknown(c, c.confidence * 0.3)
    _, count = _pairs(reading.shown, whole.text, limit=0)
    return Detection(c.encoding, c.confidence, whole.text, tuple(c.pairs), count, mojibake=mojibake)


def _looks_legacy(c: _Candidate) -> bool:
    """Text that is partly legacy: several words become Vietnamese only when converted."""
    return c.fixed >= 3 and c.counted > 0 and c.hybrid_valid / c.counted >= 0.8


def _unknown(c: _Candidate | None, confidence: float) -> Detection:
    if c is None:
        return Detection("unknown", 0.0, None)
    low = min(confidence, CONFIDENT - 0.01)
    return Detection("unknown", round(low, 3), None, tuple(c.pairs), c.changed, guess=c.encoding)


def _pairs(before: str, after: str, limit: int = _MAX_PAIRS) -> tuple[list[tuple[str, str]], int]:
    """Up to ``limit`` distinct (before, after) word pairs, and how many words differ."""
    pairs: list[tuple[str, str]] = []
    count = 0
    for old, new in zip(before.split(), after.split(), strict=False):
        if old != new:
            count += 1
            if len(pairs) < limit and (_clip(old), _clip(new)) not in pairs:
                pairs.append((_clip(old), _clip(new)))
    return pairs, count
