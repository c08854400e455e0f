"""The rows of the app's article list, as plain tuples: cheap even for 100,000 articles.

A mixin of ``reader.library.store.Library`` (kept apart so that each module stays readable).
No objects per article: the app builds its own list entries straight from these tuples.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

# The library's reading order (the articles_newest and articles_headlines indexes follow it).
NEWEST_FIRST = "coalesce(date, substr(added, 1, 10)) DESC, added DESC, id DESC"

# id, title, source, date, story (its own id when alone), read, starred, words (None: unknown)
ListRow = tuple[int, str, "str | None", "str | None", int, int, int, "int | None"]
LIST_COLUMNS = (
    "id, title, source, date, coalesce(story, id), read, starred,"
    " (SELECT words FROM article_words WHERE article_words.id = articles.id)"
)
_BATCH = 400  # ids per query (SQLite allows 999 variables in old builds; two lists of these)


class ListMethods:
    connection: sqlite3.Connection

    def list_rows(self, limit: int | None = None) -> list[ListRow]:
        """The list's rows, newest first (the first ``limit`` only, when given)."""
        rows = self.connection.execute(
            f"SELECT {LIST_COLUMNS} FROM articles ORDER BY {NEWEST_FIRST} LIMIT ?",
            (-1 if limit is None else int(limit),),
        )
        return rows.fetchall()

    def story_sizes(self, stories: Iterable[int]) -> dict[int, int]:
        """How many articles each of ``stories`` has (keys as in ``list_rows``: an article
        without a story is its own, keyed by its id). Asked for a first screenful, before the
        whole list is read."""
        keys = sorted(set(stories))
        sizes: dict[int, int] = {}
        for start in range(0, len(keys), _BATCH):
            chunk = keys[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(
                f"SELECT coalesce(story, id), count(*) FROM articles"
                f" WHERE story IN ({marks}) OR (story IS NULL AND id IN ({marks}))"
                f" GROUP BY 1",
                [*chunk, *chunk],
            )
            sizes.update((int(key), int(count)) for key, count in rows)
        return sizes
