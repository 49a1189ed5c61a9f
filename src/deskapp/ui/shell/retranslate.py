"""Change the window's language while it is open.

Every text the window shows went through ``tr()``. The application's
:class:`~deskapp.ui.common.i18n.RecordingTranslator` remembers, for each text it
saw shown, the context and English source it came from; after the new
language's translators are installed, :func:`retranslate_tree` walks the
window's actions and widgets and asks Qt again for every text it finds in
that record. Texts made of several pieces (counts, names, dates) are not in
the record: the window writes those again itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from deskapp.ui.common.i18n import RecordingTranslator

Source = tuple[str, str, str | None]  # context, English source, disambiguation


def retranslate_tree(root: QWidget, recorder: RecordingTranslator) -> int:
    """Translate again every recorded text under ``root``; returns how many changed."""
    changer = _Changer(recorder)
    for obj in [root, *root.findChildren(QObject)]:
        changer.visit(obj)
    return changer.changed


def fit_combos(root: QWidget) -> None:
    """Let every combo box under ``root`` take the width its texts now need.

    A combo box measures its items once, when first shown, and keeps that
    size when they are renamed: a longer translation was cut ("Gộp một bả").
    Setting its size policy again drops the kept measure; its layout then
    asks anew.
    """
    for combo in root.findChildren(QComboBox):
        policy = combo.sizeAdjustPolicy()
        other = (QComboBox.SizeAdjustPolicy.AdjustToContents
                 if policy != QComboBox.SizeAdjustPolicy.AdjustToContents
                 else QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow)
        combo.setSizeAdjustPolicy(other)
        combo.setSizeAdjustPolicy(policy)
        if policy == QComboBox.SizeAdjustPolicy.AdjustToContents:
            # its layout may have squeezed it to the old words' width: never below the new
            combo.setMinimumWidth(combo.sizeHint().width())
        combo.updateGeometry()


def _plain(text: str) -> str:
    """An action's text as Qt shows it for a tooltip nobody set: no "&" marks, no "…"."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").replace(
        "...", "").replace("…", "")


class _Changer:
    def __init__(self, recorder: RecordingTranslator) -> None:
        self.recorder = recorder
        self.changed = 0

    def again(self, obj: QObject, text: str) -> str | None:
        """The text in the language now installed, or None when it was not translated."""
        if not text:
            return None
        sources = self.recorder.sources(text)
        contexts = _contexts(obj)
        if not sources:
            head, paren, tail = text.rpartition(" (")
            if paren and tail.endswith(")"):
                # A tooltip with its shortcut after it, "Bold (Ctrl+B)", written either
                # way: tr("Bold") + " (…)" or tr("… (%1)") with %1 filled. The shortcut is
                # in portable form, the same in every language.
                if self.recorder.sources(head):
                    again = self.again(obj, head)
                    return None if again is None else again + paren + tail
                if self.recorder.sources(template := f"{head} (%1)"):
                    again = self.again(obj, template)
                    return None if again is None else again.replace("%1", tail[:-1])
            # Shown before anything was recorded: an English source text of one of the
            # classes that built ``obj``, if any translates it.
            for context in sorted(contexts, key=contexts.__getitem__):
                translated = QCoreApplication.translate(context, text)
                if translated != text:
                    return translated
            return None
        # tr() tries the classes of an object one by one, so a text is recorded under each:
        # the first that the installed language translates wins, else the English source.
        # The nearest class comes first: "&Sửa" is the window's "&Edit" menu but the
        # proofing panel's "&Fix" button, and both classes are among the button's.
        far = len(contexts) + 1
        ordered = sorted(sources, key=lambda source: contexts.get(source[0], far))
        for context, english, disambiguation in ordered:
            translated = QCoreApplication.translate(context, english, disambiguation)
            if translated != english:
                return translated
        return ordered[0][1]

    def swap(self, obj: QObject, get: Callable[[], str], set_: Callable[[str], object]) -> None:
        text = get()
        new = self.again(obj, text)
        if new is not None and new != text:
            set_(new)
            self.changed += 1

    def visit(self, obj: QObject) -> None:
        if isinstance(obj, QAction):
            # A tooltip nobody set is Qt's copy of the text (no "&", no "…"): it follows the
            # new text by itself, and setting it would freeze it in this language (a
            # toolbar's or dock's own action takes its text from their title later).
            derived = obj.toolTip() == _plain(obj.text())
            self.swap(obj, obj.text, obj.setText)
            if not derived:
                self.swap(obj, obj.toolTip, obj.setToolTip)
            self.swap(obj, obj.statusTip, obj.setStatusTip)
            return
        if not isinstance(obj, QWidget):
            return
        self.swap(obj, obj.toolTip, obj.setToolTip)
        self.swap(obj, obj.statusTip, obj.setStatusTip)
        if isinstance(obj, QDockWidget | QToolBar) or obj.isWindow():
            self.swap(obj, obj.windowTitle, obj.setWindowTitle)
        if isinstance(obj, QMenu):
            return  # its title is its menu action's text
        if isinstance(obj, QLabel):
            self.swap(obj, obj.text, obj.setText)
        elif isinstance(obj, QAbstractButton):
            if not (isinstance(obj, QToolButton) and obj.defaultAction() is not None):
                self.swap(obj, obj.text, obj.setText)
        elif isinstance(obj, QLineEdit | QPlainTextEdit | QTextEdit):
            self.swap(obj, obj.placeholderText, obj.setPlaceholderText)
        elif isinstance(obj, QComboBox):
            for index in range(obj.count()):
                self.swap(obj, lambda i=index: obj.itemText(i),
                          lambda text, i=index: obj.setItemText(i, text))
        elif isinstance(obj, QGroupBox):
            self.swap(obj, obj.title, obj.setTitle)
        elif isinstance(obj, QTabBar):
            for index in range(obj.count()):
                self.swap(obj, lambda i=index: obj.tabText(i),
                          lambda text, i=index: obj.setTabText(i, text))
        elif isinstance(obj, QTreeWidget):
            header = obj.headerItem()
            for column in range(header.columnCount()):
                self.swap(obj, lambda c=column: header.text(c),
                          lambda text, c=column: header.setText(c, text))
        if isinstance(obj, QSpinBox):
            before = self.changed
            self.swap(obj, obj.specialValueText, obj.setSpecialValueText)
            self.swap(obj, obj.suffix, obj.setSuffix)
            if self.changed != before:
                # A spin box forgets its size hint with these texts but does not tell its
                # layout: without this a longer translation is cut at the left.
                obj.updateGeometry()


def _contexts(obj: QObject) -> dict[str, int]:
    """Class names ``tr()`` may have used for a text of ``obj`` (its own and its parents'),
    each with how far up it was found: 0 for ``obj``'s own classes."""
    names: dict[str, int] = {}
    current: QObject | None = obj
    depth = 0
    while current is not None:
        for name in _class_names(type(current).__mro__):
            names.setdefault(name, depth)
        current = current.parent()
        depth += 1
    return names


def _class_names(classes: Iterable[type]) -> Iterable[str]:
    return (cls.__name__ for cls in classes)
