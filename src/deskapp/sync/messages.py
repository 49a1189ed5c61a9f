"""Words for syncing with the newsroom server, in Vietnamese and English."""

from __future__ import annotations

from typing import Any

from deskapp.messages import language

CATALOG: dict[str, tuple[str, str]] = {
    "sync_not_configured": (
        "Chưa đặt máy chủ tòa soạn. Hãy ghi địa chỉ, ví dụ "
        "deskapp sync --url postgresql://ten@may-chu/toasoan",
        "No newsroom server is set. Give its address, e.g. "
        "deskapp sync --url postgresql://name@server/newsroom",
    ),
    "sync_bad_url": (
        "Địa chỉ máy chủ “{url}” không đúng ({reason}).",
        "The server address “{url}” is not valid ({reason}).",
    ),
    "sync_driver_missing": (
        "Đồng bộ cần thư viện PostgreSQL của hệ thống (libpq) mà máy này chưa có ({reason}). "
        "Trên Debian/Ubuntu: sudo apt install libpq5. Bài trên máy vẫn nguyên.",
        "Syncing needs the system's PostgreSQL client library (libpq), which this computer "
        "lacks ({reason}). On Debian/Ubuntu: sudo apt install libpq5. The work on this "
        "computer is untouched.",
    ),
    "sync_unreachable": (
        "Không kết nối được máy chủ tòa soạn {server} ({reason}). Bài trên máy vẫn nguyên; "
        "Deskapp sẽ thử lại khi có mạng.",
        "Cannot reach the newsroom server {server} ({reason}). The work on this computer is "
        "untouched; Deskapp will try again when the network is back.",
    ),
    "server_full": (
        "Máy chủ tòa soạn {server} đang đủ người kết nối, chưa nhận thêm máy này. Bài trên "
        "máy vẫn nguyên; Deskapp sẽ thử lại sau. Nếu lặp lại thường xuyên, hãy báo bộ phận "
        "kỹ thuật (số kết nối tối đa của máy chủ, hoặc PgBouncer).",
        "The newsroom server {server} has as many connections as it allows and took no more "
        "for now. The work on this computer is untouched; Deskapp will try again later. If "
        "this keeps happening, tell IT (the server's connection limit, or PgBouncer).",
    ),
    "sync_auth_failed": (
        "Máy chủ {server} không nhận tên “{user}” với mật khẩu này. Hãy nhập lại mật khẩu.",
        "The server {server} did not accept the name “{user}” with this password. "
        "Enter the password again.",
    ),
    "sync_password_needed": (
        "Cần mật khẩu của “{user}” trên máy chủ {server}.",
        "The password of “{user}” on the server {server} is needed.",
    ),
    "sync_interrupted": (
        "Đồng bộ bị ngắt giữa chừng ({reason}). Không mất gì: phần đã xong được giữ, "
        "lần đồng bộ sau sẽ làm tiếp.",
        "The sync was cut off ({reason}). Nothing is lost: what was done is kept and the "
        "next sync carries on.",
    ),
    "server_not_ready": (
        "Máy chủ {server} chưa được chuẩn bị cho Deskapp. Hãy nhờ bộ phận kỹ thuật chạy "
        "“deskapp server setup”.",
        "The server {server} is not set up for Deskapp. Ask IT to run “deskapp server setup”.",
    ),
    "server_too_new": (
        "Máy chủ {server} dùng lược đồ của phiên bản Deskapp mới hơn ({found}; phiên bản "
        "này hiểu đến {known}). Hãy cập nhật Deskapp; bài trên máy vẫn nguyên.",
        "The server {server} holds a schema from a newer Deskapp ({found}; this version "
        "knows up to {known}). Update Deskapp; the work on this computer is untouched.",
    ),
    "server_too_old": (
        "Máy chủ {server} dùng lược đồ cũ ({found}; cần {known}). Hãy nhờ bộ phận kỹ thuật "
        "chạy “deskapp server setup” để nâng cấp.",
        "The server {server} holds an older schema ({found}; {known} is needed). Ask IT to "
        "run “deskapp server setup” to upgrade it.",
    ),
    "server_not_admin": (
        "Tài khoản “{user}” không phải quản trị viên của máy chủ {server}: chỉ bộ phận kỹ "
        "thuật (tài khoản được tạo vai trò) mới chuẩn bị máy chủ hay tạo tài khoản. "
        "Không có gì bị thay đổi.",
        "“{user}” is not an administrator of the server {server}: only IT (a sign-in that "
        "may create roles) can set the server up or add sign-ins. Nothing was changed.",
    ),
    "server_refused": (
        "Máy chủ không nhận thay đổi của bài “{title}”: {why}. Bài trên máy vẫn nguyên.",
        "The server refused the changes to “{title}”: {why}. The article on this computer "
        "is untouched.",
    ),
    "server_error": (
        "Máy chủ báo lỗi: {reason}. Bài trên máy vẫn nguyên.",
        "The server reported an error: {reason}. The work on this computer is untouched.",
    ),
    "pull_skipped": (
        "Bỏ qua bài “{title}” ({id}) khi nhận từ máy chủ: {why}. Các bài khác vẫn được "
        "đồng bộ; hãy báo bộ phận kỹ thuật (deskapp server check).",
        "Skipped “{title}” ({id}) while receiving from the server: {why}. The other "
        "articles were synced; tell IT (deskapp server check).",
    ),
    "article_rekeyed": (
        "Bài “{title}” được gửi với mã mới {new} vì mã cũ {old} trên máy chủ đã thuộc về "
        "người khác. Lịch sử bài được giữ nguyên; ban biên tập được báo bằng một ý kiến "
        "trên bài.",
        "“{title}” was sent under a new id {new} because its old id {old} belongs to "
        "someone else on the server. Its history is kept; the desk is told in a comment on "
        "the article.",
    ),
    "server_check_clean": (
        "Máy chủ {server}: không có bài nào bị hỏng.",
        "Server {server}: no damaged articles.",
    ),
    "server_check_found": (
        "Máy chủ {server}: {count} bài có vấn đề (đồng bộ sẽ bỏ qua các bài hỏng, "
        "các bài khác vẫn đi bình thường).",
        "Server {server}: {count} article(s) with problems (a sync skips the damaged ones; "
        "the others go through as usual).",
    ),
    "server_check_repaired": (
        "{id}\t“{title}”: đã sửa, phiên bản mới nhất trên máy chủ nay là {revision}",
        "{id}\t“{title}”: repaired, its head on the server is now {revision}",
    ),
    "server_check_quarantined": (
        "{id}\t“{title}”: không sửa được, đã cách ly (giữ nguyên trên máy chủ, các lần "
        "đồng bộ bỏ qua; xem bảng deskapp.quarantine)",
        "{id}\t“{title}”: could not be repaired and is quarantined (kept on the server, "
        "passed over by every sync; see the table deskapp.quarantine)",
    ),
    "password_stdin_empty": (
        "Không đọc được mật khẩu: dòng đầu của đầu vào chuẩn trống. Không có gì bị thay đổi.",
        "No password was read: the first line of standard input is empty. Nothing was "
        "changed.",
    ),
    "status_schema": (
        "Máy chủ {server}: lược đồ Deskapp phiên bản {version}; {used}/{most} kết nối đang "
        "dùng.",
        "Server {server}: Deskapp schema version {version}; {used}/{most} connections in use.",
    ),
    "status_never": ("chưa chuẩn bị", "not set up"),
    "status_connected": ("Máy đang kết nối: {count}", "Laptops connected now: {count}"),
    "status_last_syncs": (
        "Lần đồng bộ gần nhất của từng tài khoản (giờ, số lần): {count}",
        "Last sync of each sign-in (time, syncs): {count}",
    ),
    "status_names": (
        "Sổ tên của tòa soạn: {count} tên đang dùng, {removed} tên đã bỏ; lần sửa gần nhất:",
        "Name register: {count} name(s) in force, {removed} removed; last change:",
    ),
    "status_editions": (
        "Trang báo: {count} số báo, {removed} số đã bỏ; lần sửa gần nhất:",
        "Page plans: {count} edition(s), {removed} removed; last change:",
    ),
    "status_lock_waits": (
        "Phiên đang chờ khóa: {count}", "Sessions waiting for a lock: {count}",
    ),
    "same_text": (
        "mở đầu bằng đúng nội dung một phiên bản của bài {other} (của {owner}): có thể "
        "mã bài đã bị người khác chiếm",
        "begins with the text of a revision of article {other} (by {owner}): its id may "
        "have been taken over",
    ),
    "rekey_note": (
        "Bài này trước mang mã {old}; mã đó trên máy chủ đã thuộc về người khác nên bài "
        "được gửi với mã mới, giữ nguyên lịch sử",
        "This article had the id {old}; that id belongs to someone else on the server, so "
        "it was sent under a new id with its history",
    ),
    "lock_held": (
        "“{holder}” đang sửa bài này (từ {since}). Nhận quyền sửa sẽ khiến người đó "
        "bị trùng bản khi đồng bộ.",
        "“{holder}” is editing this article (since {since}). Taking it over means their "
        "next sync may find two versions.",
    ),
    "user_name_invalid": (
        "Tên đăng nhập “{name}” không hợp lệ: chỉ dùng chữ thường không dấu, số và _.",
        "The sign-in name “{name}” is not valid: use lower-case letters, digits and _ only.",
    ),
    "user_exists": (
        "Người dùng “{name}” đã có trên máy chủ. Hãy chọn tên khác; người đã có tên này "
        "vẫn đăng nhập như cũ.",
        "The user “{name}” already exists on the server. Choose another name; whoever has "
        "this one keeps signing in as before.",
    ),
    "sync_done": (
        "Đã đồng bộ: gửi {pushed} bài, nhận {pulled} bài.",
        "Synced: articles sent {pushed}, received {pulled}.",
    ),
    "sync_conflict": (
        "{id}\t“{title}” đã được sửa ở cả hai nơi: giữ nguyên bản ở đây, bản trên máy chủ "
        "được lưu thành phiên bản xung đột để so sánh và chọn",
        "{id}\t“{title}” was changed on both sides: the local version is kept as it is and "
        "the server's version is stored as a conflict revision to compare and choose",
    ),
    "older_fetched": (
        "Đã nhận {count} bài cũ hơn từ máy chủ.",
        "Received {count} older article(s) from the server.",
    ),
    "older_waiting": (
        "Các bài cũ hơn (đã duyệt hoặc đã xuất trước khoảng thời gian gần đây) vẫn trên máy "
        "chủ, chưa tải về: deskapp sync --older 1000 để tải thêm.",
        "Older articles (approved or exported before the recent window) are still on the "
        "server, not fetched: deskapp sync --older 1000 fetches more.",
    ),
    "names_synced": (
        "Sổ tên: gửi {pushed} tên, nhận {pulled} tên.",
        "Name register: names sent {pushed}, received {pulled}.",
    ),
    "names_server_old": (
        "Máy chủ chưa có sổ tên của tòa soạn (phiên bản cũ): sổ ở máy này giữ nguyên, không gửi "
        "không nhận. Quản trị chạy deskapp server setup để nâng cấp máy chủ.",
        "The server does not carry the name register yet (an older version): the register "
        "here stays as it is, nothing sent or received. IT runs deskapp server setup to "
        "upgrade the server.",
    ),
    "names_refused": (
        "Máy chủ không nhận thay đổi sổ tên từ tài khoản này (chỉ biên tập viên được "
        "sửa): các thay đổi vẫn ở máy này.",
        "The server does not take name register changes from this sign-in (only editors may "
        "change it): the changes stay on this computer.",
    ),
    "names_skipped": (
        "Bỏ qua {count} dòng hỏng trong sổ tên trên máy chủ.",
        "Skipped {count} damaged row(s) of the name register on the server.",
    ),
    "editions_synced": (
        "Trang báo: gửi {pushed} số báo, nhận {pulled} số báo.",
        "Page plans: editions sent {pushed}, received {pulled}.",
    ),
    "editions_server_old": (
        "Máy chủ chưa mang được trang báo (phiên bản cũ): các số báo ở máy này giữ nguyên, "
        "không gửi không nhận. Quản trị chạy deskapp server setup để nâng cấp máy chủ.",
        "The server does not carry page plans yet (an older version): the editions here stay "
        "as they are, nothing sent or received. IT runs deskapp server setup to upgrade the "
        "server.",
    ),
    "editions_refused": (
        "Máy chủ không nhận trang báo từ tài khoản này (chỉ biên tập viên được dàn trang): "
        "các thay đổi vẫn ở máy này.",
        "The server does not take page plans from this sign-in (only editors make up pages): "
        "the changes stay on this computer.",
    ),
    "editions_skipped": (
        "Bỏ qua {count} số báo hỏng trên máy chủ.",
        "Skipped {count} damaged edition(s) on the server.",
    ),
    "sync_password_stored": (
        "Mật khẩu được cất trong kho khóa của hệ điều hành.",
        "The password is kept in the system keyring.",
    ),
    "sync_no_keyring": (
        "Máy này không có kho khóa: mật khẩu không được lưu, lần sau sẽ hỏi lại.",
        "This computer has no keyring: the password is not saved and will be asked again.",
    ),
}

