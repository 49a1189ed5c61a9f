"""Qt's own parts of the window speak Vietnamese: the project's catalogue for Qt (qt_vi.ts).

Qt ships no Vietnamese catalogue, so dialog buttons, file dialogs, the
text fields' context menus and the scroll bars' menu stayed English in the
Vietnamese window. Each part is built for real, in English and then in
Vietnamese, and every text it shows is compared.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QScrollBar,
    QSpinBox,
    QWidget,
)

from deskapp.ui.common.i18n import Translation, use_own_dialogs

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def translation():
    translation = Translation.for_app()
    yield translation
    translation.install("en")


def _texts(root: QObject) -> set[str]:
    """Every text a user can read in ``root``: labels, buttons, actions, tooltips, combos,
    column headers, window titles (with the shortcut after a tab left out)."""
    found: set[str] = set()
    for obj in [root, *root.findChildren(QObject)]:
        if isinstance(obj, QAction):
            found.update((obj.text(), obj.toolTip()))
            continue
        if not isinstance(obj, QWidget):
            continue
        found.add(obj.toolTip())
        if obj.isWindow():
            found.add(obj.windowTitle())
        if isinstance(obj, QLabel | QAbstractButton):
            found.add(obj.text())
        if isinstance(obj, QMenu):
            found.add(obj.title())
        if isinstance(obj, QComboBox):
            found.update(obj.itemText(i) for i in range(obj.count()))
        if isinstance(obj, QAbstractItemView) and obj.model() is not None:
            model = obj.model()
            found.update(str(model.headerData(c, Qt.Orientation.Horizontal))
                         for c in range(model.columnCount()))
    return {text.split("\t")[0] for text in found if any(ch.isalpha() for ch in text)}


def _file_dialog(mode: QFileDialog.AcceptMode, folder: Path) -> QFileDialog:
    dialog = QFileDialog(None, "", str(folder))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    return dialog


def _qt_parts(folder: Path) -> list[QWidget]:
    """The Qt dialogs and menus the window uses, built as the window builds them."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextBrowser

    parts: list[QWidget] = []
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        parts.append(_file_dialog(mode, folder))
    box = QMessageBox(QMessageBox.Icon.Question, "", "?")
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Ok | buttons.Cancel | buttons.Yes | buttons.No | buttons.Save
                           | buttons.Discard | buttons.Close | buttons.Open | buttons.Retry)
    box.setDetailedText("…")
    parts.append(box)
    parts.append(QInputDialog())
    parts.append(QProgressDialog())
    line, plain, browser = QLineEdit("a"), QPlainTextEdit("a"), QTextBrowser()
    browser.setHtml('<a href="https://example.com">a</a>')
    parts += [line, plain, browser, line.createStandardContextMenu(),
              plain.createStandardContextMenu(), browser.createStandardContextMenu(QPoint(2, 2))]
    return parts


def test_every_text_of_qt_s_parts_is_vietnamese_in_the_vietnamese_window(qtbot, translation,
                                                                          tmp_path):
    shown: dict[str, set[str]] = {}
    for language in ("en", "vi"):
        translation.install(language)
        parts = _qt_parts(tmp_path)
        for part in parts:
            if part.isWindow():
                part.show()
        shown[language] = set().union(*(_texts(part) for part in parts))
        for part in parts:
            part.close()
            part.deleteLater()
    assert {"OK", "Cancel", "&Yes", "Save", "&Undo", "Cu&t", "&Copy", "&Paste", "Select All",
            "File &name:", "Files of &type:", "Name", "Size"} <= shown["en"]
    # The folder's name is the only text the two languages share.
    assert shown["en"] & shown["vi"] <= {tmp_path.name, str(tmp_path)}
    assert {"Đồng ý", "Hủy", "&Có", "Lưu", "&Hoàn tác", "&Cắt", "&Chép", "&Dán",
            "Chọn tất cả", "&Tên tệp:", "Tên", "Kích thước"} <= shown["vi"]


def test_the_window_s_own_fields_offer_a_vietnamese_context_menu(window, translation):
    translation.install("vi")
    for field in (window.editor.title, window.editor.body):
        menu = field.createStandardContextMenu()
        texts = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
        assert texts[:3] == ["&Hoàn tác", "&Làm lại", "&Cắt"], type(field).__name__
        assert {"&Chép", "&Dán", "Xóa", "Chọn tất cả"} <= set(texts)
        menu.deleteLater()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    assert sorted(button.text() for button in buttons.buttons()) == ["Hủy", "Đồng ý"]
    translation.install("en")  # a box already built follows a switch, as Qt's own do
    QApplication.processEvents()  # Qt tells its widgets of the new language by an event
    assert sorted(button.text() for button in buttons.buttons()) == ["Cancel", "OK"]


