"""Words for the core's error codes, in Vietnamese and English.

The command line uses these directly; the GUI uses them too until every
string moves into Qt's translation files. The language follows
``DESKAPP_LANG`` or the system locale (Vietnamese when it starts with "vi").
"""

from __future__ import annotations

import os
from typing import Any

from deskapp.errors import DeskappError

# code -> (Vietnamese, English); placeholders are filled from the error's data.
CATALOG: dict[str, tuple[str, str]] = {
    "error": ("Đã có lỗi: {detail}", "Something went wrong: {detail}"),
    "unexpected": (
        "Đã có lỗi không lường trước. Không mất gì: những gì đang hiện trên màn hình vẫn giữ "
        "nguyên; hãy thử lại.",
        "Something unexpected went wrong. Nothing was lost: what is on screen is kept; "
        "try again.",
    ),
    "name_invalid": (
        "“{name}” không thể ghi vào sổ tên: tên phải có chữ và dài không quá 200 ký tự.",
        "“{name}” cannot go into the name register: a name needs letters and at most "
        "200 characters.",
    ),
    "name_kind_invalid": (
        "Loại tên “{kind}” không có; hãy chọn người, cơ quan hoặc địa danh.",
        "There is no kind of name “{kind}”; choose person, body or place.",
    ),
    "names_editor_only": (
        "Chỉ biên tập viên mới được sửa sổ tên của tòa soạn.",
        "Only editors may change the newsroom's name register.",
    ),
    "style_value_invalid": (
        "“{value}” không phải là lựa chọn cho {key}; hãy chọn: {choices}.",
        "“{value}” is not a choice for {key}; choose one of: {choices}.",
    ),
    "names_unknown": (
        "“{name}” không có trong sổ tên.",
        "“{name}” is not in the name register.",
    ),
    "names_added": ("Đã ghi “{name}” vào sổ tên.", "“{name}” is in the name register."),
    "names_removed": ("Đã bỏ “{name}” khỏi sổ tên.", "“{name}” is out of the name register."),
    "names_filled": (
        "Đã thêm {count} tên từ các bài đã duyệt.",
        "{count} names added from the approved articles.",
    ),
    "os_error": (
        "Không thực hiện được: {reason}. Không có gì bị mất.",
        "This could not be done: {reason}. Nothing was lost.",
    ),
    "disk_full_here": (
        "Ổ đĩa đã đầy: không ghi được. Hãy giải phóng chỗ trống rồi thử lại; không có gì bị mất.",
        "The disk is full: nothing could be written. Free some space and try again; "
        "nothing was lost.",
    ),
    "unforeseen": (
        "Lệnh “deskapp {command}” không làm xong với “{subject}”: {cause}. Nếu cần báo "
        "lỗi, chạy lại với DESKAPP_DEBUG=1 để có chi tiết.",
        "“deskapp {command}” could not finish with “{subject}”: {cause}. To report it, "
        "run it again with DESKAPP_DEBUG=1 for the details.",
    ),
    "file_empty": (
        "Tệp “{name}” trống, không có gì để nhập.",
        "The file “{name}” is empty; there is nothing to import.",
    ),
    "file_binary": (
        "Tệp “{name}” không phải văn bản (có thể là ảnh hoặc tệp chương trình). "
        "Hãy nhập tệp .txt hoặc .md.",
        "The file “{name}” is not text (it looks like an image or a program). "
        "Import a .txt or .md file.",
    ),
    "file_not_utf8": (
        "Tệp “{name}” không được mã hóa UTF-8 (byte lạ ở vị trí {position}). "
        "Hãy lưu lại tệp dưới dạng UTF-8 rồi nhập lại; không có gì bị thay đổi.",
        "The file “{name}” is not UTF-8 text (unexpected byte at position {position}). "
        "Save it as UTF-8 and import it again; nothing was changed.",
    ),
    "file_too_large": (
        "Tệp “{name}” quá lớn ({size_mb:.1f} MB; tối đa {limit_mb:.0f} MB).",
        "The file “{name}” is too large ({size_mb:.1f} MB; the limit is {limit_mb:.0f} MB).",
    ),
    "file_unreadable": (
        "Không đọc được tệp “{name}”: {reason}",
        "The file “{name}” cannot be read: {reason}",
    ),
    "file_unsupported": (
        "Chưa hỗ trợ nhập tệp “{name}”. Hãy dùng tệp .txt hoặc .md.",
        "Files like “{name}” cannot be imported yet. Use a .txt or .md file.",
    ),
    "paste_too_large": (
        "Đoạn dán quá dài ({chars:,} ký tự; tối đa {limit:,}). Không có gì bị thay đổi.",
        "The pasted text is too long ({chars:,} characters; the limit is {limit:,}). "
        "Nothing was changed.",
    ),
    "file_unwritable": (
        "Không ghi được tệp “{name}”: {reason}. Tệp cũ (nếu có) vẫn nguyên vẹn.",
        "“{name}” cannot be written: {reason}. Any earlier file is untouched.",
    ),
    "import_converted": (
        "{name}: đã chuyển từ {encoding} sang Unicode ({count} từ thay đổi).",
        "{name}: converted from {encoding} to Unicode ({count} words changed).",
    ),
    "conversion_declined": (
        "Chưa nhập tệp “{name}” ({encoding}): bạn đã chọn không chuyển sang Unicode.",
        "“{name}” ({encoding}) was not imported: you chose not to convert it to Unicode.",
    ),
    "convert_unsure": (
        "Không chắc tệp “{name}” dùng bảng mã nào (có thể là {guess}, độ tin cậy {confidence}%). "
        "Không có gì bị chuyển; hãy chỉ rõ bằng --from.",
        "Cannot tell which encoding “{name}” uses (perhaps {guess}, {confidence}% sure). "
        "Nothing was converted; say which with --from.",
    ),
    "convert_failed": (
        "Không đọc được tệp “{name}” theo bảng mã {source}: {reason}",
        "“{name}” cannot be read as {source}: {reason}",
    ),
    "convert_unknown_source": (
        "Bảng mã “{source}” không được hỗ trợ (chọn một trong: {choices}).",
        "Unknown encoding “{source}” (choose one of: {choices}).",
    ),
    "article_not_found": (
        "Không tìm thấy bài “{ref}” trong thư viện.",
        "There is no article “{ref}” in the library.",
    ),
    "revision_not_found": (
        "Không tìm thấy phiên bản “{ref}” trong thư viện.",
        "There is no revision “{ref}” in the library.",
    ),
    "library_corrupt": (
        "Tệp thư viện “{path}” bị hỏng hoặc không phải thư viện Deskapp. "
        "Tệp không bị ghi đè.",
        "The library file “{path}” is damaged or is not a Deskapp library. "
        "It has not been overwritten.",
    ),
    "library_too_new": (
        "Thư viện “{path}” được tạo bởi phiên bản Deskapp mới hơn (lược đồ {found}, "
        "phiên bản này hiểu đến {known}). Hãy cập nhật Deskapp.",
        "The library “{path}” was made by a newer Deskapp (schema {found}; this version "
        "knows up to {known}). Update Deskapp to open it.",
    ),
    "library_unwritable": (
        "Không ghi được vào thư viện “{path}”: {reason}",
        "The library “{path}” cannot be written: {reason}",
    ),
    "disk_full": (
        "Ổ đĩa chứa thư viện “{path}” đã đầy: không lưu được. Thư viện không hỏng và "
        "không bị thay đổi; hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại.",
        "The disk holding the library “{path}” is full, so nothing could be saved. The "
        "library is not damaged and was not changed; free some space on the disk and "
        "try again.",
    ),
    "library_busy": (
        "Thư viện “{path}” đang bận ghi ở một chương trình khác quá lâu (đã chờ 10 giây). "
        "Không có gì bị thay đổi; hãy thử lại.",
        "The library “{path}” stayed busy with another program's write for too long "
        "(waited 10 seconds). Nothing was changed; try again.",
    ),
    "no_display": (
        "Không tìm thấy màn hình để mở cửa sổ Deskapp (chưa có DISPLAY hay WAYLAND_DISPLAY, "
        "chẳng hạn khi đăng nhập qua SSH). Các lệnh không cần cửa sổ vẫn chạy được, ví dụ "
        "“deskapp export bai.md -o bai.pdf” hay “deskapp list”; xem mọi lệnh bằng "
        "“deskapp --help”.",
        "No display was found to open the Deskapp window (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set, as over SSH). The commands that need no window still work, "
        "for example “deskapp export article.md -o article.pdf” or “deskapp list”; see every "
        "command with “deskapp --help”.",
    ),
    "display_library_missing": (
        "Không mở được cửa sổ: thiếu thư viện hệ thống {library}. Trên Debian hoặc Ubuntu: "
        "sudo apt install {packages}. Các lệnh không cần cửa sổ (deskapp import/list/export) "
        "vẫn chạy được; xem mọi lệnh bằng “deskapp --help”.",
        "Cannot open the window: the system library {library} is missing. On Debian or "
        "Ubuntu: sudo apt install {packages}. The commands that need no window (deskapp "
        "import/list/export) still work; see every command with “deskapp --help”.",
    ),
    "log_set_aside": (
        "Bên cạnh thư viện “{path}” có một tệp nhật ký ghi (-wal) không thuộc về nó; "
        "tệp đó đã được đổi tên thành “{moved_to}” và không được ghi vào thư viện.",
        "A write-ahead log (-wal) beside the library “{path}” did not belong to it; it "
        "was renamed to “{moved_to}” and nothing from it was written into the library.",
    ),
    "file_special": (
        "Không ghi vào “{name}”: đó là {kind}, không phải tệp thường. Hãy chọn một tên "
        "tệp mới hoặc một tệp thường; không có gì bị thay đổi.",
        "“{name}” was not written: it is {kind}, not a regular file. Choose a new file "
        "name or a regular file; nothing was changed.",
    ),
    "article_ambiguous": (
        "Mã “{ref}” khớp với {count} bài; hãy gõ thêm ký tự. Các bài: {candidates}",
        "“{ref}” matches {count} articles; type more of the id. Candidates: {candidates}",
    ),
    "library_locked": (
        "Thư viện “{path}” đang được một cửa sổ Deskapp khác dùng (tiến trình {pid} "
        "trên máy {host}). Hãy dùng cửa sổ đó.",
        "The library “{path}” is in use by another Deskapp window (process {pid} on "
        "{host}). Use that window.",
    ),
    "locked": (
        "Thư viện “{path}” đang được một cửa sổ Deskapp khác dùng.",
        "The library “{path}” is in use by another Deskapp window.",
    ),
    "backup_failed": (
        "Không sao lưu được thư viện “{path}”: {reason}. Thư viện không bị thay đổi.",
        "The library “{path}” could not be backed up: {reason}. The library is unchanged.",
    ),
    "export_failed": (
        "Không xuất được PDF “{path}”: {reason}. Tệp cũ (nếu có) vẫn nguyên vẹn.",
        "The PDF “{path}” could not be written: {reason}. Any earlier file is untouched.",
    ),
    "missing_glyphs": (
        "Phông chữ không có ký tự {chars} ({codepoints}) ở {where}. "
        "Hãy sửa văn bản rồi xuất lại; không có tệp nào bị ghi.",
        "The fonts have no glyph for {chars} ({codepoints}) in the {where}. "
        "Correct the text and export again; no file was written.",
    ),
    "font_unreadable": (
        "Không đọc được tệp phông chữ “{name}” ({reason}). Hãy cài lại Deskapp; "
        "không có tệp PDF nào bị ghi.",
        "The font file “{name}” cannot be read ({reason}). Reinstall Deskapp; "
        "no PDF was written.",
    ),
    "too_many_pages": (
        "Bản in dài quá {limit} trang, mức tối đa của một tệp PDF. Hãy chia bài thành "
        "nhiều bài (hoặc xuất từng bài một); không có tệp nào bị ghi.",
        "The print runs past {limit} pages, the most one PDF may have. Split the "
        "article into several (or export the articles one by one); no file was written.",
    ),
    "preset_invalid": (
        "Mẫu trang in “{name}” không dùng được: {reason}. Hãy sửa tệp mẫu; "
        "không có tệp PDF nào bị ghi.",
        "The print preset “{name}” cannot be used: {reason}. Correct the preset file; "
        "no PDF was written.",
    ),
    "preset_not_found": (
        "Không có mẫu trang in “{name}”. Các mẫu hiện có: {available}.",
        "There is no print preset “{name}”. Available presets: {available}.",
    ),
    "package_corrupt": (
        "Gói bài “{name}” bị hỏng hoặc không phải gói Deskapp ({reason}). "
        "Thư viện không bị thay đổi.",
        "The article package “{name}” is damaged or is not a Deskapp package ({reason}). "
        "The library is unchanged.",
    ),
    "package_too_new": (
        "Gói bài “{name}” được tạo bởi phiên bản Deskapp mới hơn (định dạng {found}, "
        "phiên bản này hiểu đến {known}). Hãy cập nhật Deskapp; thư viện không bị thay đổi.",
        "The article package “{name}” was made by a newer Deskapp (format {found}; this "
        "version knows up to {known}). Update Deskapp; the library is unchanged.",
    ),
    "package_unsafe": (
        "Gói bài “{name}” bị từ chối vì không an toàn ({reason}). Thư viện không bị thay đổi.",
        "The article package “{name}” was refused as unsafe ({reason}). "
        "The library is unchanged.",
    ),
    "too_many_revisions": (
        "“{name}” có {count} phiên bản, quá giới hạn {limit} phiên bản cho một bài. "
        "Không có gì được ghi; thư viện không bị thay đổi.",
        "“{name}” holds {count} revisions, over the limit of {limit} for one article. "
        "Nothing was written; the library is unchanged.",
    ),
    "package_checksum": (
        "Gói bài “{name}” bị hỏng: phần “{member}” không khớp mã kiểm tra "
        "(có thể tệp bị cắt hoặc bị sửa khi gửi). Thư viện không bị thay đổi.",
        "The article package “{name}” is damaged: “{member}” does not match its checksum "
        "(it may have been cut short or altered on the way). The library is unchanged.",
    ),
    "file_corrupt": (
        "Tệp “{name}” bị hỏng, không đọc được ({reason}). Không có gì bị thay đổi.",
        "The file “{name}” is damaged and cannot be read ({reason}). Nothing was changed.",
    ),
    "file_legacy_word": (
        "Tệp “{name}” thực ra là tài liệu Word cũ (.doc), không phải .docx. "
        "Hãy mở bằng Word hoặc LibreOffice và lưu lại dưới dạng .docx rồi nhập lại.",
        "The file “{name}” is really an old Word document (.doc), not .docx. "
        "Open it in Word or LibreOffice, save it as .docx and import it again.",
    ),
    "html_no_article": (
        "Không tìm thấy nội dung bài viết trong trang “{name}” (chỉ có menu, liên kết "
        "hoặc trang trống). Không có gì bị thay đổi.",
        "No article text was found in the page “{name}” (only menus, links or nothing). "
        "Nothing was changed.",
    ),
    "merge_created": ("{id}\tđã nhập bài mới “{title}”", "{id}\tcreated “{title}”"),
    "merge_updated": ("{id}\tđã cập nhật “{title}” ({count} phiên bản mới)",
                      "{id}\tupdated “{title}” ({count} new revisions)"),
    "merge_nothing_new": ("{id}\tkhông có gì mới cho “{title}”",
                          "{id}\tnothing new for “{title}”"),
    "merge_diverged": (
        "{id}\t“{title}” đã được sửa ở cả hai nơi: giữ nguyên bản ở đây, bản trong gói "
        "được lưu thành phiên bản xung đột để so sánh và chọn",
        "{id}\t“{title}” was changed on both sides: the local version is kept as it is and "
        "the package's version is stored as a conflict revision to compare and choose",
    ),
    "approval_refused": (
        "Không nhận lời duyệt bài “{title}”{approver_vi}: {reason}. Bài được đưa về "
        "ban biên tập chờ duyệt lại.",
        "The approval of “{title}”{approver_en} was not accepted: {reason}. The article "
        "goes back to the desk to be approved again.",
    ),
    "register_refused": (
        "Sổ tên trong gói của {sender} không được nhận: {reason}. Bài vẫn được nhập; sổ tên "
        "ở đây giữ nguyên.",
        "The name register in {sender}'s package was not taken: {reason}. The article was "
        "imported; the register here is unchanged.",
    ),
    "editions_refused_package": (
        "Trang báo trong gói của {sender} không được nhận: {reason}. Bài vẫn được nhập; các "
        "trang ở đây giữ nguyên.",
        "The page plans in {sender}'s package were not taken: {reason}. The article was "
        "imported; the pages here are unchanged.",
    ),
    "keys_file_invalid": (
        "“{name}” không phải tệp khóa biên tập viên của Deskapp dùng được (định dạng sai, "
        "hoặc mã khóa không khớp với khóa). Không có khóa nào được cài.",
        "“{name}” is not a usable Deskapp editor keys file (wrong format, or a key id "
        "that does not match its key). No key was installed.",
    ),
    "keys_installed": (
        "Đã tin cậy {added} khóa mới ({count} khóa trong tệp).",
        "{added} new key(s) trusted ({count} in the file).",
    ),
    "conflict_not_found": (
        "Bài “{ref}” không có xung đột nào đang chờ xử lý.",
        "The article “{ref}” has no conflict waiting to be resolved.",
    ),
    "photo_invalid": (
        "Tệp “{name}” không phải ảnh dùng được ({reason}). Không có gì bị thay đổi.",
        "“{name}” is not a usable photo ({reason}). Nothing was changed.",
    ),
    "photo_too_large": (
        "Ảnh “{name}” quá lớn ({size_mb:.1f} MB; tối đa {limit_mb:.0f} MB).",
        "The photo “{name}” is too large ({size_mb:.1f} MB; the limit is {limit_mb:.0f} MB).",
    ),
    "preflight_missing_glyph": (
        "Phông chữ không có ký tự {char} ({codepoint}) ở {where}, dòng {line}, cột {column}.",
        "The fonts have no glyph for {char} ({codepoint}) in the {where}, "
        "line {line}, column {column}.",
    ),
    "preflight_photo_missing": (
        "Không có ảnh “{name}” trong bài ({where}); bản in sẽ chỉ có khung thay ảnh.",
        "The photo “{name}” is not stored with the article ({where}); "
        "the print shows an empty frame instead.",
    ),
    "preflight_pdfx_links_dropped": (
        "PDF/X không cho phép liên kết trên trang: {count} liên kết trong bài (từ dòng {line}) "
        "chỉ còn là chữ.",
        "PDF/X allows no links on the page: the {count} links of the article (from line {line}) "
        "print as text only.",
    ),
    "plan_invalid": (
        "Kế hoạch trang không dùng được: mục “{key}” ({problem}) ở trang {page}, khối {block}. "
        "Không có gì bị thay đổi.",
        "The page plan cannot be used: “{key}” ({problem}) on page {page}, block {block}. "
        "Nothing was changed.",
    ),
    "plan_not_json": (
        "Tệp kế hoạch trang không phải JSON đọc được ({reason}). Không có gì bị thay đổi.",
        "The page plan file is not readable JSON ({reason}). Nothing was changed.",
    ),
    "plan_too_large": (
        "Tệp kế hoạch trang quá lớn (tối đa {limit} byte). Không có gì bị thay đổi.",
        "The page plan file is too large (at most {limit} bytes). Nothing was changed.",
    ),
    "plan_no_page": (
        "Số báo “{edition}” không có trang {page}.",
        "The edition “{edition}” has no page {page}.",
    ),
    "plan_block_outside": (
        "Khối {block} của trang {page} nằm ngoài khung chữ của mẫu trang “{preset}” "
        "({columns} cột, {lines} dòng).",
        "Block {block} of page {page} reaches outside the text area of the page preset "
        "“{preset}” ({columns} columns, {lines} lines).",
    ),
    "plan_article_missing": (
        "Trang {page} đặt bài “{article}” nhưng thư viện không có bài này.",
        "Page {page} places the article “{article}”, which is not in the library.",
    ),
    "edition_not_found": (
        "Không có số báo nào tên hoặc mã “{ref}”.",
        "There is no edition named or numbered “{ref}”.",
    ),
    "edition_damaged": (
        "Kế hoạch đã lưu của số báo “{name}” bị hỏng: {reason}",
        "The stored plan of the edition “{name}” is damaged: {reason}",
    ),
    "makeup_refused": (
        "Không xuất trang: {problems}",
        "The pages were not exported: {problems}",
    ),
    "preflight_overset": (
        "Trang {page}, khối {block}, bài “{headline}”: thừa {lines} dòng, {words} chữ "
        "không có chỗ.",
        "Page {page}, block {block}, “{headline}”: {lines} lines, {words} words over with "
        "no room.",
    ),
    "preflight_unapproved": (
        "Trang {page}: bài “{headline}” chưa được duyệt.",
        "Page {page}: the article “{headline}” is not approved.",
    ),
    "preflight_photo_not_found": (
        "Trang {page}: bài “{headline}” không có ảnh “{name}”; khối ảnh in khung trống.",
        "Page {page}: the article “{headline}” has no photo “{name}”; the block prints empty.",
    ),
    "preflight_low_resolution": (
        "Ảnh “{name}” chỉ đạt {dpi:.0f} dpi ở kích thước in (cần ít nhất {minimum} dpi).",
        "The photo “{name}” is only {dpi:.0f} dpi at its printed size "
        "(at least {minimum} dpi is needed).",
    ),
    "export_not_recorded": (
        "Đã xuất {path}, nhưng lượt xuất không được ghi vào lịch sử: {reason}",
        "{path} was exported, but the export was not recorded in the history: {reason}",
    ),
    "export_nothing": (
        "Không có bài nào để xuất.",
        "There are no articles to export.",
    ),
    # Limits (deskapp.limits): what was found, and the most Deskapp takes.
    "limit_render_time": (
        "Bản xem trước dừng lại sau {maximum} giây: bài quá dài hoặc quá phức tạp để vẽ lại "
        "trong lúc gõ. Bài vẫn được lưu và vẫn xuất PDF được; không có gì bị mất.",
        "The preview stopped after {maximum} seconds: the article is too long or too complex "
        "to draw again while you type. It is still saved and still exports to PDF; "
        "nothing was lost.",
    ),
    "limit_body_chars": (
        "Phần {where} dài {found:,} ký tự; Deskapp nhận tối đa {maximum:,} ký tự. "
        "Hãy chia thành nhiều bài; không có gì bị thay đổi.",
        "The {where} is {found:,} characters long; Deskapp takes at most {maximum:,}. "
        "Split it into several articles; nothing was changed.",
    ),
    "limit_paragraph_chars": (
        "Phần {where} có một đoạn dài {found:,} ký tự; Deskapp nhận tối đa {maximum:,} ký tự "
        "mỗi đoạn. Hãy tách đoạn bằng một dòng trống; không có gì bị thay đổi.",
        "The {where} has a paragraph of {found:,} characters; Deskapp takes at most "
        "{maximum:,} per paragraph. Separate paragraphs with a blank line; "
        "nothing was changed.",
    ),
    "limit_nesting": (
        "Phần {where} có danh sách hoặc trích dẫn lồng sâu {found} cấp; Deskapp nhận tối đa "
        "{maximum} cấp. Không có gì bị thay đổi.",
        "The {where} has lists or quotations nested {found} levels deep; Deskapp takes at "
        "most {maximum}. Nothing was changed.",
    ),
    "limit_open_brackets": (
        "Phần {where} có một đoạn mở {found} dấu “{char}” chưa đóng; Deskapp nhận tối đa "
        "{maximum} dấu mở trong một đoạn. Không có gì bị thay đổi.",
        "The {where} has a paragraph with {found} “{char}” left open; Deskapp takes at most "
        "{maximum} open in one paragraph. Nothing was changed.",
    ),
    "limit_table_columns": (
        "Phần {where} có bảng {found} cột; Deskapp nhận tối đa {maximum} cột. "
        "Không có gì bị thay đổi.",
        "The {where} has a table of {found} columns; Deskapp takes at most {maximum}. "
        "Nothing was changed.",
    ),
    "limit_table_cells": (
        "Phần {where} có bảng {found:,} ô; Deskapp nhận tối đa {maximum:,} ô mỗi bảng. "
        "Không có gì bị thay đổi.",
        "The {where} has a table of {found:,} cells; Deskapp takes at most {maximum:,} "
        "per table. Nothing was changed.",
    ),
    "limit_links": (
        "Phần {where} có {found:,} liên kết và ảnh; Deskapp nhận tối đa {maximum:,}. "
        "Không có gì bị thay đổi.",
        "The {where} has {found:,} links and images; Deskapp takes at most {maximum:,}. "
        "Nothing was changed.",
    ),
    "limit_footnotes": (
        "Phần {where} có {found:,} chú thích cuối bài; Deskapp nhận tối đa {maximum:,}. "
        "Không có gì bị thay đổi.",
        "The {where} has {found:,} footnotes; Deskapp takes at most {maximum:,}. "
        "Nothing was changed.",
    ),
    "limit_blocks": (
        "Phần {where} có {found:,} đoạn, tít phụ và đường kẻ; Deskapp nhận tối đa "
        "{maximum:,}. Không có gì bị thay đổi.",
        "The {where} has {found:,} paragraphs, headings and rules; Deskapp takes at most "
        "{maximum:,}. Nothing was changed.",
    ),
    "limit_field_chars": (
        "Phần {where} dài {found:,} ký tự; Deskapp nhận tối đa {maximum:,} ký tự. "
        "Không có gì bị thay đổi.",
        "The {where} is {found:,} characters long; Deskapp takes at most {maximum:,}. "
        "Nothing was changed.",
    ),
    "limit_photo_pixels": (
        "Ảnh “{name}” có {width} × {height} điểm ảnh ({found:,}); Deskapp nhận tối đa "
        "{maximum:,} điểm ảnh. Hãy thu nhỏ ảnh rồi chèn lại; không có gì bị thay đổi.",
        "The photo “{name}” is {width} × {height} pixels ({found:,}); Deskapp takes at most "
        "{maximum:,} pixels. Scale it down and insert it again; nothing was changed.",
    ),
    "limit_photo_pixels_header": (
        "Ảnh “{name}” có {found:,} điểm ảnh; Deskapp nhận tối đa {maximum:,} điểm ảnh. "
        "Hãy thu nhỏ ảnh rồi chèn lại; không có gì bị thay đổi.",
        "The photo “{name}” has {found:,} pixels; Deskapp takes at most {maximum:,}. "
        "Scale it down and insert it again; nothing was changed.",
    ),
    "limit_docx_paragraphs": (
        "Tệp Word “{name}” có {found:,} đoạn; Deskapp nhận tối đa {maximum:,}. "
        "Không có gì bị thay đổi.",
        "The Word file “{name}” has {found:,} paragraphs; Deskapp takes at most "
        "{maximum:,}. Nothing was changed.",
    ),
    "limit_docx_xml": (
        "Văn bản trong tệp Word “{name}” giải nén ra {found_mb:.0f} MB; Deskapp nhận tối đa "
        "{maximum_mb:.0f} MB. Không có gì bị thay đổi.",
        "The text of the Word file “{name}” unpacks to {found_mb:.0f} MB; Deskapp takes at "
        "most {maximum_mb:.0f} MB. Nothing was changed.",
    ),
    "layout_impossible": (
        "Không dàn trang được: một khối trong bài (bảng, danh sách hoặc trích dẫn) quá rộng "
        "hoặc quá cao so với cột của mẫu trang in. Hãy thu gọn khối đó; không có tệp nào "
        "bị ghi.",
        "The page cannot be laid out: a block of the article (a table, a list or a "
        "quotation) is too wide or too tall for the print preset's column. Make it smaller; "
        "no file was written.",
    ),
    "export_cancelled": (
        "Đã hủy xuất “{path}”; không có tệp nào bị ghi.",
        "Exporting “{path}” was cancelled; no file was written.",
    ),
}

