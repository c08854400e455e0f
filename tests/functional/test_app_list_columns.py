"""The list's columns at 70 and 140 columns: empty columns take no room, narrow ones give way."""

from __future__ import annotations

from reader.model import Article
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_list import ArticleList, ListHeading
from tests.functional.app_support import sample_articles, settled, visible_lines

# Unrelated articles (no story of several), none names its outlet.
NO_OUTLET = [
    Article(title=title, paragraphs=[text], date=f"2026-03-{10 + n:02d}")
    for n, (title, text) in enumerate(
        (
            ("Harbour crane collapses into the sea during an autumn gale", "Dockers fled."),
            ("Orchard growers expect the sweetest apple crop in a decade", "Sugar is high."),
            ("Railway museum opens a restored steam engine shed to visitors", "Coal smoke."),
            ("Library fines abolished after the town council votes them out", "Books back."),
        )
    )
]


def heading(app: NewsReaderApp) -> str:
    return app.screen.query_one(ListHeading).render_line(0).text


def rows(app: NewsReaderApp) -> list[str]:
    return [line for line in visible_lines(app.screen.query_one(ArticleList)) if line]


async def test_columns_no_row_fills_take_no_room_at_any_width() -> None:
    for width in (70, 140):
        app = NewsReaderApp(articles=NO_OUTLET)
        async with app.run_test(size=(width, 20)) as pilot:
            await settled(pilot)
            top = heading(app)
            assert "outlet" not in top and "story" not in top, (width, top)
            assert top.split() == ["title", "date", "length"], (width, top)
            first = rows(app)[0]
            # The title starts right after the marks and runs up to the date.
            assert first.startswith("●  Library fines abolished")
            date_at = first.index("2026-03-13")
            assert top.index("date") == date_at
            assert first.rstrip().endswith("w")
            # Marks, title, date and length fill the row: no room kept for an outlet or story.
            assert date_at == width - len("  2026-03-13  length")
            if width == 140:
                assert "the town council votes them out" in first  # the whole title fits


async def test_a_full_list_at_70_columns_drops_the_length_first() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=(70, 20)) as pilot:
        await settled(pilot)
        assert heading(app).split() == ["story", "title", "outlet", "date"]
        first = rows(app)[0]
        assert "Coast Wire" in first and first.endswith("2026-03-11")
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=(140, 20)) as pilot:
        await settled(pilot)
        assert heading(app).split() == ["story", "title", "outlet", "date", "length"]
        assert "31 w" in rows(app)[0]


async def test_heading_lines_up_with_the_rows_beside_a_scrollbar() -> None:
    many = [
        Article(title=f"Headline {n}", paragraphs=["Text."], source="Wire", date="2026-01-02")
        for n in range(60)
    ]
    for width in (70, 140):
        app = NewsReaderApp(articles=many)
        async with app.run_test(size=(width, 20)) as pilot:
            await settled(pilot)
            article_list = app.screen.query_one(ArticleList)
            assert article_list.scrollable_content_region.width < article_list.size.width
            top, first = heading(app), rows(app)[0]
            assert top.index("outlet") == first.index("Wire")
            assert top.index("date") == first.index("2026-01-02")


async def test_status_names_the_files_only_when_that_fits_whole(tmp_path) -> None:  # noqa: ANN001
    for n, article in enumerate(NO_OUTLET):
        (tmp_path / f"{n}.txt").write_text(f"{article.title}\n\n{article.paragraphs[0]}\n")
    for width, shown in ((60, False), (70, True)):
        app = NewsReaderApp([tmp_path])
        async with app.run_test(size=(width, 20)) as pilot:
            await settled(pilot)
            status = str(app.screen.query_one("#status").render())
            assert status.startswith("4 articles · 4 unread · 4 stories · sorted by date")
            assert status.endswith(" · 4 files") == shown, (width, status)
            assert len(status) <= width - 2
