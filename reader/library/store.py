"""The library database: SQLite with WAL, ordered migrations, FTS5 search, reading state.

One ``Library`` wraps one sqlite3 connection, used from the thread that opened it (sqlite3
connections are per thread); a worker opens its own with ``Library.open(library.path)``.
Autocommit mode with explicit ``BEGIN IMMEDIATE`` for writes: a writer takes the lock up
front, so two running copies wait on each other (busy timeout) instead of failing half way.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.library.list_store import NEWEST_FIRST as _NEWEST_FIRST
from reader.library.list_store import ListMethods
from reader.library.paths import PrintableError, library_path
from reader.library.records import (
    AddResult,
    FeedInfo,
    Headline,
    LibraryEntry,
    article_from_json,
    article_to_json,
    content_hash,
    headline_from_row,
    now_iso,
)
from reader.library.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, WORDS_SQL, split_sql
from reader.library.stories_store import StoryMethods
from reader.model import Article, count_words

BUSY_TIMEOUT_MS = 10_000
RANK_WINDOW = 1000  # newest matches ranked by bm25 per search (all of them when fewer)


class LibraryError(PrintableError):
    """The library file cannot be used (not a library, newer version, locked too long)."""


_WORD_RE = re.compile(r"\w+", re.UNICODE)


def fts_query(query: str) -> str:
    """User words as quoted FTS5 terms (all must match; a final word may be a prefix)."""
    words = _WORD_RE.findall(query)
    if not words:
        return ""
    terms = [f'"{word}"' for word in words]
    if query.rstrip().endswith("*"):
        terms[-1] += "*"
    return " ".join(terms)


class Library(StoryMethods, ListMethods):
    """An open library database. Use ``Library.open``; close it (or use ``with``)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None = None) -> Library:
        file = library_path(path)
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(f"cannot create the library folder {file.parent}: {error}") from None
        try:
            connection = sqlite3.connect(file, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise LibraryError(f"cannot open the library {file}: {error}") from None
        library = cls(connection, file)
        try:
            library._configure_and_migrate()
        except sqlite3.DatabaseError as error:
            connection.close()
            raise LibraryError(f"{file} is not a usable newsreader library ({error})") from None
        except LibraryError:
            connection.close()
            raise
        return library

    @classmethod
    def open_existing(cls, path: str | Path | None = None) -> Library | None:
        """The library if its file exists, else None: commands that only read (list, search)
        create no file and no folder."""
        file = library_path(path)
        if not file.exists():
            return None
        return cls.open(file)

    def _configure_and_migrate(self) -> None:
        """Set up the connection and bring the schema up to date, waiting (up to the busy
        timeout) while another copy holds a lock: switching to WAL or reading the schema of
        a file that copy is still creating can fail at once with "database is locked"."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self._configure()
                self._migrate()
                return
            except sqlite3.OperationalError as error:
                busy = "locked" in str(error) or "busy" in str(error)
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _configure(self) -> None:
        c = self.connection
        c.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        c.execute("PRAGMA journal_mode = WAL")
        # NORMAL is safe against a crash of this process in WAL mode (only a power cut can
        # drop the last commits) and much faster than FULL.
        c.execute("PRAGMA synchronous = NORMAL")
        c.execute("PRAGMA foreign_keys = ON")
        # the word-count triggers call it: a stored length is counted as an opened file's
        c.create_function(WORDS_SQL, 1, count_words, deterministic=True)

    def _migrate(self) -> None:
        c = self.connection
        # One read transaction: another copy creating the file may commit between two reads
        # (version 0, then tables: "not a newsreader library").
        c.execute("BEGIN")
        try:
            version = c.execute("PRAGMA user_version").fetchone()[0]
            app_id = c.execute("PRAGMA application_id").fetchone()[0]
            tables = c.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            c.execute("COMMIT")
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"{self.path} was written by a newer newsreader (schema {version}, "
                f"this one knows {SCHEMA_VERSION}); upgrade newsreader"
            )
        if version == 0 and app_id == 0:
            if tables:
                raise LibraryError(f"{self.path} is an SQLite file but not a newsreader library")
        elif app_id != APPLICATION_ID:
            raise LibraryError(f"{self.path} is an SQLite file but not a newsreader library")
        while version < SCHEMA_VERSION:
            with self.transaction():
                # Re-read inside the lock: another copy may have migrated meanwhile.
                version = c.execute("PRAGMA user_version").fetchone()[0]
                if version >= SCHEMA_VERSION:
                    break
                for statement in split_sql(MIGRATIONS[version]):
                    c.execute(statement)
                version += 1
                c.execute(f"PRAGMA user_version = {version}")
                c.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the write lock at once (waits up to the busy timeout)."""
        c = self.connection
        try:
            c.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise LibraryError(f"the library {self.path} is busy ({error})") from None
        try:
            yield c
        except BaseException:
            c.execute("ROLLBACK")
            raise
        else:
            c.execute("COMMIT")

    # -- articles ------------------------------------------------------------------------
    def add_article(
        self, article: Article, *, raw: str, kind: str = "text", feed_id: int | None = None
    ) -> AddResult:
        """Store a cleaned article beside its raw text; duplicates (URL or content) refused."""
        with self.transaction():
            return self._insert(article, raw=raw, kind=kind, feed_id=feed_id)

    def add_articles(
        self,
        items: Iterable[tuple[Article, str]],
        *,
        kind: str = "text",
        progress: Callable[[int], None] | None = None,
        batch: int = 5000,
    ) -> list[AddResult]:
        """Bulk insert, ``batch`` articles per transaction (fast; a crash loses at most the
        batch in progress). Items are (article, raw)."""
        results: list[AddResult] = []
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, batch)):
            with self.transaction():
                for article, raw in chunk:
                    results.append(self._insert(article, raw=raw, kind=kind, feed_id=None))
                    if progress is not None:
                        progress(len(results))
        return results

    def _insert(self, article: Article, *, raw: str, kind: str, feed_id: int | None) -> AddResult:
        c = self.connection
        url = article.url or None
        if url is not None:
            row = c.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
            if row:
                return AddResult(row[0], False, "duplicate URL")
        digest = content_hash(article, raw)
        row = c.execute("SELECT id FROM articles WHERE content_hash = ?", (digest,)).fetchone()
        if row:
            return AddResult(row[0], False, "duplicate content")
        if feed_id is not None and self._deleted_before(url, digest):
            return AddResult(None, False, "deleted before")
        cursor = c.execute(
            # the id after the highest ever used: a deleted article's id is never reused
            "INSERT INTO articles (id, url, content_hash, raw, raw_kind, title, source, date,"
            " body, article_json, added, feed_id, path, story)"
            " VALUES ((SELECT last + 1 FROM article_id_counter), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?)",
            (
                url,
                digest,
                raw,
                kind,
                article.title,
                article.source,
                article.date,
                article.text,
                article_to_json(article),
                now_iso(),
                feed_id,
                article.path,
                self._fresh_story_id(),  # a story of its own until regroup_stories() runs
            ),
        )
        return AddResult(int(cursor.lastrowid or 0), True, None)

    def _deleted_before(self, url: str | None, digest: str) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM deleted_articles WHERE content_hash = ? OR url = ? LIMIT 1",
            (digest, url),
        ).fetchone()
        return row is not None

    def has_url(self, url: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM articles WHERE url = ?", (url,)).fetchone()
        return row is not None

    _ENTRY_COLUMNS = "id, article_json, story, read, starred, added, feed_id, body"

    @staticmethod
    def _entry(row: Sequence[Any]) -> LibraryEntry:
        return LibraryEntry(
            id=row[0],
            article=article_from_json(row[1], row[7]),
            story=row[2] if row[2] is not None else row[0],
            read=bool(row[3]),
            starred=bool(row[4]),
            added=row[5],
            feed_id=row[6],
        )

    def articles(self, limit: int | None = None) -> list[LibraryEntry]:
        """Entries with their full articles, newest first (``headlines`` is the light list)."""
        rows = self.connection.execute(
            f"SELECT {self._ENTRY_COLUMNS} FROM articles ORDER BY {_NEWEST_FIRST} LIMIT ?",
            (-1 if limit is None else int(limit),),
        )
        return [self._entry(row) for row in rows]

    def headlines(
        self, limit: int | None = None, *, ids: Sequence[int] | None = None
    ) -> list[Headline]:
        """What a list shows, without the texts: cheap even for 100,000 articles.

        Newest first; with ``ids``, those articles in the order given (e.g. search results).
        """
        columns = (
            "id, title, source, date, coalesce(story, id), read, starred, added, url, path,"
            " feed_id, (SELECT words FROM article_words WHERE article_words.id = articles.id)"
        )
        if ids is not None:
            found: dict[int, Headline] = {}
            for start in range(0, len(ids), 500):
                chunk = list(ids[start : start + 500])
                marks = ",".join("?" * len(chunk))
                for r in self.connection.execute(
                    f"SELECT {columns} FROM articles WHERE id IN ({marks})", chunk
                ):
                    found[r[0]] = headline_from_row(r)
            return [found[i] for i in ids if i in found]
        rows = self.connection.execute(
            f"SELECT {columns} FROM articles ORDER BY {_NEWEST_FIRST} LIMIT ?",
            (-1 if limit is None else int(limit),),
        )
        return [headline_from_row(r) for r in rows]

    def get(self, article_id: int) -> LibraryEntry | None:
        row = self.connection.execute(
            f"SELECT {self._ENTRY_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return self._entry(row) if row else None

    def raw(self, article_id: int) -> tuple[str, str] | None:
        """The stored raw text and its kind ("text" or "html")."""
        row = self.connection.execute(
            "SELECT raw, raw_kind FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def count(self) -> int:
        return int(self.connection.execute("SELECT count(*) FROM articles").fetchone()[0])

    def mark_read(self, article_id: int, read: bool = True) -> None:
        with self.transaction() as c:
            c.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))

    def star(self, article_id: int, on: bool = True) -> None:
        with self.transaction() as c:
            c.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(on), article_id))

    def delete(self, article_id: int) -> bool:
        """Delete one article; its URL and content are remembered so that refreshing its feed
        does not bring it back (adding it again by hand still works)."""
        with self.transaction() as c:
            c.execute(
                "INSERT INTO deleted_articles (url, content_hash, deleted)"
                " SELECT url, content_hash, ? FROM articles WHERE id = ?",
                (now_iso(), article_id),
            )
            cursor = c.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            return cursor.rowcount > 0

    def was_deleted(self, url: str) -> bool:
        """Whether the reader deleted an article with this URL."""
        row = self.connection.execute(
            "SELECT 1 FROM deleted_articles WHERE url = ? LIMIT 1", (url,)
        ).fetchone()
        return row is not None

    def search(self, query: str, limit: int = 50) -> list[int]:
        """Article ids matching every word of ``query``, best first (title words count more).

        Ranking (bm25) is exact when at most ``max(RANK_WINDOW, limit)`` articles match;
        beyond that only that many of the newest matches are ranked, which keeps a query on a
        word found in most of a 100,000-article library within a few milliseconds at the
        default limit. The window follows the limit, so a limit above the number of matches
        returns every match. ``limit`` below 1 gives nothing.
        """
        match = fts_query(query)
        limit = int(limit)
        if not match or limit < 1:
            return []
        try:
            rows = self.connection.execute(
                "SELECT id FROM (SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score"
                " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?)"
                " ORDER BY score, id DESC LIMIT ?",
                (match, max(RANK_WINDOW, limit), limit),
            ).fetchall()
        except sqlite3.OperationalError as error:
            raise LibraryError(f"cannot search for {query!r}: {error}") from None
        return [row[0] for row in rows]

    def reclean(self) -> int:
        """Clean every article again from its stored raw text; returns how many changed."""
        from reader.library.html import clean_raw

        changed = 0
        rows = self.connection.execute(
            "SELECT id, raw, raw_kind, article_json, body FROM articles"
        ).fetchall()
        with self.transaction() as c:
            for article_id, raw, kind, old_json, old_body in rows:
                old = article_from_json(old_json, old_body)
                article = clean_raw(raw, kind=kind, url=old.url)
                article.path = old.path
                new_json = article_to_json(article)
                if new_json == old_json and article.text == old_body:
                    continue
                c.execute(
                    "UPDATE articles SET title = ?, source = ?, date = ?, body = ?,"
                    " article_json = ? WHERE id = ?",
                    (
                        article.title,
                        article.source,
                        article.date,
                        article.text,
                        new_json,
                        article_id,
                    ),
                )
                changed += 1
        return changed

    # -- feeds ---------------------------------------------------------------------------
    def add_feed(self, url: str, title: str | None = None) -> int:
        with self.transaction() as c:
            row = c.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row:
                if title:
                    c.execute("UPDATE feeds SET title = ? WHERE id = ?", (title, row[0]))
                return int(row[0])
            cursor = c.execute(
                "INSERT INTO feeds (url, title, added) VALUES (?, ?, ?)", (url, title, now_iso())
            )
            return int(cursor.lastrowid or 0)

    def feeds(self) -> list[FeedInfo]:
        rows = self.connection.execute(
            "SELECT f.id, f.url, f.title, f.etag, f.last_modified, f.last_checked, f.last_error,"
            " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) FROM feeds f ORDER BY f.id"
        )
        return [FeedInfo(*row) for row in rows]

    def update_feed(self, feed_id: int, **fields: str | None) -> None:
        allowed = {"title", "etag", "last_modified", "last_checked", "last_error"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown feed fields: {sorted(unknown)}")
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self.transaction() as c:
            c.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", (*fields.values(), feed_id))

    def integrity_ok(self) -> bool:
        """SQLite's integrity check, and the full-text index agrees with the articles."""
        if self.connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return False
        try:
            self.connection.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            )
        except sqlite3.DatabaseError:
            return False
        return True
