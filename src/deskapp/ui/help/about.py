"""About Deskapp: the version, and the licences of the bundled fonts, icons and libraries.

The licence texts shipped with the program (``resources/fonts``,
``resources/icons/tabler``) are shown in full below the list.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import deskapp
from deskapp.resources import resource_path

# (what, its licence, the licence text shipped with Deskapp or None)
FONTS = (
    ("Noto Serif, Noto Sans", "SIL Open Font License 1.1", ("fonts", "OFL.txt")),
    ("DejaVu Sans, DejaVu Sans Mono",
     "DejaVu Fonts License (Bitstream Vera License; DejaVu changes in the public domain)",
     ("fonts", "LICENSE-DejaVu.txt")),
    ("Tabler Icons 3.52.0", "MIT License", ("icons", "tabler", "LICENSE")),
)
LIBRARIES = (
    ("Qt {qt}", "GNU LGPL v3"),
    ("PySide6 (Qt for Python)", "GNU LGPL v3"),
    ("Python", "Python Software Foundation License"),
    ("ReportLab", "BSD License"),
    ("rl-accel", "BSD License"),
    ("Python-Markdown", "BSD 3-Clause License"),
    ("SQLite", "public domain"),
    ("sqlite-utils", "Apache License 2.0"),
    ("python-docx", "MIT License"),
    ("lxml", "BSD 3-Clause License"),
    ("Pillow", "MIT-CMU License (HPND)"),
    ("pypdfium2, PDFium", "BSD 3-Clause License and Apache License 2.0"),
    ("nh3, ammonia", "MIT License"),
    ("psycopg 3", "GNU LGPL v3"),
    ("keyring", "MIT License"),
    ("cryptography", "Apache License 2.0 or BSD 3-Clause License"),
    ("platformdirs", "MIT License"),
)


def _version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.heading = QLabel(self)
        self.heading.setObjectName("aboutHeading")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self.write()

    def write(self) -> None:
        self.setWindowTitle(self.tr("About Deskapp"))
        self.heading.setText(f"<h2>Deskapp {escape(deskapp.__version__)}</h2><p>"
                             + escape(self.tr("An editorial workstation for Vietnamese "
                                              "newsrooms: write, review and print articles, "
                                              "offline.")) + "</p>")
        shipped = self.tr("Fonts and icons shipped with Deskapp")
        libraries = self.tr("Libraries")
        texts = self.tr("Licence texts")
        parts = [f"<h3>{escape(shipped)}</h3><ul>"]
        for index, (what, licence, _file) in enumerate(FONTS):
            parts.append(f'<li><b>{escape(what)}</b>: <a href="#licence-{index}">'
                         f"{escape(licence)}</a></li>")
        parts.append(f"</ul><h3>{escape(libraries)}</h3><ul>")
        for what, licence in LIBRARIES:
            parts.append(f"<li><b>{escape(what.format(qt=qVersion()))}</b>: "
                         f"{escape(licence)}</li>")
        parts.append("</ul><p>" + escape(self.tr(
            "Qt and PySide6 are used as shared libraries under the GNU Lesser General Public "
            "License version 3; you may replace them with versions of your own.")) + "</p>")
        parts.append(f"<h3>{escape(texts)}</h3>")
        for index, (what, licence, file) in enumerate(FONTS):
            text = resource_path(*file).read_text(encoding="utf-8", errors="replace")
            parts.append(f'<a name="licence-{index}"></a><h4>{escape(what)} — '
                         f"{escape(licence)}</h4><pre style=\"white-space: pre-wrap\">"
                         f"{escape(text)}</pre>")
        self.browser.setHtml("".join(parts))

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.write()
        super().changeEvent(event)
