"""Word diff of long versions: the History panel, "what changed since submission", conflicts.

Two 10,000-word versions are built from the newsroom sample's words (drawn
at random with a fixed seed, so words repeat as often as in real copy, in
paragraphs of 40–160 words). ``diff_one_paragraph_10k``: the versions differ
in one paragraph in the middle, the common case of comparing two saves.
``diff_rewritten_10k``: every paragraph was written again from the same
vocabulary, the worst case. Each time is followed by its target (issue 15)
and the ratio to it. ``diff_quadratic_4k`` is the former comparison (one
word matcher over the whole texts) on a 4,000-word rewrite, for the record;
``DESKAPP_BENCH_QUICK=1`` leaves it out (it takes several seconds).
"""

from __future__ import annotations

import difflib
import os
import random

from common import median_ms, report, sample_text

from deskapp.desk.diff import diff_words, has_changes, tokenize

WORDS = 10_000
TARGETS_MS = {"diff_one_paragraph_10k": 50.0, "diff_rewritten_10k": 1000.0}


def article(words: int, seed: int, vocabulary: list[str]) -> str:
    """``words`` words of prose in paragraphs, drawn from ``vocabulary`` with ``seed``."""
    rng = random.Random(seed)
    paragraphs, left = [], words
    while left > 0:
        size = min(left, rng.randint(40, 160))
        left -= size
        sentences, in_paragraph = [], size
        while in_paragraph > 0:
            length = min(in_paragraph, rng.randint(8, 30))
            in_paragraph -= length
            chosen = [rng.choice(vocabulary) for _ in range(length)]
            sentences.append(" ".join([chosen[0].capitalize(), *chosen[1:]]) + ".")
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def vocabulary() -> list[str]:
    return [t.lower() for t in tokenize(sample_text()) if t[:1].isalnum()]


def timed(name: str, old: str, new: str) -> None:
    assert has_changes(diff_words(old, new))
    value = median_ms(lambda: diff_words(old, new), repeat=5)
    report(name, value, "ms")
    report(f"{name}_target", TARGETS_MS[name], "ms")
    report(f"{name}_ratio_to_target", value / TARGETS_MS[name], "x")


def main() -> None:
    words = vocabulary()
    old = article(WORDS, 1, words)
    paragraphs = old.split("\n\n")
    middle = len(paragraphs) // 2
    paragraphs[middle] = article(len(paragraphs[middle].split()), 99, words)
    timed("diff_one_paragraph_10k", old, "\n\n".join(paragraphs))
    timed("diff_rewritten_10k", old, article(WORDS, 2, words))
    if os.environ.get("DESKAPP_BENCH_QUICK") != "1":
        a, b = tokenize(article(4_000, 1, words)), tokenize(article(4_000, 2, words))
        value = median_ms(
            lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), repeat=1)
        report("diff_quadratic_4k", value, "ms")


if __name__ == "__main__":
    main()
