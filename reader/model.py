"""The article model: what every step after cleaning works with. No Textual here."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


def count_words(text: str) -> int:
    """An article's length in words: runs of any whitespace (no-break spaces too) separate them.

    The one definition: the list counts opened files with it, and the library's triggers
    (SQL function ``newsreader_words``) count stored articles with it, so the two agree.
    """
    return len(text.split()) if text else 0


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner dropped, with why.

    ``position`` is the index of the paragraph it stood before in the cleaned article
    (``len(paragraphs)`` when it came after the last one), so a view can show it in place.
    """

    text: str
    reason: str
    position: int = 0


@dataclass(slots=True)
class Article:
    """A cleaned article and what was read about it."""

    title: str
    paragraphs: list[str]
    title_derived: bool = False
    source: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD, or with time when the page gives one)
    byline: str | None = None
    url: str | None = None
    path: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cleaned text: paragraphs separated by one blank line (offsets index this)."""
        return "\n\n".join(self.paragraphs)

    @property
    def display_title(self) -> str:
        """What a list or a header shows: the title, else the file's name (a page with no
        title, or nothing kept, is still told apart from the others), else "(untitled)"."""
        if self.title:
            return self.title
        if self.path:
            return self.path.replace("\\", "/").rsplit("/", 1)[-1] or "(untitled)"
        return "(untitled)"

    @property
    def location(self) -> str | None:
        return self.url or self.path

    def to_json_dict(self) -> dict[str, Any]:
        """The `newsreader clean --json` object."""
        return {
            "title": self.title,
            "title_derived": self.title_derived,
            "source": self.source,
            "date": self.date,
            "byline": self.byline,
            "paragraphs": list(self.paragraphs),
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, for storage."""
        return asdict(self)
