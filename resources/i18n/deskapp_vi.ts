<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Deskapp</source>
        <translation>Giới thiệu Deskapp</translation>
    </message>
    <message>
        <source>An editorial workstation for Vietnamese newsrooms: write, review and print articles, offline.</source>
        <translation>Phần mềm biên tập cho tòa soạn Việt Nam: viết, duyệt và in bài, không cần mạng.</translation>
    </message>
    <message>
        <source>Fonts and icons shipped with Deskapp</source>
        <translation>Phông chữ và biểu tượng đi kèm Deskapp</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Thư viện phần mềm</translation>
    </message>
    <message>
        <source>Licence texts</source>
        <translation>Toàn văn giấy phép</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used as shared libraries under the GNU Lesser General Public License version 3; you may replace them with versions of your own.</source>
        <translation>Qt và PySide6 được dùng dưới dạng thư viện liên kết động theo Giấy phép Công cộng Hạn chế GNU (LGPL) phiên bản 3; bạn có thể thay chúng bằng phiên bản của riêng mình.</translation>
    </message>
</context>
<context>
    <name>ArticleSession</name>
    <message>
        <source>Not saved: the library is damaged (File → Backups → Restore a backup…)</source>
        <translation>Chưa lưu: thư viện bị hỏng (Tệp → Sao lưu → Khôi phục từ bản sao lưu…)</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
</context>
<context>
    <name>ArticleStatus</name>
    <message>
        <source>Words in the lead and the body</source>
        <translation>Số chữ của sapo và thân bài</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%Ln chữ</numerusform>
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
    <name>BackupCommands</name>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Sao lưu</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Sao lưu &amp;ngay</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Show the backups &amp;folder</source>
        <translation>Mở &amp;thư mục sao lưu</translation>
    </message>
    <message>
        <source>Export the library as &amp;Markdown…</source>
        <translation>Xuất cả thư viện ra &amp;Markdown…</translation>
    </message>
    <message>
        <source>This library is not stored in a file.</source>
        <translation>Thư viện này không được lưu trong tệp.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Đã sao lưu: %1</translation>
    </message>
    <message>
        <source>There are no backups of this library yet.</source>
        <translation>Thư viện này chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>Deskapp no longer writes to it. What is open stays in the window: File → Backups → Restore a backup… puts a backup in its place and keeps your open text.</source>
        <translation>Deskapp sẽ không ghi vào tệp này nữa. Nội dung đang mở vẫn còn trong cửa sổ: Tệp → Sao lưu → Khôi phục từ bản sao lưu… sẽ đặt bản sao lưu vào chỗ của nó và giữ lại phần chữ đang mở.</translation>
    </message>
    <message>
        <source>Restart Deskapp to recover.</source>
        <translation>Hãy khởi động lại Deskapp để khôi phục.</translation>
    </message>
    <message>
        <source>Backup restored; the previous library is kept as %1</source>
        <translation>Đã khôi phục bản sao lưu; thư viện trước đó được giữ lại với tên %1</translation>
    </message>
    <message>
        <source>Export the library to a folder</source>
        <translation>Xuất thư viện vào thư mục</translation>
    </message>
    <message>
        <source>Exporting the library…</source>
        <translation>Đang xuất thư viện…</translation>
    </message>
    <message>
        <source>%1 article(s) written to %2</source>
        <translation>Đã ghi %1 bài vào %2</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>The library as it is now is kept beside it under another name; nothing is overwritten.</source>
        <translation>Thư viện hiện tại được giữ lại bên cạnh dưới tên khác; không có gì bị ghi đè.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Export several articles</source>
        <translation>Xuất nhiều bài</translation>
    </message>
    <message>
        <source>Selected in the library (%1)</source>
        <translation>Các bài đang chọn trong thư viện (%1)</translation>
    </message>
    <message>
        <source>All approved articles (%1)</source>
        <translation>Mọi bài đã duyệt (%1)</translation>
    </message>
    <message>
        <source>One edition PDF, pages numbered through</source>
        <translation>Một tệp PDF cho cả số báo, đánh số trang liên tục</translation>
    </message>
    <message>
        <source>One PDF per article, into a folder</source>
        <translation>Mỗi bài một tệp PDF, vào một thư mục</translation>
    </message>
    <message>
        <source>3 mm bleed, CMYK</source>
        <translation>Tràn lề 3 mm, CMYK</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Khổ in</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Lưu vào</translation>
    </message>
    <message>
        <source>Edition PDF</source>
        <translation>Tệp PDF của số báo</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Thư mục chứa các tệp PDF</translation>
    </message>
    <message>
        <source>There are no articles to export.</source>
        <translation>Không có bài nào để xuất.</translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation>Hãy chọn nơi lưu tệp PDF.</translation>
    </message>
    <message>
        <source>Exporting %1 article(s)…</source>
        <translation>Đang xuất %1 bài…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>Done, with failures.</source>
        <translation>Xong, có bài không xuất được.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Xong.</translation>
    </message>
    <message>
        <source>Cancelled: the edition PDF was not written.</source>
        <translation>Đã hủy: tệp PDF của số báo không được ghi.</translation>
    </message>
    <message>
        <source>Written: %1 (%2 pages, %3 articles)</source>
        <translation>Đã ghi: %1 (%2 trang, %3 bài)</translation>
    </message>
    <message>
        <source>Written: %1 (%2 pages)</source>
        <translation>Đã ghi: %1 (%2 trang)</translation>
    </message>
    <message>
        <source>Failed: “%1”: %2</source>
        <translation>Không xuất được “%1”: %2</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>Cancelled: the other articles were not exported.</source>
        <translation>Đã hủy: các bài còn lại không được xuất.</translation>
    </message>
    <message>
        <source>%1 photo warning(s): open the article and use File → Check for print to see them.</source>
        <translation>%1 cảnh báo về ảnh: mở bài và dùng Tệp → Kiểm tra trước khi in để xem.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Không xuất được: %1</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Show resolved</source>
        <translation>Hiện cả nhận xét đã xử lý</translation>
    </message>
    <message>
        <source>&amp;Comment on selection…</source>
        <translation>&amp;Nhận xét đoạn đã chọn…</translation>
    </message>
    <message>
        <source>Select text in the article first (Ctrl+Alt+M)</source>
        <translation>Hãy chọn chữ trong bài trước (Ctrl+Alt+M)</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <source>The commented text is gone: this comment is detached.</source>
        <translation>Đoạn chữ được nhận xét không còn nữa: nhận xét này đã bị tách rời.</translation>
    </message>
    <message numerus="yes">
        <source>%n open comment(s)</source>
        <translation>
            <numerusform>%Ln nhận xét chưa xử lý</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detached</source>
        <translation>
            <numerusform>%Ln bị tách rời</numerusform>
        </translation>
    </message>
    <message>
        <source>resolved by %1</source>
        <translation>đã xử lý (%1)</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>đã xử lý</translation>
    </message>
    <message>
        <source>open</source>
        <translation>chưa xử lý</translation>
    </message>
    <message>
        <source>⚠ detached: the text is gone</source>
        <translation>⚠ tách rời: đoạn chữ không còn</translation>
    </message>
    <message>
        <source>Select the words to comment on first.</source>
        <translation>Hãy chọn những chữ cần nhận xét trước.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <source>Add a comment</source>
        <translation>Thêm nhận xét</translation>
    </message>
    <message>
        <source>Comment on “%1”:</source>
        <translation>Nhận xét về “%1”:</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Two versions of “%1”</source>
        <translation>Hai phiên bản của “%1”</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Đang so sánh…</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>Bản của tôi (máy này)</translation>
    </message>
    <message>
        <source>Theirs (the package)</source>
        <translation>Bản gửi đến (trong gói)</translation>
    </message>
    <message>
        <source>Their text, to combine with yours. Save it when the body reads as it should.</source>
        <translation>Bản gửi đến, để gộp với bản của bạn. Lưu lại khi phần thân bài đã đúng ý.</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Giữ bản của tôi</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Lấy bản gửi đến</translation>
    </message>
    <message>
        <source>&amp;Merge by hand</source>
        <translation>Gộp &amp;thủ công</translation>
    </message>
    <message>
        <source>&amp;Save the merged text</source>
        <translation>&amp;Lưu bản đã gộp</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Để &amp;sau</translation>
    </message>
    <message>
        <source>This article was changed here and by the sender since you last exchanged it. Both versions are kept until you choose.</source>
        <translation>Bài này đã được sửa ở đây và ở phía người gửi kể từ lần trao đổi trước. Cả hai phiên bản được giữ lại cho đến khi bạn chọn.</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tít</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Thân bài</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Tác giả</translation>
    </message>
