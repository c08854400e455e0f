"""Rows of the side-by-side view and the summary, from the chosen passages.

Rows follow A's reading order. B's unique sentences and the B side of moved passages are
placed after the row of the nearest preceding in-order B passage, so B reads top to bottom
too; a moved passage appears twice (once on each side, at its own place) and each of the two
rows names the other as ``partner``.
"""

from __future__ import annotations

from reader.alignment import Pair, Row, Span, Summary

Range = tuple[int, int]


def build_rows(
    spans_a: list[Span],
    spans_b: list[Span],
    passages: list[tuple[Range, Range]],
    in_order: set[int],
    pairs: list[Pair],
) -> list[Row]:
    a_rows, a_row_of_passage = _a_rows(spans_a, passages, in_order, pairs)
    b_blocks = _b_blocks(spans_b, passages, in_order, pairs, a_row_of_passage)
    rows: list[dict] = []
    row_of_moved_a: dict[int, int] = {}
    row_of_moved_b: dict[int, int] = {}
    for slot in range(-1, len(a_rows)):
        if slot >= 0:
            row = a_rows[slot]
            if row["kind"] == "moved":
                row_of_moved_a[row["pairs"][0]] = len(rows)
            rows.append(row)
        for block in b_blocks.get(slot, []):
            if block["kind"] == "moved":
                row_of_moved_b[block["pairs"][0]] = len(rows)
            rows.append(block)
    for k, a_index in row_of_moved_a.items():
        b_index = row_of_moved_b[k]
        rows[a_index]["partner"] = b_index
        rows[b_index]["partner"] = a_index
    return [Row(**row) for row in rows]


def _a_rows(
    spans_a: list[Span], passages: list[tuple[Range, Range]], in_order: set[int], pairs: list[Pair]
) -> tuple[list[dict], dict[int, int]]:
    starts = {ra[0]: k for k, (ra, _) in enumerate(passages)}
    rows: list[dict] = []
    row_of_passage: dict[int, int] = {}
    n_a = len(spans_a)
    i = 0
    while i < n_a:
        k = starts.get(i)
        if k is not None:
            pair = pairs[k]
            b_side = pair.b if k in in_order else None
            row_of_passage[k] = len(rows)
            rows.append(_row(pair.kind, pair.a, b_side, (k,)))
            i = passages[k][0][1]
            continue
        run_end = i + 1
        while run_end < n_a and run_end not in starts:
            run_end += 1
        rows.append(_row("only_a", tuple(spans_a[i:run_end]), None, ()))
        i = run_end
    return rows, row_of_passage


def _b_blocks(
    spans_b: list[Span],
    passages: list[tuple[Range, Range]],
    in_order: set[int],
    pairs: list[Pair],
    a_row_of_passage: dict[int, int],
) -> dict[int, list[dict]]:
    """B's unique runs and moved passages, keyed by the A row they follow (-1: the top)."""
    starts = {rb[0]: k for k, (_, rb) in enumerate(passages)}
    blocks: dict[int, list[dict]] = {}
    slot = -1
    n_b = len(spans_b)
    j = 0
    while j < n_b:
        k = starts.get(j)
        if k is not None:
            if k in in_order:
                slot = a_row_of_passage[k]
            else:
                blocks.setdefault(slot, []).append(_row("moved", None, pairs[k].b, (k,)))
            j = passages[k][1][1]
            continue
        run_end = j + 1
        while run_end < n_b and run_end not in starts:
            run_end += 1
        blocks.setdefault(slot, []).append(_row("only_b", None, tuple(spans_b[j:run_end]), ()))
        j = run_end
    return blocks


def _row(
    kind: str, a: tuple[Span, ...] | None, b: tuple[Span, ...] | None, pairs: tuple[int, ...]
) -> dict:
    return {"kind": kind, "a": a, "b": b, "pairs": pairs, "partner": None}


def summarise(
    spans_a: list[Span], spans_b: list[Span], used_a: set[int], used_b: set[int]
) -> Summary:
    return Summary(_share(spans_a, used_a), _share(spans_b, used_b))


def _share(spans: list[Span], used: set[int]) -> float:
    total = sum(e - s for s, e in spans)
    if total == 0:
        return 0.0
    return round(sum(e - s for k, (s, e) in enumerate(spans) if k in used) / total, 4)
