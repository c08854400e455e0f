"""What the app asks of the library from its background threads. Plain Python, no Textual.

A ``Library`` wraps one sqlite3 connection that belongs to the thread that opened it, so every
function here opens its own (about half a millisecond) and closes it before returning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library import LibraryEntry, RefreshSummary

SEARCH_LIMIT = 500  # full-text hits shown in the list (best first)
PREFIX_MIN = 3  # while typing, a last word this long also matches as a prefix
NO_FEEDS = "No feeds: add one with `newsreader feed add URL`."

_WORD = re.compile(r"\w+")


def save_mark(path: Path, article_id: int, mark: str, on: bool) -> None:
    """Persist a read (``mark="read"``) or star (``mark="star"``) mark."""
    from reader.library import Library

    with Library.open(path) as library:
        if mark == "read":
            library.mark_read(article_id, on)
        else:
            library.star(article_id, on)


def delete_article(path: Path, article_id: int) -> bool:
    from reader.library import Library

    with Library.open(path) as library:
        return library.delete(article_id)


def typed_query(text: str) -> str:
    """The FTS query for what is typed so far: a last word still being typed is a prefix.

    "flood rail" finds "railway" while the user types; "flood rail " (a space after) means the
    word is complete. Short prefixes are left exact: "r*" would match half the vocabulary.
    """
    words = _WORD.findall(text)
    if not words:
        return ""
    if not text[-1].isspace() and len(words[-1]) >= PREFIX_MIN and not text.endswith("*"):
        return text + "*"
    return text


def full_text_hits(path: Path, text: str, limit: int = SEARCH_LIMIT) -> list[int]:
    """Library ids whose text matches every word typed, best first (FTS5)."""
    query = typed_query(text)
    if not query:
        return []
    from reader.library import Library

    with Library.open(path) as library:
        return library.search(query, limit=limit)


@dataclass(slots=True)
class RefreshOutcome:
    summary: RefreshSummary | None = None  # None: there were no feeds to refresh
    new: list[LibraryEntry] = field(default_factory=list)  # articles the app does not have
    stories: dict[int, int] = field(default_factory=dict)  # library id -> story, all articles


def refresh_library(
    path: str | Path | None,
    known_ids: Collection[int],
    progress: Callable[[int, int, str], None] | None = None,
) -> RefreshOutcome:
    """Refresh every feed; then the articles not in ``known_ids`` and everyone's story.

    A missing library file has no feeds: nothing is created just to say so.
    """
    from reader.library import Library, refresh_feeds

    library = Library.open_existing(path)
    if library is None:
        return RefreshOutcome()
    with library:
        if not library.feeds():
            return RefreshOutcome()
        summary = refresh_feeds(library, progress)
        outcome = RefreshOutcome(summary)
        if summary.added:
            known = set(known_ids)
            headlines = library.headlines()
            outcome.stories = {headline.id: headline.story for headline in headlines}
            for headline in headlines:
                if headline.id not in known:
                    entry = library.get(headline.id)
                    if entry is not None:
                        outcome.new.append(entry)
        return outcome
