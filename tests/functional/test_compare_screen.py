"""The compare screen driven with the keyboard (Pilot), on a hand-made alignment."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from textual.app import App
from textual.widgets import LoadingIndicator, OptionList

from reader.alignment import Alignment, Row
from reader.model import Article
from reader.ui.compare import (
    BINDING_IDS,
    ComparePicker,
    CompareScreen,
    pick_and_compare,
    rank_candidates,
)
from reader.ui.compare.panes import ComparePanes
from tests.functional.compare_data import build_alignment, make_articles


class CompareApp(App[None]):
    """Opens the compare screen on the fixture articles."""

    def __init__(self, aligner: Callable[[str, str], Alignment] = build_alignment) -> None:
        super().__init__()
        self.aligner = aligner

    def on_mount(self) -> None:
        a, b = make_articles()
        self.push_screen(CompareScreen(a, b, aligner=self.aligner))


def screen_text(app: App) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def panes_text(app: App) -> list[str]:
    """The panes' visible lines only (no header, status or footer)."""
    panes = app.screen.query_one(ComparePanes)
    region = panes.region
    lines = screen_text(app)[region.y : region.y + region.height]
    return [line[region.x : region.x + region.width] for line in lines]


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def cursor(app: App) -> int:
    return app.screen.query_one(ComparePanes).cursor_row


async def test_rows_are_aligned_and_marked() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = "\n".join(screen_text(app))
        assert "Old bridge to close for repairs" in text and "Valley Herald" in text
        assert "In common: 64% of A is in B, 86% of B is in A" in text
        lines = panes_text(app)
        first = next(line for line in lines if "The river council" in line)
        # Row 0 is a changed pair: both versions start on the same screen line, with marks.
        assert first.startswith("- The river council") and "│ + The town's old bridge" in first
        same = next(line for line in lines if "Engineers found" in line)
        assert same.count("Engineers found cracks") == 2
        only = next(line for line in lines if "Shop owners" in line)
        assert only.startswith("* Shop owners") and only.split("│")[1].strip() == ""
        assert any(line.startswith("* only in A") for line in lines)
        assert any("│ * only in B" in line for line in lines)
        assert any(line.startswith("m moved") for line in lines)


async def test_article_markup_is_shown_literally() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await pilot.pause()
        assert any("Markup like [bold]this[/bold] is text" in line for line in panes_text(app))


async def test_next_and_previous_difference() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert cursor(app) == 0
        await pilot.press("n")
        assert cursor(app) == 2  # row 1 is identical: skipped
        await pilot.press("right_square_bracket")
        assert cursor(app) == 3
        await pilot.press("left_square_bracket")
        assert cursor(app) == 2
        await pilot.press("N")
        assert cursor(app) == 0
        await pilot.press("N")  # nothing above: stays
        assert cursor(app) == 0
        await pilot.press("G")
        await pilot.pause()
        assert cursor(app) == 9
        status = "\n".join(screen_text(app))
        assert "Row 10/10 only in A" in status and "diff 8/8" in status


async def test_next_difference_scrolls_it_into_view() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 14)) as pilot:
        await settle(pilot)
        for _ in range(7):
            await pilot.press("n")
        await pilot.pause()
        assert cursor(app) == 9
        assert any("Markup like" in line for line in panes_text(app))


async def test_moved_passage_jumps_to_its_partner() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 16)) as pilot:
        await settle(pilot)
        await pilot.press("m")  # not on a moved row: goes to the first moved passage
        assert cursor(app) == 3
        await pilot.press("m")
        assert cursor(app) == 7
        await pilot.pause()
        assert any("three million euros" in line for line in panes_text(app))
        await pilot.press("m")
        assert cursor(app) == 3
        await pilot.pause()
        assert any("two million euros" in line for line in panes_text(app))