</context>
<context>
    <name>CopyfitInfo</name>
    <message>
        <source>+%1 lines</source>
        <translation>+%1 dòng</translation>
    </message>
    <message>
        <source>+%1 words</source>
        <translation>+%1 chữ</translation>
    </message>
    <message>
        <source>%1 lines left</source>
        <translation>còn %1 dòng</translation>
    </message>
    <message>
        <source>%1 words left</source>
        <translation>còn %1 chữ</translation>
    </message>
    <message>
        <source>on target</source>
        <translation>đúng độ dài</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 dòng</translation>
    </message>
    <message>
        <source>%1 words in the headline, lead and body</source>
        <translation>%1 chữ ở tít, sapo và thân bài</translation>
    </message>
    <message>
        <source>target %1 lines</source>
        <translation>mục tiêu %1 dòng</translation>
    </message>
    <message>
        <source>target %1 words</source>
        <translation>mục tiêu %1 chữ</translation>
    </message>
    <message>
        <source>Lines: body set in one column of the print preset</source>
        <translation>Số dòng: thân bài dàn trong một cột của khổ in đang chọn</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>&amp;Submit to the desk</source>
        <translation>&amp;Nộp bài</translation>
    </message>
    <message>
        <source>Hand the article to the editors</source>
        <translation>Gửi bài lên ban biên tập</translation>
    </message>
    <message>
        <source>&amp;Take for review</source>
        <translation>N&amp;hận bài</translation>
    </message>
    <message>
        <source>Start editing the submitted article</source>
        <translation>Nhận bài đã nộp để biên tập</translation>
    </message>
    <message>
        <source>&amp;Return to the reporter…</source>
        <translation>&amp;Trả bài…</translation>
    </message>
    <message>
        <source>Send the article back with a reason</source>
        <translation>Trả bài cho phóng viên kèm lý do</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Duyệt</translation>
    </message>
    <message>
        <source>Approve the article for print</source>
        <translation>Duyệt bài để in</translation>
    </message>
    <message>
        <source>The article&apos;s status</source>
        <translation>Trạng thái của bài</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Returned by %1 (%2): %3</source>
        <translation>Bị %1 trả lại (%2): %3</translation>
    </message>
    <message>
        <source>Edited by %1 (%2) after it was approved: back in review. It needs approving again before a PDF carries an approval.</source>
        <translation>%1 đã sửa bài (%2) sau khi bài được duyệt: bài quay lại khâu biên tập và cần được duyệt lại trước khi bản PDF ghi tên người duyệt.</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>Approve “%1” for print?

Its status becomes Approved; the change is kept in the history.</source>
        <translation>Duyệt bài “%1” để in?

Bài chuyển sang trạng thái Đã duyệt; lần đổi này được ghi vào lịch sử.</translation>
    </message>
    <message>
        <source>Return “%1” to the reporter?

Write why (the reporter sees it and the history keeps it). Cancel changes nothing.</source>
        <translation>Trả bài “%1” cho phóng viên?

