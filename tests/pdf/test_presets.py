"""Print presets: shipped and newsroom presets, columns, bleed, crop marks and CMYK."""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from deskapp.errors import ExportError, MissingGlyphs
from deskapp.messages import describe
from deskapp.model import Article
from deskapp.pdf import export, list_presets, load_preset
from deskapp.pdf.export import export_pdf, render_pdf
from deskapp.pdf.options import PrintSettings
from deskapp.pdf.presets import Preset, PresetError
from deskapp.resources import resource_path

SHIPPED = ("a4-article", "a5-booklet", "newspaper-2col", "newspaper-3col", "us-letter")
TITLE = "Kon Tum tổng kết thực hiện quy chế dân chủ ở cơ sở"
LEAD = "Sáng 9/1, Ban chỉ đạo tổ chức hội nghị tổng kết công tác năm 2013."
PARAGRAPH = (
    "Đồng chí Đào Xuân Quí yêu cầu các cấp ngành nâng cao trách nhiệm người đứng đầu "
    "trong thực hiện quy chế dân chủ ở cơ sở; kiện toàn, củng cố Ban chỉ đạo các cấp. "
)
BODY = """\
## Kết quả năm 2013

Đoạn có **chữ đậm**, *chữ nghiêng*, `mã` và [liên kết](https://kontumtv.vn/a).

> Dân biết, dân bàn, dân làm, dân kiểm tra.

| Đơn vị | Số cuộc |
|:-------|--------:|
| Đắk Hà | 8       |

---

![Đồng chí Quí phát biểu](anh.jpg)
"""
PT_PER_MM = 72 / 25.4
SIZES = {
    "a4-article": (595.3, 841.9),
    "a5-booklet": (419.5, 595.3),
    "us-letter": (612.0, 792.0),
    "newspaper-2col": (595.3, 841.9),
    "newspaper-3col": (595.3, 841.9),
}


def make_article(**fields: object) -> Article:
    values: dict[str, object] = {
        "title": TITLE,
        "lead": LEAD,
        "body": BODY + "\n\n" + "\n\n".join([PARAGRAPH * 3] * 4),
        "byline": "Minh Tuấn",
        "source": "kontumtv.vn",
        "section": "Thời sự",
        "tags": ["dân chủ"],
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def long_article() -> Article:
    return make_article(body="\n\n".join([PARAGRAPH * 4] * 30))


def flat(text: str) -> str:
    return " ".join(text.split())


def page_texts(data: bytes) -> list[str]:
    return [flat(page.get_textpage().get_text_range()) for page in pdfium.PdfDocument(data)]


def box(page: object, name: str) -> list[float]:
    return [round(float(value), 2) for value in page[name]]  # type: ignore[index]


def content_streams(data: bytes) -> list[str]:
    reader = PdfReader(BytesIO(data))
    return [page.get_contents().get_data().decode("latin-1") for page in reader.pages]


def write_preset(folder: Path, name: str, **changes: object) -> Path:
    data = json.loads(resource_path("presets", "a4-article.json").read_text(encoding="utf-8"))
    data.update(changes)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- the shipped presets -------------------------------------------------------------


def test_every_shipped_preset_is_listed_with_a_title():
    listed = dict(list_presets())
    assert set(SHIPPED) <= set(listed)
    assert all(title and title != name for name, title in listed.items())
    assert "mặc định" in listed["a4-article"]


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_preset_exports_the_article_at_its_page_size(name: str, tmp_path: Path):
    preset = load_preset(name)
    assert preset.name == name
    target = export_pdf(make_article(), tmp_path / f"{name}.pdf", PrintSettings(preset=name))
    reader = PdfReader(target)
    width, height = SIZES[name]
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - width) < 1
        assert abs(float(page.mediabox.height) - height) < 1
        assert box(page, "/TrimBox") == box(page, "/MediaBox")
        assert "/BleedBox" not in page
    text = " ".join(page_texts(target.read_bytes()))
    pages = len(reader.pages)
    for expected in (TITLE, LEAD, "Kết quả năm 2013", "Dân biết, dân bàn", "Minh Tuấn"):
        assert expected in text, (name, expected)
    assert "Nguồn: kontumtv.vn" in text
    assert f"Trang {pages}/{pages}" in text
    assert reader.metadata.title == TITLE
    assert reader.trailer["/Root"]["/Lang"] == "vi-VN"


