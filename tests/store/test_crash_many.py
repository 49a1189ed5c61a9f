"""Killed a hundred times mid-autosave, the library keeps every committed word.

A child process drives the store as the window does: it creates an article
and autosaves its growing body with ``Library.save(kind="autosave")``,
printing the body's length after each save returns (that is, after the
commit). The parent kills it with SIGKILL at a random moment, then reopens
the library and checks that the file is sound and the body holds at least
what the child last reported.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from deskapp.store import Library

RUNS = int(os.environ.get("DESKAPP_CRASH_RUNS", "100"))
WORDS = "Ban chỉ đạo quy chế dân chủ ở cơ sở tỉnh Kon Tum tổng kết năm đổi mới Đắk Hà ".split()

CHILD = """
import sys, time
from deskapp.model import Article, RevisionKind
from deskapp.store import Library

words = sys.argv[2].split()
library = Library.open(sys.argv[1])
article = library.create(Article(title="Bài bị giết", body=""))
print("id", article.id, flush=True)
n = 0
while True:
    article.body += words[n % len(words)] + (" " if n % 17 else "\\n\\n")
    n += 1
    start = time.perf_counter()
    library.save(article, kind=RevisionKind.AUTOSAVE, author="crash")
    print("saved", len(article.body), f"{(time.perf_counter() - start) * 1000:.3f}", flush=True)
"""


def expected_body(length: int) -> str:
    """The first ``length`` characters the child writes (it always writes the same text)."""
    text, n = "", 0
    while len(text) < length:
        text += WORDS[n % len(WORDS)] + (" " if n % 17 else "\n\n")
        n += 1
    return text


@dataclass
class CrashReport:
    runs: int = 0
    losses: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)


def kill_once(path: Path, rng: random.Random, report: CrashReport) -> None:
    """Start the child, kill it at a random moment, and check what survived."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), " ".join(WORDS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )
    try:
        first = proc.stdout.readline().split()
        assert first[:1] == ["id"], proc.stderr.read()
        time.sleep(rng.uniform(0, 0.06))
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    article_id, committed = first[1], 0
    for line in proc.stdout.read().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "saved":  # a line cut by the kill has fewer parts
            committed = int(parts[1])
            report.latencies_ms.append(float(parts[2]))
    proc.stdout.close()
    proc.stderr.close()
    report.runs += 1
    check_survivor(path, article_id, committed, report)


def check_survivor(path: Path, article_id: str, committed: int, report: CrashReport) -> None:
    library = Library.open(path)
    try:
        verdict = library.db.execute("PRAGMA integrity_check").fetchone()[0]
        body = library.get(article_id).body
    finally:
        library.close()
    if verdict != "ok":
        report.losses.append(f"run {report.runs}: integrity {verdict}")
    elif len(body) < committed or body != expected_body(len(body))[: len(body)]:
        report.losses.append(f"run {report.runs}: {len(body)} chars stored, {committed} committed")


def run_crashes(path: Path, runs: int, seed: int = 20250312) -> CrashReport:
    rng = random.Random(seed)
    Library.open(path).close()  # one library for every run, made before the first kill
    report = CrashReport()
    for _ in range(runs):
        kill_once(path, rng, report)
    return report


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL exists only on POSIX")
def test_hundred_kills_lose_no_committed_word(library_path):
    report = run_crashes(library_path, RUNS)
    assert report.runs == RUNS
    assert report.losses == []
    assert report.latencies_ms  # the kills did land between saves, not only before them


def test_expected_body_is_what_the_child_writes():
    assert expected_body(1) == "Ban\n\n"
    assert expected_body(30).startswith("Ban\n\nchỉ đạo quy chế")