Ghi lý do (phóng viên sẽ đọc, lịch sử lưu lại). Bấm Hủy thì không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Checking the article before submitting…</source>
        <translation>Đang soát bài trước khi nộp…</translation>
    </message>
    <message numerus="yes">
        <source>%n proofing finding(s)</source>
        <translation>
            <numerusform>%Ln lỗi soát bài</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” still has %2.

Submit it anyway, or fix them first?</source>
        <translation>Bài “%1” vẫn còn %2.

Vẫn nộp, hay sửa trước?</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt bài</translation>
    </message>
    <message>
        <source>Submit to the desk</source>
        <translation>Nộp bài</translation>
    </message>
    <message>
        <source>&amp;Submit anyway</source>
        <translation>&amp;Vẫn nộp</translation>
    </message>
    <message>
        <source>&amp;Fix first</source>
        <translation>&amp;Sửa trước</translation>
    </message>
    <message>
        <source>Return to the reporter</source>
        <translation>Trả bài</translation>
    </message>
    <message>
        <source>Approve anyway? Write why (kept in the history):</source>
        <translation>Vẫn duyệt? Ghi lý do (được lưu trong lịch sử):</translation>
    </message>
    <message>
        <source>Approve anyway</source>
        <translation>Vẫn duyệt</translation>
    </message>
</context>
<context>
    <name>DeskCommands</name>
    <message>
        <source>Add &amp;comment on selection…</source>
        <translation>Thêm &amp;nhận xét cho đoạn đã chọn…</translation>
    </message>
    <message>
        <source>What changed since &amp;submission</source>
        <translation>Thay đổi từ lúc &amp;nộp bài</translation>
    </message>
    <message>
        <source>What the &amp;editor changed</source>
        <translation>Những gì &amp;biên tập viên đã sửa</translation>
    </message>
    <message>
        <source>&amp;Check the article now</source>
        <translation>&amp;Soát bài ngay</translation>
    </message>
    <message>
        <source>Name &amp;register…</source>
        <translation>Sổ &amp;tên…</translation>
    </message>
    <message>
        <source>&amp;House style…</source>
        <translation>&amp;Quy ước tòa soạn…</translation>
    </message>
    <message>
        <source>This revision is damaged: its stored text no longer matches its checksum, so it cannot be restored. Nothing was changed; the other revisions are intact.</source>
        <translation>Phiên bản này bị hỏng: nội dung lưu không còn khớp với mã kiểm tra nên không thể khôi phục. Chưa có gì bị thay đổi; các phiên bản khác vẫn nguyên vẹn.</translation>
    </message>
    <message>
        <source>This revision cannot be restored: %1</source>
        <translation>Không khôi phục được phiên bản này: %1</translation>
    </message>
    <message>
        <source>Revision restored</source>
        <translation>Đã khôi phục phiên bản</translation>
    </message>