async def test_swap_puts_b_on_the_left() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.article_a.title == "Council shuts the town bridge"
        text = "\n".join(screen_text(app))
        assert "A  Council shuts the town bridge" in text
        assert "In common: 86% of A is in B, 64% of B is in A" in text
        first = next(line for line in panes_text(app) if "The town's old bridge" in line)
        assert first.startswith("- The town's old bridge") and "│ + The river council" in first
        assert cursor(app) == 2  # the same row stays current
        await pilot.press("s")
        await pilot.pause()
        assert panes_text(app)[0].startswith("- The river council")


async def test_unified_toggle() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await pilot.pause()
        lines = panes_text(app)
        assert not any("│" in line for line in lines)
        assert lines[0].startswith("A- The river council")
        b_line = next(i for i, line in enumerate(lines) if "The town's old bridge" in line)
        assert lines[b_line].startswith("B+ ")
        assert any(line.startswith("A* only in A") for line in lines)
        assert "unified" in "\n".join(screen_text(app))
        await pilot.press("u")
        await pilot.pause()
        assert any("│" in line for line in panes_text(app))


async def test_narrow_terminal_is_unified_and_rechecked_on_resize() -> None:
    app = CompareApp()
    async with app.run_test(size=(70, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.unified
        assert panes_text(app)[0].startswith("A- The river council")
        await pilot.resize_terminal(130, 30)
        await pilot.pause()
        assert not screen.unified
        assert "│" in panes_text(app)[0]
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert screen.unified


async def test_paging_moves_at_once_without_animation() -> None:
    app = CompareApp()
    async with app.run_test(size=(100, 14)) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(ComparePanes)
        assert panes.scroll_y == 0
        await pilot.press("pagedown")
        assert panes.scroll_y > 0  # no animation in flight: already there
        assert not app.animator.is_being_animated(panes, "scroll_y")
        await pilot.press("pageup")
        assert panes.scroll_y == 0


async def test_help_lists_the_keys() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.SCOPE == "help"  # the same key screen as the list and the reader
        text = "\n".join(screen_text(app))
        assert "Swap the left and right articles" in text and "Next diff" in text
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        for binding in CompareScreen.BINDINGS + ComparePanes.BINDINGS + ComparePicker.BINDINGS:
            assert binding.id and binding.description  # type: ignore[union-attr]
        assert len(BINDING_IDS) == len(set(BINDING_IDS)) >= 14


async def test_back_leaves_the_screen() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


async def test_interface_stays_live_while_aligning() -> None:
    release = threading.Event()

    def slow_aligner(a_text: str, b_text: str) -> Alignment:
        release.wait(10)
        return build_alignment(a_text, b_text)

    app = CompareApp(slow_aligner)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one(LoadingIndicator).display
        await pilot.press("u")  # keys still work while the worker runs
        assert app.screen.unified  # type: ignore[attr-defined]
        release.set()
        await settle(pilot)
        assert not app.screen.query_one(LoadingIndicator).display
        assert panes_text(app)[0].startswith("A- The river council")


async def test_a_failing_alignment_is_one_line_not_a_crash() -> None:
    def broken(a_text: str, b_text: str) -> Alignment:
        raise ValueError("boom\nsecond line")

    app = CompareApp(broken)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = "\n".join(screen_text(app))
        assert "Could not compare these articles: boom" in text
        assert "second line" not in text
        await pilot.press("n", "m", "s", "u")  # harmless without an alignment
        assert isinstance(app.screen, CompareScreen)


def _candidates() -> list[Article]:
    a, b = make_articles()
    unrelated = Article(title="Chess club wins the regional cup", paragraphs=["A long match."])
    cousin = Article(title="Bridge repairs in the next town", paragraphs=["Another bridge."])
    return [a, unrelated, b, cousin]


class PickerApp(App[None]):
    def __init__(self, candidates: list[Article], story_of=None) -> None:
        super().__init__()
        self.candidates = candidates
        self.story_of = story_of

    def on_mount(self) -> None:
        pick_and_compare(self, self.candidates[0], self.candidates, self.story_of)


async def test_picker_enter_takes_the_closest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.ui.compare.screen.default_aligner", lambda: build_alignment)
    candidates = _candidates()
    app = PickerApp(candidates)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)  # the ranking worker
        assert isinstance(app.screen, ComparePicker)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 3  # the article itself is not offered
        assert options.highlighted == 0
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.article_b is candidates[2]
        assert any("The river council" in line for line in panes_text(app))


async def test_picker_escape_cancels() -> None:
    app = PickerApp(_candidates())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (ComparePicker, CompareScreen))


