"""Operations shared by the command line and the GUI: they only compose the core."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deskapp.errors import DeskappError, ImportRejected, LibraryError
from deskapp.store import default_library_path
from deskapp.store.location import peek_setting

if TYPE_CHECKING:
    from deskapp.exchange.merge import MergeResult
    from deskapp.model import Article
    from deskapp.store import Library
    from deskapp.text.legacy import Detection

# What the operations below need is imported where they need it: exporting a
# library article to PDF needs neither the importers nor the package code,
# and exporting a file needs no library at all.


def user_presets_dir() -> Path:
    """Where a newsroom puts its own print presets (``NAME.json``), beside the library."""
    return default_library_path().parent / "presets"


# The print preset of an article nobody chose one for, when the library names none.
DEFAULT_PRESET = "a4-article"


def section_presets(library: Library) -> dict[str, str]:
    """The newsroom's default preset per section (setting ``section_presets``, a JSON object).

    Keys are matched without regard to case or surrounding spaces; a setting
    that is not a JSON object of names counts as none.
    """
    import json

    from deskapp.text import nfc

    text = library.get_setting("section_presets") or ""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {_section_key(nfc(str(key))): str(value) for key, value in data.items()
            if isinstance(value, str) and value.strip()}


def _section_key(section: str) -> str:
    return " ".join(section.split()).casefold()


def default_preset(library: Library, section: str = "") -> str:
    """The preset an article of ``section`` takes until one is chosen for it.

    The section's default when the newsroom set one, else the library's
    default for new articles (setting ``pdf_preset``), else ``a4-article``.
    """
    if section.strip():
        from deskapp.text import nfc

        found = section_presets(library).get(_section_key(nfc(section)))
        if found:
            return found
    return library.get_setting("pdf_preset") or DEFAULT_PRESET


def article_preset(library: Library, article: Article) -> str:
    """The print preset ``article`` prints with: its own, else its section's or the library's."""
    return library.article_preset(article.id) or default_preset(library, article.section)


def open_library(path: Path | str, *, check: bool = True, daily_backup: bool = True,
                 language: str = "vi") -> Library:
    """Open the library at ``path``; a new library starts with the welcome article.

    The welcome is written in ``language`` (the window passes its own). The
    window passes ``check=False, daily_backup=False`` and runs both in the
    background once it is on screen (:mod:`deskapp.ui.safety.library_checkup`): on
    a library of a gigabyte or more each takes seconds.
    """
    from deskapp.store import Library

    library = Library.open(path, check=check)
    if library.is_empty() and library.get_setting("welcomed") is None:
        from deskapp.welcome import welcome_article

        library.create(welcome_article(language), author="Deskapp")
        library.set_setting("welcomed", "1")
    if daily_backup:
        _daily_backup(library)
    return library


def welcome_in(library: Library, language: str) -> str | None:
    """Rewrite the welcome article in ``language`` if nobody has touched it yet.

    The first-run question offers the window's language after the library
    was made; an untouched welcome (its only revision the one Deskapp
    created) in the other language is replaced by a new one. Returns the id
    of the welcome in ``language``, or None when there is none to show.
    """
    from deskapp.welcome import WELCOME_TITLES, welcome_article

    wanted = welcome_article(language)
    rows = library.conn.execute(
        "SELECT a.id, a.title FROM articles a JOIN revisions r ON r.id = a.revision_id "
        "WHERE a.deleted_at IS NULL AND r.author = 'Deskapp' AND r.kind = 'create' "
        "AND r.parent_id IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.article_id = a.id) "
        "AND NOT EXISTS (SELECT 1 FROM status_events e WHERE e.article_id = a.id)").fetchall()
    for article_id, title in rows:
        if title == wanted.title:
            return str(article_id)
        if title in WELCOME_TITLES.values():
            new = library.create(wanted, author="Deskapp")
            library.trash(article_id)
            library.purge(article_id)
            return new.id
    return None


def _daily_backup(library: Library) -> None:
    """Today's backup, if none yet. A failed backup must not keep the user from writing."""
    from deskapp.store.backup import ensure_daily_backup

    try:
        ensure_daily_backup(library)
    except LibraryError as exc:
        logging.getLogger(__name__).warning("daily backup skipped: %s", exc)


