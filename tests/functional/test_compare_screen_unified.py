"""The unified compare view keeps paragraph breaks inside a changed passage (Pilot)."""

from __future__ import annotations

from textual.app import App

from reader.alignment import Alignment, DiffOp, Pair, Row, Span
from reader.model import Article
from reader.ui.compare import CompareScreen
from tests.functional.test_compare_screen import panes_text, screen_text, settle

A_PARAGRAPHS = ["Rain closed the harbour road on Monday.", "Boats stayed in port all week."]
B_TWO = ["Rain closed the harbour road on Sunday.", "Boats stayed in port all month."]
B_ONE = ["Rain closed the harbour road on Sunday. Boats stayed in port all month."]


def _spans(paragraphs: list[str]) -> tuple[Span, ...]:
    """One span per sentence; each paragraph here is one or two sentences."""
    spans: list[Span] = []
    start = 0
    for paragraph in paragraphs:
        offset = 0
        for sentence in paragraph.replace(". ", ".\0").split("\0"):
            at = paragraph.index(sentence, offset)
            spans.append((start + at, start + at + len(sentence)))
            offset = at + len(sentence)
        start += len(paragraph) + 2
    return tuple(spans)


def _changed_passage(a_paragraphs: list[str], b_paragraphs: list[str]):
    """An aligner returning one changed row: both whole texts, the differing word marked."""

    def aligner(a_text: str, b_text: str) -> Alignment:
        a_spans, b_spans = _spans(a_paragraphs), _spans(b_paragraphs)
        a_word, b_word = a_text.index("Monday"), b_text.index("Sunday")
        diff = (DiffOp("replace", (a_word, a_word + 6), (b_word, b_word + 6)),)
        pair = Pair(a_spans, b_spans, "changed", 80.0, diff)
        return Alignment(a_text, b_text, [pair], rows=[Row("changed", a_spans, b_spans, (0,))])

    return aligner


def _app(b_paragraphs: list[str]) -> App[None]:
    a = Article(title="Harbour A", paragraphs=list(A_PARAGRAPHS))
    b = Article(title="Harbour B", paragraphs=list(b_paragraphs))
    aligner = _changed_passage(A_PARAGRAPHS, b_paragraphs)

    class UnifiedApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(CompareScreen(a, b, aligner=aligner))

    return UnifiedApp()


def _drawn(lines: list[str]) -> list[str]:
    """The panes' lines up to the last one with text, right-trimmed."""
    trimmed = [line.rstrip() for line in lines]
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


async def test_unified_pairs_each_paragraph_with_its_version_and_keeps_the_break() -> None:
    app = _app(B_TWO)
    async with app.run_test(size=(120, 20)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert _drawn(panes_text(app)) == [
            "A- Rain closed the harbour road on Monday.",
            "B+ Rain closed the harbour road on Sunday.",
            " ~",
            "A~ Boats stayed in port all week.",
            "B~ Boats stayed in port all month.",
        ]


async def test_unified_never_runs_a_last_paragraph_into_b_first() -> None:
    app = _app(B_ONE)
    async with app.run_test(size=(120, 20)) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await pilot.pause()
        assert _drawn(panes_text(app)) == [
            "A- Rain closed the harbour road on Monday.",
            " ~",
            "A~ Boats stayed in port all week.",
            " ~",
            "B+ Rain closed the harbour road on Sunday. Boats stayed in port all month.",
        ]
        # The split view shows the same breaks, each side in its own pane.
        await pilot.press("u")
        await pilot.pause()
        lines = _drawn(panes_text(app))
        assert lines[0].startswith("- Rain closed") and "│ + Rain closed" in lines[0]
        assert lines[1].startswith("~ ") and lines[1].split("│")[0].strip() == "~"


async def test_a_one_side_passage_keeps_its_letter_on_blank_lines() -> None:
    def only_a(a_text: str, b_text: str) -> Alignment:
        spans = _spans(A_PARAGRAPHS)
        return Alignment(a_text, b_text, rows=[Row("only_a", spans, None)], only_a=list(spans))

    a = Article(title="Harbour A", paragraphs=list(A_PARAGRAPHS))
    b = Article(title="Harbour B", paragraphs=["Nothing alike here."])

    class OnlyApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(CompareScreen(a, b, aligner=only_a))

    app = OnlyApp()
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        assert _drawn(panes_text(app))[:4] == [
            "A* only in A",
            "A* Rain closed the harbour road on Monday.",
            "A*",
            "A* Boats stayed in port all week.",
        ]


async def test_narrow_header_breaks_between_counts_and_status_drops_the_legend() -> None:
    app = _app(B_ONE)
    async with app.run_test(size=(80, 20)) as pilot:
        await settle(pilot)
        text = [line.rstrip() for line in screen_text(app)]
        assert text[2].strip() == "In common: 0% of A is in B, 0% of B is in A"
        assert text[3].strip() == "1 changed, 0 moved, 0 sentences only in A, 0 sentences only in B"
        status = next(line for line in text if line.startswith(" Row 1/1"))
        assert status.strip() == "Row 1/1 changed · diff 1/1 · unified"
        await pilot.resize_terminal(140, 20)
        await pilot.pause()
        text = [line.rstrip() for line in screen_text(app)]
        assert "B is in A  ·  1 changed, 0 moved" in text[2]
        status = next(line for line in text if line.startswith(" Row 1/1"))
        assert status.endswith("marks: -/+ words, ~ changed, m moved, * one side only")
