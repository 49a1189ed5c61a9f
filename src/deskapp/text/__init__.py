"""Vietnamese text handling (no Qt): normalization, folding and the typing engine."""

from deskapp.text.folding import fold
from deskapp.text.normalize import clean_spaces, nfc, to_nfc_fields
from deskapp.text.typing_engine import Composer, type_keys

__all__ = ["Composer", "clean_spaces", "fold", "nfc", "to_nfc_fields", "type_keys"]
