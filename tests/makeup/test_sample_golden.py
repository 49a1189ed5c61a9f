"""The sample edition's pages against their golden images (tests/makeup/golden).

After an intended change of the page print: ``python3 dev.py golden`` regenerates them
(with the article presets' golden pages).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PIL import Image
from sample_edition import MAX_CHANGED_SHARE, changed_share, golden_path, rendered_pages

DIFF_DIR = Path(tempfile.gettempdir()) / "deskapp-golden-diff"


def test_the_sample_edition_matches_its_golden_pages():
    pages = rendered_pages()
    assert len(pages) == 2
    failures = []
    for number, actual in enumerate(pages, start=1):
        assert golden_path(number).exists(), "no golden pages: run `python3 dev.py golden`"
        with Image.open(golden_path(number)) as stored:
            expected = stored.convert("L")
        if expected.size != actual.size:
            failures.append(f"page {number}: {actual.size} instead of {expected.size}")
            continue
        share = changed_share(expected, actual)
        if share > MAX_CHANGED_SHARE:
            DIFF_DIR.mkdir(parents=True, exist_ok=True)
            target = DIFF_DIR / f"sample-edition-{number}-actual.png"
            actual.save(target)
            failures.append(f"page {number}: {share:.2%} of its pixels changed, see {target}")
    assert not failures, failures


def test_a_block_moved_by_a_line_fails_the_comparison():
    page = rendered_pages()[0]
    moved = Image.new("L", page.size, 255)
    moved.paste(page.crop((0, 0, page.width, page.height // 2)), (0, 0))
    moved.paste(page.crop((0, page.height // 2, page.width, page.height - 7)),
                (0, page.height // 2 + 7))
    assert changed_share(page, page) == 0
    assert changed_share(page, moved) > MAX_CHANGED_SHARE * 5