# Names of an article's parts, as errors mention them (the ``where`` of an error).
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("tít", "headline"),
    "lead": ("sapo", "lead"),
    "body": ("thân bài", "body"),
    "byline": ("bút danh", "byline"),
    "source": ("nguồn", "source"),
    "section": ("chuyên mục", "section"),
    "header": ("đầu trang", "running header"),
    "footer": ("chân trang", "footer"),
    "label": ("chữ trong khối dành riêng", "words of a reserved block"),
}


# What an export refused to replace (the ``kind`` of ``file_special``).
TARGET_KINDS: dict[str, tuple[str, str]] = {
    "folder": ("một thư mục", "a folder"),
    "device": ("một thiết bị", "a device"),
    "fifo": ("một đường ống (FIFO)", "a named pipe (FIFO)"),
    "socket": ("một socket", "a socket"),
    "link": ("một liên kết (symlink)", "a symbolic link"),
    "special": ("một tệp đặc biệt", "a special file"),
}


def language() -> str:
    """Return "vi" or "en" for messages shown to the user."""
    wanted = os.environ.get("DESKAPP_LANG")
    if wanted:
        return "vi" if wanted.lower().startswith("vi") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    import locale

    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "vi" if code.lower().startswith("vi") else "en"


def message(code: str, lang: str | None = None, **data: Any) -> str:
    """Return the sentence for ``code`` in ``lang`` ("vi" or "en")."""
    lang = lang or language()
    if code in ("approval_refused", "register_refused", "editions_refused_package"):
        data = approval_message(code, lang, data)
    vi, en = CATALOG.get(code, CATALOG["error"])
    template = vi if lang == "vi" else en
    if data.get("where") in FIELD_NAMES:
        data["where"] = FIELD_NAMES[data["where"]][0 if lang == "vi" else 1]
    if data.get("kind") in TARGET_KINDS:
        data["kind"] = TARGET_KINDS[data["kind"]][0 if lang == "vi" else 1]
    try:
        return template.format(**data)
    except (KeyError, ValueError, IndexError):
        return template.format_map(_Lenient(data))


