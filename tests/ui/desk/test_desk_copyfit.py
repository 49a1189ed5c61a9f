"""Copyfit in the window: a target in words or in printed lines, measured off the UI thread."""

from __future__ import annotations

import threading

from deskapp.desk import copyfit
from deskapp.model import Article
from deskapp.render.html import article_html
from deskapp.ui.shell.main_window import MainWindow


def measured(qtbot, window: MainWindow) -> copyfit.Fit:
    job = window.copyfit.job
    qtbot.waitUntil(lambda: not job.is_busy(), timeout=10000)
    fit = window.copyfit.fit
    assert fit is not None
    return fit


def test_target_in_lines_shows_lines_over_and_left_and_is_kept(qtbot, library, monkeypatch):
    body = " ".join(["chữ"] * 400)
    first = library.create(Article(title="Bài dài", body=body))
    other = library.create(Article(title="Bài khác", body="Ngắn."))
    threads: list[str] = []
    real = copyfit.measure

    def spy(article, preset="a4-article"):
        threads.append(threading.current_thread().name)
        return real(article, preset)

    monkeypatch.setattr("deskapp.ui.desk.copyfit_info.measure_fit", spy)
    win = MainWindow(library, user="Biên tập", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    try:
        win.session.open(first.id)
        lines = copyfit.lines_in_layout(first, "a4-article")
        editor = win.editor
        editor.target_unit.setCurrentIndex(editor.target_unit.findData("lines"))
        editor.target.setValue(lines - 3)
        fit = measured(qtbot, win)
        assert (fit.unit, fit.lines, fit.over) == ("lines", lines, 3)
        assert "+3 lines" in win.copyfit.label.text()
        editor.target.setValue(lines + 2)
        measured(qtbot, win)
        assert "2 lines left" in win.copyfit.label.text()
        assert threads and threading.main_thread().name not in threads

        stored = library.get(first.id)
        assert (stored.target_lines, stored.target_words) == (lines + 2, None)
        win.session.open(other.id)
        assert editor.target.value() == 0
        win.session.open(first.id)
        assert editor.target_unit.currentData() == "lines"
        assert editor.target.value() == lines + 2

        editor.target_unit.setCurrentIndex(editor.target_unit.findData("words"))
        editor.target.setValue(365)
        measured(qtbot, win)
        assert "+37 words" in win.copyfit.label.text()  # headline 2 words + body 400
        stored = library.get(first.id)
        assert (stored.target_lines, stored.target_words) == (None, 365)
    finally:
        win.close()
        win.copyfit.wait()
        win.runner.wait()
        win.preview._runner.wait()


def test_the_chosen_preset_sets_the_line_count(qtbot, library):
    body = " ".join(["chữ"] * 400)
    article = library.create(Article(title="Bài", body=body, target_lines=10))
    win = MainWindow(library, user="Biên tập", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    try:
        win.session.open(article.id)
        combo = win.editor.preset
        qtbot.waitUntil(lambda: combo.findData("newspaper-3col") >= 0, timeout=5000)
        assert measured(qtbot, win).lines == copyfit.lines_in_layout(article, "a4-article")
        combo.setCurrentIndex(combo.findData("newspaper-3col"))
        narrow = copyfit.lines_in_layout(article, "newspaper-3col")
        qtbot.waitUntil(lambda: win.copyfit.fit is not None and win.copyfit.fit.lines == narrow,
                        timeout=10000)
        assert library.article_preset(article.id) == "newspaper-3col"
        assert library.get_setting("pdf_preset") is None  # no other article follows it
        assert f"+{narrow - 10} lines" in win.copyfit.label.text()
        win.copyfit.label.grab().save("/tmp/desk-copyfit-label.png")
    finally:
        win.close()
        win.copyfit.wait()
        win.runner.wait()
        win.preview._runner.wait()
