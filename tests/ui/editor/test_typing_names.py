"""The typing method and tone style are named, not shown as internal values, in both languages."""

from __future__ import annotations

import pytest


@pytest.fixture
def in_vietnamese(window):
    window.preferences.set_language("vi")
    yield window
    window.preferences.set_language("en")


def test_check_typing_names_method_and_style_in_vietnamese(qtbot, in_vietnamese):
    window = in_vietnamese
    window.typing_controls.set_method("telex-classic")
    window.typing_controls.set_style("old")
    dialog = window.text_commands.show_diagnostics()
    assert dialog.windowTitle() == "Kiểm tra bộ gõ"
    facts = dict(dialog.facts(window.editor.typing))
    assert facts["Bộ gõ có sẵn"] == "Telex cổ điển"
    assert facts["Kiểu bỏ dấu"] == "cũ (hòa, khỏe, thủy)"
    assert facts["Khôi phục phím gõ với từ không phải tiếng Việt"] == "bật"
    shown = " ".join(facts.values())
    assert "TELEX-CLASSIC" not in shown and "old" not in shown
    dialog.close()
    window.typing_controls.set_method("telex")
    window.typing_controls.set_style("new")
    dialog = window.text_commands.show_diagnostics()
    facts = dict(dialog.facts(window.editor.typing))
    assert facts["Bộ gõ có sẵn"] == "Telex (Unikey)"
    assert facts["Kiểu bỏ dấu"] == "mới (hoà, khoẻ, thuỷ)"
    dialog.close()


def test_badge_and_menu_say_which_telex_in_both_languages(qtbot, window):
    controls = window.typing_controls
    expected = {"en": {"telex": "Telex (Unikey)", "telex-classic": "Telex classic", "vni": "VNI",
                       None: "EN"},
                "vi": {"telex": "Telex (Unikey)", "telex-classic": "Telex cổ điển",
                       "vni": "VNI", None: "EN"}}
    for language in ("vi", "en"):
        window.preferences.set_language(language)
        for method, name in expected[language].items():
            controls.set_method(method)
            assert controls.badge.text().strip() == name, (language, method)
            if method:
                assert controls.toggle.text().endswith(name)
    window.preferences.set_language("en")


def test_diagnostics_in_english(qtbot, window):
    window.typing_controls.set_method(None)
    dialog = window.text_commands.show_diagnostics()
    facts = dict(dialog.facts(window.editor.typing))
    assert facts["Built-in typing"] == "off"
    assert facts["Tone style"] == "old (hòa, khỏe, thủy)"
    dialog.close()


def test_the_restore_entry_of_the_typing_menu_is_translated(qtbot, in_vietnamese):
    action = in_vietnamese.typing_controls.restore_action
    assert action.text() == "Khôi phục phím gõ cho từ không phải tiếng Việt (Samsung, coffee)"