</context>
<context>
    <name>DeskLabels</name>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Chờ duyệt</translation>
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
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Phóng viên</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Biên tập viên</translation>
    </message>
    <message>
        <source>Autosaved</source>
        <translation>Tự động lưu</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Đã lưu</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập vào</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Tạo bài</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Đổi trạng thái</translation>
    </message>
    <message>
        <source>Taken for review</source>
        <translation>Nhận bài</translation>
    </message>
    <message>
        <source>Edited after approval: back in review</source>
        <translation>Sửa sau khi duyệt: quay lại biên tập</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source>Desk</source>
        <translation>Bàn biên tập</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Section:</source>
        <translation>Chuyên mục:</translation>
    </message>
    <message>
        <source>Reporter:</source>
        <translation>Phóng viên:</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tít</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Chuyên mục</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Phóng viên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Being edited by</source>
        <translation>Đang được sửa bởi</translation>
    </message>
    <message>
        <source>&amp;Desk view</source>
        <translation>&amp;Bàn biên tập</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>Nothing waiting on the desk.</source>
        <translation>Không có bài nào đang chờ trên bàn biên tập.</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>Mọi chuyên mục</translation>
    </message>
    <message>
        <source>All reporters</source>
        <translation>Mọi phóng viên</translation>
    </message>
    <message>
        <source>“%1” is not in this library yet: sync first.</source>
        <translation>“%1” chưa có trong thư viện này: hãy đồng bộ trước.</translation>
    </message>
    <message>
        <source>Take over editing this article?</source>
        <translation>Nhận quyền sửa bài này?</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>H&amp;oàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Là&amp;m lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Ché&amp;p</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Dá&amp;n</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Chọn &amp;tất cả</translation>
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
        <source>none</source>
        <translation>không đặt</translation>
    </message>
    <message>
        <source>The length the desk gave this article</source>
        <translation>Độ dài ban biên tập giao cho bài này</translation>
    </message>
    <message>
        <source>words</source>
        <translation>chữ</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>dòng</translation>
    </message>
    <message>
        <source>Count the target in words, or in printed lines at the column width of the print preset</source>
        <translation>Tính độ dài theo chữ, hoặc theo số dòng in ở độ rộng cột của khổ in</translation>
    </message>
    <message>
        <source>Print preset</source>
        <translation>Khổ in</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Độ dài</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Bút danh</translation>
    </message>
    <message>
        <source>This article&apos;s print preset: its column width sets the line count, and File → Export PDF uses it. Other articles keep their own.</source>
        <translation>Khổ in của riêng bài này: độ rộng cột quyết định số dòng, và Tệp → Xuất PDF dùng khổ này. Các bài khác giữ khổ in của mình.</translation>
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
    <name>ErrorPresenter</name>
    <message>
        <source>Deskapp</source>
        <translation>Deskapp</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập bài…</translation>
    </message>
    <message>
        <source>Export as &amp;Word…</source>
        <translation>Xuất ra &amp;Word…</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>Xuất ra &amp;Markdown…</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Nhập bài</translation>
    </message>
    <message>
        <source>Articles and packages</source>
        <translation>Bài viết và gói bài</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n article(s)</source>
        <translation>
            <numerusform>Đã nhập %Ln bài</numerusform>
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
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập bài</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)…</source>
        <translation>Đang nhập %1 (%2 trên %3)…</translation>
    </message>
    <message>
        <source>Imported %1 of %2 file(s)</source>
        <translation>Đã nhập %1 trên %2 tệp</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>These files were not imported:</source>
        <translation>Các tệp sau không nhập được:</translation>
    </message>
    <message>
        <source>Export as Word</source>
        <translation>Xuất ra Word</translation>
    </message>
    <message>
        <source>Word document</source>
        <translation>Tài liệu Word</translation>
    </message>
    <message>
        <source>Export as Markdown</source>
        <translation>Xuất ra Markdown</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Đã xuất %1</translation>
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
            <numerusform>Đã thay %Ln chỗ</numerusform>
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
            <numerusform>%Ln kết quả</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FormatActions</name>
    <message>
        <source>Bold</source>
        <translation>Chữ đậm</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Chữ nghiêng</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Tiêu đề phụ</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Danh sách gạch đầu dòng</translation>
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
    <name>HandOff</name>
    <message>
        <source>Open &amp;package…</source>
        <translation>Mở &amp;gói bài…</translation>
    </message>
    <message>
        <source>Send to &amp;desk / Send back…</source>
        <translation>Gửi &amp;tòa soạn / Gửi trả…</translation>
    </message>
    <message>
        <source>Compare &amp;two versions…</source>
        <translation>So sánh &amp;hai phiên bản…</translation>
    </message>
    <message>
        <source>Send the article</source>
        <translation>Gửi bài</translation>
    </message>
    <message>
        <source>Deskapp package</source>
        <translation>Gói bài Deskapp</translation>
    </message>
    <message>
        <source>The package could not be written: %1</source>
        <translation>Không ghi được gói bài: %1</translation>
    </message>
    <message>
        <source>Package written: %1</source>
        <translation>Đã ghi gói bài: %1</translation>
    </message>
    <message>
        <source>Open a package</source>
        <translation>Mở gói bài</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>“%1” is new here: added to the library.</source>
        <translation>“%1” là bài mới ở đây: đã thêm vào thư viện.</translation>
    </message>
    <message>
        <source>“%1” updated with the sender&apos;s newer version.</source>
        <translation>“%1” đã được cập nhật theo bản mới hơn của người gửi.</translation>
    </message>
    <message>
        <source>Nothing new: this package&apos;s version of “%1” is already here.</source>
        <translation>Không có gì mới: phiên bản “%1” trong gói này đã có ở đây.</translation>
    </message>
    <message>
        <source>“%1” was changed on both sides: both versions are kept — choose which to use.</source>
        <translation>“%1” đã được sửa ở cả hai phía: cả hai phiên bản được giữ lại — hãy chọn bản dùng.</translation>
    </message>
    <message>
        <source>This article has no open conflict.</source>
        <translation>Bài này không có hai phiên bản cần chọn.</translation>
    </message>
    <message>
        <source>Conflict resolved</source>
        <translation>Đã chọn xong phiên bản</translation>
    </message>
</context>
<context>
    <name>HelpCommands</name>
    <message>
        <source>User &amp;manual</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;About Deskapp</source>
        <translation>&amp;Giới thiệu Deskapp</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>When</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>Choose one revision to see what it changed, or two (Ctrl+click) to compare them</source>
        <translation>Chọn một phiên bản để xem nó thay đổi gì, hoặc hai phiên bản (Ctrl+nhấp) để so sánh</translation>
    </message>
    <message>
        <source>Inline</source>
        <translation>Gộp một bản</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Hai bản cạnh nhau</translation>
    </message>
    <message>
        <source>&amp;Restore this revision</source>
        <translation>&amp;Khôi phục phiên bản này</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>Không đọc được lịch sử: %1</translation>
    </message>
    <message>
        <source>Damaged: the stored text does not match its checksum; it cannot be restored</source>
        <translation>Bị hỏng: nội dung lưu không khớp với mã kiểm tra; không thể khôi phục</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>bị hỏng</translation>
    </message>
    <message>
        <source>Choose a revision to see what it changed.</source>
        <translation>Chọn một phiên bản để xem nó thay đổi gì.</translation>
    </message>
    <message>
        <source>from %1 (%2)</source>
        <translation>từ %1 (%2)</translation>
    </message>
    <message>
        <source>from nothing</source>
        <translation>từ bài trống</translation>
    </message>
    <message>
        <source>Changes %1 to %2 (%3, %4)</source>
        <translation>Thay đổi %1 đến %2 (%3, %4)</translation>
    </message>
    <message>
        <source>⚠ A revision compared here is damaged (its stored text does not match its checksum) and cannot be restored.</source>
        <translation>⚠ Một phiên bản đang so sánh bị hỏng (nội dung lưu không khớp với mã kiểm tra) và không thể khôi phục.</translation>
    </message>
    <message>
        <source>What changed since the article was returned to the reporter (%1): the reporter&apos;s answer and any edits since</source>
        <translation>Những gì thay đổi từ lúc trả bài cho phóng viên (%1): phần phóng viên sửa và các chỉnh sửa sau đó</translation>
    </message>
    <message>
        <source>What changed since the reporter submitted</source>
        <translation>Những gì thay đổi từ lúc phóng viên nộp bài</translation>
    </message>
    <message>
        <source>What the editor changed</source>
        <translation>Những gì biên tập viên đã sửa</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Đang so sánh…</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tít</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Thân bài</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Bút danh</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Không có gì khác nhau.</translation>
    </message>
