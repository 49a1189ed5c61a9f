"""The newsroom's house style for proofing: its choices, its data files, its register.

``check`` takes a :class:`HouseStyle`; :func:`house_style` builds one from
the library's settings (any ``get_setting(key)`` callable) and the names the
library registered (:mod:`deskapp.store.names`). The data of the rules lives in
``resources/proof/*.toml`` (read once, :func:`rules_data`), so an editor
extends the lists without touching code, and a library adds its own entries
through settings.

Settings (text values in the library's ``settings`` table):

``proof_style``
    a JSON object of the choices the State's rules leave to the newsroom:
    ``unit_in_full_name`` ("lower": "Ủy ban nhân dân tỉnh Kon Tum", the
    default; "upper": "Ủy ban nhân dân Tỉnh Kon Tum"; "either"),
    ``state_words`` ("upper": "Nhà nước", "Nhân dân" when they mean the State
    and the People, the default; "either"), ``thousands`` ("." the default,
    or "" for no check), ``decimal`` ("," the default, or ""), ``dates``
    ("slash": 5/12/2026, the default; "dash": 5-12-2026; "either"),
    ``punctuation_spacing`` (true, the default).
``proof_capitals``
    a JSON list of extra capitalisation entries, each ``{"name": "Sở Y tế"}``
    (optionally ``"lower_too": true``), added to ``capitals.toml``.
``proof_misspellings``
    a JSON list of extra pairs ``{"wrong": …, "right": …, "source": …}``.
``proof_rules_off``
    a JSON list of rule names the newsroom does not want.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from deskapp.resources import resource_path
from deskapp.text import fold
from deskapp.text.tone_setting import style_setting

UNIT_CHOICES = ("lower", "upper", "either")
STATE_CHOICES = ("upper", "either")
DATE_CHOICES = ("slash", "dash", "either")


@dataclass(frozen=True)
class RegisteredName:
    """A name with its approved spelling: a person, a body or a place."""

    name: str
    kind: str = "person"  # person, body, place
    note: str = ""


@dataclass(frozen=True)
class HouseStyle:
    """What proofing needs to know about one newsroom (all optional)."""

    tone_style: str | None = None
    unit_in_full_name: str = "lower"
    state_words: str = "upper"
    thousands: str = "."
    decimal: str = ","
    dates: str = "slash"
    punctuation_spacing: bool = True
    extra_capitals: tuple[dict[str, Any], ...] = ()
    extra_misspellings: tuple[dict[str, Any], ...] = ()
    rules_off: frozenset[str] = frozenset()
    register: tuple[RegisteredName, ...] = field(default=(), hash=False)


DEFAULT = HouseStyle()


def house_style(get_setting: Callable[[str], str | None],
                register: tuple[RegisteredName, ...] = ()) -> HouseStyle:
    """The house style from settings read through ``get_setting`` (bad values: defaults)."""
    style = _json(get_setting("proof_style"), dict)
    return HouseStyle(
        tone_style=style_setting(get_setting("tone_style")),
        unit_in_full_name=_choice(style.get("unit_in_full_name"), UNIT_CHOICES),
        state_words=_choice(style.get("state_words"), STATE_CHOICES),
        thousands=_choice(style.get("thousands"), (".", "")),
        decimal=_choice(style.get("decimal"), (",", "")),
        dates=_choice(style.get("dates"), DATE_CHOICES),
        punctuation_spacing=style.get("punctuation_spacing", True) is not False,
        extra_capitals=tuple(e for e in _json(get_setting("proof_capitals"), list)
                             if isinstance(e, dict) and isinstance(e.get("name"), str)),
        extra_misspellings=tuple(
            e for e in _json(get_setting("proof_misspellings"), list)
            if isinstance(e, dict) and isinstance(e.get("wrong"), str)
            and isinstance(e.get("right"), str)),
        rules_off=frozenset(r for r in _json(get_setting("proof_rules_off"), list)
                            if isinstance(r, str)),
        register=register,
    )


def library_house_style(library: Any) -> HouseStyle:
    """The house style of an open :class:`~deskapp.store.Library`, its register included."""
    from deskapp.store.names import registered_names

    return house_style(library.get_setting, registered_names(library))


@lru_cache(maxsize=65536)  # an article repeats its words; folding is the cost
def word_key(word: str) -> str:
    """Folded word; a final i after a consonant or "qu" counts as y (Kì = Kỳ, Quí = Quý)."""
    folded = fold(word)
    if folded.endswith("i") and (len(folded) == 1 or folded[-2] not in "aeiouy"
                                 or folded.endswith("qui")):
        folded = folded[:-1] + "y"
    return folded


def name_key(name: str) -> str:
    """What two spellings of one name share: its words folded (:func:`word_key`)."""
    return " ".join(word_key(w) for w in name.split())


@cache
def rules_data(name: str) -> dict[str, Any]:
    """``resources/proof/<name>.toml`` parsed (once per process)."""
    with resource_path("proof", f"{name}.toml").open("rb") as stream:
        return tomllib.load(stream)


def _json(value: str | None, kind: type) -> Any:
    try:
        parsed = json.loads(value) if value else kind()
    except ValueError:
        return kind()
    return parsed if isinstance(parsed, kind) else kind()


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    return value if value in choices else choices[0]