# Why an approval claim was refused (deskapp.desk.approvals): (Vietnamese, English).
APPROVAL_REASONS: dict[str, tuple[str, str]] = {
    "unsigned": ("lời duyệt không có chữ ký của biên tập viên",
                 "it carries no editor's signature"),
    "unknown_key": ("máy này chưa có khóa của biên tập viên đã ký (nhờ IT cài khóa, hoặc "
                    "đồng bộ với máy chủ tòa soạn)",
                    "this computer does not have the signing editor's key (ask IT to install "
                    "it, or sync with the newsroom server)"),
    "wrong_name": ("chữ ký thuộc về một biên tập viên khác với người được ghi tên",
                   "it is signed by another editor than the one it names"),
    "bad_signature": ("chữ ký không khớp với nội dung bài được duyệt",
                      "its signature does not match the approved text"),
    "no_approval": ("bài mang trạng thái đã duyệt nhưng không có lời duyệt nào của biên tập "
                    "viên cho nội dung này",
                    "it is marked approved but no editor's approval covers this text"),
    "rekeyed": ("bài phải nhận mã mới vì mã cũ trên máy chủ đã thuộc về người khác, mà chữ "
                "ký duyệt gắn với mã cũ",
                "the article had to take a new id because its old one belongs to someone "
                "else on the server, and the signature covers the old id"),
}


