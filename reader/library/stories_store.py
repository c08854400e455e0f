"""The story half of the library: story ids that stay put, regrouping, story summaries.

A mixin of ``reader.library.store.Library`` (kept apart so that each module stays readable);
it uses the library's connection and write transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from reader.library.records import StorySummary, article_from_json

REGROUP_LIMIT = 20_000  # most recently added articles whose stories are recomputed


def _outlet_count(sources: Iterable[str | None]) -> int:
    """Distinct known outlets (articles whose outlet is unknown add none)."""
    return len({" ".join(source.casefold().split()) for source in sources if source} - {""})


class StoryMethods:
    connection: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]

    def _fresh_story_id(self) -> int:
        """A story id never handed out before (call inside a write transaction)."""
        row = self.connection.execute(
            "UPDATE story_counter SET last = last + 1 RETURNING last"
        ).fetchone()
        return int(row[0])

    def regroup_stories(self, limit: int = REGROUP_LIMIT) -> None:
        """Recompute stories; ids stay put (``reader.stories.keep_story_ids``).

        Only the ``limit`` most recently added articles are regrouped (all of them in most
        libraries): older stories are settled, and this keeps an import into a huge library
        from re-reading every text.
        """
        from reader.stories import assign_stories, keep_story_ids

        seen = self._story_counter()[0]  # before reading: later additions stay "ungrouped"
        rows = self.connection.execute(
            "SELECT id, article_json, body FROM"
            " (SELECT id, article_json, body FROM articles ORDER BY id DESC LIMIT ?) ORDER BY id",
            (int(limit),),
        ).fetchall()
        grouped = dict(
            zip(
                [row[0] for row in rows],
                assign_stories([article_from_json(row[1], row[2]) for row in rows]),
                strict=True,
            )
        )
        with self.transaction() as c:
            before = self._story_counter()[0]
            # current ids read under the write lock: another copy may have regrouped (or
            # deleted) while this one was grouping
            current = c.execute(
                "SELECT id, coalesce(story, id) FROM articles WHERE id >= ? ORDER BY id",
                (rows[0][0] if rows else 0,),
            ).fetchall()
            current = [(article_id, old) for article_id, old in current if article_id in grouped]
            stories = keep_story_ids(
                [old for _, old in current],
                [grouped[article_id] for article_id, _ in current],
                self._fresh_story_id,
            )
            c.executemany(
                "UPDATE articles SET story = ? WHERE id = ?",
                [
                    (story, article_id)
                    for (article_id, old), story in zip(current, stories, strict=True)
                    if story != old
                ],
            )
            # articles added by another copy since ``seen`` (counted in before - seen) are
            # not grouped yet; the fresh ids this regrouping took are
            fresh_taken = self._story_counter()[0] - before
            c.execute("UPDATE story_counter SET grouped_at = ?", (seen + fresh_taken,))

    def _story_counter(self) -> tuple[int, int]:
        """(last story id handed out, the value of that counter the last regrouping covered)."""
        row = self.connection.execute("SELECT last, grouped_at FROM story_counter").fetchone()
        return int(row[0]), int(row[1])

    def needs_regroup(self) -> bool:
        """Whether articles were added since the last ``regroup_stories``."""
        last, grouped_at = self._story_counter()
        return last > grouped_at

    def stories(self) -> list[StorySummary]:
        """Stories with more outlets first, then newest."""
        rows = self.connection.execute(
            "SELECT coalesce(story, id), id, title, source FROM articles ORDER BY id"
        ).fetchall()
        grouped: dict[int, list[tuple[int, str, str | None]]] = {}
        for story, article_id, title, source in rows:
            grouped.setdefault(story, []).append((article_id, title, source))
        summaries = [
            StorySummary(
                id=story,
                article_ids=[item[0] for item in items],
                outlets=_outlet_count(item[2] for item in items),
                title=items[0][1],
            )
            for story, items in grouped.items()
        ]
        summaries.sort(key=lambda s: (-s.outlets, -max(s.article_ids)))
        return summaries
