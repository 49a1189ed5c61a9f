"""View commands: find and replace, focus mode, zoom, moving the keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QToolBar, QWidget

from deskapp.ui.common.i18n import OwnContextTr
from deskapp.ui.common.shortcuts import keys, make_action
from deskapp.ui.editor.editor import EditorPanel
from deskapp.ui.library.library_panel import LibraryPanel


class ViewActions(OwnContextTr, QObject):
    """Actions that change what the window shows, not what the article says."""

    focusModeChanged = Signal(bool)

    def __init__(self, window: QMainWindow, splitter: QSplitter, library: LibraryPanel,
                 editor: EditorPanel, preview: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.splitter = splitter
        self.library = library
        self.editor = editor
        self.preview = preview
        self._sizes: list[int] = []
        self._hidden: list[QWidget] | None = None  # what focus mode hid, to show again
        self._front: list[QDockWidget] = []

        def action(text: str, slot: object, *shortcuts: QKeySequence | str) -> QAction:
            act = make_action(text, window)
            act.setShortcuts([keys(s) if isinstance(s, str) else QKeySequence(s)
                              for s in shortcuts])
            act.triggered.connect(lambda _c=False: slot())  # type: ignore[operator]
            window.addAction(act)
            return act

        # The find bar is built when first opened (editor.find_bar).
        self.find = action(self.tr("&Find…"), lambda: editor.find_bar.open_find(False),
                           QKeySequence.StandardKey.Find)
        self.replace = action(self.tr("Find and &replace…"),
                              lambda: editor.find_bar.open_find(True), "Ctrl+H")
        self.find_next = action(self.tr("Find &next"), lambda: editor.find_bar.find_next(), "F3")
        self.find_previous = action(self.tr("Find pre&vious"),
                                    lambda: editor.find_bar.find_previous(), "Shift+F3")
        self.focus_mode = action(self.tr("F&ocus mode"), self.toggle_focus_mode,
                                 "F11", "Ctrl+Shift+F")
        self.focus_mode.setCheckable(True)
        self.zoom_in = action(self.tr("Zoom &in"), lambda: editor.body.zoom(1),
                              QKeySequence.StandardKey.ZoomIn, "Ctrl+=")
        self.zoom_out = action(self.tr("Zoom &out"), lambda: editor.body.zoom(-1),
                               QKeySequence.StandardKey.ZoomOut)
        self.zoom_reset = action(self.tr("&Actual size"), lambda: editor.body.set_zoom(0),
                                 "Ctrl+0")
        self.go_library = action(self.tr("Go to the &library"), self.focus_library, "Ctrl+L")
        self.go_editor = action(self.tr("Go to the &text"), self.focus_editor, "Ctrl+J")
        for act in (self.find, self.replace, self.find_next, self.find_previous):
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def fill_menus(self, edit_menu: QMenu, view_menu: QMenu) -> None:
        for act in (self.find, self.replace, self.find_next, self.find_previous):
            edit_menu.addAction(act)
        for act in (self.focus_mode, None, self.zoom_in, self.zoom_out, self.zoom_reset, None,
                    self.go_library, self.go_editor):
            if act is None:
                view_menu.addSeparator()
            else:
                view_menu.addAction(act)

    def toggle_focus_mode(self) -> None:
        self.set_focus_mode(not self.in_focus_mode())

    def in_focus_mode(self) -> bool:
        return self._hidden is not None

    def set_focus_mode(self, on: bool) -> None:
        """Only the text and the status line, or everything again as it was.

        Focus mode hides the library, the preview, every dock, the toolbars
        that are shown and the credits under the lead (headline, lead and body
        stay); leaving it shows again exactly those.
        """
        if on == self.in_focus_mode():
            return
        if on:
            self._sizes = self.splitter.sizes()
            window = self.window
            bars = [bar for bar in window.findChildren(QToolBar) if bar.parent() is window]
            docks = [dock for dock in window.findChildren(QDockWidget)
                     if dock.parent() is window]
            self._hidden = [widget for widget in (self.library, self.preview, *docks, *bars)
                            if not widget.isHidden()]
            # The front tab of each group of tabbed docks, to bring to the front again.
            self._front = [dock for dock in docks if dock.isVisible()
                           and not dock.visibleRegion().isEmpty()]
            for widget in self._hidden:
                widget.hide()
            self.editor.show_credits(False)
        else:
            self.editor.show_credits(True)
            for widget in self._hidden or ():
                widget.show()
            for dock in self._front:
                dock.raise_()
            self._hidden, self._front = None, []
            if self._sizes:
                self.splitter.setSizes(self._sizes)
        self.focus_mode.setChecked(on)
        if on:
            self.editor.body.setFocus()
        self.focusModeChanged.emit(on)

    def normal_sizes(self) -> list[int]:
        """The splitter sizes outside focus mode (what to remember for the next start)."""
        return self._sizes if self.in_focus_mode() and self._sizes else self.splitter.sizes()

    def focus_library(self) -> None:
        if self.in_focus_mode():
            self.set_focus_mode(False)
        self.library.tree.setFocus()
        self.library.select_first()

    def focus_editor(self) -> None:
        target = self.editor.body if self.editor.isEnabled() else self.library.filter
        target.setFocus()
