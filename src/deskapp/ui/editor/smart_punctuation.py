"""Typographic quotes and dashes as the reporter types.

Only a plain ASCII ``"``, ``'`` or ``-`` typed on the keyboard is considered,
after it has gone in unchanged; the curly character then replaces it as a
separate edit, so one undo gives the straight character back. Code spans,
fenced or indented code and Markdown rules (``---``) are left alone.
"""

from __future__ import annotations

_OPENERS = frozenset(" \t([{<“‘—–-/\u00a0")
TRIGGERS = frozenset("\"'-")


def smart_replacement(before: str, typed: str) -> tuple[int, str] | None:
    """For ``before`` (the line up to the cursor, ending with ``typed``): (chars, new text).

    Returns how many characters before the cursor to replace and with what, or
    None when the straight character should stay.
    """
    if typed not in TRIGGERS or not before.endswith(typed) or _in_code(before[:-1]):
        return None
    previous = before[-2] if len(before) > 1 else ""
    if typed == '"':
        return 1, "“" if previous == "" or previous in _OPENERS else "”"
    if typed == "'":
        return 1, "‘" if previous == "" or previous in _OPENERS else "’"
    # "--" becomes an en dash, except in a line of dashes (a Markdown rule or underline)
    # and in a list marker or option-like "--word" at the start of the line.
    if previous == "-" and before.strip("- \t"):
        earlier = before[-3] if len(before) > 2 else ""
        if earlier != "-":
            return 2, "–"
    return None


def _in_code(line: str) -> bool:
    if line.startswith(("    ", "\t", "```", "~~~")):
        return True
    return line.count("`") % 2 == 1
