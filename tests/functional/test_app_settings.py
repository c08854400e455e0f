"""Themes, the keymap and the command palette, through Pilot, with the config on disk."""

from __future__ import annotations

import tomllib

from reader.config import config_path, load_config
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_list import ArticleList
from tests.functional.app_support import sample_articles

SIZE = (120, 40)


def write_config(text: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


async def test_theme_chosen_in_the_palette_persists_across_runs() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "newsreader-dark"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"theme: light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "newsreader-light"
    saved = tomllib.loads(config_path().read_text(encoding="utf-8"))
    assert saved["ui"]["theme"] == "newsreader-light"
    again = NewsReaderApp(articles=sample_articles())
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "newsreader-light"


async def test_all_three_shipped_themes_render() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        for name in ("newsreader-light", "newsreader-high-contrast", "textual-dark"):
            app.theme = name
            await pilot.pause()
            assert "Bridge closed" in app.screen.query_one(ArticleList).render_line(1).text
    assert load_config().theme == "textual-dark"


async def test_unknown_theme_in_config_falls_back_with_a_notice() -> None:
    write_config('[ui]\ntheme = "no-such-theme"\n')
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "newsreader-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_keymap_in_config_remaps_bindings_and_help_shows_the_new_keys() -> None:
    write_config('[keymap]\n"list.down" = "n"\n"list.sort" = "o"\n"list.nothing" = "x"\n')
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j")
        assert article_list.cursor == 0  # j no longer moves down
        await pilot.press("n", "n")
        assert article_list.cursor == 2
        await pilot.press("o")
        assert article_list.sort_key == "title"
        assert any("list.nothing" in n.message for n in app._notifications)
        await pilot.press("question_mark")
        await pilot.pause()
        keys = {what: keys for keys, what, _ in app.screen.rows}
        assert keys["Next article"] == "n"
        assert keys["Sort by date, title, outlet, length or story"] == "o"
        assert not any("loses it" in n.message for n in app._notifications)


async def test_a_key_given_to_two_commands_of_one_screen_is_reported() -> None:
    # QA: "list.star" = "s" took Sort's key without a word; Sort was then out of reach.
    write_config('[keymap]\n"list.star" = "s"\n"reader.star" = "R"\n')
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "config: key s now runs list.star; list.sort loses it" in messages
        assert "config: key R now runs reader.star; app.refresh loses it" in messages
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("s")  # what the warning says: s stars, it no longer sorts
        assert article_list.current_entry.starred and article_list.sort_key == "date"
        await pilot.press("enter", "R")
        await pilot.pause()
        assert article_list.current_entry.starred is False and not app.refreshing


async def test_compare_keys_are_checked_for_clashes_too() -> None:
    write_config('[keymap]\n"compare.swap" = "u"\n')
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "config: key u now runs compare.swap; compare.unified loses it" in messages
        from reader.ui.compare import CompareScreen
        from tests.functional.test_app_compare_wiring import picker_ranked

        app.compare(0)
        await picker_ranked(pilot)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, CompareScreen) and app.screen.alignment is not None:
                break
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        first = screen.article_a
        await pilot.press("u")
        await pilot.pause()
        assert screen.article_a is not first  # swapped, as the warning says
        assert not any("unknown binding" in message for message in messages)


async def test_palette_runs_the_screen_commands() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"sort")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ArticleList).sort_key == "title"


async def test_palette_lists_each_command_once() -> None:
    # QA: "Quit" and "Theme" were listed twice, Textual's own entry beside ours.
    from reader.ui.commands import COMMANDS

    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ours = {c.description for c in COMMANDS if c.palette and c.scope == "app"}
        system = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Quit", "Theme", "Keys"} <= ours
        assert not ours & set(system)
        assert "Screenshot" in system  # Textual's other commands stay


async def test_a_key_name_no_key_press_can_produce_is_reported() -> None:
    # QA round 4: "nonsense_key_name" was taken silently; "show removed" was out of reach.
    write_config('[keymap]\n"reader.removed" = "nonsense_key_name"\n"list.star" = "x,ctrl+k"\n')
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "config: [keymap] reader.removed: unknown key 'nonsense_key_name'" in messages
        assert not any("list.star" in message for message in messages)
