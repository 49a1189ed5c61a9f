"""The sample edition's articles: provincial news, written for Deskapp's tests.

The places, people and numbers are made up; the style is that of a
provincial daily's front page: a lead story, two shorter ones and a
feature on page 2.
"""

from __future__ import annotations

from deskapp.model import Article

BRIDGE = Article(
    id="mau-cau-treo",
    title="Khánh thành cầu treo Đăk Pơ Kô, hai thôn vùng sâu hết cảnh lội suối",
    lead="Sáng 4/12, Ủy ban nhân dân huyện Đăk Tô khánh thành cầu treo Đăk Pơ Kô dài 96 mét, "
         "nối thôn Kon Đào với trung tâm xã. Hơn 300 hộ đồng bào Xơ Đăng từ nay không còn "
         "phải lội suối mỗi mùa mưa.",
    byline="Minh Tuấn – Hoàng Lan",
    section="Thời sự",
    tags=["giao thông", "nông thôn mới"],
    body="""\
Cây cầu có tổng mức đầu tư 7,8 tỷ đồng, từ nguồn vốn Chương trình mục tiêu quốc gia phát triển \
kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi, cùng phần đóng góp ngày công của \
người dân. Mặt cầu rộng 1,8 mét, chịu được xe máy và xe kéo nhỏ chở nông sản, hai đầu cầu có \
đèn chiếu sáng dùng năng lượng mặt trời.

Phát biểu tại lễ khánh thành, ông Nguyễn Văn Hòa, Phó Chủ tịch Ủy ban nhân dân huyện, cho biết \
đây là công trình được bà con mong đợi nhiều năm. Trước đây, mỗi khi mưa lớn, nước suối Đăk \
Pơ Kô dâng cao, học sinh phải nghỉ học nhiều ngày liền, người bệnh không thể đưa ra trạm y tế.

“Năm ngoái có lúc cả thôn bị cô lập gần một tuần. Cà phê hái xong phải để ở nhà, thương lái \
không vào được, giá xuống thấp”, ông A Thuyên, trưởng thôn Kon Đào, nhớ lại.

## Thi công vượt tiến độ

Công trình khởi công từ tháng 3, dự kiến hoàn thành vào cuối năm nhưng đơn vị thi công đã \
bàn giao sớm hơn một tháng. Theo Ban quản lý dự án huyện, trong mùa mưa việc chở vật liệu \
qua đường đất rất khó khăn; nhiều đoạn phải dùng sức người khiêng thép và xi măng qua suối.

Để bảo đảm chất lượng, huyện mời đơn vị tư vấn độc lập kiểm định tải trọng trước khi đưa vào \
sử dụng. Kết quả thử tải cho thấy cầu đạt yêu cầu thiết kế, độ võng nằm trong giới hạn cho \
phép.

Người dân hai thôn Kon Đào và Đăk Mế đã góp hơn 600 ngày công để san nền, làm đường dẫn lên \
cầu. Nhiều gia đình tự nguyện hiến đất, chặt bỏ cà phê và cây ăn quả trên phần đất làm đường.

> Có cầu rồi, con cháu đi học không sợ nước cuốn nữa. Già mừng lắm.
>
> — Già Y Blơ, 78 tuổi, thôn Kon Đào

## Mở đường cho sản xuất

Theo Ủy ban nhân dân xã Đăk Rơ Nga, thôn Kon Đào có gần 400 héc-ta cà phê, mì và lúa nước. \
Khi có cầu, nông sản được chở thẳng ra đường liên xã, mỗi tấn cà phê tiết kiệm được khoảng \
200.000 đồng tiền bốc vác.

Chị Y Hiền, một hộ trồng cà phê ở thôn, cho biết năm nay gia đình thu hoạch khoảng bốn tấn \
cà phê nhân. “Trước phải thuê người gánh qua suối, giờ chở xe máy qua cầu là xong, đỡ mất \
công, mất tiền”, chị nói.

Xã cũng đang vận động bà con trồng thêm sầu riêng và mắc ca xen trong vườn cà phê, hướng tới \
xây dựng thôn nông thôn mới kiểu mẫu vào năm 2028. Trạm y tế xã cho biết, với cây cầu mới, \
thời gian đưa người bệnh ra xã rút từ hơn một giờ xuống còn khoảng 20 phút.

## Còn nhiều điểm cần cầu

Dù vậy, theo thống kê của huyện, toàn huyện vẫn còn 11 điểm qua suối chưa có cầu, phần lớn \
ở các xã phía tây giáp huyện Sa Thầy. Huyện đã đề nghị tỉnh bố trí vốn để xây thêm năm cầu \
treo trong hai năm tới, ưu tiên những nơi có trường học và điểm trường lẻ.

Ông Nguyễn Văn Hòa cho biết huyện sẽ giao cho xã quản lý, bảo trì cầu, thành lập tổ tự quản \
gồm thanh niên và người có uy tín trong thôn. Tổ có nhiệm vụ kiểm tra cáp, ván mặt cầu sau \
mỗi trận mưa lớn và nhắc nhở người dân không chở quá tải.

Kết thúc buổi lễ, đông đảo bà con, học sinh đã đi bộ qua cầu trong tiếng cồng chiêng. Nhiều \
người già lần đầu tiên qua suối mà không ướt chân trong mùa mưa.
""",
)

