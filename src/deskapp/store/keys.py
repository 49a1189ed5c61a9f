"""What opening a library needs from its schema without the schema itself.

The schema's migrations are written with sqlite-utils, which takes tens of
milliseconds to import; the window's first paint needs only the version
number and the list's title key, so they live here. :mod:`deskapp.store.schema`
checks at import that the version equals its number of migrations.
"""

from __future__ import annotations

from deskapp.text.collation import sort_key

# The number of migrations in deskapp.store.schema: bump it with every new migration.
SCHEMA_VERSION = 14


def title_order_key(title: str) -> str:
    """The Vietnamese sort key of a headline as one string SQLite orders by byte.

    The parts of :func:`~deskapp.text.collation.sort_key` are joined with NUL,
    which sorts below every character they hold (NULs in the title are dropped
    for the key), so comparing the joined strings compares the tuples; UTF-8
    keeps code-point order under SQLite's binary collation.
    """
    return "\x00".join(sort_key(title.replace("\x00", "")))
