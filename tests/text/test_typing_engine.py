"""Built-in Telex/VNI engine: every expected text below is written out by hand."""

from __future__ import annotations

import unicodedata

import pytest

from deskapp.text.typing_engine import Composer, type_keys

# --- every vowel with every tone --------------------------------------------------------------
# (Telex keys for the vowel, VNI keys for the vowel, the five toned forms, the same upper case).
# Tone keys: Telex s f r x j, VNI 1 2 3 4 5 (sắc huyền hỏi ngã nặng).
VOWELS = [
    ("a", "a", "á à ả ã ạ", "Á À Ả Ã Ạ"),
    ("aw", "a8", "ắ ằ ẳ ẵ ặ", "Ắ Ằ Ẳ Ẵ Ặ"),
    ("aa", "a6", "ấ ầ ẩ ẫ ậ", "Ấ Ầ Ẩ Ẫ Ậ"),
    ("e", "e", "é è ẻ ẽ ẹ", "É È Ẻ Ẽ Ẹ"),
    ("ee", "e6", "ế ề ể ễ ệ", "Ế Ề Ể Ễ Ệ"),
    ("i", "i", "í ì ỉ ĩ ị", "Í Ì Ỉ Ĩ Ị"),
    ("o", "o", "ó ò ỏ õ ọ", "Ó Ò Ỏ Õ Ọ"),
    ("oo", "o6", "ố ồ ổ ỗ ộ", "Ố Ồ Ổ Ỗ Ộ"),
    ("ow", "o7", "ớ ờ ở ỡ ợ", "Ớ Ờ Ở Ỡ Ợ"),
    ("u", "u", "ú ù ủ ũ ụ", "Ú Ù Ủ Ũ Ụ"),
    ("uw", "u7", "ứ ừ ử ữ ự", "Ứ Ừ Ử Ữ Ự"),
    ("y", "y", "ý ỳ ỷ ỹ ỵ", "Ý Ỳ Ỷ Ỹ Ỵ"),
]


def _vowel_cases(method: str) -> list[tuple[str, str]]:
    tone_keys = "sfrxj" if method == "telex" else "12345"
    cases = []
    for telex, vni, lower, upper in VOWELS:
        keys = telex if method == "telex" else vni
        for tone_key, low, up in zip(tone_keys, lower.split(), upper.split(), strict=True):
            cases.append((keys + tone_key, low))
            cases.append((keys.upper() + tone_key.upper(), up))
    return cases


