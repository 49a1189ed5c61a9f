"""The one syllable inventory, checked against word lists and against its users.

Two word lists: the team's own hand-checked list (tests/text/data), which
always runs, and the published Vietnamese Hunspell dictionary of the
LibreOffice project (Debian package ``hunspell-vi``), used when installed.
That dictionary is GPL-2.0, so no list derived from it ships with Deskapp;
the test reads it where the system keeps it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from deskapp.text.inventory import (
    ALL_ONSETS,
    LOANWORD_RHYMES,
    QU_RHYMES,
    RHYMES,
    STOP_CODAS,
    rhyme_fits,
    rhymes_after,
)
from deskapp.text.syllable import (
    ACUTE,
    DOT,
    TONE_MARKS,
    is_vietnamese_syllable,
    parse_syllable,
)
from deskapp.text.typing_engine import type_keys

CHECKED = Path(__file__).parent / "data" / "syllables_checked.txt"
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")

# Entries of vi_VN.dic that are not Vietnamese syllables by the orthography:
# loanwords and abbreviations kept by the dictionary for spell-checking
# (email, web, tivi, gen, ka, gram, ping, palăng, basoi, tout, intranet,
# internet, v), the rare "quo" + rhyme spellings (quoàng, quoạng, quoắt)
# that standard dictionaries write quàng, quắt, and three entries closed by
# p or t with the level tone, which no Vietnamese syllable has (gip, têt, xit).
NOT_SYLLABLES = frozenset(
    "basoi email gen gip gram internet intranet ka palăng ping quoàng quoạng quoắt têt tivi "
    "tout v web xit".split()
)


def _checked_words() -> list[str]:
    lines = CHECKED.read_text(encoding="utf-8").splitlines()
    return [w for line in lines if not line.startswith("#") for w in line.split()]


def _hunspell_words() -> list[str]:
    lines = HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]
    return [unicodedata.normalize("NFC", w.strip()) for w in lines if w.strip()]


def _rhyme_of(word: str) -> tuple[str, str]:
    syllable = parse_syllable(word)
    assert syllable is not None, word
    return syllable.onset, syllable.rhyme


def test_hand_checked_words_are_syllables() -> None:
    rejected = [w for w in _checked_words() if not is_vietnamese_syllable(w)]
    assert rejected == []


def test_every_rhyme_is_attested_in_the_hand_checked_list() -> None:
    seen = {_rhyme_of(w) for w in _checked_words()}
    plain = {rhyme for onset, rhyme in seen if onset not in ("qu", "gi")}
    after_qu = {rhyme for onset, rhyme in seen if onset == "qu"}
    after_gi = {rhyme for onset, rhyme in seen if onset == "gi"}
    assert RHYMES - plain == set()
    assert QU_RHYMES - after_qu == set()
    assert len(after_gi) > 40


@pytest.mark.skipif(not HUNSPELL.exists(), reason="hunspell-vi is not installed")
def test_published_word_list_is_accepted() -> None:
    words = [w for w in _hunspell_words() if w == w.lower()]
    assert len(words) > 6000
    rejected = {w for w in words if not is_vietnamese_syllable(w)}
    assert rejected == NOT_SYLLABLES


@pytest.mark.skipif(not HUNSPELL.exists(), reason="hunspell-vi is not installed")
def test_every_rhyme_is_attested_in_the_published_word_list() -> None:
    seen = {_rhyme_of(w) for w in _hunspell_words()
            if w == w.lower() and w not in NOT_SYLLABLES}
    plain = {rhyme for onset, rhyme in seen if onset not in ("qu", "gi")}
    after_qu = {rhyme for onset, rhyme in seen if onset == "qu"}
    assert RHYMES - plain == LOANWORD_RHYMES
    # qui is the older spelling of quý, kept for the i/y proofing rule.
    assert QU_RHYMES - after_qu == {"i"}


@pytest.mark.parametrize("rhyme", ["oao", "uyn", "ưn", "uyp"])
def test_disputed_rhymes_are_accepted(rhyme: str) -> None:
    assert rhyme in RHYMES
    word = {"oao": "ngoao", "uyn": "tuyn", "ưn": "chưn", "uyp": "tuýp"}[rhyme]
    assert is_vietnamese_syllable(word)


def test_eng_is_only_reached_through_gi() -> None:
    assert "êng" not in RHYMES
    assert is_vietnamese_syllable("giếng")
    assert not is_vietnamese_syllable("bêng")
    assert type_keys("gieengs") == "giếng"
    assert type_keys("beengs") != "bếng"


@pytest.mark.parametrize("word", ["quên", "quết", "quều", "quắp", "quạu", "quít", "quịt"])
def test_qu_words_of_the_published_list(word: str) -> None:
    assert is_vietnamese_syllable(word)


def test_stop_codas_take_only_sac_and_nang() -> None:
    for coda in STOP_CODAS:
        for mark in TONE_MARKS:
            word = unicodedata.normalize("NFC", "ha" + mark + coda)
            assert is_vietnamese_syllable(word) is (mark in (ACUTE, DOT)), word
        assert not is_vietnamese_syllable("ha" + coda)


# ---------------------------------------------------------------- one description

_TELEX_LETTER = {"ă": "aw", "â": "aa", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
_TELEX_TONE = dict(zip(TONE_MARKS, "frxsj", strict=True))


def _every_syllable() -> list[str]:
    """Every onset + rhyme the inventory allows, with every tone it allows."""
    words = []
    for onset in sorted(ALL_ONSETS):
        for rhyme in sorted(rhymes_after(onset)):
            if not rhyme_fits(onset, rhyme):
                continue
            bare = onset + rhyme
            if is_vietnamese_syllable(bare):
                words.append(bare)
            for mark in TONE_MARKS:
                for i in range(len(onset), len(bare)):
                    word = unicodedata.normalize("NFC", bare[:i + 1] + mark + bare[i + 1:])
                    if is_vietnamese_syllable(word):
                        words.append(word)
    return words


def _telex(word: str) -> str:
    keys, tone = [], ""
    for char in unicodedata.normalize("NFD", word):
        if char in _TELEX_TONE:
            tone = _TELEX_TONE[char]
        else:
            keys.append(char)
    letters = unicodedata.normalize("NFC", "".join(keys))
    return "".join(_TELEX_LETTER.get(ch, ch) for ch in letters) + tone


def test_the_typing_engine_types_every_syllable_the_check_accepts() -> None:
    words = _every_syllable()
    assert len(words) > 5000
    missed = []
    for word in words:
        keys = _telex(word)
        # "oo" is the Telex key for ô: xoong and soóc need the key typed three times.
        if "oo" in "".join(c for c in unicodedata.normalize("NFD", word)
                           if not unicodedata.combining(c)):
            continue
        if word not in (type_keys(keys, style="old"), type_keys(keys, style="new")):
            missed.append((word, keys, type_keys(keys)))
    assert missed == []


def test_the_typing_engine_refuses_what_the_check_refuses() -> None:
    # A tone key on an impossible syllable is typed as a letter.
    for keys in ("hocf", "kar", "ngeer", "cis", "ghar", "beengs", "quus"):
        typed = type_keys(keys)
        assert typed.endswith(keys[-1])
        assert not is_vietnamese_syllable(typed)