COFFEE = Article(
    id="mau-ca-phe",
    title="Sa Thầy: Cà phê được mùa, được giá",
    lead="Vụ cà phê năm nay ở huyện Sa Thầy đạt khoảng 3,2 tấn nhân mỗi héc-ta, giá bán tại "
         "vườn tăng gần một phần ba so với năm trước.",
    byline="Quang Vinh",
    section="Kinh tế",
    body="""\
Những ngày này, trên các vườn cà phê ở xã Sa Nhơn và Sa Bình, bà con tất bật thu hái. Nhờ \
thời tiết thuận lợi, cây ra hoa đồng loạt, ít sâu bệnh nên trái chín đều, tỷ lệ quả xanh \
thấp.

Theo Phòng Nông nghiệp huyện, toàn huyện có hơn 5.600 héc-ta cà phê, trong đó khoảng 4.900 \
héc-ta đang cho thu hoạch. Sản lượng ước đạt trên 15.000 tấn nhân, tăng khoảng 8% so với \
niên vụ trước.

Ông Lê Văn Thủy ở xã Sa Nhơn cho biết gia đình có hai héc-ta cà phê, năm nay thu khoảng bảy \
tấn nhân. “Giá cao thế này thì bà con phấn khởi lắm, có tiền sửa nhà, cho con đi học”, ông nói.

Để tránh tình trạng hái xanh, ép giá, huyện khuyến cáo người dân chỉ thu hái khi tỷ lệ quả \
chín trên 90%, phơi trên sân xi măng hoặc bạt, không phơi trên nền đất. Các hợp tác xã đã ký \
hợp đồng bao tiêu với ba doanh nghiệp chế biến, cam kết mua theo giá thị trường cộng thêm \
tiền thưởng cho cà phê đạt chuẩn.

Huyện cũng hỗ trợ cây giống để tái canh những vườn già cỗi trên 20 năm tuổi, mỗi năm khoảng \
200 héc-ta, đồng thời tập huấn cho nông dân cách bón phân hữu cơ, tưới nước tiết kiệm.

Tại Hợp tác xã Nông nghiệp Sa Bình, 46 hộ thành viên đang làm cà phê theo tiêu chuẩn bền \
vững, ghi chép nhật ký đồng ruộng, hạn chế thuốc bảo vệ thực vật. Giám đốc hợp tác xã, anh \
Nguyễn Hữu Phước, cho biết cà phê đạt chuẩn được doanh nghiệp mua cao hơn giá thị trường \
khoảng 1.500 đồng mỗi ký, năm nay hợp tác xã dự kiến bán hơn 300 tấn nhân.

Dù vậy, ngành nông nghiệp huyện lưu ý bà con không nên ồ ạt mở rộng diện tích khi giá lên, \
nhất là trên đất dốc, thiếu nước tưới. Thay vào đó, nên đầu tư chăm sóc, trồng xen cây ăn \
quả và cây che bóng để giảm rủi ro khi giá cà phê xuống.
""",
)