# --- words that do not depend on the tone style: (Telex, VNI, expected) -----------------------
WORDS = [
    # đ
    ("ddi", "d9i", "đi"),
    ("ddaau", "d9a6u", "đâu"),
    ("ddaays", "d9a6y1", "đấy"),
    ("ddepj", "d9ep5", "đẹp"),
    ("ddoongf", "d9o6ng2", "đồng"),
    ("ddawcj", "d9a8c5", "đặc"),
    ("dduwcs", "d9u7c1", "đức"),
    ("ddooir", "d9o6i3", "đổi"),
    ("ddeens", "d9e6n1", "đến"),
    ("ddoois", "d9o6i1", "đối"),
    ("did", "di9", "đi"),
    ("Ddaf Nawngx", "D9a2 Na8ng4", "Đà Nẵng"),
    ("DDAF NAWNGX", "D9A2 NA8NG4", "ĐÀ NẴNG"),
    ("Ddawks Lawks", "D9a8k1 La8k1", "Đắk Lắk"),
    # ươ, in every order
    ("nguowif", "nguo7i2", "người"),
    ("nguwowif", "ngu7o7i2", "người"),
    ("nguwoif", "ngu7oi2", "người"),
    ("nguoiwf", "nguoi72", "người"),
    ("truowngf", "truo7ng2", "trường"),
    ("truongwf", "truong72", "trường"),
    ("truongfw", "truong27", "trường"),
    ("duowngf", "duo7ng2", "dường"),
    ("dduowngf", "d9uo7ng2", "đường"),
    ("dduwowngf", "d9u7o7ng2", "đường"),
    ("nuwowcs", "nu7o7c1", "nước"),
    ("nuowcs", "nuo7c1", "nước"),
    ("muwowif", "mu7o7i2", "mười"),
    ("huowu", "huo7u", "hươu"),
    ("huouw", "huou7", "hươu"),
    ("ruowuj", "ruo7u5", "rượu"),
    ("thuowr", "thuo73", "thuở"),
    ("huow", "huo7", "huơ"),
    ("buwowms", "bu7o7m1", "bướm"),
    ("tuwowi", "tu7o7i", "tươi"),
    ("luwowtj", "lu7o7t5", "lượt"),
    ("giuwowngf", "giu7o7ng2", "giường"),
    ("chuwowng", "chu7o7ng", "chương"),
    ("thuowngf", "thuo7ng2", "thường"),
    ("uwowcs", "u7o7c1", "ước"),
    ("uowts", "uo7t1", "ướt"),
    ("Truwowngf", "Tru7o7ng2", "Trường"),
    ("TRUOWNGF", "TRUO7NG2", "TRƯỜNG"),
    # iê, yê, uyê, uô, uâ
    ("khuyeens", "khuye6n1", "khuyến"),
    ("nguyeenx", "nguye6n4", "nguyễn"),
    ("Nguyeenx", "Nguye6n4", "Nguyễn"),
    ("chuyeenj", "chuye6n5", "chuyện"),
    ("chuyeenr", "chuye6n3", "chuyển"),
    ("quyeets", "quye6t1", "quyết"),
    ("tuyeenr", "tuye6n3", "tuyển"),
    ("uyeen", "uye6n", "uyên"),
    ("khuyur", "khuyu3", "khuỷu"),
    ("huynhf", "huynh2", "huỳnh"),
    ("huyts", "huyt1", "huýt"),
    ("yeeu", "ye6u", "yêu"),
    ("yeens", "ye6n1", "yến"),
    ("tieengs", "tie6ng1", "tiếng"),
    ("tiengse", "tieng16", "tiếng"),
    ("vieecj", "vie6c5", "việc"),
    ("nhieeuf", "nhie6u2", "nhiều"),
    ("chieeuf", "chie6u2", "chiều"),
    ("muoons", "muo6n1", "muốn"),
    ("cuoocj", "cuo6c5", "cuộc"),
    ("tuooir", "tuo6i3", "tuổi"),
    ("chuoongf", "chuo6ng2", "chuồng"),
    ("tuaans", "tua6n1", "tuấn"),
    ("tuaasn", "tua61n", "tuấn"),
    ("xuaan", "xua6n", "xuân"),
    ("khuaang", "khua6ng", "khuâng"),
    ("khuaay", "khua6y", "khuây"),
    # qu, gi
    ("quys", "quy1", "quý"),
    ("qusy", "qu1y", "quý"),
    ("quar", "qua3", "quả"),
    ("quaf", "qua2", "quà"),
    ("quaan", "qua6n", "quân"),
    ("queen", "que6n", "quên"),
    ("quees", "que61", "quế"),
    ("quynhf", "quynh2", "quỳnh"),
    ("quyts", "quyt1", "quýt"),
    ("quawn", "qua8n", "quăn"),
    ("quow", "quo7", "quơ"),
    ("quoocs", "quo6c1", "quốc"),
    ("Quoocs hooij", "Quo6c1 ho6i5", "Quốc hội"),
    ("giuwax", "giu7a4", "giữa"),
    ("giuwx", "giu74", "giữ"),
    ("gias", "gia1", "giá"),
    ("gif", "gi2", "gì"),
    ("gifn", "gi2n", "gìn"),
    ("gieets", "gie6t1", "giết"),
    ("gieengs", "gie6ng1", "giếng"),
    ("giaays", "gia6y1", "giấy"),
    ("gioongs", "gio6ng1", "giống"),
    ("giups", "giup1", "giúp"),
    ("giowf", "gio72", "giờ"),
    # other vowel groups
    ("ngoaif", "ngoai2", "ngoài"),
    ("xoays", "xoay1", "xoáy"),
    ("ngoeos", "ngoeo1", "ngoéo"),
    ("hoawcj", "hoa8c5", "hoặc"),
    ("xoawns", "xoa8n1", "xoắn"),
    ("hoangf", "hoang2", "hoàng"),
    ("toanf", "toan2", "toàn"),
    ("hoachj", "hoach5", "hoạch"),
    ("khoanhr", "khoanh3", "khoảnh"),
    ("thuees", "thue61", "thuế"),
    ("Huees", "Hue61", "Huế"),
    ("cuar", "cua3", "của"),
    ("cuwar", "cu7a3", "cửa"),
    ("muwa", "mu7a", "mưa"),
    ("muaw", "mua7", "mưa"),
    ("guwir", "gu7i3", "gửi"),
    ("cuwus", "cu7u1", "cứu"),
    ("huwu", "hu7u", "hưu"),
    ("kyf", "ky2", "kỳ"),
    ("kieens", "kie6n1", "kiến"),
    ("nghix", "nghi4", "nghĩ"),
    ("nghieeng", "nghie6ng", "nghiêng"),
    ("ghees", "ghe61", "ghế"),
    ("tooi", "to6i", "tôi"),
    ("bawngf", "ba8ng2", "bằng"),
    ("caays", "ca6y1", "cấy"),
    ("keeu", "ke6u", "kêu"),
    ("meof", "meo2", "mèo"),
    ("baor", "bao3", "bảo"),
    ("mays", "may1", "máy"),
    ("chaus", "chau1", "cháu"),
    ("tuis", "tui1", "túi"),
    ("kiaf", "kia2", "kìa"),
    ("chiuj", "chiu5", "chịu"),
    ("mowis", "mo7i1", "mới"),
    ("nhuw", "nhu7", "như"),
    ("nhaats", "nha6t1", "nhất"),
    ("Vieejt", "Vie65t", "Việt"),
    ("Vieetj", "Vie6t5", "Việt"),
    ("VIEETJ", "VIE6T5", "VIỆT"),
    ("Haf Nooij", "Ha2 No6i5", "Hà Nội"),
    ("Hoof Chis Minh", "Ho62 Chi1 Minh", "Hồ Chí Minh"),
    ("Kroong Buks", "Kro6ng Buk1", "Krông Búk"),
    ("Ddoongf Nai", "D9o6ng2 Nai", "Đồng Nai"),
    # the tone follows the syllable as it grows
    ("hoasn", "hoa1n", "hoán"),
    ("hoafi", "hoa2i", "hoài"),
    ("tuosw", "tuo17", "tuớ"),
    ("nguoifw", "nguoi27", "người"),
    ("ddepj", "d9ep5", "đẹp"),
    ("ddejp", "d9e5p", "đẹp"),
    ("bacs", "bac1", "bác"),
    ("bacj", "bac5", "bạc"),
    ("basc", "ba1c", "bác"),
    # a tone key changes the tone already there
    ("asf", "a12", "à"),
    ("afs", "a21", "á"),
    ("ajr", "a53", "ả"),
    ("Vieetsj", "Vie6t15", "Việt"),
    # one mark replaces the other
    ("aaw", "a68", "ă"),
    ("awa", "a86", "â"),
    ("oow", "o67", "ơ"),
    ("owo", "o76", "ô"),
    ("tooiw", "to6i7", "tơi"),
]