</context>
<context>
    <name>HouseStyleDialog</name>
    <message>
        <source>House style</source>
        <translation>Quy ước tòa soạn</translation>
    </message>
    <message>
        <source>The choices the State&apos;s rules leave to the newsroom. Proofing follows them in every article.</source>
        <translation>Những điều quy định của Nhà nước để tòa soạn tự chọn. Việc soát lỗi theo các lựa chọn này trong mọi bài.</translation>
    </message>
    <message>
        <source>Check the &amp;space after punctuation and around brackets</source>
        <translation>Kiểm tra dấu &amp;cách sau dấu câu và quanh dấu ngoặc</translation>
    </message>
    <message>
        <source>Rules proofing uses</source>
        <translation>Các quy tắc soát lỗi được dùng</translation>
    </message>
    <message>
        <source>Only editors change the house style; it is the desk&apos;s for every article.</source>
        <translation>Chỉ biên tập viên được thay đổi quy ước; đây là quy ước chung của tòa soạn cho mọi bài.</translation>
    </message>
    <message>
        <source>The &amp;unit in a body&apos;s full name:</source>
        <translation>Đơn &amp;vị hành chính trong tên đầy đủ của cơ quan:</translation>
    </message>
    <message>
        <source>lower case (%1)</source>
        <translation>viết thường (%1)</translation>
    </message>
    <message>
        <source>capital (%1)</source>
        <translation>viết hoa (%1)</translation>
    </message>
    <message>
        <source>either, not checked</source>
        <translation>cách nào cũng được, không kiểm tra</translation>
    </message>
    <message>
        <source>“Nhà nước”, “Nhân dân” (the &amp;State, the People):</source>
        <translation>“&amp;Nhà nước”, “Nhân dân” (khi chỉ Nhà nước, Nhân dân):</translation>
    </message>
    <message>
        <source>always with a capital (Đảng và Nhà nước)</source>
        <translation>luôn viết hoa (Đảng và Nhà nước)</translation>
    </message>
    <message>
        <source>&amp;Thousands:</source>
        <translation>Phân cách &amp;hàng nghìn:</translation>
    </message>
    <message>
        <source>a dot (5.000 đồng)</source>
        <translation>dấu chấm (5.000 đồng)</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>không kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Decimals:</source>
        <translation>Phần &amp;thập phân:</translation>
    </message>
    <message>
        <source>a comma (12,5%)</source>
        <translation>dấu phẩy (12,5%)</translation>
    </message>
    <message>
        <source>D&amp;ates:</source>
        <translation>Ngà&amp;y tháng:</translation>
    </message>
    <message>
        <source>with slashes (ngày 5/12/2026)</source>
        <translation>dấu gạch chéo (ngày 5/12/2026)</translation>
    </message>
    <message>
        <source>with dashes (ngày 5-12-2026)</source>
        <translation>dấu gạch ngang (ngày 5-12-2026)</translation>
    </message>
    <message>
        <source>The house style is saved; the open article is checked again.</source>
        <translation>Đã lưu quy ước; bài đang mở được kiểm tra lại.</translation>
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
    <name>LibraryCommands</name>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
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
        <source>Moved to the trash (View → Show trash to restore)</source>
        <translation>Đã chuyển vào thùng rác (Xem → Xem thùng rác để khôi phục)</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Khôi phục</translation>
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
        <source>Show only the articles in one status</source>
        <translation>Chỉ hiện các bài ở một trạng thái</translation>
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
        <source>All statuses (%1)</source>
        <translation>Mọi trạng thái (%1)</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
</context>
<context>
    <name>LinkGuard</name>
    <message>
        <source>Open link?</source>
        <translation>Mở liên kết?</translation>
    </message>
    <message>
        <source>Open this address in your web browser?

%1</source>
        <translation>Mở địa chỉ này trong trình duyệt web?

%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New article</source>
        <translation>&amp;Bài mới</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
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
        <source>&amp;Article</source>
        <translation>&amp;Bài</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>T&amp;rợ giúp</translation>
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
</context>
<context>
    <name>MakeupCommands</name>
    <message>
        <source>Page &amp;makeup…</source>
        <translation>&amp;Dàn trang…</translation>
    </message>
    <message>
        <source>Edition of %1</source>
        <translation>Số báo ngày %1</translation>
    </message>
</context>
<context>
    <name>ManualWindow</name>
    <message>
        <source>Deskapp user manual</source>
        <translation>Hướng dẫn sử dụng Deskapp</translation>
    </message>
