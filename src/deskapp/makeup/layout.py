"""A page plan laid out: what each block draws, and how well each block's text fits.

:func:`lay_out` turns an :class:`~deskapp.makeup.plan.Edition` and the
articles it places into an :class:`EditionLayout`: for every page, the
drawing operations of its blocks, and for every block a :class:`BlockFit`
(over or under, in lines and words, measured from the real layout).

Each article is laid out on its own, from the article export's pieces:
the Markdown body becomes flowables (:mod:`deskapp.pdf.flowables`) with the
keep rules (:mod:`deskapp.pdf.keeping`), in the type of the page preset
(:mod:`deskapp.makeup.presets`). The body flows through the article's chain
of body blocks in order, each block's columns filled top to bottom
(:mod:`deskapp.makeup.columns`); the block where the text ends has its
columns balanced. Where the chain goes on on another page the block ends
with the jump line ("Xem tiếp trang N") and the continuation starts with
its counterpart ("Tiếp theo trang M"). Text left after the chain's last
block is the article's over-set: it is measured, never dropped silently
(the export refuses while there is any; see :mod:`deskapp.makeup.export`).
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from deskapp.makeup.columns import Column, balance, fill, natural_height, words_in
from deskapp.makeup.plan import Block, Edition, Page, PlanError
from deskapp.makeup.presets import PagePreset, load_page_preset
from deskapp.model import Article, Photo
from deskapp.pdf.findings import Finding, glyph_findings
from deskapp.pdf.flowables import body_flowables
from deskapp.pdf.fonts import face_name, missing_glyphs, register_fonts
from deskapp.pdf.keeping import kept
from deskapp.pdf.markup import GlyphLog, text_paragraph
from deskapp.pdf.photos import PhotoOptions
from deskapp.pdf.styles import PageStyles, page_styles
from deskapp.render.tree import build_document, source_line

Draw = Callable[[Canvas], None]
PhotoSource = Callable[[str, str], Photo | None]  # (article id, photo name) -> photo


@dataclass(frozen=True)
class BlockFit:
    """How a block's text fits: lines and words over (no room) or under (room left)."""

    page: int
    index: int  # 1-based place of the block on its page
    block_id: str
    kind: str
    article_id: str
    headline: str
    over_lines: int = 0
    over_words: int = 0
    under_lines: int = 0
    under_words: int = 0

    @property
    def over(self) -> bool:
        return self.over_lines > 0 or self.over_words > 0


@dataclass
class PageDrawing:
    number: int
    preset: PagePreset
    draws: list[Draw] = field(default_factory=list)


@dataclass
class EditionLayout:
    edition: Edition
    pages: dict[int, PageDrawing]
    fits: list[BlockFit]
    findings: list[Finding]

    def overset(self) -> list[BlockFit]:
        return [fit for fit in self.fits if fit.over]


@dataclass
class _Context:
    articles: dict[str, Article]
    photos: PhotoSource
    cmyk: bool
    findings: list[Finding]
    screen: bool = False  # photos prepared for the page view, not for print
    styles: dict[str, PageStyles] = field(default_factory=dict)

    def page_styles(self, preset: PagePreset) -> PageStyles:
        found = self.styles.get(preset.name)
        if found is None:
            found = self.styles[preset.name] = page_styles(preset.text, self.cmyk)
        return found


