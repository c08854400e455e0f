"""`r` (show removed lines) on an article with tens of thousands of removed lines (issue 5).

    python bench/bench_removed_lines.py [--removed 80000] [--paragraphs 2000] [--runs 3]

In-process, headless at 120x40: the reader opens one generated article, then `r` is pressed
and released with a 10 ms timer ticking on the UI thread. Reported per run: the longest gap
between two ticks (how long the UI could not answer a key) and the time until the removed
lines were laid out. Baseline in the same run: the old way, i.e. Rich ``Text`` per removed line
wrapped with ``Text.wrap`` on the UI thread (built here from the same blocks), which is how long
the UI froze before. Goal: longest gap <= 100 ms, ratio gap / baseline <= 0.05.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.console import Console  # noqa: E402
from rich.text import Text  # noqa: E402

from reader.model import Article, RemovedLine  # noqa: E402


def article(removed: int, paragraphs: int) -> Article:
    return Article(
        title="An article with a lot of furniture",
        paragraphs=[f"Paragraph {n} of the story, " * 8 for n in range(paragraphs)],
        removed=[
            RemovedLine(f"Share story {n} with friends " * (1 + n % 3), "share", n % paragraphs)
            for n in range(removed)
        ],
    )


def old_wrap_seconds(item: Article, column: int = 80) -> float:
    """The previous layout of removed lines: a styled Text each, ``Text.wrap`` per line."""
    console = Console(width=120)
    started = time.perf_counter()
    for line in item.removed:
        text = Text("✂ ")
        text.append(line.text)
        text.append(f"  ({line.reason})", "italic")
        for wrapped in text.wrap(console, column - 2, overflow="fold"):
            wrapped.rstrip()
    return time.perf_counter() - started


async def toggle(item: Article) -> tuple[float, float]:
    from reader.ui.app import NewsReaderApp

    app = NewsReaderApp(articles=[item])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        app.set_interval(0.01, tick)
        await pilot.pause(0.2)
        gaps.clear()
        started = time.perf_counter()
        await pilot.press("r")
        view = app.screen.view
        while view.laying_out:
            await asyncio.sleep(0.005)
        done = time.perf_counter() - started
        await pilot.pause(0.05)
        assert any(line.startswith("✂") for line in view.lines_text)
        return max(gaps), done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--removed", type=int, default=80_000)
    parser.add_argument("--paragraphs", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    item = article(args.removed, args.paragraphs)
    rows = []
    for run in range(args.runs):
        baseline = old_wrap_seconds(item)
        gap, done = asyncio.run(toggle(item))
        rows.append((baseline, gap, done))
        print(
            f"run {run + 1}: old freeze {baseline:.2f} s · longest UI gap now {gap * 1000:.0f} ms"
            f" · laid out after {done:.2f} s · ratio {gap / baseline:.3f}"
        )
    gap = statistics.median(row[1] for row in rows)
    ratio = statistics.median(row[1] / row[0] for row in rows)
    verdict = "ok" if gap <= 0.1 and ratio <= 0.05 else "MISSED"
    print(f"median longest gap {gap * 1000:.0f} ms, ratio {ratio:.3f} (goal <= 100 ms, <= 0.05)")
    print(verdict)


if __name__ == "__main__":
    main()