def current_user(library: Library) -> str:
    """The name recorded on revisions: the profile name, else the login name."""
    return library.get_setting("user_name") or _login_name()


def user_at(library_path: Path | str) -> str:
    """:func:`current_user` of the library at ``library_path``, read without opening it.

    For commands that only need the name (``deskapp export FILE``): a missing
    library is not created, and the login name is used.
    """
    return peek_setting(library_path, "user_name") or _login_name()


def _login_name() -> str:
    # The variables getpass.getuser() reads first, in its order: importing
    # getpass (and termios) is left to a system that sets none of them.
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        name = os.environ.get(variable)
        if name:
            return name
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def import_into(
    library: Library,
    path: Path | str,
    confirm: Callable[[str, Detection], bool] | None = None,
) -> Article:
    """Import one file as a new article (one revision of kind ``import``).

    A file in a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) is
    converted only when the detector is sure of every byte, and only if
    ``confirm(file name, detection)`` agrees (it sees what will change);
    otherwise the file is refused and nothing is stored. Unicode text written
    the old way (VIQR, or TCVN3/VNI misread as Latin-1 and saved again) is
    converted the same way when the detector is sure; declined, it is
    imported as it is, since it is readable text.
    """
    from deskapp.exchange.importers import import_file
    from deskapp.model import RevisionKind
    from deskapp.text.legacy import detect

    name = Path(path).name

    def legacy(data: bytes) -> str | None:
        found = detect(data)
        if not found.confident or found.text is None or found.encoding in ("utf8", "nfd"):
            return None  # nothing to convert (decomposed text is only recomposed)
        if confirm is not None and not confirm(name, found):
            if _is_utf8(data):
                return None  # readable as it is: keep it as written
            raise ImportRejected("conversion_declined", name=name, encoding=found.encoding)
        return found.text

    article = import_file(Path(path), legacy=legacy).to_article()
    return library.create(article, kind=RevisionKind.IMPORT, author=current_user(library))


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def import_package(library: Library, path: Path | str, *,
                   unsaved_article_ids: Collection[str] = ()) -> MergeResult:
    """Read, check and merge an article package (``.deskpkg``) in one transaction.

    A refused package raises :class:`ImportRejected` before the library is
    touched; ``unsaved_article_ids`` are articles open with pending edits,
    which are never overwritten (see :mod:`deskapp.exchange.merge`).
    """
    from deskapp.exchange.merge import apply_package
    from deskapp.exchange.package import read_package

    return apply_package(library, read_package(path), unsaved_article_ids=unsaved_article_ids)


def is_package(path: Path | str) -> bool:
    from deskapp.exchange.package import PACKAGE_SUFFIX

    return Path(path).suffix.casefold() == PACKAGE_SUFFIX


@dataclass(frozen=True)
class ImportOutcome:
    """One file of a batch: the new article or the merge result, or the error that refused it."""

    path: Path
    article: Article | None = None
    merge: MergeResult | None = None
    error: DeskappError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def article_id(self) -> str | None:
        if self.merge is not None:
            return self.merge.article_id
        return self.article.id if self.article is not None else None


def import_many(
    library: Library,
    paths: Sequence[Path | str],
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    confirm: Callable[[str, Detection], bool] | None = None,
    unsaved_article_ids: Collection[str] = (),
) -> list[ImportOutcome]:
    """Import many files, each in its own transaction; a bad file is reported, not fatal.

    ``progress(done, total, name)`` is called before each file and once at the
    end; ``cancelled()`` is asked before each file, and a cancelled batch keeps
    what was already imported. Meant to run off the UI thread.
    """
    outcomes: list[ImportOutcome] = []
    total = len(paths)
    for done, raw in enumerate(paths):
        path = Path(raw)
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, total, path.name)
        outcomes.append(_import_one(library, path, confirm, unsaved_article_ids))
    if progress is not None:
        progress(len(outcomes), total, "")
    return outcomes


def _import_one(library: Library, path: Path,
                confirm: Callable[[str, Detection], bool] | None,
                unsaved_article_ids: Collection[str]) -> ImportOutcome:
    try:
        if is_package(path):
            return ImportOutcome(path, merge=import_package(
                library, path, unsaved_article_ids=unsaved_article_ids))
        return ImportOutcome(path, article=import_into(library, path, confirm))
    except DeskappError as error:
        return ImportOutcome(path, error=error)
