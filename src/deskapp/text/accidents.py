"""Typing accidents: foreign words that Telex turned into impossible Vietnamese.

Typed in Telex without the restore of keys, "Samsung" gives Sámung,
"Windows" Ưindows, "coffee" cofee. :func:`accident_fix` finds the keys that
were typed, so proofing can offer them as the fix. Two ways, both strict:

* **Known words** (``resources/proof/typing_accidents.txt``, data an editor
  may extend): every listed word is typed through both Telex methods; what it
  becomes, when that is not Vietnamese, is taken back to the word. This is
  the only way to know "Pái" was Paris or "Mesi" Messi.
* **Impossible spelling**: a word with Vietnamese marks that is no syllable
  and breaks the spelling in a way no Vietnamese word does: a w among the
  marks, an ư whose rhyme cannot exist (ưin, ưah, ưod), two vowel groups
  (Gôgle, dơnload), or a consonant cluster of English only (Ễcl). Its keys are
  searched: every placing of the mark and tone keys after their vowel, kept
  only when typing it gives back exactly the word; of those, the one where an
  ư was a lone w (English has a w there: ưindow is window), then the one with
  the keys typed latest (as a person spelling the English word does:
  "software", not "sowftare"). Words that are two Vietnamese syllables glued together
  (Êban, Kơnia) and words no key sequence gives are left alone.

The syllable check is the shared inventory's, through
:func:`deskapp.text.typing_restore.is_vietnamese_word`.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from itertools import product
from typing import Final

from deskapp.resources import resource_path
from deskapp.text.inventory import ALL_ONSETS, PLACE_NAME_ONSETS, RHYMES, VOWELS
from deskapp.text.normalize import nfc
from deskapp.text.typing_engine import type_keys
from deskapp.text.typing_restore import is_vietnamese_word

__all__ = ["ACCIDENT_LIST", "accident_fix", "known_accidents", "restored_keys"]

ACCIDENT_LIST: Final = ("proof", "typing_accidents.txt")

_TONE_KEYS: Final = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_MARKS: Final = {"ă": ("a", "w"), "â": ("a", "a"), "ê": ("e", "e"), "ô": ("o", "o"),
                 "ơ": ("o", "w"), "ư": ("u", "w")}
_VIET_MARKED: Final = frozenset("ăâêôơưđ")
_ALPHABET: Final = frozenset("abcdefghijklmnopqrstuvwxyz") | _VIET_MARKED
_ALL_VOWELS: Final = frozenset(VOWELS) | frozenset("ăâêôơư")
_CODAS: Final = frozenset({"c", "ch", "m", "n", "ng", "nh", "p", "t", "k"})
_ONSETS: Final = frozenset(ALL_ONSETS) | frozenset(PLACE_NAME_ONSETS)
_MAX_CANDIDATES: Final = 4000
_METHODS: Final = ("telex", "telex-classic")


@cache
def known_accidents() -> dict[str, str]:
    """What each listed word becomes in Telex (lower case) → the word as listed."""
    found: dict[str, str] = {}
    path = resource_path(*ACCIDENT_LIST)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#"):
            continue
        for word in line.split():
            for method in _METHODS:
                typed = type_keys(word.lower(), method)
                if typed != word.lower() and not is_vietnamese_word(typed):
                    found.setdefault(typed, word)
    return found


def accident_fix(word: str) -> str | None:
    """The keys that were typed for ``word``, if it is a typing accident; else ``None``."""
    word = nfc(word)
    if len(word) < 2 or is_vietnamese_word(word) or not _cased_plainly(word):
        return None
    listed = known_accidents().get(word.lower())
    if listed is not None:
        return _recase(listed, word)
    if not _impossible(word):
        return None
    return restored_keys(word)


@lru_cache(maxsize=4096)
def restored_keys(word: str) -> str | None:
    """The ASCII keys, typed latest, that Telex turns into exactly ``word``; or ``None``."""
    base: list[str] = []
    inserts: list[tuple[int, tuple[str, ...]]] = []  # (after letter index, key choices)
    upper = len(word) > 1 and word.isupper()
    for index, char in enumerate(word):
        parts = unicodedata.normalize("NFD", char)
        letter = unicodedata.normalize("NFC", "".join(
            c for c in parts if c not in _TONE_KEYS))
        for mark in parts:
            if mark in _TONE_KEYS:
                inserts.append((index, (_TONE_KEYS[mark],)))
        lower = letter.lower()
        if lower == "đ":
            return None  # dd is a Vietnamese key, never an English spelling
        if lower in _MARKS:
            plain, key = _MARKS[lower]
            base.append(plain.upper() if letter.isupper() else plain)
            inserts.append((index, (key,)))
        elif lower.isascii() and lower.isalpha():
            base.append(letter)
        else:
            return None
    return _search(word, base, inserts, upper)


def _search(word: str, base: list[str], inserts: list[tuple[int, tuple[str, ...]]],
            upper: bool) -> str | None:
    size = len(base)
    options = []
    for index, (key,) in inserts:
        choices: list[tuple[int, str]] = [(at, key) for at in range(index + 1, size + 1)]
        if key == "w" and base[index].lower() == "u":
            choices.append((-1 - index, "w"))  # Unikey's lone w: the u itself was a w
        options.append(choices)
    best: tuple[tuple[int, ...], str] | None = None
    for count, combo in enumerate(product(*options)):
        if count >= _MAX_CANDIDATES:
            break
        keys = _spell(base, combo, upper)
        if keys is None:
            continue
        if any(type_keys(keys, method) == word for method in _METHODS):
            lone = sum(at < 0 for at, _k in combo)  # English has a w where ư shows
            rank = (lone, *sorted((at for at, _k in combo if at >= 0), reverse=True))
            if best is None or rank > best[0]:
                best = (rank, keys)
    return None if best is None or best[1] == word else best[1]


def _spell(base: list[str], combo: tuple[tuple[int, str], ...], upper: bool) -> str | None:
    letters = list(base)
    after: dict[int, list[str]] = {}
    for at, key in combo:
        key = key.upper() if upper else key
        if at < 0:
            index = -1 - at
            letters[index] = "W" if letters[index].isupper() else "w"
        else:
            after.setdefault(at, []).append(key)
    out = []
    for i in range(len(letters) + 1):
        out.extend(after.get(i, ()))
        if i < len(letters):
            out.append(letters[i])
    return "".join(out)


def _impossible(word: str) -> bool:
    """A marked word spelled in a way no Vietnamese syllable, nor two glued, is."""
    lower = word.lower()
    if not any(ch not in "abcdefghijklmnopqrstuvwxyz" for ch in lower):
        return False  # no marks: an English word, a name, an abbreviation
    bare = "".join(_base(ch) for ch in lower)
    if any(ch not in _ALPHABET for ch in bare) or _glued(word):
        return False
    if "w" in bare:
        return True
    groups = _runs(bare)
    vowel_groups = [g for g in groups if g[0] in _ALL_VOWELS]
    if len(vowel_groups) >= 2:
        return True
    if "ư" in bare and not _rhyme_from(bare, bare.index("ư")):
        return True
    for i, run in enumerate(groups):
        if run[0] in _ALL_VOWELS or len(run) < 2:
            continue
        if i == 0 and run in _ONSETS:
            continue
        if i == len(groups) - 1 and run in _CODAS:
            continue
        return True  # a cluster such as cl, sh, tt, wn
    return False


def _rhyme_from(bare: str, start: int) -> bool:
    rhyme = bare[start:]
    return rhyme in RHYMES


def _glued(word: str) -> bool:
    """Two Vietnamese syllables written as one word (Êban, Kơnia): not an accident."""
    return any(is_vietnamese_word(word[:i]) and is_vietnamese_word(_recase(word[i:], word[i:]))
               for i in range(1, len(word)))


def _runs(bare: str) -> list[str]:
    runs: list[str] = []
    for ch in bare:
        vowel = ch in _ALL_VOWELS
        if runs and (runs[-1][0] in _ALL_VOWELS) == vowel:
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def _base(char: str) -> str:
    """The letter without its tone (marks such as ư kept)."""
    parts = unicodedata.normalize("NFD", char)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_KEYS))


def _cased_plainly(word: str) -> bool:
    rest = word[1:]
    return rest == rest.lower() or word == word.upper()


def _recase(fix: str, word: str) -> str:
    if len(word) > 1 and word.isupper():
        return fix.upper()
    if word[:1].isupper():
        return fix[:1].upper() + fix[1:]
    if word.islower() and fix[:1].isupper() and fix[1:] == fix[1:].lower():
        return fix.lower()
    return fix
