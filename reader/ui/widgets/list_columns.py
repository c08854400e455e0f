"""The article list's columns: which show at a width, their cells, and the row labels.

Pure presentation arithmetic (no widget): the heading and the rows share one ``Columns``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import set_cell_size

from reader.ui.entries import Entry

GAP = "  "
STORY_WIDTH = 6  # "s12 ×3"; wider when library story ids need it

# A narrow terminal keeps the title readable: while the title would get fewer cells than this,
# the column gives way, in this order (with every column and short story labels: length hides
# below 89 columns, outlet below 70, date below 50). Columns no row fills take no room at all,
# so the others stay longer.
GIVE_WAY: tuple[tuple[str, int], ...] = (("length", 40), ("outlet", 34), ("date", 27))


@dataclass(frozen=True, slots=True)
class Columns:
    """Cell widths of the list's columns at one terminal width (0: the column is not shown)."""

    mark: int
    story: int
    title: int
    outlet: int
    date: int
    length: int

    @classmethod
    def for_width(
        cls,
        width: int,
        story: int = STORY_WIDTH,
        *,
        outer: int | None = None,
        empty: frozenset[str] = frozenset(),
    ) -> Columns:
        """Columns for ``width`` cells, without the columns in ``empty``. Which columns show is
        decided by ``outer`` (the widget's whole width, scrollbar included), so the heading and
        the rows agree."""
        decide = width if outer is None else outer
        story = 0 if "story" in empty else story
        wanted = {
            "outlet": 0 if "outlet" in empty else max(8, min(22, decide // 6)),
            "date": 0 if "date" in empty else 10,
            "length": 8,
        }
        for name, title_cells in GIVE_WAY:
            if decide - _fixed(story, wanted.values()) < title_cells:
                wanted[name] = 0
        title = max(8, width - _fixed(story, wanted.values()))
        return cls(3, story, title, wanted["outlet"], wanted["date"], wanted["length"])

    def cells(self, story: str, title: str, outlet: str, date: str, length: str) -> list[str]:
        """Each shown column's text, cut or padded to its width (hidden columns left out)."""
        out = [fit_cells(story, self.story)] if self.story else []
        out.append(fit_cells(title, self.title))
        if self.outlet:
            out.append(fit_cells(outlet, self.outlet))
        if self.date:
            out.append(fit_cells(date, self.date))
        if self.length:
            out.append(length.rjust(self.length)[-self.length :])
        return out


def _fixed(story: int, others: Iterable[int]) -> int:
    """Cells taken by everything but the title: marks, the shown columns and their gaps."""
    shown = [column for column in (story, *others) if column]
    return 3 + sum(shown) + len(GAP) * len(shown)


def mark_label(entry: Entry) -> str:
    """Unread dot, then a star: shapes, so the marks do not rely on colour."""
    return ("●" if not entry.read else " ") + ("★" if entry.starred else " ") + " "


def story_label(entry: Entry) -> str:
    if not entry.story_number:
        return ""
    return f"s{entry.story_number} ×{entry.story_size}"


def story_width(entries: Sequence[Entry]) -> int:
    """Cells the story column needs for ``entries`` (at least ``STORY_WIDTH``)."""
    number = max((entry.story_number for entry in entries), default=0)
    size = max((entry.story_size for entry in entries if entry.story_number), default=0)
    return max(STORY_WIDTH, len(f"s{number} ×{size}") if number else 0)


def length_label(words: int) -> str:
    return f"{words:,} w" if words < 100_000 else f"{words // 1000}k w"


def fit_cells(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells, with an ellipsis when cut."""
    if width <= 0:
        return ""
    fitted = set_cell_size(text, width)
    if fitted.rstrip() != text.rstrip() and width > 1:
        fitted = set_cell_size(text, width - 1) + "…"
    return fitted