</context>
<context>
    <name>NameEntryDialog</name>
    <message>
        <source>Change a name</source>
        <translation>Sửa một tên</translation>
    </message>
    <message>
        <source>Add a name</source>
        <translation>Thêm một tên</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>&amp;Spelling:</source>
        <translation>&amp;Cách viết:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>NameRegisterDialog</name>
    <message>
        <source>Name register</source>
        <translation>Sổ tên</translation>
    </message>
    <message>
        <source>People, bodies and places with the spelling the desk approved. Proofing flags any other spelling of these names in every article.</source>
        <translation>Tên người, cơ quan và địa danh theo cách viết ban biên tập đã duyệt. Khi soát bài, mọi cách viết khác của các tên này đều được chỉ ra, trong mọi bài.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Bỏ</translation>
    </message>
    <message>
        <source>&amp;Fill from approved articles</source>
        <translation>&amp;Lấy từ các bài đã duyệt</translation>
    </message>
    <message>
        <source>Add the people, bodies and places that approved articles name and the register does not have yet</source>
        <translation>Thêm những tên người, cơ quan và địa danh có trong các bài đã duyệt mà sổ tên chưa có</translation>
    </message>
    <message>
        <source>Only editors change the register; it reaches you with the desk&apos;s packages.</source>
        <translation>Chỉ biên tập viên được sửa sổ tên; sổ tên đến với bạn cùng các gói bài của ban biên tập.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>“%1” is in the register.</source>
        <translation>Đã ghi “%1” vào sổ tên.</translation>
    </message>
    <message>
        <source>“%1” is out of the register.</source>
        <translation>Đã bỏ “%1” khỏi sổ tên.</translation>
    </message>
    <message>
        <source>Reading the approved articles…</source>
        <translation>Đang đọc các bài đã duyệt…</translation>
    </message>
    <message>
        <source>%1 names added from the approved articles.</source>
        <translation>Đã thêm %1 tên từ các bài đã duyệt.</translation>
    </message>
    <message>
        <source>The approved articles could not be read: %1</source>
        <translation>Không đọc được các bài đã duyệt: %1</translation>
    </message>
    <message>
        <source>Remove a name</source>
        <translation>Bỏ một tên</translation>
    </message>
    <message>
        <source>Take “%1” out of the name register?</source>
        <translation>Bỏ “%1” khỏi sổ tên?</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>Page makeup – %1</source>
        <translation>Dàn trang – %1</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Thân bài</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Tít</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Sapo</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Advertisement (reserved space)</source>
        <translation>Quảng cáo (chỗ dành riêng)</translation>
    </message>
    <message>
        <source>&amp;Export edition PDF…</source>
        <translation>&amp;Xuất PDF số báo…</translation>
    </message>
    <message>
        <source>&amp;New edition…</source>
        <translation>Số báo &amp;mới…</translation>
    </message>
    <message>
        <source>Page </source>
        <translation>Trang </translation>
    </message>
    <message>
        <source>&amp;Place on the page</source>
        <translation>Đặt &amp;lên trang</translation>
    </message>
    <message>
        <source>Approved articles</source>
        <translation>Bài đã duyệt</translation>
    </message>
    <message>
        <source>(no headline)</source>
        <translation>(chưa có tít)</translation>
    </message>
    <message>
        <source>New edition</source>
        <translation>Số báo mới</translation>
    </message>
    <message>
        <source>Name of the edition:</source>
        <translation>Tên số báo:</translation>
    </message>
    <message>
        <source>Edition of %1</source>
        <translation>Số báo ngày %1</translation>
    </message>
    <message>
        <source>This article has no photo.</source>
        <translation>Bài này không có ảnh.</translation>
    </message>
    <message>
        <source>Page %1, block %2 (%3): %4 lines, %5 words over</source>
        <translation>Trang %1, khối %2 (%3): thừa %4 dòng, %5 chữ</translation>
    </message>
    <message>
        <source>Every block fits.</source>
        <translation>Mọi khối đều vừa.</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) over-set: the edition cannot be printed yet.</source>
        <translation>
            <numerusform>%n khối bị thừa chữ: chưa in được số báo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edition PDF</source>
        <translation>Tệp PDF của số báo</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất PDF…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Đã ghi: %1</translation>
    </message>
</context>
<context>
    <name>PhotoDetailsDialog</name>
    <message>
        <source>Insert photo</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <source>%1 — %2 × %3 pixels</source>
        <translation>%1 — %2 × %3 điểm ảnh</translation>
    </message>
    <message>
        <source>What the photo shows</source>
        <translation>Ảnh chụp gì</translation>
    </message>
    <message>
        <source>Photographer or agency</source>
        <translation>Người chụp hoặc hãng ảnh</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Ảnh của</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>You, as recorded on revisions (Settings to change)</source>
        <translation>Bạn, như được ghi trên các phiên bản (đổi trong Thiết lập)</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>Ready to print: every character has a glyph and every photo is in place.</source>
        <translation>Sẵn sàng in: mọi ký tự đều có trong phông chữ, mọi ảnh đều có mặt.</translation>
    </message>
    <message>
        <source>%1 error(s) that stop the export, %2 warning(s).</source>
        <translation>%1 lỗi chặn việc xuất PDF, %2 cảnh báo.</translation>
    </message>
    <message>
        <source>The PDF was not written.</source>
        <translation>Chưa ghi tệp PDF.</translation>
    </message>
    <message>
        <source>Click an entry to go to it.</source>
        <translation>Bấm vào một dòng để đến chỗ đó.</translation>
    </message>
    <message>
        <source>%1, line %2, column %3</source>
        <translation>%1, dòng %2, cột %3</translation>
    </message>
</context>
<context>
    <name>PrintCommands</name>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Xuất PDF…</translation>
    </message>
    <message>
        <source>&amp;Print preview</source>
        <translation>Xem &amp;bản in</translation>
    </message>
    <message>
        <source>Check for &amp;print…</source>
        <translation>&amp;Kiểm tra trước khi in…</translation>
    </message>
    <message>
        <source>Export &amp;several articles…</source>
        <translation>Xuất &amp;nhiều bài…</translation>
    </message>
    <message>
        <source>Photo…</source>
        <translation>Ảnh…</translation>
    </message>
    <message>
        <source>Insert a photo with caption and credit (%1)</source>
        <translation>Chèn ảnh kèm chú thích và tên người chụp (%1)</translation>
    </message>
    <message>
        <source>Give the article a headline before exporting it.</source>
        <translation>Hãy đặt tít cho bài trước khi xuất PDF.</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n open comment(s)</source>
        <translation>
            <numerusform>%Ln nhận xét chưa xử lý</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” still has %2.

Export it anyway, or look at them first?</source>
        <translation>Bài “%1” vẫn còn %2.