# --- words whose tone position depends on the style: (Telex, VNI, old, new) ------------------
STYLE_WORDS = [
    ("hoaf", "hoa2", "hòa", "hoà"),
    ("hoas", "hoa1", "hóa", "hoá"),
    ("hoar", "hoa3", "hỏa", "hoả"),
    ("hoax", "hoa4", "hõa", "hoã"),
    ("hoaj", "hoa5", "họa", "hoạ"),
    ("khoer", "khoe3", "khỏe", "khoẻ"),
    ("loes", "loe1", "lóe", "loé"),
    ("xoef", "xoe2", "xòe", "xoè"),
    ("thuyr", "thuy3", "thủy", "thuỷ"),
    ("thuys", "thuy1", "thúy", "thuý"),
    ("tuyj", "tuy5", "tụy", "tuỵ"),
    ("huyr", "huy3", "hủy", "huỷ"),
    ("uyr", "uy3", "ủy", "uỷ"),
    ("oas", "oa1", "óa", "oá"),
    ("Thuyr", "Thuy3", "Thủy", "Thuỷ"),
    ("HOAF", "HOA2", "HÒA", "HOÀ"),
    ("hoaf bifnh", "hoa2 bi2nh", "hòa bình", "hoà bình"),
    (
        "Xin chaof, banj khoer khoong?",
        "Xin chao2, ban5 khoe3 kho6ng?",
        "Xin chào, bạn khỏe không?",
        "Xin chào, bạn khoẻ không?",
    ),
    # not affected by the style: final consonant, three vowels, qu, gi
    ("hoangf", "hoang2", "hoàng", "hoàng"),
    ("hoafn", "hoa2n", "hoàn", "hoàn"),
    ("ngoaij", "ngoai5", "ngoại", "ngoại"),
    ("quar", "qua3", "quả", "quả"),
    ("quys", "quy1", "quý", "quý"),
    ("giuwax", "giu7a4", "giữa", "giữa"),
    ("thuyeenf", "thuye6n2", "thuyền", "thuyền"),
]

