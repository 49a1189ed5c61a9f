"""What an import or a paste produces before it is an article.

Apart from :mod:`deskapp.exchange.webcopy`, whose cleanup rules cost a few
milliseconds to compile: a Markdown file becomes a draft without them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from deskapp.model import Article


@dataclass
class Draft:
    """An article not yet in the library: what an import or a paste produced."""

    title: str = ""
    lead: str = ""
    body: str = ""
    byline: str = ""
    source: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)

    def to_article(self) -> Article:
        """A new draft :class:`Article` holding these fields (normalised to NFC)."""
        return Article(
            title=self.title,
            lead=self.lead,
            body=self.body,
            byline=self.byline,
            source=self.source,
            section=self.section,
            tags=list(self.tags),
        )
