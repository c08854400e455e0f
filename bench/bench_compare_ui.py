"""Keypress to repaint while paging the compare screen on a long pair (issue 4, point 4).

    python bench/bench_compare_ui.py [--sentences 2000] [--presses 60] [--real]

Opens the compare screen headless at 140x40 on two generated articles of N sentences each
(every fifth sentence reworded, some only on one side), then presses pagedown/pageup and times
each press from the key to the end of the repaint: the screen update is rendered to the
terminal byte string, as a real terminal would get it (headless Textual skips only the write).
Baseline, same run, same keys and the same number of display lines: a plain Line API
ScrollView of unstyled lines. Goal: compare median <= 16 ms. `--real` aligns the pair with
`reader.align.align` instead of the generated alignment (slower to start; same paging).
"""

from __future__ import annotations

import argparse
import asyncio
import difflib
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.segment import Segment  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.geometry import Size  # noqa: E402
from textual.scroll_view import ScrollView  # noqa: E402
from textual.strip import Strip  # noqa: E402

from reader.alignment import Alignment, DiffOp, Pair, Row, Span, Summary  # noqa: E402
from reader.model import Article  # noqa: E402
from reader.ui.compare import CompareScreen  # noqa: E402
from reader.ui.compare.layout import layout  # noqa: E402
from reader.ui.compare.panes import ComparePanes  # noqa: E402

SIZE = (140, 40)


def long_pair(sentences: int) -> tuple[Article, Article]:
    a_parts: list[str] = []
    b_parts: list[str] = []
    for i in range(sentences):
        a_parts.append(f"Sentence {i} of the long report says the council met on day {i % 31}.")
        if i % 5 == 1:
            b_parts.append(f"Sentence {i} of the long report says a committee met on day {i % 29}.")
        elif i % 17 == 3:
            b_parts.append(f"Only B has sentence {i}, about something else entirely.")
        else:
            b_parts.append(a_parts[-1])
    a = Article("Long report (A)", [" ".join(a_parts[i : i + 4]) for i in range(0, sentences, 4)])
    b = Article("Long report (B)", [" ".join(b_parts[i : i + 4]) for i in range(0, sentences, 4)])
    return a, b


def _word_ops(a_text: str, a_span: Span, b_text: str, b_span: Span) -> tuple[DiffOp, ...]:
    def words(text: str, span: Span) -> list[Span]:
        return [
            (span[0] + m.start(), span[0] + m.end())
            for m in re.finditer(r"\S+", text[span[0] : span[1]])
        ]

    a_words, b_words = words(a_text, a_span), words(b_text, b_span)
    matcher = difflib.SequenceMatcher(
        a=[a_text[s:e] for s, e in a_words], b=[b_text[s:e] for s, e in b_words], autojunk=False
    )
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_part = (a_words[i1][0], a_words[i2 - 1][1]) if i2 > i1 else (a_span[0], a_span[0])
        b_part = (b_words[j1][0], b_words[j2 - 1][1]) if j2 > j1 else (b_span[0], b_span[0])
        ops.append(DiffOp(tag, a_part, b_part))  # type: ignore[arg-type]
    return tuple(ops)


def generated_alignment(a: Article, b: Article) -> Alignment:
    """What an aligner would say about the generated pair: sentence i against sentence i."""
    a_text, b_text = a.text, b.text
    a_spans = [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", a_text)]
    b_spans = [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", b_text)]
    pairs: list[Pair] = []
    rows: list[Row] = []
    for a_span, b_span in zip(a_spans, b_spans, strict=True):
        a_sentence, b_sentence = a_text[a_span[0] : a_span[1]], b_text[b_span[0] : b_span[1]]
        if b_sentence.lstrip().startswith("Only B"):
            rows += [Row("only_a", (a_span,), None), Row("only_b", None, (b_span,))]
            continue
        kind = "identical" if a_sentence == b_sentence else "changed"
        diff = () if kind == "identical" else _word_ops(a_text, a_span, b_text, b_span)
        pairs.append(Pair((a_span,), (b_span,), kind, 90.0, diff))  # type: ignore[arg-type]
        rows.append(Row(kind, (a_span,), (b_span,), (len(pairs) - 1,)))  # type: ignore[arg-type]
    return Alignment(a_text, b_text, pairs, [], [], rows, Summary(0.9, 0.9))


class PaintTimer:
    """Records when the last screen update was rendered to terminal bytes."""

    def __init__(self) -> None:
        self.last_paint = 0.0

    def paint(self, app: App, renderable: object) -> None:
        render = getattr(renderable, "render_segments", None)
        if render is not None:
            render(app.console)  # the bytes a terminal would receive
            self.last_paint = time.perf_counter()


class TimedApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.timer = PaintTimer()

    def _display(self, screen, renderable) -> None:  # noqa: ANN001 - Textual internals
        self.timer.paint(self, renderable)
        super()._display(screen, renderable)


class CompareBenchApp(TimedApp):
    def __init__(self, a: Article, b: Article, alignment: Alignment | None) -> None:
        super().__init__()
        self.pair = (a, b)
        self.alignment = alignment
        self.shown_alignment: Alignment | None = None

    def on_mount(self) -> None:
        fixed = self.alignment
        aligner = (lambda _a, _b: fixed) if fixed is not None else None
        self.push_screen(CompareScreen(*self.pair, aligner=aligner))


class PlainLines(ScrollView, can_focus=True):
    """The baseline: the same number of lines, no styles, no layout work."""

    BINDINGS = [
        Binding("pagedown", "page_down", "Page down", id="bench.page_down"),
        Binding("pageup", "page_up", "Page up", id="bench.page_up"),
    ]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines
        self.virtual_size = Size(SIZE[0], len(lines))

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        text = self.lines[index] if 0 <= index < len(self.lines) else ""
        return Strip([Segment(text)]).adjust_cell_length(self.size.width)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + self.size.height - 1, animate=False, immediate=True)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_y - self.size.height + 1, animate=False, immediate=True)


