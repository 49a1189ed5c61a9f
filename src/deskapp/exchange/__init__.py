"""Getting articles in and out: decoding files and pastes, cleaning web copy, importers.

Pure core: no Qt, no network. Every refusal is an
:class:`~deskapp.errors.ImportRejected` whose code is explained in
:mod:`deskapp.messages`.
"""

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