Vẫn xuất, hay xem nhận xét trước?</translation>
    </message>
    <message>
        <source>&amp;Export anyway</source>
        <translation>&amp;Vẫn xuất</translation>
    </message>
    <message>
        <source>&amp;Look at them</source>
        <translation>&amp;Xem nhận xét</translation>
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
        <source>Print preview</source>
        <translation>Xem bản in</translation>
    </message>
    <message>
        <source>Print check</source>
        <translation>Kiểm tra bản in</translation>
    </message>
    <message>
        <source>Checking for print…</source>
        <translation>Đang kiểm tra bản in…</translation>
    </message>
    <message>
        <source>Insert photo</source>
        <translation>Chèn ảnh</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Photo %1 stored with the article</source>
        <translation>Đã lưu ảnh %1 cùng bài</translation>
    </message>
</context>
<context>
    <name>PrintPreviewPanel</name>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Trang trước (Page Up)</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Trang sau (Page Down)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều ngang</translation>
    </message>
    <message>
        <source>Fit the page to the width</source>
        <translation>Cho trang vừa khít chiều ngang</translation>
    </message>
    <message>
        <source>This article&apos;s print preset, used by Export too; other articles keep their own</source>
        <translation>Khổ in của riêng bài này, Xuất PDF cũng dùng; các bài khác giữ khổ in của mình</translation>
    </message>
    <message>
        <source>3 mm bleed, CMYK</source>
        <translation>Tràn lề 3 mm, CMYK</translation>
    </message>
    <message>
        <source>For the printer: crop marks in a 3 mm bleed, colours in CMYK, text in pure black</source>
        <translation>Cho nhà in: dấu xén trong phần tràn lề 3 mm, màu CMYK, chữ đen thuần</translation>
    </message>
    <message>
        <source>PDF/X-1a</source>
        <translation>PDF/X-1a</translation>
    </message>
    <message>
        <source>For the print shop: PDF/X-1a:2003 with the ISO Coated v2 colour profile, everything in CMYK, no links</source>
        <translation>Cho nhà in: PDF/X-1a:2003 với hồ sơ màu ISO Coated v2, toàn bộ màu CMYK, không có liên kết</translation>
    </message>
    <message>
        <source>The PDF cannot be made: %1</source>
        <translation>Không tạo được PDF: %1</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Trang %1/%2</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Welcome to Deskapp</source>
        <translation>Chào mừng đến với Deskapp</translation>
    </message>
    <message>
        <source>Your name is recorded on every revision, comment and change of status. The role decides what the Article menu offers: reporters submit, editors take, return and approve.</source>
        <translation>Tên bạn được ghi trên mỗi phiên bản, nhận xét và lần đổi trạng thái. Vai trò quyết định trình đơn Bài có những gì: phóng viên nộp bài; biên tập viên nhận, trả hoặc duyệt bài.</translation>
    </message>
    <message>
        <source>Off (use the system input method)</source>
        <translation>Tắt (dùng bộ gõ của hệ thống)</translation>
    </message>
    <message>
        <source>Telex as Unikey types it (w → ư)</source>
        <translation>Telex như Unikey (w → ư)</translation>
    </message>
    <message>
        <source>Telex classic (w stays w)</source>
        <translation>Telex cổ điển (w vẫn là w)</translation>
    </message>
    <message>
        <source>VNI</source>
        <translation>VNI</translation>
    </message>
    <message>
        <source>&amp;Language / Ngôn ngữ</source>
        <translation>&amp;Ngôn ngữ / Language</translation>
    </message>
    <message>
        <source>Vietnamese &amp;typing</source>
        <translation>Bộ &amp;gõ tiếng Việt</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>e.g. Nguyễn Văn A</source>
        <translation>ví dụ: Nguyễn Văn A</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>&amp;Tên bạn</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Vai trò</translation>
    </message>
</context>
<context>
    <name>ProofPanel</name>
    <message>
        <source>&amp;Fix</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>Apply the suggested correction to this finding</source>
        <translation>Sửa lỗi này theo gợi ý</translation>
    </message>
    <message>
        <source>Fix &amp;all</source>
        <translation>Sửa &amp;tất cả</translation>
    </message>
    <message>
        <source>Apply every safe correction (undo with Ctrl+Z)</source>
        <translation>Sửa mọi lỗi có cách sửa an toàn (hoàn tác bằng Ctrl+Z)</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Soát lại</translation>
    </message>
    <message>
        <source>Proofing failed on this text.</source>
        <translation>Không soát được bài này.</translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation>Gợi ý: %1</translation>
    </message>
    <message>
        <source>Proofing starts when the article has some text.</source>
        <translation>Soát lỗi bắt đầu khi bài đã có chữ.</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Chưa soát</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%Ln lỗi cần xem</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings: the article is clean.</source>
        <translation>Không có lỗi: bài đã sạch.</translation>
    </message>
    <message>
        <source>headline</source>
        <translation>tít</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>sapo</translation>
    </message>
    <message>
        <source>body</source>
        <translation>thân bài</translation>
    </message>
    <message>
        <source>byline</source>
        <translation>bút danh</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, dòng %2</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>The library file “%1” is damaged or is not a Deskapp library.</source>
        <translation>Tệp thư viện “%1” bị hỏng hoặc không phải thư viện Deskapp.</translation>
    </message>
    <message>
        <source>The library “%1” was made by a newer version of Deskapp.</source>
        <translation>Thư viện “%1” được tạo bởi phiên bản Deskapp mới hơn.</translation>
    </message>
    <message>
        <source>The library “%1” cannot be written (read-only file, folder or disk).</source>
        <translation>Không ghi được vào thư viện “%1” (tệp, thư mục hoặc ổ đĩa chỉ đọc).</translation>
    </message>
    <message>
        <source>The library “%1” is open in another Deskapp window.</source>
        <translation>Thư viện “%1” đang mở ở một cửa sổ Deskapp khác.</translation>
    </message>
    <message>
        <source>The library “%1” could not be opened.</source>
        <translation>Không mở được thư viện “%1”.</translation>
    </message>
    <message>
        <source>The file will not be overwritten.</source>
        <translation>Tệp sẽ không bị ghi đè.</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>hằng ngày</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>trước khi nâng cấp</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>tự sao lưu</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <source>%1 article(s)</source>
        <translation>%1 bài</translation>
    </message>
    <message>
        <source>Deskapp — the library cannot be opened</source>
        <translation>Deskapp — không mở được thư viện</translation>
    </message>
    <message>
        <source>Backups of this library, newest first:</source>
        <translation>Các bản sao lưu của thư viện này, mới nhất trước:</translation>
    </message>
    <message>
        <source>There are no backups of this library.</source>
        <translation>Thư viện này không có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>&amp;Restore the chosen backup</source>
        <translation>&amp;Khôi phục bản sao lưu đã chọn</translation>
    </message>
    <message>
        <source>Start a &amp;new library beside it</source>
        <translation>Tạo thư viện &amp;mới bên cạnh</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
