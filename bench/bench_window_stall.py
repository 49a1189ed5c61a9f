"""A minute of typing in a long article with a long history: the UI thread's longest stall.

The window as an editor has it at 1366×768: a 5,000-word article with 300
revisions and 12 comments, History shown with one revision selected, the
preview, copyfit and proofing running. A script types in bursts (7 keys a
second for 4 s, then a 2.6 s pause, so the autosave fires in every pause)
for a minute. An event-loop stall detector (``stall.py``) beats every 4 ms
on the UI thread; every stall over 50 ms is printed with where the UI thread
was. Figures, each beside its target (issue 15) and the ratio:

- ``window_longest_stall``: the longest gap between two beats (target 50 ms);
- ``window_autosave_ui_max`` / ``_median``: the autosave's time on the UI
  thread, its signals' direct slots included (target 16 ms);
- ``window_stalls_over_50ms``: how many.

``DESKAPP_BENCH_QUICK=1`` types for 20 s instead of 60.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import report, sample_text
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from stall import StallDetector

from deskapp.desk.comments import add_comment
from deskapp.desk.diff import tokenize
from deskapp.model import Article, RevisionKind
from deskapp.ui.shell.app import application, render_html
from deskapp.ui.shell.main_window import MainWindow
from deskapp.workspace import open_library

WORDS = 5_000
REVISIONS = 300
COMMENTS = 12
SECONDS = 20 if os.environ.get("DESKAPP_BENCH_QUICK") == "1" else 60
KEYS_PER_SECOND = 7
BURST_S, PAUSE_S = 4.0, 2.6
TARGETS = {"window_longest_stall": 50.0, "window_autosave_ui_max": 16.0,
           "window_autosave_ui_median": 16.0}
TYPED = "Sáng nay, đại biểu các xã góp ý về quy chế dân chủ ở cơ sở. "


def body(words: int) -> str:
    vocabulary = [t for t in tokenize(sample_text()) if t[:1].isalpha()]
    rng = random.Random(5)
    paragraphs, left = [], words
    while left > 0:
        size = min(left, rng.randint(60, 140))
        left -= size
        chosen = [rng.choice(vocabulary) for _ in range(size)]
        paragraphs.append(" ".join([chosen[0].capitalize(), *chosen[1:]]) + ".")
    return "\n\n".join(paragraphs)


def build(folder: Path) -> tuple[object, str]:
    library = open_library(folder / "library.sqlite")
    article = library.create(Article(title="Quy chế dân chủ ở cơ sở", lead="Sapo.",
                                     body=body(WORDS)), author="Nguyễn Văn A")
    for n in range(REVISIONS - 1):
        paragraphs = article.body.split("\n\n")
        paragraphs[n % len(paragraphs)] += f" Thêm {n}."
        article = library.save(article.with_content(body="\n\n".join(paragraphs)),
                               kind=RevisionKind.SAVE, author="Nguyễn Văn A")
    text = article.body
    for n in range(COMMENTS):
        start = text.index(" ", (n + 1) * len(text) // (COMMENTS + 2)) + 1
        add_comment(library, article, "body", start, start + 12, f"Ghi chú {n}", "Trần Thị B")
    return library, article.id


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def key(widget: object, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text))


def main() -> None:
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        library, article_id = build(Path(tmp))
        window = MainWindow(library, user="Trần Thị B", render_html=render_html)
        window.resize(1366, 768)
        window.show()
        window.session.open(article_id)
        window.review.comments_dock.show()  # a tab behind History in the side area
        window.review.open(window.review.history_dock)
        history = window.review.history
        infos = library.revision_infos(article_id)
        history.choose(infos[len(infos) // 2].id)
        wait(1500)  # settled: preview, copyfit, proofing, first diff
        body_edit = window.editor.body
        body_edit.setFocus()
        body_edit.moveCursor(QTextCursor.MoveOperation.End)

        saves: list[float] = []
        save = window.session.save

        def timed_save(kind: str = RevisionKind.SAVE) -> bool:
            start = time.perf_counter()
            try:
                return save(kind)
            finally:
                saves.append((time.perf_counter() - start) * 1000)

        window.session.save = timed_save  # type: ignore[method-assign]
        reads_before = library.revision_reads
        detector = StallDetector(50.0)
        detector.start()
        started = time.perf_counter()
        typed = 0
        while time.perf_counter() - started < SECONDS:
            burst_end = time.perf_counter() + BURST_S
            while time.perf_counter() < burst_end:
                key(body_edit, TYPED[typed % len(TYPED)])
                typed += 1
                wait(round(1000 / KEYS_PER_SECOND))
            wait(round(PAUSE_S * 1000))
        stalls = detector.stop()
        window.session.save = save  # type: ignore[method-assign]
        autosaves = [ms for ms in saves if ms > 0]
        report("window_typed_keys", typed, "keys")
        report("window_autosaves", len(autosaves), "saves")
        report("window_revision_texts_read", library.revision_reads - reads_before, "reads")
        figures = {"window_longest_stall": detector.longest_ms,
                   "window_autosave_ui_max": max(autosaves, default=0.0),
                   "window_autosave_ui_median": statistics.median(autosaves or [0.0])}
        for name, value in figures.items():
            report(name, value, "ms")
            report(f"{name}_target", TARGETS[name], "ms")
            report(f"{name}_ratio_to_target", value / TARGETS[name], "x")
        report("window_stalls_over_50ms", len(stalls), "stalls")
        for stall in sorted(stalls, key=lambda s: -s.length_ms)[:5]:
            print(f"# stall {stall.length_ms:.0f} ms at:", flush=True)
            for line in stall.where[-8:]:
                print(f"#   {line}", flush=True)
        window.close()
        window.runner.wait()
        window.review.wait()
        library.close()
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
