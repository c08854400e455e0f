"""Fetching pages and feeds from a real HTTP server on 127.0.0.1 (started by the tests)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.library.feeds import FeedError, add_feed, fetch_feed, parse_feed, refresh_feeds
from reader.library.fetch import FetchError, fetch_page, fetch_url
from reader.library.importer import import_sources
from reader.library.store import Library
from tests.functional.library_server import LibraryServer, running_server
from tests.unit.story_corpus import STORY_CORPUS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server() -> Iterator[LibraryServer]:
    with running_server() as running:
        yield running


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library.sqlite3") as opened:
        yield opened


# -- pages ------------------------------------------------------------------------------


def test_html_page_is_fetched_and_cleaned_by_main_content(server, library) -> None:
    summary = import_sources(library, [f"{server.base}/page/0"])
    assert summary.added == 1 and not summary.errors
    entry = library.articles()[0]
    _event, title, day, source, body = STORY_CORPUS[0]
    assert entry.article.title == title
    assert entry.article.source == source
    assert entry.article.date == day
    assert entry.article.url == f"{server.base}/page/0"
    text = entry.article.text
    assert "Gaziantep" in text and "White Helmets" in text
    for furniture in ("Most read", "Celebrity spotted", "All rights reserved", "Sport"):
        assert furniture not in text
    raw, kind = library.raw(entry.id) or ("", "")
    assert kind == "html" and "<nav>" in raw  # raw kept beside the cleaned text


def test_same_url_twice_is_refused_and_same_content_elsewhere_too(server, library) -> None:
    first = import_sources(library, [f"{server.base}/page/3"])
    again = import_sources(library, [f"{server.base}/page/3", f"{server.base}/page/3?utm=x"])
    assert first.added == 1
    assert again.added == 0 and again.duplicates == 2
    assert library.count() == 1


def test_plain_text_answer_and_redirect_are_followed(server, library) -> None:
    summary = import_sources(library, [f"{server.base}/plain.txt", f"{server.base}/moved"])
    assert summary.added == 2, summary.errors
    titles = {entry.article.title for entry in library.articles()}
    assert STORY_CORPUS[9][1] in titles and STORY_CORPUS[2][1] in titles


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/nowhere", "not found (HTTP 404)"),
        ("/file.pdf", "not an HTML page (application/pdf)"),
        ("/loop", "too many redirects"),
        ("/huge", "too big"),
        ("/huge-declared", "too big"),
    ],
)
def test_bad_answers_give_one_clear_line(server, path: str, message: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch_page(f"{server.base}{path}", timeout=5, max_bytes=2**20)
    text = str(caught.value)
    assert message in text and "\n" not in text and server.base in text
    assert time.monotonic() - started < 4


def test_slow_endpoint_times_out_quickly(server) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(f"{server.base}/slow", timeout=0.3)
    assert time.monotonic() - started < 2


def test_only_http_and_https(library) -> None:
    for url in ("ftp://example.com/x", "file:///etc/passwd", "javascript://alert(1)"):
        with pytest.raises(FetchError, match="only http and https"):
            fetch_url(url)
    summary = import_sources(library, ["file:///etc/passwd"])
    assert summary.added == 0 and "only http and https" in summary.errors[0]


def test_nothing_listens_gives_a_clear_error() -> None:
    with pytest.raises(FetchError, match="cannot connect"):
        fetch_url("http://127.0.0.1:9/", timeout=2)


# -- feeds ------------------------------------------------------------------------------


def test_rss_refresh_imports_entries_then_gets_304(server, library) -> None:
    feed_id, title = add_feed(library, f"{server.base}/rss.xml")
    assert title == "Test RSS"
    progress: list[tuple[int, int, str]] = []
    summary = refresh_feeds(library, lambda d, t, m: progress.append((d, t, m)))
    assert summary.added == 2 and not summary.errors, summary
    assert {e.article.title for e in library.articles()} == {
        STORY_CORPUS[0][1],
        STORY_CORPUS[3][1],
    }
    assert all(e.feed_id == feed_id for e in library.articles())
    assert progress and progress[-1][0] == progress[-1][1]  # reached the end
    before = server.conditional["/rss.xml"]
    again = refresh_feeds(library)
    assert again.not_modified == 1 and again.added == 0
    assert server.conditional["/rss.xml"] == before + 1  # the server saw If-None-Match
    feed = library.feeds()[0]
    assert feed.etag == '"rss-v1"' and feed.article_count == 2 and feed.last_error is None


def test_atom_with_last_modified_and_content_fallback(server, library) -> None:
    add_feed(library, f"{server.base}/atom.xml")
    summary = refresh_feeds(library)
    assert summary.added == 2, summary
    titles = {e.article.title for e in library.articles()}
    assert titles == {STORY_CORPUS[8][1], STORY_CORPUS[6][1]}
    fallback = next(e for e in library.articles() if e.article.title == STORY_CORPUS[6][1])
    assert "Rodri" in fallback.article.text  # from the feed's own content: the page is gone
    # no page to name the outlet: the feed's title does (not the host, 127.0.0.1)
    assert fallback.article.source == "Test Atom"
    paged = next(e for e in library.articles() if e.article.title == STORY_CORPUS[8][1])
    assert paged.article.source == STORY_CORPUS[8][3]  # the page's own site name stays
    again = refresh_feeds(library)
    assert again.not_modified == 1
    assert server.conditional["/atom.xml"] >= 1


def test_malformed_feed_is_a_clear_error_and_others_still_refresh(server, library) -> None:
    with pytest.raises(FeedError, match="malformed feed"):
        add_feed(library, f"{server.base}/malformed.xml")
    library.add_feed(f"{server.base}/malformed.xml")  # as if it broke after being added
    library.add_feed(f"{server.base}/rss.xml")
    summary = refresh_feeds(library)
    assert summary.added == 2
    assert len(summary.errors) == 1 and "malformed feed" in summary.errors[0]
    broken = next(f for f in library.feeds() if f.url.endswith("malformed.xml"))
    assert broken.last_error and "malformed" in broken.last_error


def test_slow_entries_do_not_hold_up_the_feed_past_its_time_limit(server, library) -> None:
    """QA: entries were fetched one after another, each slow one blocking for the timeout.

    Two entries never answer (the server holds them 5 s). With a 1.5 s limit for the feed the
    good pages still come in, and the refresh ends near the limit, not after 2 x 5 s."""
    library.add_feed(f"{server.base}/mixed/limit.xml")
    started = time.monotonic()
    summary = refresh_feeds(library, timeout=5, feed_deadline=1.5)
    elapsed = time.monotonic() - started
    assert summary.added == 2, summary
    assert {e.article.title for e in library.articles()} == {
        STORY_CORPUS[1][1],
        STORY_CORPUS[4][1],
    }
    assert elapsed < 4.5, elapsed  # generous: sequential fetching takes 10 s or more
    slow = [error for error in summary.errors if "/slow?" in error]
    assert len(slow) + summary.postponed == 2  # timed out within the limit, or left for later
    assert library.feeds()[0].etag is None  # so the next refresh comes back for them


def test_a_failing_entry_is_tried_a_few_times_only(server, library) -> None:
    """QA: a failed item was fetched again on every refresh, for ever."""
    from reader.library.feeds import MAX_ENTRY_ATTEMPTS

    library.add_feed(f"{server.base}/mixed/retry.xml")
    missing = "/missing/retry"
    for attempt in range(1, MAX_ENTRY_ATTEMPTS + 1):
        summary = refresh_feeds(library, timeout=0.5, feed_deadline=30)
        assert server.hits[missing] == attempt
        errors = [e for e in summary.errors if missing in e]
        left = MAX_ENTRY_ATTEMPTS - attempt
        what = (
            f"tried again on the next refresh, at most {left} more time{'s' if left > 1 else ''}"
            if left
            else f"failed {MAX_ENTRY_ATTEMPTS} times: no longer tried"
        )
        assert errors == [f"{server.base}{missing}: not found (HTTP 404) ({what})"]
    assert library.count() == 2  # the good pages, once
    feed = library.feeds()[0]
    assert feed.etag == '"mixed-v1"'  # nothing left to retry: conditional GET from now on
    again = refresh_feeds(library, timeout=0.5)
    assert again.not_modified == 1 and server.hits[missing] == MAX_ENTRY_ATTEMPTS
    library.update_feed(feed.id, etag=None)  # the feed changes: still not tried again
    again = refresh_feeds(library, timeout=0.5)
    assert again.skipped == 3 and not again.errors
    assert server.hits[missing] == MAX_ENTRY_ATTEMPTS
    assert "skipped after 3 failed tries" in str(again)


def test_entry_that_works_again_is_forgotten_as_a_failure(library) -> None:
    from reader.library.feed_state import failed_attempts as _failed_attempts
    from reader.library.feed_state import record_failure as _record_failure

    feed_id = library.add_feed("http://feed.example/x")
    _record_failure(library, feed_id, "k1", "boom", 2)
    _record_failure(library, feed_id, "k2", "boom", 1)
    assert _failed_attempts(library, feed_id, keep={"k1", "k2"}) == {"k1": 2, "k2": 1}
    assert _failed_attempts(library, feed_id, keep={"k2"}) == {"k2": 1}  # k1 left the feed
    assert _failed_attempts(library, feed_id, keep={"k1", "k2"}) == {"k2": 1}
    with library.transaction() as c:
        c.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
    assert _failed_attempts(library, feed_id, keep={"k2"}) == {}  # gone with its feed


def test_entity_bomb_is_refused_before_parsing(server) -> None:
    started = time.monotonic()
    with pytest.raises(FeedError, match="entity"):
        fetch_feed(f"{server.base}/bomb.xml")
    assert time.monotonic() - started < 2


def test_a_web_page_is_not_a_feed_and_a_feed_is_not_a_page(server) -> None:
    """QA: 'feed add PAGE' said 'malformed feed (<unknown>:2:0: syntax error)'; 'add FEED'
    said only 'not an HTML page'. Each now names the command that fits."""
    with pytest.raises(FeedError, match=r"a web page, not an RSS or Atom feed .*newsreader add"):
        fetch_feed(f"{server.base}/page/1")
    for feed in ("rss.xml", "atom.xml"):
        with pytest.raises(FetchError, match=r"not an HTML page .*newsreader feed add URL'$"):
            fetch_page(f"{server.base}/{feed}")
    with pytest.raises(FetchError, match=r"not an HTML page \(application/pdf\)$"):
        fetch_page(f"{server.base}/file.pdf")


def test_feed_commands_end_to_end(server, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "cli.sqlite3")
    assert main(["feed", "add", f"{server.base}/rss.xml", "--library", db]) == 0
    assert main(["feed", "--library", db, "add", f"{server.base}/bomb.xml"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "entity" in err
    assert main(["refresh", "--library", db, "--timeout", "5"]) == 0
    assert "2 new articles" in capsys.readouterr().out
    assert main(["feed", "list", "--library", db, "--json"]) == 0
    feeds = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert feeds[0]["articles"] == 2 and feeds[0]["title"] == "Test RSS"
    assert main(["add", "--library", db, f"{server.base}/page/1", f"{server.base}/nowhere"]) == 1
    captured = capsys.readouterr()
    assert "1 article added" in captured.out and "not found (HTTP 404)" in captured.err
    assert main(["list", "--library", db, "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 3
    assert {"id", "title", "source", "date", "story"} <= set(rows[0])


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(lambda t: f'<?xml version="1.0"?><rss>{t}</rss>'.encode()),
        st.sampled_from([b"", b"<", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", b"\xff\xfe<\x00"]),
    )
)
def test_any_bytes_parse_or_give_a_feed_error(body: bytes) -> None:
    try:
        parsed = parse_feed(body, "http://feed.example/x")
    except FeedError as error:
        assert "\n" not in str(error)
    else:
        assert all(entry.link or entry.content_html for entry in parsed.entries)


@pytest.mark.skipif(os.name != "posix", reason="posix signals")
def test_ctrl_c_during_refresh_ends_at_once_in_one_line(server, tmp_path: Path) -> None:
    """QA: Ctrl-C during a refresh waited for every slow page (38 s) and said nothing."""
    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as library:
        library.add_feed(f"{server.base}/mixed/ctrlc.xml")
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "refresh", "--library", str(db), "--timeout", "5"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 30
        while not server.hits["/slow?ctrlc-b"] and time.monotonic() < deadline:
            time.sleep(0.02)  # both slow pages are being fetched
        time.sleep(0.3)
        interrupted = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
        elapsed = time.monotonic() - interrupted
    finally:
        process.kill()
    assert process.returncode == 130 and out == "" and elapsed < 2.5, (elapsed, err)
    with Library.open(db) as library:
        kept = library.count()
        assert library.integrity_ok() and library.feeds()[0].etag is None  # fetched again
    noun = "new article" if kept == 1 else "new articles"
    assert err == (
        f"newsreader: interrupted; kept the {kept} {noun} fetched so far"
        " (run 'newsreader refresh' again for the rest)\n"
    )


@pytest.mark.skipif(os.name != "posix", reason="posix signals")
def test_ctrl_c_during_feed_add_is_one_line(server, tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "feed", "add", f"{server.base}/slow?feedadd"]
        + ["--library", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 30
        while not server.hits["/slow?feedadd"] and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (130, "", "newsreader: interrupted; no feed added\n")
    with Library.open(db) as library:
        assert library.feeds() == []


def test_a_deleted_feed_article_stays_deleted(server, library) -> None:
    """QA: deleting an article that came from a feed, then refreshing once the feed changed,
    brought it back."""
    feed_id, _ = add_feed(library, f"{server.base}/atom.xml")
    assert refresh_feeds(library).added == 2  # a fetched page and a feed-content entry
    for entry in library.articles():
        assert library.delete(entry.id)
    library.update_feed(feed_id, etag=None, last_modified=None)  # as if the feed changed
    again = refresh_feeds(library)
    assert (again.added, again.duplicates, again.errors) == (0, 0, []), again
    assert again.deleted == 2 and "2 deleted before (not added back)" in str(again)
    assert library.count() == 0
    # adding one again by hand is the reader's choice
    summary = import_sources(library, [f"{server.base}/page/8"])
    assert summary.added == 1 and library.was_deleted(f"{server.base}/page/8")


def test_deleted_content_without_a_link_is_not_added_back_from_a_feed(library) -> None:
    from reader.model import Article

    feed_id = library.add_feed("http://feed.example/x")
    first = library.add_article(Article("Note", ["A feed note."]), raw="n", feed_id=feed_id)
    assert library.delete(first.article_id)
    again = library.add_article(Article("Note", ["A feed note."]), raw="n", feed_id=feed_id)
    assert (again.article_id, again.added, again.reason) == (None, False, "deleted before")
    assert library.add_article(Article("Note", ["A feed note."]), raw="n").added  # by hand


def test_refresh_exits_1_when_an_entry_failed(server, tmp_path: Path, capsys) -> None:
    """QA: a refresh with a 404 entry printed '1 error' and exited 0; 'feed list' said
    '1 articles'; '(try 1 of 3)' read as if retries followed within the run."""
    db = str(tmp_path / "cli.sqlite3")
    assert main(["feed", "add", f"{server.base}/mixed/fast-exit.xml", "--library", db]) == 0
    capsys.readouterr()
    assert main(["refresh", "--library", db, "--timeout", "5"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        f"newsreader: {server.base}/missing/fast-exit: not found (HTTP 404)"
        " (tried again on the next refresh, at most 2 more times)\n"
    )
    assert "2 new articles, 1 error" in captured.out
    assert main(["feed", "list", "--library", db]) == 0
    assert "  2 articles, " in capsys.readouterr().out
    with Library.open(db) as opened:
        assert opened.delete(opened.articles()[0].id)
    assert main(["feed", "list", "--library", db]) == 0
    line = capsys.readouterr().out
    assert "  1 article, " in line and "[last error: 1 entry failed]" in line


def test_every_feed_entry_is_counted_once_and_known_pages_are_not_fetched_again(
    server, library
) -> None:
    """QA: a feed of a page added before by URL, one already in the library under another URL
    (or from a file) and a 404 gave '0 new articles, 1 already in the library, 1 error' (two of
    three entries), 'feed list' said 0 articles, and the known page was fetched on every
    refresh."""
    # the feed lists /page/1, /missing/fast-known, /page/4
    import_sources(library, [f"{server.base}/page/1", f"{server.base}/page/4?copy"])
    library.add_feed(f"{server.base}/mixed/fast-known.xml")
    hits = server.hits.copy()
    for _ in range(2):  # the 404 is retried, so the feed is read again: no 304
        summary = refresh_feeds(library, timeout=5)
        assert (summary.added, summary.duplicates, len(summary.errors)) == (0, 2, 1), summary
        assert "0 new articles, 2 already in the library, 1 error" in str(summary)
    assert server.hits["/page/1"] == hits["/page/1"]  # known by its URL: never fetched
    assert server.hits["/page/4"] == hits["/page/4"] + 1  # found to be known once, then not
    assert server.hits["/missing/fast-known"] == hits["/missing/fast-known"] + 2
    assert library.feeds()[0].article_count == 2  # added by hand, listed by the feed
    assert library.count() == 2


def test_a_page_another_feed_brought_stays_that_feeds(server, library) -> None:
    import_sources(library, [f"{server.base}/page/1"])
    other = library.add_feed("http://other.example/feed.xml")
    with library.transaction() as c:
        c.execute("UPDATE articles SET feed_id = ?", (other,))
    mine = library.add_feed(f"{server.base}/mixed/fast-other.xml")  # lists /page/1 too
    assert refresh_feeds(library, timeout=5).duplicates == 1
    assert {f.id: f.article_count for f in library.feeds()} == {other: 1, mine: 1}  # + /page/4


def test_entries_over_the_per_refresh_cap_are_counted_and_come_next_time(
    server, library, monkeypatch
) -> None:
    import reader.library.feeds

    monkeypatch.setattr(reader.library.feeds, "MAX_NEW_ENTRIES", 2)
    library.add_feed(f"{server.base}/mixed/fast-cap.xml")  # /page/1, a 404, /page/4
    first = refresh_feeds(library, timeout=5)
    assert (first.added, first.postponed, len(first.errors)) == (1, 1, 1), first
    assert "1 left for the next refresh" in str(first)
    assert library.feeds()[0].etag is None  # so the next refresh reads the feed again
    second = refresh_feeds(library, timeout=5)
    assert (second.added, second.duplicates, len(second.errors)) == (1, 1, 1), second
    assert second.postponed == 0 and library.count() == 2
