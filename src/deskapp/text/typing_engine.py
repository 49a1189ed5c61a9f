"""Built-in Vietnamese typing engine: Telex and VNI, no Qt.

The editor uses this engine on machines where no OS input method reaches Qt
(PySide6 on Linux ships no fcitx plugin).  It is stateless: every key is
applied to the word as it is *displayed*, so Backspace, cursor moves and
words typed earlier all behave the same way.  The editor takes the word
before the cursor, calls :meth:`Composer.feed`, and either replaces the word
with the answer or, on ``None``, inserts the key as is.  :func:`type_keys`
replays a whole key sequence through the same logic.

Keys
----
Telex: ``s f r x j`` put the tone sắc, huyền, hỏi, ngã, nặng; ``z`` removes
it; ``aa ee oo`` give â ê ô; ``w`` gives ă ơ ư (``aw ow uw``) and, typed
anywhere after ``uo``, ươ; ``dd`` gives đ.

Telex (``"telex"``) follows Unikey's default habits: a lone ``w`` where a
vowel may start is ``ư`` (``w`` → ư, ``thw`` → thư, ``ngwowif`` → người;
``ww`` gives the letter w, ``thww`` → thw), never after a cluster or an
onset that cannot take ư (``str``, ``k``, ``ngh``); and ``ưo`` waits for a
letter or a horn, not a tone, before becoming ``ươ``, so a tone typed in the
middle (``truwfowng`` → trường) does not make the later ``w`` an undo.
"Classic" Telex (``"telex-classic"``) keeps ``w`` a letter unless a vowel
takes its horn or breve, for people who type much English.
VNI: digits ``1``–``5`` are the tones, ``0`` removes the tone, ``6`` is the
circumflex (â ê ô), ``7`` the horn (ơ ư), ``8`` the breve (ă), ``9`` gives đ.

Marks and tones can be typed anywhere in the word, as with Unikey's "free
marking": ``tieen``, ``tien`` + ``e`` and ``truongwf`` all work.  Repeating
a key undoes it and types the key itself (``ass`` → ``as``, ``aaa`` → ``aa``,
``ddd`` → ``dd``, ``a11`` → ``a1``); because the undone word is no longer a
plausible syllable, the next press of that key is literal too.

Tone placement
--------------
The tone goes on the vowel carrying a mark (ă â ê ô ơ ư; the second one in
ươ), else on the last vowel when a final consonant follows, else on the middle
one of three vowels, else on the first of two.  The exceptions oa, oe, uy
with no final consonant depend on the style: "old" (traditional) keeps the
tone on the first vowel (hòa, khỏe, thủy), "new" (reformed) moves it to the
second (hoà, khoẻ, thuỷ).  The u of qu and the i of gi belong to the
consonant (quả, quý, giữa).  The tone is re-placed after every key, so it
moves as the syllable grows (``hoas`` + ``n`` → hoán).

``uo`` + horn gives ``uơ`` when nothing follows (huơ, thuở) and ``ươ`` as
soon as anything does (hươu, người, trường).  ``ưo`` (``uwo``, VNI ``u7o``)
becomes ``ươ`` on the next letter, tone or horn, so ``uwow`` and ``u7o7`` work
as well as ``uow`` and ``uo7``.

Plausibility heuristic
----------------------
A tone or mark key only applies when the word that results is a plausible
Vietnamese syllable, or the beginning of one: an initial consonant from the
Vietnamese set (plus ``kr`` and ``pl`` for Central Highlands names such as
Krông Búk and Pleiku), a rime from :mod:`deskapp.text.inventory` (or the same rime with some
marks still to be typed, e.g. ``uong`` before ``w``), the spelling rules for
c/k/q, g/gh and ng/ngh, and only sắc or nặng on a syllable ending in
c, ch, k, p, t.  Otherwise the key is typed as a letter.  So words with
f, j, w, z, digits, foreign letters or consonant clusters (``class``,
``Facebook``, ``online``) are never changed, but an English word that begins
like a Vietnamese syllable is (``test`` → ``tét``, as with any Telex input
method); typing the key twice restores the letter.  ``w`` with no vowel to
act on stays a ``w``.  Spaces, punctuation and (in Telex) digits end a word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import product
from typing import Final

from deskapp.text.inventory import (
    ALL_ONSETS,
    PLACE_NAME_ONSETS,
    STOP_CODAS,
    STYLE_RHYMES,
    VOWELS,
    first_vowel_allowed,
    k_spellings,
    rhyme_fits,
    rhymes_after,
)
from deskapp.text.normalize import nfc

__all__ = ["METHODS", "STYLES", "Composer", "type_keys"]

METHODS: Final = ("telex", "telex-classic", "vni")
STYLES: Final = ("old", "new")

# Tone numbers, in the order of the VNI keys 1–5.
NO_TONE, SAC, HUYEN, HOI, NGA, NANG = range(6)
_TONE_MARKS: Final = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_STOP_TONES: Final = frozenset({SAC, NANG})

_VOWELS: Final = frozenset(VOWELS)
_MARKED_VOWELS: Final = frozenset("ăâêôơư")
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyzăâêôơưđ"
_UNMARK: Final = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}

# The spelling comes from the shared inventory; typing also accepts the onsets
# and k finals of Central Highlands place names (Krông Búk, Đắk Lắk).
_INITIALS: Final = ALL_ONSETS | PLACE_NAME_ONSETS
_INITIAL_PREFIXES: Final = frozenset(i[:n] for i in _INITIALS for n in range(len(i) + 1))
_STOP_FINALS: Final = frozenset((*STOP_CODAS, "k"))


def _unmarked_variants(text: str) -> Iterator[str]:
    """``text`` with any subset of its marks not typed yet (ương → uong, uơng…)."""
    choices = [(ch, _UNMARK[ch]) if ch in _UNMARK else (ch,) for ch in text]
    return ("".join(combo) for combo in product(*choices))


def _plausible(rimes: set[str]) -> frozenset[str]:
    """Every prefix of every rime, with or without its marks typed."""
    out: set[str] = set()
    for rime in rimes:
        for end in range(len(rime) + 1):
            out.update(_unmarked_variants(rime[:end]))
    return frozenset(out)


def _plausible_after(onset: str) -> frozenset[str]:
    rhymes = rhymes_after(onset)
    return _plausible(set(rhymes | k_spellings(rhymes)))


_RIMES_OK: Final = _plausible_after("")
_QU_RIMES_OK: Final = _plausible_after("qu")
_GI_RIMES_OK: Final = _plausible_after("gi")


def _char_tables() -> tuple[dict[tuple[str, int, bool], str], dict[str, tuple[str, int, bool]]]:
    """Map (letter, tone, upper) to a precomposed character, and back."""
    compose: dict[tuple[str, int, bool], str] = {}
    decode: dict[str, tuple[str, int, bool]] = {}
    for letter in _LETTERS:
        for tone in range(6) if letter in _VOWELS else (NO_TONE,):
            lower = unicodedata.normalize("NFC", letter + _TONE_MARKS[tone])
            for upper in (False, True):
                char = lower.upper() if upper else lower
                compose[letter, tone, upper] = char
                decode[char] = (letter, tone, upper)
    return compose, decode


_COMPOSE, _DECODE = _char_tables()


@dataclass(frozen=True, slots=True)
class _Mark:
    """A mark key: which letters it changes, and which it undoes when repeated."""

    apply: Mapping[str, str]
    undo: Mapping[str, str]
    on_initial: bool = False


@dataclass(frozen=True, slots=True)
class _Scheme:
    """The keys of one input method."""

    tones: Mapping[str, int]
    clear: str
    marks: Mapping[str, _Mark]
    digits_in_words: bool
    # Unikey's habits: a lone w is ư; ưo waits for a letter or a horn rather
    # than a tone before it becomes ươ (so truwfowng works); a second horn on
    # a final uơ gives ươ (thuoww → thươ).
    unikey: bool = False


_STROKE = _Mark({"d": "đ"}, {"đ": "d"}, on_initial=True)
_CIRCUMFLEX = {"a": "â", "ă": "â", "e": "ê", "o": "ô", "ơ": "ô"}
_HORN = {"o": "ơ", "ô": "ơ", "u": "ư"}
_BREVE = {"a": "ă", "â": "ă"}

_TELEX: Final = _Scheme(
    tones={"s": SAC, "f": HUYEN, "r": HOI, "x": NGA, "j": NANG},
    clear="z",
    marks={
        "a": _Mark({"a": "â", "ă": "â"}, {"â": "a"}),
        "e": _Mark({"e": "ê"}, {"ê": "e"}),
        "o": _Mark({"o": "ô", "ơ": "ô"}, {"ô": "o"}),
        "w": _Mark(_HORN | _BREVE, {"ơ": "o", "ư": "u", "ă": "a"}),
        "d": _STROKE,
    },
    digits_in_words=False,
)

_SCHEMES: Final = {
    "telex": replace(_TELEX, unikey=True),
    "telex-classic": _TELEX,
    "vni": _Scheme(
        tones={"1": SAC, "2": HUYEN, "3": HOI, "4": NGA, "5": NANG},
        clear="0",
        marks={
            "6": _Mark(_CIRCUMFLEX, {"â": "a", "ê": "e", "ô": "o"}),
            "7": _Mark(_HORN, {"ơ": "o", "ư": "u"}),
            "8": _Mark(_BREVE, {"ă": "a"}),
            "9": _STROKE,
        },
        digits_in_words=True,
    ),
}


@dataclass(slots=True)
class _Word:
    """A word split into toneless lower-case letters, their case, and one tone."""

    letters: list[str]
    upper: list[bool]
    tone: int = NO_TONE
    tone_at: int = -1
    unikey: bool = False  # the scheme's Unikey habits (see _Scheme.unikey)

    def copy(self) -> _Word:
        return _Word(self.letters[:], self.upper[:], self.tone, self.tone_at,
                     self.unikey)

    def push(self, letter: str, upper: bool) -> None:
        self.letters.append(letter)
        self.upper.append(upper)


def _decode(word: str) -> _Word | None:
    """Split ``word``; ``None`` if it holds a non-letter or more than one tone."""
    out = _Word([], [])
    for index, char in enumerate(word):
        info = _DECODE.get(char)
        if info is None:
            return None
        letter, tone, upper = info
        if tone:
            if out.tone:
                return None
            out.tone, out.tone_at = tone, index
        out.push(letter, upper)
    return out


def _analyze(letters: list[str]) -> tuple[int, int] | None:
    """Return (vowels start, vowels end) if ``letters`` can begin a syllable.

    ``letters[:start]`` is the initial consonant (with the u of qu and the i of
    gi), ``letters[start:end]`` the vowels, ``letters[end:]`` the final.
    """
    size = len(letters)
    start = 0
    while start < size and letters[start] not in _VOWELS:
        start += 1
    initial = "".join(letters[:start])
    if start == size:
        return (start, start) if initial in _INITIAL_PREFIXES else None
    end = start
    while end < size and letters[end] in _VOWELS:
        end += 1
    rimes = _RIMES_OK
    if initial == "q":
        if letters[start] != "u":
            return None
        if end - start == 1:  # "qu" typed, the real vowel still to come
            return (start, end) if end == size else None
        start, initial, rimes = start + 1, "qu", _QU_RIMES_OK
    elif initial == "g" and letters[start] == "i" and end - start > 1:
        start, initial, rimes = start + 1, "gi", _GI_RIMES_OK
    if initial not in _INITIALS or "".join(letters[start:]) not in rimes:
        return None
    if not first_vowel_allowed(initial, letters[start]):
        return None
    return start, end


def _settle_uo(word: _Word, start: int, end: int) -> None:
    """Complete ươ once a letter follows or a tone is put (huơ and hưo stay, hươu)."""
    letters = word.letters
    for i in range(start, end - 1):
        first, second = letters[i], letters[i + 1]
        followed = i + 2 < len(letters)
        if first == "ư" and second == "o" and (followed or (word.tone and not word.unikey)):
            letters[i + 1] = "ơ"
        elif first == "u" and second == "ơ" and followed:
            letters[i] = "ư"


def _tone_index(letters: list[str], start: int, end: int, style: str) -> int:
    """Index of the vowel that carries the tone (see the module docstring)."""
    for i in range(end - 1, start - 1, -1):
        if letters[i] in _MARKED_VOWELS:
            return i
    if end < len(letters):
        return end - 1
    count = end - start
    if count == 3:
        return start + 1
    if count == 2 and style == "new" and "".join(letters[start:end]) in STYLE_RHYMES:
        return start + 1
    return start


def _render(word: _Word, style: str) -> str:
    """Compose ``word`` into NFC text, placing its tone by the rules."""
    span = _analyze(word.letters)
    if span is not None:
        _settle_uo(word, *span)
    at = -1
    if word.tone:
        if span is not None and span[0] < span[1]:
            at = _tone_index(word.letters, span[0], span[1], style)
        else:
            at = min(word.tone_at, len(word.letters) - 1)
    return "".join(
        _COMPOSE[letter, word.tone if i == at and letter in _VOWELS else NO_TONE, upper]
        for i, (letter, upper) in enumerate(zip(word.letters, word.upper, strict=True))
    )


def _apply_tone(word: _Word, tone: int, key: str, style: str) -> str | None:
    """Put ``tone`` on the word, or take it off if it is already there."""
    span = _analyze(word.letters)
    if span is None or span[0] == span[1]:
        return None
    if word.tone == tone:
        word.tone = NO_TONE
        return _render(word, style) + key
    if tone not in _STOP_TONES and "".join(word.letters[span[1] :]) in _STOP_FINALS:
        return None
    word.tone = tone
    return _render(word, style)


def _clear_tone(word: _Word, style: str) -> str | None:
    """Remove the tone (Telex z, VNI 0)."""
    if not word.tone or _analyze(word.letters) is None:
        return None
    word.tone = NO_TONE
    return _render(word, style)


def _apply_stroke(word: _Word, mark: _Mark, key: str, style: str) -> str | None:
    """d → đ on the initial consonant, or đ → d plus the key when repeated."""
    first = word.letters[0] if word.letters else ""
    if first in mark.undo:
        word.letters[0] = mark.undo[first]
        return _render(word, style) + key
    if first not in mark.apply:
        return None
    word.letters[0] = mark.apply[first]
    return _render(word, style)


def _horn_uo(word: _Word, start: int, end: int) -> list[str] | None:
    """uo, uô, ưo + horn: uơ at the end of the word, else ươ (so uwow works too)."""
    letters = word.letters
    for i in range(start, end - 1):
        if letters[i] in ("u", "ư") and letters[i + 1] in ("o", "ô"):
            changed = letters[:]
            changed[i + 1] = "ơ"
            if i + 2 < len(letters):
                changed[i] = "ư"
            return changed
    return None


def _mark_candidates(word: _Word, mark: _Mark, start: int, end: int) -> Iterator[list[str]]:
    """Ways of putting the mark on one vowel."""
    for i in range(start, end):
        if word.letters[i] in mark.apply:
            changed = word.letters[:]
            changed[i] = mark.apply[changed[i]]
            yield changed


def _apply_mark(word: _Word, mark: _Mark, key: str, style: str) -> str | None:
    """Put a vowel mark (or đ) where it makes a plausible syllable."""
    span = _analyze(word.letters)
    if span is None:
        return None
    if mark.on_initial:
        return _apply_stroke(word, mark, key, style)
    start, end = span
    if "u" in mark.apply and (pair := _horn_uo(word, start, end)) is not None:
        if _analyze(pair) is not None:
            word.letters = pair
            return _render(word, style)
    if "u" in mark.apply and word.unikey and word.letters[end - 2:] == ["u", "ơ"]:
        # Unikey: a second horn on a final uơ makes it ươ (uoww → ươ); a third undoes.
        word.letters[end - 2] = "ư"
        return _render(word, style)
    undone = [i for i in range(start, end) if word.letters[i] in mark.undo]
    if undone:
        for i in undone:
            word.letters[i] = mark.undo[word.letters[i]]
        return _render(word, style) + key
    for letters in _mark_candidates(word, mark, start, end):
        if _analyze(letters) is not None:
            word.letters = letters
            return _render(word, style)
    return None


def _append(word: _Word, key: str, style: str) -> str | None:
    """Type ``key`` as a letter; the tone may move and uơ may become ươ."""
    info = _DECODE.get(key)
    if info is None or _analyze(word.letters) is None:
        return None
    word.push(info[0], info[2])
    if _analyze(word.letters) is None:
        return None
    return _render(word, style)


def _check(method: str, style: str) -> _Scheme:
    if style not in STYLES:
        raise ValueError(f"unknown tone style {style!r}; expected one of {STYLES}")
    try:
        return _SCHEMES[method]
    except KeyError:
        raise ValueError(f"unknown input method {method!r}; expected one of {METHODS}") from None


def _feed(word: str, key: str, scheme: _Scheme, style: str) -> str | None:
    """The core step shared by :class:`Composer` and :func:`type_keys`."""
    if len(key) != 1:
        return None
    typed = word
    word = nfc(word)
    decoded = _decode(word)
    if decoded is None:
        return None
    decoded.unikey = scheme.unikey
    lower = key.lower()
    result: str | None = None
    if lower in scheme.tones:
        result = _apply_tone(decoded.copy(), scheme.tones[lower], key, style)
    elif lower == scheme.clear:
        result = _clear_tone(decoded.copy(), style)
    elif lower in scheme.marks:
        result = _apply_mark(decoded.copy(), scheme.marks[lower], key, style)
    if result is None:
        result = _append(decoded, key, style)
    if result is None or result == typed + key:
        return None
    return result


def _lone_w(word: str, key: str) -> str | None:
    """Unikey's lone w: ư after an onset that may take it (thw → thư, w → ư)."""
    decoded = _decode(nfc(word))
    if decoded is None or decoded.tone:
        return None
    onset = "".join(decoded.letters)
    if onset != "gi" and any(letter in _VOWELS for letter in decoded.letters):
        return None
    if onset not in ALL_ONSETS or not rhyme_fits(onset, "ư"):
        return None  # a cluster (str, bc) or an onset that never comes before ư (k, ngh)
    return nfc(word) + ("Ư" if key == "W" else "ư")


