"""Window start-up and typing latency.

Start-up: each start runs in a fresh interpreter (``QT_QPA_PLATFORM=offscreen``)
and is timed from the first line of the child to the first paint of its
window, which shows the last article (through ``deskapp.cli.main``, as the
``deskapp`` command starts it); a bare ``QMainWindow`` is the baseline. With
valgrind installed the same two starts are also counted in instructions to the
first paint, a figure the machine's load does not move (wall times here vary by
a third between runs).
Two libraries: one whose last article is a usual one (the welcome article),
one whose last article is 200 pages long (100,000 words). The child then lets
the window settle (preview rendered, copyfit and the desk's panels filled),
reports that time too, and its peak resident memory. The CPU time to the
first paint is printed too: it is what other work on a busy machine
disturbs least. The children may write
bytecode caches (``PYTHONDONTWRITEBYTECODE`` is dropped for them), as an
installed Deskapp has its ``.pyc`` files.

Typing: the sample's words retyped at the end of a 600-word and of a
100,000-word body in the real window as key events (press and release sent
to the body, as ``QTest.keyClick`` does; calling ``QTest.keyClicks`` thousands
of times crashes PySide6 on Python 3.11); each keystroke is timed around the
key events (the time spent in their handlers on the UI thread),
with the event loop run between keys so timers and background renders land
as they would.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import report, sample_text

RUNS = 5
KEYS = 300

_CHILD = r'''
import time
T0 = time.perf_counter()
import os, resource, sys
from pathlib import Path

KIND, LIBRARY = sys.argv[1], sys.argv[2]
if KIND != "bare":
    # As the deskapp command starts: its command line, then the window's modules (PySide6).
    from deskapp.cli import main as deskapp_command
    from deskapp.ui.shell import main_window
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def rss_now():
    with open("/proc/self/statm") as statm:  # resident pages now
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Watcher(QObject):
    """First paint of the main window, then (for Deskapp) wait until it has settled."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
            if os.environ.get("BENCH_EXIT_AT_PAINT") == "1":  # counting instructions
                os._exit(0)
            self.done = time.perf_counter()
            self.cpu = time.process_time()  # this process's CPU time since it started
            self.rss = rss_now()
            self.window = obj
            QTimer.singleShot(0, self.poll)
        return False

    def poll(self):
        window = self.window
        settled = getattr(window, "is_settled", lambda: True)  # older windows: no such step
        if KIND != "bare" and not (settled() and window.preview.is_idle()
                                   and window.copyfit.fit is not None):
            QTimer.singleShot(2, self.poll)
            return
        self.settled = time.perf_counter()
        window.close()
        QApplication.instance().quit()


watcher = Watcher()
if KIND == "bare":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1440, 880)
    window.installEventFilter(watcher)
    window.show()
    app.exec()
else:
    # The real start: writer lock, recovery check, translation, window, instance server.
    # Only the main window's own events are watched, as for the bare one.
    build = main_window.MainWindow.__init__

    def build_and_watch(self, *args, **kwargs):
        build(self, *args, **kwargs)
        self.installEventFilter(watcher)

    main_window.MainWindow.__init__ = build_and_watch
    deskapp_command(["--library", LIBRARY])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{watcher.cpu * 1000:.2f} {(watcher.done - T0) * 1000:.2f} "
      f"{(watcher.settled - T0) * 1000:.2f} {watcher.rss:.1f} {peak:.1f}")
