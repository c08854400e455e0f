"""A big library paints its newest rows first and reads the rest meanwhile (Pilot)."""

from __future__ import annotations

import threading

import pytest

from reader.library import Library
from reader.ui import sources
from reader.ui.app import NewsReaderApp
from tests.functional.app_support import settled, visible_lines
from tests.functional.test_app_library_lazy import article, article_list, fill_library, wait_for

SIZE = (120, 30)
COUNT = 12  # stories of three (fill_library)


@pytest.fixture
def held_back(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The whole list is read only once the returned event is set; the first rows at once."""
    monkeypatch.setattr(sources, "FIRST_ROWS", 4)
    release = threading.Event()
    list_rows = Library.list_rows

    def slow_list_rows(self: Library, limit: int | None = None):  # noqa: ANN202
        if limit is None:
            assert release.wait(10), "the test never released the whole list"
        return list_rows(self, limit)

    monkeypatch.setattr(Library, "list_rows", slow_list_rows)
    return release


def status(app: NewsReaderApp) -> str:
    return str(app.screen.query_one("#status").render())


async def test_first_rows_show_with_whole_story_sizes_then_the_rest(held_back) -> None:  # noqa: ANN001
    fill_library(COUNT)
    with Library.open() as library, library.transaction() as c:
        c.execute("UPDATE articles SET date = '2026-01-05'")  # ties: order by when added
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: len(app.entries) == 4)
        assert app.loading_rest and not app.stories_settled
        lines = [line for line in visible_lines(article_list(app)) if line]
        assert len(lines) == 4
        assert "number 11" in lines[0] and "number 8" in lines[3]  # newest added first
        # Each story has three articles in the library, though fewer are shown yet.
        assert all("×3" in line for line in lines), lines
        assert "newest 4 shown, reading the rest of the library…" in status(app)
        first = article_list(app).current_entry
        await pilot.press("m")  # marks work meanwhile
        assert first.read
        await pilot.press("d")  # deleting waits for the whole list
        await pilot.pause()
        assert len(app.screen_stack) == 2
        assert any("Still reading the library" in n.message for n in app._notifications)
        current = article_list(app).current_entry
        held_back.set()
        await settled(pilot)
        assert not app.loading_rest and len(app.entries) == COUNT
        assert article_list(app).current_entry is current  # same row, same object
        after = [line for line in visible_lines(article_list(app)) if line]
        assert [line[1:] for line in after[:4]] == [line[1:] for line in lines]  # rows stay
        assert first in app.entries and first.read
        assert f"{COUNT} articles" in status(app)
        assert f"{COUNT - 1} unread" in status(app)
        with Library.open() as library:
            assert library.get(first.library_id).read


async def test_a_small_library_is_read_in_one_go(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "FIRST_ROWS", 50)
    fill_library(COUNT)
    shown: list[int] = []
    real = NewsReaderApp._loaded_first

    def first(self: NewsReaderApp, loaded: sources.Loaded) -> None:
        shown.append(len(loaded.entries))
        real(self, loaded)

    monkeypatch.setattr(NewsReaderApp, "_loaded_first", first)
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert shown == [] and len(app.entries) == COUNT


def test_story_sizes_count_every_article_of_each_story() -> None:
    with Library.open() as library:
        library.add_articles((a, a.text) for a in map(article, range(7)))
        with library.transaction() as c:
            c.execute("UPDATE articles SET story = 100 WHERE id <= 3")
            c.execute("UPDATE articles SET story = NULL WHERE id > 3")
        rows = library.list_rows()
        keys = {row[0]: row[4] for row in rows}
        assert keys[1] == 100 and keys[5] == 5  # without a story: its own id
        assert library.story_sizes([100, 5, 999]) == {100: 3, 5: 1}
        assert library.list_rows(2) == rows[:2]
