"""Clean up news copy pasted from a web page into a draft article.

A reporter who selects an article in a browser and copies it brings along
what the page wrapped around it: non-breaking spaces used for layout, a
source credit glued to the first sentence ("(kontumtv.vn) – Ban chỉ đạo…"),
a right-aligned byline padded with dozens of spaces, and the site's comment
form ("Trả lời", "Email của bạn sẽ không được hiển thị công khai…"), share
buttons and lists of related articles. :func:`clean_web_copy` sorts that
into a :class:`Draft`:

* spaces: every space-like character becomes a plain space, runs collapse to
  one, lines are stripped; a paragraph is a block of lines between blank
  lines, its line breaks joined with a space (web copy breaks lines where the
  browser wrapped them, not where the writer did);
* the parenthesised credit at the very start of the article, followed by a
  dash, becomes ``source`` (site navigation copied above it is furniture and
  does not count);
* paragraphs made only of web furniture are dropped, anywhere; a paragraph
  that merely *mentions* "trả lời" or "bình luận" in a sentence is body text
  and stays. ``Tags:`` / ``Từ khóa:`` lines become ``tags``. A list of
  related headlines after a "Tin liên quan" heading at the end goes too;
* the last paragraph becomes ``byline`` when it is short and shaped like a
  name ("Thanh Tùng – Công Luận", "Minh Hà (TTXVN)", "PV"); a paragraph that
  the page right-aligned with many leading spaces is taken as a byline even
  when its shape is unusual;
* the rest, in order, is the Markdown ``body``, escaped so that it renders
  exactly as it was written.

Two things are deliberately *not* done. No headline is invented: ``title``
stays empty and the editor asks for one, because a guessed headline is worse
than an honest blank. And the first paragraph is not moved into ``lead``:
moving text between fields without the reporter's choice surprises people
(their first paragraph "disappears" from the body); the UI can offer the move
as one click.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from deskapp.exchange.decode import tidy_text
from deskapp.exchange.draft import Draft
from deskapp.text import clean_spaces

__all__ = ["Draft", "clean_web_copy", "escape_markdown", "is_boilerplate", "parse_tags"]


# --------------------------------------------------------------------------
# Lines and paragraphs


@dataclass(frozen=True)
class _Line:
    text: str  # cleaned: single spaces, stripped
    indent: int  # leading blank columns in the source (a tab counts 4)


@dataclass
class _Paragraph:
    lines: list[_Line]

    @functools.cached_property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def indent(self) -> int:
        return self.lines[0].indent


# Space-like characters that clean_spaces leaves alone, and invisible ones.
_EXTRA_SPACES = str.maketrans(
    {"\t": " ", "\u1680": " ", "\u205f": " ", "\u180e": " ", "\u00ad": None, "\u2060": None}
)
_LEADING_BLANKS = re.compile(r"^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]*")


def _to_line(raw: str) -> _Line:
    lead = _LEADING_BLANKS.match(raw)
    prefix = lead.group() if lead else ""
    indent = sum(4 if ch == "\t" else 1 for ch in prefix)
    return _Line(clean_spaces(raw.translate(_EXTRA_SPACES)), indent)


def _blocks(text: str) -> list[list[_Line]]:
    """Group the lines of ``text`` into blocks separated by blank lines."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for raw in text.split("\n"):
        line = _to_line(raw)
        if line.text:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _split_block(lines: list[_Line]) -> list[_Paragraph]:
    """Join a block into paragraphs, keeping web furniture on its own lines apart.

    A line such as "Trả lời" or "Tags: a, b" inside a block is separated only
    when it stands alone: the line before it ends a sentence and the line
    after it does not continue in lower case. A hard-wrapped sentence that
    happens to break at "trả lời" stays whole.
    """
    paragraphs: list[_Paragraph] = []
    current: list[_Line] = []
    for i, line in enumerate(lines):
        before = lines[i - 1].text if i else None
        after = lines[i + 1].text if i + 1 < len(lines) else None
        if _stands_alone(line.text, before, after):
            if current:
                paragraphs.append(_Paragraph(current))
                current = []
            paragraphs.append(_Paragraph([line]))
        else:
            current.append(line)
    if current:
        paragraphs.append(_Paragraph(current))
    return paragraphs


def _stands_alone(text: str, before: str | None, after: str | None) -> bool:
    if not (is_boilerplate(text) or parse_tags(text) is not None):
        return False
    if before is not None and not (_ends_sentence(before) or is_boilerplate(before)):
        return False
    return after is None or not after[:1].islower()


