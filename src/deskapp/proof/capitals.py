"""Capital letters in names, titles and places (Decree 30/2020/NĐ-CP, Appendix II).

The data is ``resources/proof/capitals.toml`` (which cites the appendix's
sections) plus the library's ``proof_capitals`` setting; the choices the rules
leave to a newsroom come from :class:`~deskapp.proof.house.HouseStyle`. Four
checks, all with a fix:

* names of bodies and titles written one way ("Ủy ban Nhân dân" → "Ủy ban nhân
  dân", "thủ tướng chính phủ" → "Thủ tướng Chính phủ"), and a title before a
  person's name ("chủ tịch Nguyễn Văn An" → "Chủ tịch …");
* an administrative unit before its name inside a sentence ("Tỉnh Kon Tum" →
  "tỉnh Kon Tum"), with the newsroom's choice inside a body's full name;
* a personal name with a middle name in lower case ("Nguyễn văn An");
* "Nhà nước", "Nhân dân" in the phrases where they mean the State and the People.

Nothing in ALL CAPITALS is judged (headlines, abbreviations), nor a word that
starts a sentence when only its first letter is in question.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from deskapp.proof.findings import Finding, Positions, make_finding
from deskapp.proof.house import HouseStyle, rules_data
from deskapp.proof.phrases import Match, PhraseIndex, joined, phrase_key, span_text
from deskapp.proof.words import Word

RULE = "capitalization"


@dataclass(frozen=True)
class Entry:
    name: str
    section: str
    lower_too: bool = False
    takes_unit: bool = False
    before_name: bool = False


@dataclass(frozen=True)
class _Data:
    names: PhraseIndex[Entry]
    state: PhraseIndex[Entry]
    units: PhraseIndex[str]
    person_named: frozenset[str]
    unit_not_before: frozenset[str]
    cities: frozenset[tuple[str, ...]]
    family: frozenset[str]
    middle: frozenset[str]


def _entry(raw: dict, default_section: str) -> Entry:
    return Entry(raw["name"], str(raw.get("section", default_section)),
                 bool(raw.get("lower_too")), bool(raw.get("takes_unit")),
                 bool(raw.get("before_name")))


@cache
def _data(extra: tuple[tuple[str, bool], ...]) -> _Data:
    data = rules_data("capitals")
    names = [_entry(e, "IV") for e in data.get("name", [])]
    names += [Entry(name, "IV", lower_too) for name, lower_too in extra]
    units = data.get("units", {})
    people = data.get("people", {})
    return _Data(
        names=PhraseIndex((e.name, e) for e in names),
        state=PhraseIndex((e["name"], _entry(e, "V.1")) for e in data.get("state", [])),
        units=PhraseIndex((u, u) for u in units.get("words", [])),
        person_named=frozenset(u.casefold() for u in units.get("person_named", [])),
        unit_not_before=frozenset(w.casefold() for w in units.get("not_before", [])),
        cities=frozenset(phrase_key(c) for c in units.get("cities", [])),
        family=frozenset(people.get("family", [])),
        middle=frozenset(w.casefold() for w in people.get("middle", [])),
    )


def capitals(words: list[Word], texts: dict[str, str], positions: dict[str, Positions],
             house: HouseStyle) -> list[Finding]:
    """Findings on names, titles, places and personal names written with wrong capitals."""
    extra = tuple((e["name"], bool(e.get("lower_too"))) for e in house.extra_capitals)
    data = _data(extra)
    check = _Check(words, texts, positions, house, data)
    name_matches = check.named(data.names)
    if house.state_words == "upper":
        check.named(data.state)
    check.units(name_matches)
    check.people()
    return check.findings


class _Check:
    def __init__(self, words: list[Word], texts: dict[str, str],
                 positions: dict[str, Positions], house: HouseStyle, data: _Data) -> None:
        self.words, self.texts, self.positions = words, texts, positions
        self.house, self.data = house, data
        self.findings: list[Finding] = []

    # ---- names of bodies and titles --------------------------------------------------
    def named(self, index: PhraseIndex[Entry]) -> list[Match[Entry]]:
        matches = []
        covered = -1
        for match in index.matches(self.words, self.texts):
            if match.first <= covered:
                continue
            covered = match.last
            matches.append(match)
            run = self.words[match.first:match.last + 1]
            entry = match.item
            text = span_text(self.words, self.texts, match.first, match.last)
            if text == entry.name or _all_caps(text):
                continue
            expected = entry.name.split()
            extra_capital = any(w.text[:1].isupper() and e[:1].islower()
                                for w, e in zip(run[1:], expected[1:], strict=True))
            if not run[0].capitalised:
                if not (entry.lower_too
                        or (entry.before_name and self._name_follows(match.last + 1))):
                    continue
            elif not extra_capital and entry.before_name \
                    and not self._name_follows(match.last + 1, body_only=True):
                continue
            self._flag(match.first, match.last, entry.name, entry.section)
        return matches

    def _name_follows(self, at: int, *, body_only: bool = False) -> bool:
        """Does a person's name (or, with ``body_only``, a body's) follow word ``at``?

        A body may stand between a title and the name ("Bí thư Tỉnh ủy Kon Tum
        Nguyễn Văn An"), with a unit and a place after it.
        """
        words, texts = self.words, self.texts
        if at >= len(words) or not joined(words, texts, at - 1, at):
            return False
        body = self.data.names.match_at(words, texts, at)
        if body_only:
            return body is not None
        if body is not None:
            at = body.last + 1
            while (at < len(words) and joined(words, texts, at - 1, at)
                   and words[at].text not in self.data.family
                   and (words[at].capitalised or self.data.units.match_at(words, texts, at))):
                at += 1
        return (at + 1 < len(words) and words[at].text in self.data.family
                and joined(words, texts, at - 1, at) and joined(words, texts, at, at + 1)
                and words[at + 1].capitalised)

    # ---- administrative units ---------------------------------------------------------
    def units(self, name_matches: list[Match[Entry]]) -> None:
        words, texts = self.words, self.texts
        inside = {i for m in name_matches for i in range(m.first, m.last + 1)}
        after_body = {m.last + 1 for m in name_matches if m.item.takes_unit}
        for match in self.data.units.matches(words, texts):
            first, last = match.first, match.last
            head = words[first]
            if first in inside or _all_caps(head.text):
                continue
            text = span_text(words, texts, first, last)
            nxt = last + 1
            has_name = (nxt < len(words) and joined(words, texts, last, nxt)
                        and words[nxt].capitalised and not _all_caps(words[nxt].text)
                        and words[nxt].text.casefold() not in self.data.unit_not_before)
            if match.item == "thành phố" and has_name and self._city_at(nxt):
                continue  # "Thành phố Hà Nội" in a body's name, "thành phố Hà Nội" in a sentence
            if first in after_body and joined(words, texts, first - 1, first):
                choice = self.house.unit_in_full_name
                if choice == "lower" and head.capitalised:
                    self._flag(first, last, text.lower(), "IV")
                elif choice == "upper" and not head.capitalised:
                    self._flag(first, last, text[:1].upper() + text[1:], "IV")
                continue
            if not has_name or head.sentence_start or not head.capitalised:
                continue
            if first > 0 and words[first - 1].capitalised and first - 1 not in inside \
                    and not words[first - 1].sentence_start \
                    and joined(words, texts, first - 1, first):
                continue  # a Title Case line ("Quy Chế Dân Chủ Ở Cơ Sở Tỉnh Kon Tum")
            if match.item in self.data.person_named and words[nxt].text in self.data.family:
                continue
            self._flag(first, last, text.lower(), "III")

    def _city_at(self, at: int) -> bool:
        folded = [w.text.casefold() for w in self.words]
        return any(tuple(folded[at:at + len(c)]) == c for c in self.data.cities)

    # ---- personal names -----------------------------------------------------------------
    def people(self) -> None:
        words, texts = self.words, self.texts
        i = 0
        while i < len(words) - 2:
            if words[i].text not in self.data.family:
                i += 1
                continue
            j = i + 1
            while (j < len(words) and joined(words, texts, j - 1, j)
                   and words[j].text in self.data.middle):
                j += 1
            if j > i + 1 and j < len(words) and joined(words, texts, j - 1, j) \
                    and words[j].capitalised and not _all_caps(words[j].text):
                fixed = " ".join(w.text[:1].upper() + w.text[1:] for w in words[i:j + 1])
                self._flag(i, j, fixed, "II")
                i = j + 1
                continue
            i += 1

    # ---- shared ---------------------------------------------------------------------------
    def _flag(self, first: int, last: int, fix: str, section: str) -> None:
        start, end = self.words[first], self.words[last]
        field = start.field
        self.findings.append(make_finding(RULE, field, self.texts[field], self.positions[field],
                                          start.start, end.end, fix=fix, section=section))


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