def test_a4_article_is_the_default_and_matches_the_module_geometry():
    article = make_article()
    default = pdfium.PdfDocument(render_pdf(article))
    named = pdfium.PdfDocument(render_pdf(article, PrintSettings(preset="a4-article")))
    assert [bytes(p.render(scale=1).buffer) for p in default] == [
        bytes(p.render(scale=1).buffer) for p in named
    ]
    preset = load_preset("a4-article")
    assert preset.page_size == pytest.approx(export.PAGE_SIZE)
    assert preset.margins.left == pytest.approx(export.MARGIN_X)
    assert preset.margins.top == pytest.approx(export.MARGIN_TOP)
    assert preset.margins.bottom == pytest.approx(export.MARGIN_BOTTOM)
    assert preset.footer is not None
    assert preset.footer.baseline == pytest.approx(export.FOOTER_BASELINE)
    assert preset.header is None and preset.columns == 1


def test_a_preset_object_or_its_name_give_the_same_pdf():
    article = make_article()
    by_name = page_texts(render_pdf(article, PrintSettings(preset="a5-booklet")))
    by_object = page_texts(render_pdf(article, PrintSettings(preset=load_preset("a5-booklet"))))
    assert by_name == by_object


def test_narrow_columns_are_set_ragged_right_wide_ones_justified():
    assert load_preset("newspaper-3col").body_align == "left"
    assert load_preset("newspaper-2col").body_align == "justify"
    assert load_preset("a4-article").body_align == "justify"


# --- columns and running header ----------------------------------------------------


def test_three_columns_headline_spans_and_body_fills_each_column():
    preset = load_preset("newspaper-3col")
    data = render_pdf(long_article(), PrintSettings(preset=preset))
    pdf = pdfium.PdfDocument(data)
    first = pdf[0].get_textpage()
    assert flat(first.get_text_range()).count(TITLE) == 1
    body_start, _count = first.search("Đồng chí Đào").get_next()
    top = first.get_charbox(body_start)[3] + 1
    left = preset.margins.left
    step = preset.column_width + preset.gutter
    bottom = preset.margins.bottom
    for index in range(3):
        x0 = left + index * step
        text = flat(first.get_text_bounded(x0, bottom, x0 + preset.column_width, top))
        assert len(text) > 500, index
        assert "Đào Xuân Quí" in text or "quy chế dân chủ" in text
    # Every character below the headline block lies inside one of the three columns.
    columns = [(left + i * step, left + i * step + preset.column_width) for i in range(3)]
    checked = 0
    for index in range(first.count_chars()):
        x0, y0, x1, y1 = first.get_charbox(index)
        if y0 < bottom or y1 > top or x1 <= x0:
            continue
        checked += 1
        assert any(a - 1 <= x0 and x1 <= b + 1 for a, b in columns), (index, x0, x1)
    assert checked > 2000


def test_headline_and_lead_sit_above_the_columns():
    preset = load_preset("newspaper-3col")
    pdf = pdfium.PdfDocument(render_pdf(long_article(), PrintSettings(preset=preset)))
    textpage = pdf[0].get_textpage()
    lead_box = textpage.search(LEAD[:20]).get_next()
    assert lead_box is not None
    start, _count = lead_box
    _x0, lead_bottom, _x1, _y1 = textpage.get_charbox(start)
    body_start, _ = textpage.search("Đồng chí Đào").get_next()
    _x0, _y0, _x1, body_top = textpage.get_charbox(body_start)
    assert body_top < lead_bottom


def test_running_header_on_every_page():
    data = render_pdf(long_article(), PrintSettings(preset="newspaper-3col"))
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) >= 2
    height = pdf[1].get_size()[1]
    for page in pdf:
        textpage = page.get_textpage()
        header = flat(textpage.get_text_bounded(0, height - 45, page.get_size()[0], height))
        assert "TÒA SOẠN DESKAPP" in header
        assert "THỜI SỰ" in header
    assert page_texts(data)[1].endswith(f"Trang 2/{len(pdf)}")