SCHOOL = Article(
    id="mau-truong-hoc",
    title="Học sinh Ngọc Réo trở lại lớp sau lũ",
    lead="Sau gần hai tuần nghỉ vì lũ, hơn 200 học sinh Trường Tiểu học Ngọc Réo "
         "đã trở lại lớp trong những phòng học được sửa sang.",
    byline="Thu Hà",
    section="Giáo dục",
    body="""\
Trận lũ giữa tháng 11 làm hư hỏng bốn phòng học, cuốn trôi nhiều bàn ghế và sách vở. Ngay \
sau khi nước rút, thầy cô giáo, phụ huynh và đoàn viên thanh niên xã đã dọn bùn, sơn lại \
tường, sửa mái tôn.

Cô Đinh Thị Hạnh, Hiệu trưởng nhà trường, cho biết Phòng Giáo dục huyện đã cấp bổ sung 60 \
bộ bàn ghế và hơn 400 cuốn sách giáo khoa. Một số doanh nghiệp trong tỉnh tặng áo ấm, cặp \
sách và đồ dùng học tập cho các em.

Để bù lại chương trình, nhà trường bố trí dạy thêm vào sáng thứ bảy trong sáu tuần, ưu tiên \
môn Tiếng Việt và Toán. Giáo viên đến tận nhà những học sinh chưa trở lại lớp để vận động.

“Em nhớ trường, nhớ bạn lắm. Hôm nay được đi học lại, em vui”, em Y Nhung, học sinh lớp 4, \
nói.

Ủy ban nhân dân huyện cho biết sẽ xây kè chắn phía sau trường trong năm tới, tránh nước \
tràn vào mỗi mùa lũ.

Trong những ngày nghỉ học, nhiều giáo viên đã lội bộ vào các thôn Đăk Dế, Đăk Nhoong để \
phát sách, giao bài cho học sinh tự ôn ở nhà. Thầy A Tiến, giáo viên lớp 3, kể có hôm phải \
men theo bờ suối gần hai giờ mới tới được điểm trường lẻ.

Hiện nhà trường còn thiếu một phòng học và khu vệ sinh cho điểm trường Đăk Nhoong. Phòng \
Giáo dục huyện đã đưa hai hạng mục này vào kế hoạch sửa chữa năm tới, ưu tiên hoàn thành \
trước mùa mưa.

Hội Khuyến học xã cũng vận động được 15 triệu đồng để mua thêm áo mưa, ủng và đèn pin cho \
học sinh ở xa trường, giúp các em đi học an toàn hơn trong những ngày mưa kéo dài.
""",
)

RIVERSIDE = Article(
    id="mau-pho-di-bo",
    title="Phố đi bộ ven sông Đăk Bla hút khách cuối tuần",
    lead="Sau ba tháng mở cửa, phố đi bộ ven sông Đăk Bla ở thành phố đã trở thành điểm hẹn "
         "của người dân và du khách mỗi tối cuối tuần.",
    byline="Hoàng Lan",
    section="Văn hóa – Du lịch",
    body="""\
Từ 18 giờ tối thứ bảy và chủ nhật, đoạn đường dài gần một cây số dọc bờ sông được cấm xe, \
nhường chỗ cho các gian hàng ẩm thực, đồ thủ công và những sân khấu nhỏ biểu diễn cồng chiêng, \
hát dân ca.

Theo Phòng Văn hóa và Thông tin thành phố, mỗi tối phố đi bộ đón khoảng 5.000 lượt khách, \
những dịp lễ lên tới hơn 10.000 lượt. Nhiều gian hàng của đồng bào Ba Na bán thổ cẩm, rượu \
cần, cơm lam và gà nướng được khách ưa chuộng.

Bà Y Lan, chủ một gian hàng thổ cẩm ở làng Kon Klor, cho biết mỗi tối bán được từ một đến \
hai triệu đồng. “Khách ở xa đến hỏi cách dệt, cách nhuộm màu, mình kể cho họ nghe, vui lắm”, \
bà nói.

Thành phố đã lắp thêm đèn chiếu sáng, nhà vệ sinh công cộng và bố trí lực lượng giữ gìn trật \
tự. Các hộ kinh doanh phải đăng ký gian hàng, niêm yết giá và giữ vệ sinh khu vực của mình.

Trong năm tới, thành phố dự kiến mở rộng phố đi bộ sang khu vực cầu treo Kon Klor, tổ chức \
thêm chợ phiên nông sản vào sáng chủ nhật để giới thiệu sản vật địa phương.

Anh Trần Minh Khoa, du khách đến từ Đà Nẵng, cho biết gia đình anh ghé phố đi bộ trên đường \
lên Măng Đen. “Không khí ở đây dễ chịu, đồ ăn ngon mà giá phải chăng. Các cháu thích nhất \
là xem múa xoang bên bờ sông”, anh nói.

Theo các hộ kinh doanh, điều họ mong nhất là có thêm chỗ để xe gần phố đi bộ và biển chỉ \
dẫn bằng tiếng Anh cho khách nước ngoài. Thành phố cho biết đang khảo sát để bố trí hai bãi \
đỗ xe tạm ở hai đầu tuyến.
""",
)

ARTICLES = [BRIDGE, COFFEE, SCHOOL, RIVERSIDE]
