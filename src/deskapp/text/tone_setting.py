"""The library's tone style setting: "old" (hòa, khỏe, thủy) or "new" (hoà, khoẻ, thuỷ).

Kept apart from :mod:`deskapp.text.tone` so the window can read the setting
at start without loading the syllable tables.
"""

from __future__ import annotations

STYLES = ("old", "new")
# The style a library uses until someone chooses: the Typing menu shows it
# ticked, the typing engine places tones so, and proofing follows it.
DEFAULT_STYLE = "old"


def style_setting(value: str | None) -> str:
    """The tone style a library setting names, or :data:`DEFAULT_STYLE` when unset or unknown."""
    return value if value in STYLES else DEFAULT_STYLE
