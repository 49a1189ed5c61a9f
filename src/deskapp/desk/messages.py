"""Words for the desk's error codes (status changes, comments), in Vietnamese and English."""

from __future__ import annotations

from typing import Any

from deskapp.messages import FIELD_NAMES, language

CATALOG: dict[str, tuple[str, str]] = {
    "transition_refused": (
        "Không thể “{action}” bài đang ở trạng thái “{status}” với vai trò {role}.",
        "Cannot “{action}” an article that is “{status}” as {role}.",
    ),
    "transition_stale": (
        "Bài đã được người khác chuyển sang trạng thái “{status}” (bạn đang thấy “{expected}”). "
        "Hãy xem lại bài rồi thử lại.",
        "Someone else has moved this article to “{status}” (you were looking at "
        "“{expected}”). Look at it again and retry.",
    ),
    "reason_required": (
        "Hãy ghi lý do trả bài cho phóng viên.",
        "Give the reporter a reason for returning the article.",
    ),
    "proof_findings": (
        "Bài còn {count} lỗi soát bài chưa sửa. Hãy sửa, hoặc ghi chú lý do vẫn duyệt.",
        "The article still has {count} proofing findings. Fix them, or add a note "
        "saying why it is approved anyway.",
    ),
    "unknown_action": (
        "Không có thao tác “{action}” (chọn một trong: {choices}).",
        "Unknown action “{action}” (choose one of: {choices}).",
    ),
    "unknown_role": (
        "Không có vai trò “{role}” (chọn phóng viên hoặc biên tập viên).",
        "Unknown role “{role}” (choose reporter or editor).",
    ),
    "never_submitted": (
        "Bài chưa từng được gửi lên ban biên tập nên chưa có gì để so sánh.",
        "The article has never been submitted, so there is nothing to compare with.",
    ),
    "comment_range_invalid": (
        "Không gắn được nhận xét vào {where} ở vị trí {start}–{end}.",
        "A comment cannot be attached to the {where} at {start}–{end}.",
    ),
    "comment_not_found": (
        "Không tìm thấy nhận xét “{ref}”.",
        "There is no comment “{ref}”.",
    ),
}

# Labels for statuses, actions and roles as a person reads them.
LABELS: dict[str, tuple[str, str]] = {
    "draft": ("bản nháp", "draft"),
    "submitted": ("đã gửi", "submitted"),
    "in_review": ("đang biên tập", "in review"),
    "approved": ("đã duyệt", "approved"),
    "exported": ("đã xuất bản in", "exported"),
    "returned": ("trả lại", "returned"),
    "submit": ("gửi bài", "submit"),
    "take": ("nhận bài", "take"),
    "return": ("trả bài", "return"),
    "approve": ("duyệt bài", "approve"),
    "export": ("xuất bản in", "export"),
    "reopen": ("mở lại để biên tập", "reopen"),
    "reporter": ("phóng viên", "reporter"),
    "editor": ("biên tập viên", "editor"),
}


def label(key: str, lang: str | None = None) -> str:
    """A status, action or role in the user's language."""
    lang = lang or language()
    vi, en = LABELS.get(key, (key, key))
    return vi if lang == "vi" else en


def desk_message(code: str, lang: str | None = None, **data: Any) -> str:
    """The sentence for ``code``; statuses, actions and roles in the data are translated."""
    lang = lang or language()
    vi, en = CATALOG.get(code, (code, code))
    for key in ("action", "status", "role", "expected"):
        if isinstance(data.get(key), str):
            data[key] = label(data[key], lang)
    if data.get("where") in FIELD_NAMES:
        data["where"] = FIELD_NAMES[data["where"]][0 if lang == "vi" else 1]
    return (vi if lang == "vi" else en).format_map(_Lenient(data))


def describe(error: Exception, lang: str | None = None) -> str:
    """The user-facing sentence for a desk error."""
    return desk_message(getattr(error, "code", "error"), lang,
                        **dict(getattr(error, "data", {}) or {}))


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"
