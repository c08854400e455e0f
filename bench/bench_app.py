"""Start-up with 10,000 articles, and keypress-to-repaint in the reader and the list (issue 4).

    python bench/bench_app.py [--articles 10000] [--runs 5] [--paragraphs 3000] [--presses 60]

1. Start-up. Each run starts a fresh process on a pseudo-terminal (120x40) and times it from
   spawn to exit; the process exits on its first screen update that shows the list. Baseline in
   the same run: a bare Textual app (Header, Footer, the 10,000 titles held in memory, none
   drawn) that exits on its first screen update. Runs alternate between the two. Goal: the
   median ratio app / bare <= 1.3.
2. Paging. In-process, headless at 120x40: the reader on one generated article of N paragraphs
   (about 4 lines each), pagedown/pageup pressed M times; each press is timed from the key to the
   end of the repaint (the screen update rendered to the bytes a terminal would get). Same for
   the list of 10,000 articles. Baseline: a plain Line API ScrollView of unstyled lines, same
   keys. Goal: median <= 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import random
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 40)
OUTLETS = [f"Outlet {name}" for name in "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta".split()]
WORDS = (
    "council flood bridge minister talks budget storm harbour vote court police market bank"
    " school river railway strike hospital energy prices election summit treaty farmers"
).split()


def generated_titles(count: int) -> list[str]:
    size = len(WORDS)
    return [
        f"{WORDS[n % size].capitalize()} {WORDS[n * 7 % size]} {WORDS[n * 13 % size]}"
        f" {WORDS[n * 17 % size]} {WORDS[n * 19 % size]} ({n})"
        for n in range(count)
    ]


def generated_articles(count: int) -> list:
    """Articles around the same titles; bodies come from a few shared paragraphs (cheap)."""
    from reader.model import Article

    rng = random.Random(7)
    bodies = [" ".join(rng.choice(WORDS) for _ in range(60)) for _ in range(64)]
    return [
        Article(
            title=title,
            paragraphs=[bodies[number % len(bodies)]],
            source=OUTLETS[number % len(OUTLETS)],
            date=f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
        )
        for number, title in enumerate(generated_titles(count))
    ]


# -- child processes (one start-up each) ------------------------------------------------------
def child_bare(count: int) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header

    titles = generated_titles(count)

    class BareApp(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.titles = titles  # held, never drawn

        def compose(self) -> ComposeResult:
            yield Header()
            yield Footer()

        def _display(self, screen, renderable) -> None:  # noqa: ANN001 - Textual internals
            super()._display(screen, renderable)
            if renderable is not None:
                self.exit()

    BareApp().run()


def child_app(count: int) -> None:
    from reader.ui.app import NewsReaderApp
    from reader.ui.screens.list_screen import ListScreen
    from reader.ui.widgets.article_list import ArticleList

    articles = generated_articles(count)

    class FirstPaintApp(NewsReaderApp):
        def _display(self, screen, renderable) -> None:  # noqa: ANN001 - Textual internals
            super()._display(screen, renderable)
            if renderable is not None and isinstance(screen, ListScreen):
                if screen.query_one(ArticleList).order:
                    self.exit()

    FirstPaintApp(articles=articles).run()


def time_child(kind: str, count: int, env: dict[str, str]) -> float:
    """Seconds from spawn to exit of one child on a 120x40 pseudo-terminal."""
    command = [sys.executable, __file__, "--child", kind, "--articles", str(count)]
    elapsed, _ = run_on_pty(command, env, kind)
    return elapsed


def run_on_pty(command: list[str], env: dict[str, str], name: str) -> tuple[float, float]:
    """Run ``command`` on a 120x40 pseudo-terminal (its output read as a terminal would):
    seconds from spawn to exit, and the child's peak resident memory in MB."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    drained = threading.Event()

    def drain() -> None:  # a real terminal reads everything; so do we
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        drained.set()

    threading.Thread(target=drain, daemon=True).start()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    os.close(slave)
    drained.wait(2)
    os.close(master)
    if process.returncode != 0:
        raise SystemExit(f"{name} child failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def startup(count: int, runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]))
        env["NEWSREADER_CONFIG"] = str(Path(home) / "config.toml")
        env["NEWSREADER_LIBRARY"] = str(Path(home) / "library.sqlite3")
        env["PYTHONPATH"] = str(ROOT)
        time_child("bare", count, env)  # warm the file cache for both
        time_child("app", count, env)
        bare: list[float] = []
        app: list[float] = []
        for _ in range(runs):
            bare.append(time_child("bare", count, env))
            app.append(time_child("app", count, env))
    return statistics.median(bare), statistics.median(app)


# -- paging, in-process -------------------------------------------------------------------------
def timed(app_class: type) -> type:
    """``app_class`` recording when each screen update was rendered to terminal bytes."""

    class Timed(app_class):  # type: ignore[misc, valid-type]
        last_paint = 0.0

        def _display(self, screen, renderable) -> None:  # noqa: ANN001 - Textual internals
            render = getattr(renderable, "render_segments", None)
            if render is not None:
                render(self.console)  # the bytes a real terminal would receive
                self.last_paint = time.perf_counter()
            super()._display(screen, renderable)

    return Timed


async def press_timings(app, keys: list[str], ready) -> list[float]:  # noqa: ANN001
    timings: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for key in keys:
            await pilot.pause()
            app.last_paint = 0.0
            start = time.perf_counter()
            await pilot.press(key)
            waited = 0
            while not app.last_paint and waited < 100:
                await asyncio.sleep(0.001)
                waited += 1
            if app.last_paint:
                timings.append(app.last_paint - start)
    return timings


def paging_keys(presses: int) -> list[str]:
    # mostly forward, then back: every press scrolls (the article is long enough)
    return ["pagedown"] * (presses * 2 // 3) + ["pageup"] * (presses - presses * 2 // 3)


def long_article(paragraphs: int):  # noqa: ANN201
    from reader.model import Article, RemovedLine

    rng = random.Random(3)
    return Article(
        title="A very long report",
        paragraphs=[" ".join(rng.choice(WORDS) for _ in range(50)) for _ in range(paragraphs)],
        source="Outlet Alpha",
        date="2025-06-01",
        removed=[RemovedLine("Advertisement", "promo", k) for k in range(0, paragraphs, 7)],
    )


async def reader_paging(paragraphs: int, presses: int) -> list[float]:
    from reader.config import Config
    from reader.ui.app import NewsReaderApp

    app = timed(NewsReaderApp)(articles=[long_article(paragraphs)], config=Config())

    async def ready(pilot) -> None:  # noqa: ANN001
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r")  # removed lines shown: the heavier case
        await pilot.pause()

    return await press_timings(app, paging_keys(presses), ready)


async def list_paging(count: int, presses: int) -> list[float]:
    from reader.config import Config
    from reader.ui.app import NewsReaderApp

    app = timed(NewsReaderApp)(articles=generated_articles(count), config=Config())

    async def ready(pilot) -> None:  # noqa: ANN001
        # steady state: story grouping (a background thread) has finished
        started = time.perf_counter()
        while not pilot.app.stories_settled and time.perf_counter() - started < 120:
            await pilot.pause(0.1)
        print(f"  (story grouping of {count:,} articles: {time.perf_counter() - started:.1f} s)")

    return await press_timings(app, paging_keys(presses), ready)


async def baseline_paging(lines: int, presses: int) -> list[float]:
    from rich.segment import Segment
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.geometry import Size
    from textual.scroll_view import ScrollView
    from textual.strip import Strip

    text = [f"line {n} " + "plain text " * 8 for n in range(lines)]

    class PlainLines(ScrollView, can_focus=True):
        BINDINGS = [
            Binding("pagedown", "down_page", id="x.down"),
            Binding("pageup", "up_page", id="x.up"),
        ]

        def on_mount(self) -> None:
            self.virtual_size = Size(100, len(text))

        def render_line(self, y: int) -> Strip:
            row = round(self.scroll_y) + y
            return Strip([Segment(text[row] if row < len(text) else "")])

        def action_down_page(self) -> None:
            self.scroll_to(y=self.scroll_y + self.size.height, animate=False, immediate=True)

        def action_up_page(self) -> None:
            self.scroll_to(y=self.scroll_y - self.size.height, animate=False, immediate=True)

    class Plain(App[None]):
        def compose(self) -> ComposeResult:
            yield PlainLines()

    async def ready(pilot) -> None:  # noqa: ANN001
        pilot.app.query_one(PlainLines).focus()
        await pilot.pause()

    return await press_timings(timed(Plain)(), paging_keys(presses), ready)


def describe(name: str, timings: list[float]) -> str:
    ms = sorted(t * 1000 for t in timings)
    p90 = ms[int(len(ms) * 0.9) - 1] if ms else float("nan")
    return f"{name:<34} median {statistics.median(ms):6.2f} ms   p90 {p90:6.2f} ms   n={len(ms)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--paragraphs", type=int, default=3_000)
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--child", choices=("bare", "app"), help=argparse.SUPPRESS)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare(args.articles)
        return 0
    if args.child == "app":
        child_app(args.articles)
        return 0

    if not args.skip_startup:
        bare, app = startup(args.articles, args.runs)
        print(f"start-up to first painted list, {args.articles:,} articles, 120x40 pty")
        print(f"  bare Textual app (titles held) median {bare * 1000:7.1f} ms")
        print(f"  newsreader list                median {app * 1000:7.1f} ms")
        print(f"  ratio {app / bare:.2f}  (goal <= 1.3)")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as home:
        os.environ["NEWSREADER_CONFIG"] = str(Path(home) / "config.toml")
        reader = asyncio.run(reader_paging(args.paragraphs, args.presses))
        listing = asyncio.run(list_paging(args.articles, args.presses))
        baseline = asyncio.run(baseline_paging(args.paragraphs * 4, args.presses))
    print(f"keypress to repaint, pagedown/pageup, headless {SIZE[0]}x{SIZE[1]}")
    print("  " + describe(f"reader, {args.paragraphs:,} paragraphs", reader))
    print("  " + describe(f"list, {args.articles:,} articles", listing))
    print("  " + describe("baseline plain ScrollView", baseline))
    print(
        f"  reader / baseline {statistics.median(reader) / statistics.median(baseline):.2f};"
        " goal: reader median <= 16 ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
