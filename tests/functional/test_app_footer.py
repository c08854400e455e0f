"""The footer shows whole keys only: at 80 columns no key is cut mid-word, `?` always stays."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from reader.ui.app import NewsReaderApp
from tests.functional.app_support import sample_articles, settled


def footer_line(app: NewsReaderApp) -> str:
    return [strip.text for strip in app.screen._compositor.render_strips()][-1]


def shown_keys(app: NewsReaderApp) -> list[FooterKey]:
    return [key for key in app.screen.query(FooterKey) if key.display]


async def until(pilot, condition, timeout: float = 10.0) -> None:
    waited = 0.0
    while not condition() and waited < timeout:
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause()


async def footer_drawn(pilot, timeout: float = 10.0) -> str:
    """The footer line once it is drawn (a cold first run can take longer than a pause)."""
    waited = 0.0
    while "? Keys" not in footer_line(pilot.app) and waited < timeout:
        await pilot.pause(0.05)
        waited += 0.05
    await pilot.pause()
    return footer_line(pilot.app)


async def test_keys_that_would_be_cut_are_left_out_and_come_back() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        line = await footer_drawn(pilot)
        for key in shown_keys(app):
            assert f"{key.key_display} {key.description}" in line  # whole
        assert "? Keys" in line and "Delet" not in line.replace("d Delete", "")
        narrow = len(shown_keys(app))
        await pilot.resize_terminal(140, 24)
        await until(pilot, lambda: len(shown_keys(app)) > narrow)
        assert len(shown_keys(app)) > narrow
        assert "d Delete" in footer_line(app) and "? Keys" in footer_line(app)
        assert "R Refresh" not in footer_line(app)  # a window of files has no feeds
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: len(shown_keys(app)) == narrow)
        assert len(shown_keys(app)) == narrow
        await pilot.press("enter")  # the reader's own keys are fitted too
        await until(pilot, lambda: "J Next" in footer_line(app))
        line = footer_line(app)
        assert "? Keys" in line and "J Next" in line
        for key in shown_keys(app):
            assert f"{key.key_display} {key.description}" in line


async def test_the_footer_stays_fitted_under_the_keys_screen_and_after_it() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        before = await footer_drawn(pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.3)
        under = footer_line(app)  # QA: "d Delet▏" while `?` was open
        assert under == before, (under, before)
        await pilot.press("escape")
        await until(pilot, lambda: "? Keys" in footer_line(app))
        after = footer_line(app)
        for key in shown_keys(app):
            assert f"{key.key_display} {key.description}" in after
