"""Star, delete (asking first), full-text search from `/` and refresh, in the app through Pilot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events

from reader.library import Library
from reader.model import Article
from reader.ui.app import NewsReaderApp
from reader.ui.library_ops import NO_FEEDS, typed_query
from reader.ui.screens.confirm_screen import ConfirmScreen
from reader.ui.screens.list_screen import ListScreen
from reader.ui.screens.reader_screen import ReaderScreen
from reader.ui.widgets.article_list import ArticleList
from tests.functional.app_support import sample_articles, settled, visible_lines
from tests.functional.library_server import running_server

SIZE = (120, 40)


def rows(app: NewsReaderApp) -> list[str]:
    return [line for line in visible_lines(article_list(app)) if line]


def article_list(app: NewsReaderApp) -> ArticleList:
    screen = next(s for s in app.screen_stack if isinstance(s, ListScreen))
    return screen.query_one(ArticleList)


def status(app: NewsReaderApp) -> str:
    screen = next(s for s in app.screen_stack if isinstance(s, ListScreen))
    return str(screen.query_one("#status").render())


def messages(app: NewsReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def wait_for(pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    waited = 0.0
    while not condition() and waited < timeout:
        await pilot.pause(0.02)
        waited += 0.02
    assert condition(), "timed out"


def fill_library(articles: list[Article]) -> list[int]:
    with Library.open() as library:  # $NEWSREADER_LIBRARY: a temp file in tests
        return [
            library.add_article(article, raw="\n\n".join(article.paragraphs)).article_id
            for article in articles
        ]


def starred_in_library() -> set[str]:
    with Library.open() as library:
        return {entry.article.title for entry in library.articles() if entry.starred}


# -- star -------------------------------------------------------------------------------------
async def test_star_marks_the_row_with_a_shape_and_persists_in_the_library() -> None:
    fill_library(sample_articles()[:3])
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        first = article_list(app).current_entry
        await pilot.press("f")
        assert first.starred and "★" in rows(app)[0]
        assert all("★" not in row for row in rows(app)[1:])
        await pilot.press("j", "enter")  # the reader stars too
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        second = app.screen.entry
        await pilot.press("asterisk")
        assert second.starred and app.screen.sub_title.startswith("★ ")
        await pilot.press("q")
        await pilot.pause()
        await wait_for(pilot, lambda: starred_in_library() == {first.title, second.title})
        await pilot.press("F")  # starred only
        assert len(rows(app)) == 2 and "starred only: 2" in status(app)
        await pilot.press("f")  # unstarring a row while only starred are shown hides it
        assert len(rows(app)) == 1
        await pilot.press("F")
        assert len(rows(app)) == 3
    await_until = starred_in_library()
    assert len(await_until) == 1
    app = NewsReaderApp()  # a new session sees the star
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert [entry.title for entry in app.entries if entry.starred] == list(await_until)


async def test_star_on_plain_files_lasts_for_the_session() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("F")
        assert rows(app) == [" No starred articles."]
        await pilot.press("F", "f")
        assert "★" in rows(app)[0]


# -- delete -----------------------------------------------------------------------------------
async def test_delete_asks_first_and_no_or_escape_keeps_the_article() -> None:
    fill_library(sample_articles()[:3])
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render())
        assert "from the library?" in question
        for answer in ("n", "escape", "enter"):  # enter means the default: no
            await pilot.press(answer)
            await pilot.pause()
            assert isinstance(app.screen, ListScreen)
            assert len(app.entries) == 3
            await pilot.press("d")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    with Library.open() as library:
        assert library.count() == 3


async def test_delete_yes_removes_only_that_article_and_the_cursor_stays_on_its_row() -> None:
    fill_library(sample_articles()[:4])
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        doomed = article_list(app).entries[article_list(app).order[1]]
        below = article_list(app).entries[article_list(app).order[2]]
        await pilot.press("j", "j", "m")  # mark another one read: deleting must not lose that
        await wait_for(pilot, lambda: sum(e.read for e in Library.open().articles()) == 1)
        await pilot.press("k", "k", "d")
        await pilot.pause()
        assert doomed.title in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await wait_for(pilot, lambda: len(app.entries) == 3)
        assert article_list(app).cursor == 1 and article_list(app).current_entry is below
        assert all(doomed.title not in row for row in rows(app))
        assert any("Deleted" in message for message in messages(app))
        assert "3 articles" in status(app)
    with Library.open() as library:
        left = library.articles()
        assert len(left) == 3 and doomed.title not in {e.article.title for e in left}
        assert sum(e.read for e in left) == 1


async def test_delete_in_the_reader_shows_the_next_article_then_goes_back_to_the_list() -> None:
    fill_library(sample_articles()[:2])
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        first, second = (article_list(app).entries[i] for i in article_list(app).order)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.entry is first
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, lambda: len(app.entries) == 1)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.entry is second
        assert second.read and article_list(app).current_entry is second
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, lambda: not app.entries)
        await pilot.pause()
        assert isinstance(app.screen, ListScreen)
    with Library.open() as library:
        assert library.count() == 0


async def test_delete_on_plain_files_hides_the_row_and_never_touches_the_file(
    tmp_path: Path,
) -> None:
    for name, text in (("a.txt", "Alpha title\n\nAlpha body text here."), ("b.txt", "Beta\n\nB.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    app = NewsReaderApp([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert "file itself is not touched" in str(app.screen.query_one("#question").render())
        await pilot.press("y")
        await pilot.pause()
        assert len(app.entries) == 1 and len(rows(app)) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


async def test_a_title_with_markup_is_asked_about_as_text() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"bold", "enter", "d")
        await pilot.pause()
        question = str(app.screen.query_one("#question").render())
        assert "[bold]Not bold[/bold]" in question


# -- search -----------------------------------------------------------------------------------
async def test_keys_typed_right_after_slash_all_go_to_the_search_box() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("/", "w", "o", "r", "d")
        assert app.screen.query_one("#filter").value == "word"
        await pilot.press("escape")
        # a real terminal delivers a burst all at once, before any of it is handled
        for key, char in (("slash", "/"), ("d", "d"), ("f", "f"), ("y", "y")):
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "dfy"
        assert isinstance(app.screen, ListScreen)  # "d" did not ask to delete
        assert not any(entry.starred for entry in app.entries)  # "f" did not star
        await pilot.press("slash")  # "/" typed in the box is text
        assert app.screen.query_one("#filter").value == "dfy/"


async def test_slash_finds_a_word_that_is_only_in_the_body_and_escape_shows_all() -> None:
    articles = sample_articles()
    articles[2].paragraphs.append("An unrelated zeppelin flew over the orchard.")
    fill_library(articles)
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("/", *"zeppelin")
        await wait_for(pilot, lambda: not article_list(app).searching)
        assert len(rows(app)) == 1 and "Apple harvest starts early" in rows(app)[0]
        assert "1 found (1 by full text)" in status(app)
        await pilot.press("enter", "enter")  # keep the result, open it
        await pilot.pause()
        assert app.screen.entry.title == "Apple harvest starts early"
        await pilot.press("q", "escape")
        await pilot.pause()
        assert len(rows(app)) == 5 and "found" not in status(app)
        await pilot.press("/", *"zepp")  # a word still being typed matches as a prefix
        await wait_for(pilot, lambda: not article_list(app).searching)
        assert len(rows(app)) == 1
        await pilot.press(*' "*(NEAR')  # FTS syntax is just text: no error, no crash
        await wait_for(pilot, lambda: not article_list(app).searching)
        assert not [m for m in messages(app) if "failed" in m]


def test_typed_query_makes_the_last_word_a_prefix_only_while_typing() -> None:
    assert typed_query("flood rai") == "flood rai*"
    assert typed_query("flood rai ") == "flood rai "
    assert typed_query("flood ra") == "flood ra"  # too short to be a useful prefix
    assert typed_query("!!") == ""
    assert typed_query("rail*") == "rail*"


# -- refresh ----------------------------------------------------------------------------------
async def test_refresh_fetches_new_articles_into_the_list_with_progress_and_a_message() -> None:
    fill_library(sample_articles()[:1])
    with running_server() as server:
        with Library.open() as library:
            library.add_feed(f"{server.base}/rss.xml")
        app = NewsReaderApp()
        async with app.run_test(size=SIZE) as pilot:
            await settled(pilot)
            seen: list[str] = []
            original = app._set_refresh_status
            app._set_refresh_status = lambda text: (seen.append(text), original(text))[1]
            for _ in range(2):  # only one refresh at a time
                app.post_message(events.Key("R", "R"))
            await pilot.pause()
            assert any("already running" in message for message in messages(app))
            await wait_for(pilot, lambda: not app.refreshing, timeout=30)
            assert len(app.entries) == 3 and len(rows(app)) == 3
            assert any("2 new articles" in message for message in messages(app))
            assert any(text.startswith("Refreshing feeds… ") and "/" in text for text in seen)
            assert "Refreshing" not in status(app)
            assert all(entry.library_id is not None for entry in app.entries)


async def test_refresh_from_the_demo_story_switches_to_the_library() -> None:
    with running_server() as server:
        with Library.open() as library:  # a feed, no articles yet: the app shows the demo
            library.add_feed(f"{server.base}/rss.xml")
        app = NewsReaderApp()
        async with app.run_test(size=SIZE) as pilot:
            await settled(pilot)
            assert app.kind == "demo"
            await pilot.press("R")
            await wait_for(pilot, lambda: not app.refreshing, timeout=30)
            assert app.kind == "library" and len(app.entries) == 2
            assert all(entry.library_id is not None for entry in app.entries)
            assert app.origin.startswith("library ")


async def test_refresh_without_feeds_says_how_to_add_one() -> None:
    fill_library(sample_articles()[:1])
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: not app.refreshing)
        assert NO_FEEDS in messages(app)
        assert len(app.entries) == 1


async def test_refresh_errors_are_one_line_and_files_are_not_refreshed() -> None:
    fill_library(sample_articles()[:1])
    with Library.open() as library:
        library.add_feed("http://127.0.0.1:9/nothing-listens.xml")
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("R")
        await wait_for(pilot, lambda: not app.refreshing, timeout=30)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and all("\n" not in message for message in errors)
        assert len(app.entries) == 1
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        # A window of files has no feeds: no refresh in the footer or `?`, the key does nothing
        # (the palette still explains why, below).
        keys = [active.binding.action for active in app.screen.active_bindings.values()]
        assert "refresh_feeds" not in keys and "open" in keys
        await pilot.press("R")
        await pilot.pause()
        assert not app.refreshing


async def test_the_ui_keeps_working_during_a_slow_refresh_and_quits_without_waiting() -> None:
    import threading

    fill_library(sample_articles()[:3])
    with running_server() as server:
        with Library.open() as library:
            library.add_feed(f"{server.base}/slow")  # answers only when the server stops
        app = NewsReaderApp()
        async with app.run_test(size=SIZE) as pilot:
            await settled(pilot)
            before = set(threading.enumerate())
            await pilot.press("R")
            await wait_for(pilot, lambda: server.hits["/slow"] == 1)
            assert app.refreshing and "Refreshing feeds…" in status(app)
            await pilot.press("j", "f")  # keys still work meanwhile
            assert article_list(app).cursor == 1 and article_list(app).current_entry.starred
            await pilot.press("ctrl+q")
        # the app closed while the refresh thread still waits for the server
        started = set(threading.enumerate()) - before
        assert any(t.name == "newsreader-background" for t in started)


async def test_new_commands_are_remappable_and_in_the_palette() -> None:
    from reader.config import config_path

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keymap]\n"list.star" = "x"\n"list.delete" = "z"\n', encoding="utf-8")
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert not article_list(app).current_entry.starred  # f was remapped away
        await pilot.press("x")
        assert article_list(app).current_entry.starred
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"starred")  # "Starred": show only starred articles
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert len(rows(app)) == 1, rows(app)
