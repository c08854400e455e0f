"""What the app asks of the library from its background threads. Plain Python, no Textual.

A ``Library`` wraps one sqlite3 connection that belongs to the thread that opened it, so every
function here opens its own (about half a millisecond) and closes it before returning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.library import RefreshSummary
    from reader.library.records import Headline

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
    # every article in the library afterwards (also those another process added meanwhile);
    # None: there is no library file
    headlines: list[Headline] | None = None


def refresh_library(
    path: str | Path | None,
    progress: Callable[[int, int, str], None] | None = None,
    started: Callable[[], None] | None = None,
) -> RefreshOutcome:
    """Refresh every feed (``started`` is called first, once there are feeds), then read all
    headlines back. A missing library file has no feeds: nothing is created just to say so.
    """
    from reader.library import Library, refresh_feeds

    library = Library.open_existing(path)
    if library is None:
        return RefreshOutcome()
    with library:
        if not library.feeds():
            return RefreshOutcome(headlines=library.headlines())
        if started is not None:
            started()
        summary = refresh_feeds(library, progress)
        return RefreshOutcome(summary, library.headlines())
