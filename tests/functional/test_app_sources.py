"""Where the app's articles come from: paths (cleaned in the background), the library, the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.demo import demo_files
from reader.errors import ReaderError
from reader.ui.app import NewsReaderApp
from reader.ui.launch import run_app
from reader.ui.screens.reader_screen import ReaderScreen
from reader.ui.widgets.article_list import ArticleList
from tests.functional.app_support import settled, visible_lines

SIZE = (120, 40)


def titles(app: NewsReaderApp) -> list[str]:
    return [entry.title for entry in app.entries]


async def test_no_path_and_no_library_shows_the_demo_story_grouped() -> None:
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert len(app.entries) == len(demo_files()) == 6
        assert app.origin.startswith("demo story (add yours")
        assert any("library is empty" in n.message for n in app._notifications)
        flood = [e for e in app.entries if "Velmora" in e.article.text or "Millbrook" in e.title]
        bakery = next(e for e in app.entries if "bakery" in e.title)
        assert len({e.story for e in flood if e is not bakery}) == 1  # one story, 5 outlets
        assert bakery.story_number == 0  # alone
        shown = visible_lines(app.screen.query_one(ArticleList))
        assert sum("×5" in line for line in shown) == 5


async def test_demo_articles_are_cleaned_and_show_removed_boilerplate() -> None:
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        courier = next(e for e in app.entries if e.title.startswith("Millbrook evacuated"))
        assert not any("Post Comment" in p for p in courier.article.paragraphs)
        app.open_reader(courier.index, [courier.index])
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("r")
        text = "\n".join(app.screen.view.lines_text)
        assert "✂ Post Comment" in text and "✂ READ MORE:" in text


async def test_paths_load_in_the_background_and_bad_files_become_notifications(
    tmp_path: Path,
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(demo_files()[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 500)
    (tmp_path / "empty.txt").write_bytes(b"")
    app = NewsReaderApp([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert titles(app) == ["Storm floods Velmora rail line, closing it for six weeks"]
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 2 and all("\n" not in message for message in errors)
        assert any("binary.txt" in message for message in errors)


async def test_a_folder_without_articles_says_so() -> None:
    app = NewsReaderApp([str(Path(__file__).parent / "__snapshots__" / "nothing-here")])
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert app.entries == []
        shown = visible_lines(app.screen.query_one(ArticleList))
        assert shown[0].strip() == "No articles could be read."


def test_run_app_refuses_paths_that_do_not_exist(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="no such file or folder"):
        run_app([str(tmp_path / "missing.txt")])


async def test_the_library_opens_with_its_stories_and_read_marks_persist() -> None:
    from reader.library import Library
    from tests.functional.app_support import sample_articles

    with Library.open() as library:  # $NEWSREADER_LIBRARY, a temp file in tests
        for article in sample_articles()[:3]:
            library.add_article(article, raw="\n\n".join(article.paragraphs))
    app = NewsReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        assert app.origin.startswith("library ")
        assert sorted(titles(app)) == sorted(a.title for a in sample_articles()[:3])
        assert all(entry.library_id is not None for entry in app.entries)
        await pilot.press("enter")  # opening marks read, in the library too
        await pilot.pause()
        opened = app.screen.entry.library_id
        await pilot.press("q")
        for _ in range(50):  # the write happens in a worker thread
            await pilot.pause(0.02)
            with Library.open() as library:
                if library.get(opened).read:
                    break
    with Library.open() as library:
        assert library.get(opened).read
        assert sum(entry.read for entry in library.articles()) == 1


async def test_mouse_wheel_scrolls_the_list() -> None:
    from textual import events

    from reader.model import Article

    articles = [Article(title=f"Item {n}", paragraphs=["x"]) for n in range(200)]
    app = NewsReaderApp(articles=articles)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article_list = app.screen.query_one(ArticleList)
        for _ in range(3):
            article_list.post_message(
                events.MouseScrollDown(article_list, 5, 5, 0, 0, 0, False, False, False)
            )
            await pilot.pause()
        assert article_list.scroll_y > 0
        assert "Item 0 " not in visible_lines(article_list)[0]  # the first row scrolled away


def test_a_mistyped_command_is_named(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReaderError, match=r"lst \(did you mean 'newsreader list'\?\)"):
        run_app(["lst"])
    with pytest.raises(ReaderError) as error:
        run_app(["holiday.txt"])
    assert "did you mean" not in str(error.value)
