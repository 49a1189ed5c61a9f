"""A library of 100,000 articles: open time, memory, list scrolling, search and saving.

The library (``DESKAPP_BENCH_ARTICLES`` articles, default 100,000, each with a
revision and its index entry; see ``scale_library``) is generated once and
cached under the temporary folder. Then a fresh interpreter starts the window
as ``deskapp.ui.shell.app.run`` does (writer lock, open without the page check,
the page check and the day's backup started after the first paint) and
measures, on the UI thread:

* ``scale_open``: from the child's first line to the first paint of the
  window with the library list filled (the window answers input from then on);
* ``scale_rss_open`` / ``scale_rss_peak``: resident memory after the first
  paint and at the end;
* ``scale_scroll_page``: the list scrolled a page at a time (repainted each
  time) until ``SCROLL_ROWS`` rows are loaded and shown: mean and worst step,
  the steps that fetch the next 200 rows included;
* ``scale_search``: typing in the search box, as the window runs it (the
  library's search, the list filled with hits, repainted): p50 and p95;
* ``scale_save``: ``MainWindow.save`` after a keystroke (the save, the list
  refresh, the history): p50, p95 and worst;
* ``scale_checkup``: how long the background page check and backup took
  while all of the above ran.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import report
from scale_library import ensure_library

from deskapp.workspace import open_library

ARTICLES = int(os.environ.get("DESKAPP_BENCH_ARTICLES", "100000"))
SCROLL_ROWS = 3000
SAVES = 40

_CHILD = r'''
import time
T0 = time.perf_counter()
import os, resource, statistics, sys
from pathlib import Path

LIBRARY, SCROLL_ROWS, SAVES = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, sys.argv[4])

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QScrollBar

from deskapp.ui.shell.app import application, render_html
from deskapp.ui.safety.library_checkup import LibraryCheckup
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.startup import open_for_writing
from deskapp.workspace import current_user
T_IMPORTED = time.perf_counter()


def rss_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def out(name, value, unit):
    print(f"{name} {value:.3f} {unit}", flush=True)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class FirstPaint(QObject):
    done = None

    def __init__(self, panel):
        super().__init__()
        self.panel = panel

    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and self.done is None
                and self.panel.model.rowCount() > 0):
            self.done = time.perf_counter()
            self.cpu = time.process_time()
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


app = application()
opened = open_for_writing(LIBRARY, choose=lambda d: sys.exit(f"recovery: {d.code}"),
                          inform=lambda text: sys.exit(text))
window = MainWindow(opened.library, user=current_user(opened.library), render_html=render_html)
checkup = LibraryCheckup(opened.path, window)
checkup.finished.connect(window.library_checked)
checkup_started = []
window.settled.connect(lambda: checkup_started.append(time.perf_counter()))
window.settled.connect(checkup.start)
panel = window.library_panel
watcher = FirstPaint(panel)
panel.tree.viewport().installEventFilter(watcher)
window.show()
app.exec()
out("open", (watcher.done - T0) * 1000, "ms")
out("open_cpu", watcher.cpu * 1000, "ms")
out("open_after_imports", (watcher.done - T_IMPORTED) * 1000, "ms")
out("rss_open", rss_mib(), "MiB")
app.processEvents()
if SCROLL_ROWS == 0:  # the small library: only the start is compared
    window.close()
    opened.close()
    sys.exit(0)

# ---- scrolling the list a page at a time -------------------------------------
tree = panel.tree
tree.setFocus()
bar = tree.verticalScrollBar()
steps, steps_cpu = [], []
while True:
    before = (bar.value(), panel.model.rowCount())
    began, began_cpu = time.perf_counter(), time.thread_time()
    bar.triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
    app.processEvents()
    tree.viewport().repaint()
    steps.append((time.perf_counter() - began) * 1000)
    steps_cpu.append((time.thread_time() - began_cpu) * 1000)
    if (bar.value(), panel.model.rowCount()) == before or panel.model.rowCount() >= SCROLL_ROWS:
        break
out("scroll_rows", panel.model.rowCount(), "rows")
out("scroll_steps", len(steps), "steps")
out("scroll_page_mean", statistics.mean(steps), "ms")
out("scroll_page_worst", max(steps), "ms")
out("scroll_page_cpu_mean", statistics.mean(steps_cpu), "ms")
out("scroll_page_cpu_worst", max(steps_cpu), "ms")

# ---- searching from the search box -------------------------------------------
sys.path.insert(0, sys.argv[5])
from bench_search import LIVE_QUERIES

def search(query):
    panel.filter.setText(query)
    window.library_commands.refresh()
    tree.viewport().repaint()

for query in LIVE_QUERIES:  # warm the page cache once
    search(query)
times, times_cpu = [], []
for _ in range(3):
    for query in LIVE_QUERIES:
        began, began_cpu = time.perf_counter(), time.thread_time()
        search(query)
        times.append((time.perf_counter() - began) * 1000)
        times_cpu.append((time.thread_time() - began_cpu) * 1000)
out("search_p50", statistics.median(times), "ms")
out("search_p95", percentile(times, 0.95), "ms")
out("search_cpu_p50", statistics.median(times_cpu), "ms")
out("search_cpu_p95", percentile(times_cpu, 0.95), "ms")
panel.filter.clear()
window.library_commands.refresh()

# ---- saving -----------------------------------------------------------------
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

body = window.editor.body
body.setFocus()
body.moveCursor(body.textCursor().MoveOperation.End)
saves, saves_cpu = [], []
for n in range(SAVES):
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(body, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "a"))
    app.processEvents()
    began, began_cpu = time.perf_counter(), time.thread_time()
    assert window.session.save(kind="autosave")
    saves.append((time.perf_counter() - began) * 1000)
    saves_cpu.append((time.thread_time() - began_cpu) * 1000)
    app.processEvents()
out("save_p50", statistics.median(saves), "ms")
out("save_p95", percentile(saves, 0.95), "ms")
out("save_worst", max(saves), "ms")
out("save_cpu_p50", statistics.median(saves_cpu), "ms")
out("save_cpu_p95", percentile(saves_cpu, 0.95), "ms")

# ---- the search index catching up in a pause (a timer on the UI thread) -------
began = time.perf_counter()
window.session.index_pending()
out("index_after_saves", (time.perf_counter() - began) * 1000, "ms")

# ---- the background check and backup ----------------------------------------
deadline = time.perf_counter() + 600
while checkup.result is None and time.perf_counter() < deadline:
    app.processEvents()
    time.sleep(0.05)
out("checkup", time.perf_counter() - checkup_started[0], "s")
print(f"checkup_result {checkup.result}", flush=True)
out("rss_now", rss_mib(), "MiB")
out("rss_peak", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MiB")
window.close()
opened.close()
'''


def main() -> None:
    began = time.perf_counter()
    path, built = ensure_library(ARTICLES)
    if built:
        report("scale_build_library", time.perf_counter() - began, "s")
    report("scale_articles", ARTICLES, "articles")
    report("scale_library_file", path.stat().st_size / 2**20, "MiB")
    here = Path(__file__).resolve().parent
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(here.parent / "src"),
                                                      env.get("PYTHONPATH", "")]))
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(SCROLL_ROWS), str(SAVES), str(here),
         str(here)],
        env=env, capture_output=True, text=True, check=False)
    if child.returncode != 0:
        sys.stderr.write(child.stderr)
        raise SystemExit(child.returncode)
    _report(child.stdout, "scale_")
    # The same start on a library of one article: what the 100,000 add to it.
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.sqlite"
        open_library(small).close()
        for _ in range(2):  # the second start is the one reported (warm caches)
            child = subprocess.run(
                [sys.executable, "-c", _CHILD, str(small), "0", "0", str(here), str(here)],
                env=env, capture_output=True, text=True, check=False)
        if child.returncode == 0:
            _report("\n".join(line for line in child.stdout.splitlines()
                              if line.startswith("open")), "scale_small_")


def _report(stdout: str, prefix: str) -> None:
    for line in stdout.splitlines():
        name, value, *unit = line.split()
        if name == "checkup_result":
            print(f"# background check: {value}", flush=True)
            continue
        report(f"{prefix}{name}", float(value), unit[0] if unit else "")


if __name__ == "__main__":
    main()
