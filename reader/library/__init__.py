"""The persistent library: articles from files, HTML pages, URLs and feeds, in SQLite.

No Textual here. Names are imported lazily (``reader.library.Library`` costs only sqlite3;
httpx/feedparser/trafilatura load when a fetch or refresh actually runs).

Public API (owner: library helper; the app codes to exactly this)::

    library_path(explicit: str | Path | None = None) -> Path
        explicit (``--library``; a directory means <dir>/library.sqlite3), else
        $NEWSREADER_LIBRARY, else platformdirs user data dir / "library.sqlite3".

    Library.open(path: str | Path | None = None) -> Library      # creates/migrates; context manager
    Library.open_existing(path=None) -> Library | None  # None (and nothing created) if no file
        A Library wraps ONE sqlite3 connection and must be used from the thread that opened it.
        Worker threads open their own: ``Library.open(library.path)``.
    library.path: Path
    library.close()
    library.articles(limit: int | None = None) -> list[LibraryEntry]  # newest first
    library.headlines(limit=None, *, ids=None) -> list[Headline]  # the same, without texts:
        # use this for the list of a big library (100,000 articles in well under a second),
        # then library.get(id) for the article the user opens. With ids: in that order.
    library.get(article_id: int) -> LibraryEntry | None
    library.count() -> int
    library.add_articles(items: Iterable[(Article, raw)], progress=None) -> list[AddResult]
        # bulk, 5000 per transaction
    library.add_article(article: Article, *, raw: str, kind: str = "text",
                        feed_id: int | None = None) -> AddResult
        kind is "text" or "html" (what ``raw`` is, so it can be re-cleaned later). Never raises
        on duplicates: AddResult(existing_id, added=False, reason="duplicate URL" or
        "duplicate content"); with a feed_id, AddResult(None, False, "deleted before") for
        what the reader deleted.
    library.mark_read(article_id: int, read: bool = True) -> None
    library.star(article_id: int, on: bool = True) -> None
    library.delete(article_id: int) -> bool            # True if it existed; nothing else lost;
        # a feed refresh does not bring it back (adding it by hand does)
    library.was_deleted(url: str) -> bool
    library.search(query: str, limit: int = 50) -> list[int]  # FTS5 ids best first; any str
    library.regroup_stories(limit=20_000) -> None      # recompute (newest added) stories;
        # story ids stay put: a group keeps the id most of its articles had, a new article
        # starts as a story of its own, a split-off group gets an id never used before
    library.needs_regroup() -> bool                    # articles added since the last regroup
    library.stories() -> list[StorySummary]            # ids, outlet count, title per story
    library.feeds() -> list[FeedInfo]
    library.add_feed(url: str, title: str | None = None) -> int  # id (existing id if known)
    library.reclean() -> int                           # re-run the cleaner on stored raw text

    LibraryEntry: id: int, article: Article, story: int, read: bool, starred: bool,
                  added: str (ISO 8601 UTC), feed_id: int | None
    Headline:     id, title, source, date, story, read, starred, added, url, path, feed_id
    AddResult:    article_id: int | None, added: bool, reason: str | None
    StorySummary: id: int, article_ids: list[int], outlets: int, title: str
    FeedInfo:     id, url, title, etag, last_modified, last_checked, last_error, article_count

    refresh_feeds(library: Library, progress: Callable[[int, int, str], None] | None = None,
                  *, timeout: float = 15.0, feed_deadline: float = 60.0) -> RefreshSummary
        Safe to call from a Textual thread worker: opens its own connection on library.path.
        progress(done, total, message) is called from that same thread. Entry pages are
        fetched 4 at a time; all the work on one feed stops at feed_deadline seconds (the
        rest waits for the next refresh); a failing entry is tried on 3 refreshes at most.
        RefreshSummary: feeds: int, not_modified: int, added: int, duplicates: int,
                        errors: list[str] (one line each), postponed: int, skipped: int,
                        deleted: int; each entry of a feed read is counted once;
                        str() is a one-line summary.

    reader.library.feeds.add_feed(library, url, *, timeout=15.0) -> (feed_id, title)
        fetches and parses the feed first (FeedError/FetchError if it is not a usable feed);
        library.add_feed stores without checking.

    import_sources(library, sources: Iterable[str | Path], progress=None) -> ImportSummary
        files, folders (recursive) and http(s) URLs; ImportSummary: added, duplicates,
        errors: list[str]. Also safe from a worker (own connection).

    clean_html(html: str, *, url: str | None = None) -> Article      # trafilatura, then clean_text
    fetch_url(url: str, *, timeout=15.0, max_bytes=10 MiB, max_redirects=5) -> FetchResult

Errors the user should see are ``LibraryError``/``FetchError``/``FeedError`` (ReaderError
subclasses, one-line messages).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "library_path": "reader.library.paths",
    "Library": "reader.library.store",
    "LibraryEntry": "reader.library.records",
    "Headline": "reader.library.records",
    "AddResult": "reader.library.records",
    "StorySummary": "reader.library.records",
    "FeedInfo": "reader.library.records",
    "LibraryError": "reader.library.store",
    "refresh_feeds": "reader.library.feeds",
    "RefreshSummary": "reader.library.feeds",
    "FeedError": "reader.library.feeds",
    "import_sources": "reader.library.importer",
    "ImportSummary": "reader.library.importer",
    "clean_html": "reader.library.html",
    "fetch_url": "reader.library.fetch",
    "FetchResult": "reader.library.fetch",
    "FetchError": "reader.library.fetch",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'reader.library' has no attribute {name!r}")
    return getattr(importlib.import_module(module_name), name)
