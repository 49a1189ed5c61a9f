"""The ``deskapp`` command: the GUI when run alone, headless commands otherwise."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deskapp import __version__
from deskapp.errors import ArticleNotFound, DeskappError, ImportRejected
from deskapp.messages import describe, language, message
from deskapp.model import Article, Status
from deskapp.store import default_library_path

# Each command imports what it needs when it runs: ``deskapp export FILE``
# loads neither the library (sqlite-utils) nor Qt, and exporting a library
# article loads no importers.
if TYPE_CHECKING:
    from deskapp.exchange.merge import MergeResult
    from deskapp.pdf.findings import Finding
    from deskapp.pdf.options import PrintSettings
    from deskapp.store import Library

EXIT_FAILURE = 1
EXIT_USAGE = 2
# `deskapp check` found something to correct: not a failure of the command, so a script can
# tell "the article needs work" (3) from "the article could not be read" (1).
EXIT_FINDINGS = 3


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, the one command this run needs.

    Every command's parser costs argparse a few message look-ups, and
    building all of them was a twentieth of a one-page ``deskapp export``:
    with ``only`` set (a name of ``_COMMANDS``), the other commands are not
    built. Help for a command and its errors read the same either way.
    """
    parser = argparse.ArgumentParser(
        prog="deskapp",
        description="Deskapp: viết, lưu và in bài báo tiếng Việt. "
        "Run without a command to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"deskapp {__version__}")
    parser.add_argument(
        "--library",
        type=Path,
        help="library file (default: DESKAPP_LIBRARY or the user data folder)",
    )
    commands: Any = parser.add_subparsers(dest="command", metavar="COMMAND")
    if only is not None:
        commands = _OnlyCommand(commands, only)

    imp = commands.add_parser(
        "import", help="import .txt/.md/.docx/.html files and .deskpkg packages; "
        "prints each article id (and, for a package, what changed)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")

    pkg = commands.add_parser("package", help="write an article with its history, comments "
                              "and status changes to one .deskpkg file for the desk or back")
    pkg.add_argument("ref", metavar="ID")
    pkg.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.deskpkg")
    pkg.add_argument("--as", dest="role", choices=["reporter", "editor"],
                     help="sent as (default: the library's role setting, else reporter)")

    lst = commands.add_parser("list", help="list articles: id, title, status, last change")
    lst.add_argument("--trash", action="store_true", help="list the trash instead")
    lst.add_argument("--sort", choices=["updated", "title"], default="updated",
                     help="newest change first (default) or by headline in Vietnamese order")
    lst.add_argument("--status", choices=[str(s) for s in Status], metavar="STATUS",
                     help="only articles in this status: "
                          + ", ".join(str(s) for s in Status))

    find = commands.add_parser("search", help="find articles; accents and case optional")
    find.add_argument("query", nargs="+", metavar="QUERY")
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--trash", action="store_true", help="search the trash instead")

    exp = commands.add_parser(
        "export", help="export an article (id or file) to PDF, Markdown or Word (.docx); "
        "several ids or --all-approved: one PDF each into the folder OUT, "
        "or with --edition one combined PDF")
    exp.add_argument("refs", nargs="*", metavar="ID_OR_FILE")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    exp.add_argument("--all-approved", action="store_true",
                     help="every approved article of the library")
    exp.add_argument("--edition", action="store_true",
                     help="one PDF for all the articles, each from a new page, "
                          "pages numbered through")
    exp.add_argument("--format", choices=["pdf", "md", "docx"],
                     help="default: from the output's suffix (.md, .docx), else pdf")
    exp.add_argument("--preset", metavar="NAME",
                     help="print preset (see: deskapp presets); default: a library "
                          "article's own preset, the library's default for several, "
                          "a4-article for a file")
    exp.add_argument("--bleed", type=_bleed_mm, default=0.0, metavar="MM",
                     help="bleed in millimetres, with crop marks (e.g. 3)")
    exp.add_argument("--cmyk", action="store_true",
                     help="for the printer: text in pure black (CMYK 0/0/0/100)")
    exp.add_argument("--pdfx", action="store_true",
                     help="PDF/X-1a:2003 for the print shop: CMYK with an ISO Coated v2 "
                          "(FOGRA39) output intent, trim and bleed boxes, no links")
    exp.add_argument("--as", dest="role", choices=["reporter", "editor"],
                     help="records the export of an approved article as (default: the "
                          "library's role setting, else reporter)")
    exp.add_argument("--user", help="name recorded with the export (default: the profile name)")

    commands.add_parser("presets", help="list the print presets")

    chk = commands.add_parser(
        "check", help="proofread an article (id or file); exit status 1 if anything is found"
    )
    chk.add_argument("ref", metavar="ID_OR_FILE")
    chk.add_argument("--json", action="store_true",
                     help="print a JSON list: rule, field, line, column, text, message, fix")
    chk.add_argument("--tone-style", choices=["old", "new"],
                     help="the newsroom's tone placement (default: the library setting)")
    chk.add_argument("--preset", metavar="NAME",
                     help="print preset for the length in lines (default: the article's "
                          "own, else the library's default, else a4-article)")

    st = commands.add_parser("status", help="move an article through the desk: "
                             "submit, take, return, approve, export")
    st.add_argument("ref", metavar="ID")
    st.add_argument("action", choices=["submit", "take", "return", "approve", "export"])
    st.add_argument("--reason", help="why the article is returned (required for return)")
    st.add_argument("--note", help="why it is approved despite proofing findings")
    st.add_argument("--as", dest="role", choices=["reporter", "editor"],
                    help="act as (default: the library's role setting, else reporter)")
    st.add_argument("--user", help="name recorded with the change (default: the profile name)")

    conv = commands.add_parser(
        "convert", help="convert a legacy Vietnamese text file (TCVN3, VNI, VIQR…) to UTF-8"
    )
    conv.add_argument("file", type=Path, metavar="FILE")
    conv.add_argument("--from", dest="source", default="auto",
                      choices=["auto", "utf8", "tcvn3", "vni", "viqr", "cp1258", "nfd"])
    conv.add_argument("--tone-style", choices=["old", "new"],
                      help="also move tones: old hòa/thủy, new hoà/thuỷ")
    conv.add_argument("-o", "--output", type=Path, metavar="OUT",
                      help="write here (default: standard output)")

    syn = commands.add_parser(
        "sync", help="send and receive articles through the newsroom server (PostgreSQL); "
        "the password is asked for and kept in the system keyring")
    syn.add_argument("--url", metavar="URL",
                     help="set the server, e.g. postgresql://name@server/newsroom "
                          "(stored without the password)")
    syn.add_argument("--forget-password", action="store_true",
                     help="remove the saved password from the keyring and stop")
    syn.add_argument("--history-days", type=int, metavar="DAYS",
                     help="how many days of approved and exported articles a first sync "
                          "takes (default 30; the open work always comes)")
    syn.add_argument("--older", type=int, default=0, metavar="N",
                     help="also fetch up to N of the older articles a first sync left on "
                          "the server (newest first; run again for more)")

    srv = commands.add_parser("server", help="for IT: prepare the newsroom server "
                              "(connect as its administrator)")
    srv_cmds = srv.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    setup = srv_cmds.add_parser("setup", help="create or upgrade Deskapp's schema and roles, "
                                "and give every sign-in its time limits")
    check = srv_cmds.add_parser("check", help="list the articles on the server whose rows "
                                "are damaged (a sync skips them) or whose id may be taken")
    check.add_argument("--repair", action="store_true",
                       help="give an article whose head is missing its latest revision, or "
                            "quarantine it when it has none")
    status = srv_cmds.add_parser("status", help="schema version, laptops connected now, "
                                 "each sign-in's last sync, sessions waiting for a lock")
    for admin_cmd in (setup, check, status):
        admin_cmd.add_argument("url", metavar="ADMIN_URL")
        admin_cmd.add_argument("--password-stdin", action="store_true",
                               help="read the administrator's password from the first line "
                                    "of standard input")
    user = srv_cmds.add_parser("add-user", help="create a sign-in for one reporter or editor "
                               "(the password is asked for)")
    user.add_argument("url", metavar="ADMIN_URL")
    user.add_argument("name", metavar="NAME")
    user.add_argument("--role", choices=["reporter", "editor"], required=True)
    user.add_argument("--password-stdin", action="store_true",
                      help="read the new sign-in's password from the first line of standard "
                           "input (the administrator's comes from the address, PGPASSWORD or "
                           "~/.pgpass)")

    keys = commands.add_parser("keys", help="editors' approval keys: export this library's "
                               "public keys, or (for IT) install a keys file so approvals "
                               "signed with them are trusted")
    keys_cmds = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kexp = keys_cmds.add_parser("export", help="write this library's public keys (never the "
                                "private key) to FILE, or to standard output")
    kexp.add_argument("-o", "--output", type=Path, metavar="FILE")
    kimp = keys_cmds.add_parser("import", help="trust the editors' keys in FILE")
    kimp.add_argument("file", type=Path, metavar="FILE")
    keys_cmds.add_parser("list", help="list the trusted keys: id, name, source")

    # Their modules (and json) load only when one of their commands is run or listed.
    only = commands._only if isinstance(commands, _OnlyCommand) else None
    if only is None or only in ("names", "house-style"):
        from deskapp import cli_names

        cli_names.add_parser(commands)
    if only is None or only in ("edition", "page"):
        from deskapp import cli_makeup

        cli_makeup.add_parsers(commands)
    commands.add_parser("gui", help="open the window (the default)")
    return parser


class _OnlyCommand:
    """The subcommands action, building only the parser of one command."""

    def __init__(self, commands: Any, only: str) -> None:
        self._commands = commands
        self._only = only

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if name == self._only:
            return self._commands.add_parser(name, **kwargs)
        return _Unused()


class _Unused:
    """Stands in for a command's parser that this run does not build; takes any call."""

    def __getattr__(self, name: str) -> Any:
        return self._ignore

    def _ignore(self, *args: Any, **kwargs: Any) -> _Unused:
        return self


def _named_command(arguments: Sequence[str]) -> str | None:
    """The command ``arguments`` run, when it is one of ``_COMMANDS`` and nothing before it
    asks for help or the version; else None (the whole parser is built)."""
    rest = list(arguments)
    while rest and (rest[0] == "--library" or rest[0].startswith("--library=")):
        rest = rest[2 if rest[0] == "--library" else 1:]
    return rest[0] if rest and rest[0] in _COMMANDS else None


def _bleed_mm(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of millimetres: {text!r}") from None
    if not 0 <= value <= 20:
        raise argparse.ArgumentTypeError("the bleed must be between 0 and 20 mm")
    return value


def split_open_files(argv: Sequence[str]) -> tuple[list[str], list[Path]]:
    """Separate ``deskapp [--library L] FILE…`` (a double-click on a package) from commands.

    Files are recognised only where a command would stand and only when every
    one of them exists, so a mistyped command still gets argparse's message.
    """
    head: list[str] = []
    rest = list(argv)
    while rest and (rest[0] == "--library" or rest[0].startswith("--library=")):
        take = 2 if rest[0] == "--library" else 1
        head, rest = head + rest[:take], rest[take:]
    if rest and rest[0] not in _COMMANDS and rest[0] != "gui" and not rest[0].startswith("-") \
            and all(Path(item).is_file() for item in rest):
        return head, [Path(item) for item in rest]
    return list(argv), []


def _window_library(arguments: Sequence[str]) -> Path | bool | None:
    """For ``deskapp`` and ``deskapp --library L``: the library (None: the default one).

    ``False`` for anything else. The window then starts without building the
    parser of every command, which would cost each start some 10 ms.
    """
    if not arguments:
        return None
    if len(arguments) == 2 and arguments[0] == "--library" and arguments[1]:
        return Path(arguments[1])
    if len(arguments) == 1 and arguments[0].startswith("--library=") and arguments[0][10:]:
        return Path(arguments[0][10:])
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (the process's own arguments when None) and return its code.

    Run as the process's command (``argv`` None), the objects left when it
    ends are frozen out of the garbage collector: the interpreter's last
    collection would otherwise walk every one of them (reportlab's modules,
    the fonts, the typeset pages) only to find the process ending, about a
    sixth of a one-page ``deskapp export``. Nothing is written after this
    point (the outputs are complete and closed), and a caller passing its own
    ``argv`` (a test, a script) keeps its collector as it was.
    """
    try:
        return _main(argv)
    finally:
        if argv is None:
            import gc

            gc.freeze()


def _main(argv: Sequence[str] | None) -> int:
    arguments, open_files = split_open_files(sys.argv[1:] if argv is None else argv)
    window_library = _window_library(arguments)
    if window_library is not False:
        return _run_gui(window_library or default_library_path(), open_files)
    args = build_parser(_named_command(arguments)).parse_args(arguments)
    library_path = args.library or default_library_path()
    if open_files or args.command in (None, "gui"):
        return _run_gui(library_path, open_files)
    try:
        code = _COMMANDS[args.command](args, library_path)
        sys.stdout.flush()  # a closed pipe shows here, not at exit
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except DeskappError as error:
        _fail(str(error))  # subclasses from the desk and proofing have their own words
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # an unforeseen failure: a sentence, not a traceback
        if os.environ.get("DESKAPP_DEBUG"):
            raise
        _fail(_unforeseen(error, args))
        return EXIT_FAILURE


def _pipe_closed() -> int:
    """The reader went away (``deskapp check … | head``): stop quietly.

    Standard output is pointed at the null device so that Python's own flush
    at exit does not complain about the closed pipe a second time.
    """
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
    return EXIT_FAILURE


def _unforeseen(error: BaseException, args: argparse.Namespace) -> str:
    """A failure no part of Deskapp foresaw, as a sentence naming what was being done.

    The exception's class name and text never reach the person (they read
    as code); ``DESKAPP_DEBUG=1`` shows the traceback.
    """
    from deskapp.store.library import is_disk_full

    if is_disk_full(error):
        return message("disk_full", path=str(getattr(args, "output", None)
                                             or args.library or default_library_path()))
    cause = _CAUSES.get(type(error).__name__)
    if cause is None:
        cause = next((words for kind, words in _CAUSE_KINDS if isinstance(error, kind)),
                     _CAUSES["other"])
    lang = language()
    return message("unforeseen", lang, command=args.command, subject=_subject(args),
                   cause=cause[0 if lang == "vi" else 1])


def _subject(args: argparse.Namespace) -> str:
    """What the command was working on: the file or article named on the command line."""
    for name in ("ref", "file", "refs", "files", "output"):
        value = getattr(args, name, None)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        if value:
            return str(value)
    return str(args.library or default_library_path())


# Why an unforeseen failure happened, by the exception's class name (some come
# from libraries imported only when needed, such as reportlab's LayoutError).
_CAUSES: dict[str, tuple[str, str]] = {
    "RecursionError": (
        "văn bản lồng quá sâu (danh sách, trích dẫn hoặc liên kết lồng vào nhau quá nhiều "
        "tầng)", "the text is nested too deeply (lists, quotes or links inside one "
        "another, too many levels)"),
    "LayoutError": (
        "có một phần (bảng, ảnh hoặc một từ rất dài) không vừa trang in",
        "a part of it (a table, a photo or a very long word) does not fit on the page"),
    "MemoryError": ("văn bản quá lớn để xử lý", "it is too large to process"),
    "OverflowError": ("có một con số quá lớn", "a number in it is too large"),
    "UnicodeEncodeError": (
        "có ký tự không ghi ra được (ký tự hỏng hoặc bảng mã của nơi ghi không có)",
        "it holds characters that cannot be written out (broken characters, or ones the "
        "output's encoding lacks)"),
    "UnicodeDecodeError": ("có byte không đọc được thành chữ",
                           "it holds bytes that do not read as text"),
    "ValueError": ("có một giá trị Deskapp không dùng được",
                   "it holds a value Deskapp cannot use"),
    "other": ("một lỗi ngoài dự kiến", "an unexpected problem"),
}
_CAUSE_KINDS: tuple[tuple[type[BaseException], tuple[str, str]], ...] = (
    (RecursionError, _CAUSES["RecursionError"]),
    (MemoryError, _CAUSES["MemoryError"]),
    (OverflowError, _CAUSES["OverflowError"]),
    (UnicodeEncodeError, _CAUSES["UnicodeEncodeError"]),
    (UnicodeDecodeError, _CAUSES["UnicodeDecodeError"]),
    (ValueError, _CAUSES["ValueError"]),
)


def _open(path: Path) -> Library:
    from deskapp.workspace import open_library

    library = open_library(path)
    if library.log_set_aside is not None:
        _fail(message("log_set_aside", path=str(path), moved_to=str(library.log_set_aside)))
    return library


def _cmd_import(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp.text.legacy import Detection
    from deskapp.workspace import import_into, import_package, is_package

    library = _open(library_path)
    failed = 0
    try:
        for path in args.files:
            def converted(name: str, found: Detection) -> bool:
                print("deskapp: " + message("import_converted", name=name,
                                            encoding=found.encoding.upper(),
                                            count=found.change_count), file=sys.stderr)
                return True

            try:
                if is_package(path):
                    result = import_package(library, path)
                    print(_merge_line(result))
                    for refused in result.refused_approvals:
                        _fail(describe(refused.error()))
                    for refused in result.signature_errors():
                        _fail(describe(refused))
                    continue
                article = import_into(library, path, converted)
            except DeskappError as error:
                _fail(describe(error))
                failed += 1
                continue
            print(article.id)
    finally:
        library.close()
    return EXIT_FAILURE if failed else 0


def _merge_line(result: MergeResult) -> str:
    """One line saying what importing a package did (id first, for scripts)."""
    return message(f"merge_{result.outcome}", id=result.article_id,
                   title=result.title or "", count=result.new_revisions)


def _cmd_package(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp.exchange.package import write_package
    from deskapp.workspace import current_user

    library = _open(library_path)
    try:
        article = library.find(args.ref)
        role = args.role or library.get_setting("role") or "reporter"
        try:
            path = write_package(library, article.id, args.output,
                                 sender=current_user(library), role=role)
        except OSError as error:
            raise ImportRejected("file_unwritable", name=str(args.output),
                                 reason=error.strerror or str(error)) from error
    finally:
        library.close()
    print(path)
    return 0


def _cmd_list(args: argparse.Namespace, library_path: Path) -> int:
    untitled = "(chưa có tít)" if language() == "vi" else "(no headline)"
    library = _open(library_path)
    try:
        for item in library.list(trashed=args.trash, sort=args.sort):
            if args.status and item.status != args.status:
                continue
            when = item.updated_at[:19].replace("T", " ")
            print(f"{item.id}\t{item.title or untitled}\t{item.status}\t{when}")
    finally:
        library.close()
    return 0


def _cmd_search(args: argparse.Namespace, library_path: Path) -> int:
    untitled = "(chưa có tít)" if language() == "vi" else "(no headline)"
    library = _open(library_path)
    try:
        hits = library.search(" ".join(args.query), limit=max(1, args.limit),
                              trashed=args.trash)
    finally:
        library.close()
    for hit in hits:
        print(f"{hit.id}\t{hit.title or untitled}\t{hit.status}\t{hit.marked()}")
    return 0 if hits else EXIT_FAILURE


def _cmd_export(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp.workspace import current_user

    if not args.refs and not args.all_approved:
        _fail("export: give an article id or file, or --all-approved")
        return EXIT_USAGE
    if len(args.refs) == 1 and not (args.all_approved or args.edition) \
            and _is_file_ref(args.refs[0]):
        return _export_file(Path(args.refs[0]), args, library_path)
    library = _open(library_path)
    try:
        author = current_user(library)
        articles = _export_articles(library, args)
        if len(articles) == 1 and not (args.all_approved or args.edition):
            return _export_single(library, articles[0], args, author)
        return _export_batch(library, articles, args, author)
    finally:
        library.close()


def _is_file_ref(ref: str) -> bool:
    """A file on disk that cannot be an article id (ids and their prefixes are hex and ``-``)."""
    return not set(ref) <= _ID_CHARACTERS and Path(ref).is_file()


_ID_CHARACTERS = frozenset("0123456789abcdefABCDEF-")


def _export_file(path: Path, args: argparse.Namespace, library_path: Path) -> int:
    """A Markdown, text, Word or web-page file straight to PDF, Markdown or Word.

    The library is not opened (nor created): only the profile name, for the
    PDF's author, is read from it. A file has no approval and no stored
    photos, and its export records nothing.
    """
    from deskapp.exchange import import_file
    from deskapp.workspace import user_at

    article = import_file(path).to_article()
    kind = args.format or _format_from_suffix(args.output)
    if kind != "pdf":
        _export_document(article, args.output, kind)
        print(args.output)
        return 0
    from deskapp.pdf import export_pdf_report

    report = export_pdf_report(article, args.output,
                               _print_settings(args, author=user_at(library_path)))
    _print_warnings(report.warnings)
    print(args.output)
    return 0


def _export_articles(library: Library, args: argparse.Namespace) -> list[Article]:
    """The articles named on the command line (ids or files), then the approved ones."""
    articles = [_article_or_file(library, ref) for ref in args.refs]
    if args.all_approved:
        approved = [item for item in library.list() if item.status == Status.APPROVED]
        articles += [library.get(item.id) for item in approved]
    return articles


def _print_settings(args: argparse.Namespace, preset_name: str | None = None,
                    **more: Any) -> PrintSettings:
    """The preset, bleed and colours asked for on the command line, with ``more`` besides.

    ``--preset`` wins over ``preset_name`` (the article's or the library's).
    """
    from deskapp.pdf import PrintSettings, load_preset
    from deskapp.workspace import DEFAULT_PRESET, user_presets_dir

    preset_name = args.preset or preset_name

    preset = load_preset(preset_name or args.preset or DEFAULT_PRESET,
                         extra_dirs=[user_presets_dir()])
    return PrintSettings(preset=preset, bleed_mm=args.bleed, cmyk=args.cmyk,
                         pdfx=getattr(args, "pdfx", False), **more)


def _export_single(library: Library, article: Article, args: argparse.Namespace,
                   author: str) -> int:
    """One article to PDF, Markdown or Word, as ``deskapp export ID -o OUT`` always did.

    The PDF of an approved article carries its approval, and the export is
    recorded as the article's step from approved to exported.
    """
    from deskapp.desk import approval_for
    from deskapp.pdf import export_pdf_report
    from deskapp.store.assets import photo_lookup
    from deskapp.workspace import article_preset

    kind = args.format or _format_from_suffix(args.output)
    if kind != "pdf":
        _export_document(article, args.output, kind)
        print(args.output)
        return 0
    approval = approval_for(library, article.id)
    settings = _print_settings(args, article_preset(library, article), author=author,
                               assets=photo_lookup(library, article.id), approval=approval)
    report = export_pdf_report(article, args.output, settings)
    _print_warnings(report.warnings)
    print(args.output)
    if approval is not None:
        _record_export(library, article.id, args)
    return 0


def _record_export(library: Library, article_id: str, args: argparse.Namespace,
                   path: Path | None = None) -> None:
    """Move an approved article to "exported"; a refusal leaves the PDF and prints a note.

    Who and in which role come from ``--user`` and ``--as``, defaulting as
    for ``deskapp status``. Exporting an exported article again is recorded too.
    """
    from deskapp.desk import Action, transition
    from deskapp.workspace import current_user

    status = library.get(article_id).status
    if status not in (Status.APPROVED, Status.EXPORTED):
        return
    role = args.role or library.get_setting("role") or "reporter"
    user = args.user or current_user(library)
    try:
        transition(library, article_id, Action.EXPORT, user=user, role=role,
                   expected_status=status)
    except DeskappError as error:
        _fail(message("export_not_recorded", path=str(path or args.output), reason=str(error)))


def _export_batch(library: Library, articles: list[Article], args: argparse.Namespace,
                  author: str) -> int:
    """Several articles: one edition PDF (``--edition``) or one PDF each into a folder.

    One PDF each carries each approved article's approval and records its
    export, as for a single article; an edition does neither.
    """
    from deskapp.desk import approval_for
    from deskapp.pdf import export_each, export_edition
    from deskapp.store.assets import library_photos
    from deskapp.workspace import default_preset

    if (args.format or "pdf") != "pdf":
        _fail("export: several articles are exported to PDF only")
        return EXIT_USAGE
    if not articles:
        _fail(message("export_nothing"))
        return EXIT_FAILURE
    settings = _print_settings(args, default_preset(library), author=author)
    assets = library_photos(library)
    if args.edition:
        edition = export_edition(articles, args.output, settings, assets=assets)
        _print_warnings(edition.warnings)
        print(args.output)
        return 0
    approvals = {article.id: approval_for(library, article.id) for article in articles}
    report = export_each(articles, args.output, settings, assets=assets,
                         approvals=lambda a: approvals.get(a.id))
    for written in report.written:
        _print_warnings(written.warnings)
        print(f"{written.article_id}\t{written.path}")
        if approvals.get(written.article_id) is not None:
            _record_export(library, written.article_id, args, written.path)
    for failed in report.failed:
        _fail(f"{failed.article_id}: {failed.message}")
    return 0 if report.ok else EXIT_FAILURE


def _print_warnings(findings: Sequence[Finding]) -> None:
    """Preflight warnings on stderr, ``field:line:column: sentence``; the export went ahead."""
    for finding in findings:
        where = finding.where
        if finding.line is not None:
            where = f"{where}:{finding.line}:{finding.column}"
        print(f"deskapp: {where}: {finding.message()}", file=sys.stderr)


def _format_from_suffix(path: Path) -> str:
    suffix = path.suffix.casefold()
    if suffix in (".md", ".markdown"):
        return "md"
    return "docx" if suffix == ".docx" else "pdf"


def _export_document(article: Article, output: Path, kind: str) -> None:
    """Markdown with front matter, or a Word document, for people outside Deskapp."""
    from deskapp.exchange.markdown_export import article_markdown
    from deskapp.fileio import write_atomically

    try:
        if kind == "md":
            write_atomically(output, article_markdown(article).encode("utf-8"))
        else:
            from deskapp.exchange.docx_export import export_docx

            export_docx(article, output)
    except OSError as error:
        raise ImportRejected("file_unwritable", name=str(output),
                             reason=error.strerror or str(error)) from error


def _cmd_presets(args: argparse.Namespace, _library_path: Path) -> int:
    from deskapp.messages import language
    from deskapp.pdf import list_presets
    from deskapp.workspace import user_presets_dir

    for name, title in list_presets(extra_dirs=[user_presets_dir()], lang=language()):
        print(f"{name}\t{title}")
    return 0


def _run_gui(library_path: Path, open_files: Sequence[Path] = ()) -> int:
    try:
        from deskapp.ui.shell.app import run
    except ImportError as error:  # Qt missing or its system libraries absent
        _fail(f"Không mở được cửa sổ Deskapp (Qt): {error}")
        return EXIT_FAILURE
    return run(library_path, open_files)


def _fail(text: str) -> None:
    print(f"deskapp: {text}", file=sys.stderr)


def _cmd_convert(args: argparse.Namespace, _library_path: Path) -> int:
    from deskapp.errors import ImportRejected
    from deskapp.exchange.convert import convert_bytes
    from deskapp.exchange.decode import read_bounded
    from deskapp.fileio import write_atomically

    name = str(args.file)
    data = read_bounded(args.file, name=name)  # at most what an import reads
    result = convert_bytes(data, name, args.source, args.tone_style)
    if args.output:
        try:
            write_atomically(args.output, result.text.encode("utf-8"))
        except OSError as error:
            raise ImportRejected("file_unwritable", name=str(args.output),
                                 reason=error.strerror or str(error)) from error
    else:
        sys.stdout.write(result.text)
    print(f"deskapp: {name}: {result.encoding} → UTF-8 NFC "
          f"({result.changed_words} words changed)", file=sys.stderr)
    return 0


def _cmd_check(args: argparse.Namespace, library_path: Path) -> int:
    import json

    from deskapp.proof import check, describe_finding
    from deskapp.proof.house import library_house_style

    library = _open(library_path)
    try:
        article = _article_or_file(library, args.ref)
        house = library_house_style(library)
        style = args.tone_style or house.tone_style
        preset_name = args.preset or _library_preset(library, article)
    finally:
        library.close()
    findings = check(article, tone_style=style if style in ("old", "new") else None,
                     house=house)
    if args.json:
        items = [{"rule": f.rule, "field": f.field, "line": f.line, "column": f.column,
                  "text": f.text, "message": describe_finding(f), "fix": f.fix}
                 for f in findings]
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        for f in findings:
            fix = f" → “{f.fix}”" if f.fix else ""
            print(f"{f.field}:{f.line}:{f.column}: [{f.rule}] {describe_finding(f)}{fix}")
        if not findings:
            print("Không có lỗi nào cần sửa." if language() == "vi" else "Nothing to correct.")
        if article.target_words or article.target_lines:
            print(_length_line(article, preset_name))
    return EXIT_FINDINGS if findings else 0


def _library_preset(library: Library, article: Article) -> str:
    """The article's own print preset (a file: the library's default for its section)."""
    from deskapp.workspace import article_preset

    return article_preset(library, article)


def _length_line(article: Article, preset_name: str) -> str:
    """The article's length against the desk's target: "độ dài: +35 chữ (…)"."""
    from deskapp.desk.copyfit import describe_fit, measure
    from deskapp.pdf import load_preset
    from deskapp.workspace import user_presets_dir

    fit = measure(article, load_preset(preset_name, extra_dirs=[user_presets_dir()]))
    vi = language() == "vi"
    unit = ("dòng" if vi else "lines") if fit.unit == "lines" else ("chữ" if vi else "words")
    lines = "?" if fit.lines is None else str(fit.lines)
    if vi:
        return (f"độ dài: {describe_fit(fit, 'vi')} (mục tiêu {fit.target} {unit}; "
                f"hiện {fit.words} chữ, {lines} dòng khổ {preset_name})")
    return (f"length: {describe_fit(fit, 'en')} (target {fit.target} {unit}; "
            f"now {fit.words} words, {lines} lines in {preset_name})")


def _cmd_status(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp.desk import transition
    from deskapp.text.tone_setting import style_setting
    from deskapp.workspace import current_user

    library = _open(library_path)
    try:
        article = library.find(args.ref)
        role = args.role or library.get_setting("role") or "reporter"
        style = style_setting(library.get_setting("tone_style"))
        user = args.user or current_user(library)
        saved = transition(library, article.id, args.action, user=user, role=role,
                           reason=args.reason, override_note=args.note, tone_style=style)
    finally:
        library.close()
    print(f"{saved.id}\t{saved.status}")
    return 0


def _cmd_sync(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp.sync import SyncError, SyncTarget, load_target, run_sync, save_target
    from deskapp.sync.messages import refusal_message, sync_message
    from deskapp.sync.target import forget_password, keyring_available, store_password

    library = _open(library_path)
    given: str | None = None  # a password written in --url is used even without a keyring
    try:
        if args.url:
            _target, given = SyncTarget.parse(args.url)
            save_target(library, args.url)
        if args.history_days is not None:
            from deskapp.sync.pull import HISTORY_SETTING

            library.set_setting(HISTORY_SETTING, str(max(0, args.history_days)))
        target = load_target(library)
        if target is None:
            raise SyncError("sync_not_configured")
        if args.forget_password:
            forget_password(target)
            return 0
        try:
            report = run_sync(library, target, password=given, older=args.older)
        except SyncError as error:
            if error.code not in ("sync_auth_failed", "sync_password_needed") \
                    or not sys.stdin.isatty():
                raise
            import getpass

            _fail(str(error))
            password = getpass.getpass(f"{target.keyring_name}: ")
            report = run_sync(library, target, password=password, older=args.older)
            if store_password(target, password):
                print(sync_message("sync_password_stored"), file=sys.stderr)
            elif not keyring_available():
                print(sync_message("sync_no_keyring"), file=sys.stderr)
    finally:
        library.close()
    untitled = "(chưa có tít)" if language() == "vi" else "(no headline)"
    for result in report.conflicts:
        print(sync_message("sync_conflict", id=result.article_id,
                           title=result.title or untitled))
    for old, new, title in report.rekeyed:
        _fail(sync_message("article_rekeyed", title=title or untitled, old=old, new=new))
    for refusal in report.refused:
        _fail(refusal_message(refusal, untitled=untitled))
    for refused in report.approvals_refused:
        _fail(describe(refused.error()))
    print(sync_message("sync_done", pushed=report.pushed, pulled=report.pulled))
    if report.older_fetched:
        print(sync_message("older_fetched", count=report.older_fetched))
    if report.older_waiting:
        print(sync_message("older_waiting"))
    if report.names_pushed or report.names_pulled:
        print(sync_message("names_synced", pushed=report.names_pushed,
                           pulled=report.names_pulled))
    if report.names_skipped:
        _fail(sync_message("names_skipped", count=report.names_skipped))
    if report.names_note:
        _fail(sync_message(report.names_note))
    if report.editions_pushed or report.editions_pulled:
        print(sync_message("editions_synced", pushed=report.editions_pushed,
                           pulled=report.editions_pulled))
    if report.editions_skipped:
        _fail(sync_message("editions_skipped", count=report.editions_skipped))
    if report.editions_note:
        _fail(sync_message(report.editions_note))
    return EXIT_FAILURE if report.refused else 0


def _cmd_server(args: argparse.Namespace, _library_path: Path) -> int:
    import getpass

    from deskapp.sync import SyncError, SyncTarget, connect
    from deskapp.sync.server import (
        add_user,
        check_admin,
        check_user_name,
        setup_server,
        user_exists,
    )

    if args.server_command == "add-user":
        check_user_name(args.name)  # before connecting and asking for a password
    target, password = SyncTarget.parse(args.url)
    if args.password_stdin and args.server_command != "add-user":
        password = _stdin_password()
    conn = connect(target, password)
    try:
        # Before anything changes and before a password is asked for.
        check_admin(conn, target.server, setup=args.server_command == "setup")
        if args.server_command == "setup":
            ran = setup_server(conn, target.server)
            print(f"{target.server}: schema {ran} migration(s) applied")
        elif args.server_command == "check":
            return _server_check(conn, target.server, repair=args.repair)
        elif args.server_command == "status":
            return _server_status(conn, target.server)
        else:
            if user_exists(conn, args.name):
                raise SyncError("user_exists", name=args.name)
            secret = (_stdin_password() if args.password_stdin
                      else getpass.getpass(f"{args.name}: "))
            add_user(conn, args.name, secret, args.role)
            print(f"{args.name}\t{args.role}")
    finally:
        conn.close()
    return 0


def _stdin_password() -> str:
    """The first line of standard input, without its line end (refused when empty)."""
    from deskapp.sync import SyncError

    secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        raise SyncError("password_stdin_empty")
    return secret


def _server_status(conn: object, server: str) -> int:
    from deskapp.sync.admin import server_status
    from deskapp.sync.messages import sync_message

    status = server_status(conn)
    never = sync_message("status_never")
    print(sync_message("status_schema", server=server,
                       version=status.schema_version if status.schema_version else never,
                       used=status.connections, most=status.max_connections))
    print(sync_message("status_connected", count=len(status.connected)))
    for user, host, state, since in status.connected:
        print(f"  {user}\t{host}\t{state}\t{since.isoformat(timespec='seconds') if since else ''}")
    print(sync_message("status_last_syncs", count=len(status.last_syncs)))
    for user, when, count in status.last_syncs:
        print(f"  {user}\t{when.isoformat(timespec='seconds')}\t{count}")
    print(sync_message("status_lock_waits", count=len(status.lock_waits)))
    for user, what, seconds in status.lock_waits:
        print(f"  {user}\t{what}\t{seconds:.1f} s")
    if status.names is not None:
        kept, removed, when, who = status.names
        print(sync_message("status_names", count=kept, removed=removed))
        if when is not None:
            print(f"  {who}\t{when.isoformat(timespec='seconds')}")
    if status.editions is not None:
        kept, removed, when, who = status.editions
        print(sync_message("status_editions", count=kept, removed=removed))
        if when is not None:
            print(f"  {who}\t{when.isoformat(timespec='seconds')}")
    return 0


def _cmd_keys(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp.desk.approvals import export_keys, install_keys, read_keys_file, trusted_keys

    library = _open(library_path)
    try:
        if args.keys_command == "export":
            data = export_keys(library)
            if args.output is None:
                sys.stdout.write(data.decode("utf-8") + "\n")
                return 0
            from deskapp.fileio import write_atomically

            try:
                write_atomically(args.output, data)
            except OSError as error:
                raise ImportRejected("file_unwritable", name=str(args.output),
                                     reason=error.strerror or str(error)) from error
            print(args.output)
        elif args.keys_command == "import":
            keys = read_keys_file(args.file)
            added = install_keys(library, keys, "file")
            print(message("keys_installed", added=added, count=len(keys)))
        else:
            for key in trusted_keys(library):
                print(f"{key.key_id}\t{key.name}\t{key.source}")
    finally:
        library.close()
    return 0


def _cmd_names(args: argparse.Namespace, library_path: Path) -> int:
    """``names`` and ``house-style`` (deskapp.cli_names)."""
    from deskapp import cli_names

    return cli_names.command(args, library_path, _open)


def _cmd_edition(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp import cli_makeup

    return cli_makeup.run_edition(args, library_path, _open)


def _cmd_page(args: argparse.Namespace, library_path: Path) -> int:
    from deskapp import cli_makeup

    return cli_makeup.run_page(args, library_path, _open)


def _server_check(conn: object, server: str, *, repair: bool = False) -> int:
    from deskapp.sync.audit import check_articles, repair_articles
    from deskapp.sync.messages import problem_words, sync_message

    bad = check_articles(conn, server)
    if not bad:
        print(sync_message("server_check_clean", server=server))
        return 0
    for article in bad:
        words = "; ".join(problem_words(code) for code in article.problems)
        print(f"{article.article_id}\t{article.owner}\t{article.title}\t{words}")
    _fail(sync_message("server_check_found", server=server, count=len(bad)))
    if repair:
        for done in repair_articles(conn, bad):
            print(sync_message(f"server_check_{done.action}", id=done.article_id,
                               title=done.title, revision=done.revision))
    return EXIT_FAILURE


def _article_or_file(library: Library, ref: str) -> Article:
    """The library article with this id (or id prefix), else the file at that path."""
    try:
        return library.find(ref)
    except ArticleNotFound:
        if not Path(ref).is_file():
            if Path(ref).suffix or "/" in ref or "\\" in ref:  # meant a file, not an id
                raise FileNotFoundError(2, "No such file", ref) from None
            raise
    from deskapp.exchange import import_file

    return import_file(Path(ref)).to_article()


_COMMANDS = {"import": _cmd_import, "list": _cmd_list, "search": _cmd_search,
             "export": _cmd_export, "convert": _cmd_convert, "presets": _cmd_presets,
             "check": _cmd_check, "status": _cmd_status, "package": _cmd_package,
             "sync": _cmd_sync, "server": _cmd_server, "keys": _cmd_keys,
             "names": _cmd_names, "house-style": _cmd_names, "edition": _cmd_edition,
             "page": _cmd_page}


if __name__ == "__main__":
    sys.exit(main())
