"""Opening a big library: process start to the first painted list, and peak memory.

    python bench/bench_app_library.py [--articles 100000] [--runs 3] [--rebuild]

The library (generated articles of about 300 words, in stories of four) is built once with the
library's bulk add and kept in /tmp/newsreader-bench-library-<N>.sqlite3, so reruns are quick.
Each run starts a fresh process on a pseudo-terminal (120x40) with NEWSREADER_LIBRARY set to
that file; the process exits on its first screen update that shows the list. Times are spawn to
exit; memory is the child's peak RSS (from wait4). Baseline in the same run: a bare Textual app
(Header, Footer) that exits on its first screen update. Runs alternate between the two.
A big library paints its newest rows first and reads the rest meanwhile: both moments are
timed ("first rows painted", "every row listed": the first update showing the whole list).
Goal: painted list under ~1.5 s and peak RSS well under 300 MB for 100,000 articles.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import OUTLETS, SIZE, WORDS, generated_titles, run_on_pty  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STORY_SIZE = 4
PARAGRAPHS = 5


def library_file(count: int) -> Path:
    return Path(tempfile.gettempdir()) / f"newsreader-bench-library-{count}.sqlite3"


def generated_items(count: int):  # noqa: ANN201 - (Article, raw) pairs, lazily
    from reader.model import Article

    rng = random.Random(11)
    shared = [" ".join(rng.choice(WORDS) for _ in range(60)) for _ in range(256)]
    for number, title in enumerate(generated_titles(count)):
        story = number // STORY_SIZE
        paragraphs = [
            f"{shared[(story * 7 + k * 31 + number % STORY_SIZE) % len(shared)]} ({number}.{k})"
            for k in range(PARAGRAPHS)
        ]
        article = Article(
            title=title,
            paragraphs=paragraphs,
            source=OUTLETS[number % len(OUTLETS)],
            date=f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
        )
        yield article, article.text


def build_library(count: int, rebuild: bool) -> Path:
    from reader.library import Library

    path = library_file(count)
    if path.exists() and not rebuild:
        with Library.open(path) as library:
            if library.count() == count:
                return path
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    print(f"building a library of {count:,} articles in {path} (once)…", flush=True)
    with Library.open(path) as library:
        library.add_articles(generated_items(count))
        with library.transaction() as c:  # stories of four, as regrouping would find them
            c.execute(f"UPDATE articles SET story = (id - 1) / {STORY_SIZE} + 1")
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


# -- child processes (one start-up each) ------------------------------------------------------
def child_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Footer()

        def _display(self, screen, renderable) -> None:  # noqa: ANN001 - Textual internals
            super()._display(screen, renderable)
            if renderable is not None:
                self.exit()

    BareApp().run()


def child_app(whole: bool) -> None:
    """Exits on the first screen update showing rows (``whole``: the whole library's rows,
    after the first screenful painted while the rest was read)."""
    from reader.ui.app import NewsReaderApp
    from reader.ui.screens.list_screen import ListScreen
    from reader.ui.widgets.article_list import ArticleList

    class FirstPaintApp(NewsReaderApp):
        def _display(self, screen, renderable) -> None:  # noqa: ANN001 - Textual internals
            super()._display(screen, renderable)
            if renderable is not None and isinstance(screen, ListScreen):
                if screen.query_one(ArticleList).order and not (whole and self.loading_rest):
                    self.exit()

    FirstPaintApp().run()


def time_child(kind: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to exit of one child on a 120x40 pty, and its peak RSS in MB."""
    return run_on_pty([sys.executable, __file__, "--child", kind], env, kind)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true", help="build the library again")
    parser.add_argument("--child", choices=("bare", "app", "whole"), help=argparse.SUPPRESS)
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build_library(args.articles, args.rebuild)
        return 0
    if args.child == "bare":
        child_bare()
        return 0
    if args.child in ("app", "whole"):
        child_app(whole=args.child == "whole")
        return 0

    # built in a process of its own: a child forked from a big parent would report its RSS
    build = [sys.executable, __file__, "--build", "--articles", str(args.articles)]
    subprocess.run(build + (["--rebuild"] if args.rebuild else []), check=True)
    path = library_file(args.articles)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(SIZE[0]), LINES=str(SIZE[1]))
        env["NEWSREADER_CONFIG"] = str(Path(home) / "config.toml")
        env["NEWSREADER_LIBRARY"] = str(path)
        env["PYTHONPATH"] = str(ROOT)
        time_child("bare", env)  # warm the file cache for both
        time_child("app", env)
        runs: dict[str, list[tuple[float, float]]] = {"bare": [], "app": [], "whole": []}
        for _ in range(args.runs):
            for kind, timings in runs.items():
                timings.append(time_child(kind, env))
    bare_s = statistics.median(t for t, _ in runs["bare"])
    bare_mb = max(m for _, m in runs["bare"])
    print(f"library start-up to first painted list, {args.articles:,} articles, 120x40 pty")
    print(f"  {'bare Textual app':34} median {bare_s * 1000:7.1f} ms   peak RSS {bare_mb:6.1f} MB")
    for kind, label in (
        ("app", "newsreader, first rows painted"),
        ("whole", "newsreader, every row listed"),
    ):
        app_s = statistics.median(t for t, _ in runs[kind])
        best = min(t for t, _ in runs[kind])
        app_mb = max(m for _, m in runs[kind])
        print(
            f"  {label:34} median {app_s * 1000:7.1f} ms   best {best * 1000:7.1f} ms"
            f"   peak RSS {app_mb:6.1f} MB   ratio {app_s / bare_s:.2f}"
        )
    print("  goal: painted list < ~1.5 s, peak RSS well under 300 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
