"""The library's schema: ordered migrations from an empty file to the current version.

``MIGRATIONS[i]`` takes a library from ``PRAGMA user_version`` i to i + 1, inside one write
transaction. Never edit a step that has been released; append a new one.
"""

from __future__ import annotations

import sqlite3

# The SQL function (reader.model.count_words) the word-count triggers call since step 10.
WORDS_SQL = "newsreader_words"


def _word_count(body: str) -> str:
    """SQL for the number of words in ``body`` (step 7 only): spaces, tabs and line breaks.

    Runs of up to 32 separators collapse to one space, then the spaces are counted.
    """
    spaced = f"trim(replace(replace(replace({body}, char(10), ' '), char(13), ' '), char(9), ' '))"
    for _ in range(5):
        spaced = f"replace({spaced}, '  ', ' ')"
    spaces = f"length({spaced}) - length(replace({spaced}, ' ', ''))"
    return f"(CASE WHEN {spaced} = '' THEN 0 ELSE {spaces} + 1 END)"


MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_checked TEXT,
        last_error TEXT,
        added TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        raw TEXT NOT NULL,
        raw_kind TEXT NOT NULL DEFAULT 'text',
        title TEXT NOT NULL,
        source TEXT,
        date TEXT,
        body TEXT NOT NULL,
        article_json TEXT NOT NULL,
        story INTEGER,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_date ON articles(date);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    """,
    # 2: small columns first so that listing never reads through the texts' overflow pages;
    # the file an article came from as a column; an index in list order.
    """
    CREATE TABLE articles_v2 (
        id INTEGER PRIMARY KEY,
        url TEXT UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        raw_kind TEXT NOT NULL DEFAULT 'text',
        title TEXT NOT NULL,
        source TEXT,
        date TEXT,
        path TEXT,
        story INTEGER,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        article_json TEXT NOT NULL,
        body TEXT NOT NULL,
        raw TEXT NOT NULL
    );
    INSERT INTO articles_v2 (id, url, content_hash, raw_kind, title, source, date, path, story,
        read, starred, added, feed_id, article_json, body, raw)
    SELECT id, url, content_hash, raw_kind, title, source, date,
        json_extract(article_json, '$.path'), story, read, starred, added, feed_id,
        article_json, body, raw
    FROM articles;
    DROP TABLE articles;
    ALTER TABLE articles_v2 RENAME TO articles;
    CREATE INDEX articles_story ON articles(story);
    CREATE INDEX articles_newest ON articles(
        coalesce(date, substr(added, 1, 10)) DESC, added DESC, id DESC
    );
    CREATE INDEX articles_feed ON articles(feed_id);
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    """,
    # 3: feed entries that failed to import, so a refresh retries each only a few times.
    """
    CREATE TABLE feed_failures (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        entry_key TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        last_error TEXT,
        last_tried TEXT NOT NULL,
        PRIMARY KEY (feed_id, entry_key)
    ) WITHOUT ROWID;
    """,
    # 4: story ids that stay put. Every article gets a story id when it is added (a story of
    # its own) from a counter that never hands out an id twice; regrouping keeps old ids
    # (reader.stories.keep_story_ids) and takes fresh ones from the same counter.
    """
    CREATE TABLE story_counter (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        last INTEGER NOT NULL
    );
    UPDATE articles SET story = id WHERE story IS NULL;
    INSERT INTO story_counter (only_row, last)
    SELECT 1, max(coalesce(max(id), 0), coalesce(max(story), 0)) FROM articles;
    """,
    # 5: the counter value the last regrouping saw, so an import interrupted before its
    # regrouping (Ctrl-C) is regrouped by the next one even if that adds nothing new.
    """
    ALTER TABLE story_counter ADD COLUMN grouped_at INTEGER NOT NULL DEFAULT 0;
    UPDATE story_counter SET grouped_at = last;
    """,
    # 6: what the reader deleted, so that a feed refresh does not bring it back.
    """
    CREATE TABLE deleted_articles (
        url TEXT,
        content_hash TEXT NOT NULL,
        deleted TEXT NOT NULL
    );
    CREATE INDEX deleted_articles_url ON deleted_articles(url);
    CREATE INDEX deleted_articles_hash ON deleted_articles(content_hash);
    """,
    # 7: each article's length in words, in a table of its own so that a list of 100,000
    # headlines gets it without reading the texts (a column after them would read their
    # overflow pages). The triggers count it, so every writer keeps it right.
    f"""
    CREATE TABLE article_words (id INTEGER PRIMARY KEY, words INTEGER NOT NULL);
    INSERT INTO article_words (id, words) SELECT id, {_word_count("body")} FROM articles;
    CREATE TRIGGER article_words_insert AFTER INSERT ON articles BEGIN
        INSERT OR REPLACE INTO article_words (id, words)
        VALUES (new.id, {_word_count("new.body")});
    END;
    CREATE TRIGGER article_words_update AFTER UPDATE OF body ON articles BEGIN
        INSERT OR REPLACE INTO article_words (id, words)
        VALUES (new.id, {_word_count("new.body")});
    END;
    CREATE TRIGGER article_words_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_words WHERE id = old.id;
    END;
    """,
    # 8: the list of a big library read from one index (newest first, with every headline
    # column) instead of one table page per article: 100,000 headlines in about half the time.
    """
    CREATE INDEX articles_headlines ON articles(
        coalesce(date, substr(added, 1, 10)) DESC, added DESC, id DESC,
        title, source, date, story, read, starred, url, path, feed_id
    );
    """,
    # 9: article ids that are never handed out twice (SQLite reuses the highest row id once
    # that row is deleted, so an id printed by `list --json` could later name another
    # article). The highest id ever used is kept here; new articles take the next one.
    """
    CREATE TABLE article_id_counter (
        only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
        last INTEGER NOT NULL
    );
    INSERT INTO article_id_counter (only_row, last) SELECT 1, coalesce(max(id), 0) FROM articles;
    CREATE TRIGGER article_id_counter_insert AFTER INSERT ON articles BEGIN
        UPDATE article_id_counter SET last = max(last, new.id);
    END;
    """,
    # 10: word counts by the app's own definition (reader.model.count_words, which the store
    # registers on every connection as newsreader_words): the SQL of step 7 split on spaces,
    # tabs and line breaks only, so a text with no-break spaces was shorter in the library
    # than opened from its file (QA: 605 words against 610).
    f"""
    DROP TRIGGER article_words_insert;
    DROP TRIGGER article_words_update;
    CREATE TRIGGER article_words_insert AFTER INSERT ON articles BEGIN
        INSERT OR REPLACE INTO article_words (id, words) VALUES (new.id, {WORDS_SQL}(new.body));
    END;
    CREATE TRIGGER article_words_update AFTER UPDATE OF body ON articles BEGIN
        INSERT OR REPLACE INTO article_words (id, words) VALUES (new.id, {WORDS_SQL}(new.body));
    END;
    INSERT OR REPLACE INTO article_words (id, words) SELECT id, {WORDS_SQL}(body) FROM articles;
    """,
    # 11: feed entries whose page proved to be in the library already (added under another URL
    # or from a file: status 'library') or deleted by the reader ('deleted'): a refresh counts
    # them without fetching the page again (reader.library.feed_state).
    """
    CREATE TABLE feed_known (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        entry_key TEXT NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (feed_id, entry_key)
    ) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
APPLICATION_ID = 0x4E524C42  # "NRLB": marks the file as a newsreader library


def split_sql(script: str) -> list[str]:
    """Statements of a migration script (triggers contain ';' so split with sqlite's help)."""
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                statements.append(buffer.strip())
            buffer = ""
    return statements
