"""``deskapp edition`` and ``deskapp page``: page makeup from the command line.

The desk can plan and print pages before (and besides) the window::

    deskapp edition new "Số 245" --date 2026-12-05 --pages 2 --preset tabloid-a3
    deskapp edition import plan.json          (a whole plan, new or replacing its edition)
    deskapp edition list | show ED | fit ED | history ED | plan ED -o plan.json
    deskapp edition restore ED REVISION      (an earlier plan becomes the current one)
    deskapp page place ED 1 body ARTICLE --grid 0,4,40,30 [--order 1]
    deskapp page remove ED 1 BLOCK
    deskapp page ED 1 -o page.pdf [--pdfx] [--draft]
    deskapp edition ED -o edition.pdf [--pdfx] [--draft]

An export goes through the preflight: it refuses over-set blocks and (unless
``--draft``) unapproved articles, naming each. Kept beside :mod:`deskapp.cli`,
which registers the commands.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from deskapp.messages import language

EDITION_ACTIONS = ("new", "import", "list", "show", "fit", "history", "plan", "restore")
PAGE_ACTIONS = ("place", "remove")


def add_parsers(commands: Any) -> None:
    edition = commands.add_parser(
        "edition", help="page makeup: 'edition new NAME', 'edition import PLAN.json', "
        "'edition list', 'edition show|fit|history ED', 'edition plan ED -o PLAN.json', "
        "or 'edition ED -o OUT.pdf' to print every page")
    edition.add_argument("words", nargs="+", metavar="ACTION_OR_EDITION")
    edition.add_argument("-o", "--output", type=Path, metavar="FILE")
    edition.add_argument("--date", default="", help="the edition's date, YYYY-MM-DD")
    edition.add_argument("--pages", type=int, default=0, help="how many pages a new edition has")
    edition.add_argument("--preset", default="tabloid-a3",
                         help="page preset of new pages (see 'deskapp edition presets')")
    _print_options(edition)
    page = commands.add_parser(
        "page", help="one page: 'page ED N -o OUT.pdf', 'page place ED N KIND [ARTICLE] "
        "--grid COL,SPAN,LINE,LINES', 'page remove ED N BLOCK'")
    page.add_argument("words", nargs="+", metavar="ACTION_OR_EDITION")
    page.add_argument("-o", "--output", type=Path, metavar="FILE.pdf")
    page.add_argument("--grid", help="first column, columns, top line, lines (from 0)")
    page.add_argument("--mm", help="x, y, width, height in millimetres from the text area's "
                      "top-left corner (instead of --grid)")
    page.add_argument("--order", type=int, default=None, help="a body block's place in its "
                      "article's chain (default: after the article's last one)")
    page.add_argument("--asset", default="", help="a photo block's photo (its name)")
    page.add_argument("--label", default="", help="a reserved block's words, or a caption")
    page.add_argument("--preset", default="", help="page preset, when the page is new")
    _print_options(page)


def _print_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdfx", action="store_true",
                        help="PDF/X-1a:2003 for the print shop (CMYK, output intent)")
    parser.add_argument("--cmyk", action="store_true", help="write colours as CMYK")
    parser.add_argument("--draft", action="store_true",
                        help="print even with unapproved articles, marked as a draft")


def run_edition(args: argparse.Namespace, library_path: Path,
                open_library: Callable[[Path], Any]) -> int:
    words = args.words
    action = words[0]
    if action == "presets":
        from deskapp.makeup.presets import list_page_presets

        for name, title in list_page_presets(lang=language()):
            print(f"{name}\t{title}")
        return 0
    library = open_library(library_path)
    try:
        if action in EDITION_ACTIONS:
            return _EDITION[action](library, args, words[1:])
        _expect(len(words) == 1 and args.output, "edition ED -o OUT.pdf")
        return _export(library, args, words[0], None)
    finally:
        library.close()


def run_page(args: argparse.Namespace, library_path: Path,
             open_library: Callable[[Path], Any]) -> int:
    words = args.words
    library = open_library(library_path)
    try:
        if words[0] == "place":
            return _place(library, args, words[1:])
        if words[0] == "remove":
            return _remove(library, args, words[1:])
        _expect(len(words) == 2 and args.output, "page ED N -o OUT.pdf")
        return _export(library, args, words[0], _number(words[1]))
    finally:
        library.close()


def _expect(condition: object, usage: str) -> None:
    if not condition:
        print(f"deskapp: usage: deskapp {usage}", file=sys.stderr)
        raise SystemExit(2)


def _number(text: str) -> int:
    _expect(text.isdigit() and int(text) > 0, "page ED N … (N: a page number)")
    return int(text)


def _author(library: Any) -> str:
    from deskapp.workspace import current_user

    return current_user(library)


# ---- edition actions --------------------------------------------------------

def _new(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    from deskapp.makeup.plan import Edition, Page
    from deskapp.makeup.presets import load_page_preset
    from deskapp.makeup.store import save_edition

    _expect(len(rest) == 1, "edition new NAME [--date YYYY-MM-DD] [--pages N] [--preset P]")
    load_page_preset(args.preset)
    pages = tuple(Page(number, args.preset) for number in range(1, max(0, args.pages) + 1))
    edition = _checked(Edition(rest[0], args.date, pages))
    edition = save_edition(library, edition, author=_author(library))
    print(edition.id)
    return 0


def _checked(edition: Any) -> Any:
    """The edition through its JSON form: the checks every plan passes."""
    from deskapp.makeup.plan import edition_from_json, edition_to_json

    return edition_from_json(edition_to_json(edition))


def _import(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    from deskapp.makeup.plan import edition_from_json
    from deskapp.makeup.store import save_edition

    _expect(len(rest) == 1, "edition import PLAN.json")
    data = Path(rest[0]).read_bytes()
    edition = edition_from_json(data)
    for page in edition.pages:
        _check_page(library, edition, page.number)
    save_edition(library, edition, author=_author(library))
    print(edition.id)
    return 0


def _check_page(library: Any, edition: Any, number: int) -> None:
    """Refuse a page whose preset is unknown, whose blocks leave it or name no article."""
    from deskapp.errors import ArticleNotFound
    from deskapp.makeup.plan import PlanError
    from deskapp.makeup.presets import load_page_preset

    page = edition.page(number)
    preset = load_page_preset(page.preset)
    for index, block in enumerate(page.blocks, start=1):
        preset.check_block(block, page.number, index)
        if block.article_id:
            try:
                library.get(block.article_id)
            except ArticleNotFound as exc:
                raise PlanError("plan_article_missing", page=page.number,
                                article=block.article_id) from exc


def _list(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    from deskapp.makeup.store import list_editions

    for item in list_editions(library):
        print(f"{item.id}\t{item.date}\t{item.pages}\t{item.name}")
    return 0


def _show(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    from deskapp.makeup.store import find_edition

    _expect(len(rest) == 1, "edition show ED")
    edition = find_edition(library, rest[0])
    print(f"{edition.name}\t{edition.date}\t{edition.id}")
    for page in edition.pages:
        print(f"page {page.number}\t{page.preset}")
        for index, block in enumerate(page.blocks, start=1):
            place = (f"mm {block.box.x:g},{block.box.y:g},{block.box.width:g},"
                     f"{block.box.height:g}" if block.box else
                     f"grid {block.column},{block.columns},{block.line},{block.lines}")
            extra = f" order {block.order}" if block.kind == "body" else ""
            extra += f" {block.asset}" if block.asset else ""
            print(f"  {index}\t{block.id}\t{block.kind}\t{block.article_id or '-'}\t{place}{extra}")
    return 0


def _fit(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    """Every block's fit; the over-set ones are listed last, as the preflight names them."""
    from deskapp.makeup.export import library_sources, preflight
    from deskapp.makeup.layout import lay_out
    from deskapp.makeup.store import find_edition

    _expect(len(rest) == 1, "edition fit ED")
    edition = find_edition(library, rest[0])
    sources = library_sources(library, edition)
    layout = lay_out(edition, sources.articles, sources.photos)
    for fit in layout.fits:
        if fit.kind == "reserved":
            continue
        state = (f"over {fit.over_lines} lines {fit.over_words} words" if fit.over else
                 f"under {fit.under_lines} lines {fit.under_words} words" if fit.under_lines
                 else "fits")
        print(f"{fit.page}\t{fit.index}\t{fit.kind}\t{state}\t{fit.headline}")
    findings = preflight(layout, sources)
    for finding in findings:
        print(f"deskapp: {finding.message()}", file=sys.stderr)
    return 1 if any(finding.code == "overset" for finding in findings) else 0


