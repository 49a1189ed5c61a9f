"""The tone style finding follows the library's tone style, and its default is the menu's."""

from __future__ import annotations

from deskapp.model import Article
from deskapp.proof import check, describe_finding
from deskapp.proof.house import house_style
from deskapp.text.tone import DEFAULT_STYLE, style_setting

# The article uses the new style more (hoà, thuỷ, khoẻ) and the old one once (hòa).
BODY = "Hoà giải ở xã, thuỷ lợi và sức khoẻ được bàn; hòa bình là điều ai cũng muốn."


def findings(settings: dict[str, str]):
    house = house_style(settings.get)
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=BODY)
    return [f for f in check(article, house=house) if f.rule == "tone_style_mix"]


def test_an_unset_style_is_the_old_one_the_menu_shows():
    assert DEFAULT_STYLE == "old"
    assert style_setting(None) == style_setting("") == style_setting("bogus") == "old"
    assert style_setting("new") == "new"
    assert house_style({}.get).tone_style == "old"


def test_with_nothing_saved_the_finding_follows_the_old_style():
    found = findings({})
    assert [(f.text, f.fix) for f in found] == [("Hoà", "Hòa"), ("thuỷ", "thủy"),
                                                 ("khoẻ", "khỏe")]
    message = describe_finding(found[0], "vi")
    assert "tòa soạn dùng kiểu cũ (hòa, khỏe, thủy)" in message
    assert "“Hoà” nên viết “Hòa”" in message
    assert "the newsroom uses the old style" in describe_finding(found[0], "en")


def test_the_old_style_never_asks_for_the_new_one():
    for f in findings({"tone_style": "old"}):
        assert f.fix not in ("Hoà", "thuỷ", "khoẻ", "hoà")


def test_the_new_style_setting_is_followed():
    found = findings({"tone_style": "new"})
    assert [(f.text, f.fix) for f in found] == [("hòa", "hoà")]
    assert "new style (hoà, khoẻ, thuỷ)" in describe_finding(found[0], "en")


def test_one_style_alone_is_not_flagged_whatever_the_setting():
    house = house_style({"tone_style": "old"}.get)
    article = Article(title="Tít", lead="Sapo.", byline="PV", body="Hoà giải, thuỷ lợi.")
    assert [f for f in check(article, house=house) if f.rule == "tone_style_mix"] == []


def test_without_a_library_the_majority_still_decides():
    article = Article(title="Tít", lead="Sapo.", byline="PV", body=BODY)
    found = [f for f in check(article) if f.rule == "tone_style_mix"]
    assert [(f.text, f.fix) for f in found] == [("hòa", "hoà")]