def test_same_story_comes_first() -> None:
    candidates = _candidates()
    stories = {id(candidates[0]): 1, id(candidates[1]): 1, id(candidates[2]): 2}
    ranked = rank_candidates(candidates[0], candidates, lambda art: stories.get(id(art)))
    assert ranked[0].index == 1 and ranked[0].same_story
    assert [c.index for c in ranked[1:]][0] == 2  # then the most similar
    plain = rank_candidates(candidates[0], candidates)
    assert plain[0].index == 2 and plain[-1].index == 1


async def test_no_candidates_notifies() -> None:
    a, _ = make_articles()

    class Lonely(App[None]):
        def on_mount(self) -> None:
            pick_and_compare(self, a, [a])

    app = Lonely()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ComparePicker)
        assert any("no other article" in n.message for n in app._notifications)


async def test_real_aligner_on_two_seed_articles(seeds_dir) -> None:
    pytest.importorskip("reader.align")
    from reader.ui.compare.screen import default_aligner

    texts = sorted(seeds_dir.glob("00[13]_*.txt"))
    a, b = (
        Article(title=path.name, paragraphs=path.read_text(encoding="utf-8").split("\n\n"))
        for path in texts
    )

    class SeedApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(CompareScreen(a, b, aligner=default_aligner()))

    app = SeedApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.alignment is not None
        assert screen.alignment.rows
        assert "In common:" in "\n".join(screen_text(app))
        await pilot.press("n", "pagedown", "u", "s")


async def test_keymap_remaps_a_compare_binding_by_id() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.set_keymap({"compare.next": "x"})
        await pilot.pause()
        await pilot.press("x")
        assert cursor(app) == 2


def test_fallback_ranking_without_the_similarity_module() -> None:
    from reader.ui.compare.picker import _fallback_rank

    candidates = _candidates()
    ranked = _fallback_rank(candidates[0], candidates[1:])
    assert ranked[0][0] == 1  # the other bridge article (index 2 of the full list)
    assert ranked[-1][0] == 0  # the chess club
    assert all(0 <= score <= 100 for _, score in ranked)


async def test_markup_and_escape_sequences_in_titles_and_text_are_inert() -> None:
    a = Article(title="[bold]Loud[/bold] title \x1b[2J", paragraphs=["Text with [red]tags[/red]."])
    b = Article(title="Plain", paragraphs=["Other \x1b[31mcoloured\x1b[0m text."])

    def whole_texts(a_text: str, b_text: str) -> Alignment:
        rows = [Row("only_a", ((0, len(a_text)),), None), Row("only_b", None, ((0, len(b_text)),))]
        return Alignment(a_text, b_text, rows=rows)

    class InertApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(CompareScreen(a, b, aligner=whole_texts))

    app = InertApp()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        text = "\n".join(screen_text(app))
        assert "[bold]Loud[/bold] title" in text
        assert "Text with [red]tags[/red]." in text
        assert "\x1b" not in text and "[31mcoloured" in text


def _long_alignment(rows: int) -> tuple[Article, Article, Callable[[str, str], Alignment]]:
    sentences = [f"Sentence number {i} says the same thing on both sides." for i in range(rows)]
    a = Article(title="Long A", paragraphs=sentences)
    b = Article(title="Long B", paragraphs=sentences)

    def aligner(a_text: str, b_text: str) -> Alignment:
        spans, start = [], 0
        for sentence in sentences:
            spans.append((start, start + len(sentence)))
            start += len(sentence) + 2
        kinds = ["changed" if i % 7 == 3 else "identical" for i in range(rows)]
        return Alignment(
            a_text,
            b_text,
            rows=[Row(k, (s,), (s,)) for k, s in zip(kinds, spans, strict=True)],  # type: ignore[arg-type]
        )

    return a, b, aligner


