"""Words of an article's fields, with where they are, for the proofing rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from deskapp.proof.markdown import mask

_WORD = re.compile(r"\w+")
# What may sit between the end of a sentence and the next word's capital:
# spaces, Markdown markers, opening quotes and brackets.
_SENTENCE_LEAD = " \t*_#>-+“‘\"'([«"
_SENTENCE_ENDS = ".!?…:;"


@dataclass(frozen=True)
class Word:
    """A run of letters in one field: ``start``/``end`` are offsets in that field."""

    field: str
    start: int
    end: int
    text: str
    sentence_start: bool

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class FieldText:
    """One field's text and the same text with code and URLs masked out."""

    name: str
    text: str
    masked: str


def field_texts(article: object, names: tuple[str, ...]) -> list[FieldText]:
    """The named fields of ``article``; only the body is read as Markdown."""
    result = []
    for name in names:
        text = getattr(article, name) or ""
        result.append(FieldText(name, text, mask(text, markdown=name == "body")))
    return result


def words(field: FieldText) -> list[Word]:
    """The letter-only words of a field (tokens with digits or ``_`` are skipped)."""
    found = []
    for match in _WORD.finditer(field.masked):
        token = match.group()
        if not token.isalpha():
            continue
        found.append(Word(field.name, match.start(), match.end(), token,
                          _starts_sentence(field.masked, match.start())))
    return found


def _starts_sentence(text: str, start: int) -> bool:
    """Is the word at ``start`` the first of a sentence, a paragraph or a line?"""
    i = start - 1
    while i >= 0 and text[i] in _SENTENCE_LEAD:
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    return text[i] in _SENTENCE_ENDS
