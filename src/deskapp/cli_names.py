"""The copy desk's commands: ``deskapp names`` and ``deskapp house-style``.

``names list`` shows the newsroom's name register (``--json`` for tools);
``add``, ``remove`` and ``fill`` (from the approved articles) change it and are
for editors, as in the window. ``house-style`` shows the proofing choices the
rules leave to the newsroom (setting ``proof_style``) and, for an editor, sets
one. Kept beside :mod:`deskapp.cli`, which registers the commands.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from deskapp.messages import message

KIND_CHOICES = ("person", "body", "place")


def add_parser(commands: Any) -> None:
    names = commands.add_parser(
        "names", help="the newsroom's name register: people, bodies and places with their "
        "approved spelling (proofing flags any other spelling)")
    actions = names.add_subparsers(dest="names_command", required=True)
    listing = actions.add_parser("list", help="list the register: name, kind, note")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add = actions.add_parser("add", help="register a name (or change its spelling, kind, note)")
    add.add_argument("name")
    add.add_argument("--kind", choices=KIND_CHOICES, default="person")
    add.add_argument("--note", default="")
    remove = actions.add_parser("remove", help="take a name out of the register")
    remove.add_argument("name")
    actions.add_parser("fill", help="register the names the approved articles use "
                                    "(those not in the register yet)")
    style = commands.add_parser(
        "house-style", help="show the newsroom's proofing choices, or set one "
        f"({', '.join(STYLE_CHOICES)})")
    style.add_argument("key", nargs="?", choices=tuple(STYLE_CHOICES))
    style.add_argument("value", nargs="?")


STYLE_CHOICES: dict[str, tuple[str, ...]] = {
    "unit_in_full_name": ("lower", "upper", "either"),
    "state_words": ("upper", "either"),
    "dates": ("slash", "dash", "either"),
    "thousands": (".", "none"),
    "decimal": (",", "none"),
    "punctuation_spacing": ("on", "off"),
}


def house_style_command(args: argparse.Namespace, library: Any) -> int:
    """Print each choice (``key\tvalue``), or set ``key`` to ``value`` (editors)."""
    from dataclasses import asdict

    from deskapp.errors import DeskappError
    from deskapp.proof.house import house_style

    if args.key is not None and args.value is not None:
        if args.value not in STYLE_CHOICES[args.key]:
            raise DeskappError("style_value_invalid", key=args.key, value=args.value,
                               choices=", ".join(STYLE_CHOICES[args.key]))
        if (library.get_setting("role") or "reporter") != "editor":
            raise DeskappError("names_editor_only")
        try:
            stored = json.loads(library.get_setting("proof_style") or "{}")
        except ValueError:
            stored = {}
        stored = stored if isinstance(stored, dict) else {}
        value: Any = {"none": "", "on": True, "off": False}.get(args.value, args.value)
        stored[args.key] = value
        library.set_setting("proof_style", json.dumps(stored, ensure_ascii=False))
    current = asdict(house_style(library.get_setting))
    for key in STYLE_CHOICES:
        if args.key in (None, key):
            value = current[key]
            shown = ("on" if value else "off") if isinstance(value, bool) else (value or "none")
            print(f"{key}\t{shown}")
    return 0


def run(args: argparse.Namespace, library: Any) -> int:
    from deskapp.desk.register import fill_from_approved
    from deskapp.store.names import entries, remove_name, set_name
    from deskapp.workspace import current_user

    command = args.names_command
    if command == "list":
        found = entries(library)
        if args.json:
            print(json.dumps([{"name": e.name, "kind": e.kind, "note": e.note,
                               "updated_at": e.updated_at, "updated_by": e.updated_by}
                              for e in found], ensure_ascii=False, indent=2))
        else:
            for e in found:
                print("\t".join((e.name, e.kind, e.note)).rstrip("\t"))
        return 0
    from deskapp.errors import DeskappError

    if (library.get_setting("role") or "reporter") != "editor":
        raise DeskappError("names_editor_only")
    user = current_user(library)
    if command == "add":
        entry = set_name(library, args.name, kind=args.kind, note=args.note, user=user)
        print(message("names_added", name=entry.name))
    elif command == "remove":
        if not remove_name(library, args.name, user=user):
            raise DeskappError("names_unknown", name=args.name)
        print(message("names_removed", name=args.name))
    else:
        added = fill_from_approved(library, user=user)
        for entry in added:
            print(f"{entry.name}\t{entry.kind}")
        print(message("names_filled", count=len(added)))
    return 0


def command(args: argparse.Namespace, library_path: Path, opener: Any) -> int:
    library = opener(library_path)
    try:
        if args.command == "house-style":
            return house_style_command(args, library)
        return run(args, library)
    finally:
        library.close()
