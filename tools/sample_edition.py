#!/usr/bin/env python3
"""Build the sample edition (tests/makeup) into a library, ready to print.

    PYTHONPATH=src python tools/sample_edition.py LIBRARY.sqlite
    deskapp --library LIBRARY.sqlite edition "Báo Tỉnh Nhà số 245" -o edition.pdf

The four sample articles are added (submitted and approved), with their
photos, and the two-page edition that places them. Running it again on the
same library leaves the articles as they are and stores the plan again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests" / "makeup")]

from sample_edition import build_sample  # noqa: E402

from deskapp.store import Library  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path, help="the library file (made when missing)")
    args = parser.parse_args(argv)
    library = Library.open(args.library)
    try:
        edition = build_sample(library)
    finally:
        library.close()
    print(f"{edition.id}\t{edition.name}\t{len(edition.pages)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
