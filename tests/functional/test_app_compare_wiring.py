"""The app hands the compare view its stories and its keymap."""

from __future__ import annotations

from reader.config import config_path
from reader.ui.app import NewsReaderApp
from reader.ui.compare import ComparePicker
from tests.functional.app_support import sample_articles, settled

SIZE = (120, 40)


async def picker_ranked(pilot) -> None:
    """Wait until the compare picker is up and has ranked its candidates."""
    for _ in range(100):
        await pilot.pause(0.05)
        if isinstance(pilot.app.screen, ComparePicker) and pilot.app.screen.ranked:
            return


async def test_compare_picker_offers_the_same_story_first() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        bridge = next(e for e in app.entries if e.article.title.startswith("Bridge"))
        rail = next(e for e in app.entries if e.article.title.startswith("Flood shuts"))
        assert bridge.story is not None and bridge.story == rail.story
        app.compare(bridge.index)
        await picker_ranked(pilot)
        picker = app.screen
        assert isinstance(picker, ComparePicker)
        first = picker.ranked[0]
        assert first.same_story  # without story_of the picker never knows the story
        assert picker.candidates[first.index].title == rail.article.title


async def test_keymap_may_remap_compare_bindings_without_warning() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keymap]\n"compare.swap" = "x"\n', encoding="utf-8")
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any("unknown binding" in n.message for n in app._notifications)


async def test_the_picker_moves_with_j_and_k_and_shows_the_compare_views_share() -> None:
    from textual.widgets import OptionList

    from reader.align import align

    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await settled(pilot)
        bridge = next(e for e in app.entries if e.article.title.startswith("Bridge"))
        app.compare(bridge.index)
        await picker_ranked(pilot)
        picker = app.screen
        assert isinstance(picker, ComparePicker) and picker.ranked
        options = picker.query_one(OptionList)
        await pilot.press("j")
        assert options.highlighted == 1
        await pilot.press("k")
        assert options.highlighted == 0
        await pilot.press("G")
        assert options.highlighted == len(picker.ranked) - 1
        actions = {active.binding.action for active in picker.active_bindings.values()}
        assert "scroll_right" not in actions and "page_left" not in actions
        # The number shown is the compare header's "% of A is in B" for this pair.
        first = picker.ranked[0]
        other = picker.candidates[first.index]
        share = align(bridge.article.text, other.text).summary.a_in_b
        prompt = str(options.get_option_at_index(0).prompt)
        assert prompt.lstrip().startswith(f"{round(100 * share)}%"), prompt
