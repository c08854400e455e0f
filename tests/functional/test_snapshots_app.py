"""SVG snapshots of the article list and the reader at 120x40 (pytest-textual-snapshot).

Update after a deliberate visual change with ``pytest --snapshot-update``.
"""

from __future__ import annotations

from reader.ui.app import NewsReaderApp
from tests.functional.app_support import sample_articles, settled

SIZE = (120, 40)


def test_article_list_120x40(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await settled(pilot)
        await pilot.press("j")

    assert snap_compare(
        NewsReaderApp(articles=sample_articles()), terminal_size=SIZE, run_before=run_before
    )


def test_reader_120x40_with_removed_lines(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await settled(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()

    assert snap_compare(
        NewsReaderApp(articles=sample_articles()), terminal_size=SIZE, run_before=run_before
    )


def test_help_screen_over_the_list(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await settled(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(
        NewsReaderApp(articles=sample_articles()), terminal_size=SIZE, run_before=run_before
    )
