"""The library store: schema and migrations, duplicates, reading state, search, paths."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library.paths import library_path
from reader.library.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Library,
    LibraryError,
    fts_query,
)
from reader.model import Article, RemovedLine


def article(n: int, text: str | None = None, **fields) -> Article:
    body = text or f"Paragraph about event number {n} with the word zebra{n}."
    return Article(title=f"Title {n}", paragraphs=[body, f"Second paragraph {n}."], **fields)


@pytest.fixture
def library(tmp_path: Path):
    with Library.open(tmp_path / "lib.sqlite3") as opened:
        yield opened


def test_new_library_has_schema_version_wal_and_busy_timeout(library: Library) -> None:
    c = library.connection
    assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == len(MIGRATIONS)
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert c.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert library.integrity_ok()


def test_reopening_keeps_everything_and_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as first:
        first.add_article(article(1), raw="raw one")
        first.star(1)
    with Library.open(path) as second:
        entries = second.articles()
        assert [e.article.title for e in entries] == ["Title 1"]
        assert entries[0].starred


def test_migrations_run_in_order_from_an_older_version(tmp_path: Path, monkeypatch) -> None:
    import reader.library.store as store

    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as old:
        old.add_article(article(1), raw="r")
    extra = (
        "ALTER TABLE articles ADD COLUMN note TEXT; CREATE INDEX articles_note ON articles(note);"
    )
    monkeypatch.setattr(store, "MIGRATIONS", (*store.MIGRATIONS, extra))
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))
    with Library.open(path) as new:
        c = new.connection
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        columns = [row[1] for row in c.execute("PRAGMA table_info(articles)")]
        assert "note" in columns and new.count() == 1


def test_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    with sqlite3.connect(path) as c:
        c.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    with pytest.raises(LibraryError, match="newer newsreader"):
        Library.open(path)


def test_other_files_are_refused_and_left_alone(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("just some notes, not a database\n" * 200)
    with pytest.raises(LibraryError, match="not a usable newsreader library"):
        Library.open(junk)
    assert junk.read_text().startswith("just some notes")
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE mine (x)")
    with pytest.raises(LibraryError, match="not a newsreader library"):
        Library.open(other)


def test_duplicates_are_refused_by_url_and_by_content(library: Library) -> None:
    first = library.add_article(article(1, url="https://a.example/1"), raw="r1")
    by_url = library.add_article(article(2, url="https://a.example/1"), raw="r2")
    same_text = article(1)
    same_text.title = "Another headline"
    by_content = library.add_article(same_text, raw="r3")
    spaced = Article(
        "T", ["  PARAGRAPH about event number 1 with the word ZEBRA1. ", "Second paragraph 1."]
    )
    assert first.added
    assert (by_url.added, by_url.reason, by_url.article_id) == (False, "duplicate URL", 1)
    assert (by_content.added, by_content.reason) == (False, "duplicate content")
    assert library.add_article(spaced, raw="r4").reason == "duplicate content"
    assert library.count() == 1


def test_raw_text_is_kept_and_reclean_uses_it(library: Library) -> None:
    raw = "A headline here\n\nThe first paragraph of the article says something long enough."
    result = library.add_article(Article("stale", ["stale text"]), raw=raw)
    assert library.raw(result.article_id) == (raw, "text")
    assert library.reclean() == 1
    cleaned = library.get(result.article_id)
    assert cleaned is not None and "first paragraph" in cleaned.article.text
    assert library.search("paragraph") == [result.article_id]  # the index follows
    assert library.search("stale") == []


def test_article_round_trips_with_all_fields(library: Library) -> None:
    original = Article(
        title="T",
        paragraphs=["p1", "p2"],
        title_derived=True,
        source="S",
        date="2022-01-12",
        byline="B",
        url="https://x.example/",
        path="/tmp/x",
        removed=[RemovedLine("caption", "caption", 1)],
    )
    library.add_article(original, raw="raw")
    assert library.articles()[0].article == original


def test_read_star_delete(library: Library) -> None:
    ids = [library.add_article(article(n), raw=f"r{n}").article_id for n in range(3)]
    library.mark_read(ids[0])
    library.star(ids[1])
    entries = {e.id: e for e in library.articles()}
    assert entries[ids[0]].read and not entries[ids[0]].starred
    assert entries[ids[1]].starred and not entries[ids[1]].read
    library.mark_read(ids[0], read=False)
    library.star(ids[1], on=False)
    assert not any(e.read or e.starred for e in library.articles())
    assert library.delete(ids[1]) is True
    assert library.delete(ids[1]) is False
    assert sorted(e.id for e in library.articles()) == [ids[0], ids[2]]
    assert library.search("zebra1") == []  # gone from the index too
    assert library.search("zebra2") == [ids[2]]
    assert library.integrity_ok()


def test_search_ranks_title_matches_first_and_handles_prefixes(library: Library) -> None:
    body_only = library.add_article(Article("Other", ["volcano erupts near the town"]), raw="1")
    in_title = library.add_article(Article("Volcano alert", ["residents leave"]), raw="2")
    library.add_article(Article("Unrelated", ["football results"]), raw="3")
    assert library.search("volcano") == [in_title.article_id, body_only.article_id]
    assert library.search("volc*") == [in_title.article_id, body_only.article_id]
    assert library.search("volcano football") == []
    assert library.search("VOLCANO", limit=1) == [in_title.article_id]


def test_fts_query_quotes_user_words() -> None:
    assert fts_query('NEAR(a b) OR "x') == '"NEAR" "a" "b" "OR" "x"'
    assert fts_query("   ") == ""
    assert fts_query("résumé*") == '"résumé"*'


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_any_search_string_is_safe(query: str) -> None:
    with Library.open(":memory:") as library:
        library.add_article(article(1), raw="r")
        assert isinstance(library.search(query), list)


def test_stories_are_regrouped_and_summarised(library: Library) -> None:
    quake = "A magnitude 7.8 earthquake hit Gaziantep in Turkey, and rescuers in Hatay and {} dug."
    a = library.add_article(
        Article("Quake in Turkey", [quake.format("Adana")], source="A"), raw="a"
    )
    b = library.add_article(Article("Turkey quake", [quake.format("Malatya")], source="B"), raw="b")
    c = library.add_article(
        Article("Rates", ["The Federal Reserve held rates, Powell said."]), raw="c"
    )
    library.regroup_stories()
    stories = {s.id: s for s in library.stories()}
    assert stories[a.article_id].article_ids == [a.article_id, b.article_id]
    assert stories[a.article_id].outlets == 2
    d = library.add_article(Article("Quake", [quake.format("Kilis")], source=" a"), raw="d")
    e = library.add_article(Article("Quake!", [quake.format("Adiyaman")]), raw="e")
    library.regroup_stories()
    stories = {s.id: s for s in library.stories()}
    assert d.article_id in stories[a.article_id].article_ids
    assert e.article_id in stories[a.article_id].article_ids
    assert stories[a.article_id].outlets == 2  # "A" = " a"; an unknown outlet is not one more
    assert stories[c.article_id].outlets == 0
    assert stories[c.article_id].article_ids == [c.article_id]
    assert library.get(b.article_id).story == a.article_id


def test_two_connections_writing_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library.open(path).close()
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            with Library.open(path) as own:
                for n in range(offset, offset + 40):
                    own.add_article(article(n), raw=f"r{n}")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(k * 1000,)) for k in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with Library.open(path) as library:
        assert library.count() == 120 and library.integrity_ok()


def test_library_path_precedence(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSREADER_LIBRARY", str(tmp_path / "env.sqlite3"))
    assert library_path("x.sqlite3") == Path("x.sqlite3")
    assert library_path(tmp_path) == tmp_path / "library.sqlite3"
    assert library_path() == tmp_path / "env.sqlite3"
    monkeypatch.delenv("NEWSREADER_LIBRARY")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    default = library_path()
    assert default.name == "library.sqlite3" and "newsreader" in default.parts
    assert str(default).startswith(str(tmp_path / "data"))


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["add", "delete", "star", "read"]), st.integers(0, 12)),
        max_size=30,
    )
)
def test_index_and_rows_stay_consistent_under_any_sequence(operations) -> None:
    with Library.open(":memory:") as library:
        live: dict[int, int] = {}  # n -> article id
        for action, n in operations:
            if action == "add":
                result = library.add_article(article(n), raw=f"r{n}")
                assert result.added == (n not in live)
                live[n] = result.article_id
            elif action == "delete" and n in live:
                assert library.delete(live.pop(n))
            elif n in live:
                (library.star if action == "star" else library.mark_read)(live[n])
        assert sorted(h.id for h in library.headlines()) == sorted(live.values())
        for n in range(13):
            assert library.search(f"zebra{n}") == ([live[n]] if n in live else [])
        assert library.integrity_ok()


def test_regroup_only_touches_the_most_recent_articles(library: Library) -> None:
    quake = "A magnitude 7.8 earthquake hit Gaziantep in Turkey, and rescuers in Hatay and {} dug."
    old = library.add_article(Article("Quake", [quake.format("Adana")], source="A"), raw="a")
    new = library.add_article(Article("Quake", [quake.format("Malatya")], source="B"), raw="b")
    library.regroup_stories(limit=1)
    assert library.get(new.article_id).story == new.article_id  # old one out of reach
    library.regroup_stories()
    assert library.get(new.article_id).story == old.article_id


def test_search_folds_accents_and_handles_other_scripts(library: Library) -> None:
    french = library.add_article(Article("Le résumé", ["Une réunion à Genève."]), raw="f")
    russian = library.add_article(
        Article("Переговоры", ["Москва и НАТО провели встречу."]), raw="r"
    )
    assert library.search("resume geneve") == [french.article_id]
    assert library.search("москва") == [russian.article_id]


def test_printable_shows_undecodable_bytes_as_escapes() -> None:
    from reader.library.paths import display_path, printable

    assert printable("café ünïcode ✓") == "café ünïcode ✓"
    assert printable("caf\udcff.txt") == "caf\\xff.txt"
    assert printable("odd \ud800 surrogate").encode("utf-8")  # storable and printable
    assert display_path(Path("/tmp/caf\udcff.txt")) == "/tmp/caf\\xff.txt"
    assert display_path("/tmp/plain name.txt") == "/tmp/plain name.txt"
    # terminal escape sequences, bells, newlines and bidi overrides in names: escaped too
    assert printable("a\x1b[31mb\x07\nc\x9b1m") == "a\\x1b[31mb\\x07\\x0ac\\x9b1m"
    assert printable("x\u202ey") == "x\\u202ey"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_printable_is_one_printable_line_and_keeps_printable_text(text: str) -> None:
    from reader.library.paths import printable

    shown = printable(text)
    shown.encode("utf-8")  # no lone surrogates
    assert "\x1b" not in shown and "\n" not in shown and "\r" not in shown
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)  # no controls
    if text.isprintable():
        assert shown == text


def test_article_with_an_undecodable_path_is_stored(library: Library) -> None:
    from reader.library.paths import display_path

    article = Article("t", ["some body text"], path=display_path("/x/caf\udcff.txt"))
    result = library.add_article(article, raw="raw")
    assert library.get(result.article_id).article.path == "/x/caf\\xff.txt"


def test_story_ids_stay_when_the_oldest_article_goes_or_falls_out_of_the_window(
    library: Library,
) -> None:
    """QA: a story's id was its smallest article id, so it changed when that article was
    deleted or lay beyond the regroup window."""
    quake = "A magnitude 7.8 earthquake hit Gaziantep in Turkey, and rescuers in Hatay and {} dug."
    towns = ("Adana", "Malatya", "Kilis", "Osmaniye", "Adiyaman")
    added = [
        library.add_article(Article(f"Quake {t}", [quake.format(t)], source=t), raw=t).article_id
        for t in towns[:3]
    ]
    library.regroup_stories()
    story = library.get(added[0]).story
    assert {library.get(i).story for i in added} == {story}
    added.append(library.add_article(Article("Q", [quake.format(towns[3])]), raw="4").article_id)
    library.regroup_stories(limit=2)  # the window holds the last two only
    assert {library.get(i).story for i in added} == {story}
    assert library.delete(added.pop(0))
    added.append(library.add_article(Article("Q", [quake.format(towns[4])]), raw="5").article_id)
    library.regroup_stories()
    assert {library.get(i).story for i in added} == {story}
    assert [s.id for s in library.stories()] == [story]


def test_fresh_story_ids_are_never_handed_out_twice(library: Library) -> None:
    first = library.add_article(article(1), raw="1")
    story = library.get(first.article_id).story
    library.delete(first.article_id)  # the newest article: SQLite may reuse its row id
    second = library.add_article(article(2), raw="2")
    assert library.get(second.article_id).story != story


def test_version_three_library_gets_story_ids(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:3]:
        connection.executescript(script)
    for n, story in ((1, None), (2, 1), (3, None), (4, None)):
        connection.execute(
            "INSERT INTO articles (content_hash, raw, title, body, article_json, added, story)"
            " VALUES (?, 'r', 'T', 'b', '{\"title\": \"T\", \"paragraphs\": [\"b\"]}',"
            " '2024-01-01T00:00:00+00:00', ?)",
            (f"h{n}", story),
        )
    connection.execute("DELETE FROM articles WHERE id = 4")
    connection.execute("PRAGMA user_version = 3")
    connection.execute(f"PRAGMA application_id = {0x4E524C42}")
    connection.close()
    with Library.open(path) as library:
        assert {h.id: h.story for h in library.headlines()} == {1: 1, 2: 1, 3: 3}
        new = library.add_article(article(9), raw="9")
        assert library.get(new.article_id).story not in {1, 3}
        assert library.integrity_ok()


def test_regroup_bookkeeping_with_splits_and_a_concurrent_import(
    library: Library, monkeypatch
) -> None:
    import reader.stories

    ids = [library.add_article(article(n), raw=f"r{n}").article_id for n in range(3)]
    monkeypatch.setattr(reader.stories, "assign_stories", lambda arts: [0] * len(arts))
    library.regroup_stories()
    story = library.get(ids[0]).story
    # a split: the larger part keeps the id, the other gets a fresh one; all grouped
    monkeypatch.setattr(reader.stories, "assign_stories", lambda arts: [0, 0, 1][: len(arts)])
    library.regroup_stories()
    assert [library.get(i).story for i in ids[:2]] == [story, story]
    assert library.get(ids[2]).story not in {story, *ids}
    assert not library.needs_regroup()

    # another copy adds an article while this one is grouping: it still needs grouping
    def grouping_while_another_copy_adds(articles):
        with Library.open(library.path) as other:
            other.add_article(article(99), raw="r99")
        return [0] * len(articles)

    monkeypatch.setattr(reader.stories, "assign_stories", grouping_while_another_copy_adds)
    library.regroup_stories()
    assert library.needs_regroup()


def test_article_ids_are_never_handed_out_twice(library: Library) -> None:
    """QA: deleting the newest article let the next one take its id (ids from `list --json`
    could later name another article)."""
    first = library.add_article(article(1), raw="1").article_id
    second = library.add_article(article(2), raw="2").article_id
    assert library.delete(second)
    third = library.add_article(article(3), raw="3").article_id
    assert third not in (first, second) and third > second
    assert library.delete(third) and library.delete(first)
    fourth = library.add_article(article(4), raw="4").article_id
    assert fourth > third
    assert library.search("zebra4") == [fourth]
    assert library.integrity_ok()


def test_version_eight_library_keeps_its_ids_and_never_reuses_them(tmp_path: Path) -> None:
    path = tmp_path / "v8.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:8]:
        connection.executescript(script)
    for n in (1, 2, 3):
        connection.execute(
            "INSERT INTO articles (content_hash, raw, title, body, article_json, added, story)"
            " VALUES (?, 'r', 'T', 'b c', '{\"title\": \"T\", \"paragraphs\": [\"b c\"]}',"
            " '2024-01-01T00:00:00+00:00', ?)",
            (f"h{n}", n),
        )
    connection.execute("PRAGMA user_version = 8")
    connection.execute(f"PRAGMA application_id = {0x4E524C42}")
    connection.close()
    with Library.open(path) as library:
        assert sorted(h.id for h in library.headlines()) == [1, 2, 3]
        assert sorted(library.search("b")) == [1, 2, 3]
        assert library.delete(3)
        new = library.add_article(article(9), raw="9").article_id
        assert new == 4
        assert library.headlines(ids=[new])[0].words == len(article(9).text.split())
        assert library.integrity_ok()


# Separators str.split() knows and the first word count (SQL, spaces/tabs/newlines) did not.
NBSP_PARAGRAPHS = [
    "Talks\u00a0on Ukraine\u00a0as NATO\u202fsaid it\u2009was ready.",
    "A\u3000second\u2003paragraph.",
]


def test_stored_word_counts_agree_with_opened_files(library: Library) -> None:
    """QA: seed 002 was 610 words opened from its file, 605 in the library list (no-break
    spaces separated words in one count and not in the other)."""
    from reader.ui.entries import Entry

    text = Article(title="T", paragraphs=NBSP_PARAGRAPHS)
    added = library.add_article(text, raw="nbsp").article_id
    assert library.headlines(ids=[added])[0].words == Entry(text, 0).words == 12
    library.connection.execute(  # a re-cleaned body is recounted the same way
        "UPDATE articles SET body = ? WHERE id = ?", ("one\u00a0two " + "x " * 40, added)
    )
    assert library.headlines(ids=[added])[0].words == 42


def test_version_nine_library_gets_its_word_counts_recounted(tmp_path: Path) -> None:
    path = tmp_path / "v9.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:9]:
        connection.executescript(script)
    connection.execute(
        "INSERT INTO articles (content_hash, raw, title, body, article_json, added, story)"
        " VALUES ('h', 'r', 'T', ?, '{\"title\": \"T\"}', '2024-01-01T00:00:00+00:00', 1)",
        ("\n\n".join(NBSP_PARAGRAPHS),),
    )
    assert connection.execute("SELECT words FROM article_words").fetchone()[0] == 6  # old count
    connection.execute("PRAGMA user_version = 9")
    connection.execute(f"PRAGMA application_id = {0x4E524C42}")
    connection.close()
    with Library.open(path) as library:
        assert library.headlines()[0].words == 12
        assert library.get(1).article.paragraphs == NBSP_PARAGRAPHS
        assert library.integrity_ok()
