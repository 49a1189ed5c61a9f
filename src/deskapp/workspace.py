"""Operations shared by the command line and the GUI: they only compose the core."""

from __future__ import annotations

import getpass
from pathlib import Path

from deskapp.exchange import import_file
from deskapp.model import Article, RevisionKind
from deskapp.store import Library
from deskapp.welcome import welcome_article


def open_library(path: Path | str) -> Library:
    """Open the library at ``path``; a new library starts with the welcome article."""
    library = Library.open(path)
    if library.is_empty() and library.get_setting("welcomed") is None:
        library.create(welcome_article(), author="Deskapp")
        library.set_setting("welcomed", "1")
    return library


def current_user(library: Library) -> str:
    """The name recorded on revisions: the profile name, else the login name."""
    name = library.get_setting("user_name")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def import_into(library: Library, path: Path | str) -> Article:
    """Import one file as a new article (one revision of kind ``import``)."""
    article = import_file(Path(path)).to_article()
    return library.create(article, kind=RevisionKind.IMPORT, author=current_user(library))