# --- sentences, punctuation, Backspace and words that are not Vietnamese: per method ---------
TELEX_ONLY = [
    ("Vieejt Nam ddepj.", "Việt Nam đẹp."),
    ("Vieejt Nam ddeepj.", "Việt Nam đệp."),  # ee is ê wherever it is typed
    ("Tooi laf nhaf baos.", "Tôi là nhà báo."),
    ("Hoof Chis Minh, ngayf 2/9/2024.", "Hồ Chí Minh, ngày 2/9/2024."),
    ('Oong aays nois: "Tooi ddoongf ys!"', 'Ông ấy nói: "Tôi đồng ý!"'),
    ("(Thoong taans xax) - Baor Kon Tum", "(Thông tấn xã) - Bảo Kon Tum"),
    ("Ddaij hooij ddaji bieeur", "Đại hội đại biểu"),
    ("mootj, hai, ba...", "một, hai, ba..."),
    # repeating a key undoes it; the key is then typed as a letter
    ("ass", "as"),
    ("asss", "ass"),
    ("ASS", "AS"),
    ("Ass", "As"),
    ("aaa", "aa"),
    ("aaaa", "aaa"),
    ("ddd", "dd"),
    ("dddd", "ddd"),
    ("DDD", "DD"),
    ("Ddd", "Dd"),
    ("aww", "aw"),
    ("oww", "ow"),
    ("uww", "uw"),
    ("ooo", "oo"),
    ("eee", "ee"),
    ("xooong", "xoong"),
    ("hoaff", "hoaf"),
    ("nguowiff", "ngươif"),
    ("truongww", "truongw"),
    ("tieeen", "tieen"),
    ("ddi d", "đi d"),
    # z removes the tone
    ("asz", "a"),
    ("az", "az"),
    ("aszz", "az"),
    ("vieejtz", "viêt"),
    ("nguowifz", "ngươi"),
    ("Haf Nooijz", "Hà Nôi"),
    # Backspace deletes what is on screen; the engine goes on from there
    ("vieejt\b", "việ"),
    ("vieejt\b\bt", "vit"),
    ("tieengs\b\bng", "tiếng"),
    ("nguowif\b\bi", "ngưi"),
    ("a\bs", "s"),
    ("ab \bc", "abc"),
    ("ddi\ba", "đa"),
    ("ddi\b\ba", "a"),
    ("\b\ba", "a"),
    ("caf\bas", "cá"),
    ("hoans\bf", "hòa"),
    ("Vieetj Nam\b\b\b\bs", "Viết"),
    ("Vieetj Nam\b\b\b\bj", "Viêtj"),
    ("toio\bi", "tôi"),
    # tone and mark keys with nothing to act on are letters
    ("s", "s"),
    ("f", "f"),
    ("fs", "fs"),
    ("z", "z"),
    ("j", "j"),
    ("x", "x"),
    ("xx", "xx"),
    ("d", "d"),
    ("dd", "đ"),
    ("a s", "a s"),
    ("a.s", "a.s"),
    ("5s", "5s"),
    ("2024", "2024"),
    # not plausible Vietnamese: left alone
    ("class", "class"),
    ("Facebook", "Facebook"),
    ("online", "online"),
    ("email", "email"),
    ("zoom", "zoom"),
    ("iPhone", "iPhone"),
    ("COVID-19", "COVID-19"),
    ("http://vnexpress.net", "http://vnexpress.net"),
    ("the lazy dog", "the lazy dog"),
    ("bacf", "bacf"),
    ("matx", "matx"),
    ("ces", "ces"),
    ("ngis", "ngis"),
    ("ges", "ges"),
    ("hoeo", "hoeo"),
    ("khoee", "khoee"),
    ("dead", "dead"),
    # English words that begin like a Vietnamese syllable change, as in any Telex engine
    ("test", "tét"),
    ("testt", "tétt"),
    ("tesst", "test"),
    ("google", "gôgle"),
    ("gooogle", "google"),
]

