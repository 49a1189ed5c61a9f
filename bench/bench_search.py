"""Search cost in a large archive: filter-as-you-type, ranked search, folding speed.

Builds a library of ``DESKAPP_BENCH_ARTICLES`` (default 100,000) articles of
about 500 words of Vietnamese-like text. Word frequencies follow Zipf's law
over real common syllables followed by a long tail of made-up ones, so common
words ("các", "năm", "người") match most of the archive, as they do in a
real one. Rows and index entries are written straight with SQL in one
transaction, with text folded once per vocabulary word instead of once per
article: building the data is not what is measured.
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import tempfile
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import median_ms, report, sample_text

from deskapp.store import Library
from deskapp.text import fold

ARTICLES = int(os.environ.get("DESKAPP_BENCH_ARTICLES", "100000"))
BODY_WORDS = 500
SEED = 1258

COMMON = (
    "và của các có là được trong cho người không với những một này đã năm để khi cũng "
    "từ đến theo về tại đó như ra nhiều phải công làm thì sẽ trên tỉnh nước việt nam "
    "nhà dân sự động phát triển hội đồng chính quy chế chủ xã huyện thành phố kinh tế "
    "quốc gia tổ chức cơ sở cán bộ đảng viên nhân mới ngày tháng lại sau hiện đang vụ "
    "học sinh trường giáo dục bệnh viện sức khỏe đường giao thông dương đương hà nội "
    "hồ chí minh đà nẵng lạt huế cần thơ kon tum mạnh mẽ triển khai thực hiện kế hoạch "
    "lãnh đạo chỉ đạo quản lý đầu tư xây dựng dự án nông nghiệp thị trường doanh nghiệp "
    "ban hành nghị định thông tư luật pháp an ninh quốc phòng văn hóa du lịch thể thao "
    "bóng đá điện ảnh âm nhạc nghệ thuật khoa học công nghệ thông tin truyền mạng xã "
    "mùa mưa bão lũ lụt hạn mặn biển đảo rừng môi trường khí hậu nhiệt độ thời tiết"
).split()
ONSETS = "b c ch d đ g gi h k kh l m n ng nh p ph qu r s t th tr v x".split()
RHYMES = (
    "a ai am an ang anh ao au ay ăm ăn ăng âm ân âng âu ây e em en eng eo ê êm ên ênh êu "
    "i ia im in inh iu iêm iên iêng iêu o oa oai oan oang oanh oe oi om on ong ô ôi ôm ôn "
    "ông ơ ơi ơm ơn u ua uân uây uê ui um un ung uôi uôm uôn uông uy uyên uyêt ư ưa ưi ưng "
    "ươi ươm ươn ương ươu"
).split()
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

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


def vocabulary(rng: random.Random) -> list[str]:
    """Common real syllables first, then made-up ones with a tone each, shuffled."""
    made_up = {
        _with_tone(onset, rhyme, rng.choice(TONES)) for onset in ONSETS for rhyme in RHYMES
    }
    tail = sorted(made_up - set(COMMON))
    rng.shuffle(tail)
    return list(dict.fromkeys(COMMON)) + tail


def _with_tone(onset: str, rhyme: str, tone: str) -> str:
    """The syllable with its tone on the vowel that carries it (roughly as spelled)."""
    vowels = [i for i, ch in enumerate(rhyme) if ch in "aăâeêioôơuưy"]
    marked = [i for i in vowels if rhyme[i] in "ăâêôơư"]
    if marked:
        at = marked[-1]
    elif vowels[-1] < len(rhyme) - 1 or len(vowels) == 1:
        at = vowels[-1]
    else:
        at = vowels[-2]
    return onset + unicodedata.normalize("NFC", rhyme[:at + 1] + tone) + rhyme[at + 1:]


class TextMaker:
    """Draws Zipf-distributed words and gives each text with its folded twin."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary(rng)
        self.folded = [fold(w) for w in self.words]
        self.capital = [w[:1].upper() + w[1:] for w in self.words]
        weights = [1 / (rank + 2) ** 1.05 for rank in range(len(self.words))]
        self.cumulative = list(itertools.accumulate(weights))
        self.indexes = range(len(self.words))

    def text(self, count: int) -> tuple[str, str]:
        picks = self.rng.choices(self.indexes, cum_weights=self.cumulative, k=count)
        words = [self.words[i] for i in picks]
        for at in range(0, count, 16):  # sentences of 16 words
            words[at] = self.capital[picks[at]]
            if at:
                words[at - 1] += "."
        return " ".join(words) + ".", " ".join(self.folded[i] for i in picks)


def generate(library: Library, count: int) -> None:
    """Write ``count`` articles and their index entries in one transaction."""
    maker = TextMaker(random.Random(SEED))
    start = datetime(2015, 1, 1, tzinfo=UTC)
    db = library.db
    with db.atomic():
        for chunk in _chunks(_rows(maker, start, count), 2000):
            db.conn.executemany(
                "INSERT INTO articles (id, title, lead, body, byline, source, section, tags, "
                "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', 'draft', "
                "?, ?)",
                [row[0] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO articles_fts (rowid, article_id, title, lead, body, byline, "
                "source, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [row[1] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO articles_fts_rowid (article_id, fts_rowid) VALUES (?, ?)",
                [(row[1][1], row[1][0]) for row in chunk],
            )


def _rows(maker: TextMaker, start: datetime, count: int) -> Iterator[tuple[tuple, tuple]]:
    bylines = ["Minh Anh", "Thanh Tùng", "Đào Quí", "Lê Hương", "Phạm Đức"]
    sections = ["Thời sự", "Kinh tế", "Văn hóa", "Thể thao", "Đời sống"]
    for n in range(1, count + 1):
        stamp = (start + timedelta(minutes=7 * n)).isoformat(timespec="microseconds")
        title, title_f = maker.text(maker.rng.randint(6, 10))
        lead, lead_f = maker.text(30)
        body, body_f = maker.text(BODY_WORDS)
        byline, section = bylines[n % 5], sections[n % 5]
        article_id = str(uuid.UUID(int=maker.rng.getrandbits(128), version=4))
        yield (
            (article_id, title, lead, body, byline, "", section, stamp, stamp),
            (n, article_id, title_f, lead_f, body_f, fold(byline), "", fold(section)),
        )


def _chunks(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


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
