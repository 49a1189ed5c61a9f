<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ArticleStatus</name>
    <message>
        <source>Words in the lead and the body</source>
        <translation>Số chữ của sapo và thân bài</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n chữ</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
</context>
<context>
    <name>EditorPanel</name>
    <message>
        <source>Headline (tít) — required before export</source>
        <translation>Tít — bắt buộc trước khi xuất bản in</translation>
    </message>
    <message>
        <source>This article has no headline yet: type one above.</source>
        <translation>Bài chưa có tít: hãy gõ tít ở ô trên.</translation>
    </message>
    <message>
        <source>Lead (sapo)</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Body (thân bài), in Markdown</source>
        <translation>Thân bài (viết bằng Markdown)</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Bút danh</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Thay bằng</translation>
    </message>
    <message>
        <source>Ignore diacritics</source>
        <translation>Bỏ qua dấu</translation>
    </message>
    <message>
        <source>“quy che” also finds “quy chế”, “dong” finds “đồng”</source>
        <translation>“quy che” cũng tìm thấy “quy chế”, “dong” tìm thấy “đồng”</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Phân biệt hoa thường</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Thay</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Thay tất cả</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>Đã thay %n chỗ</numerusform>
        </translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Không tìm thấy</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n kết quả</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormatActions</name>
    <message>
        <source>B</source>
        <translation>Đ</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Chữ đậm</translation>
    </message>
    <message>
        <source>I</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Chữ nghiêng</translation>
    </message>
    <message>
        <source>H</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Tiêu đề phụ</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Danh sách</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Danh sách gạch đầu dòng</translation>
    </message>
    <message>
        <source>“ Quote</source>
        <translation>“ Trích dẫn</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>Trích dẫn</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>chữ liên kết</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Photo placeholder with caption</source>
        <translation>Chỗ đặt ảnh kèm chú thích</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Định dạng</translation>
    </message>
</context>
<context>
    <name>LegacyPasteBar</name>
    <message>
        <source>Convert</source>
        <translation>Chuyển đổi</translation>
    </message>
    <message>
        <source>Keep as pasted</source>
        <translation>Giữ nguyên</translation>
    </message>
    <message>
        <source>The pasted text looks like %1. Convert it to Unicode? For example: %2</source>
        <translation>Đoạn vừa dán có vẻ là mã %1. Chuyển sang Unicode? Ví dụ: %2</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Thùng rác</translation>
    </message>
    <message>
        <source>A–Z</source>
        <translation>A–Z</translation>
    </message>
    <message>
        <source>Sort by headline in Vietnamese order</source>
        <translation>Xếp theo tít, thứ tự chữ cái tiếng Việt</translation>
    </message>
    <message>
        <source>Search (accents optional)…</source>
        <translation>Tìm bài (gõ dấu hay không đều được)…</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tít</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa lúc</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Đang biên tập</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Đã xuất bản in</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Trả lại</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New article</source>
        <translation>&amp;Bài mới</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập bài…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Xuất PDF…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>Chuyển vào thùng &amp;rác</translation>
    </message>
    <message>
        <source>&amp;Restore from trash</source>
        <translation>&amp;Khôi phục từ thùng rác</translation>
    </message>
    <message>
        <source>Show t&amp;rash</source>
        <translation>Xem thùng &amp;rác</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>Apply the newsroom &amp;tone style to this article</source>
        <translation>Áp kiểu bỏ &amp;dấu của toà soạn cho bài này</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>Định &amp;dạng</translation>
    </message>
    <message>
        <source>&amp;Typing</source>
        <translation>&amp;Gõ chữ</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Chính</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
    </message>
    <message>
        <source>Typing &amp;diagnostics…</source>
        <translation>&amp;Kiểm tra bộ gõ…</translation>
    </message>
    <message numerus="yes">
        <source>Tone style applied: %n field(s) changed</source>
        <translation>
            <numerusform>Đã áp kiểu bỏ dấu: %n ô thay đổi</numerusform>
        </translation>
    </message>
    <message>
        <source>Moved to the trash (View → Show trash to restore)</source>
        <translation>Đã chuyển vào thùng rác (Xem → Xem thùng rác để khôi phục)</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Đã khôi phục</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Nhập bài</translation>
    </message>
    <message>
        <source>Text and Markdown</source>
        <translation>Văn bản và Markdown</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>Đã nhập %n bài</numerusform>
        </translation>
    </message>
    <message>
        <source>converted to Unicode: </source>
        <translation>đã chuyển sang Unicode: </translation>
    </message>
    <message>
        <source>Convert to Unicode?</source>
        <translation>Chuyển sang Unicode?</translation>
    </message>
    <message>
        <source>“%1” looks like %2 (%3% sure). %4 words will change, for example:

%5

Convert it to Unicode and import it?</source>
        <translation>“%1” có vẻ là mã %2 (chắc chắn %3%). %4 từ sẽ thay đổi, ví dụ:

%5

Chuyển sang Unicode rồi nhập bài?</translation>
    </message>
    <message>
        <source>Give the article a headline before exporting it.</source>
        <translation>Hãy đặt tít cho bài trước khi xuất PDF.</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất PDF…</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Đã xuất %1</translation>
    </message>
    <message>
        <source>Deskapp</source>
        <translation>Deskapp</translation>
    </message>
    <message>
        <source>The article could not be saved. Quit anyway and lose the last changes?</source>
        <translation>Không lưu được bài. Vẫn thoát và mất những thay đổi cuối?</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>The new language shows the next time Deskapp starts.</source>
        <translation>Ngôn ngữ mới sẽ hiện khi mở lại Deskapp.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tối</translation>
    </message>
    <message>
        <source>A new language shows the next time Deskapp starts.</source>
        <translation>Ngôn ngữ mới sẽ hiện khi mở lại Deskapp.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Màu giao diện</translation>
    </message>
</context>
<context>
    <name>TypingControls</name>
    <message>
        <source>Off (use the system input method)</source>
        <translation>Tắt (dùng bộ gõ của hệ thống)</translation>
    </message>
    <message>
        <source>Telex</source>
        <translation>Telex</translation>
    </message>
    <message>
        <source>VNI</source>
        <translation>VNI</translation>
    </message>
    <message>
        <source>Old tone style (hòa, khỏe, thủy)</source>
        <translation>Bỏ dấu kiểu cũ (hòa, khỏe, thủy)</translation>
    </message>
    <message>
        <source>New tone style (hoà, khoẻ, thuỷ)</source>
        <translation>Bỏ dấu kiểu mới (hoà, khoẻ, thuỷ)</translation>
    </message>
    <message>
        <source>Vietnamese typing</source>
        <translation>Gõ tiếng Việt</translation>
    </message>
    <message>
        <source>Built-in Vietnamese typing (Alt+Z)</source>
        <translation>Bộ gõ tiếng Việt có sẵn (Alt+Z)</translation>
    </message>
    <message>
        <source>Vietnamese typing: %1</source>
        <translation>Gõ tiếng Việt: %1</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <source>  EN  </source>
        <translation>  EN  </translation>
    </message>
</context>
<context>
    <name>TypingDiagnostics</name>
    <message>
        <source>Typing diagnostics</source>
        <translation>Kiểm tra bộ gõ</translation>
    </message>
    <message>
        <source>Type here: Tiếng Việt có dấu</source>
        <translation>Gõ thử ở đây: Tiếng Việt có dấu</translation>
    </message>
    <message>
        <source>Try typing</source>
        <translation>Gõ thử</translation>
    </message>
    <message>
        <source>Window system</source>
        <translation>Hệ thống cửa sổ</translation>
    </message>
    <message>
        <source>QT_IM_MODULE</source>
        <translation>QT_IM_MODULE</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(chưa đặt)</translation>
    </message>
    <message>
        <source>Input context plugins shipped</source>
        <translation>Plugin bộ gõ đi kèm</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Keyboard locale</source>
        <translation>Ngôn ngữ bàn phím</translation>
    </message>
    <message>
        <source>Built-in typing</source>
        <translation>Bộ gõ có sẵn</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <source>Tone style</source>
        <translation>Kiểu bỏ dấu</translation>
    </message>
</context>
<context>
    <name>ViewActions</name>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Tìm…</translation>
    </message>
    <message>
        <source>Find and &amp;replace…</source>
        <translation>Tìm và t&amp;hay…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>Tìm t&amp;iếp</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>Tìm &amp;lùi</translation>
    </message>
    <message>
        <source>F&amp;ocus mode</source>
        <translation>Chế độ &amp;tập trung</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to chữ</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Th&amp;u nhỏ chữ</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Cỡ chữ gốc</translation>
    </message>
    <message>
        <source>Go to the &amp;library</source>
        <translation>Về &amp;danh sách bài</translation>
    </message>
    <message>
        <source>Go to the &amp;text</source>
        <translation>Về ô &amp;soạn thảo</translation>
    </message>
</context>
</TS>