def _paragraphs(text: str) -> list[_Paragraph]:
    return [p for block in _blocks(text) for p in _split_block(block)]


# --------------------------------------------------------------------------
# Source credit

# "(kontumtv.vn) –", "(TTXVN) -", "(Báo Kon Tum) —", "(baokontum.com.vn)-"
_SOURCE_CREDIT = re.compile(r"^\(\s*([^()]{1,60}?)\s*\)\s*[-–—‒―]\s*")


def _take_source(paragraphs: list[_Paragraph]) -> tuple[str, list[_Paragraph]]:
    """Remove the credit that opens the first paragraph and return it."""
    if not paragraphs:
        return "", paragraphs
    first = paragraphs[0].lines[0]
    match = _SOURCE_CREDIT.match(first.text)
    if not match:
        return "", paragraphs
    rest = first.text[match.end() :]
    lines = paragraphs[0].lines[1:]
    if rest:
        lines = [_Line(rest, first.indent), *lines]
    remaining = ([_Paragraph(lines)] if lines else []) + paragraphs[1:]
    return match.group(1), remaining


# --------------------------------------------------------------------------
# Boilerplate

_BOILERPLATE_PATTERNS = (
    # comment forms (WordPress and friends, Vietnamese and English)
    r"trả lời|(hủy|huỷ) trả lời|reply|cancel reply|leave a (reply|comment)|post comment",
    r"comments?|(\d+ )?bình luận( \(\d+\))?|\d+ (lượt xem|lượt thích|lượt chia sẻ|views?|likes?)",
    r"(để lại|gửi|viết|thêm) (một )?(bình luận|ý kiến|phản hồi)( của bạn)?",
    r"(ý kiến|phản hồi) (bạn đọc|của bạn)|gửi ý kiến",
    r"(email|thư điện tử|địa chỉ email) của bạn sẽ không được (hiển|hiện) thị công khai",
    r"các trường bắt buộc được đánh dấu|your email address will not be published",
    r"required fields are marked",
    r"trang web|website",
    r"lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp"
    r" của tôi",
    r"save my name, email, and website in this browser for the next time i comment",
    r"bạn (phải|cần) đăng nhập để (gửi|đăng|viết) (một )?bình luận",
    # accounts and navigation
    r"đăng nhập|đăng ký|đăng xuất|log ?in|sign (in|up)|register",
    r"(về|lên|quay về|trở về|quay lại) đầu trang|quay lại|trở về|trang chủ|back to top",
    # related articles
    r"(bài viết|tin|bài) liên quan|tin cùng chuyên mục|(các )?tin khác|xem thêm|đọc thêm",
    r"tin mới( nhất)?|(tin )?đọc nhiều( nhất)?|tin nổi bật",
    r"related (posts|articles|news|stories)|read more|see also|you may also like",
    # share and print buttons, alone or in a row
    r"(((chia sẻ|share)( bài viết| bài| qua| lên| on| this)*|facebook|zalo|twitter|linkedin"
    r"|pinterest|e-?mail|messenger|telegram|tweet|print|in|in bài( viết)?|bản in"
    r"|gửi (bài|email)|lưu( bài( viết)?)?|like|thích|theo dõi|follow|copy link"
    r"|sao chép (liên kết|link))( ?[|·,/:] ?| )?)+",
)
_BOILERPLATE = re.compile("|".join(f"(?:{p})" for p in _BOILERPLATE_PATTERNS))

# A pointer to another article in the middle of the copy: "Xem thêm: <tít>".
_TEASER = re.compile(
    r"(xem thêm|đọc thêm|(bài viết|tin|bài) liên quan|read more|see also|related)"
    r"\s*[:>»]+\s*(?P<headline>.+)"
)
# Labels of comment-form fields, recognised by their "required" star ("Tên *"):
# without the star, "Nội dung" could be a subheading.
_FORM_LABEL = re.compile(r"(tên|họ tên|họ và tên|email|nội dung|bình luận|name|comment) ?\*")
_LIST_HEADING = re.compile(
    r"(bài viết|tin|bài) liên quan|tin cùng chuyên mục|(các )?tin khác|xem thêm|đọc thêm"
    r"|tin mới( nhất)?|(tin )?đọc nhiều( nhất)?|related (posts|articles|news|stories)"
    r"|read more|you may also like|more stories"
)

_EDGE_JUNK = " \t:*.…»›>|•·▶►-–—"
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_ROW_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+/\s+")  # a row of links: "Đăng nhập | Đăng ký"
_MAX_BOILERPLATE_WORDS = 40
_MAX_BOILERPLATE_CHARS = 400  # longer text is prose; skip the regular expressions


