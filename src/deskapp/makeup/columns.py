"""Filling columns with flowables, measured first and drawn later.

reportlab's frames draw as they fill; a page plan needs to try a block's
columns at several heights (to balance them) and to know what is left over
after an article's last block before anything is drawn. :func:`fill`
places flowables in one column without drawing: it answers what fits
(each with its place) and what remains, splitting paragraphs by reportlab's
own rules (widows and orphans) and honouring kept-together groups
(:mod:`deskapp.pdf.keeping`): a group that does not fit moves to the next
column unless it is taller than any column, when it is taken apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus.doctemplate import ActionFlowable, FrameBreak

_SCRATCH = Canvas(BytesIO())
_HUGE = 1e7
_EPSILON = 1e-6


@dataclass
class Placed:
    flowable: Flowable
    x: float  # from the column's left edge
    top: float  # from the column's top edge, down to the flowable's top
    height: float


@dataclass
class Column:
    """What one column holds: the flowables with their places, and how far down they reach."""

    placed: list[Placed] = field(default_factory=list)
    used: float = 0.0


def fill(queue: list[Flowable], width: float, height: float) -> tuple[Column, list[Flowable]]:
    """Place the head of ``queue`` in a column ``width`` × ``height``; return it and the rest.

    ``queue`` itself is not changed. A kept-together group that does not
    fit whole (or, a subhead's group, with its first lines) moves on to the
    next column, unless it already stands at the top of a column.
    """
    rest = list(queue)
    column = Column()
    guard = 0
    while rest:
        guard += 1
        if guard > 10_000:
            break
        flowable = rest[0]
        if isinstance(flowable, ActionFlowable):
            rest.pop(0)
            if isinstance(flowable, FrameBreak) and column.placed:
                break
            continue
        before = flowable.getSpaceBefore() if column.placed else 0.0
        room = height - column.used - before
        if isinstance(flowable, KeepTogether):
            if _opens_here(flowable, width, room) or not column.placed:
                rest[0:1] = list(flowable._content)  # it fits, or no column could hold it
                continue
            break  # on to the next column, whole
        _w, needed = flowable.wrapOn(_SCRATCH, width, max(room, 0.0))
        if needed <= room + _EPSILON:
            rest.pop(0)
            column.placed.append(Placed(flowable, 0.0, column.used + before, needed))
            column.used += before + needed + flowable.getSpaceAfter()
            continue
        parts = flowable.splitOn(_SCRATCH, width, room) if room > 0 else []
        if not parts or parts[0] is flowable:
            break
        rest[0:1] = parts
    column.used = min(column.used, height) if column.placed else 0.0
    return column, rest


def _opens_here(group: KeepTogether, width: float, room: float) -> bool:
    """Whether a kept-together group may start in ``room``: whole, or (a subhead's group)
    with the subhead and the first lines of its text."""
    group.wrapOn(_SCRATCH, width, _HUGE)
    if group._H <= room + _EPSILON:
        return True
    least = getattr(group, "_least", None)
    return bool(callable(least) and least(width) <= room + _EPSILON)


def fill_columns(queue: list[Flowable], width: float,
                 heights: list[float]) -> tuple[list[Column], list[Flowable]]:
    """Fill columns of ``heights`` one after another; the columns and what remains."""
    columns = []
    rest = queue
    for height in heights:
        column, rest = fill(rest, width, height)
        columns.append(column)
    return columns, rest


def balance(queue: list[Flowable], width: float, heights: list[float],
            leading: float) -> tuple[list[Column], list[Flowable]]:
    """Fill the columns; when all the text fits, level them (shortest columns that hold it).

    The columns are tried from the average height of the text set at full
    height, a line taller at a time, for at most a dozen tries.
    """
    columns, rest = fill_columns(queue, width, heights)
    if rest or len(heights) < 2:
        return columns, rest
    used = sum(column.used for column in columns)
    tallest = max(column.used for column in columns)
    start = math.ceil(used / len(heights) / leading - _EPSILON) * leading
    if start >= tallest - leading / 2:
        return columns, rest
    for attempt in range(12):
        target = start + attempt * leading
        if target >= tallest:
            break
        trial, left = fill_columns(queue, width, [min(h, target) for h in heights])
        if not left:
            return trial, left
    # The trials measured the same flowables again (a failed split forgets a
    # paragraph's lines): the columns are set once more at their full height.
    return fill_columns(queue, width, heights)


def natural_height(flowables: list[Flowable], width: float) -> float:
    """How tall ``flowables`` set one under another in a column ``width`` wide, unbroken."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        if isinstance(flowable, ActionFlowable):
            continue
        _w, height = flowable.wrapOn(_SCRATCH, width, _HUGE)
        if isinstance(flowable, KeepTogether):
            height = float(getattr(flowable, "_H", height))
        total += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return total


def words_in(flowables: list[Flowable]) -> int:
    """How many words the text of ``flowables`` holds (groups and lists looked into)."""
    count = 0
    for flowable in flowables:
        text = getattr(flowable, "getPlainText", None)
        if callable(text):
            plain = text()
            # A paragraph cut from another keeps its words in its fragments.
            count += len(plain.split()) if plain.strip() else _fragment_words(flowable)
            continue
        for name in ("_content", "_flowables", "_list"):
            inner = getattr(flowable, name, None)
            if isinstance(inner, list | tuple):
                count += words_in([item[0] if isinstance(item, tuple) else item
                                   for item in inner])
                break
    return count


def _fragment_words(paragraph: Flowable) -> int:
    words = 0
    for fragment in getattr(paragraph, "frags", None) or ():
        listed = getattr(fragment, "words", None)
        if isinstance(listed, list):
            words += sum(1 for word in listed if isinstance(word, str) and word.strip())
        else:
            words += len(str(getattr(fragment, "text", "")).split())
    return words