# Why the server refused a change (the trigger's reason codes).
REASONS: dict[str, tuple[str, str]] = {
    "names_editor_only": (
        "chỉ biên tập viên được sửa sổ tên của tòa soạn",
        "only editors may change the newsroom's name register",
    ),
    "editions_editor_only": (
        "chỉ biên tập viên được dàn trang",
        "only editors may change page plans",
    ),
    "not_owner": ("bài không phải của bạn", "the article is not yours"),
    "not_draft": (
        "bài đã gửi lên ban biên tập, phóng viên chỉ sửa được bài nháp hoặc bài bị trả",
        "the article is with the desk; reporters change only drafts and returned articles",
    ),
    "status_not_allowed": (
        "phóng viên chỉ được lưu nháp hoặc gửi bài, không được nhận, trả hay duyệt",
        "reporters may only save drafts and submit, not take, return or approve",
    ),
    "action_not_allowed": (
        "phóng viên chỉ được gửi bài", "reporters may only submit articles",
    ),
    "status_follows_head": (
        "trạng thái đi theo phiên bản mới nhất, không sửa riêng được",
        "the status follows the latest revision and cannot be set on its own",
    ),
    "row_not_allowed": (
        "phóng viên chỉ được lưu và gửi bài, không sửa riêng thông tin của bài trên máy chủ",
        "reporters may only save and submit; the article's details on the server cannot be "
        "changed on their own",
    ),
    "not_yourself": (
        "bản ghi mang tên đăng nhập của người khác", "it names another person's sign-in",
    ),
    "event_inconsistent": (
        "bước chuyển trạng thái không khớp với thao tác hoặc phiên bản của nó",
        "a change of status does not match its action or its revision",
    ),
    "comment_unknown": (
        "ý kiến được đánh dấu đã xử lý không có trên máy chủ",
        "a comment marked as resolved is not on the server",
    ),
    "resolution_inconsistent": (
        "ghi nhận đã xử lý ý kiến thiếu thời điểm hoặc quá dài",
        "a comment resolution has no time or is too long",
    ),
    "approval_unsigned": (
        "lời duyệt không có chữ ký của một biên tập viên mà máy chủ biết (khóa chưa được "
        "công bố, hoặc tên không khớp với khóa); bài cần được duyệt lại",
        "the approval is not signed by an editor the server knows (the key is not published, "
        "or the name does not match the key); the article must be approved again",
    ),
    "key_not_editor": ("chỉ biên tập viên mới công bố được khóa duyệt bài",
                       "only editors may publish an approval key"),
    "key_malformed": ("khóa duyệt bài bị hỏng", "the approval key is malformed"),
    "key_name_taken": ("tên này đã có khóa của một tài khoản biên tập khác",
                       "another editor's sign-in has published a key for this name"),
    "head_unknown": ("phiên bản không có trên máy chủ", "the revision is not on the server"),
    "damaged": ("dữ liệu trên máy chủ bị hỏng", "its data on the server is damaged"),
    "damaged_tags": (
        "một phiên bản trên máy chủ có phần từ khóa (tags) không đọc được",
        "a revision on the server has tags that cannot be read",
    ),
    "damaged_hash": (
        "một phiên bản trên máy chủ không khớp mã kiểm tra nội dung của nó",
        "a revision on the server does not match its content hash",
    ),
    "damaged_head": (
        "phiên bản mới nhất của bài không có trên máy chủ",
        "the article's latest revision is missing on the server",
    ),
    "over_limits": (
        "bài vượt quá giới hạn Deskapp nhận (độ dài, số cấp lồng, số cột…), nên không vẽ và "
        "không in được",
        "the article passes the limits Deskapp takes (length, nesting, columns…), so it "
        "could not be drawn or printed",
    ),
    "too_many_revisions": (
        "bài có nhiều phiên bản hơn giới hạn cho một bài",
        "the article holds more revisions than the limit for one article",
    ),
    "row_invalid": (
        "máy chủ thấy một bản ghi của bài không hợp lệ (sai kiểu, sai mã kiểm tra hoặc quá dài)",
        "the server found one of its rows invalid (wrong type, wrong checksum or too long)",
    ),
    "id_taken": (
        "mã bài trên máy chủ đã thuộc về người khác",
        "the article's id on the server belongs to someone else",
    ),
}