def _key(text: str) -> str:
    """Lower-cased text without the bullets, colons and stars that decorate buttons."""
    return " ".join(text.casefold().split()).strip(_EDGE_JUNK)


@functools.lru_cache(maxsize=1024)
def is_boilerplate(text: str) -> bool:
    """True when ``text`` (one paragraph) is nothing but web-page furniture.

    Every sentence of the paragraph, and every item of a row of links
    ("Đăng nhập | Đăng ký"), must be furniture: "Email của bạn sẽ
    không được hiển thị công khai. Các trường bắt buộc được đánh dấu *" is,
    "Trả lời phóng viên, ông Quý cho biết…" is not.
    """
    if len(text) > _MAX_BOILERPLATE_CHARS:
        return False
    key = _key(text)
    if not key or len(key.split()) > _MAX_BOILERPLATE_WORDS:
        return False
    if _is_teaser(key) or _FORM_LABEL.fullmatch(" ".join(text.casefold().split())):
        return True
    pieces = [_key(p) for s in _SENTENCE_BREAK.split(key) for p in _ROW_SEPARATOR.split(s)]
    return all(_BOILERPLATE.fullmatch(p) for p in pieces if p)


def _is_teaser(key: str) -> bool:
    match = _TEASER.fullmatch(key)
    if not match:
        return False
    headline = match.group("headline")
    return len(headline.split()) <= 25 and not headline.endswith(".")


# "Tags: quy chế dân chủ, Kon Tum" / "Từ khóa: …" / "Thẻ: …"
_TAGS_LINE = re.compile(r"(?:tags?|từ khóa|từ khoá|thẻ|keywords?)\s*[:：]\s*(.*)", re.IGNORECASE)
_TAG_SEPARATORS = re.compile(r"\s*[,;|·•]\s*")
_MAX_TAG_WORDS = 6


def parse_tags(text: str) -> list[str] | None:
    """The tags of a "Tags: a, b" paragraph, or ``None`` if it is not one.

    Items must be short and must not end a sentence, so a body sentence that
    starts "Từ khóa: minh bạch là điều…" is not mistaken for a tag list.
    """
    match = _TAGS_LINE.fullmatch(text.strip())
    if not match:
        return None
    items = [item.strip().lstrip("#").strip() for item in _TAG_SEPARATORS.split(match.group(1))]
    items = [item for item in items if item]
    if any(len(item.split()) > _MAX_TAG_WORDS or _ends_sentence(item) for item in items):
        return None
    return list(dict.fromkeys(items))


def _take_tags(paragraphs: list[_Paragraph]) -> tuple[list[str], list[_Paragraph]]:
    tags: list[str] = []
    kept: list[_Paragraph] = []
    for paragraph in paragraphs:
        found = parse_tags(paragraph.text)
        if found is None:
            kept.append(paragraph)
        else:
            tags.extend(t for t in found if t not in tags)
    return tags, kept