def test_byline_on_top_comes_before_the_body():
    text = page_texts(render_pdf(make_article(), PrintSettings(preset="newspaper-2col")))[0]
    assert text.index("Minh Tuấn") < text.index(LEAD) < text.index("Kết quả năm 2013")


def test_a_headline_too_tall_for_the_top_frame_flows_in_the_columns():
    article = make_article(title=" ".join([TITLE] * 14))
    text = " ".join(page_texts(render_pdf(article, PrintSettings(preset="newspaper-3col"))))
    assert "Kết quả năm 2013" in text


def test_long_urls_and_words_stay_inside_their_column():
    preset = load_preset("newspaper-3col")
    body = "\n\n".join(
        [f"Xem https://kontumtv.vn/{'tin-tuc/' * 12}bai.html và {'Ư' * 80} nhé. {PARAGRAPH}"] * 12
    )
    pdf = pdfium.PdfDocument(render_pdf(make_article(body=body), PrintSettings(preset=preset)))
    step = preset.column_width + preset.gutter
    columns = [
        (preset.margins.left + i * step, preset.margins.left + i * step + preset.column_width)
        for i in range(3)
    ]
    for page in pdf:
        textpage = page.get_textpage()
        for index in range(textpage.count_rects()):
            left, bottom, right, _top = textpage.get_rect(index)
            if bottom < preset.margins.bottom or right - left > preset.column_width + 2:
                # the footer, or a line of the full-width headline block
                assert bottom < preset.margins.bottom or bottom > 600
                continue
            assert any(a - 1 <= left and right <= b + 1 for a, b in columns), (left, right)


@pytest.mark.parametrize(
    "fields", [{}, {"lead": ""}, {"title": "", "section": ""}, {"body": ""}], ids=str
)
def test_columns_cope_with_missing_parts(fields: dict[str, str]):
    article = Article() if fields == {} else make_article(**fields)
    pages = page_texts(render_pdf(article, PrintSettings(preset="newspaper-3col")))
    assert pages[-1].endswith(f"Trang {len(pages)}/{len(pages)}")


# --- for the printer: bleed, crop marks, CMYK -----------------------------------------


def test_bleed_enlarges_the_media_box_and_keeps_the_trim_box(tmp_path: Path):
    target = export_pdf(make_article(), tmp_path / "bleed.pdf",
                        PrintSettings(preset="a4-article", bleed_mm=3))
    bleed = 3 * PT_PER_MM
    width, height = load_preset("a4-article").page_size
    for page in PdfReader(target).pages:
        media = box(page, "/MediaBox")
        assert media == pytest.approx([0, 0, width + 2 * bleed, height + 2 * bleed], abs=0.02)
        assert box(page, "/TrimBox") == pytest.approx(
            [bleed, bleed, bleed + width, bleed + height], abs=0.02
        )
        assert box(page, "/BleedBox") == media
        assert box(page, "/CropBox") == media
        assert box(page, "/ArtBox") == box(page, "/TrimBox")
    assert abs(bleed - 8.504) < 0.001


def test_crop_marks_are_drawn_in_the_bleed_only():
    data = render_pdf(make_article(), PrintSettings(bleed_mm=3))
    bitmap = pdfium.PdfDocument(data)[0].render(scale=4).to_pil().convert("L")
    scale, bleed = 4, 3 * PT_PER_MM
    trim_x = round(bleed * scale)
    # A vertical mark on the trim line, in the bleed above the top-left corner.
    assert min(bitmap.getpixel((trim_x + dx, 2)) for dx in (-1, 0, 1)) < 128
    # Nothing drawn at the trimmed corner itself.
    corner = [bitmap.getpixel((trim_x + dx, trim_x + dy)) for dx in range(3) for dy in range(3)]
    assert min(corner) > 200


def test_without_bleed_there_are_no_crop_marks():
    bitmap = pdfium.PdfDocument(render_pdf(make_article()))[0].render(scale=2).to_pil()
    strip = bitmap.convert("L").crop((0, 0, bitmap.width, 20))
    assert strip.getextrema()[0] > 250


