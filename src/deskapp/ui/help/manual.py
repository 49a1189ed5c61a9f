"""The user manual, shipped in ``resources/manual`` (Markdown, Vietnamese and English).

It is shown in its own window in the interface's language. Nothing is fetched:
the manual is read from the program's own files, links inside it jump between
its sections, and a link to anywhere else is not followed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from deskapp.resources import resource_path
from deskapp.ui.common.i18n import core_language


def manual_path(language: str):  # type: ignore[no-untyped-def]
    return resource_path("manual", f"manual.{'vi' if language == 'vi' else 'en'}.md")


def manual_html(language: str) -> str:
    """The manual as HTML, each heading an anchor the contents at its top links to."""
    import markdown

    text = manual_path(language).read_text(encoding="utf-8")
    converter = markdown.Markdown(extensions=["toc", "tables", "sane_lists"],
                                  extension_configs={"toc": {"toc_depth": "2-2"}})
    body = converter.convert(text)
    body = body.replace("<table>", '<table border="1" cellspacing="0" cellpadding="4">')
    # Qt's rich text reads <a name>, not every element's id: give each heading one.
    for anchor in _anchors(converter.toc_tokens):
        body = body.replace(f' id="{anchor}">', f' id="{anchor}"><a name="{anchor}"></a>', 1)
    return ("<html><head><style>body { line-height: 140%; } h1, h2 { margin-top: 1em; }"
            " code { font-family: monospace; }</style></head><body>"
            + body + "</body></html>")


def _anchors(tokens: list[dict]) -> list[str]:
    found: list[str] = []
    for token in tokens:
        found.append(token["id"])
        found.extend(_anchors(token.get("children", [])))
    return found


class ManualWindow(QWidget):
    """A window with the manual in a read-only browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("manualWindow")
        self.language = ""
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # links are followed below, inside the manual only
        self.browser.anchorClicked.connect(self._follow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(820, 700)

    def load(self, language: str | None = None) -> None:
        language = language or core_language()
        self.setWindowTitle(self.tr("Deskapp user manual"))
        if language == self.language:
            return
        self.language = language
        self.browser.setHtml(manual_html(language))
        self.browser.document().setModified(False)

    def _follow(self, url: QUrl) -> None:
        if url.isRelative() and url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.language:
            self.load()
        super().changeEvent(event)