def lay_out(edition: Edition, articles: dict[str, Article], photos: PhotoSource,
            *, pages: Iterable[int] | None = None, cmyk: bool = False,
            screen: bool = False) -> EditionLayout:
    """The edition (or only ``pages`` of it) laid out; see the module's text.

    An article's chain is laid out whole even when only some of its pages
    are wanted: page 2 needs to know where page 1 left off. With ``screen``
    the photos are prepared at the page view's resolution (and kept for the
    next render), not the press's.
    """
    register_fonts()
    wanted = set(pages) if pages is not None else {page.number for page in edition.pages}
    context = _Context(articles, photos, cmyk, [], screen)
    drawings: dict[int, PageDrawing] = {}
    presets: dict[int, PagePreset] = {}
    for page in edition.pages:
        preset = load_page_preset(page.preset)
        presets[page.number] = preset
        for index, block in enumerate(page.blocks, start=1):
            preset.check_block(block, page.number, index)
            if block.article_id and block.article_id not in articles:
                raise PlanError("plan_article_missing", page=page.number,
                                article=block.article_id)
    fits: list[BlockFit] = []
    chained: set[str] = set()
    for page in edition.pages:
        if page.number not in wanted:
            continue
        preset = presets[page.number]
        drawing = drawings[page.number] = PageDrawing(page.number, preset)
        for index, block in enumerate(page.blocks, start=1):
            if block.kind == "body":
                chained.add(block.article_id)
                continue
            fit, draw = _single_block(context, preset, page, index, block)
            fits.append(fit)
            drawing.draws.append(draw)
    for article_id in sorted(chained, key=edition.article_ids().index):
        for number, fit, draw in _chain(context, edition, presets, article_id):
            if number in wanted:
                fits.append(fit)
                drawings[number].draws.append(draw)
    fits.sort(key=lambda fit: (fit.page, fit.index))
    return EditionLayout(edition, drawings, fits, _unique(context.findings))


def _unique(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[object, ...]] = set()
    kept_findings = []
    for finding in findings:
        key = (finding.code, finding.where, finding.offset, finding.char, finding.article_id,
               tuple(sorted(map(str, finding.data.items()))))
        if key not in seen:
            seen.add(key)
            kept_findings.append(finding)
    return kept_findings


# ---- headline, lead, photo, reserved ----------------------------------------

def _fit(page: Page, index: int, block: Block, article: Article | None, **values: int) -> BlockFit:
    return BlockFit(page.number, index, block.id, block.kind, block.article_id,
                    article.title if article else "", **values)


