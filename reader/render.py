"""The side-by-side view for the terminal (``newsreader compare`` without ``--json``), with rich.

Meaning never rests on colour alone: each row has a gutter symbol, the same as the app's
(``=`` identical, ``~`` changed, ``m`` moved, ``*`` only on one side) and changed words are wrapped
as ``[-old-]`` in A and ``{+new+}`` in B, so the output reads the same without colour, for
colour-blind readers, and piped into a file. Article text is always added as plain Text,
never as markup. No Textual here.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.alignment import Alignment, Pair, Row, Span

GUTTER = {
    "identical": "=",
    "changed": "~",
    "moved": "m",
    "only_a": "*",
    "only_b": "*",
    "only_each": "*",
}
STYLE_DELETED = "bold red strike"
STYLE_INSERTED = "bold green underline"
STYLE_UNIQUE = "yellow"
STYLE_MOVED = "magenta"


def render(
    alignment: Alignment,
    *,
    title_a: str,
    title_b: str,
    console: Console,
) -> None:
    """Print the aligned rows as two columns and a summary line."""
    table = Table(
        show_header=True,
        header_style="bold",
        show_lines=True,
    )
    gutter = len(f"{len(alignment.rows)} ~")
    # Both text columns exactly as wide (an odd column left over stays unused), so identical
    # text wraps identically on both sides: 4 borders and 6 cells of padding besides.
    text_width = max(10, (console.width - gutter - 10) // 2)
    table.add_column("#", justify="right", no_wrap=True, style="dim", width=gutter)
    table.add_column(Text(f"A: {title_a}"), width=text_width, overflow="fold")
    table.add_column(Text(f"B: {title_b}"), width=text_width, overflow="fold")
    for number, row in enumerate(alignment.rows, start=1):
        table.add_row(*_cells(alignment, row, number))
    console.print(table)
    console.print(Text(summary_line(alignment)))


def summary_line(alignment: Alignment) -> str:
    kinds = [p.kind for p in alignment.pairs]
    counts = ", ".join(f"{kinds.count(kind)} {kind}" for kind in ("identical", "changed", "moved"))
    return (
        f"A found in B: {alignment.summary.a_in_b:.0%} · B found in A: "
        f"{alignment.summary.b_in_a:.0%} · {_count(len(kinds), 'matched passage')} ({counts}) · "
        f"only in A: {_count(len(alignment.only_a), 'sentence')} · "
        f"only in B: {_count(len(alignment.only_b), 'sentence')}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _cells(alignment: Alignment, row: Row, number: int) -> tuple[Text, Text, Text]:
    symbol = GUTTER[row.kind]
    gutter = Text(f"{number} {symbol}")
    pair = alignment.pairs[row.pairs[0]] if row.pairs else None
    a_cell = _side_cell(alignment.a_text, row.a, pair, "a", row)
    b_cell = _side_cell(alignment.b_text, row.b, pair, "b", row)
    return gutter, a_cell, b_cell


def _side_cell(
    text: str, spans: tuple[Span, ...] | None, pair: Pair | None, side: str, row: Row
) -> Text:
    if spans is None:
        return Text("")
    cell = Text()
    if row.kind in ("only_a", "only_b", "only_each"):
        cell.append(f"[only in {side.upper()}] ", style=f"bold {STYLE_UNIQUE}")
        cell.append(_region(text, spans), style=STYLE_UNIQUE)
        return cell
    if row.kind == "moved":
        where = f" (its partner is at row {row.partner + 1})" if row.partner is not None else ""
        cell.append(f"[moved{where}] ", style=f"bold {STYLE_MOVED}")
    if pair is None:
        cell.append(_region(text, spans))
        return cell
    cell.append_text(_marked(text, spans, pair, side))
    return cell


def _region(text: str, spans: Sequence[Span]) -> str:
    return text[spans[0][0] : spans[-1][1]]


def _marked(text: str, spans: Sequence[Span], pair: Pair, side: str) -> Text:
    """The passage with changed words wrapped: [-deleted-] on A, {+inserted+} on B."""
    marked_tags = ("delete", "replace") if side == "a" else ("insert", "replace")
    opener, closer, style = (
        ("[-", "-]", STYLE_DELETED)
        if side == "a"
        else (
            "{+",
            "+}",
            STYLE_INSERTED,
        )
    )
    changes = sorted(
        getattr(op, side) for op in pair.diff if op.tag in marked_tags and _size(getattr(op, side))
    )
    start, end = spans[0][0], spans[-1][1]
    # A row may show part of its pair (a run of a long passage): only changes inside it.
    changes = [(max(s, start), min(e, end)) for s, e in changes if s < end and e > start]
    changes = _merge_touching(text, changes)
    out = Text()
    position = start
    for change_start, change_end in changes:
        out.append(text[position:change_start])
        out.append(opener, style="bold")
        out.append(text[change_start:change_end], style=style)
        out.append(closer, style="bold")
        position = change_end
    out.append(text[position:end])
    return out


def _merge_touching(text: str, changes: list[Span]) -> list[Span]:
    """One bracket around changes separated only by white space: {+a b+}, not {+a+} {+b+}."""
    merged: list[Span] = []
    for start, end in changes:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _size(span: Span) -> int:
    return span[1] - span[0]
