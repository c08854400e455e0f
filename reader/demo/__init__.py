"""The demo corpus: a short invented story told by several invented outlets.

It ships in the package so a first run (empty library) shows every feature: the pages carry the
furniture real pages carry (captions, READ MORE blocks, share counts, a comment form, a body
repeated twice), and the outlets reorder, paraphrase and add passages so the compare view has
moves, changes and unique passages to show. One unrelated article is mixed in.
"""

from __future__ import annotations

from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent


def demo_files() -> list[Path]:
    return sorted(DEMO_DIR.glob("*.txt"))
