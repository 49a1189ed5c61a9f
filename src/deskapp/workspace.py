"""Operations shared by the command line and the GUI: they only compose the core."""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from pathlib import Path

from deskapp.errors import ImportRejected, LibraryError
from deskapp.exchange import import_file
from deskapp.model import Article, RevisionKind
from deskapp.store import Library, default_library_path
from deskapp.store.backup import ensure_daily_backup
from deskapp.text.legacy import Detection, detect
from deskapp.welcome import welcome_article


def user_presets_dir() -> Path:
    """Where a newsroom puts its own print presets (``NAME.json``), beside the library."""
    return default_library_path().parent / "presets"


def open_library(path: Path | str) -> Library:
    """Open the library at ``path``; a new library starts with the welcome article."""
    library = Library.open(path)
    if library.is_empty() and library.get_setting("welcomed") is None:
        library.create(welcome_article(), author="Deskapp")
        library.set_setting("welcomed", "1")
    _daily_backup(library)
    return library


def _daily_backup(library: Library) -> None:
    """Today's backup, if none yet. A failed backup must not keep the user from writing."""
    try:
        ensure_daily_backup(library)
    except LibraryError as exc:
        logging.getLogger(__name__).warning("daily backup skipped: %s", exc)


def current_user(library: Library) -> str:
    """The name recorded on revisions: the profile name, else the login name."""
    name = library.get_setting("user_name")
    if name:
        return name
    try:
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
    otherwise the file is refused and nothing is stored.
    """
    name = Path(path).name

    def legacy(data: bytes) -> str | None:
        found = detect(data)
        if not found.confident or found.text is None:
            return None
        if confirm is not None and not confirm(name, found):
            raise ImportRejected("conversion_declined", name=name, encoding=found.encoding)
        return found.text

    article = import_file(Path(path), legacy=legacy).to_article()
    return library.create(article, kind=RevisionKind.IMPORT, author=current_user(library))
