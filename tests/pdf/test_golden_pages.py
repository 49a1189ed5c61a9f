"""Whole pages against golden images: every preset, a short article with a photo and a long
one with subheads, footnotes and a pull quote (see golden_pages.py).

After an intended change of the print: ``python3 dev.py golden`` regenerates the images.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from golden_pages import (
    ARTICLES,
    MAX_CHANGED_SHARE,
    PRESETS,
    changed_share,
    diff_image,
    golden_path,
    rendered,
)
from PIL import Image

DIFF_DIR = Path(tempfile.gettempdir()) / "deskapp-golden-diff"


@pytest.mark.parametrize("which", list(ARTICLES))
@pytest.mark.parametrize("preset", PRESETS)
def test_pages_match_the_golden_images(preset, which):
    pages = rendered(preset, which)
    goldens = sorted(golden_path(preset, which, 1).parent.glob(f"{preset}-{which}-*.png"))
    assert goldens, (f"no golden pages for {preset}/{which}: run `python3 dev.py golden`")
    assert len(pages) == len(goldens), (
        f"{preset}/{which} prints {len(pages)} pages, the golden images have {len(goldens)}")
    failures = []
    for number, actual in enumerate(pages, start=1):
        with Image.open(golden_path(preset, which, number)) as stored:
            expected = stored.convert("L")
        if expected.size != actual.size:
            failures.append(f"page {number}: {actual.size} instead of {expected.size}")
            continue
        share = changed_share(expected, actual)
        if share > MAX_CHANGED_SHARE:
            DIFF_DIR.mkdir(parents=True, exist_ok=True)
            target = DIFF_DIR / f"{preset}-{which}-{number}-diff.png"
            diff_image(expected, actual).save(target)
            failures.append(f"page {number}: {share:.2%} of its pixels changed, see {target}")
    assert not failures, (f"{preset}/{which} differs from its golden pages "
                          f"(expected | actual | difference in {DIFF_DIR}): {failures}")


def test_a_moved_line_fails_the_comparison():
    """The tolerance lets anti-aliasing through, not a page whose text moved by a line."""
    page = rendered("a4-article", "short")[0]
    moved = Image.new("L", page.size, 255)
    moved.paste(page.crop((0, 0, page.width, page.height - 10)), (0, 10))
    assert changed_share(page, page) == 0
    assert changed_share(page, moved) > MAX_CHANGED_SHARE * 5
