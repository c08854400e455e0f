"""What the library remembers about a feed's entries between refreshes.

``feed_failures``: entries whose page failed, with the number of tries (a refresh gives up
after a few). ``feed_known``: entries whose page proved to be in the library already under
another URL or from a file ("library"), or deleted by the reader ("deleted"), so that later
refreshes count them without fetching the page again. Both forget entries gone from the feed.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.library.records import now_iso
from reader.library.store import Library

KNOWN_IN_LIBRARY = "library"
KNOWN_DELETED = "deleted"


def failed_attempts(library: Library, feed_id: int, *, keep: set[str]) -> dict[str, int]:
    """Failed tries per entry key; entries gone from the feed are forgotten."""
    return _kept(library, "feed_failures", "attempts", feed_id, keep)


def record_failure(library: Library, feed_id: int, key: str, error: str, tries: int) -> None:
    with library.transaction() as c:
        c.execute(
            "INSERT INTO feed_failures (feed_id, entry_key, attempts, last_error, last_tried)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed_id, entry_key) DO UPDATE SET"
            " attempts = excluded.attempts, last_error = excluded.last_error,"
            " last_tried = excluded.last_tried",
            (feed_id, key, tries, error, now_iso()),
        )


def forget_failure(library: Library, feed_id: int, key: str) -> None:
    with library.transaction() as c:
        c.execute("DELETE FROM feed_failures WHERE feed_id = ? AND entry_key = ?", (feed_id, key))


def known_entries(library: Library, feed_id: int, *, keep: set[str]) -> dict[str, str]:
    """Entry key -> KNOWN_IN_LIBRARY or KNOWN_DELETED; entries gone from the feed forgotten."""
    return _kept(library, "feed_known", "status", feed_id, keep)


def remember_known(library: Library, feed_id: int, key: str, status: str) -> None:
    with library.transaction() as c:
        c.execute(
            "INSERT OR REPLACE INTO feed_known (feed_id, entry_key, status) VALUES (?, ?, ?)",
            (feed_id, key, status),
        )


def claim_for_feed(
    library: Library, feed_id: int, *, urls: Iterable[str] = (), article_id: int | None = None
) -> None:
    """Articles the feed lists that were added by hand before count as the feed's (so `feed
    list` counts them); an article another feed brought stays that feed's."""
    sql = "UPDATE articles SET feed_id = ? WHERE {} = ? AND feed_id IS NULL"
    rows = [(feed_id, url) for url in urls]
    if not rows and article_id is None:
        return
    with library.transaction() as c:
        c.executemany(sql.format("url"), rows)
        if article_id is not None:
            c.execute(sql.format("id"), (feed_id, article_id))


def _kept(library: Library, table: str, column: str, feed_id: int, keep: set[str]) -> dict:
    rows = library.connection.execute(
        f"SELECT entry_key, {column} FROM {table} WHERE feed_id = ?", (feed_id,)
    ).fetchall()
    gone = [(feed_id, key) for key, _ in rows if key not in keep]
    if gone:
        with library.transaction() as c:
            c.executemany(f"DELETE FROM {table} WHERE feed_id = ? AND entry_key = ?", gone)
    return {key: value for key, value in rows if key in keep}
