"""Run one hostile input through every stage in this process, under a memory cap.

Usage: ``python run_case.py FILE [MEMORY_BYTES]``. The file is imported as a
person would import it; its text (or, when the import refuses it, the raw
text as a body typed into the editor or carried by a package) then goes
through the preview's HTML, the PDF, proofing and the Word export. Each stage
prints one line to stdout, ``<stage>: ok`` or ``<stage>: refused``, and a
refusal's sentence goes to stderr as the command line would print it. Any
other failure ends the process with Python's traceback on stderr, which is
what the test looks for.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path


def _cap_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: no cap
        return
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _stage(name: str, work) -> object:
    from deskapp.errors import DeskappError

    started = time.perf_counter()
    try:
        result = work()
    except DeskappError as error:
        print(f"{name}: refused {time.perf_counter() - started:.2f}s", flush=True)
        print(f"deskapp: {error}", file=sys.stderr, flush=True)
        return None
    print(f"{name}: ok {time.perf_counter() - started:.2f}s", flush=True)
    return result


def main(path: Path) -> None:
    from deskapp.exchange import import_file
    from deskapp.exchange.docx_export import article_docx
    from deskapp.model import Article
    from deskapp.pdf import render_pdf
    from deskapp.proof import check
    from deskapp.render.html import article_html

    if path.suffix == ".png":
        _photo(path)
        return
    draft = _stage("import", lambda: import_file(path))
    if draft is not None:
        article = draft.to_article()
    elif path.suffix in (".md", ".txt"):
        raw = path.read_bytes().decode("utf-8", "replace")
        article = Article(title="Bài thử", body=raw)
    else:
        return
    _stage("preview", lambda: article_html(article))
    _stage("pdf", lambda: render_pdf(article))
    _stage("proof", lambda: check(article))
    _stage("word", lambda: article_docx(article))


def _photo(path: Path) -> None:
    """A photo as inserted, then shown by the preview and printed (header read lazily)."""
    from PIL import Image

    from deskapp.model import Article
    from deskapp.pdf import PrintSettings, render_pdf
    from deskapp.render.html import article_html
    from deskapp.render.tree import Photo
    from deskapp.store.assets import inspect_image

    data = path.read_bytes()
    _stage("insert", lambda: inspect_image(data, path.name))
    with warnings.catch_warnings():  # Pillow's own bomb warning, for this read only
        warnings.simplefilter("ignore")
        with Image.open(path) as image:
            width, height = image.size
    photo = Photo(data, width, height, key="bomb")
    article = Article(title="Ảnh", body="![Ảnh thử](asset:bomb)")
    _stage("preview", lambda: article_html(article, assets=lambda name: photo))
    _stage("pdf", lambda: render_pdf(article, PrintSettings(assets=lambda name: photo)))


if __name__ == "__main__":
    if len(sys.argv) > 2:
        _cap_memory(int(sys.argv[2]))
    main(Path(sys.argv[1]))