def approval_message(code: str, lang: str | None, data: dict[str, Any]) -> dict[str, Any]:
    """The words an ``approval_refused`` sentence needs, from its codes."""
    reason = APPROVAL_REASONS.get(str(data.get("reason")), APPROVAL_REASONS["unsigned"])
    approver = str(data.get("approver") or "")
    return {**data, "reason": reason[0 if lang == "vi" else 1],
            "approver_vi": f" đứng tên {approver}" if approver else "",
            "approver_en": f" in the name of {approver}" if approver else ""}


def describe(error: Exception, lang: str | None = None) -> str:
    """Return the user-facing sentence for a core error."""
    code = getattr(error, "code", "error")
    data = dict(getattr(error, "data", {}) or {})
    data.setdefault("detail", str(error.args[0]) if error.args and code == "error" else code)
    return message(code, lang, **data)


def words(error: BaseException, lang: str | None = None) -> str:
    """The sentence for any error a front end shows, whichever family raised it.

    Each family words its own codes (the desk's, the server's, the core's);
    an error without a code is worded by its kind, never by its class name.
    """
    lang = lang or language()
    module = type(error).__module__
    if isinstance(error, DeskappError):
        if module.startswith("deskapp.sync"):
            from deskapp.sync.messages import describe as describe_sync

            return describe_sync(error, lang)
        if module.startswith("deskapp.desk"):
            from deskapp.desk.messages import describe as describe_desk

            return describe_desk(error, lang)
        return describe(error, lang)
    if isinstance(error, OSError):
        import errno

        if error.errno == errno.ENOSPC:
            return message("disk_full_here", lang)
        reason = error.strerror or str(error).strip()
        return message("os_error", lang, reason=reason) if reason else message("unexpected", lang)
    return message("unexpected", lang)


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "?"
