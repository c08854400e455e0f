"""A library opens from its headlines: texts load only for the articles opened or compared."""

from __future__ import annotations

from textual.widgets import OptionList

from reader.library import Library
from reader.model import Article
from reader.ui.app import NewsReaderApp
from reader.ui.compare.picker import MAX_LOADED, ComparePicker
from reader.ui.compare.screen import CompareScreen
from reader.ui.entries import Entry
from reader.ui.screens.list_screen import ListScreen
from reader.ui.screens.reader_screen import ReaderScreen
from reader.ui.widgets.article_list import ArticleList
from tests.functional.app_support import settled, visible_lines

SIZE = (120, 40)
COUNT = 300
STORY_SIZE = 3
WORDS = "council flood bridge minister budget storm harbour vote court police market".split()


def article(number: int) -> Article:
    word = WORDS[number % len(WORDS)]
    return Article(
        title=f"{word.capitalize()} report number {number}",
        paragraphs=[f"Paragraph one of article {number} about the {word}.", f"Second {number}."],
        source=f"Outlet {number % 5}",
        date=f"2026-01-{1 + number % 28:02d}",
    )


def fill_library(count: int = COUNT) -> None:
    """``count`` articles; each run of ``STORY_SIZE`` shares a story."""
    with Library.open() as library:  # $NEWSREADER_LIBRARY: a temp file in tests
        library.add_articles((a, a.text) for a in map(article, range(count)))
        with library.transaction() as c:
            c.execute(f"UPDATE articles SET story = (id - 1) / {STORY_SIZE} + 1")


def article_list(app: NewsReaderApp) -> ArticleList:
    screen = next(s for s in app.screen_stack if isinstance(s, ListScreen))
    return screen.query_one(ArticleList)


def loaded_texts(app: NewsReaderApp) -> list[Entry]:
    return [entry for entry in app.entries if entry._article is not None or entry.loaded]


def fetches(app: NewsReaderApp) -> int:
    return app.entries[0].loader.fetches


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:  # noqa: ANN001
    waited = 0.0
    while not condition() and waited < timeout:
        await pilot.pause(0.02)
        waited += 0.02
    assert condition(), "timed out"


def test_the_library_keeps_each_articles_length_in_words() -> None:
    texts = [["one two  three", "four\tfive\nsix"], [], ["  lone  "]]
    with Library.open() as library:
        for n, paragraphs in enumerate(texts):
            library.add_article(Article(f"t{n}", paragraphs), raw=f"raw {n}")
        words = {h.title: h.words for h in library.headlines()}
        assert words == {"t0": 6, "t1": 0, "t2": 1}
        library.delete(library.headlines()[0].id)
        assert library.connection.execute("SELECT count(*) FROM article_words").fetchone()[0] == 2


async def test_a_library_lists_headlines_without_loading_any_text() -> None:
    fill_library()
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert len(app.entries) == COUNT and app.kind == "library"
        assert fetches(app) == 0 and not loaded_texts(app)
        lines = [line for line in visible_lines(article_list(app)) if line]
        assert any("report number" in line and " w" in line for line in lines)
        await pilot.press("s")  # sorts (by length too) read no text either
        await pilot.press("s", "s", "s")
        await pilot.pause()
        assert fetches(app) == 0
        first = article_list(app).current_entry
        assert first.words == len(first.article.text.split()) == 10


async def test_opening_an_article_loads_its_text_and_j_k_load_the_next() -> None:
    fill_library()
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        first = article_list(app).current_entry
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        shown = "\n".join(visible_lines(app.screen.view))
        assert f"Paragraph one of article {first.title.split()[-1]}" in shown
        assert fetches(app) == 1
        await pilot.press("J")
        await pilot.pause()
        second = app.screen.entry
        assert second is not first and second.title.split()[-1] in "\n".join(
            visible_lines(app.screen.view)
        )
        await pilot.press("K")  # back: from the cache
        await pilot.pause()
        assert app.screen.entry is first and fetches(app) == 2
        assert len(loaded_texts(app)) == 2


async def test_star_delete_and_search_work_on_a_lazy_library() -> None:
    fill_library()
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        listing = article_list(app)
        first = listing.current_entry
        await pilot.press("f")
        await pilot.pause()
        assert first.starred
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, lambda: len(app.entries) == COUNT - 1)
        with Library.open() as library:
            assert library.get(first.library_id) is None
        await pilot.press("slash")
        await pilot.press(*"number 17")  # the fuzzy title filter
        await wait_for(pilot, lambda: not listing.searching)
        titles = [e.title for e in listing_entries(app)]
        assert article(17).title in titles and all("17" in t for t in titles)
        await pilot.press(*["backspace"] * len("number 17"), *"second 42 ")  # only in texts
        await wait_for(pilot, lambda: listing.text_query == "second 42 ")
        assert [e.title for e in listing_entries(app)] == [article(42).title]
        assert fetches(app) == 0


def listing_entries(app: NewsReaderApp) -> list[Entry]:
    listing = article_list(app)
    return [app.entries[i] for i in listing.order]


async def test_compare_picker_puts_the_same_story_first_loading_only_that_story() -> None:
    fill_library()
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        target = article_list(app).current_entry
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ComparePicker))
        picker = app.screen
        await wait_for(pilot, lambda: picker.ranked is not None)
        same = [e for e in app.entries if e.story == target.story and e is not target]
        assert len(same) == STORY_SIZE - 1
        firsts = {picker.candidates.entries[c.index] for c in picker.ranked[: len(same)]}
        assert firsts == set(same)
        assert all(c.same_story for c in picker.ranked[: len(same)])
        assert not any(c.same_story for c in picker.ranked[len(same) :])
        assert len(picker.ranked) > len(same)  # the others, by title
        # their title scores are not on the text scores' scale: not shown, said instead
        assert all(c.by_title for c in picker.ranked[len(same) :])
        assert not any(c.by_title for c in picker.ranked[: len(same)])
        options = picker.query_one(OptionList)
        first_other = options.get_option_at_index(len(same)).prompt.plain
        assert first_other.startswith("     ") and first_other.endswith("(similar title)")
        assert not options.get_option_at_index(0).prompt.plain.startswith("     ")
        assert fetches(app) == 1 + len(same)  # the target and its story: nothing else
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        assert fetches(app) == 1 + len(same)  # the chosen one was in the cache


async def test_compare_picker_loads_a_bounded_number_of_texts_for_a_big_story() -> None:
    fill_library(MAX_LOADED + 50)
    with Library.open() as library, library.transaction() as c:
        c.execute("UPDATE articles SET story = 1")  # one huge story
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ComparePicker))
        picker = app.screen
        await wait_for(pilot, lambda: picker.ranked is not None)
        assert fetches(app) <= MAX_LOADED + 1
        assert all(c.same_story for c in picker.ranked)
        await pilot.press("escape")
