"""Render Deskapp's SVG icon to the PNG sizes installers need, plus a Windows .ico.

Run with the project's virtual environment (it uses PySide6's SVG renderer):

    .venv/bin/python packaging/icons.py resources/icons/deskapp.svg build/icons

Writes ``deskapp-<size>.png`` for each size and ``deskapp.ico`` (PNG-compressed
entries, readable by Windows Vista and later). build.py calls this; macOS turns the
PNGs into an .icns with iconutil.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_pngs(svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, Path]:
    """Render ``svg`` once per size; returns {size: png path}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons: {svg} is not a valid SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"deskapp-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"icons: could not write {path}")
        written[size] = path
    del app
    return written


def write_ico(pngs: dict[int, Path], target: Path) -> None:
    """Pack PNG images into one .ico file (ICONDIR + ICONDIRENTRY + PNG data)."""
    chosen = [(size, pngs[size].read_bytes()) for size in ICO_SIZES if size in pngs]
    header = struct.pack("<HHH", 0, 1, len(chosen))
    offset = len(header) + 16 * len(chosen)
    entries, blobs = [], []
    for size, data in chosen:
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO format
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    target.write_bytes(header + b"".join(entries) + b"".join(blobs))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    svg, out_dir = Path(argv[0]), Path(argv[1])
    pngs = render_pngs(svg, out_dir)
    write_ico(pngs, out_dir / "deskapp.ico")
    print(f"icons: {len(pngs)} PNG sizes and deskapp.ico in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