VNI_ONLY = [
    ("Vie65t Nam d9ep5.", "Việt Nam đẹp."),
    ("To6i la2 nha2 ba1o.", "Tôi là nhà báo."),
    ("Ho62 Chi1 Minh, nga2y 2/9/2024.", "Hồ Chí Minh, ngày 2/9/2024."),
    ('O6ng a6y1 no1i: "To6i d9o6ng2 y1!"', 'Ông ấy nói: "Tôi đồng ý!"'),
    ("Na8m 2024", "Năm 2024"),
    ("D9a5i ho6i5 d9a5i bie6u3", "Đại hội đại biểu"),
    # repeating a key undoes it
    ("a11", "a1"),
    ("a111", "a11"),
    ("A11", "A1"),
    ("a66", "a6"),
    ("a666", "a66"),
    ("e66", "e6"),
    ("o66", "o6"),
    ("a88", "a8"),
    ("u77", "u7"),
    ("o77", "o7"),
    ("d99", "d9"),
    ("D99", "D9"),
    ("hoa22", "hoa2"),
    ("nguo7i22", "ngươi2"),
    ("truong77", "truong7"),
    ("huo77", "huo7"),
    ("tie666n", "tie66n"),
    # 0 removes the tone
    ("a10", "a"),
    ("a0", "a0"),
    ("a100", "a0"),
    ("vie65t0", "viêt"),
    ("Ha2 No6i50", "Hà Nôi"),
    # Backspace
    ("vie65t\b", "việ"),
    ("vie65t\b\bt", "vit"),
    ("tie61ng\b\bng", "tiếng"),
    ("nguo7i2\b\bi", "ngưi"),
    ("a\b1", "1"),
    ("d9i\ba", "đa"),
    ("ca2\ba1", "cá"),
    ("hoa1n\b2", "hòa"),
    ("Vie6t5 Nam\b\b\b\b1", "Viết"),
    ("to6o\bi", "tôi"),
    # digits with nothing to act on
    ("1", "1"),
    ("9", "9"),
    ("0", "0"),
    ("2024", "2024"),
    ("a 1", "a 1"),
    ("a.1", "a.1"),
    ("1a", "1a"),
    ("h2o", "h2o"),
    ("x1", "x1"),
    ("bac2", "bac2"),
    ("mat4", "mat4"),
    ("ao6", "ao6"),
    ("uy6", "uy6"),
    ("e7", "e7"),
    ("i8", "i8"),
    ("khoe6", "khoe6"),
    # English words have no digits, so VNI leaves them alone
    ("class", "class"),
    ("test", "test"),
    ("google", "google"),
    ("www", "www"),
    ("Windows 10", "Windows 10"),
    ("COVID-19", "COVID-19"),
    ("MP3", "MP3"),
]

