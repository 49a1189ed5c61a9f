"""Import a file from disk, or a paste, as a :class:`~deskapp.exchange.webcopy.Draft`.

Plain text (``.txt`` or no suffix) is treated as copy from a web page or a
word processor and goes through :func:`~deskapp.exchange.webcopy.clean_web_copy`.
Markdown (``.md``, ``.markdown``) was written for Deskapp or a similar tool,
so its body is kept as written: only NFC and trailing spaces are tidied, and
an optional front matter block fills the other fields::

    ---
    tít: Hội nghị tổng kết quy chế dân chủ
    sapo: Ban chỉ đạo tỉnh đánh giá kết quả năm 2013.
    tác giả: Thanh Tùng – Công Luận
    nguồn: kontumtv.vn
    chuyên mục: Thời sự
    tags: [dân chủ, Kon Tum]
    ---

The front matter is read as simple ``key: value`` lines (not full YAML, to
stay free of a YAML dependency and of YAML's surprises such as ``no`` turning
into ``False``). A leading ``---`` block that is not made of such lines is a
horizontal rule and stays in the body.

Stripping trailing spaces also drops Markdown's "two spaces at the end of a
line" hard break; a reporter's file almost never means one, and trailing
spaces are otherwise invisible noise that proofing would flag. A backslash at
the end of a line still makes a hard break.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from deskapp.errors import ImportRejected
from deskapp.exchange.decode import LegacyDecoder, check_paste, read_text_file
from deskapp.exchange.draft import Draft

__all__ = ["IMPORTABLE_SUFFIXES", "draft_from_paste", "import_file", "parse_markdown_file"]

_TEXT_SUFFIXES = frozenset({"", ".txt"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

IMPORTABLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".docx", ".html", ".htm")
"""Suffixes for a file dialog's filter; a file with no suffix is imported as text too."""

# Front matter key (lower case) -> Draft field. Vietnamese names from the glossary.
_FIELD_FOR_KEY = {
    "title": "title",
    "tít": "title",
    "tiêu đề": "title",
    "lead": "lead",
    "sapo": "lead",
    "byline": "byline",
    "author": "byline",
    "tác giả": "byline",
    "bút danh": "byline",
    "source": "source",
    "nguồn": "source",
    "section": "section",
    "chuyên mục": "section",
    "tags": "tags",
    "tag": "tags",
    "từ khóa": "tags",
    "từ khoá": "tags",
}

_FENCES = ("---", "...")
_KEY_VALUE = re.compile(r"(?P<key>[^\W\d][\w -]{0,29}?)\s*:\s*(?P<value>.*)")
_LIST_ITEM = re.compile(r"\s*-\s+(?P<item>.*)")
_BLOCK_INDICATORS = frozenset({"|", ">", "|-", ">-", "|+", ">+"})


def import_file(path: str | os.PathLike[str], *, legacy: LegacyDecoder | None = None) -> Draft:
    """Read the file at ``path`` and turn it into a draft, choosing by its suffix.

    Raises :class:`ImportRejected` with ``file_unsupported`` for other kinds
    of file (before reading them), or any code of
    :func:`~deskapp.exchange.decode.read_text_file`; and
    :class:`~deskapp.limits.LimitExceeded` when the result passes a limit of
    :mod:`deskapp.limits`, so an article that imports also renders and exports.
    """
    from deskapp.limits import check_article

    draft = _import_file(Path(path), legacy)
    check_article(draft)  # what imports also previews, prints and exports
    return draft


def _import_file(path: Path, legacy: LegacyDecoder | None) -> Draft:
    suffix = path.suffix.casefold()
    if suffix in _TEXT_SUFFIXES:
        from deskapp.exchange.webcopy import clean_web_copy

        return clean_web_copy(read_text_file(path, legacy=legacy))
    if suffix in _MARKDOWN_SUFFIXES:
        return parse_markdown_file(read_text_file(path, legacy=legacy))
    if suffix == ".docx":
        from deskapp.exchange.docx_import import import_docx

        return import_docx(path)
    if suffix in _HTML_SUFFIXES:
        from deskapp.exchange.html_import import extract_article

        return extract_article(read_text_file(path, legacy=legacy), name=path.name)
    raise ImportRejected("file_unsupported", name=path.name)


