"""A print preset as the preview shows it."""

from deskapp.model import Article
from deskapp.pdf.presets import load_preset
from deskapp.pdf.screen import preview_look
from deskapp.render.html import article_html


def test_the_body_keeps_to_the_column_and_the_headline_spans_the_page():
    paper = load_preset("newspaper-3col")
    layout = preview_look(paper, 96 / 72, 2000)
    assert layout.wrap_px == layout.content_px == round(paper.content_width * 96 / 72)
    column = round(paper.column_width * 96 / 72)
    assert layout.look.column_gap_px == layout.wrap_px - column
    assert layout.look.photo_width_px == column
    assert layout.look.lead_family == "Noto Sans" and layout.look.body_family == "Noto Serif"


def test_a_view_narrower_than_the_column_wraps_everything_at_its_width():
    layout = preview_look(load_preset("a4-article"), 96 / 72, 300)
    assert layout.wrap_px == 300
    assert layout.look.column_gap_px == 0


def test_credits_go_where_the_preset_puts_them():
    article = Article(title="Tít", lead="Sapo", body="Thân bài.", byline="Minh Anh")
    top = preview_look(load_preset("newspaper-3col"), 1.0, 1000).look
    end = preview_look(load_preset("a4-article"), 1.0, 1000).look
    on_top = article_html(article, look=top)
    at_end = article_html(article, look=end)
    assert on_top.index("Minh Anh") < on_top.index("Sapo")
    assert at_end.index("Minh Anh") > at_end.index("Thân bài.")
    assert "font-size: 9pt" in on_top  # the page's body size
