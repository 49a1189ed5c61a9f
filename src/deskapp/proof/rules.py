"""The proofing rules and :func:`check`, which runs them over an article.

Every rule returns :class:`~deskapp.proof.findings.Finding` values; none
changes the article. The body is read as Markdown: code, URLs and link
targets are masked first (:mod:`deskapp.proof.markdown`), so a rule never
flags what the author typed on purpose there.

The rules are conservative: a false alarm teaches people to ignore the
panel, so a word is only called misspelled when it carries Vietnamese marks
and cannot be a Vietnamese syllable, and a repeated word only when it is a
function word that Vietnamese never doubles ("của của"), not a reduplication
such as "ngày ngày" or "mãi mãi".
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable

from deskapp.exchange.webcopy import is_boilerplate
from deskapp.model import Article
from deskapp.proof.accidents import typing_accidents
from deskapp.proof.capitals import capitals
from deskapp.proof.dates import date_style
from deskapp.proof.findings import FIELDS, Finding, Positions, make_finding
from deskapp.proof.house import DEFAULT, HouseStyle, name_key
from deskapp.proof.leftovers import typing_leftovers
from deskapp.proof.misspellings import misspellings
from deskapp.proof.numbers import number_style
from deskapp.proof.register import register_findings, registered_keys
from deskapp.proof.short_names import short_name_variants
from deskapp.proof.spacing import spaces_after_punctuation, spaces_before_punctuation
from deskapp.proof.spelling_rules import spelling_rule_fix
from deskapp.proof.variants import iy_variants, name_variants, tone_style_mix
from deskapp.proof.words import FieldText, Word, field_texts, words
from deskapp.text.syllable import TONE_MARKS, VOWELS, add_tone, is_vietnamese_syllable, strip_tone
from deskapp.text.tone import STYLES

RULES = (
    "missing_title", "missing_lead", "missing_byline", "invalid_syllable", "name_variants",
    "iy_variants", "tone_style_mix", "double_space", "space_before_punctuation",
    "straight_quote", "repeated_word", "boilerplate", "typing_leftover", "misspelling",
    "capitalization", "number_style", "date_style", "space_after_punctuation", "name_register",
)  # fmt: skip

# Letters of the Vietnamese alphabet with every mark; a word with any other
# accented letter (ö, ç, ñ) is foreign and not judged as Vietnamese.
_VIET_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzđ"
    + "".join(unicodedata.normalize("NFC", v + m) for v in VOWELS for m in TONE_MARKS)
    + "ăâêôơư"
)
_FOREIGN_LETTERS = frozenset("fjwz")
# Function words that are never doubled on purpose. Reduplication is normal
# Vietnamese ("ngày ngày", "luôn luôn", "từ từ"), so only these are flagged.
REPEATABLE_NEVER = frozenset(
    """
    của và các những là được bị đã sẽ đang trong cho với để tại theo khi thì mà nhưng
    hoặc này đó một về ở đến trên dưới vào cũng vẫn rất nên vì do bởi nếu tuy như
    không có sự việc cuộc thế tới
    the a an of and to in on is are for with that
    """.split()
)
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_STRAIGHT_QUOTE = re.compile(r"\\?[\"']")
_OPENERS = " \t\n([{“‘—–-/"
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*(?:\n|$))[^\n]*)*")
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def check(article: Article, *, tone_style: str | None = None,
          rules: tuple[str, ...] | frozenset[str] | None = None,
          house: HouseStyle | None = None) -> list[Finding]:
    """All findings for ``article``, in field order and then in text order.

    ``tone_style`` ("old" or "new") is the newsroom's tone placement: when an
    article mixes both, the words in the other style are flagged and fixed
    towards it. ``rules`` limits the check to some of :data:`RULES`.
    ``house`` is the newsroom's house style (:mod:`deskapp.proof.house`: its
    choices, its extra data and its name register); its tone style is used
    when ``tone_style`` is not given.
    """
    house = house or DEFAULT
    tone_style = tone_style or house.tone_style
    if tone_style is not None and tone_style not in STYLES:
        raise ValueError(f"tone_style must be 'old' or 'new', not {tone_style!r}")
    wanted = frozenset(RULES if rules is None else rules) - house.rules_off
    fields = field_texts(article, FIELDS)
    positions = {f.name: Positions(f.text) for f in fields}
    all_words = [w for f in fields for w in words(f)]
    findings: list[Finding] = []
    for name in ("title", "lead", "byline"):
        if f"missing_{name}" in wanted and not getattr(article, name).strip():
            findings.append(Finding(f"missing_{name}", name, 0, 0, 1, 1, "", f"missing_{name}"))
    for field in fields:
        for rule, run in _FIELD_RULES.items():
            if rule in wanted and (field.name == "body" or rule != "boilerplate"):
                findings.extend(run(field, positions[field.name]))
        if "typing_leftover" in wanted:
            findings.extend(typing_leftovers(field, positions[field.name]))
        for rule, styled in _STYLED_RULES.items():
            if rule in wanted:
                findings.extend(styled(field, positions[field.name], house))
    texts = {f.name: f.text for f in fields}
    if "typing_leftover" in wanted:
        accidents = typing_accidents(all_words, texts, positions)
        spans = {(f.field, f.start, f.end) for f in accidents}
        # The mangled word is one finding, with the keys typed as its fix.
        findings = [f for f in findings if (f.field, f.start, f.end) not in spans]
        findings.extend(accidents)
    else:
        spans = set()
    if "invalid_syllable" in wanted:
        findings.extend(f for f in invalid_syllables(all_words, fields, positions)
                        if (f.field, f.start, f.end) not in spans)
    if "name_variants" in wanted:
        findings.extend(name_variants(fields, all_words, positions))
        findings.extend(short_name_variants(all_words, texts, positions))
    if "iy_variants" in wanted:
        findings.extend(iy_variants(all_words, positions))
    if "tone_style_mix" in wanted:
        findings.extend(tone_style_mix(all_words, positions, tone_style))
    if "misspelling" in wanted:
        findings.extend(misspellings(all_words, texts, positions, house))
    if "capitalization" in wanted:
        findings.extend(capitals(all_words, texts, positions, house))
    if "name_register" in wanted and house.register:
        registered = registered_keys(house.register)
        # The register decides a registered name's spelling, not the article's majority.
        findings = [f for f in findings
                    if f.rule != "name_variants" or name_key(f.text) not in registered]
        findings.extend(register_findings(all_words, texts, positions, house))
    order = {name: i for i, name in enumerate(FIELDS)}
    return sorted(findings, key=lambda f: (order[f.field], f.start, f.end, f.rule))


# ---------------------------------------------------------------- words


def invalid_syllables(all_words: list[Word], fields: list[FieldText],
                      positions: dict[str, Positions]) -> list[Finding]:
    """Words with Vietnamese marks that cannot be Vietnamese syllables ("qủa", "hòc").

    Left alone: words without marks (English, codes, "Kon"), foreign words
    (with f/j/w/z or non-Vietnamese accents), ALL-CAPS words, and capitalised
    words unless they open a sentence followed by lower case, because ethnic
    place names (Đăk Glei, Kon Plông) break the syllable rules on purpose.
    A word that breaks only the ng/ngh, g/gh, c/k or qu rule is a spelling-rule
    error with its certain correction ("nghành" → "ngành"); otherwise the fix
    moves the tone when exactly one placement makes the word valid.
    """
    texts = {f.name: f.text for f in fields}
    findings = []
    for i, word in enumerate(all_words):
        if not _judged_as_vietnamese(word, all_words[i + 1] if i + 1 < len(all_words) else None,
                                     texts):
            continue
        if is_vietnamese_syllable(word.text):
            continue
        if (rule_fix := spelling_rule_fix(word.text)) is not None:
            findings.append(make_finding("invalid_syllable", word.field, texts[word.field],
                                         positions[word.field], word.start, word.end,
                                         fix=rule_fix[0], code="spelling_rule",
                                         onset=rule_fix[1]))
            continue
        findings.append(make_finding("invalid_syllable", word.field, texts[word.field],
                                     positions[word.field], word.start, word.end,
                                     fix=_retoned(word.text)))
    return findings


def _judged_as_vietnamese(word: Word, following: Word | None, texts: dict[str, str]) -> bool:
    text = word.text
    if text.isascii() or (len(text) > 1 and text.isupper()):
        return False
    lower = text.lower()
    if any(ch not in _VIET_LETTERS for ch in lower) or _FOREIGN_LETTERS & set(lower):
        return False
    if not word.capitalised:
        return True
    return word.sentence_start and following is not None and (
        following.field == word.field
        and texts[word.field][word.end:following.start] == " "
        and not following.capitalised
    )


def _retoned(word: str) -> str | None:
    """The one valid spelling with the same tone on another vowel, if there is one."""
    chars = [strip_tone(ch) for ch in word]
    tones = [mark for _, mark in chars if mark]
    if len(tones) != 1:
        return None
    bare = [base for base, _ in chars]
    candidates = []
    for i, base in enumerate(bare):
        if base.lower() in VOWELS:
            candidate = "".join(bare[:i]) + add_tone(base, tones[0]) + "".join(bare[i + 1:])
            if candidate != word and is_vietnamese_syllable(candidate):
                candidates.append(candidate)
    return candidates[0] if len(candidates) == 1 else None


def repeated_words(field: FieldText, positions: Positions) -> list[Finding]:
    """A function word typed twice: "của của" (fix: once)."""
    findings = []
    found = words(field)
    for first, second in itertools.pairwise(found):
        if (first.text.casefold() == second.text.casefold()
                and first.text.casefold() in REPEATABLE_NEVER
                and field.text[first.end:second.start].strip(" ") == ""
                and "\n" not in field.text[first.end:second.start]):
            findings.append(make_finding("repeated_word", field.name, field.text, positions,
                                         first.start, second.end, fix=first.text,
                                         word=first.text))
    return findings


# ---------------------------------------------------------------- spacing and quotes


def double_spaces(field: FieldText, positions: Positions) -> list[Finding]:
    """Two or more spaces between words (line-start indentation is Markdown's, left alone)."""
    return [
        make_finding("double_space", field.name, field.text, positions, m.start(), m.end(),
                     fix=" ", count=m.end() - m.start())
        for m in _DOUBLE_SPACE.finditer(field.masked)
    ]


def straight_quotes(field: FieldText, positions: Positions) -> list[Finding]:
    """" and ' → “ ” ‘ ’, opening after a space or bracket, closing elsewhere.

    An apostrophe between letters (H'Mông) becomes ’; a quote after a digit
    (5', 3") is a unit and stays. A Markdown backslash before the quote goes
    with it, since “ needs no escaping.
    """
    findings = []
    text = field.masked
    for m in _STRAIGHT_QUOTE.finditer(text):
        quote = m.group()[-1]
        at = m.end() - 1
        before = text[m.start() - 1] if m.start() else ""
        if before.isdigit():
            continue
        replacement = _curly(quote, before, text[at + 1:at + 2])
        findings.append(make_finding("straight_quote", field.name, field.text, positions,
                                     m.start(), m.end(), fix=replacement, quote=quote,
                                     replacement=replacement))
    return findings


def _curly(quote: str, before: str, after: str) -> str:
    if quote == "'" and before.isalpha() and after.isalpha():
        return "’"
    opening = before == "" or before in _OPENERS
    if quote == '"':
        return "“" if opening else "”"
    return "‘" if opening else "’"


# ---------------------------------------------------------------- paragraphs


def boilerplate(field: FieldText, positions: Positions) -> list[Finding]:
    """Paragraphs of web furniture left in the body ("Trả lời", share buttons); fix: delete."""
    findings = []
    for m in _PARAGRAPH.finditer(field.text):
        if "\ue000" in field.masked[m.start():m.end()].strip():
            continue  # code or a link: not the comment form of a web page
        plain = _MARKDOWN_ESCAPE.sub(r"\1", " ".join(m.group().split()))
        if is_boilerplate(plain):
            findings.append(make_finding("boilerplate", field.name, field.text, positions,
                                         m.start(), m.end(), fix=""))
    return findings


_STYLED_RULES: dict[str, Callable[[FieldText, Positions, HouseStyle], list[Finding]]] = {
    "number_style": number_style,
    "date_style": date_style,
    "space_after_punctuation": spaces_after_punctuation,
}

_FIELD_RULES: dict[str, Callable[[FieldText, Positions], list[Finding]]] = {
    "double_space": double_spaces,
    "space_before_punctuation": spaces_before_punctuation,
    "straight_quote": straight_quotes,
    "repeated_word": repeated_words,
    "boilerplate": boilerplate,
}
