"""The article list, walked with the keyboard and the mouse through Pilot."""

from __future__ import annotations

from reader.model import Article
from reader.ui.app import NewsReaderApp
from reader.ui.screens.list_screen import ListScreen
from reader.ui.screens.reader_screen import ReaderScreen
from reader.ui.widgets.article_list import ArticleList
from tests.functional.app_support import sample_articles, settled, visible_lines

SIZE = (120, 40)


def rows(app: NewsReaderApp) -> list[str]:
    return [line for line in visible_lines(app.screen.query_one(ArticleList)) if line]


def cursor_title(app: NewsReaderApp) -> str:
    entry = app.screen.query_one(ArticleList).current_entry
    assert entry is not None
    return entry.title


async def test_list_shows_titles_outlets_dates_and_lengths_newest_first() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = rows(app)
        assert len(shown) == 5
        assert "Flood shuts rail line for six weeks" in shown[0]
        assert "Coast Wire" in shown[0] and "2026-03-11" in shown[0] and "31 w" in shown[0]
        assert "Bridge closed after flood" in shown[1] and "Valley Courier" in shown[1]
        assert "Zebra crossing repainted" in shown[-1]  # undated last
        assert all(line.startswith("●") for line in shown)  # all unread


async def test_articles_on_one_story_share_a_story_label_and_sort_together() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        shown = rows(app)
        assert "s1 ×2" in shown[0] and "s1 ×2" in shown[1]
        assert not any("×" in line for line in shown[2:])
        await pilot.press("s", "s", "s", "s")
        assert "sorted by story" in str(app.screen.query_one("#status").render())
        assert "s1 ×2" in rows(app)[0] and "s1 ×2" in rows(app)[1]
        assert "4 stories (1 with several articles)" in str(
            app.screen.query_one("#status").render()
        )


async def test_keyboard_moves_the_cursor() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cursor_title(app) == "Flood shuts rail line for six weeks"
        await pilot.press("j", "j")
        assert cursor_title(app) == "Apple harvest starts early"
        await pilot.press("k")
        assert cursor_title(app) == "Bridge closed after flood"
        await pilot.press("G")
        assert cursor_title(app) == "Zebra crossing repainted"
        await pilot.press("g")
        assert cursor_title(app) == "Flood shuts rail line for six weeks"
        await pilot.press("down", "down", "down", "up")
        assert cursor_title(app) == "Apple harvest starts early"
        await pilot.press("end")
        assert cursor_title(app) == "Zebra crossing repainted"


async def test_sort_key_cycles_through_title_outlet_length_and_story() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        status = str(app.screen.query_one("#status").render())
        assert "sorted by title" in status
        titles = [line[10:40].strip() for line in rows(app)]
        assert titles[0].startswith("Apple") and titles[2].startswith("Bridge")
        assert titles[1].startswith("[bold]Not bold")  # sorted as "bold": brackets do not count
        await pilot.press("s")
        assert "Coast Wire" in rows(app)[0]  # outlet A-Z
        await pilot.press("s")
        assert "Bridge closed" in rows(app)[0] and "Zebra" in rows(app)[1]  # longest first
        await pilot.press("s", "s")
        assert "sorted by date" in str(app.screen.query_one("#status").render())


async def test_a_big_list_filters_in_a_thread_and_shows_the_latest_query(monkeypatch) -> None:
    import reader.ui.widgets.article_list as article_list

    monkeypatch.setattr(article_list, "THREADED_FILTER_ROWS", 2)  # the sample is a big list now
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"brid")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert rows(app) and all("Bridge" in line for line in rows(app))
        assert "1 found" in str(app.screen.query_one("#status").render())
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"flod")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(rows(app)) == 2 and all("lood" in line for line in rows(app))


async def test_slash_filters_fuzzily_and_escape_clears() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"flod")  # a typo still finds the floods
        await pilot.pause()
        shown = rows(app)
        assert len(shown) == 2
        assert all("lood" in line for line in shown)
        await pilot.press("enter")  # keep the filter, back to the list
        assert app.focused is app.screen.query_one(ArticleList)
        await pilot.press("j")
        assert cursor_title(app) == "Bridge closed after flood"
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert len(rows(app)) == 5
        await pilot.press("slash", *"xyzzy")
        await pilot.pause()
        assert rows(app) == [" Nothing matches “xyzzy”."]


async def test_enter_opens_the_reader_and_marks_read_q_goes_back_then_quits() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.entry.title == "Bridge closed after flood"
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ListScreen)
        shown = rows(app)
        assert not shown[1].startswith("●") and shown[0].startswith("●")  # read mark
        assert "4 unread" in str(app.screen.query_one("#status").render())
        await pilot.press("k", "m")  # mark read by hand, cursor moves on
        assert not rows(app)[0].startswith("●")
        await pilot.press("k", "m")
        assert rows(app)[0].startswith("●")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_mouse_click_selects_and_double_click_opens() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click(ArticleList, offset=(20, 2))
        assert cursor_title(app) == "Apple harvest starts early"
        await pilot.click(ArticleList, offset=(20, 1), times=2)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.entry.title == "Bridge closed after flood"


async def test_markup_in_titles_and_outlets_is_shown_as_text() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = next(row for row in rows(app) if "Not bold" in row)
        assert "[bold]Not bold[/bold] and [red]not red" in line
        assert "[i]Outlet[/i]" in line


async def test_ten_thousand_articles_page_and_jump_quickly() -> None:
    articles = [
        Article(title=f"Story number {n:05d}", paragraphs=["text"], date=f"2020-01-01T{n:05d}")
        for n in range(10_000)
    ]
    app = NewsReaderApp(articles=articles)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article_list = app.screen.query_one(ArticleList)
        assert "Story number 09999" in rows(app)[0]
        await pilot.press("pagedown")
        height = article_list.scrollable_content_region.height
        assert article_list.cursor == height
        await pilot.press("G")
        await pilot.pause()
        assert "Story number 00000" in rows(app)[-1]
        assert article_list.cursor == 9_999
        await pilot.press("slash", *"09876")
        await pilot.pause()
        assert "Story number 09876" in rows(app)[0]  # the exact match ranks first
        assert len(article_list.order) < 1_000


async def test_help_lists_the_keys_of_the_current_screen() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.SCOPE == "help"
        assert app.screen.query_one("Static").size.height >= len(app.screen.rows)  # drawn
        text = "\n".join(f"{keys} {what}" for keys, what, _ in app.screen.rows)
        assert "Search titles and outlets" in text and "Show what the cleaner removed" not in text
        await pilot.press("escape")
        await pilot.press("enter", "question_mark")
        await pilot.pause()
        text = "\n".join(f"{keys} {what}" for keys, what, _ in app.screen.rows)
        assert "Show what the cleaner removed" in text and "Search titles" not in text


async def test_compare_key_hands_the_article_and_the_others_to_the_compare_screen(
    monkeypatch,
) -> None:
    import reader.ui.compare as compare

    calls = []
    monkeypatch.setattr(
        compare, "pick_and_compare", lambda app, a, rest, **kw: calls.append((a, rest))
    )
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert calls and calls[0][0].title == "Flood shuts rail line for six weeks"
        assert len(calls[0][1]) == 4 and calls[0][0] not in calls[0][1]
