"""Cleaning speed: articles per second on one core, on a generated corpus of ~5 KB pages.

    python bench/bench_clean.py [--articles N] [--seconds S]

The corpus is generated in-process (navigation, headline, byline, date, body paragraphs,
captions, promo blocks, related headlines, comment form, footer), so the run needs no files.
Two baselines are measured in the same run: a keep-everything pass (split lines, strip, drop
empty ones) and the neutralising step alone. Goal: at least 500 articles/s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.clean import clean_text  # noqa: E402
from reader.ingest import neutralise  # noqa: E402

GOAL = 500.0
_NOUNS = (
    "government minister council police city report plan year week people school water company "
    "price market court election talks agreement region hospital workers road bridge budget "
    "union army border treaty museum farmer storm vaccine study researchers officials"
).split()
_FUNCTION = "the of and to in that for on with as was by at from it is said would have".split()
_FURNITURE = [
    "Skip to main content",
    "Home | News | World | Business | Sport | Culture",
    "Share",
    "Tweet",
    "READ MORE:",
    "DON'T MISS:",
    "You may also like",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "© 2026 The Daily Example. All rights reserved.",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_FUNCTION if i % 2 else _NOUNS) for i in range(rng.randint(10, 28))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", '."'])


def _headline(rng: random.Random) -> str:
    return " ".join(rng.choice(_NOUNS).capitalize() for _ in range(rng.randint(6, 11)))


def make_article(rng: random.Random, target_bytes: int = 5000) -> str:
    lines = [_FURNITURE[0], _FURNITURE[1], _headline(rng), "By Jane Doe", "12 January 2022, 18:04"]
    size = sum(len(x) for x in lines)
    while size < target_bytes * 0.9:
        roll = rng.random()
        if roll < 0.75:
            line = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
        elif roll < 0.85:
            line = f"{_headline(rng)} (Image: Getty)"
        else:
            line = rng.choice(_FURNITURE[2:7]) + "\n" + _headline(rng)
        lines.append(line)
        size += len(line)
    lines += [_headline(rng) for _ in range(4)] + _FURNITURE[7:]
    return "\n\n".join(lines) + "\n"


def keep_everything(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _rate(func: Callable[[str], object], corpus: list[str], seconds: float) -> float:
    """Articles per CPU second of this process (one thread: one core). CPU time rather than
    wall time, so that other programs busy on the machine do not count against us."""
    done = 0
    start = time.process_time()
    deadline = start + seconds
    while True:
        for text in corpus:
            func(text)
        done += len(corpus)
        if time.process_time() >= deadline:
            break
    return done / (time.process_time() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    rng = random.Random(20260122)
    corpus = [make_article(rng) for _ in range(args.articles)]
    mean_kb = sum(len(t.encode()) for t in corpus) / len(corpus) / 1024
    for text in corpus[:20]:
        clean_text(text)  # warm up: regex compilation, imports
    base = _rate(keep_everything, corpus, args.seconds / 4)
    neutral = _rate(neutralise, corpus, args.seconds / 4)
    wall_start = time.perf_counter()
    for text in corpus:
        clean_text(text)
    wall = len(corpus) / (time.perf_counter() - wall_start)
    cleaner = _rate(clean_text, corpus, args.seconds)
    print(f"corpus: {len(corpus)} generated articles, mean {mean_kb:.1f} KB")
    print(f"keep-everything baseline  {base:10.0f} articles/s")
    print(f"neutralise only           {neutral:10.0f} articles/s")
    print(f"clean_text                {cleaner:10.0f} articles/s  (one core, CPU time)")
    print(
        f"clean_text, wall clock    {wall:10.0f} articles/s  (one pass; slower on a busy machine)"
    )
    ratio = cleaner / base
    print(f"ratio clean_text / keep-everything: {ratio:.4f} (cleaning costs {1 / ratio:.0f}x more)")
    verdict = "meets" if cleaner >= GOAL else "MISSES"
    print(f"goal >= {GOAL:.0f} articles/s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
