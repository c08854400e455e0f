"""Word wrap of a passage to a pane width, keeping what each character is (its role).

Pure Python (no Textual), measured in terminal cells: wide characters take two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from rich.cells import cell_len

from reader.alignment import Span

# What a run of characters is: plain text, words only this side has in a changed passage.
Role = Literal["text", "del", "ins", "label"]
Run = tuple[str, Role]

_TOKEN = re.compile(r"\S+\s*|\s+")


def wrap_runs(passage: str, runs: Sequence[tuple[int, int, Role]], width: int) -> list[list[Run]]:
    """Greedy word wrap of ``passage`` to ``width`` cells, keeping each character's role."""
    width = max(1, width)
    ranges = list(_wrap_ranges(passage, width))
    lines: list[list[Run]] = []
    run_index = 0
    for start, end in ranges:
        while run_index < len(runs) and runs[run_index][1] <= start:
            run_index += 1
        line: list[Run] = []
        index = run_index
        while index < len(runs) and runs[index][0] < end:
            r_start, r_end, role = runs[index]
            piece = passage[max(r_start, start) : min(r_end, end)]
            if piece:
                line.append((piece, role))
            index += 1
        lines.append(line)
    return lines or [[]]


def _wrap_ranges(passage: str, width: int) -> Iterable[Span]:
    """(start, end) ranges of the passage, one per display line, trailing spaces dropped.

    A newline starts a new paragraph: an empty line, then the next words.
    """
    start = 0
    for paragraph in passage.split("\n"):
        if start:
            yield start, start  # the blank line between paragraphs
        for line_start, line_end in _wrap_paragraph(paragraph, width):
            yield start + line_start, start + line_end
        start += len(paragraph) + 1


def _wrap_paragraph(passage: str, width: int) -> Iterable[Span]:
    line_start: int | None = None
    line_end = 0
    used = 0
    for match in _TOKEN.finditer(passage):
        word = match.group().rstrip()
        if not word:
            continue  # whitespace only: belongs to no line
        w_start = match.start()
        w_end = w_start + len(word)
        w_cells = cell_len(word)
        gap = w_start - line_end if line_start is not None else 0
        if line_start is not None and used + gap + w_cells <= width:
            used += gap + w_cells
            line_end = w_end
            continue
        if line_start is not None:
            yield line_start, line_end
            line_start = None
        if w_cells <= width:
            line_start, line_end, used = w_start, w_end, w_cells
            continue
        # A word longer than the line (a URL, say): cut it into full lines.
        for piece_start, piece_end in _hard_split(passage, w_start, w_end, width):
            if line_start is not None:
                yield line_start, line_end
            line_start, line_end = piece_start, piece_end
            used = cell_len(passage[piece_start:piece_end])
    if line_start is not None:
        yield line_start, line_end


def _hard_split(text: str, start: int, end: int, width: int) -> Iterable[Span]:
    piece_start, used = start, 0
    for index in range(start, end):
        cells = cell_len(text[index])
        if used + cells > width and index > piece_start:
            yield piece_start, index
            piece_start, used = index, 0
        used += cells
    if piece_start < end:
        yield piece_start, end
