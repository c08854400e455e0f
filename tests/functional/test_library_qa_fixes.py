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
