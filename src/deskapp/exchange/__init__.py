"""Getting articles in and out: decoding files and pastes, cleaning web copy, importers.

Pure core: no Qt, no network. Every refusal is an
:class:`~deskapp.errors.ImportRejected` whose code is explained in
:mod:`deskapp.messages`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The names below load their module on first use: the window starts without the
# importers and the web-copy cleaner, which it needs only when something is imported.
_HOMES = {
    "MAX_IMPORT_BYTES": "decode",
    "MAX_PASTE_CHARS": "decode",
    "LegacyDecoder": "decode",
    "check_paste": "decode",
    "decode_text": "decode",
    "read_text_file": "decode",
    "tidy_text": "decode",
    "IMPORTABLE_SUFFIXES": "importers",
    "draft_from_paste": "importers",
    "import_file": "importers",
    "parse_markdown_file": "importers",
    "Draft": "webcopy",
    "clean_web_copy": "webcopy",
    "escape_markdown": "webcopy",
    "is_boilerplate": "webcopy",
    "parse_tags": "webcopy",
}

if TYPE_CHECKING:
    from deskapp.exchange.decode import (
        MAX_IMPORT_BYTES,
        MAX_PASTE_CHARS,
        LegacyDecoder,
        check_paste,
        decode_text,
        read_text_file,
        tidy_text,
    )
    from deskapp.exchange.importers import (
        IMPORTABLE_SUFFIXES,
        draft_from_paste,
        import_file,
        parse_markdown_file,
    )
    from deskapp.exchange.webcopy import (
        Draft,
        clean_web_copy,
        escape_markdown,
        is_boilerplate,
        parse_tags,
    )


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "IMPORTABLE_SUFFIXES",
    "MAX_IMPORT_BYTES",
    "MAX_PASTE_CHARS",
    "Draft",
    "LegacyDecoder",
    "check_paste",
    "clean_web_copy",
    "decode_text",
    "draft_from_paste",
    "escape_markdown",
    "import_file",
    "is_boilerplate",
    "parse_markdown_file",
    "parse_tags",
    "read_text_file",
    "tidy_text",
]
