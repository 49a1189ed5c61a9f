"""Words that are Telex or VNI keys left unconverted ("Vieetj", "vie6t5").

When an input method is off, or skips a word, the keys stay in the text as
typed. :func:`intended_word` replays such a word through the typing engine
and says what the writer meant, when that is certain enough to suggest:

* the replayed word is a Vietnamese syllable and the word as written is not
  (both judged by :mod:`deskapp.text.inventory`, through the syllable check);
* at least one key did something (a tone, a mark, đ, a lone w for ư);
* a capitalised word needs both a tone key and a mark key (Vieetj = ê +
  nặng, Ddaf = đ + huyền): names from other languages (Lee, Moon, Paris,
  Mars) would otherwise read as Lê, Môn, Pái, Má;
* words written all in capitals (UBND, COVID, A1) are abbreviations and
  words with a capital inside (iPhone, DDoS) are brands, never leftovers;
  neither are single letters, nor the English words and brand names of
  ``resources/proof/typing_leftovers_allow.txt``.

Telex is replayed with Unikey's habits ("tw" is tư, "đwowcj" is được); a
word with digits is replayed as VNI ("vie6t5" is việt).
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

from deskapp.text.folding import fold
from deskapp.text.normalize import nfc
from deskapp.text.syllable import is_vietnamese_syllable, parse_syllable

_TONE_KEYS = frozenset("sfrxjz012345")
_MARK_KEYS = frozenset("aeowd6789")


@lru_cache(maxsize=1 << 14)
def replay(word: str) -> tuple[str, frozenset[str]]:
    """``word`` typed key by key with Telex (VNI when it has digits), and the kinds of
    keys that acted ("tone", "mark")."""
    # The engine's tables load on first use (see deskapp.text), not with proofing.
    from deskapp.text.typing_engine import Composer

    method = "vni" if any(ch.isdigit() for ch in word) else "telex"
    composer = Composer(method, "old")
    typed, acted = "", set()
    for key in word:
        new = composer.feed(typed, key)
        if new is None:
            typed += key
            continue
        if key.lower() in _TONE_KEYS:
            acted.add("tone")
        elif key.lower() in _MARK_KEYS:
            acted.add("mark")  # â ê ô ă ơ ư đ, or a lone w made ư
        typed = new
    return nfc(typed), frozenset(acted)


@lru_cache(maxsize=1 << 16)
def intended_word(word: str, allowed: frozenset[str] = frozenset(), *,
                  name: bool | None = None) -> str | None:
    """The Vietnamese word that the keys ``word`` were meant to type, or ``None``.

    ``allowed`` holds case-folded words never to judge (English, brands).
    ``name`` says whether a capital makes the word a possible foreign name
    (by default: whenever it is capitalised; a caller that knows the word
    opens a sentence says ``False``).
    """
    letters = [ch for ch in word if ch.isalpha()]
    if len(word) < 2 or not letters or word.casefold() in allowed:
        return None
    if word.upper() == word:
        return None  # an abbreviation: UBND, HĐND, COVID, A1
    if any(a.islower() and b.isupper() for a, b in itertools.pairwise(word)):
        return None  # a brand's inner capital: iPhone, YouTube, DDoS
    digits = sum(ch.isdigit() for ch in word)
    if digits and (not word.isascii() or word[0].isdigit() or len(letters) < 2):
        return None  # 5s, 19h30, m2, thuỷ2: numbers, units and notes, not VNI keys
    if _written_as_syllable(word) or _toned(word):
        return None
    intended, acted = replay(word)
    if not acted or intended == word or not is_vietnamese_syllable(intended):
        return None
    if (letters[0].isupper() if name is None else name) and len(acted) < 2:
        return None
    return intended


def _toned(word: str) -> bool:
    """A tone already typed (Pérez, José): the input method was on, keys would have acted."""
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word)
               if c in "\u0300\u0301\u0303\u0309\u0323")


# The loanwords with the rhymes oong and ooc (xoong nồi, boong tàu, quần soóc):
# any other such word is the Telex for ô typed once too often (khoong, hoocj).
_OONG_WORDS = frozenset("boong choong coong goong loong soong toong xoong cooc mooc sooc".split())


def _written_as_syllable(word: str) -> bool:
    syllable = parse_syllable(word)
    if syllable is None:
        return False
    if syllable.rhyme in ("oong", "ooc"):
        return fold(word).lower() in _OONG_WORDS
    return True
