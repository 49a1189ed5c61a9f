"""News style for dates: ``date_style``.

"ngày 5-12-2026" → "ngày 5/12/2026", "tháng 3-2025" → "tháng 3/2025" (or the
other way, as the newsroom chose: setting ``dates``). A day and month written with
a dash, a dot or a slash are only judged after a word that announces a date
("ngày", "sáng", "chiều", "tối", "đêm": ``date_words`` in
``resources/proof/numbers.toml``), a month and year after "tháng", and the dates
that follow such a date in a run ("ngày 2-9 và 30-4", "ngày 2/9, 30/4 và 1/5"):
so a score ("thắng 2-1"), a range ("từ 5-7 người", "ngày 5-7 tháng 12"), an age or
a document number ("số 123/QĐ-UBND") is never a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from deskapp.proof.findings import Finding, Positions, make_finding
from deskapp.proof.house import HouseStyle, rules_data
from deskapp.proof.numbers import alternation
from deskapp.proof.words import FieldText

# What may stand between two dates of a run.
_LINK = r"(?:\s*,\s*|\s+(?:và|hoặc|hay|đến|tới|cho tới|cho đến)\s+)"
_DAY_MONTH = r"(\d{1,2})([-./])(\d{1,2})(?:\2(\d{4}))?"
_MONTH_YEAR = r"(\d{1,2})([-./])(\d{4})"
_END = r"(?![\w/-]|[-./]\d)"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = rules_data("numbers")
    words = alternation(data.get("date_words", []))
    months = alternation(data.get("month_words", ["tháng"]))
    return {
        "day_month": re.compile(rf"(?<!\w)(?:{words})\s+{_DAY_MONTH}{_END}", re.IGNORECASE),
        "month_year": re.compile(rf"(?<!\w)(?:{months})\s+{_MONTH_YEAR}{_END}",
                                 re.IGNORECASE),
        "next_day_month": re.compile(rf"{_LINK}{_DAY_MONTH}{_END}", re.IGNORECASE),
        "next_month_year": re.compile(rf"{_LINK}{_MONTH_YEAR}{_END}", re.IGNORECASE),
        # After a day and month these show a range or a count, not a date.
        "not_a_date": re.compile(
            rf"\s*(?:{alternation(data.get('not_after_date', []))})(?!\w)", re.IGNORECASE),
    }


def date_style(field: FieldText, positions: Positions, house: HouseStyle) -> list[Finding]:
    """Dates with the separator the newsroom did not choose, each with its fix."""
    if house.dates == "either":
        return []
    wanted = "/" if house.dates == "slash" else "-"
    findings = []
    for parts, start, end in _dates(field.masked):
        if all(sep == wanted for sep in parts[1::2]):
            continue
        fix = wanted.join(parts[0::2])
        findings.append(make_finding("date_style", field.name, field.text, positions, start,
                                     end, fix=fix, style=house.dates))
    return findings


def _dates(text: str) -> Iterator[tuple[list[str], int, int]]:
    """Each date as (number, separator, number[, separator, year]), start and end."""
    patterns = _patterns()
    for kind in ("day_month", "month_year"):
        follow = patterns["next_" + kind]
        for m in patterns[kind].finditer(text):
            while m is not None:
                parts = _parts(m, kind)
                if parts is None or patterns["not_a_date"].match(text, m.end()):
                    break
                yield parts, m.start(1), m.end()
                m = follow.match(text, m.end())


def _parts(m: re.Match[str], kind: str) -> list[str] | None:
    """The numbers and separators of a valid date, or None."""
    if kind == "month_year":
        month, sep, year = m.group(1), m.group(2), m.group(3)
        return [month, sep, year] if 1 <= int(month) <= 12 \
            and 1900 <= int(year) <= 2100 else None
    day, sep, month, year = m.group(1), m.group(2), m.group(3), m.group(4)
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return None
    return [day, sep, month] + ([sep, year] if year else [])
