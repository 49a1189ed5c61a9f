"""Insert photo…: a file stored with the article, referenced in the body with caption and credit.

The file is checked first (:func:`deskapp.store.assets.inspect_image`): a
file that is not an image is refused with a clear message before anything
is asked or stored. Then the caption and the credit are asked, the photo is
stored in the library with the article, and ``![caption](asset:name
"credit")`` goes into the body as its own paragraph, one undo step. A photo
too coarse for its printed size shows up in the print check (preflight).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from deskapp.errors import ImportRejected
from deskapp.store import Library
from deskapp.store.assets import MAX_PHOTO_BYTES, Asset, add_photo, inspect_image
from deskapp.text import nfc
from deskapp.ui.editor.format_toolbar import insert_photo
from deskapp.ui.editor.text_edit import NfcLineEdit, VietnameseTyping

IMAGE_PATTERNS = "*.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp *.bmp"


class PhotoDetailsDialog(QDialog):
    """Asks for the caption (chú thích) and the credit (who took the photo)."""

    def __init__(self, name: str, width: int, height: int, typing: VietnameseTyping,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Insert photo"))
        about = QLabel(self.tr("%1 — %2 × %3 pixels").replace("%1", name)
                       .replace("%2", str(width)).replace("%3", str(height)), self)
        self.caption = NfcLineEdit(self, typing)
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText(self.tr("What the photo shows"))
        self.credit = NfcLineEdit(self, typing)
        self.credit.setObjectName("photoCredit")
        self.credit.setPlaceholderText(self.tr("Photographer or agency"))
        form = QFormLayout()
        form.addRow(self.tr("Caption"), self.caption)
        form.addRow(self.tr("Credit"), self.credit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def values(self) -> tuple[str, str]:
        return nfc(self.caption.text()).strip(), nfc(self.credit.text()).strip()


def read_photo(path: Path) -> bytes:
    """The file's bytes if it is a usable image; :class:`ImportRejected` otherwise."""
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise ImportRejected("photo_too_large", name=path.name, size_mb=size / 2**20,
                                 limit_mb=MAX_PHOTO_BYTES / 2**20)
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected("file_unreadable", name=path.name,
                             reason=exc.strerror or str(exc)) from exc
    inspect_image(data, path.name)
    return data


def store_and_insert(library: Library, article_id: str, edit: QPlainTextEdit, data: bytes,
                     name: str, caption: str, credit: str) -> Asset:
    """Store the photo with the article and put its reference in ``edit`` (one undo step)."""
    asset = add_photo(library, article_id, data, caption=caption, credit=credit, name=name)
    insert_photo(edit, caption or asset.name, f"asset:{asset.name}", credit)
    return asset

