"""Which parts of a Markdown body proofing must leave alone.

Code (spans, fenced and indented blocks), URLs, link targets, e-mail
addresses and raw HTML tags are not prose: a straight quote in a code
sample or a double space in a URL is deliberate. :func:`mask` hides them
behind a placeholder of the same length, so every rule can run on the masked
text and still report offsets that are valid in the original.
"""

from __future__ import annotations

import re

# A private-use character: not a word character, not a space, not punctuation,
# so no rule matches it and no rule's pattern runs across it.
MASK = "\ue000"

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Every repeat below is bounded: an opening that never closes ("](" with no
# ")", a backtick run with no partner) would otherwise be read to the end of
# the text from each such opening, the square of the text in all. A code
# span cannot be longer than a paragraph (deskapp.limits), nor a URL or a
# link target longer than a few thousand characters.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.{1,20000}?)(?<!`)\1(?!`)", re.DOTALL)
_INLINE_PATTERNS = (
    _CODE_SPAN,
    re.compile(r"\]\([^)\n]{0,4000}\)"),  # link and image targets, titles included
    re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE),  # reference definitions
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]{1,4000}>"),  # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,100}(?:\s[^<>]{0,4000})?/?>"),  # raw HTML tags
    re.compile(r"(?:https?://|ftp://|www\.)[^\s<>()\[\]\"“”]{0,4000}[^\s<>()\[\]\"“”.,;:!?]"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail addresses
)


def mask(text: str, *, markdown: bool = True) -> str:
    """``text`` with code, URLs and tags replaced by :data:`MASK` (same length).

    With ``markdown=False`` (headline, lead, byline) only URLs and e-mail
    addresses are hidden: those fields are plain text.
    """
    chars = list(text)
    spans = _block_code_spans(text) if markdown else []
    patterns = _INLINE_PATTERNS if markdown else _INLINE_PATTERNS[-2:]
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text))
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = MASK
    return "".join(chars)


def _block_code_spans(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (fences included) and indented code blocks."""
    spans: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    fence_start = 0
    previous_blank = True
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\n")
        match = _FENCE.match(bare)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                spans.append((fence_start, offset + len(bare)))
                fence = None
        elif match:
            fence, fence_start = match.group(1), offset
        elif previous_blank and bare.strip() and (bare.startswith("    ") or bare[:1] == "\t"):
            spans.append((offset, offset + len(bare)))
            offset += len(line)
            continue  # an indented block continues on the next indented line
        previous_blank = not bare.strip()
        offset += len(line)
    if fence is not None:
        spans.append((fence_start, len(text)))
    return spans
