"""A generated library of many articles for the scale benchmark, cached between runs.

Articles of about 500 words of Vietnamese-like text (:class:`TextMaker`),
each with its first revision, its index entry and its list sort key, written
straight into a library made by ``Library.open`` (so the schema is the
store's own) in one transaction. A few statuses and a trash are mixed in so
the status filter and the trash have something to show.

Word frequencies follow Zipf's law over real common syllables followed by a
long tail of made-up ones, so common words ("các", "năm", "người") match
most of the archive, as they do in a real one. Text is folded once per
vocabulary word instead of once per article: building the data is not what
is measured. :func:`generate` fills any library this way (the search
benchmark uses it on a library of its own).

The file is cached under the system's temporary folder, keyed by the schema
version and the article count, and built under a temporary name so an
interrupted build is never mistaken for a finished one.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import tempfile
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from deskapp.store import Library
from deskapp.store.schema import SCHEMA_VERSION, title_order_key
from deskapp.text import fold

STATUSES = ("draft",) * 40 + ("submitted",) * 4 + ("in_review", "returned") * 2 + (
    "approved",) * 3 + ("exported",)
TRASH_EVERY = 250

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


def library_path(count: int) -> Path:
    """Where the cached library of ``count`` articles lives (its own folder: backups go beside)."""
    folder = Path(tempfile.gettempdir()) / "deskapp-bench-scale" / f"v{SCHEMA_VERSION}-{count}"
    return folder / "library.sqlite"


def ensure_library(count: int) -> tuple[Path, bool]:
    """The cached library of ``count`` articles, built first if missing; (path, built now)."""
    path = library_path(count)
    if path.exists():
        return path, False
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(f".building-{uuid.uuid4().hex[:8]}.sqlite")
    library = Library.open(building)
    try:
        library.set_setting("welcomed", "1")
        library.set_setting("user_name", "Bench")
        library.set_setting("user_role", "editor")
        generate(library, count)
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        library.close()
    building.rename(path)
    return path, True


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
    """Write ``count`` articles, their revisions and index entries in one transaction."""
    maker = TextMaker(random.Random(SEED))
    db = library.db
    with db.atomic():
        for chunk in _chunks(_rows(maker, count), 1000):
            db.conn.executemany(
                "INSERT INTO articles (id, title, lead, body, byline, source, section, tags, "
                "status, created_at, updated_at, deleted_at, revision_id, title_key) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)",
                [row[0] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO revisions (id, article_id, parent_id, created_at, author, kind, "
                "content_hash, title, lead, body, byline, source, section, tags, status) "
                "VALUES (?, ?, NULL, ?, ?, 'create', ?, ?, ?, ?, ?, ?, ?, '[]', ?)",
                [row[1] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO articles_fts (rowid, article_id, title, lead, body, byline, "
                "source, section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [row[2] for row in chunk],
            )
            db.conn.executemany(
                "INSERT INTO articles_fts_rowid (article_id, fts_rowid) VALUES (?, ?)",
                [(row[2][1], row[2][0]) for row in chunk],
            )


def _rows(maker: TextMaker, count: int) -> Iterator[tuple[tuple, tuple, tuple]]:
    bylines = ["Minh Anh", "Thanh Tùng", "Đào Quí", "Lê Hương", "Phạm Đức"]
    sections = ["Thời sự", "Kinh tế", "Văn hóa", "Thể thao", "Đời sống"]
    start = datetime(2015, 1, 1, tzinfo=UTC)
    for n in range(1, count + 1):
        stamp = (start + timedelta(minutes=7 * n)).isoformat(timespec="microseconds")
        title, title_f = maker.text(maker.rng.randint(6, 10))
        lead, lead_f = maker.text(30)
        body, body_f = maker.text(BODY_WORDS)
        byline, section = bylines[n % 5], sections[n % 5]
        status = STATUSES[n % len(STATUSES)]
        deleted = stamp if n % TRASH_EVERY == 0 else None
        article_id = str(uuid.UUID(int=maker.rng.getrandbits(128), version=4))
        revision_id = str(uuid.UUID(int=maker.rng.getrandbits(128), version=4))
        digest = hashlib.sha256(json.dumps([title, lead, body, byline, section, status],
                                           ensure_ascii=False).encode()).hexdigest()
        yield (
            (article_id, title, lead, body, byline, "", section, status, stamp, stamp, deleted,
             revision_id, title_order_key(title)),
            (revision_id, article_id, stamp, byline, digest, title, lead, body, byline, "",
             section, status),
            (n, article_id, title_f, lead_f, body_f, fold(byline), "", fold(section)),
        )


def _chunks(rows: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    while chunk := list(itertools.islice(rows, size)):
        yield chunk