def _single_block(context: _Context, preset: PagePreset, page: Page, index: int,
                  block: Block) -> tuple[BlockFit, Draw]:
    x, y, width, height = preset.rect(block)
    article = context.articles.get(block.article_id)
    if block.kind == "reserved":
        label = block.label or preset.words["reserved"]
        face = face_name(preset.text.headline.family, bold=True)
        for char in sorted(missing_glyphs(label, face)):
            context.findings.append(Finding(
                "missing_glyph", "label", char=char, codepoint=f"U+{ord(char):04X}",
                data={"page": page.number, "block": index}))
        # Air above and below the box, so the text of the blocks around it never touches it.
        air = min(preset.leading * 0.4, height / 4)
        return _fit(page, index, block, None), _reserved(
            preset, label, face, (x, y + air, width, height - 2 * air), context.cmyk)
    assert article is not None
    styles = context.page_styles(preset)
    log = GlyphLog()
    if block.kind == "headline":
        flowables, over = _headline(article, styles.headline, preset, width, height, log)
        where = "title"
    elif block.kind == "lead":
        flowables = [text_paragraph(article.lead, styles.lead, log)]
        if article.byline and preset.text.byline.position == "top":
            flowables.append(text_paragraph(article.byline, styles.byline_top, log))
        over = 0
        where = "lead"
    else:
        return _photo(context, preset, page, index, block, article, (x, y, width, height))
    context.findings.extend(glyph_findings(article, where, log.missing()))
    column, rest = fill(flowables, width, height)
    leading = styles.lead.leading if block.kind == "lead" else preset.leading
    over_lines = over or (math.ceil(natural_height(rest, width) / leading) if rest else 0)
    fit = _fit(page, index, block, article, over_lines=over_lines,
               over_words=words_in(rest),
               under_lines=0 if block.kind == "headline" else
               int((height - column.used) // leading))
    return fit, _drawer([(column, x, y + height)])


def _headline(article: Article, base: ParagraphStyle, preset: PagePreset, width: float,
              height: float, log: GlyphLog) -> tuple[list[Flowable], int]:
    """The headline at the largest whole point size in the preset's range that fits the block.

    The size is found by halving the range (a taller size never takes fewer
    lines), so a few line breaks decide it whatever the range. Returns the
    headline and, when even the smallest size is too tall, by how many of
    its lines.
    """
    height -= preset.leading / 2  # a little air between the headline and what follows

    def set_at(size: float, glyphs: GlyphLog) -> tuple[Paragraph, float]:
        style = ParagraphStyle("headline", parent=base, fontSize=size,
                               leading=round(size * preset.headline_leading, 1),
                               spaceBefore=0, spaceAfter=0)
        paragraph = text_paragraph(article.title, style, glyphs)
        return paragraph, paragraph.wrap(width, height)[1]

    low, high = math.ceil(preset.headline_min), math.floor(preset.headline_max)
    best = low
    while low <= high:
        middle = (low + high) // 2
        if set_at(middle, GlyphLog())[1] <= height:
            best, low = middle, middle + 1
        else:
            high = middle - 1
    paragraph, needed = set_at(best, log)
    leading = paragraph.style.leading
    over = math.ceil((needed - height) / leading) if needed > height + 0.01 else 0
    return [paragraph], over


def _photo(context: _Context, preset: PagePreset, page: Page, index: int, block: Block,
           article: Article, rect: tuple[float, float, float, float]) -> tuple[BlockFit, Draw]:
    from deskapp.pdf.photos import MIN_PHOTO_DPI

    x, y, width, height = rect
    styles = context.page_styles(preset)
    photo = context.photos(article.id, block.asset)
    log = GlyphLog()
    caption_text = block.label or (photo.caption if photo else "")
    credit = photo.credit if photo else ""
    caption_style = ParagraphStyle("caption", parent=styles.body.photo, alignment=TA_LEFT)
    texts = [caption_text + (f" ({credit})" if credit else "")] if caption_text or credit else []
    caption = [text_paragraph(text, caption_style, log) for text in texts]
    context.findings.extend(glyph_findings(article, "body", log.missing()))
    caption_height = natural_height(caption, width) + 3 if caption else 0.0
    image_height = max(height - caption_height, 0.0)
    reader = None
    if photo is None:
        context.findings.append(Finding("photo_not_found", "body", severity="warning",
                                        article_id=article.id,
                                        data={"page": page.number, "headline": article.title,
                                              "name": block.asset}))
    else:
        reader = prepared_photo(photo, width, context.cmyk, context.screen)
        scale = max(width / photo.width, image_height / photo.height)
        dpi = 72 / scale
        if dpi < MIN_PHOTO_DPI:
            context.findings.append(Finding(
                "low_resolution", "body", severity="warning", article_id=article.id,
                data={"name": block.asset, "dpi": dpi, "minimum": MIN_PHOTO_DPI}))
    column, _rest = fill(caption, width, caption_height + 1)
    cmyk = context.cmyk

    def draw(canvas: Canvas) -> None:
        top = y + height
        canvas.saveState()
        if reader is not None and photo is not None and image_height > 0:
            scale = max(width / photo.width, image_height / photo.height)
            drawn_w, drawn_h = photo.width * scale, photo.height * scale
            path = canvas.beginPath()
            path.rect(x, top - image_height, width, image_height)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.drawImage(reader, x + (width - drawn_w) / 2,
                             top - image_height + (image_height - drawn_h) / 2, drawn_w, drawn_h)
        else:
            canvas.setStrokeColor(_grey(0.5, cmyk))
            canvas.setLineWidth(0.5)
            canvas.rect(x, top - image_height, width, image_height)
        canvas.restoreState()
        _draw_column(canvas, column, x, top - image_height - 3)

    return _fit(page, index, block, article), draw


# Photos made ready to draw, by content, width and use: the page view draws the
# same photos again after every change, and preparing one (decoding, resampling)
# costs tens of milliseconds.
SCREEN_PHOTO_DPI = 110
_PREPARED: OrderedDict[tuple[str, int, bool, bool], Any] = OrderedDict()
_PREPARED_KEPT = 24
_PREPARED_LOCK = threading.Lock()


def prepared_photo(photo: Photo, width: float, cmyk: bool, screen: bool) -> Any:
    """The photo as reportlab draws it ``width`` points wide: for print or for the screen."""
    from deskapp.pdf.photos import _print_image

    key = (photo.key or hashlib.sha256(photo.data).hexdigest(), round(width), cmyk, screen)
    with _PREPARED_LOCK:  # the page view and an export may lay out at the same time
        if key in _PREPARED:
            _PREPARED.move_to_end(key)
            return _PREPARED[key]
    reader = _screen_image(photo, width) if screen else None
    if reader is None:
        reader = _print_image(photo, width, cmyk)
    with _PREPARED_LOCK:
        _PREPARED[key] = reader
        while len(_PREPARED) > _PREPARED_KEPT:
            _PREPARED.popitem(last=False)
    return reader


def _screen_image(photo: Photo, width: float) -> Any:
    """A copy at :data:`SCREEN_PHOTO_DPI`, decoded at a reduced scale where JPEG allows."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    from deskapp.limits import open_image

    try:
        image = open_image(photo.data)
        target = max(1, round(width / 72 * SCREEN_PHOTO_DPI))
        if image.width <= target:
            return None
        height = max(1, round(image.height * target / image.width))
        image.draft("RGB", (target, height))
        image = image.convert("RGB").resize((target, height), Image.Resampling.BILINEAR)
        return ImageReader(image)
    except Exception:
        return None


def _reserved(preset: PagePreset, label: str, face: str,
              rect: tuple[float, float, float, float], cmyk: bool) -> Draw:
    x, y, width, height = rect

    def draw(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setStrokeColor(_grey(0.45, cmyk))
        canvas.setFillColor(_grey(0.95, cmyk))
        canvas.setLineWidth(0.75)
        canvas.setDash(4, 3)
        canvas.rect(x, y, width, height, stroke=1, fill=1)
        canvas.setFillColor(_grey(0.4, cmyk))
        size = max(8.0, min(18.0, width / 12))
        canvas.setFont(face, size)
        canvas.drawCentredString(x + width / 2, y + height / 2 - size / 3, label)
        canvas.restoreState()

    return draw


def _grey(level: float, cmyk: bool) -> object:
    from reportlab.lib.colors import CMYKColor, Color

    return CMYKColor(0, 0, 0, 1 - level) if cmyk else Color(level, level, level)


# ---- body chains -----------------------------------------------------------

def _chain(context: _Context, edition: Edition, presets: dict[int, PagePreset],
           article_id: str) -> list[tuple[int, BlockFit, Draw]]:
    """The article's body through its chain of blocks: per block its page, fit and drawing."""
    article = context.articles[article_id]
    chain = edition.chain(article_id)
    first_preset = presets[chain[0][0].number]
    styles = context.page_styles(first_preset)
    queue = _body(context, article, styles, first_preset)
    total_words = words_in(queue)
    placed_words = 0
    results: list[tuple[int, BlockFit, Draw]] = []
    for position, (page, block) in enumerate(chain):
        preset = presets[page.number]
        styles = context.page_styles(preset)
        leading = preset.leading
        x, y, width, height = preset.rect(block)
        count = preset.text_columns(block)
        column_width = (width - (count - 1) * preset.gutter) / count
        heights = [height] * count
        following = chain[position + 1] if position + 1 < len(chain) else None
        jumps_on = following is not None and following[0].number != page.number
        if position and chain[position - 1][0].number != page.number and queue:
            words = preset.words["jump_from"].format(page=chain[position - 1][0].number)
            queue = [_jump_line(words, styles, preset, TA_LEFT), *queue]
        if jumps_on:
            heights[-1] -= leading  # the jump line's room, at the foot of the last column
        index = page.blocks.index(block) + 1
        if following is None:
            columns, queue = balance(queue, column_width, heights, leading)
        else:
            columns, queue = _fill_all(queue, column_width, heights)
        words_here = sum(words_in([p.flowable for p in c.placed]) for c in columns)
        placed_words += words_here
        spots = [(column, x + n * (column_width + preset.gutter), y + height)
                 for n, column in enumerate(columns)]
        draws = [_drawer(spots)]
        if jumps_on and queue and following is not None:
            words = preset.words["jump_to"].format(page=following[0].number)
            line = _jump_line(words, styles, preset, TA_RIGHT)
            last_x = x + (count - 1) * (column_width + preset.gutter)
            jump, _rest = fill([line], column_width, leading * 2)
            draws.append(_drawer([(jump, last_x, y + leading)]))
        values: dict[str, int] = {}
        if following is None:
            empty = sum(int((h - c.used + 0.01) // leading) for h, c in zip(heights, columns,
                                                                              strict=True))
            per_line = placed_words / max(1.0, _lines_set(chain, presets, position))
            values = {"under_lines": 0 if queue else empty,
                      "under_words": 0 if queue else round(empty * per_line)}
            if queue:
                values["over_lines"] = max(1, math.ceil(
                    natural_height(queue, column_width) / leading - 0.01))
                values["over_words"] = words_in(queue) or max(0, total_words - placed_words)
        fit = _fit(page, index, block, article, **values)
        results.append((page.number, fit, _joined(draws)))
    return results


def _lines_set(chain: list[tuple[Page, Block]], presets: dict[int, PagePreset],
               upto: int) -> float:
    return float(sum(presets[page.number].text_columns(block) * block.lines
                     if block.box is None else 1 for page, block in chain[:upto + 1]))


def _fill_all(queue: list[Flowable], width: float,
              heights: list[float]) -> tuple[list[Column], list[Flowable]]:
    columns = []
    for height in heights:
        column, queue = fill(queue, width, height)
        columns.append(column)
    return columns, queue


def _body(context: _Context, article: Article, styles: PageStyles,
          preset: PagePreset) -> list[Flowable]:
    """The article's body and closing credits as flowables, with the keep rules."""
    doc = build_document(article)
    width = preset.column_width
    log = GlyphLog()
    photos = PhotoOptions(assets=lambda name: context.photos(article.id, name),
                          max_height=preset.content_height * 0.4, cmyk=context.cmyk)
    flow = body_flowables(doc.body, styles.body, width, log, photos)
    context.findings.extend(glyph_findings(article, "body", log.missing()))
    credits: list[Flowable] = []
    if doc.byline and preset.text.byline.position != "top":
        credit_log = GlyphLog()
        credits.append(text_paragraph(doc.byline, styles.byline, credit_log))
        context.findings.extend(glyph_findings(article, "byline", credit_log.missing()))
    if doc.source:
        credit_log = GlyphLog()
        credits.append(text_paragraph(source_line(doc.source), styles.source, credit_log))
        context.findings.extend(glyph_findings(article, "source", credit_log.missing()))
    return kept(flow, credits, width, preset.content_height)


def _jump_line(words: str, styles: PageStyles, preset: PagePreset, alignment: int) -> Flowable:
    style = ParagraphStyle("jump", parent=styles.body.body, firstLineIndent=0,
                           alignment=alignment, spaceBefore=0, spaceAfter=0,
                           fontName=face_name(preset.text.body.family, bold=True, italic=True))
    return text_paragraph(words, style, GlyphLog())


def _drawer(spots: list[tuple[Column, float, float]]) -> Draw:
    def draw(canvas: Canvas) -> None:
        for column, x, top in spots:
            _draw_column(canvas, column, x, top)

    return draw


def _joined(draws: list[Draw]) -> Draw:
    def draw(canvas: Canvas) -> None:
        for one in draws:
            one(canvas)

    return draw


def _draw_column(canvas: Canvas, column: Column, x: float, top: float) -> None:
    for placed in column.placed:
        placed.flowable.drawOn(canvas, x + placed.x, top - placed.top - placed.height)


__all__ = ["BlockFit", "EditionLayout", "PageDrawing", "lay_out"]
