"""Proofing a long article with the copy desk's rules and a full name register.

The article is the newsroom sample repeated to about 10,000 words (a long
feature), with misspellings, wrong capitals, English-style numbers and a
name spelled two ways mixed in, so every rule has work. ``proof_10k`` is the
check without a register; ``proof_10k_register`` with a register of 5,000
names (people, bodies, places), the size of a provincial newsroom's after
years of approved copy. ``proof_new_rules_10k`` times only the rules added for
the copy desk. Each time is followed by its target and the ratio to it: the
proofing panel checks on a worker after a pause in the typing, so the target
is what keeps its findings current within a second of a pause.
"""

from __future__ import annotations

from common import median_ms, report, sample_text

from deskapp.model import Article
from deskapp.proof import check
from deskapp.proof.house import HouseStyle, RegisteredName

TARGETS_MS = {"proof_10k": 1000.0, "proof_10k_register": 1000.0,
              "proof_new_rules_10k": 500.0}
NEW_RULES = ("misspelling", "capitalization", "number_style", "date_style",
             "space_before_punctuation", "space_after_punctuation", "name_register",
             "name_variants")
ERRORS = ("Ủy ban nhân dân Tỉnh Kon Tum đã sử lý vi phạm, chuẩn đoán bệnh, sát nhập xã; "
          "thủ tướng chính phủ chỉ đạo, kinh phí 1,200,000 đồng chi ngày 5-12-2026,các "
          "xã. Ông Hoàng Văn Kỳ nói, theo ông Kì thì Hoàng Văn Kì đồng ý. Ngày 2-9 và 30-4 "
          "cảnh rất đẹp ,chúng tôi kiểm xoát giá tăng(mạnh), ông nói:không xem sét.")


def register(size: int) -> tuple[RegisteredName, ...]:
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
    middle = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Xuân", "Thanh", "Ngọc"]
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Kỳ", "Lan", "Long",
             "Mai", "Nam", "Phong", "Quý", "Sơn", "Tâm", "Thủy", "Trang", "Tuấn", "Việt"]
    names: list[RegisteredName] = []
    for f in family:
        for m in middle:
            for g in given:
                names.append(RegisteredName(f"{f} {m} {g}"))
    for i in range(size - len(names)):
        names.append(RegisteredName(f"Ủy ban nhân dân xã Đăk Số {i}", "body"))
    return tuple(names[:size])


def timed(name: str, fn) -> None:
    value = median_ms(fn, repeat=5)
    report(name, value, "ms")
    report(f"{name}_target", TARGETS_MS[name], "ms")
    report(f"{name}_ratio_to_target", value / TARGETS_MS[name], "x")


def main() -> None:
    sample = sample_text()
    paragraphs = []
    while sum(len(p.split()) for p in paragraphs) < 10_000:
        paragraphs.extend([sample, ERRORS])
    article = Article(title="Tít", lead="Sapo.", byline="PV", body="\n\n".join(paragraphs))
    report("proof_words", sum(len(p.split()) for p in paragraphs), "words")
    house = HouseStyle(register=register(5_000))
    report("proof_findings", len(check(article, house=house)), "findings")
    timed("proof_10k", lambda: check(article))
    timed("proof_10k_register", lambda: check(article, house=house))
    timed("proof_new_rules_10k", lambda: check(article, house=house, rules=NEW_RULES))


if __name__ == "__main__":
    main()
