"""The first start: the welcome question offers the language, a new article carries the
profile's name, proofing waits for text, the welcome article speaks the window's language."""

from __future__ import annotations

from deskapp.render.html import article_html
from deskapp.ui.common.i18n import Translation
from deskapp.ui.shell.main_window import MainWindow
from deskapp.ui.shell.profile import FirstRun, Profile, ProfileDialog
from deskapp.welcome import WELCOME_TITLES
from deskapp.workspace import open_library, welcome_in


def test_welcome_dialog_switches_its_language_at_once(qtbot):
    Translation.for_app().install("en")
    dialog = ProfileDialog(Profile("", "reporter"))
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    english = dialog.windowTitle()
    dialog.language.setCurrentIndex(dialog.language.findData("vi"))
    assert Translation.for_app().language == "vi"
    assert dialog.windowTitle() == "Chào mừng đến với Deskapp"
    assert dialog.fields.role.currentText() == "Phóng viên"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.windowTitle() == english == "Welcome to Deskapp"
    qtbot.keyClicks(dialog.fields.name, "Lan")
    assert dialog.answer() == FirstRun("Lan", "reporter", language="en", typing=None)


def test_first_run_keeps_the_language_and_typing_and_rewrites_the_welcome(qtbot, tmp_path):
    library = open_library(tmp_path / "l.sqlite", language="vi")
    [welcome] = library.list()
    assert welcome.title == WELCOME_TITLES["vi"]
    answer = FirstRun("Mai Lan", "reporter", language="en", typing="telex")
    win = MainWindow(library, user="x", render_html=article_html,
                     ask_profile=lambda _parent: answer)
    qtbot.addWidget(win)
    try:
        assert library.get_setting("ui_language") == "en"
        assert library.get_setting("user_name") == "Mai Lan"
        assert win.editor.typing.method == "telex"
        assert [a.title for a in library.list()] == [WELCOME_TITLES["en"]]
        assert win.editor.title.text() == WELCOME_TITLES["en"]
        assert "A newsroom on a laptop" in win.editor.lead.toPlainText()
    finally:
        win.close()
        library.close()


def test_welcome_in_leaves_a_touched_welcome_alone(tmp_path):
    library = open_library(tmp_path / "l.sqlite", language="en")
    try:
        [welcome] = library.list()
        assert welcome.title == WELCOME_TITLES["en"]
        assert welcome_in(library, "en") == welcome.id  # already in that language
        article = library.get(welcome.id)
        article.body += "\n\nMy own note."
        library.save(article, author="Lan")
        assert welcome_in(library, "vi") is None
        assert [a.title for a in library.list()] == [WELCOME_TITLES["en"]]
    finally:
        library.close()


def test_a_new_article_carries_the_profile_name_and_waits_for_text(qtbot, window):
    window.preferences.set_profile(Profile("Trần Thị B", "reporter"))
    proof = window.review.proof
    window.act_new.trigger()
    assert window.editor.byline.text() == "Trần Thị B"
    assert window.session.library.get(window.editor.article_id).byline == "Trần Thị B"
    proof.run()
    qtbot.waitUntil(lambda: not proof.is_busy(), timeout=5000)
    assert proof.findings == [] and proof.list.count() == 0
    assert proof.summary.text() == "Proofing starts when the article has some text."
    qtbot.keyClicks(window.editor.body, "Some text")
    proof.run()
    qtbot.waitUntil(lambda: bool(proof.findings), timeout=5000)
    assert {f.rule for f in proof.findings} >= {"missing_title", "missing_lead"}