@pytest.mark.parametrize("bleed", [-1, 25, float("nan")])
def test_an_impossible_bleed_is_an_export_error(bleed: float, tmp_path: Path):
    with pytest.raises(ExportError):
        export_pdf(make_article(), tmp_path / "x.pdf", PrintSettings(bleed_mm=bleed))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["a4-article", "newspaper-3col"])
def test_cmyk_leaves_no_rgb_colour_operators(name: str):
    article = make_article()
    rgb = "\n".join(content_streams(render_pdf(article, PrintSettings(preset=name, bleed_mm=3))))
    assert re.search(r"\s(rg|RG)\s", rgb), "the RGB export should use RGB"
    cmyk = "\n".join(content_streams(render_pdf(article, PrintSettings(preset=name, bleed_mm=3,
                                                                      cmyk=True))))
    assert not re.search(r"\s(rg|RG)\s", cmyk)
    assert re.search(r"\s0 0 0 1 k\s", cmyk), "body text in pure black"
    kinds = {tuple(float(v) for v in m.groups()) for m in re.finditer(_CMYK_FILL, cmyk)}
    text_fills = {k for k in kinds if k[:3] != (0, 0, 0)}
    assert text_fills == set(), "text and tints use the black plate only"


_CMYK_FILL = re.compile(r"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) k\b")


def test_cmyk_keeps_the_metadata():
    settings = PrintSettings(cmyk=True, author="Biên tập viên")
    reader = PdfReader(BytesIO(render_pdf(make_article(), settings)))
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Biên tập viên"
    assert reader.metadata.subject == LEAD
    assert "dân chủ" in reader.metadata["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "vi-VN"


# --- invalid and newsroom presets ---------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"margins_mm": {"top": 20, "bottom": 22, "left": 120, "right": 120}}, "margins_mm"),
        ({"margins_mm": {"top": 200, "bottom": 120, "left": 20, "right": 20}}, "margins_mm"),
        ({"margins_mm": {"top": 20, "bottom": 22, "left": -5, "right": 20}}, "margins_mm.left"),
        ({"page": {"size": "A7"}}, "page.size"),
        ({"page": {"width_mm": 0, "height_mm": 200}}, "page.width_mm"),
        ({"columns": {"count": 7, "gutter_mm": 3}}, "columns.count"),
        ({"columns": {"count": 2.5, "gutter_mm": 3}}, "columns.count"),
        ({"columns": {"count": 6, "gutter_mm": 10}}, "columns"),
        ({"styles": {"body": {"family": "comic", "size": 10, "leading": 14}}}, "styles.body"),
        ({"title": ""}, "title"),
        ({"footer": {"center": "Trang {so_trang}", "baseline_mm": 11}}, "footer.center"),
        ({"header": {"left": "{publication}", "baseline_mm": 40}}, "header.baseline_mm"),
    ],
    ids=[
        "margins-wider-than-page",
        "margins-taller-than-page",
        "negative-margin",
        "unknown-size",
        "zero-width",
        "seven-columns",
        "fractional-columns",
        "columns-too-narrow",
        "unknown-family",
        "no-title",
        "unknown-placeholder",
        "header-in-text-area",
    ],
)
def test_an_impossible_preset_is_refused_before_writing(
    tmp_path: Path, changes: dict[str, object], key: str
):
    folder = tmp_path / "presets"
    folder.mkdir()
    write_preset(folder, "hong", **changes)
    with pytest.raises(PresetError) as caught:
        load_preset("hong", extra_dirs=[folder])
    error = caught.value
    assert error.code == "preset_invalid"
    assert error.data["name"] == "hong"
    assert error.data["reason"].startswith(key)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(PresetError):
        export_pdf(make_article(), out / "x.pdf", PrintSettings(preset=folder / "hong.json"))
    assert list(out.iterdir()) == []