'''


LONG_WORDS = 100_000  # 200 pages of 500 words


def _child_env(**extra: str) -> dict[str, str]:
    """The child's environment: offscreen, this checkout's sources, bytecode caches allowed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    src = str(Path(__file__).resolve().parents[1] / "src")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH", "")]))
    return env


def _start(kind: str, library: Path) -> tuple[float, float, float, float, float]:
    """First paint and settled (ms); resident memory at first paint and peak (MiB); CPU (ms)."""
    out = subprocess.run([sys.executable, "-c", _CHILD, kind, str(library)], env=_child_env(),
                         capture_output=True, text=True, check=True).stdout.split()
    cpu, paint, settled, rss, peak = (float(value) for value in out[-5:])
    return paint, settled, rss, peak, cpu


def _long_library(path: Path) -> None:
    """A library whose last article is 200 pages long."""
    from deskapp.model import Article
    from deskapp.ui.shell.window_state import LAST_ARTICLE
    from deskapp.workspace import open_library

    words = sample_text().split()
    body = "\n\n".join(" ".join(words[(p * 60 + i) % len(words)] for i in range(60))
                        for p in range(LONG_WORDS // 60))
    library = open_library(path)
    try:
        article = library.create(Article(title="Báo cáo tổng kết năm", lead="Sapo.",
                                         body=body), author="bench")
        library.set_setting(LAST_ARTICLE, article.id)
    finally:
        library.close()


def _profile(path: Path) -> None:
    """A user name, so that the first-run profile dialog does not open."""
    from deskapp.workspace import open_library

    library = open_library(path)
    try:
        library.set_setting("user_name", "Bench")
    finally:
        library.close()


def startup(folder: Path) -> None:
    usual = folder / "startup.sqlite"
    long = folder / "startup-200-pages.sqlite"
    _long_library(long)
    for library in (usual, long):
        _profile(library)
    _start("deskapp", usual)  # create the library, write the bytecode caches, warm the disk
    _start("deskapp", long)
    _start("bare", usual)
    bare = [_start("bare", usual) for _ in range(RUNS)]
    bare_ms = statistics.median(run[0] for run in bare)
    report("startup_bare_window", round(bare_ms, 1), "ms")
    report("startup_bare_rss", round(statistics.median(run[2] for run in bare), 1), "MiB")
    bare_cpu = statistics.median(run[4] for run in bare)
    report("startup_bare_cpu", round(bare_cpu, 1), "ms")
    for label, library in (("", usual), ("_200_pages", long)):
        ours = [_start("deskapp", library) for _ in range(RUNS)]
        ours_ms = statistics.median(run[0] for run in ours)
        report(f"startup_deskapp_window{label}", round(ours_ms, 1), "ms")
        report(f"startup_ratio{label}", round(ours_ms / bare_ms, 2), "x")
        # CPU time to the first paint, which other work on the machine disturbs less.
        ours_cpu = statistics.median(run[4] for run in ours)
        report(f"startup_cpu{label}", round(ours_cpu, 1), "ms")
        report(f"startup_cpu_ratio{label}", round(ours_cpu / bare_cpu, 2), "x")
        report(f"startup_rss{label}", round(statistics.median(run[2] for run in ours), 1), "MiB")
        report(f"startup_settled{label}", round(statistics.median(run[1] for run in ours), 1),
               "ms")
        report(f"startup_settled_peak_rss{label}",
               round(statistics.median(run[3] for run in ours), 1), "MiB")


def keystrokes(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import time

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from deskapp.text import fold
    from deskapp.ui.shell.app import application, render_html
    from deskapp.ui.shell.main_window import MainWindow
    from deskapp.workspace import open_library

    NO_MODIFIER = Qt.KeyboardModifier.NoModifier

    def _key(ch: str) -> int:
        return Qt.Key.Key_Space if ch == " " else ord(ch.upper()) if ch.isalpha() else 0

    app = application()
    library = open_library(folder / "typing.sqlite")
    window = MainWindow(library, user="bench", render_html=render_html)
    window.show()
    words = sample_text().split()
    # Plain ASCII keys, as a keyboard sends them (the sample without its marks).
    keys = "".join(ch for ch in fold(" ".join(words)) if ch.isascii())[:KEYS]
    for label, count in (("600w", 600), ("100000w", 100_000)):
        window.act_new.trigger()
        # Paragraphs of about 60 words, as articles and long reports are written.
        text = "\n\n".join(" ".join(words[(p * 60 + i) % len(words)] for i in range(60))
                           for p in range(count // 60))
        body = window.editor.body
        body.setPlainText(text)
        body.moveCursor(body.textCursor().MoveOperation.End)
        body.setFocus()
        deadline = time.perf_counter() + 30
        while not window.preview.is_idle() and time.perf_counter() < deadline:
            app.processEvents()
        times = []
        for ch in keys:
            start = time.perf_counter()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(body, QKeyEvent(kind, _key(ch), NO_MODIFIER, ch))
            times.append((time.perf_counter() - start) * 1000)
            QApplication.processEvents()
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        report(f"keystroke_ui_thread_p95_{label}", round(p95, 2), "ms")
        if label == "100000w":
            report("keystroke_ui_thread_p95", round(p95, 2), "ms")
        window.session.autosave()
    window.close()
    window.runner.wait()
    window.preview._runner.wait()
    library.close()


def _instructions(kind: str, library: Path) -> float | None:
    """Instructions executed from start to first paint (millions), under valgrind."""
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                           "--cachegrind-out-file=/dev/null", sys.executable, "-c", _CHILD,
                           kind, str(library)], env=_child_env(BENCH_EXIT_AT_PAINT="1"),
                          capture_output=True, text=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    return int(found.group(1).replace(",", "")) / 1e6 if found else None


def instructions(folder: Path) -> None:
    """The same start counted in instructions: the figure the machine's load cannot move.

    Wall and CPU times on this machine (two shared cores) move by a third from
    run to run; the instruction count moves by well under one per cent, so it
    is the figure to compare changes by. Needs valgrind; skipped without it.
    """
    if shutil.which("valgrind") is None:
        print("# valgrind not installed: start-up instruction counts skipped")
        return
    library = folder / "startup.sqlite"
    bare = _instructions("bare", library)
    ours = _instructions("deskapp", library)
    if bare is None or ours is None:
        print("# valgrind gave no count: start-up instruction counts skipped")
        return
    report("startup_bare_instructions", round(bare, 1), "M")
    report("startup_deskapp_instructions", round(ours, 1), "M")
    report("startup_instructions_ratio", round(ours / bare, 2), "x")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DESKAPP_LIBRARY"] = str(Path(tmp) / "default.sqlite")
        startup(Path(tmp))
        instructions(Path(tmp))
        keystrokes(Path(tmp))


if __name__ == "__main__":
    main()
