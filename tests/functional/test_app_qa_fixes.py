"""QA findings on the app, each checked through Pilot: story labels, keys typed at start-up,
the starred-only cursor, refresh reloading the library, the compare header's counts."""

from __future__ import annotations

from reader.demo import demo_files
from reader.ingest import load_articles
from reader.library import Library
from reader.model import Article, RemovedLine
from reader.ui.app import NewsReaderApp
from tests.functional.app_support import sample_articles, settled, visible_lines
from tests.functional.test_app_library_actions import article_list, rows

SIZE = (120, 40)


def fill_with_a_story(singles: int = 3) -> int:
    """A library of ``singles`` lone articles, then the five-outlet demo story; its story id."""
    articles, _ = load_articles(demo_files())
    with Library.open() as library:
        for article in [*sample_articles()[2:][:singles], *articles]:
            library.add_article(article, raw="\n\n".join(article.paragraphs))
        library.regroup_stories()
        stories = [line.story for line in library.headlines()]
    story = max(set(stories), key=stories.count)
    assert stories.count(story) == 5 and story > 1
    return story


async def test_library_stories_are_labelled_with_the_library_story_id() -> None:
    story = fill_with_a_story()
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        labelled = [line for line in rows(app) if f"s{story} ×5" in line]
        assert len(labelled) == 5, rows(app)
        assert not any("s1 ×5" in line for line in rows(app))


def test_the_story_column_widens_for_long_story_ids() -> None:
    from reader.ui.entries import make_entries, set_stories
    from reader.ui.widgets.article_list import STORY_WIDTH, story_label, story_width

    entries = make_entries(sample_articles())
    set_stories(entries, [12345, 12345, None, 7, 8], keep_ids=True)
    assert story_label(entries[0]) == "s12345 ×2" and story_label(entries[3]) == ""
    assert story_width(entries) == len("s12345 ×2") > STORY_WIDTH
    set_stories(entries, [12345, 12345, None, 7, 8])  # plain files: numbered 1, 2, ...
    assert story_label(entries[0]) == "s1 ×2" and story_width(entries) == STORY_WIDTH


async def test_the_hidden_search_box_never_keeps_focus_so_slash_and_escape_work() -> None:
    from textual.widgets import Input

    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        search = app.screen.query_one("#filter", Input)
        assert app.screen.focused is article_list(app)
        app.screen.set_focus(search)  # what happened when keys came in during start-up
        await pilot.pause()
        assert app.screen.focused is not search
        await pilot.press("/", "f", "l", "o", "o", "d")
        assert search.display and search.value == "flood"
        assert len(article_list(app).order) == 2
        await pilot.press("escape")
        assert not search.display and search.value == ""
        assert len(article_list(app).order) == 5


def many_articles(count: int = 80) -> list[Article]:
    return [
        Article(
            title=f"Headline number {n}",
            paragraphs=[f"Paragraph of article {n}."],
            source="Daily",
            date=f"2026-01-{1 + n % 28:02d}T{n // 28:02d}:00",
        )
        for n in range(count)
    ]