class Composer:
    """Incremental Telex/VNI engine for the editor.

    The editor keeps no engine state: for each key it takes the word before the
    cursor (:meth:`split`), calls :meth:`feed`, and replaces the word with the
    answer, or inserts the key itself when the answer is ``None``.  Backspace
    is never given to the engine; the editor deletes as usual and the next key
    continues from what is on screen.  The one thing remembered is the word a
    lone w just made (thư from thw), so that a second w gives the letter w
    (thww → thw) rather than undoing a horn that was never typed (thuw).
    """

    def __init__(self, method: str = "telex", style: str = "old") -> None:
        _check(method, style)
        self.method = method
        self.style = style
        self._lone_w: str | None = None

    def feed(
        self,
        word_so_far: str,
        key: str,
        method: str | None = None,
        style: str | None = None,
    ) -> str | None:
        """Return the word (NFC) after ``key``, or ``None`` to insert ``key`` as is.

        ``method`` and ``style`` default to the ones given to the constructor.
        """
        style = style or self.style
        scheme = _check(method or self.method, style)
        made, self._lone_w = self._lone_w, None
        if scheme.unikey and key in ("w", "W"):
            if made is not None and word_so_far == made:
                return made[:-1] + ("W" if made[-1] == "Ư" else "w")
            lone = _lone_w(word_so_far, key)
            if lone is not None:
                self._lone_w = lone
                return lone
        return _feed(word_so_far, key, scheme, style)

    def is_word_char(self, char: str, method: str | None = None) -> bool:
        """Whether ``char`` belongs to a word (letters; also digits in VNI)."""
        if char.isalpha() or unicodedata.combining(char):
            return True
        return char.isdigit() and _check(method or self.method, self.style).digits_in_words

    def split(self, text: str, method: str | None = None) -> tuple[str, str]:
        """Split ``text`` into what comes before the current word, and the word."""
        start = len(text)
        while start and self.is_word_char(text[start - 1], method):
            start -= 1
        return text[:start], text[start:]