# Classic Telex only: a w with no vowel to take its horn stays a letter. In
# the default Telex (Unikey's habits) these start with ư; see test_telex_unikey.
CLASSIC_ONLY = [
    ("w", "w"),
    ("ww", "ww"),
    ("www", "www"),
    ("Windows", "Windows"),
    ("website", "website"),
    ("Hello, world!", "Hello, world!"),
    ("thw", "thw"),
    ("truwfowng", "trùowng"),
    ("huoww", "huow"),
]


def telex_cases(method: str = "telex") -> list[tuple[str, str, str]]:
    """Cases both Telex variants share, and those of ``method`` alone."""
    cases = [(k, "old", e) for k, e in _vowel_cases("telex")]
    if method == "telex-classic":
        cases += [(k, "old", e) for k, e in CLASSIC_ONLY]
    cases += [(t, style, e) for t, _, e in WORDS for style in ("old", "new")]
    cases += [(t, "old", old) for t, _, old, _ in STYLE_WORDS]
    cases += [(t, "new", new) for t, _, _, new in STYLE_WORDS]
    cases += [(k, "old", e) for k, e in TELEX_ONLY]
    return cases


def vni_cases() -> list[tuple[str, str, str]]:
    cases = [(k, "old", e) for k, e in _vowel_cases("vni")]
    cases += [(v, style, e) for _, v, e in WORDS for style in ("old", "new")]
    cases += [(v, "old", old) for _, v, old, _ in STYLE_WORDS]
    cases += [(v, "new", new) for _, v, _, new in STYLE_WORDS]
    cases += [(k, "old", e) for k, e in VNI_ONLY]
    return cases


ALL_CASES = [("telex", *c) for c in telex_cases()] + [("vni", *c) for c in vni_cases()]


def _id(case: tuple[str, str, str]) -> str:
    return f"{case[0]!r}-{case[1]}".replace("\b", "<BS>")


@pytest.mark.parametrize("case", telex_cases(), ids=_id)
def test_telex(case: tuple[str, str, str]) -> None:
    keys, style, expected = case
    assert type_keys(keys, "telex", style) == expected


@pytest.mark.parametrize("case", telex_cases("telex-classic"), ids=_id)
def test_telex_classic(case: tuple[str, str, str]) -> None:
    keys, style, expected = case
    assert type_keys(keys, "telex-classic", style) == expected


@pytest.mark.parametrize("case", vni_cases(), ids=_id)
def test_vni(case: tuple[str, str, str]) -> None:
    keys, style, expected = case
    assert type_keys(keys, "vni", style) == expected


def test_there_are_enough_cases() -> None:
    assert len({k for k, _, _ in telex_cases()}) >= 200
    assert len({k for k, _, _ in vni_cases()}) >= 200


def test_output_is_nfc() -> None:
    for method, keys, style, _ in ALL_CASES:
        out = type_keys(keys, method, style)
        assert unicodedata.is_normalized("NFC", out), (method, keys)


# --- the incremental API --------------------------------------------------------------------


