"""News style for numbers.

* ``number_style``: "5,000 đồng" → "5.000 đồng", "1,234.5 tấn" → "1.234,5 tấn",
  "12.5%" → "12,5%", "15000 người" → "15.000 người". Only numbers that a unit
  or a percent sign shows to be amounts are judged (``resources/proof/numbers.toml``),
  so years, phone numbers, codes and versions never are.
Dates are :mod:`deskapp.proof.dates`'s, spaces around punctuation
:mod:`deskapp.proof.spacing`'s.

Every rule reads the masked text: code, URLs and e-mail addresses are not prose.
"""

from __future__ import annotations

import re
from functools import cache

from deskapp.proof.findings import Finding, Positions, make_finding
from deskapp.proof.house import HouseStyle, rules_data
from deskapp.proof.words import FieldText


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = rules_data("numbers")
    count = alternation(data.get("count_units", []))
    decimal = alternation(data.get("decimal_units", []))
    not_dong = alternation(data.get("dong_not_before", []))
    end = r"(?![\w])"
    return {
        # 1,234,567 / 1,234.5 / 5,000 followed by a count unit
        "comma_groups": re.compile(
            rf"(?<![\w.,])(\d{{1,3}}(?:,\d{{3}})+)(\.\d+)?(?![\w,]|\.\d)"
            rf"(?=(\s*(?:{count}){end})?)"),
        # 12.5% / 3.5 tỷ: one or two decimals after a dot, then a unit
        "decimal_dot": re.compile(
            rf"(?<![\w.,])\d+\.\d{{1,2}}(?![\w.]|,\d)(?=\s*%|\s+(?:{decimal}){end})"),
        # 15000 người, 5000 đồng: no separator in an amount
        "no_groups": re.compile(
            rf"(?<![\w.,/:-])(?<!năm )(?<!Năm )[1-9]\d{{3,}}(?![\w.,/:-])"
            rf"(?=\s+(?:{count}){end}(?!\s+(?:{not_dong}){end}))"),
    }


def number_style(field: FieldText, positions: Positions, house: HouseStyle) -> list[Finding]:
    """Amounts written the English way, or with no separator between thousands."""
    if not (house.thousands or house.decimal):
        return []
    patterns = _patterns()
    found: list[tuple[int, int, str]] = []
    text = field.masked
    for m in patterns["comma_groups"].finditer(text):
        groups, decimals, unit = m.group(1), m.group(2), m.group(3)
        if decimals is None and groups.count(",") == 1 and not unit:
            continue  # "5,000" alone could be five with three decimals
        found.append((m.start(), m.end(0),
                      groups.replace(",", ".") + (("," + decimals[1:]) if decimals else "")))
    if house.decimal:
        for m in patterns["decimal_dot"].finditer(text):
            found.append((m.start(), m.end(), m.group().replace(".", ",")))
    if house.thousands:
        for m in patterns["no_groups"].finditer(text):
            found.append((m.start(), m.end(), _grouped(m.group())))
    return [make_finding("number_style", field.name, field.text, positions, start, end, fix=fix)
            for start, end, fix in sorted(found)]


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    return ".".join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])