def type_keys(keys: str, method: str = "telex", style: str = "old", *,
              restore: bool = False) -> str:
    """Return the NFC text on screen after typing ``keys`` (``"\\b"`` is Backspace).

    With ``restore``, a word that is not Vietnamese when a space, a punctuation
    mark or a newline ends it goes back to the keys typed
    (:mod:`deskapp.text.typing_restore`): ``"Samsung "`` stays Samsung.

    >>> type_keys("Vieejt Nam ddepj.")
    'Việt Nam đẹp.'
    >>> type_keys("hoas", style="new"), type_keys("hoa1", "vni")
    ('hoá', 'hóa')
    """
    from deskapp.text.typing_restore import WordKeys

    composer = Composer(method, style)
    memory = WordKeys()
    head: list[str] = []
    word = ""
    for key in keys:
        if key == "\b":
            if word:
                word = word[:-1]
            elif head:
                head.pop()
                while head and composer.is_word_char(head[-1]):
                    word = head.pop() + word
            continue
        new = composer.feed(word, key)
        if new is None and composer.is_word_char(key):
            new = word + key
        if new is not None:
            memory.typed(word, key, new)
            word = new
        else:
            if restore and (typed := memory.restored(word)) is not None:
                word = typed
            memory.forget()
            head.extend(word)
            head.append(key)
            word = ""
    return nfc("".join(head) + word)