async def test_long_pair_is_wrapped_off_the_ui_thread() -> None:
    a, b, aligner = _long_alignment(900)

    class LongApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(CompareScreen(a, b, aligner=aligner))

    app = LongApp()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(ComparePanes)
        assert not panes.layout_pending  # the worker's layout had the right width
        assert panes_text(app)[0].startswith("  Sentence number 0 says")
        await pilot.press("n")
        assert cursor(app) == 3
        await pilot.press("u")  # needs a new layout: computed in a worker
        await settle(pilot)
        assert not panes.layout_pending
        assert not any("│" in line for line in panes_text(app))
        assert cursor(app) == 3
        assert any("Sentence number 3 says" in line for line in panes_text(app))
        await pilot.resize_terminal(90, 30)
        await settle(pilot)
        assert any("Sentence number 3 says" in line for line in panes_text(app))


async def test_scrolling_and_clicking_move_the_current_row() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 16)) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(ComparePanes)
        panes.scroll_to(y=20, animate=False)  # what the wheel or the scrollbar does
        await pilot.pause()
        assert panes.scroll_y > 0
        top_row = panes.current_layout.row_at(round(panes.scroll_y))
        assert cursor(app) >= top_row  # the current row followed the view
        await pilot.click(ComparePanes, offset=(10, 0))
        assert cursor(app) == panes.current_layout.lines[round(panes.scroll_y)].row


async def test_theme_change_repaints_with_the_new_colours() -> None:
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        panes = app.screen.query_one(ComparePanes)

        def changed_word_style():
            strip = panes.render_line(0)
            return next(seg.style for seg in strip if seg.text == "river")

        dark = changed_word_style()
        app.theme = "textual-light"
        await pilot.pause()
        light = changed_word_style()
        assert dark is not None and light is not None
        assert dark.bgcolor != light.bgcolor  # the cached strips were dropped
        assert light.bold and light.underline  # not colour alone


async def test_swap_while_aligning_shows_only_the_swapped_result() -> None:
    release = threading.Event()
    calls: list[str] = []

    def slow_aligner(a_text: str, b_text: str) -> Alignment:
        calls.append(a_text[:10])
        if len(calls) == 1:
            release.wait(10)  # the first (superseded) run finishes last
        return build_alignment(a_text, b_text)

    app = CompareApp(slow_aligner)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause(0.2)
        release.set()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.alignment is not None
        assert screen.alignment.a_text == screen.article_a.text
        assert panes_text(app)[0].startswith("- The town's old bridge")


def test_the_picker_orders_the_closest_by_text_in_common() -> None:
    # QA: the first entry (by shared words) could share no passage at all with the article.
    from reader.ui.compare.picker import Candidate, measure_shared

    target = Article(
        title="Dam bursts after storm",
        paragraphs=[
            "A dam burst on the river after three days of storms, flooding two villages.",
            "Engineers had warned about cracks in the wall of the dam since last spring.",
        ],
    )
    copy = Article(
        title="Villages flooded",
        paragraphs=[
            "A dam burst on the river after three days of storms, flooding two villages.",
            "Engineers had warned about cracks in the dam's wall since last spring.",
        ],
    )
    same_words = Article(
        title="Storm season",
        paragraphs=["Storms and rivers: villages, dams and engineers in spring and cracks."],
    )
    articles = [target, same_words, copy]
    ranked = [Candidate(1, 80.0, True), Candidate(2, 60.0, True)]
    measured = measure_shared(target, articles.__getitem__, ranked)
    assert [c.index for c in measured] == [2, 1]
    assert measured[0].shared is not None and measured[0].shared > 0.9
    assert measured[1].shared == 0.0