class _MenuReader(QObject):
    """Reads the texts of a menu a widget shows itself (and closes it), as it is shown."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QMenu):
            self.texts = [a.text().split("\t")[0] for a in obj.actions() if a.text()]
            QTimer.singleShot(0, obj.close)
        return False


def _popup_texts(widget: QWidget, at: QPoint) -> list[str]:
    """The texts of the context menu ``widget`` opens itself (scroll bar, spin box)."""
    reader = _MenuReader()
    QApplication.instance().installEventFilter(reader)
    try:
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, widget.mapToGlobal(at))
        QApplication.sendEvent(widget, event)
    finally:
        QApplication.instance().removeEventFilter(reader)
    return reader.texts


def test_scroll_bar_and_spin_box_menus_are_vietnamese(qtbot, translation):
    translation.install("vi")
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.resize(16, 200)
    spin = QSpinBox()
    qtbot.addWidget(bar)
    qtbot.addWidget(spin)
    bar.show()
    spin.show()
    bar_menu = _popup_texts(bar, QPoint(8, 100))
    assert bar_menu == ["Cuộn đến đây", "Trên cùng", "Dưới cùng", "Lên một trang",
                        "Xuống một trang", "Cuộn lên", "Cuộn xuống"]
    spin_menu = _popup_texts(spin, QPoint(5, 5))
    assert {"&Chọn tất cả", "&Tăng", "&Giảm"} <= set(spin_menu)


def test_the_file_dialog_names_a_folder_s_kind_in_vietnamese(qtbot, translation, tmp_path):
    (tmp_path / "ảnh").mkdir()
    translation.install("vi")
    dialog = _file_dialog(QFileDialog.AcceptMode.AcceptOpen, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QAbstractItemView, "treeView")
    model = view.model()

    def kind() -> str:
        root = view.rootIndex()
        return model.index(0, 2, root).data() if model.rowCount(root) else ""

    qtbot.waitUntil(lambda: kind() != "", timeout=5000)  # the folder is read on a thread
    assert kind() == "Thư mục"


def test_qt_s_own_dialogs_on_linux_in_vietnamese_only(translation):
    from deskapp.ui.common.theme import ThemeManager

    attribute = Qt.ApplicationAttribute.AA_DontUseNativeDialogs
    ThemeManager.for_app(QApplication.instance()).apply("system")  # no theme chosen
    translation.install("vi")
    assert QApplication.testAttribute(attribute) == sys.platform.startswith("linux")
    translation.install("en")
    assert not QApplication.testAttribute(attribute)
    assert use_own_dialogs("vi", "linux")
    assert QApplication.testAttribute(attribute)
    assert not use_own_dialogs("vi", "win32")
    assert not use_own_dialogs("vi", "darwin")
    assert not use_own_dialogs("en", "linux")
    assert not QApplication.testAttribute(attribute)
    assert use_own_dialogs("en", "linux", theme_chosen=True)
    assert not use_own_dialogs("en", "win32", theme_chosen=True)


def test_the_catalogue_has_every_text_qt_uses_in_its_contexts():
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  ROOT / "tools" / "update_translations.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    from PySide6.QtCore import QLibraryInfo

    shipped = (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
               / "qtbase_fr.qm")
    texts = tool.qm_texts(shipped)
    assert ("QPlatformTheme", "Cancel", "") in texts  # the reader reads Qt's catalogue
    assert ("QLineEdit", "&Undo", "") in texts
    assert tool.qt_texts_missing() == []


def test_the_shipped_qm_is_the_ts_compiled():
    import xml.etree.ElementTree as ET

    from PySide6.QtCore import QTranslator

    folder = ROOT / "resources" / "i18n"
    compiled = QTranslator()
    assert compiled.load(str(folder / "qt_vi.qm"))
    stale = []
    for context in ET.parse(folder / "qt_vi.ts").getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, wanted = message.findtext("source"), message.findtext("translation")
            if compiled.translate(name, source) != wanted:
                stale.append((name, source))
    assert stale == []