class BaselineApp(TimedApp):
    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        yield PlainLines(self.lines)

    def on_mount(self) -> None:
        self.query_one(PlainLines).focus()


async def page_timings(app: TimedApp, presses: int, ready) -> list[float]:  # noqa: ANN001
    timings: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        key = "pagedown"
        for index in range(presses):
            if index and index % 40 == 0:
                key = "pageup" if key == "pagedown" else "pagedown"
            start = time.perf_counter()
            app.timer.last_paint = 0.0
            await pilot.press(key)
            await pilot.pause()
            if app.timer.last_paint:
                timings.append(app.timer.last_paint - start)
    return timings


async def compare_ready(pilot) -> None:  # noqa: ANN001
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one(ComparePanes).focus()
    pilot.app.shown_alignment = getattr(screen, "alignment", None)
    await pilot.pause()


async def baseline_ready(pilot) -> None:  # noqa: ANN001
    await pilot.pause()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--real", action="store_true", help="align with reader.align.align")
    args = parser.parse_args()

    a, b = long_pair(args.sentences)
    alignment: Alignment | None = None
    if not args.real:
        alignment = generated_alignment(a, b)
    started = time.perf_counter()
    compare_app = CompareBenchApp(a, b, alignment)
    compare = asyncio.run(page_timings(compare_app, args.presses, compare_ready))
    setup = time.perf_counter() - started

    # Same number of display lines as the compare view at this width.
    measured = compare_app.shown_alignment
    if measured is None:
        print("the compare screen showed no alignment", file=sys.stderr)
        return 1
    line_count = len(layout(measured, SIZE[0]).lines)
    t0 = time.perf_counter()
    layout(measured, SIZE[0])
    layout_ms = (time.perf_counter() - t0) * 1000
    lines = [
        f"{i:6d} plain baseline line of about the same length as a compare row"
        for i in range(line_count)
    ]
    baseline = asyncio.run(page_timings(BaselineApp(lines), args.presses, baseline_ready))

    if not compare or not baseline:
        print("no repaint was measured", file=sys.stderr)
        return 1
    c_med, b_med = statistics.median(compare) * 1000, statistics.median(baseline) * 1000
    print(
        f"pair: {args.sentences} sentences a side, {len(measured.rows)} rows, "
        f"{line_count} display lines at {SIZE[0]}x{SIZE[1]}"
        f"{' (reader.align)' if args.real else ' (generated alignment)'}"
    )
    print(
        f"layout of the whole pair (once per width/mode, cached): {layout_ms:.1f} ms; "
        f"app run incl. start: {setup:.2f} s"
    )
    print(
        f"keypress->repaint median  compare: {c_med:6.2f} ms   p90 "
        f"{statistics.quantiles(compare, n=10)[-1] * 1000:6.2f} ms   ({len(compare)} presses)"
    )
    print(
        f"keypress->repaint median baseline: {b_med:6.2f} ms   p90 "
        f"{statistics.quantiles(baseline, n=10)[-1] * 1000:6.2f} ms   (plain ScrollView)"
    )
    verdict = "meets" if c_med <= 16 else "MISSES"
    print(f"ratio compare/baseline: {c_med / b_med:.2f}   goal median <= 16 ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
