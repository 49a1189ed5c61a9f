"""Library cost: one autosave of the sample article, and listing 2,000 articles."""

import tempfile
from pathlib import Path

from common import median_ms, report, sample_text

from deskapp.exchange import clean_web_copy
from deskapp.model import RevisionKind
from deskapp.store import Library


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.sqlite")
        article = library.create(clean_web_copy(sample_text()).to_article())
        counter = iter(range(10**9))

        def autosave() -> None:
            article.body += f" {next(counter)}"
            library.save(article, kind=RevisionKind.AUTOSAVE)

        report("autosave_sample", median_ms(autosave, repeat=20), "ms")
        with library.db.atomic():
            for i in range(2000):
                library.create(article.with_content(title=f"Bài {i}", id=f"bench-{i}"))
        report("list_2000_articles", median_ms(library.list), "ms")
        library.close()
        report("library_file_2000", (Path(folder) / "library.sqlite").stat().st_size / 2**20, "MiB")


if __name__ == "__main__":
    main()
