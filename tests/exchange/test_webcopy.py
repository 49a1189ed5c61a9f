"""Cleanup of news copy pasted from a web page."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

import markdown
import pytest

from deskapp.exchange import Draft, clean_web_copy, escape_markdown, is_boilerplate, parse_tags
from deskapp.model import Article, Status

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
KONTUM = SAMPLES / "kontum-quy-che-dan-chu.raw.txt"

P1 = "Ban chỉ đạo tỉnh tổ chức hội nghị tổng kết công tác năm 2013."
P2 = "Trong năm 2013, các cấp ủy Đảng đã quan tâm lãnh đạo, chỉ đạo."
P3 = "Năm 2014, Ban chỉ đạo tập trung vào một số nhiệm vụ trọng tâm."


def paragraphs(draft: Draft) -> list[str]:
    return draft.body.split("\n\n") if draft.body else []


def copy(*blocks: str) -> str:
    return "\n\n".join(blocks)


# --- the real sample ------------------------------------------------------------


@pytest.fixture
def kontum() -> Draft:
    if not KONTUM.exists():
        pytest.skip(f"newsroom sample not found at {KONTUM}")
    return clean_web_copy(KONTUM.read_text(encoding="utf-8"))


def test_sample_source_and_byline(kontum: Draft):
    assert kontum.source == "kontumtv.vn"
    assert kontum.byline == "Thanh Tùng – Công Luận"


def test_sample_has_no_comment_form(kontum: Draft):
    everything = "\n".join([kontum.body, kontum.byline, kontum.source])
    assert "Trả lời" not in everything
    assert "Email của bạn" not in everything
    assert "bắt buộc" not in everything
    assert "(kontumtv.vn)" not in everything


def test_sample_has_no_double_or_odd_spaces(kontum: Draft):
    for value in (kontum.body, kontum.byline, kontum.source):
        assert "  " not in value
        assert "\u00a0" not in value
    for paragraph in paragraphs(kontum):
        assert paragraph == paragraph.strip()


def test_sample_body_paragraphs(kontum: Draft):
    starts = [
        "Ban chỉ đạo xây dựng",
        "Trong năm 2013",
        "Các cấp chính quyền",
        "Trong năm qua",
        "Phát biểu kết luận",
    ]
    found = paragraphs(kontum)
    assert len(found) == 5
    for paragraph, start in zip(found, starts, strict=True):
        assert paragraph.startswith(start)
    assert found[-1].endswith("tổng kết chương trình của năm 2014.")
    assert "ở cơ sở tỉnh vừa tổ chức" in found[0]


def test_sample_invents_nothing(kontum: Draft):
    assert kontum.title == ""
    assert kontum.lead == ""
    assert kontum.section == ""
    assert kontum.tags == []


# --- spaces, lines, paragraphs --------------------------------------------------


def test_space_like_characters_become_single_spaces():
    text = "Hội\u00a0nghị\u2009tổng\u202fkết\u3000năm\t2013  ,   tại\u00a0\u00a0 Kon Tum."
    assert clean_web_copy(text).body == "Hội nghị tổng kết năm 2013 , tại Kon Tum."


def test_invisible_characters_are_removed():
    text = "\ufeffQuy\u200b chế dân\u00ad chủ."
    assert clean_web_copy(text).body == "Quy chế dân chủ."


def test_lines_in_a_block_are_joined_and_blank_lines_split():
    head, tail = P1[:24], P1[25:]
    assert f"{head} {tail}" == P1
    text = f"  {head}\n{tail}   \n\n\n\t{P2}\n \u00a0 \n{P3}"
    assert paragraphs(clean_web_copy(text)) == [P1, P2, P3]


def test_crlf_copy():
    assert paragraphs(clean_web_copy(f"{P1}\r\n\r\n{P2}\r\n")) == [P1, P2]


def test_nfd_copy_becomes_nfc():
    draft = clean_web_copy(unicodedata.normalize("NFD", f"(TTXVN) – {P1}\n\n{P2}\n\nĐức Thủy"))
    for value in (draft.body, draft.source, draft.byline):
        assert unicodedata.is_normalized("NFC", value)
    assert draft.body.startswith(P1)
    assert draft.byline == "Đức Thủy"


def test_empty_copy_gives_empty_draft():
    assert clean_web_copy("") == Draft()
    assert clean_web_copy(" \n\u00a0\n") == Draft()


# --- source credit ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("credit", "source"),
    [
        ("(kontumtv.vn) – ", "kontumtv.vn"),
        ("(TTXVN) - ", "TTXVN"),
        ("(Báo Kon Tum) — ", "Báo Kon Tum"),
        ("(baokontum.com.vn)-", "baokontum.com.vn"),
        ("( Chinhphu.vn )\u00a0–\u00a0", "Chinhphu.vn"),
    ],
)
def test_leading_credit_becomes_source(credit: str, source: str):
    draft = clean_web_copy(copy(credit + P1, P2))
    assert draft.source == source
    assert paragraphs(draft) == [P1, P2]


def test_credit_on_its_own_line():
    draft = clean_web_copy(copy("(TTXVN) –", P1, P2))
    assert draft.source == "TTXVN"
    assert paragraphs(draft) == [P1, P2]


def test_credit_after_copied_navigation():
    draft = clean_web_copy(copy("Trang chủ", "Đăng nhập | Đăng ký", f"(TTXVN) – {P1}", P2))
    assert draft.source == "TTXVN"
    assert paragraphs(draft) == [P1, P2]


@pytest.mark.parametrize(
    "text",
    [
        f"(Ảnh minh họa) {P1}",  # no dash after it
        f"Ông Quý (Trưởng ban) - {P1}",  # not at the very start
        f"{P2}\n\n(TTXVN) – {P1}",  # not the first paragraph
    ],
)
def test_other_parentheses_are_not_a_source(text: str):
    draft = clean_web_copy(text)
    assert draft.source == ""
    assert "(" in draft.body


# --- boilerplate -----------------------------------------------------------------


BOILERPLATE = [
    "Trả lời",
    "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
    "Các trường bắt buộc được đánh dấu *",
    "Bình luận",
    "Gửi bình luận",
    "Để lại bình luận",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Chia sẻ",
    "Chia sẻ: Facebook | Zalo | Twitter",
    "Share",
    "Tweet",
    "In bài viết",
    "Bài viết liên quan",
    "Tin liên quan:",
    "Xem thêm",
    "» Xem thêm: Kon Tum tổng kết công tác dân vận năm 2013",
    "Đăng nhập",
    "Tên *",
    "Nội dung *",
    "Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp của tôi.",
]

BODY_MENTIONS = [
    "Trả lời phóng viên, ông Quý cho biết tỉnh sẽ tiếp tục kiểm tra.",
    "Bạn đọc có thể gửi bình luận qua email của tòa soạn.",
    "Ông chia sẻ: năm nay còn nhiều khó khăn.",
    "Xem thêm các quy định tại Nghị định 04/2015.",
    "Đăng nhập hệ thống một cửa, người dân có thể tra cứu hồ sơ.",
    "Email của bạn sẽ không được hiển thị công khai, ông nói thêm.",
    "Nội dung",  # a subheading: a form label would carry a star
]


@pytest.mark.parametrize("junk", BOILERPLATE)
def test_boilerplate_paragraphs_are_dropped(junk: str):
    assert is_boilerplate(junk)
    draft = clean_web_copy(copy(P1, junk, P2, junk))
    assert paragraphs(draft) == [P1, P2]


@pytest.mark.parametrize("sentence", BODY_MENTIONS)
def test_body_mentioning_boilerplate_words_is_kept(sentence: str):
    assert not is_boilerplate(sentence)
    draft = clean_web_copy(copy(P1, sentence, P2))
    assert paragraphs(draft) == [P1, sentence, P2]


def test_boilerplate_lines_inside_a_block_are_dropped():
    draft = clean_web_copy(f"{P1}\nChia sẻ\nTrả lời\n\n{P2}")
    assert paragraphs(draft) == [P1, P2]


def test_hard_wrapped_sentence_breaking_at_a_button_word_is_kept():
    text = "Khi được hỏi, ông không\ntrả lời\nngay mà xin thêm thời gian."
    expected = "Khi được hỏi, ông không trả lời ngay mà xin thêm thời gian."
    assert clean_web_copy(text).body == expected


def test_trailing_boilerplate_after_byline():
    text = copy(P1, P2, "PV", "Chia sẻ", "Trả lời", "Leave a Reply", "Đăng nhập")
    draft = clean_web_copy(text)
    assert draft.byline == "PV"
    assert paragraphs(draft) == [P1, P2]


def test_related_headlines_after_the_byline_are_dropped():
    text = copy(
        P1,
        P2,
        "Thanh Tùng – Công Luận",
        "Tin liên quan",
        "Kon Tum tổng kết công tác dân vận năm 2013",
        "Hội nghị triển khai nhiệm vụ năm 2014",
        "Vì sao quy chế dân chủ chưa đi vào cuộc sống?",
    )
    draft = clean_web_copy(text)
    assert draft.byline == "Thanh Tùng – Công Luận"
    assert paragraphs(draft) == [P1, P2]


def test_related_heading_in_mid_article_keeps_the_prose_after_it():
    text = copy(P1, "Xem thêm", "Kon Tum tổng kết công tác dân vận", P2, P3, "PV")
    draft = clean_web_copy(text)
    assert draft.byline == "PV"
    assert paragraphs(draft) == [P1, "Kon Tum tổng kết công tác dân vận", P2, P3]


# --- tags ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Tags: quy chế dân chủ, Kon Tum, Ban chỉ đạo",
        "Từ khóa: quy chế dân chủ; Kon Tum; Ban chỉ đạo",
        "Từ khoá: #quy chế dân chủ | #Kon Tum | Ban chỉ đạo",
        "TAGS : quy chế dân chủ, Kon Tum, Ban chỉ đạo, Kon Tum",
    ],
)
def test_tags_line_becomes_tags(line: str):
    draft = clean_web_copy(copy(P1, "PV", line))
    assert draft.tags == ["quy chế dân chủ", "Kon Tum", "Ban chỉ đạo"]
    assert draft.byline == "PV"
    assert paragraphs(draft) == [P1]


def test_tags_line_inside_the_last_block():
    draft = clean_web_copy(f"{P1}\n\n{P2}\nTags: dân chủ, Kon Tum")
    assert draft.tags == ["dân chủ", "Kon Tum"]
    assert paragraphs(draft) == [P1, P2]


def test_body_sentence_starting_like_tags_is_kept():
    sentence = "Từ khóa: minh bạch là điều được nhắc đến nhiều nhất tại hội nghị năm nay."
    assert parse_tags(sentence) is None
    draft = clean_web_copy(copy(P1, sentence))
    assert draft.tags == []
    assert paragraphs(draft) == [P1, sentence]


def test_empty_tags_label_is_dropped():
    assert parse_tags("Tags:") == []
    assert paragraphs(clean_web_copy(copy(P1, "Tags:", P2))) == [P1, P2]


# --- byline ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "byline",
    [
        "Thanh Tùng – Công Luận",
        "PV",
        "Minh Hà (TTXVN)",
        "Theo Báo Kon Tum",
        "Bài và ảnh: Hồng Hạnh",
        "Nguyễn Văn A, Trần Thị B",
    ],
)
def test_byline_is_taken_from_the_end(byline: str):
    draft = clean_web_copy(copy(P1, P2, byline))
    assert draft.byline == byline
    assert paragraphs(draft) == [P1, P2]


@pytest.mark.parametrize(
    "ending",
    [
        "Hội nghị kết thúc lúc 17 giờ cùng ngày.",  # a sentence
        "Ghi chép của PV.",  # ends with a full stop
        "Ông Quý nói:",  # ends with a colon
        "còn nhiều việc phải làm",  # lower case, not names
        "Thứ Hai, 13/01/2014",  # a date
        "Ban Chỉ Đạo Xây Dựng Và Thực Hiện Quy Chế Dân Chủ Ở Cơ Sở Tỉnh Kon Tum",  # too long
    ],
)
def test_other_endings_stay_in_the_body(ending: str):
    draft = clean_web_copy(copy(P1, P2, ending))
    assert draft.byline == ""
    assert paragraphs(draft)[-1] == ending


def test_right_aligned_paragraph_is_a_byline_even_when_oddly_shaped():
    indented = "\u00a0" * 40 + "Hoàng ngọc"
    assert clean_web_copy(copy(P1, P2, indented)).byline == "Hoàng ngọc"
    assert clean_web_copy(copy(P1, P2, "Hoàng ngọc")).byline == ""


def test_right_aligned_sentence_is_not_a_byline():
    indented = " " * 40 + "Hội nghị kết thúc lúc 17 giờ."
    assert clean_web_copy(copy(P1, indented)).byline == ""


def test_byline_on_the_line_after_the_last_sentence():
    draft = clean_web_copy(f"{P1}\n\n{P2}\nMinh Hà (TTXVN)")
    assert draft.byline == "Minh Hà (TTXVN)"
    assert paragraphs(draft) == [P1, P2]


def test_a_lone_paragraph_is_never_taken_as_byline():
    draft = clean_web_copy("Kon Tum Hôm Nay")
    assert draft.byline == ""
    assert draft.body == "Kon Tum Hôm Nay"


# --- fields ----------------------------------------------------------------------


def test_no_title_and_no_lead_are_invented():
    draft = clean_web_copy(copy("Hội nghị tổng kết quy chế dân chủ", P1, P2))
    assert draft.title == ""
    assert draft.lead == ""
    assert paragraphs(draft)[0] == "Hội nghị tổng kết quy chế dân chủ"


def test_to_article():
    draft = Draft(
        title="Tít",
        lead="Sapo",
        body=P1,
        byline="PV",
        source="TTXVN",
        section="Thời sự",
        tags=["a", "b"],
    )
    article = draft.to_article()
    assert isinstance(article, Article)
    assert (article.title, article.lead, article.body) == ("Tít", "Sapo", P1)
    assert (article.byline, article.source, article.section) == ("PV", "TTXVN", "Thời sự")
    assert article.tags == ["a", "b"]
    assert article.tags is not draft.tags
    assert article.status == Status.DRAFT


# --- Markdown escaping -------------------------------------------------------------

TRICKY = [
    "# 1 là số đầu tiên",
    "#KonTum là hashtag",
    "> trích dẫn không phải trích dẫn",
    "- gạch đầu dòng",
    "+ cộng",
    "* sao",
    "---",
    "- - -",
    "***",
    "1. Mục một",
    "2014. Năm bản lề",
    ": định nghĩa",
    "~~~ không phải code",
    "```",
    "Giá *khuyến mại* và _giảm_ __mạnh__",
    "Lệnh `ls` chạy trong C:\\Users\\pv",
    "Xem [1] và [phụ lục](http://x.vn) ![ảnh](a.png)",
    "Thẻ <b>đậm</b> và <script>x</script> và <http://kontumtv.vn>",
    "Ký hiệu &copy; và &#169; là thực thể",
    "Chú thích[^1] và *[HTML]: viết tắt",
    "a \\* b và \\\\",
]

PLAIN = [
    "Ông A nói: “Tốt!” (ngày 1-1), giá 5.000 đồng; tỷ lệ 50% – được chứ?",
    "Tệp bao_cao_2013.docx và địa chỉ pv@kontumtv.vn",
    "a < b và b > c, 3 + 4 = 7, R&D, 1) mục",
    "-5 độ C và +3 độ C",
    "Năm 2014. Kế hoạch.",
]


def rendered_text(source: str, extensions: list[str]) -> str:
    html_text = markdown.markdown(source, extensions=extensions)
    assert "<p>" in html_text and html_text.count("<p>") == 1, html_text
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


@pytest.mark.parametrize("extensions", [[], ["extra", "sane_lists"]], ids=["plain", "extra"])
@pytest.mark.parametrize("text", TRICKY + PLAIN)
def test_escaped_text_renders_literally(text: str, extensions: list[str]):
    assert rendered_text(escape_markdown(text), extensions) == text


@pytest.mark.parametrize("text", PLAIN)
def test_ordinary_punctuation_is_not_escaped(text: str):
    assert escape_markdown(text) == text


def test_escapes_are_minimal_and_readable():
    assert escape_markdown("# a") == "\\# a"
    assert escape_markdown("1. a") == "1\\. a"
    assert escape_markdown("*a* _b_ `c` [d]") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\]"
    assert escape_markdown("a\\b") == "a\\\\b"
    assert escape_markdown("<b>") == "&lt;b>"
    assert escape_markdown("snake_case") == "snake_case"


def test_body_paragraphs_are_escaped_but_credits_are_not():
    draft = clean_web_copy(copy("(TTXVN) – * Điểm một", "1. Điểm hai", "Minh Hà [TTXVN]"))
    assert paragraphs(draft) == ["\\* Điểm một", "1\\. Điểm hai"]
    assert draft.byline == "Minh Hà [TTXVN]"
    assert draft.source == "TTXVN"
