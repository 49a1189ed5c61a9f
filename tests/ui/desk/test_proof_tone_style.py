"""The proofing panel's tone style advice follows the style the Typing menu shows ticked."""

from __future__ import annotations

import pytest

from deskapp.render.html import article_html
from deskapp.ui.shell.main_window import MainWindow


@pytest.fixture
def desk(qtbot, library) -> MainWindow:
    library.set_setting("user_name", "Nguyễn Văn A")
    library.set_setting("role", "reporter")
    win = MainWindow(library, user="ignored", render_html=article_html)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.runner.wait()
    win.preview._runner.wait()
    win.review.wait()
    win.copyfit.wait()


def tone_findings(qtbot, window):
    panel = window.review.proof
    panel.run()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    return [(f.text, f.fix) for f in panel.findings if f.rule == "tone_style_mix"]


def test_the_ticked_style_is_the_one_proofing_asks_for(qtbot, desk, library):
    window = desk
    assert library.get_setting("tone_style") in (None, "")  # nothing saved yet
    assert window.typing_controls.style_actions["old"].isChecked()
    window.act_new.trigger()
    window.editor.title.setText("Hội nghị")
    window.editor.lead.setPlainText("Sáng nay, tỉnh họp.")
    window.editor.byline.setText("Thanh Tùng")
    window.editor.body.setPlainText(
        "Hoà giải ở xã, thuỷ lợi và sức khoẻ được bàn; hòa bình là điều ai cũng muốn.")
    assert tone_findings(qtbot, window) == [("Hoà", "Hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe")]
    window.typing_controls.style_actions["new"].trigger()
    assert library.get_setting("tone_style") == "new"
    assert tone_findings(qtbot, window) == [("hòa", "hoà")]
