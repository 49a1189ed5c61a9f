"""Word-level diffs of Vietnamese text and the article's history."""

from __future__ import annotations

import itertools
import os
import random
import unicodedata
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskapp.desk import DeskError, diff, status_events, transition
from deskapp.desk.diff import (
    Op,
    changes_since,
    diff_words,
    has_changes,
    inline_html,
    review_base,
    side_by_side,
    tokenize,
)
from deskapp.model import Article
from deskapp.store import Library
from deskapp.text import nfc


def test_a_changed_syllable_is_one_replaced_word():
    ops = diff_words("thực hiện quy chế dân chủ", "thực hiện quy định dân chủ")
    assert [op for op in ops if op.kind != "equal"] == [Op("replace", "chế", "định")]


def test_insert_and_delete_are_whole_words():
    ops = diff_words("Ban chỉ đạo tỉnh.", "Ban chỉ đạo cấp tỉnh.")
    assert [op for op in ops if op.kind != "equal"] == [Op("insert", "", "cấp ")]
    ops = diff_words("Ban chỉ đạo cấp tỉnh.", "Ban chỉ đạo tỉnh.")
    assert [op for op in ops if op.kind != "equal"] == [Op("delete", "cấp ", "")]


def test_nfd_and_nfc_are_the_same_word():
    old = unicodedata.normalize("NFD", "quy chế")
    assert all(op.kind == "equal" for op in diff_words(old, "quy chế"))


def test_inline_html_escapes_and_marks():
    html = inline_html(diff_words("a <b> quy chế", "a <b> quy định"))
    assert "&lt;b&gt;" in html
    assert "<del" in html and ">chế</del>" in html and ">định</ins>" in html
    assert "line-through" in html  # QTextBrowser needs the style inline


def test_side_by_side():
    left, right = side_by_side(diff_words("một hai ba", "một bốn ba"))
    assert ">hai</del>" in left and "bốn" not in left
    assert ">bốn</ins>" in right and "hai" not in right


def test_changes_since_submission_and_by_the_editor():
    library = Library.in_memory()
    try:
        article = library.create(Article(title="Tít", lead="Sapo.", byline="PV",
                                         body="Thực hiện qui chế dân chủ."))
        with pytest.raises(DeskError):
            changes_since(library, article.id)
        transition(library, article.id, "submit", user="an", role="reporter")
        transition(library, article.id, "take", user="bình", role="editor")
        edited = library.get(article.id).with_content(body="Thực hiện quy chế dân chủ.")
        library.save(edited, author="bình")
        transition(library, article.id, "return", user="bình", role="editor", reason="Xem lại")
        later = library.get(article.id).with_content(title="Tít mới")
        library.save(later, author="an")

        since = changes_since(library, article.id, "submit")
        assert set(since) == {"title", "body"}
        assert [op for op in since["body"] if op.kind != "equal"] == [
            Op("replace", "qui", "quy")]
        by_editor = changes_since(library, article.id, "editor")
        assert set(by_editor) == {"body"}
    finally:
        library.close()


def test_after_a_return_since_submission_starts_at_the_returned_version():
    library = Library.in_memory()
    try:
        article = library.create(Article(title="Tít", lead="Sapo.", byline="PV",
                                         body="Thực hiện quy chế dân chủ."))
        transition(library, article.id, "submit", user="an", role="reporter")
        transition(library, article.id, "take", user="bình", role="editor")
        library.save(library.get(article.id).with_content(body="Thực hiện tốt quy chế dân chủ."),
                     author="bình")
        transition(library, article.id, "return", user="bình", role="editor", reason="Xem lại")
        library.save(library.get(article.id).with_content(lead="Sapo mới."), author="an")
        transition(library, article.id, "submit", user="an", role="reporter")
        since = changes_since(library, article.id, "submit")
        assert set(since) == {"lead"}  # the reporter's answer, not the editor's own edit
        assert review_base(status_events(library, article.id)).action == "return"
        library.save(library.get(article.id).with_content(title="Tít hay"), author="bình")
        assert set(changes_since(library, article.id, "submit")) == {"lead", "title"}
    finally:
        library.close()


# ---------------------------------------------------------------- long texts

WORDS = ("quy chế dân chủ ở cơ sở ban chỉ đạo tỉnh hội nghị tổng kết công tác năm "
         "thực hiện xây dựng và của các người dân cán bộ đảng viên địa phương").split()


def prose(paragraphs: int, seed: int) -> list[str]:
    """``paragraphs`` paragraphs of 30–90 words in sentences, drawn with ``seed``."""
    rng = random.Random(seed)
    made = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
            sentences.append(" ".join([words[0].capitalize(), *words[1:]]) + ".")
        made.append(" ".join(sentences))
    return made


def rebuilt(ops: list[Op]) -> tuple[str, str]:
    return "".join(op.old for op in ops), "".join(op.new for op in ops)


def well_formed(ops: list[Op]) -> bool:
    """Equal stretches hold the same text, changes say which side they have, and
    equal and changed stretches alternate (as the word matcher gives them)."""
    for op in ops:
        if op.kind == "equal" and op.old != op.new:
            return False
        if (op.kind, bool(op.old), bool(op.new)) not in {
                ("equal", True, True), ("replace", True, True),
                ("insert", False, True), ("delete", True, False)}:
            return False
    pairs = itertools.pairwise(ops)
    return all((x.kind == "equal") != (y.kind == "equal") for x, y in pairs)