def test_bad_json_is_an_invalid_preset(tmp_path: Path):
    (tmp_path / "vo.json").write_text('{"title": "Vỡ", "page": ', encoding="utf-8")
    with pytest.raises(PresetError) as caught:
        load_preset("vo", extra_dirs=[tmp_path])
    assert caught.value.code == "preset_invalid"
    assert "JSON" in caught.value.data["reason"]
    assert ("vo", "vo") in list_presets([tmp_path])
    assert "“vo”" in describe(caught.value, "vi")
    assert "Mẫu trang in" in describe(caught.value, "vi")
    assert "print preset" in describe(caught.value, "en")


def test_an_unknown_preset_names_the_ones_there_are(tmp_path: Path):
    with pytest.raises(PresetError) as caught:
        export_pdf(make_article(), tmp_path / "x.pdf", PrintSettings(preset="khong-co"))
    error = caught.value
    assert error.code == "preset_not_found"
    assert error.data["name"] == "khong-co"
    for name in SHIPPED:
        assert name in error.data["available"]
    assert "khong-co" in describe(error, "vi") and "a4-article" in describe(error, "en")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(PresetError):
        load_preset("../presets/a4-article")


def test_a_newsroom_preset_is_listed_and_used(tmp_path: Path):
    write_preset(
        tmp_path,
        "bao-kon-tum",
        title="Báo Kon Tum – khổ riêng",
        page={"width_mm": 200, "height_mm": 280},
        publication="Báo Kon Tum",
        header={"left": "{publication}", "right": "{section}", "baseline_mm": 12, "rule": True},
    )
    assert ("bao-kon-tum", "Báo Kon Tum – khổ riêng") in list_presets([tmp_path])
    preset = load_preset("bao-kon-tum", extra_dirs=[tmp_path])
    assert isinstance(preset, Preset) and preset.path == tmp_path / "bao-kon-tum.json"
    data = render_pdf(make_article(), PrintSettings(preset=preset))
    page = PdfReader(BytesIO(data)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(200 * PT_PER_MM)
    assert float(page.mediabox.height) == pytest.approx(280 * PT_PER_MM)
    width, height = preset.page_size
    header = (
        pdfium.PdfDocument(data)[0].get_textpage().get_text_bounded(0, height - 40, width, height)
    )
    assert flat(header) == "Báo Kon Tum Thời sự"


def test_a_newsroom_preset_overrides_a_shipped_one_and_may_extend_one(tmp_path: Path):
    write_preset(tmp_path, "a4-article", title="A4 của tòa soạn")
    (tmp_path / "ba-cot-deu.json").write_text(
        json.dumps(
            {
                "extends": "newspaper-3col",
                "title": "Ba cột canh đều",
                "styles": {"body": {"align": "justify"}},
            }
        ),
        encoding="utf-8",
    )
    listed = dict(list_presets([tmp_path]))
    assert listed["a4-article"] == "A4 của tòa soạn"
    extended = load_preset("ba-cot-deu", extra_dirs=[tmp_path])
    assert extended.columns == 3 and extended.body_align == "justify"
    assert extended.title == "Ba cột canh đều"
    (tmp_path / "vong.json").write_text('{"extends": "vong", "title": "x"}', encoding="utf-8")
    with pytest.raises(PresetError):
        load_preset("vong", extra_dirs=[tmp_path])


def test_the_preset_words_are_preflighted_too(tmp_path: Path):
    write_preset(
        tmp_path,
        "chu-han",
        publication="Báo 中",
        header={"left": "{publication}", "baseline_mm": 12},
    )
    with pytest.raises(MissingGlyphs) as caught:
        export_pdf(make_article(), tmp_path / "x.pdf",
                   PrintSettings(preset=tmp_path / "chu-han.json"))
    assert caught.value.data["where"] == "header"
    assert "đầu trang" in describe(caught.value, "vi")
    assert not (tmp_path / "x.pdf").exists()


def test_preset_titles_follow_the_language_asked_for():
    from deskapp.pdf.presets import list_presets

    vietnamese = dict(list_presets())
    english = dict(list_presets(lang="en"))
    assert vietnamese["a4-article"] == "A4 – bài viết (mặc định)"
    assert english["a4-article"] == "A4 – article (default)"
    assert set(vietnamese) == set(english)
    assert all(english[name] != vietnamese[name] for name in english)