def _drop_related_tail(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Cut a trailing "Tin liên quan" heading and the headlines listed under it.

    Only when everything after the heading looks like a headline or
    furniture: a heading in mid-article followed by more prose is left to
    the ordinary rules. One pass from the end finds where that trailing run
    of headlines starts.
    """
    start = len(paragraphs)
    while start > 0 and _is_listed(paragraphs[start - 1].text):
        start -= 1
    for i in range(max(start - 1, 1), len(paragraphs)):
        if _LIST_HEADING.fullmatch(_key(paragraphs[i].text)):
            return paragraphs[:i]
    return paragraphs


def _is_listed(text: str) -> bool:
    return _is_headline_like(text) or is_boilerplate(text)


def _is_headline_like(text: str) -> bool:
    return len(text.split()) <= 30 and not text.rstrip().endswith((".", ";", ":"))


# --------------------------------------------------------------------------
# Byline

_SENTENCE_END = (".", "!", "?", ":", ";", "…")
_CLOSERS = "\"'”’»)]"
_BYLINE_MAX_WORDS = 8
_BYLINE_MAX_CHARS = 60
_RIGHT_ALIGNED = 8  # leading blank columns that mean "pushed to the right"
_BYLINE_CONNECTORS = frozenset({"và", "and", "theo", "của", "bài", "ảnh", "tin", "nhóm", "by"})


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_END)


def _looks_like_byline(line: _Line | _Paragraph) -> bool:
    """Short, unpunctuated, and either right-aligned or shaped like names."""
    text = line.text
    if len(text) > _BYLINE_MAX_CHARS or len(text.split()) > _BYLINE_MAX_WORDS:
        return False
    if _ends_sentence(text):
        return False
    return line.indent >= _RIGHT_ALIGNED or _name_shaped(text)


def _name_shaped(text: str) -> bool:
    """Capitalised words ("Thanh Tùng – Công Luận", "Minh Hà (TTXVN)", "PV").

    Dashes, commas and a few linking words ("và", "theo", "ảnh") may sit
    between the names; digits may not (a date is not a byline).
    """
    capitals = 0
    for token in text.split():
        word = token.strip("()[]\"'“”‘’,:;/&")
        if any(ch.isdigit() for ch in word):
            return False
        if not any(ch.isalpha() for ch in word) or word.casefold() in _BYLINE_CONNECTORS:
            continue
        if not word[0].isupper():
            return False
        capitals += 1
    return capitals > 0


def _take_byline(paragraphs: list[_Paragraph]) -> tuple[str, list[_Paragraph]]:
    """Take the byline from the end of the copy, leaving at least one paragraph.

    The byline is the last paragraph, or the last line of the last paragraph
    when the line before it ends a sentence (copy where the credit sits on
    the line after the last sentence with no blank line between).
    """
    if not paragraphs:
        return "", paragraphs
    last = paragraphs[-1]
    if len(paragraphs) > 1 and _looks_like_byline(last):
        return last.text, paragraphs[:-1]
    if len(last.lines) > 1:
        final, previous = last.lines[-1], last.lines[-2]
        if _ends_sentence(previous.text) and _looks_like_byline(final):
            return final.text, [*paragraphs[:-1], _Paragraph(last.lines[:-1])]
    return "", paragraphs


# --------------------------------------------------------------------------
# Markdown escaping

_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<&]")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_TAG_START = re.compile(r"[A-Za-z/!?]")
_BLOCK_STARTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^([#>])"), r"\\\1"),  # heading, quote
    (re.compile(r"^([-+])(?=\s|$)"), r"\\\1"),  # bullet list
    (re.compile(r"^-(?=[ -]*-[ -]*-[ -]*$)"), r"\\-"),  # rule: --- or - - -
    (re.compile(r"^(\d+)\.(?=\s|$)"), r"\1\\."),  # numbered list: "2014. Năm…"
    (re.compile(r"^:(?=\s)"), "&#58;"),  # definition (Markdown "extra")
    (re.compile(r"^~(?=~~)"), "&#126;"),  # fenced code (no backslash escape exists)
)


def escape_markdown(text: str) -> str:
    """Escape plain ``text`` so Markdown shows it literally, and no more.

    Characters that start emphasis, code, links or HTML are escaped
    everywhere (``\\ ` * _ [ ] <``, and ``&`` only before an entity name);
    ``_`` inside a word (``file_name``) and ``<`` before a space are safe
    and left alone. A line that would start a heading, quote, list, rule,
    definition or fence has its first character escaped. ``<``, ``:`` and
    ``~`` use character references because Python-Markdown has no backslash
    escape for them.
    """
    lines = [_escape_inline(line) for line in text.split("\n")]
    return "\n".join(_escape_block_start(line) for line in lines)


def _escape_inline(line: str) -> str:
    return _INLINE_SPECIAL.sub(_escape_char, line)


def _escape_char(match: re.Match[str]) -> str:
    ch, text, at = match.group(), match.string, match.start()
    if ch == "_":
        inside_word = 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()
        return ch if inside_word else "\\_"
    if ch == "<":
        return "&lt;" if _TAG_START.match(text, at + 1) else ch
    if ch == "&":
        return "&amp;" if _ENTITY.match(text, at) else ch
    return "\\" + ch


def _escape_block_start(line: str) -> str:
    for pattern, replacement in _BLOCK_STARTS:
        escaped, count = pattern.subn(replacement, line, count=1)
        if count:
            return escaped
    return line


# --------------------------------------------------------------------------


def clean_web_copy(text: str) -> Draft:
    """Turn text copied from a news web page into a :class:`Draft` (see module notes)."""
    paragraphs = _paragraphs(tidy_text(text))
    tags, paragraphs = _take_tags(paragraphs)
    paragraphs = _drop_related_tail(paragraphs)
    paragraphs = [p for p in paragraphs if not is_boilerplate(p.text)]
    source, paragraphs = _take_source(paragraphs)
    byline, paragraphs = _take_byline(paragraphs)
    body = "\n\n".join(escape_markdown(p.text) for p in paragraphs)
    return Draft(body=body, byline=byline, source=source, tags=tags)
