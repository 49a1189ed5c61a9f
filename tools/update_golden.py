#!/usr/bin/env python3
"""Regenerate the golden pages (tests/pdf/golden, tests/makeup/golden) after a change of the print.

    PYTHONPATH=src python tools/update_golden.py     (or: python3 dev.py golden)

Look at the new images (git shows which changed) before committing them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests" / "pdf"), str(ROOT / "tests" / "makeup")]

from golden_pages import write_all  # noqa: E402
from sample_edition import write_golden  # noqa: E402


def main() -> int:
    written = write_all()
    size = sum(path.stat().st_size for path in written)
    print(f"{len(written)} golden pages written to tests/pdf/golden ({size / 1024:.0f} KiB)")
    pages = write_golden()
    size = sum(path.stat().st_size for path in pages)
    print(f"{len(pages)} sample edition pages written to tests/makeup/golden "
          f"({size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