def _editor_word_start(text: str, method: str) -> int:
    """Where the word before the cursor starts, as the editor sees it."""
    start = len(text)
    while start and (text[start - 1].isalpha() or (method == "vni" and text[start - 1].isdigit())):
        start -= 1
    return start


def _replay_like_editor(keys: str, method: str, style: str) -> str:
    composer = Composer(method, style)
    text = ""
    for key in keys:
        if key == "\b":
            text = text[:-1]
            continue
        start = _editor_word_start(text, method)
        new = composer.feed(text[start:], key, method, style)
        text = text + key if new is None else text[:start] + new
    return text


@pytest.mark.parametrize("method", ["telex", "telex-classic", "vni"])
def test_feed_agrees_with_type_keys_on_every_case(method: str) -> None:
    cases = vni_cases() if method == "vni" else telex_cases(method)
    for keys, style, expected in cases:
        assert _replay_like_editor(keys, method, style) == expected, keys


def test_feed_returns_none_when_the_key_is_typed_as_is() -> None:
    composer = Composer()
    assert composer.feed("vie", "t") is None
    assert composer.feed("", "s") is None
    assert composer.feed("class", "s") is None
    assert composer.feed("Việt", " ") is None
    assert composer.feed("Việt", ".") is None
    assert composer.feed("Việt", "\b") is None
    assert composer.feed("ddd", "d") is None


def test_feed_returns_the_new_word() -> None:
    composer = Composer()
    assert composer.feed("vie", "e") == "viê"
    assert composer.feed("viêt", "j") == "việt"
    assert composer.feed("hóa", "n") == "hoán"
    assert composer.feed("ngươi", "f") == "người"
    assert composer.feed("truong", "w") == "trương"
    assert composer.feed("á", "s") == "as"
    assert composer.feed("d", "d") == "đ"


def test_feed_method_and_style_per_call() -> None:
    composer = Composer("telex", "old")
    assert composer.feed("hoa", "s") == "hóa"
    assert composer.feed("hoa", "s", style="new") == "hoá"
    assert composer.feed("hoa", "1", "vni") == "hóa"
    assert composer.feed("hoa", "1", "vni", "new") == "hoá"
    assert composer.feed("hoa", "1") is None


def test_feed_accepts_decomposed_words_and_answers_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "việ")
    assert Composer().feed(decomposed, "t") == "việt"
    assert Composer().feed(unicodedata.normalize("NFD", "hòa"), "f") == "hoaf"


def test_feed_moves_tones_typed_by_another_input_method() -> None:
    assert Composer(style="new").feed("hòa", "n") == "hoàn"
    assert Composer(style="old").feed("hoà", "n") is None  # "hoàn" is the word plus the key
    assert Composer(style="old").feed("hoà", "f") == "hoaf"
    assert Composer(style="old").feed("hoà", "s") == "hóa"
    assert Composer(style="new").feed("thủ", "y") == "thuỷ"


def test_split_finds_the_word_before_the_cursor() -> None:
    assert Composer().split("Xin chào, Việt") == ("Xin chào, ", "Việt")
    assert Composer().split("Năm 2024") == ("Năm 2024", "")
    assert Composer("vni").split("Năm 2024") == ("Năm ", "2024")
    assert Composer("vni").split("ba ngu7o7i2") == ("ba ", "ngu7o7i2")
    assert Composer().split("") == ("", "")


@pytest.mark.parametrize(("method", "style"), [("viqr", "old"), ("telex", "modern")])
def test_unknown_method_or_style(method: str, style: str) -> None:
    with pytest.raises(ValueError):
        type_keys("a", method, style)
    with pytest.raises(ValueError):
        Composer(method, style)


def test_long_garbage_does_not_crash() -> None:
    keys = "".join(chr(c) for c in range(32, 127)) * 3 + "\b" * 50 + "ssffrrxxjjzzwwdd" * 5
    for method in ("telex", "vni"):
        out = type_keys(keys, method)
        assert unicodedata.is_normalized("NFC", out)