async def test_starred_only_twice_keeps_the_cursor_on_its_article_and_in_view() -> None:
    app = NewsReaderApp(articles=many_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        shown = article_list(app)
        await pilot.press("G", "f")  # star the last row
        last = shown.current_entry
        assert last is not None and last.starred and shown.cursor == 79
        await pilot.press("F")
        assert shown.order == [last.index] and shown.current_entry is last
        await pilot.press("F")
        await pilot.pause()
        assert len(shown.order) == 80 and shown.current_entry is last
        top = round(shown.scroll_y)
        assert top <= shown.cursor < top + shown.scrollable_content_region.height
        assert any(last.title in line for line in visible_lines(shown))


async def test_refresh_also_shows_articles_another_process_added_and_keeps_the_cursor() -> None:
    from tests.functional.library_server import running_server
    from tests.functional.test_app_library_actions import fill_library, messages, wait_for

    fill_library(sample_articles()[:3])
    with running_server() as server:
        with Library.open() as library:
            library.add_feed(f"{server.base}/rss.xml")
        app = NewsReaderApp()
        async with app.run_test(size=SIZE) as pilot:
            await settled(pilot)
            await pilot.press("R")  # the feed's two articles arrive: the next refresh adds none
            await wait_for(pilot, lambda: not app.refreshing, timeout=30)
            await pilot.press("j")
            before = article_list(app).current_entry
            assert before is not None and len(app.entries) == 5
            fill_library(sample_articles()[3:])  # `newsreader add` in another terminal
            await pilot.press("R")
            await wait_for(pilot, lambda: not app.refreshing, timeout=30)
            await pilot.pause()
            assert any("0 new" in message for message in messages(app))
            assert len(app.entries) == 7 and len(rows(app)) == 7  # 3 + 2 added + 2 from the feed
            assert article_list(app).current_entry is before
            titles = {entry.title for entry in app.entries}
            assert {"Zebra crossing repainted", "Bridge closed after flood"} <= titles


async def test_refresh_without_feeds_says_so_at_once_and_still_reloads_the_library() -> None:
    from reader.ui.library_ops import NO_FEEDS
    from tests.functional.test_app_library_actions import fill_library, messages, wait_for

    fill_library(sample_articles()[:1])
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        fill_library(sample_articles()[1:2])
        await pilot.press("R")
        await wait_for(pilot, lambda: not app.refreshing)
        await pilot.pause()
        assert NO_FEEDS in messages(app)
        assert not any("Refreshing" in message for message in messages(app))
        assert len(app.entries) == 2


async def test_the_compare_header_counts_a_moved_passage_once_like_the_cli() -> None:
    from textual.app import App
    from textual.widgets import Static

    from reader.render import summary_line
    from reader.ui.compare import CompareScreen
    from tests.functional.compare_data import build_alignment, make_articles

    a, b = make_articles()
    alignment = build_alignment(a.text, b.text)
    moved_rows = sum(row.kind == "moved" for row in alignment.rows)
    assert moved_rows == 2 and "1 moved" in summary_line(alignment)  # one passage, two rows

    class CompareApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(CompareScreen(a, b, aligner=build_alignment))

    app = CompareApp()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            header = str(app.screen.query_one("#compare-summary", Static).render())
            if "moved" in header:
                break
        assert "2 changed, 1 moved, 3 sentences only in A, 1 sentence only in B" in header, header


async def test_counts_agree_with_their_number() -> None:
    from reader.ui.entries import counted
    from tests.functional.test_app_library_actions import status

    assert counted(1, "story", "stories") == "1 story"
    assert counted(1204, "story", "stories") == "1,204 stories"
    one_line_removed = Article(
        title="One",
        paragraphs=["Word."],
        date="2026-05-01",
        removed=[RemovedLine("Share this", "share counts", 0)],
    )
    app = NewsReaderApp(articles=[one_line_removed, sample_articles()[2]])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        line = status(app)
        assert line.startswith("2 articles · 2 unread · 2 stories · sorted"), line
        assert "with several" not in line
        await pilot.press("enter")
        await pilot.pause()
        text = "\n".join(app.screen.view.lines_text)
        assert "1 word · 1 line removed" in text, text


async def test_refresh_progress_leads_the_status_line_where_toasts_do_not_cover_it() -> None:
    from tests.functional.test_app_library_actions import status

    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        app._set_refresh_status("Refreshing feeds… 1/2 · Coast Wire")
        assert status(app).startswith("Refreshing feeds… 1/2 · Coast Wire · 5 articles")
        app._set_refresh_status("")
        assert status(app).startswith("5 articles")


async def test_question_mark_shows_the_keys_on_the_delete_question_and_the_compare_picker() -> None:
    from reader.ui.compare import ComparePicker
    from reader.ui.screens.confirm_screen import ConfirmScreen
    from reader.ui.screens.help_screen import HelpScreen, help_rows

    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        listed = {keys: what for keys, what, _ in help_rows(app.screen)}
        assert ("s", "Sort by date, title, outlet, length or story", "list.sort") in help_rows(
            app.screen
        )  # the id a user remaps it with
        assert "Focus Next" not in listed.values() and "Copy selected text" not in listed.values()
        for key, modal in (("d", ConfirmScreen), ("c", ComparePicker)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, modal)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert app.screen.rows and all("palette" not in what for _, what, _ in app.screen.rows)
            await pilot.press("question_mark", "escape")  # close the keys, then the modal
            await pilot.pause()
            assert app.screen.SCOPE == "list"


async def test_a_file_with_no_article_text_is_listed_by_its_name_and_says_how_to_see_why() -> None:
    nothing_kept = Article(
        title="",
        paragraphs=[],
        path="/tmp/pages/only-furniture.txt",
        removed=[RemovedLine("READ MORE", "promo", 0), RemovedLine("Share this", "share", 0)],
    )
    app = NewsReaderApp(articles=[nothing_kept, sample_articles()[2]])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert any("only-furniture.txt" in line for line in rows(app)), rows(app)
        assert not any("(untitled)" in line for line in rows(app))
        listing = article_list(app)
        for _ in range(2):
            if listing.current_entry.title == "only-furniture.txt":  # type: ignore[union-attr]
                break
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        text = "\n".join(app.screen.view.lines_text)
        assert "only-furniture.txt" in text
        assert "no article text was found here: press r to see the 2 removed lines" in text, text


async def test_an_article_cut_at_the_line_limit_says_so_under_its_title() -> None:
    from reader.clean import BEYOND_LIMIT_REASON, MAX_LINES

    long = Article(
        title="A very long page",
        paragraphs=["Kept."],
        removed=[RemovedLine(f"line {k}", BEYOND_LIMIT_REASON, 1) for k in range(3)],
    )
    app = NewsReaderApp(articles=[long])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
        text = " ".join(app.screen.view.lines_text)  # (the note wraps at the column)
        assert f"only its first {MAX_LINES:,} lines were judged" in text, text
        assert "the other 3 lines are listed as removed (r)" in text