def sync_message(code: str, lang: str | None = None, **data: Any) -> str:
    """The sentence for ``code`` (a refusal's ``why`` is translated from its reason code)."""
    lang = lang or language()
    vi, en = CATALOG.get(code, ("{code}", "{code}"))
    data.setdefault("code", code)
    reason = data.get("why")
    if isinstance(reason, str) and reason in REASONS:
        data["why"] = REASONS[reason][0 if lang == "vi" else 1]
    return (vi if lang == "vi" else en).format_map(_Lenient(data))


def refusal_message(refusal: Any, lang: str | None = None, untitled: str = "") -> str:
    """The sentence for one :class:`~deskapp.sync.engine.Refusal` (pushed or pulled)."""
    code = "pull_skipped" if getattr(refusal, "pulled", False) else "server_refused"
    lang = lang or language()
    why = REASONS.get(refusal.why, (refusal.why, refusal.why))[0 if lang == "vi" else 1]
    if getattr(refusal, "detail", ""):
        why = f"{why} ({refusal.detail})"
    return sync_message(code, lang, title=refusal.title or untitled, why=why,
                        id=refusal.article_id)


def problem_words(code: str, lang: str | None = None) -> str:
    """The words for one problem ``deskapp server check`` found (a reason code)."""
    lang = lang or language()
    if code.startswith("same_text:"):
        _, other, owner = code.split(":", 2)
        return sync_message("same_text", lang, other=other, owner=owner)
    vi, en = REASONS.get(code, (code, code))
    return vi if lang == "vi" else en


def describe(error: Exception, lang: str | None = None) -> str:
    return sync_message(getattr(error, "code", "server_error"), lang,
                        **dict(getattr(error, "data", {}) or {}))


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"
