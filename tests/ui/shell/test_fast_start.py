"""Start-up: what waits for the first paint, and the dock layout kept between sessions."""

import os
import subprocess
import sys

from deskapp.render.html import article_html
from deskapp.ui.shell.main_window import MainWindow


def test_preview_copyfit_and_desk_panels_fill_after_the_first_paint(qtbot, library):
    win = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(win)
    assert win.editor.article_id is not None  # the article is in the editor at once
    assert not win.is_settled()
    assert win.review._proof is None and win.review._history is None
    assert not win.preview.last_html
    with qtbot.waitSignal(win.settled, timeout=5000):
        win.show()
    # A first start opens no side panel, so none is built.
    assert not any(dock.isVisible() for dock in win.review.docks())
    assert win.review._proof is None and win.review._history is None
    qtbot.waitUntil(lambda: bool(win.preview.last_html), timeout=5000)
    qtbot.waitUntil(lambda: win.copyfit.fit is not None, timeout=10000)
    win.desk_commands.act_proof.trigger()  # F7 opens Proofing and builds it
    assert win.review.proof_dock.isVisible() and win.review._proof is not None
    win.review.history_dock.toggleViewAction().trigger()  # a tab beside it
    qtbot.waitUntil(lambda: win.review._history is not None, timeout=3000)
    assert win.review.history.list.topLevelItemCount() >= 1
    assert win.review._comments is None
    win.review.comments_dock.show()  # showing the tab builds the panel
    win.review.comments_dock.raise_()
    qtbot.waitUntil(lambda: win.review._comments is not None, timeout=3000)
    assert win.review.comments_dock.widget().widget() is win.review.comments
    win.close()


def test_the_dock_layout_is_restored_and_a_closed_dock_is_not_built(qtbot, library):
    first = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.settled, timeout=5000):
        first.show()
    first.desk_commands.act_proof.trigger()
    first.review.history_dock.close()
    first.close()

    second = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.settled, timeout=5000):
        second.show()
    assert not second.review.history_dock.isVisible()
    assert second.review.proof_dock.isVisible()
    assert second.review._history is None
    second.review.history_dock.toggleViewAction().trigger()
    assert second.review.history_dock.isVisible()
    assert second.review._history is not None
    second.close()


def test_starting_the_window_leaves_the_heavy_modules_unloaded():
    """PDF, Word, proofing and the importers load when first used, not at start."""
    code = (
        "import sys\n"
        "import deskapp.ui.shell.app, deskapp.ui.shell.main_window, deskapp.workspace\n"
        "heavy = ['reportlab', 'docx', 'markdown', 'deskapp.proof', 'deskapp.text.legacy',\n"
        "         'deskapp.exchange.webcopy', 'deskapp.exchange.merge', 'deskapp.render.tree',\n"
        "         'deskapp.ui.desk.proof_panel', 'deskapp.ui.desk.history_panel',\n"
        "         'deskapp.desk.diff']\n"
        "print(' '.join(name for name in heavy if name in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""


def test_the_first_paint_needs_no_dialog_search_or_print_code(tmp_path):
    """What the start-up rules keep out of the first paint (docs/ARCHITECTURE.md, Start-up).

    A fresh process opens the window on a library and, at its first paint,
    lists the modules loaded and the Qt classes PySide6 has built: each of
    these would cost the start its import or its class and enums.
    """
    code = (
        "import os, sys\n"
        "from deskapp.cli import main\n"
        "from deskapp.ui.shell import main_window\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "import PySide6.QtGui as G, PySide6.QtWidgets as W\n"
        "class Watch(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint:\n"
        "            built = set(vars(G)) | set(vars(W))\n"
        "            print(' '.join(sorted(set(sys.modules) | built)), flush=True)\n"
        "            os._exit(0)\n"
        "        return False\n"
        "watch = Watch()\n"
        "build = main_window.MainWindow.__init__\n"
        "def watched(self, *a, **k):\n"
        "    build(self, *a, **k)\n"
        "    self.installEventFilter(watch)\n"
        "main_window.MainWindow.__init__ = watched\n"
        "main(['--library', sys.argv[1]])\n"
    )
    from deskapp.workspace import open_library

    library = open_library(tmp_path / "l.sqlite")  # made beforehand: a usual start opens one
    library.set_setting("user_name", "Lan")  # so no first-run question stands in the way
    library.close()
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "l.sqlite")],
                         capture_output=True, text=True, check=True, env=env, timeout=120)
    loaded = set(out.stdout.split())
    assert "deskapp.ui.shell.main_window" in loaded and "QMainWindow" in loaded  # it did paint
    kept_out = {
        "deskapp.store.search", "deskapp.desk.copyfit", "deskapp.ui.printing.print_options",
        "deskapp.store.backup", "deskapp.ui.safety.backup_dialogs",
        "deskapp.ui.editor.find_replace",
        "deskapp.ui.sync.desk_view", "deskapp.sync.desk", "deskapp.text.tone", "sqlite_utils",
        "uuid", "hashlib", "platformdirs", "platform", "ctypes", "html",
        "QMessageBox", "QFileDialog", "QInputDialog", "QDialogButtonBox", "QStyle", "QIcon",
        "QProgressDialog", "QDesktopServices",
    }
    assert sorted(kept_out & loaded) == []


def test_a_book_length_body_is_coloured_and_counted_just_after_the_first_paint(qtbot, library):
    from deskapp.model import Article
    from deskapp.ui.shell import main_window as window_module
    from deskapp.ui.shell.window_state import LAST_ARTICLE

    paragraph = "Nội dung bài viết dài **đậm** để thử. " * 20
    body = "## Phần một\n\n" + "\n\n".join([paragraph] * 200)
    assert len(body) > window_module.LONG_BODY_CHARS
    article = library.create(Article(title="Báo cáo năm", body=body), author="Tester")
    library.set_setting(LAST_ARTICLE, article.id)
    win = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(win)
    assert win.editor.body.toPlainText() == body  # the text is there for the first paint
    assert win.editor.body.highlighter.document() is None
    assert win.status_info.words.text() == ""
    with qtbot.waitSignal(win.settled, timeout=5000):
        win.show()
    heading = win.editor.body.document().firstBlock()
    qtbot.waitUntil(lambda: bool(heading.layout().formats()), timeout=5000)
    assert win.editor.body.highlighter.document() is win.editor.body.document()
    words = len(body.split())
    assert win.status_info.word_count == words
    win.close()

    short = library.create(Article(title="Tin ngắn", body="## Tít phụ\n\nMột câu."),
                           author="Tester")
    library.set_setting(LAST_ARTICLE, short.id)
    again = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(again)
    assert again.editor.body.document().firstBlock().layout().formats()  # coloured at once
    assert again.status_info.word_count == 5
    again.close()