</context>
<context>
    <name>ReviewDocks</name>
    <message>
        <source>Proofing</source>
        <translation>Soát bài</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Newsroom server</source>
        <translation>Máy chủ tòa soạn</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring.</source>
        <translation>Mật khẩu được cất trong kho khóa của hệ điều hành.</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is kept only until Deskapp closes.</source>
        <translation>Máy này không có kho khóa: mật khẩu chỉ được giữ đến khi đóng Deskapp.</translation>
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
        <source>The print preset a new article takes. Each article keeps the preset chosen for it in the print preview; changing this one changes no article that has its own.</source>
        <translation>Khổ in mà bài mới nhận. Mỗi bài giữ khổ in đã chọn cho nó trong phần xem bản in; đổi mục này không đổi bài nào đã có khổ in riêng.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Màu giao diện</translation>
    </message>
    <message>
        <source>&amp;Print preset for new articles</source>
        <translation>&amp;Khổ in cho bài mới</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Deskapp is already open with this library: its window has been brought to the front.</source>
        <translation>Deskapp đang mở thư viện này: cửa sổ đó đã được đưa lên trước.</translation>
    </message>
    <message>
        <source>process %1 on %2</source>
        <translation>tiến trình %1 trên máy %2</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>một tiến trình khác</translation>
    </message>
    <message>
        <source>The library “%1” is open in another Deskapp (%2). Use that window, or close it and start Deskapp again.</source>
        <translation>Thư viện “%1” đang mở ở một Deskapp khác (%2). Hãy dùng cửa sổ đó, hoặc đóng nó rồi mở lại Deskapp.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>&amp;Sync now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <source>Newsroom &amp;server…</source>
        <translation>&amp;Máy chủ tòa soạn…</translation>
    </message>
    <message>
        <source>Get &amp;older articles</source>
        <translation>Tải các bài &amp;cũ hơn</translation>
    </message>
    <message>
        <source>&amp;Newsroom</source>
        <translation>&amp;Tòa soạn</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>The sync stopped on an unexpected error: %1</source>
        <translation>Đồng bộ dừng vì một lỗi không lường trước: %1</translation>
    </message>
    <message>
        <source>Newsroom server</source>
        <translation>Máy chủ tòa soạn</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Mật khẩu của %1:</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Chưa đồng bộ được</translation>
    </message>
    <message>
        <source>Newsroom server: %1</source>
        <translation>Máy chủ tòa soạn: %1</translation>
    </message>
    <message>
        <source>%1 — the server refused some changes</source>
        <translation>%1 — máy chủ không nhận một số thay đổi</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Vừa đồng bộ xong</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n minute(s) ago</source>
        <translation>
            <numerusform>Đã đồng bộ %n phút trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n hour(s) ago</source>
        <translation>
            <numerusform>Đã đồng bộ %n giờ trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %n day(s) ago</source>
        <translation>
            <numerusform>Đã đồng bộ %n ngày trước</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextCommands</name>
    <message>
        <source>Paste as plain te&amp;xt</source>
        <translation>Dán dạng &amp;văn bản thường</translation>
    </message>
    <message>
        <source>Apply the newsroom &amp;tone style to this article</source>
        <translation>Áp kiểu bỏ &amp;dấu của tòa soạn cho bài này</translation>
    </message>
    <message>
        <source>Typing &amp;diagnostics…</source>
        <translation>&amp;Kiểm tra bộ gõ…</translation>
    </message>
    <message numerus="yes">
        <source>Tone style applied: %n field(s) changed</source>
        <translation>
            <numerusform>Đã áp kiểu bỏ dấu: %Ln ô thay đổi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TypingControls</name>
    <message>
        <source>Off (use the system input method)</source>
        <translation>Tắt (dùng bộ gõ của hệ thống)</translation>
    </message>
    <message>
        <source>Telex as Unikey types it (w → ư)</source>
        <translation>Telex như Unikey (w → ư)</translation>
    </message>
    <message>
        <source>Telex classic (w stays w)</source>
        <translation>Telex cổ điển (w vẫn là w)</translation>
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
        <source>Restore keys for words that are not Vietnamese (Samsung, coffee)</source>
        <translation>Khôi phục phím gõ cho từ không phải tiếng Việt (Samsung, coffee)</translation>
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
        <source>Telex (Unikey)</source>
        <translation>Telex (Unikey)</translation>
    </message>
    <message>
        <source>Telex classic</source>
        <translation>Telex cổ điển</translation>
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
        <source>new (hoà, khoẻ, thuỷ)</source>
        <translation>mới (hoà, khoẻ, thuỷ)</translation>
    </message>
    <message>
        <source>old (hòa, khỏe, thủy)</source>
        <translation>cũ (hòa, khỏe, thủy)</translation>
    </message>
    <message>
        <source>Restore keys of words that are not Vietnamese</source>
        <translation>Khôi phục phím gõ với từ không phải tiếng Việt</translation>
    </message>
    <message>
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <source>on</source>
        <translation>bật</translation>
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
