"""Search cost in a large archive: filter-as-you-type, ranked search, folding speed.

Builds a library of ``DESKAPP_BENCH_ARTICLES`` (default 100,000) articles
with the scale benchmark's generator (``scale_library.generate``: about 500
words of Zipf-distributed Vietnamese-like text each, so common words match
most of the archive, as they do in a real one), in a fresh temporary file
since the benchmark saves into it.
"""

from __future__ import annotations

import itertools
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import median_ms, report, sample_text
from scale_library import generate

from deskapp.store import Library
from deskapp.text import fold

ARTICLES = int(os.environ.get("DESKAPP_BENCH_ARTICLES", "100000"))

LIVE_QUERIES = (
    "q", "qu", "quy", "quy c", "quy ch", "quy che", "quy chế d", "quy chế dân",
    "đ", "đư", "đườ", "đường", "đường g", "đường gia", "đường giao thông",
    "n", "ng", "ngư", "người", "h", "hà", "hà n", "hà nội",
    "k", "ko", "kon", "kon t", "kon tum", "v", "vi", "việ", "việt", "việt n",
)
RANKED_QUERIES = (
    "quy chế dân chủ", "quy che dan chu", "đường", "duong", "việt nam", "các", "người dân",
    "hà nội", "giao thông", "bão lũ", "kon tum", "nghị định thông tư", "an ninh quốc phòng",
    "khoa học công nghệ", "bệnh viện", "đà nẵng du lịch", "những", "năm", "phát triển",
    "bóng đá",
)


def timings_ms(queries: tuple[str, ...], run: Callable[[str], object], rounds: int) -> list[float]:
    for query in queries:  # warm the page cache once
        run(query)
    times = []
    for _ in range(rounds):
        for query in queries:
            began = time.perf_counter()
            run(query)
            times.append((time.perf_counter() - began) * 1000)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report_latency(name: str, times: list[float]) -> None:
    report(f"{name}_p50", statistics.median(times), "ms")
    report(f"{name}_p95", percentile(times, 0.95), "ms")


def fold_throughput() -> float:
    text = sample_text() * 20
    size = len(text.encode("utf-8")) / 1e6
    began = time.perf_counter()
    for _ in range(5):
        fold(text)
    return 5 * size / (time.perf_counter() - began)


def save_one(library: Library) -> Callable[[], object]:
    """A save of one article of the big library: a revision plus its index rewrite."""
    article = library.get(library.list()[0].id)
    counter = itertools.count()

    def save() -> object:
        article.body += f" thêm {next(counter)}"
        return library.save(article)

    return save


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite"
        library = Library.open(path)
        began = time.perf_counter()
        generate(library, ARTICLES)
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # at rest, as when reopened
        report("search_build_library", time.perf_counter() - began, "s")
        report("search_articles", ARTICLES, "articles")

        def live(query: str) -> object:
            return library.search(query, limit=200, order="updated")

        def ranked(query: str) -> object:
            return library.search(query, limit=200)

        report_latency("search_live_filter", timings_ms(LIVE_QUERIES, live, rounds=3))
        report_latency("search_ranked", timings_ms(RANKED_QUERIES, ranked, rounds=3))
        report("fold_throughput", fold_throughput(), "MB/s")
        report("search_list_by_title", median_ms(lambda: library.list(sort="title"), 3), "ms")
        report("search_save_reindex", median_ms(save_one(library), 9), "ms")
        library.close()
        report("search_library_file", path.stat().st_size / 2**20, "MiB")


if __name__ == "__main__":
    main()
