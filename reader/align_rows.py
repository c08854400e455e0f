"""Rows of the side-by-side view and the summary, from the chosen passages.

Rows follow A's reading order. A changed passage is drawn as runs of its sentences: those
copied word for word, and those changed (one changed number in a long passage is one
"changed" row between two "identical" ones, all naming the same pair), so the view re-aligns
at each run and "next difference" stops at each change. B's unique sentences and the B side
of moved passages are placed after the row of the nearest preceding in-order B passage, so B
reads top to bottom too; a moved passage appears twice (once on each side, at its own place)
and each of the two rows names the other as ``partner``.
"""

from __future__ import annotations

from operator import attrgetter

from reader.alignment import Pair, Row, Span

Range = tuple[int, int]
Piece = tuple[str, Range, Range]  # "identical" | "changed", A sentences, B sentences


def passage_pieces(
    passages: list[tuple[Range, Range]],
    matches: list,
    in_order: set[int],
    norms_a: list[str],
    norms_b: list[str],
) -> dict[int, list[Piece]]:
    """For each in-order changed passage, its runs of identical and of changed sentences.

    The passage's matches (one sentence or a split/merge group a side) and its bridged gaps are
    the units (``_units_with_gaps``); neighbouring identical units are one run.
    ``passages`` come in A order (as ``join_passages`` makes them) and hold every match.
    """
    # Matches in A order, walked along with the passages: each passage's come next, in order
    # on both sides.
    ordered = sorted(matches, key=attrgetter("a"))
    count = len(ordered)
    at = 0
    pieces: dict[int, list[Piece]] = {}
    for k, (ra, rb) in enumerate(passages):
        first = at
        while at < count and ordered[at].a[0] < ra[1]:
            at += 1
        if k not in in_order or at - first < 2:
            continue
        units = [(m.a, m.b) for m in ordered[first:at]]
        runs: list[list] = []
        for full_a, full_b in _units_with_gaps(units, ra, rb):
            same = full_a[1] - full_a[0] == full_b[1] - full_b[0] and (
                norms_a[full_a[0] : full_a[1]] == norms_b[full_b[0] : full_b[1]]
            )
            kind = "identical" if same else "changed"
            # Copied sentences make one run; each changed unit is a run of its own, so the
            # view lines up again at each sentence pair of a reworded passage (QA: a passage
            # reworded throughout was one tall row with word marks across it).
            if runs and runs[-1][0] == kind == "identical":
                runs[-1][1] = (runs[-1][1][0], full_a[1])
                runs[-1][2] = (runs[-1][2][0], full_b[1])
            else:
                runs.append([kind, full_a, full_b])
        if len(runs) > 1 and any(run[1][0] >= run[1][1] or run[2][0] >= run[2][1] for run in runs):
            continue  # a run empty on one side (units out of order): draw the passage whole
        if len(runs) > 1:
            pieces[k] = [(kind, a_range, b_range) for kind, a_range, b_range in runs]
    return pieces


def _units_with_gaps(
    units: list[tuple[Range, Range]], ra: Range, rb: Range
) -> list[tuple[Range, Range]]:
    """The matches of a passage, each reaching to the next; a gap bridged on both sides (a
    sentence each, reworded or with a fact changed) is a unit of its own, a one-sided gap goes
    with the unit before it."""
    out: list[tuple[Range, Range]] = []
    for index, (ua, ub) in enumerate(units):
        if index + 1 < len(units):
            end_a, end_b = units[index + 1][0][0], units[index + 1][1][0]
        else:
            end_a, end_b = ra[1], rb[1]
        if end_a > ua[1] and end_b > ub[1]:
            out += [(ua, ub), ((ua[1], end_a), (ub[1], end_b))]
        else:
            out.append(((ua[0], end_a), (ub[0], end_b)))
    return out


def build_rows(
    spans_a: list[Span],
    spans_b: list[Span],
    passages: list[tuple[Range, Range]],
    in_order: set[int],
    pairs: list[Pair],
    pieces: dict[int, list[Piece]] | None = None,
) -> list[Row]:
    a_rows, a_row_of_passage = _a_rows(spans_a, spans_b, passages, in_order, pairs, pieces or {})
    b_blocks = _b_blocks(spans_b, passages, in_order, pairs, a_row_of_passage)
    rows: list[dict] = []
    row_of_moved_a: dict[int, int] = {}
    row_of_moved_b: dict[int, int] = {}
    # What follows a common passage on B goes after what follows it on A (A's unique text,
    # then B's): reading starts with A, as the columns do. And where both sides have text of
    # their own in that place, the two share a row ("only_each"): what one outlet says there
    # beside what the other says instead.
    waiting: list[dict] = list(b_blocks.get(-1, []))
    for slot, row in enumerate(a_rows):
        if row["kind"] != "only_a":
            _emit(rows, waiting, row_of_moved_b)
        if row["kind"] == "moved":
            row_of_moved_a[row["pairs"][0]] = len(rows)
        rows.append(row)
        waiting.extend(b_blocks.get(slot, []))
    _emit(rows, waiting, row_of_moved_b)
    for k, a_index in row_of_moved_a.items():
        b_index = row_of_moved_b[k]
        rows[a_index]["partner"] = b_index
        rows[b_index]["partner"] = a_index
    return [Row(**row) for row in rows]


def _emit(rows: list[dict], blocks: list[dict], row_of_moved_b: dict[int, int]) -> None:
    """Append B's waiting blocks; a unique one right after A's unique run joins its row."""
    for number, block in enumerate(blocks):
        if number == 0 and block["kind"] == "only_b" and rows and rows[-1]["kind"] == "only_a":
            rows[-1] = {**rows[-1], "kind": "only_each", "b": block["b"]}
            continue
        if block["kind"] == "moved":
            row_of_moved_b[block["pairs"][0]] = len(rows)
        rows.append(block)
    blocks.clear()


def _a_rows(
    spans_a: list[Span],
    spans_b: list[Span],
    passages: list[tuple[Range, Range]],
    in_order: set[int],
    pairs: list[Pair],
    pieces: dict[int, list[Piece]],
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
            if k in pieces:
                for kind, ra, rb in pieces[k]:
                    row_of_passage[k] = len(rows)  # B's next blocks follow the last run
                    a_part, b_part = tuple(spans_a[ra[0] : ra[1]]), tuple(spans_b[rb[0] : rb[1]])
                    rows.append(_row(kind, a_part, b_part, (k,)))
            else:
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
