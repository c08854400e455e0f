"""Full articles of a library, fetched one at a time when the reader opens them. No Textual.

The list of a big library holds only headlines; the text of the article opened (reader, J/K,
compare) comes from ``Library.get`` - a single-row fetch of about a millisecond, fine on the UI
thread - and the last few stay in a small LRU cache. A ``Library`` connection belongs to the
thread that opened it, so each thread that loads (the UI, the compare picker's worker) gets its
own, opened on first use.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.model import Article

if TYPE_CHECKING:
    from reader.ui.entries import Entry

CACHE_SIZE = 64
MISSING_TEXT = "(This article is no longer in the library.)"


class ArticleLoader:
    """Loads library articles by id, with an LRU cache shared by all threads."""

    def __init__(self, path: Path, cache_size: int = CACHE_SIZE) -> None:
        self.path = path
        self.cache_size = cache_size
        self.fetches = 0  # library rows read (tests check that the list reads none)
        self._cache: OrderedDict[Any, Article] = OrderedDict()
        self._lock = threading.Lock()
        self._local = threading.local()

    def cached(self, article_id: Any) -> bool:
        with self._lock:
            return article_id in self._cache

    def load(self, entry: Entry) -> Article:
        """``entry``'s article; a stand-in with its headline if the library lost it."""
        article_id = entry.library_id
        with self._lock:
            article = self._cache.get(article_id)
            if article is not None:
                self._cache.move_to_end(article_id)
                return article
        article = self._fetch(article_id)
        if article is None:  # deleted elsewhere meanwhile: never a traceback over it
            return Article(
                title=entry.title, paragraphs=[MISSING_TEXT], source=entry.outlet or None
            )
        with self._lock:
            self._cache[article_id] = article
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return article

    def forget(self, article_id: Any) -> None:
        with self._lock:
            self._cache.pop(article_id, None)

    def _fetch(self, article_id: Any) -> Article | None:
        library = getattr(self._local, "library", None)
        if library is None:
            from reader.library import Library

            library = Library.open(self.path)
            self._local.library = library
        self.fetches += 1
        found = library.get(article_id)
        return found.article if found is not None else None
