"""Words for proofing findings, in Vietnamese and English.

A :class:`~deskapp.proof.Finding` carries a ``message_code`` and its data;
the sentence is chosen here (or by the UI's own translations), never by the
rule that found it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deskapp.messages import FIELD_NAMES, language
from deskapp.proof.spelling_rules import RULE_WORDS

if TYPE_CHECKING:
    from deskapp.proof.findings import Finding

# code -> (Vietnamese, English); placeholders come from the finding's data.
CATALOG: dict[str, tuple[str, str]] = {
    "invalid_syllable": (
        "“{word}” không phải là một âm tiết tiếng Việt hợp lệ (có thể gõ sai dấu).",
        "“{word}” is not a valid Vietnamese syllable (perhaps a mistyped mark).",
    ),
    "typing_accident": (
        "“{word}” có vẻ là từ nước ngoài bị bộ gõ Telex đổi dấu; phím đã gõ là “{fix}”.",
        "“{word}” looks like a foreign word that Telex typing turned into marks; "
        "the keys typed were “{fix}”.",
    ),
    "spelling_rule": (
        "“{word}” sai quy tắc chính tả: viết {rule_text}. Viết đúng là “{fix}”.",
        "“{word}” breaks a Vietnamese spelling rule: write {rule_text}. "
        "The right spelling is “{fix}”.",
    ),
    "name_variants": (
        "Tên “{name}” được viết hai cách trong bài: {variants}. Nên thống nhất là “{preferred}”.",
        "The name “{name}” is spelled two ways in this article: {variants}. "
        "Use “{preferred}” throughout.",
    ),
    "short_name_variant": (
        "“{word}” có vẻ là {full}, người đã được nêu tên đầy đủ trong bài nhưng viết khác. "
        "Nên thống nhất là “{preferred}”.",
        "“{word}” seems to be {full}, named in full earlier in this article but spelled "
        "another way. Use “{preferred}” throughout.",
    ),
    "iy_variants": (
        "“{word}” và “{other}” cùng xuất hiện trong bài (i/y). Nên thống nhất là “{preferred}”.",
        "“{word}” and “{other}” both appear in this article (i/y). "
        "Use “{preferred}” throughout.",
    ),
    "tone_style_mix": (
        "Bài trộn hai kiểu bỏ dấu (cũ: hòa, thủy; mới: hoà, thuỷ). “{word}” nên viết “{fix}”.",
        "The article mixes old (hòa, thủy) and new (hoà, thuỷ) tone placement. "
        "Write “{word}” as “{fix}”.",
    ),
    "tone_style_house": (
        "Bài trộn hai kiểu bỏ dấu; tòa soạn dùng kiểu {target_name}. “{word}” nên viết “{fix}”.",
        "The article mixes two tone placements; the newsroom uses the {target_name}. "
        "Write “{word}” as “{fix}”.",
    ),
    "double_space": (
        "Có {count} dấu cách liền nhau.",
        "{count} spaces in a row.",
    ),
    "space_before_punctuation": (
        "Thừa dấu cách trước “{mark}”.",
        "A space before “{mark}”.",
    ),
    "space_misplaced": (
        "Dấu cách đặt sai chỗ: bỏ dấu cách trước “{mark}” và thêm một dấu cách sau nó.",
        "The space is on the wrong side of “{mark}”: none before it, one after it.",
    ),
    "space_after_bracket": (
        "Thừa dấu cách sau “{mark}”.",
        "A space after “{mark}”.",
    ),
    "space_before_bracket": (
        "Thiếu dấu cách trước “{mark}”.",
        "No space before “{mark}”.",
    ),
    "straight_quote": (
        "Dấu nháy thẳng {quote} nên thay bằng {replacement}.",
        "Straight quote {quote} should be {replacement}.",
    ),
    "repeated_word": (
        "Từ “{word}” bị lặp.",
        "The word “{word}” is repeated.",
    ),
    "boilerplate": (
        "Đoạn “{text}” là phần thừa của trang web (bình luận, chia sẻ…), nên xóa.",
        "The paragraph “{text}” is left over from the web page (comments, sharing…); "
        "delete it.",
    ),
    "typing_leftover": (
        "“{word}” là phím gõ Telex/VNI chưa được chuyển thành chữ; có lẽ là “{fix}”.",
        "“{word}” looks like Telex/VNI keys left unconverted; probably “{fix}”.",
    ),
    "misspelling": (
        "“{word}” là lỗi chính tả thường gặp; viết đúng là “{fix}” (nguồn: {source}).",
        "“{word}” is a common misspelling; the right form is “{fix}” (source: {source}).",
    ),
    "capitalization": (
        "“{word}” viết hoa chưa đúng; nên viết “{fix}” (Nghị định 30/2020/NĐ-CP, Phụ lục II, "
        "mục {section}).",
        "“{word}” is capitalised wrongly; write “{fix}” (Decree 30/2020/NĐ-CP, Appendix II, "
        "section {section}).",
    ),
    "number_style": (
        "Số “{word}” nên viết “{fix}”: dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân.",
        "Write the number “{word}” as “{fix}”: a dot between thousands, a comma before "
        "decimals.",
    ),
    "date_style": (
        "Ngày tháng “{word}” nên viết “{fix}” theo quy ước của tòa soạn.",
        "Write the date “{word}” as “{fix}”, the newsroom's style.",
    ),
    "space_after_punctuation": (
        "Thiếu dấu cách sau “{mark}”.",
        "No space after “{mark}”.",
    ),
    "name_register": (
        "Sổ tên của tòa soạn viết “{fix}”, không phải “{word}”.",
        "The newsroom's name register spells it “{fix}”, not “{word}”.",
    ),
    "missing_title": ("Bài chưa có tít.", "The article has no headline."),
    "missing_lead": ("Bài chưa có sapo.", "The article has no lead."),
    "missing_byline": ("Bài chưa có bút danh / tác giả.", "The article has no byline."),
    "finding_stale": (
        "Không sửa được: {where} đã thay đổi từ lúc kiểm tra. Hãy kiểm tra lại.",
        "Cannot fix: the {where} has changed since it was checked. Check again.",
    ),
    "finding_unfixable": (
        "Lỗi này không có cách sửa tự động; hãy sửa bằng tay.",
        "This finding has no automatic fix; correct it by hand.",
    ),
}

RULE_NAMES: dict[str, tuple[str, str]] = {
    "invalid_syllable": ("Âm tiết sai", "Invalid syllable"),
    "name_variants": ("Tên viết hai cách", "Name spelled two ways"),
    "short_name_variant": (
        "“{word}” có vẻ là {full}, người đã được nêu tên đầy đủ trong bài nhưng viết khác. "
        "Nên thống nhất là “{preferred}”.",
        "“{word}” seems to be {full}, named in full earlier in this article but spelled "
        "another way. Use “{preferred}” throughout.",
    ),
    "iy_variants": ("Lẫn i/y", "i/y variants"),
    "tone_style_mix": ("Trộn kiểu bỏ dấu", "Mixed tone placement"),
    "double_space": ("Hai dấu cách", "Double space"),
    "space_before_punctuation": ("Cách trước dấu câu", "Space before punctuation"),
    "straight_quote": ("Nháy thẳng", "Straight quote"),
    "repeated_word": ("Lặp từ", "Repeated word"),
    "boilerplate": ("Rác trang web", "Web boilerplate"),
    "typing_leftover": ("Phím gõ sót", "Typing leftover"),
    "misspelling": ("Lỗi chính tả thường gặp", "Common misspelling"),
    "capitalization": ("Viết hoa", "Capitals"),
    "number_style": ("Cách viết số", "Number style"),
    "date_style": ("Cách viết ngày", "Date style"),
    "space_after_punctuation": ("Thiếu cách sau dấu câu", "No space after punctuation"),
    "name_register": ("Sổ tên", "Name register"),
    "missing_title": ("Thiếu tít", "Missing headline"),
    "missing_lead": ("Thiếu sapo", "Missing lead"),
    "missing_byline": ("Thiếu bút danh", "Missing byline"),
}


_STYLE_NAMES = {
    "old": ("cũ (hòa, khỏe, thủy)", "old style (hòa, khỏe, thủy)"),
    "new": ("mới (hoà, khoẻ, thuỷ)", "new style (hoà, khoẻ, thuỷ)"),
}


def proof_message(code: str, lang: str | None = None, **data: Any) -> str:
    """The sentence for ``code`` in ``lang`` ("vi" or "en"; default: the user's)."""
    lang = lang or language()
    vi, en = CATALOG.get(code, (code, code))
    if data.get("where") in FIELD_NAMES:
        data["where"] = FIELD_NAMES[data["where"]][0 if lang == "vi" else 1]
    if data.get("onset") in RULE_WORDS:
        data["rule_text"] = RULE_WORDS[data["onset"]][0 if lang == "vi" else 1]
    if data.get("target") in _STYLE_NAMES:
        data["target_name"] = _STYLE_NAMES[data["target"]][0 if lang == "vi" else 1]
    return (vi if lang == "vi" else en).format_map(_Lenient(data))


def describe_finding(finding: Finding, lang: str | None = None) -> str:
    """The user-facing sentence for one finding."""
    data = {"word": finding.text, "text": _short(finding.text), "fix": finding.fix or ""}
    data.update(finding.data)
    if isinstance(data.get("variants"), list | tuple):
        data["variants"] = ", ".join(f"“{v}”" for v in data["variants"])
    return proof_message(finding.message_code, lang, **data)


def rule_name(rule: str, lang: str | None = None) -> str:
    """A short label for a rule (a column or a filter in the proofing panel)."""
    lang = lang or language()
    vi, en = RULE_NAMES.get(rule, (rule, rule))
    return vi if lang == "vi" else en


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"
