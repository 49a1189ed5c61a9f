"""Vietnamese text handling (no Qt): normalization and diacritic folding."""

from deskapp.text.folding import fold
from deskapp.text.normalize import clean_spaces, nfc, to_nfc_fields

__all__ = ["clean_spaces", "fold", "nfc", "to_nfc_fields"]
