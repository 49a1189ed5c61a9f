"""Built-in input method cost: the sample article retyped in Telex and in VNI, per key."""

from __future__ import annotations

import unicodedata

from common import median_ms, report, sample_text

from deskapp.text.typing_engine import type_keys

# Combining marks → the keys that type them, per method.
_MARK_KEYS = {
    "telex": {"\u0302": None, "\u0306": "w", "\u031b": "w"},  # None: repeat the vowel (aa ee oo)
    "vni": {"\u0302": "6", "\u0306": "8", "\u031b": "7"},
}
_TONE_KEYS = {
    "telex": {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"},
    "vni": {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"},
}
_STROKE_KEYS = {"telex": "d", "vni": "9"}


def _word_keys(word: str, method: str) -> str:
    """Keys for one word: letters with their marks, the tone key at the end."""
    keys: list[str] = []
    tone = ""
    for char in word:
        if char in "đĐ":
            keys.append(("D" if char == "Đ" else "d") + _STROKE_KEYS[method])
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        keys.append(base)
        for mark in marks:
            if mark in _TONE_KEYS[method]:
                tone = _TONE_KEYS[method][mark]
            elif mark in _MARK_KEYS[method]:
                keys.append(_MARK_KEYS[method][mark] or base.lower())
    return "".join(keys) + tone


def to_keys(text: str, method: str) -> str:
    """The keys a journalist would press to type ``text``."""
    out: list[str] = []
    word: list[str] = []
    for char in text + " ":
        if char.isalpha():
            word.append(char)
            continue
        out.append(_word_keys("".join(word), method))
        out.append(char)
        word = []
    return "".join(out)[:-1]


def main() -> None:
    text = unicodedata.normalize("NFC", sample_text())
    for method in ("telex", "vni"):
        keys = to_keys(text, method)
        total = median_ms(lambda keys=keys, method=method: type_keys(keys, method), repeat=5)
        report(f"typing_{method}_per_key", total / len(keys), "ms")
        # The same figure in microseconds: two decimals of a millisecond hide it.
        report(f"typing_{method}_per_key_us", total / len(keys) * 1000, "us")
    # With the restore of keys for words that are not Vietnamese (on in the window).
    keys = to_keys(text, "telex")
    total = median_ms(lambda: type_keys(keys, "telex", restore=True), repeat=5)
    report("typing_telex_restore_per_key_us", total / len(keys) * 1000, "us")


if __name__ == "__main__":
    main()
