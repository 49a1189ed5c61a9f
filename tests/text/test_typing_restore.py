"""Keys come back for words that are not Vietnamese when they end (Unikey's restore)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from deskapp.text.typing_engine import type_keys
from deskapp.text.typing_restore import WordKeys, is_vietnamese_word

CHECKED = Path(__file__).parent / "data" / "syllables_checked.txt"
HUNSPELL = Path("/usr/share/hunspell/vi_VN.dic")

BOTH = ["Samsung", "Paris", "Washington", "Messi", "coffee", "office", "boss", "download"]
UNIKEY_ONLY = ["Windows", "web", "wifi", "Twitter", "Huawei", "Google", "password",
               "software", "Excel", "Word"]
MANGLED = {"Samsung": "Sámung", "Messi": "Mesi", "coffee": "cofee", "boss": "bos",
           "download": "dơnload", "Windows": "Ưindows", "Word": "Ửod"}


@pytest.mark.parametrize("method", ["telex", "telex-classic"])
@pytest.mark.parametrize("word", BOTH + UNIKEY_ONLY)
@pytest.mark.parametrize("end", [" ", ".", ",", "\n", "!", ")"])
def test_foreign_words_come_out_as_typed(method: str, word: str, end: str) -> None:
    assert type_keys(f"{word}{end}", method, restore=True) == f"{word}{end}"


@pytest.mark.parametrize("word,mangled", sorted(MANGLED.items()))
def test_without_restore_the_words_stay_mangled(word: str, mangled: str) -> None:
    # What the copy editor saw; the restore is what changes it.
    assert type_keys(word + " ") == mangled + " "
    assert type_keys(word + " ", restore=True) == word + " "


def test_the_word_is_only_restored_when_it_ends() -> None:
    assert type_keys("Samsung", restore=True) == "Sámung"
    assert type_keys("boss", restore=True) == "bos"
    assert type_keys("Samsung Galaxy, boss.", restore=True) == "Samsung Galaxy, boss."


@pytest.mark.parametrize("method", ["telex", "telex-classic"])
@pytest.mark.parametrize("keys,shown", [
    ("thw ", "thư "),
    ("truwfowng ", "trường "),
    ("dduwowcj ", "được "),
    ("Vieetj Nam ", "Việt Nam "),
    ("Nguyeenx Vawn Hoaf, ", "Nguyễn Văn Hòa, "),
    ("Ddawks Lawks.", "Đắk Lắk."),
    ("Kroong Buks ", "Krông Búk "),
    ("Pleiku ", "Pleiku "),
    ("PIN pin pacs ", "PIN pin pác "),
    ("ass ", "ass "),  # the doubled key comes back as typed
    ("ddd ", "ddd "),
])
def test_vietnamese_words_still_convert(method: str, keys: str, shown: str) -> None:
    if method == "telex-classic" and keys in ("thw ", "truwfowng "):
        shown = keys  # Unikey's habits only
    assert type_keys(keys, method, restore=True) == shown


@pytest.mark.parametrize("keys,shown", [
    ("ww ", "w "),  # Unikey's escape: two w are the one w meant
    ("thww ", "thw "),
    ("wwindows ", "windows "),
    ("Wweb ", "Web "),
])
def test_the_w_escape_is_not_undone(keys: str, shown: str) -> None:
    assert type_keys(keys, restore=True) == shown


def test_vni_words_are_restored_too() -> None:
    assert type_keys("Vie6t5 Nam ", "vni", restore=True) == "Việt Nam "
    assert type_keys("h2o ", "vni", restore=True) == "h2o "


def test_backspace_forgets_keys_it_cannot_know() -> None:
    # Plain letters are their own keys; a marked word edited by Backspace is left alone.
    assert type_keys("bo\boss ", restore=True) == "boss "
    assert type_keys("Samsung\bg ", restore=True) == "Sámung "


def test_memory_follows_one_word_in_one_field() -> None:
    keys = WordKeys()
    field, other = object(), object()
    keys.typed("", "b", "b", field)
    keys.typed("b", "o", "bo", field)
    keys.typed("bo", "s", "bó", field)
    keys.typed("bó", "s", "bos", field)
    assert keys.restored("bos", other) is None  # another field: nothing known
    keys.typed("", "b", "b", field)
    keys.typed("b", "o", "bo", field)
    keys.typed("bo", "s", "bó", field)
    keys.typed("bó", "s", "bos", field)
    assert keys.restored("bos", field) == "boss"
    assert keys.restored("bos", field) is None  # forgotten once used


def test_what_counts_as_vietnamese() -> None:
    for word in ("Việt", "VIỆT", "người", "Đắk", "Krông", "pin", "pác", "hoà", "hòa"):
        assert is_vietnamese_word(word), word
    for word in ("Sámung", "Pái", "Ưindows", "ưeb", "Mesi", "bos", "Gôgle"):
        assert not is_vietnamese_word(word), word


def _telex(word: str) -> str:
    letters = {"ă": "aw", "â": "aa", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
    tones = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
    keys, tone = [], ""
    for char in unicodedata.normalize("NFD", word):
        if char in tones:
            tone = tones[char]
        else:
            keys.append(char)
    bare = unicodedata.normalize("NFC", "".join(keys))
    return "".join(letters.get(ch, ch) for ch in bare) + tone


def _words(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [unicodedata.normalize("NFC", w) for line in lines
            if not line.startswith("#") for w in line.split()]


def _never_restored(words: list[str]) -> list[str]:
    wrong = []
    for word in words:
        bare = "".join(c for c in unicodedata.normalize("NFD", word)
                       if not unicodedata.combining(c))
        if "oo" in bare or not word.isalpha():
            continue  # xoong needs the o typed three times
        keys = _telex(word) + " "
        typed = type_keys(keys, restore=True)
        if typed != type_keys(keys):
            wrong.append(word)
    return wrong


def test_checked_vietnamese_words_are_never_restored() -> None:
    assert _never_restored(_words(CHECKED)) == []


@pytest.mark.skipif(not HUNSPELL.exists(), reason="hunspell-vi is not installed")
def test_published_word_list_is_never_restored() -> None:
    words = [w.strip() for w in HUNSPELL.read_text(encoding="utf-8").splitlines()[1:]]
    words = [unicodedata.normalize("NFC", w) for w in words if w.strip()]
    wrong = _never_restored(words)
    # Loanwords the orthography does not have (email, tivi, palăng) may go back to their keys.
    assert len(wrong) < 30, wrong
