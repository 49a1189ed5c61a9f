"""Proofing rule ``typing_leftover``: Telex or VNI keys left unconverted.

"đã đwowcj báo Vieetj Nam" holds two words an input method should have
turned into "được" and "Việt"; the finding's fix is the intended word. What
counts as a leftover is decided by :func:`deskapp.text.leftovers.intended_word`
(the replayed word must be a Vietnamese syllable and the written one not).
This module adds what only the article can tell:

* a capital that opens a sentence followed by a lower-case word is not a
  name ("Khoong ai biết" is "Không ai biết");
* a word inside an English phrase is English ("the best of", "made in"): a
  word beside an English-looking word (lower-case ASCII, not a syllable,
  not keys) or an allowed word is left alone, and so is every word of a
  sentence or a paragraph where such words are two or more and two fifths
  or more;
* words joined by a hyphen, an apostrophe, a dot or a slash to other letters
  or digits are compounds, codes or foreign names (check-in, Jae-in, H'Mông,
  COVID-19, v.v.), never keys;
* the allow-list ``resources/proof/typing_leftovers_allow.txt`` (English
  words, brands, foreign names) is data an editor may extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from deskapp.proof.findings import Finding, Positions, make_finding
from deskapp.proof.words import FieldText
from deskapp.resources import resource_path
from deskapp.text.leftovers import intended_word
from deskapp.text.syllable import is_vietnamese_syllable

RULE = "typing_leftover"
ALLOW_LIST = ("proof", "typing_leftovers_allow.txt")

# Letters and digits (VNI keys are digits); "_" is not part of a word.
_TOKEN = re.compile(r"[^\W_]+")
_JOINERS = "-'’./@&+"
# A sentence: up to a full stop, question or exclamation mark followed by a
# space, or the end of a line.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?…](?=\s)|$)", re.MULTILINE)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*(?:\n|$))[^\n]*)*")
_SENTENCE_ENDS = ".!?…:;"
_SENTENCE_LEAD = " \t*_#>-+“‘\"'([«"


@cache
def allowed_words() -> frozenset[str]:
    """The case-folded words of the shipped allow-list."""
    words: set[str] = set()
    for line in resource_path(*ALLOW_LIST).read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            words.update(w.casefold() for w in line.split())
    return frozenset(words)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


def typing_leftovers(field: FieldText, positions: Positions,
                     allowed: frozenset[str] | None = None) -> list[Finding]:
    """Findings for the key sequences left in one field, each fixed to its intended word."""
    allowed = allowed_words() if allowed is None else allowed
    findings = []
    for paragraph in _PARAGRAPH.finditer(field.masked):
        if _english(_tokens(paragraph.group(), paragraph.start()), allowed):
            continue
        for sentence in _SENTENCE.finditer(paragraph.group()):
            tokens = _tokens(sentence.group(), paragraph.start() + sentence.start())
            if not _english(tokens, allowed):
                findings.extend(_in_sentence(field, positions, tokens, allowed))
    return findings


def _tokens(text: str, offset: int) -> list[_Token]:
    return [_Token(offset + m.start(), offset + m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _english(tokens: list[_Token], allowed: frozenset[str]) -> bool:
    """An English sentence, paragraph or quotation, where no word is keys."""
    english = sum(_english_looking(t.text, allowed) for t in tokens)
    return english >= 2 and english >= 0.4 * len(tokens)


def _in_sentence(field: FieldText, positions: Positions, tokens: list[_Token],
                 allowed: frozenset[str]) -> list[Finding]:
    text = field.masked
    findings = []
    for i, token in enumerate(tokens):
        if _joined(text, token):
            continue
        name = token.text[:1].isupper() and not _opens_sentence(text, token, tokens, i)
        fix = intended_word(token.text, allowed, name=name)
        if fix is None:
            continue
        neighbours = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        if any(_beside(text, token, other) and _english_looking(other.text, allowed)
               for other in neighbours):
            continue
        findings.append(make_finding(RULE, field.name, field.text, positions, token.start,
                                     token.end, fix=fix, word=token.text))
    return findings


def _joined(text: str, token: _Token) -> bool:
    """Is the token glued to other letters or digits by - ' . / and the like?"""
    before = text[token.start - 2:token.start] if token.start >= 2 else ""
    after = text[token.end:token.end + 2]
    if before[-1:] in ("{", "<", "$") or after[:1] in ("}", ">"):
        return True  # a placeholder or a tag: {name}, <b>
    return (len(before) == 2 and before[1] in _JOINERS and before[0].isalnum()) or (
        len(after) == 2 and after[0] in _JOINERS and after[1].isalnum()
    )


def _opens_sentence(text: str, token: _Token, tokens: list[_Token], i: int) -> bool:
    """First word of a sentence, followed by a lower-case word: its capital says nothing."""
    j = token.start - 1
    while j >= 0 and text[j] in _SENTENCE_LEAD:
        j -= 1
    starts = j < 0 or text[j] == "\n" or text[j] in _SENTENCE_ENDS
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return starts and following is not None and following.text[:1].islower() and (
        text[token.end:following.start] == " ")


def _beside(text: str, token: _Token, other: _Token) -> bool:
    """Only spaces between the two tokens (the same phrase)."""
    gap = text[min(token.end, other.end):max(token.start, other.start)]
    return gap != "" and gap.strip(" ") == ""


@lru_cache(maxsize=1 << 16)
def _english_looking(word: str, allowed: frozenset[str]) -> bool:
    if word.casefold() in allowed:
        return True
    if not word.isascii() or not word.isalpha() or len(word) < 2 or not word.islower():
        return False  # capitalised words are names, next to which keys are still keys
    return not is_vietnamese_syllable(word) and intended_word(word, allowed) is None
