"""Start-up: what waits for the first paint, and the dock layout kept between sessions."""

import subprocess
import sys

from deskapp.render.html import article_html
from deskapp.ui.main_window import MainWindow


def test_preview_copyfit_and_desk_panels_fill_after_the_first_paint(qtbot, library):
    win = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(win)
    assert win.editor.article_id is not None  # the article is in the editor at once
    assert not win.is_settled()
    assert win.review._proof is None and win.review._history is None
    assert not win.preview.last_html
    with qtbot.waitSignal(win.settled, timeout=5000):
        win.show()
    assert win.review._proof is not None  # the docks on screen are filled
    assert win.review._history is not None
    assert win.review._comments is None  # its tab is behind Proofing
    qtbot.waitUntil(lambda: bool(win.preview.last_html), timeout=5000)
    qtbot.waitUntil(lambda: win.copyfit.fit is not None, timeout=10000)
    assert win.review.history.list.topLevelItemCount() >= 1
    win.review.comments_dock.raise_()  # showing the tab builds the panel
    qtbot.waitUntil(lambda: win.review._comments is not None, timeout=3000)
    assert win.review.comments_dock.widget().widget() is win.review.comments
    win.close()


def test_the_dock_layout_is_restored_and_a_closed_dock_is_not_built(qtbot, library):
    first = MainWindow(library, user="Tester", render_html=article_html)
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.settled, timeout=5000):
        first.show()
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
        "import deskapp.ui.app, deskapp.ui.main_window, deskapp.workspace\n"
        "heavy = ['reportlab', 'docx', 'markdown', 'deskapp.proof', 'deskapp.text.legacy',\n"
        "         'deskapp.exchange.webcopy', 'deskapp.exchange.merge', 'deskapp.render.tree',\n"
        "         'deskapp.ui.proof_panel', 'deskapp.ui.history_panel', 'deskapp.desk.diff']\n"
        "print(' '.join(name for name in heavy if name in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
