"""QA findings on the library commands (refresh, add, feed add, search, dates), one test each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.library.feeds import FeedEntry, RefreshSummary, _import_entry, _Page
from reader.library.store import Library


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "library.sqlite3") as opened:
        yield opened


def test_entry_whose_page_failed_and_feed_content_is_empty_is_not_added(library) -> None:
    """QA: the fallback feed content was not checked; an empty article ("0 w") was added and
    the page error lost."""
    feed_id = library.add_feed("http://feed.example/x")
    entry = FeedEntry(
        link="http://feed.example/a", title="A", content_html="<p> </p><img src=x>", date=None
    )
    page = _Page(error="http://feed.example/a: not found (HTTP 404)")
    summary = RefreshSummary()
    message = _import_entry(library, feed_id, entry, page, summary)
    assert message == "http://feed.example/a: not found (HTTP 404)"
    assert summary.added == 0 and library.count() == 0
    no_link = FeedEntry(link=None, title="B", content_html="<div></div>", date=None)
    message = _import_entry(library, feed_id, no_link, _Page(error="no link"), summary)
    assert message and "\n" not in message and library.count() == 0


_BODY = (
    "<p>The new space telescope has found signs of water vapour on a distant planet, scientists"
    " said in a statement that surprised many observers of the field.</p>"
    "<p>The observation was made over several nights and confirmed by a second team working"
    " independently at another observatory in Chile.</p>"
    "<p>Researchers said more work is needed before any firm conclusion about the planet can be"
    " drawn by the wider community of astronomers.</p>"
)


_META = '<meta property="article:published_time" content="{}">'


def _page(head: str = "", footer: str = "") -> str:
    return (
        f"<html><head><title>Telescope finds water</title>{head}</head><body><article>"
        f"<h1>Telescope finds water</h1>{_BODY}</article><footer>{footer}</footer></body></html>"
    )


@pytest.mark.parametrize("footer", ["Copyright 2026", "© 2025 The Daily", "automatic since 2019"])
def test_a_bare_year_is_not_a_publication_date(footer: str) -> None:
    """QA: 'Copyright 2026' gave 'date 2026-01-01'."""
    from reader.clean import clean_html

    assert clean_html(_page(footer=footer)).date is None


@pytest.mark.parametrize(
    ("head", "footer", "day"),
    [
        (_META.format("2026-01-01T09:00:00Z"), "", "2026-01-01"),
        (_META.format("2025-03-14T09:00:00Z"), "", "2025-03-14"),
        ("", "Published 14 March 2025. Copyright 2026", "2025-03-14"),
    ],
)
def test_real_dates_still_found(head: str, footer: str, day: str) -> None:
    from reader.clean import clean_html

    assert clean_html(_page(head=head, footer=footer)).date == day


def test_feed_entry_date_beats_a_date_guessed_from_the_page(library) -> None:
    """QA: an item with pubDate 'Mon, 23 Nov 2026' whose page said 'automatic since 2019'
    was stored as 2019-01-01."""
    feed_id = library.add_feed("http://feed.example/x")
    head = '<meta property="article:published_time" content="2019-05-02T09:00:00Z">'
    entry = FeedEntry(link="http://feed.example/a", title="A", content_html=None, date="2026-11-23")
    summary = RefreshSummary()
    page = _Page(raw=_page(head=head, footer="automatic since 2019"), kind="html")
    assert _import_entry(library, feed_id, entry, page, summary) is None
    assert summary.added == 1
    assert library.articles()[0].article.date == "2026-11-23"


def test_search_limit_above_the_rank_window_returns_every_match(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """QA: '--limit 100000' gave 1000 lines (only the newest RANK_WINDOW matches ranked)."""
    import reader.library.store as store
    from reader.cli import main
    from reader.model import Article

    db = tmp_path / "search.sqlite3"
    with Library.open(db) as opened:
        for number in range(8):
            words = " ".join(["telescope"] * (number + 1))
            text = f"A {words} saw item {number}."
            assert opened.add_article(Article(f"Story {number}", [text]), raw=text).added
    monkeypatch.setattr(store, "RANK_WINDOW", 5)
    assert main(["search", "telescope", "--library", str(db), "--limit", "100", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 8
    assert main(["search", "telescope", "--library", str(db), "--limit", "3", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    with Library.open(db) as opened:
        assert len(opened.search("telescope", limit=100)) == 8
        assert opened.search("telescope", limit=0) == []


@pytest.mark.parametrize("value", ["0", "-1", "ten"])
def test_search_limit_below_one_is_a_usage_error(tmp_path: Path, capsys, value: str) -> None:
    """QA: '--limit 0' and '--limit -1' gave one result."""
    from reader.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["search", "telescope", "--library", str(tmp_path / "x.sqlite3"), "--limit", value])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--limit" in err and ("at least 1" in err or "whole number" in err)


def test_feed_add_without_scheme_gets_the_http_hint(tmp_path: Path, capsys) -> None:
    """QA: 'feed add 127.0.0.1:8765/feed.xml' lacked the hint that 'add' gives."""
    from reader.cli import main

    db = str(tmp_path / "feeds.sqlite3")
    for url in ("127.0.0.1:8765/feed.xml", "example.com/feed.xml"):
        assert main(["feed", "add", url, "--library", db]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"write http://{url}" in err


def test_feed_add_of_a_followed_url_says_so(tmp_path: Path, capsys) -> None:
    from reader.cli import main
    from tests.functional.library_server import running_server

    db = str(tmp_path / "feeds.sqlite3")
    with running_server() as server:
        url = f"{server.base}/rss.xml"
        assert main(["feed", "add", url, "--library", db]) == 0
        assert "following feed 1" in capsys.readouterr().out
        hits = server.hits[url.removeprefix(server.base)]
        assert main(["feed", "add", url, "--library", db]) == 0
        assert "already following feed 1: Test RSS" in capsys.readouterr().out
        assert server.hits[url.removeprefix(server.base)] == hits  # not fetched again
    with Library.open(db) as opened:
        assert len(opened.feeds()) == 1
