"""Vietnamese text handling (no Qt): normalization, folding and the typing engine.

The typing engine is loaded on first use: the command line never types, and
its tables cost a tenth of a one-page ``deskapp export``'s start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deskapp.text.folding import fold
from deskapp.text.normalize import clean_spaces, nfc, to_nfc_fields

if TYPE_CHECKING:
    from deskapp.text.typing_engine import Composer, type_keys

__all__ = ["Composer", "clean_spaces", "fold", "nfc", "to_nfc_fields", "type_keys"]


def __getattr__(name: str) -> Any:
    if name in ("Composer", "type_keys"):
        from deskapp.text import typing_engine

        return getattr(typing_engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
