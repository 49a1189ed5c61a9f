"""Restore the keys typed for a word that did not come out Vietnamese.

Telex reads English as keys: "Samsung" gives Sámung, "coffee" cofee, "boss"
bos, and with Unikey's lone w "Windows" gives Ưindows. Unikey, EVKey and
OpenKey undo this when the word ends ("restore keys for invalid words", on by
default there): if what is on screen is not a Vietnamese syllable, the keys
come back as they were typed. :class:`WordKeys` remembers the keys of the word
being typed, and :meth:`WordKeys.restored` says what the word becomes when a
space, a punctuation mark or Enter ends it.

The word on screen is the engine's only state, so the memory keeps the word it
expects to see; when the word before the cursor is another one (the cursor
moved, Backspace, another field), the keys are forgotten, except that a word
made of plain ASCII letters is its own keys. Two w in a row that made the
letter w (Unikey's escape, ``ww``) count as the one w the writer meant.

Whether a word is Vietnamese is decided by the shared syllable inventory
(:mod:`deskapp.text.syllable`), with the Central Highlands place-name
spellings the engine lets through (Đắk, Krông, Plei). One narrowing: the onset p
(without h) only starts loanwords of one vowel (pin, pô, pác), so "Pái" (Paris
typed in Telex) goes back to its keys.
"""

from __future__ import annotations

from deskapp.text.inventory import VOWELS
from deskapp.text.normalize import nfc
from deskapp.text.syllable import is_place_name_syllable, parse_syllable

__all__ = ["WordKeys", "is_vietnamese_word"]

_CLUSTER_ONSETS = ("kr", "pl")


def is_vietnamese_word(word: str) -> bool:
    """Whether ``word`` (one syllable, any case the syllable check accepts) is Vietnamese."""
    word = nfc(word)
    if _syllable(word) or is_place_name_syllable(word):
        return True
    if word[:2].lower() in _CLUSTER_ONSETS and len(word) > 2:
        rest = word[1:] if word[1:] == word[1:].upper() else word[1].upper() + word[2:]
        return _syllable(rest) or is_place_name_syllable(rest)
    return False


def _syllable(word: str) -> bool:
    """A syllable; with the onset p (loanwords: pin, pô, pác) only a one-vowel rhyme.

    The inventory accepts p before any rhyme, but the words written with it
    have one vowel; "Pái" is Paris typed in Telex, not a word.
    """
    syllable = parse_syllable(word)
    if syllable is None:
        return False
    return syllable.onset != "p" or sum(ch in VOWELS for ch in syllable.rhyme) == 1


class WordKeys:
    """The keys typed for the word before the cursor, until the word ends."""

    def __init__(self) -> None:
        self._word: str | None = None  # the word these keys made, as on screen
        self._keys = ""
        self._owner: object = None

    def forget(self) -> None:
        self._word, self._keys, self._owner = None, "", None

    def typed(self, before: str, key: str, after: str, owner: object = None) -> None:
        """``key`` turned the word ``before`` into ``after`` (both as on screen)."""
        keys = self._known(before, owner)
        if keys is None:
            self.forget()
            return
        escape = (key in "wW" and keys[-1:] in ("w", "W") and before[-1:] in ("ư", "Ư")
                  and after == before[:-1] + after[-1:] and after[-1:] in ("w", "W"))
        self._keys = keys[:-1] + after[-1] if escape else keys + key
        self._word, self._owner = after, owner

    def restored(self, word: str, owner: object = None) -> str | None:
        """The keys to put in place of ``word`` now that it ends, or ``None`` to keep it.

        The memory is emptied either way: the next key starts a new word.
        """
        keys = self._known(word, owner) if word else None
        self.forget()
        if keys is None or keys == word or is_vietnamese_word(word):
            return None
        return keys

    def _known(self, word: str, owner: object) -> str | None:
        if not word:
            return ""
        if word == self._word and owner is self._owner:
            return self._keys
        if word.isascii() and word.isalnum():
            return word  # plain letters are their own keys
        return None
