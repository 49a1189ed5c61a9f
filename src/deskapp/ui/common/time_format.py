"""Times from the library (UTC ISO 8601) as the user's locale writes them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale


def local_time(stamp: str) -> str:
    """The time in the user's locale (short form: "14/03/2024 09:05" in Vietnamese)."""
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:  # a year in full: archives span decades
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(when, pattern)