def test_a_long_text_changed_in_two_places_shows_just_those_words():
    paragraphs = prose(60, 1)
    assert len(tokenize("\n\n".join(paragraphs))) ** 2 > diff.WORD_LIMIT  # the long way
    changed = list(paragraphs)
    changed[7] = changed[7].replace(" ", " mới ", 1)
    changed[41] = changed[41].replace(".", "!", 1)
    old, new = "\n\n".join(paragraphs), "\n\n".join(changed)
    ops = diff_words(old, new)
    assert [op for op in ops if op.kind != "equal"] == [
        Op("insert", "", "mới "), Op("replace", ".", "!")]
    assert rebuilt(ops) == (old, new)


def test_unchanged_paragraphs_are_equal_whole_around_scattered_edits():
    paragraphs = prose(80, 2)
    changed = list(paragraphs)
    rng = random.Random(3)
    touched = sorted(rng.sample(range(len(paragraphs)), 12))
    for index in touched:
        words = changed[index].split(" ")
        words[rng.randrange(len(words))] = "sửa"
        del words[rng.randrange(len(words))]
        changed[index] = " ".join(words)
    changed.insert(50, "Một đoạn mới hẳn.")
    del changed[20]
    old, new = "\n\n".join(paragraphs), "\n\n".join(changed)
    ops = diff_words(old, new)
    assert rebuilt(ops) == (old, new) and well_formed(ops)
    equal, position = [], 0
    for op in ops:
        if op.kind == "equal":
            equal.append((position, position + len(op.old)))
        position += len(op.old)
    start = 0
    for index, text in enumerate(paragraphs):
        end = start + len(text)
        inside_equal = any(s <= start and end <= e for s, e in equal)
        assert inside_equal == (index not in {*touched, 20}), index
        start = end + 2


def test_a_rewritten_long_text_stays_within_the_word_matcher_budget(monkeypatch):
    old, new = "\n\n".join(prose(120, 4)), "\n\n".join(prose(120, 5))
    sizes: list[int] = []
    word_spans = diff._word_spans

    def counted(a: list[str], b: list[str]):  # type: ignore[no-untyped-def]
        sizes.append(len(a) * len(b))
        return word_spans(a, b)

    monkeypatch.setattr(diff, "_word_spans", counted)
    ops = diff_words(old, new)
    assert rebuilt(ops) == (old, new) and well_formed(ops)
    tokens = len(tokenize(old)) + len(tokenize(new))
    assert max(sizes) <= diff.WORD_LIMIT
    # Word comparisons in all: at most √limit per token of the two texts, never
    # the square of the text (the former matcher: one call of len(a) × len(b)).
    assert sum(sizes) <= diff.WORD_LIMIT ** 0.5 * tokens / 2
    assert sum(sizes) < len(tokenize(old)) * len(tokenize(new)) / 20


def test_one_endless_rewritten_sentence_is_one_replacement_past_its_common_ends(monkeypatch):
    monkeypatch.setattr(diff, "WORD_LIMIT", 100)
    old = "Mở đầu " + " ".join(WORDS) + " kết thúc"
    new = "Mở đầu " + " ".join(reversed(WORDS)) + " kết thúc"
    ops = diff_words(old, new)
    assert rebuilt(ops) == (old, new)
    assert [op.kind for op in ops] == ["equal", "replace", "equal"]
    assert ops[0].old == "Mở đầu " and ops[-1].old == " kết thúc"


PARAGRAPHS = ["Quy chế dân chủ.", "Ban chỉ đạo tỉnh!", "", "Một câu. Hai câu? Ba",
              "thực hiện… xây dựng;", "  ", "Hội nghị\r\ntổng kết"]
piece = st.one_of(
    st.sampled_from(PARAGRAPHS),
    st.lists(st.sampled_from([*WORDS[:6], " ", "  ", ".", "!", ",", "\n", "\t", "ế",
                              unicodedata.normalize("NFD", "chế")]), max_size=12).map("".join),
)
version = st.lists(piece, max_size=10).map("\n\n".join)


@settings(max_examples=int(os.environ.get("DESKAPP_FUZZ_EXAMPLES", "200")), deadline=None)
@given(old=version, new=version, limit=st.sampled_from([0, 1, 6, 40, 400, 10**9]))
def test_the_ops_rebuild_both_versions(old, new, limit):
    # Small limits send even these short texts through the paragraph, sentence
    # and pairing steps that long articles take.
    with patch.object(diff, "WORD_LIMIT", limit):
        ops = diff_words(old, new)
    assert rebuilt(ops) == (nfc(old), nfc(new))
    assert well_formed(ops)
    assert has_changes(ops) == (nfc(old) != nfc(new))
    # Every stretch begins and ends between two words of its text: no word is cut.
    for side, text in (("old", old), ("new", new)):
        cuts = {0}
        for token in tokenize(text):
            cuts.add(max(cuts) + len(token))
        ends = [0]
        for op in ops:
            ends.append(ends[-1] + len(getattr(op, side)))
        assert set(ends) <= cuts


def test_changes_since_submission_reads_two_revisions_not_the_history():
    library = Library.in_memory()
    try:
        article = library.create(Article(title="Tít", body="Quy chế dân chủ."))
        transition(library, article.id, "submit", user="an", role="reporter")
        transition(library, article.id, "take", user="bình", role="editor")
        for i in range(8):
            library.save(library.get(article.id).with_content(body=f"Quy chế dân chủ {i}."),
                         author="bình")
        transition(library, article.id, "return", user="bình", role="editor", reason="Xem lại")
        before = library.revision_reads
        assert set(changes_since(library, article.id, "editor")) == {"body"}
        assert library.revision_reads - before == 2  # the submitted and the returned text
        before = library.revision_reads
        assert set(changes_since(library, article.id, "submit")) == {"body"}
        assert library.revision_reads - before == 1  # the current text is the article's own
    finally:
        library.close()