def _history(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    from deskapp.makeup.store import edition_history, find_edition

    _expect(len(rest) == 1, "edition history ED")
    edition = find_edition(library, rest[0])
    for revision in edition_history(library, edition.id):
        blocks = sum(len(page.blocks) for page in revision.edition().pages)
        print(f"{revision.id}\t{revision.created_at}\t{revision.kind}\t{revision.author}\t"
              f"{blocks} blocks")
    return 0


def _plan(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    from deskapp.fileio import write_atomically
    from deskapp.makeup.plan import edition_to_json
    from deskapp.makeup.store import find_edition

    _expect(len(rest) == 1, "edition plan ED [-o PLAN.json]")
    text = edition_to_json(find_edition(library, rest[0]))
    if args.output:
        write_atomically(args.output, text.encode("utf-8"))
        print(args.output)
    else:
        print(text)
    return 0


def _restore(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    """Make an earlier plan of the edition its current one (a new revision: nothing is lost)."""
    from deskapp.makeup.store import edition_history, find_edition, save_edition

    _expect(len(rest) == 2, "edition restore ED REVISION (an id from 'edition history')")
    edition = find_edition(library, rest[0])
    found = [r for r in edition_history(library, edition.id) if r.id.startswith(rest[1])]
    _expect(len(found) == 1 and len(rest[1]) >= 6,
            "edition restore ED REVISION (an id, or its first 6+ characters, from "
            "'edition history')")
    save_edition(library, found[0].edition(), author=_author(library), kind="restore")
    print(found[0].id)
    return 0


_EDITION: dict[str, Callable[[Any, argparse.Namespace, list[str]], int]] = {
    "new": _new, "import": _import, "list": _list, "show": _show, "fit": _fit,
    "history": _history, "plan": _plan, "restore": _restore,
}


# ---- page actions ----------------------------------------------------------

def _place(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    """Add a block to a page (the page is made when new); print the block's id."""
    from deskapp.makeup.plan import KINDS, Block, Box, Page
    from deskapp.makeup.store import find_edition, save_edition

    usage = ("page place ED N KIND [ARTICLE] --grid COL,SPAN,LINE,LINES | --mm X,Y,W,H "
             "[--order K] [--asset NAME] [--label WORDS]")
    _expect(len(rest) in (3, 4) and rest[2] in KINDS and (args.grid or args.mm), usage)
    edition = find_edition(library, rest[0])
    number = _number(rest[1])
    kind = rest[2]
    article_id = library.find(rest[3]).id if len(rest) == 4 else ""
    page = next((p for p in edition.pages if p.number == number), None)
    if page is None:
        preset = args.preset or (edition.pages[-1].preset if edition.pages else "tabloid-a3")
        page = Page(number, preset)
    elif args.preset:
        page = replace(page, preset=args.preset)
    values: dict[str, Any] = {"kind": kind, "article_id": article_id, "asset": args.asset,
                              "label": args.label}
    if args.mm:
        box = _numbers(args.mm, float, usage)
        values["box"] = Box(*box)
    else:
        column, columns, line, lines = _numbers(args.grid, int, usage)
        values.update(column=column, columns=columns, line=line, lines=lines)
    if kind == "body":
        chain = edition.chain(article_id)
        values["order"] = args.order if args.order is not None else (
            max((b.order for _p, b in chain), default=-1) + 1)
    block = Block(**values)
    edition = _checked(edition.with_page(replace(page, blocks=(*page.blocks, block))))
    _check_page(library, edition, number)
    save_edition(library, edition, author=_author(library))
    print(block.id)
    return 0


def _numbers(text: str, kind: type, usage: str) -> list[Any]:
    try:
        values = [kind(part) for part in text.replace(" ", "").split(",")]
    except ValueError:
        values = []
    _expect(len(values) == 4, usage)
    return values


def _remove(library: Any, args: argparse.Namespace, rest: list[str]) -> int:
    from deskapp.makeup.store import find_edition, save_edition

    _expect(len(rest) == 3, "page remove ED N BLOCK (its id or its place on the page)")
    edition = find_edition(library, rest[0])
    page = edition.page(_number(rest[1]))
    ref = rest[2]
    kept = [block for index, block in enumerate(page.blocks, start=1)
            if block.id != ref and str(index) != ref]
    _expect(len(kept) == len(page.blocks) - 1, "page remove ED N BLOCK: no such block")
    save_edition(library, edition.with_page(replace(page, blocks=tuple(kept))),
                 author=_author(library))
    return 0


# ---- export ----------------------------------------------------------------

def _export(library: Any, args: argparse.Namespace, ref: str, page: int | None) -> int:
    from deskapp.makeup.export import export_pages, library_sources
    from deskapp.makeup.store import find_edition

    edition = find_edition(library, ref)
    if page is not None:
        edition.page(page)
    sources = library_sources(library, edition)
    report = export_pages(edition, sources, args.output, pages=None if page is None else [page],
                          pdfx=args.pdfx, cmyk=args.cmyk, draft=args.draft)
    for finding in report.findings:
        print(f"deskapp: {finding.message()}", file=sys.stderr)
    print(args.output)
    return 0