def draft_from_paste(text: str) -> Draft:
    """A draft from pasted text: size check, NFC, web copy cleanup, then the limits."""
    from deskapp.exchange.webcopy import clean_web_copy
    from deskapp.limits import check_article

    draft = clean_web_copy(check_paste(text))
    check_article(draft)
    return draft


def parse_markdown_file(text: str) -> Draft:
    """A draft from the text of a Markdown file: front matter fields and the body as written.

    When no front matter gives the headline and the body opens with a level-one
    heading (``# Hội nghị tổng kết``, or the text underlined with ``===``), that
    heading is the headline and leaves the body, so proofing, the preview and
    the PDF show it once, as the headline.
    """
    fields, body = _split_front_matter(text)
    draft = Draft(body=_tidy_markdown(body))
    for key, value in fields.items():
        name = _FIELD_FOR_KEY.get(key)
        if name == "tags":
            draft.tags = _as_tags(value)
        elif name is not None:
            setattr(draft, name, value if isinstance(value, str) else ", ".join(value))
    if not draft.title.strip():
        heading, rest = _leading_heading(draft.body)
        if heading:
            draft.title, draft.body = heading, rest
    return draft


_ATX_H1 = re.compile(r" {0,3}#[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*")
_SETEXT_H1 = re.compile(r" {0,3}=+[ \t]*")
_INLINE_MARKS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def _leading_heading(body: str) -> tuple[str, str]:
    """The text of the level-one heading that opens ``body`` (if any), and the rest."""
    lines = body.split("\n")
    first = lines[0] if lines else ""
    match = _ATX_H1.fullmatch(first)
    if match:
        heading, rest = match["text"], lines[1:]
    elif (len(lines) > 1 and first.strip() and not first.startswith("    ")
          and _SETEXT_H1.fullmatch(lines[1])):
        heading, rest = first.strip(), lines[2:]
    else:
        return "", body
    # Escaped characters (\*) are kept aside while the emphasis marks go.
    hidden = _ESCAPED.sub(lambda m: chr(0xE000 + ord(m[1])), heading)
    plain = _INLINE_MARKS.sub(r"\2", hidden)
    heading = "".join(chr(ord(ch) - 0xE000) if 0xE000 <= ord(ch) < 0xE080 else ch
                      for ch in plain).strip()
    return heading, "\n".join(rest).strip("\n") if heading else body


def _split_front_matter(text: str) -> tuple[dict[str, str | list[str]], str]:
    """Split ``---``-fenced front matter from the body; no front matter gives ``{}``."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].rstrip() in _FENCES:
            fields = _parse_fields(lines[1:end])
            if fields is None:
                return {}, text
            return fields, "\n".join(lines[end + 1 :])
    return {}, text


def _parse_fields(lines: list[str]) -> dict[str, str | list[str]] | None:
    """Parse ``key: value`` lines; ``None`` when a line is not of that shape.

    Also understood: ``- item`` lines under a key (a list), indented lines
    continuing the previous value, ``#`` comments and blank lines.
    """
    fields: dict[str, str | list[str]] = {}
    key: str | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.fullmatch(line)
        if item and key is not None:
            previous = fields[key]
            items = ([previous] if previous else []) if isinstance(previous, str) else previous
            fields[key] = [*items, item["item"].strip()]
            continue
        if line[:1].isspace() and key is not None and isinstance(fields[key], str):
            fields[key] = f"{fields[key]} {line.strip()}".strip()
            continue
        match = _KEY_VALUE.fullmatch(line.rstrip())
        if not match:
            return None
        key = " ".join(match["key"].casefold().split())
        value = match["value"].strip()
        fields[key] = "" if value in _BLOCK_INDICATORS else _unquote(value)
    return fields


def _as_tags(value: str | list[str]) -> list[str]:
    """Tags from "a, b", "[a, b]" or a list of ``- item`` lines, without duplicates."""
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("[") and value.endswith("]"):
            value = value[1:-1]
        value = value.split(",")
    tags = [_unquote(tag.strip()) for tag in value]
    return list(dict.fromkeys(tag for tag in tags if tag))


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _tidy_markdown(body: str) -> str:
    """Strip trailing spaces from every line and blank lines from both ends."""
    return "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")
