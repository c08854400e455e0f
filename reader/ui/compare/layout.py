"""Display lines of the compare view: an Alignment wrapped to a pane width.

Pure Python (no Textual): the panes widget only turns these lines into Strips. Each row of the
alignment becomes one or more display lines; in the split view the shorter side of a row is
padded with filler lines so that the next row starts on the same line on both sides.

Article text is data: it only ever travels here as plain strings with a role per run.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from rich.cells import cell_len

from reader.alignment import Alignment, DiffOp, Pair, Row, Span, Summary
from reader.ui.compare.wrap import Role, Run, wrap_runs

# How a whole line is drawn (its background and gutter).
LineKind = Literal["identical", "changed", "moved", "only_a", "only_b", "filler", "gap"]

MARK_DELETED = "-"  # words of A missing or replaced in B
MARK_INSERTED = "+"  # words of B missing or replaced in A
MARK_CHANGED = "~"  # a changed passage, no changed word on this line
MARK_MOVED = "m"
MARK_UNIQUE = "*"

DIFF_KINDS = frozenset({"changed", "moved", "only_a", "only_b", "only_each"})


@dataclass(frozen=True, slots=True)
class Side:
    """One side of one display line (or the only column of the unified view)."""

    runs: tuple[Run, ...] = ()
    mark: str = " "
    kind: LineKind = "filler"
    letter: str = ""  # "A"/"B" in the unified view, where both sides share one column

    @property
    def is_label(self) -> bool:
        return len(self.runs) == 1 and self.runs[0][1] == "label"

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.runs)


FILLER = Side()
GAP = Side(kind="gap")


@dataclass(frozen=True, slots=True)
class DisplayLine:
    row: int  # index into Alignment.rows
    left: Side
    right: Side | None  # None in the unified view


@dataclass(slots=True)
class CompareLayout:
    """All display lines for one width and mode, with where each row starts."""

    lines: list[DisplayLine] = field(default_factory=list)
    row_starts: list[int] = field(default_factory=list)

    def row_at(self, line: int) -> int:
        """The row drawn on display line ``line`` (the previous row for a gap line)."""
        if not self.row_starts:
            return 0
        return max(0, bisect_right(self.row_starts, line) - 1)


@dataclass(frozen=True, slots=True)
class Labels:
    """Words used for the sides (the header names them; the view uses the letters)."""

    a: str = "A"
    b: str = "B"


def split_widths(total: int) -> tuple[int, int]:
    """Text widths of the left and right pane for a view ``total`` cells wide.

    Each side has a two-cell gutter (mark + space); a `` │ `` separates the panes.
    """
    usable = max(2, total - 2 - 3 - 2)
    left = usable // 2
    return max(1, left), max(1, usable - left)


def unified_width(total: int) -> int:
    """Text width of the unified column (three-cell gutter: letter, mark, space)."""
    return max(1, total - 3)


def layout(alignment: Alignment, width: int, *, unified: bool = False) -> CompareLayout:
    """Wrap every row to ``width`` cells (the whole view) and return the display lines."""
    result = CompareLayout()
    for index, row in enumerate(alignment.rows):
        if index:
            result.lines.append(DisplayLine(index - 1, GAP, None if unified else GAP))
        result.row_starts.append(len(result.lines))
        if unified:
            result.lines.extend(_unified_row(alignment, index, row, unified_width(width)))
        else:
            result.lines.extend(_split_row(alignment, index, row, *split_widths(width)))
    return result


def _split_row(
    alignment: Alignment, index: int, row: Row, left_width: int, right_width: int
) -> list[DisplayLine]:
    left = _side_lines(alignment, index, "a", left_width, letter="")
    right = _side_lines(alignment, index, "b", right_width, letter="")
    height = max(len(left), len(right))
    left += [FILLER] * (height - len(left))
    right += [FILLER] * (height - len(right))
    return [DisplayLine(index, a, b) for a, b in zip(left, right, strict=True)]


def _unified_row(alignment: Alignment, index: int, row: Row, width: int) -> list[DisplayLine]:
    if row.kind == "identical":
        sides = _side_lines(alignment, index, "a", width, letter="", label=False)
        return [DisplayLine(index, side, None) for side in sides]
    a_lines = _side_lines(alignment, index, "a", width, letter="A")
    b_lines = _side_lines(alignment, index, "b", width, letter="B")
    head: list[Side] = []
    if a_lines and a_lines[0].is_label:
        head, a_lines = a_lines[:1], a_lines[1:]
    b_label: list[Side] = []
    if b_lines and b_lines[0].is_label:
        b_label = b_lines[:1]
        head, b_lines = head or b_label, b_lines[1:]  # one label for both sides
    if row.kind == "only_each":  # each side its own label: A's text, then B's
        blank = Side((), " ", "only_a")  # between the halves: no mark, no letter
        sides = _joined([group for group in (head + a_lines, b_label + b_lines) if group], blank)
    elif not a_lines or not b_lines:  # one side only: its own blank lines, letter and all
        sides = head + a_lines + b_lines
    else:
        blank = Side((), _base_mark(row), row.kind)
        sides = head + _interleave(_paragraphs(a_lines), _paragraphs(b_lines), blank)
    return [DisplayLine(index, side, None) for side in sides]


def _paragraphs(lines: list[Side]) -> list[list[Side]]:
    """A side's wrapped lines cut at its blank lines (the paragraph breaks)."""
    paragraphs: list[list[Side]] = [[]]
    for line in lines:
        if line.runs:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def _interleave(a: list[list[Side]], b: list[list[Side]], blank: Side) -> list[Side]:
    """Both versions of a passage in one column, with a blank line at each paragraph break.

    Sides with as many paragraphs go paragraph by paragraph (A's first, B's first, blank, ...),
    so each version sits under the one it matches, as it sits beside it in the split view.
    Otherwise all of A, a blank line, then all of B: A's last paragraph never runs into B's.
    """
    if len(a) == len(b):
        groups = [pa + pb for pa, pb in zip(a, b, strict=True)]
    else:
        groups = [_joined(side, blank) for side in (a, b) if side]
    return _joined(groups, blank) or [blank]


def _joined(groups: list[list[Side]], blank: Side) -> list[Side]:
    lines: list[Side] = []
    for number, group in enumerate(groups):
        if number:
            lines.append(blank)
        lines.extend(group)
    return lines


def _side_lines(
    alignment: Alignment, index: int, side: str, width: int, *, letter: str, label: bool = True
) -> list[Side]:
    row = alignment.rows[index]
    spans = row.a if side == "a" else row.b
    if not spans:
        return []
    text = alignment.a_text if side == "a" else alignment.b_text
    marked = _changed_spans(alignment, row, side) if row.kind in ("changed", "moved") else []
    role: Role = "del" if side == "a" else "ins"
    passage, runs = passage_runs(text, spans, marked, role)
    kind: LineKind = _side_kind(row, side)
    lines: list[Side] = []
    if label and row.kind in ("moved", "only_a", "only_b", "only_each"):
        label_text = _fit(_label_texts(row, index, side), width)
        lines.append(Side(((label_text, "label"),), _base_mark(row), kind, letter))
    for line_runs in wrap_runs(passage, runs, width):
        lines.append(Side(tuple(line_runs), _line_mark(row, side, line_runs), kind, letter))
    return lines


def _side_kind(row: Row, side: str) -> LineKind:
    if row.kind == "only_each":  # each side drawn as what it is: unique to its text
        return "only_a" if side == "a" else "only_b"
    return row.kind


def _label_texts(row: Row, index: int, side: str) -> tuple[str, ...]:
    """The label of a passage, longest wording first (the first that fits is used)."""
    if row.kind == "only_a" or (row.kind == "only_each" and side == "a"):
        return ("only in A",)
    if row.kind in ("only_b", "only_each"):
        return ("only in B",)
    if row.partner is not None:
        other = "B" if side == "a" else "A"
        where = "further down" if row.partner > index else "further up"
        return (f"moved: {other} has it {where} (press m)", f"moved, {other} {where} (m)", "moved")
    return ("moved: in a different order on the other side", "moved")


def _fit(texts: Sequence[str], width: int) -> str:
    for text in texts:
        if cell_len(text) <= width:
            return text
    return texts[-1][:width]


def _base_mark(row: Row) -> str:
    if row.kind == "moved":
        return MARK_MOVED
    if row.kind in ("only_a", "only_b", "only_each"):
        return MARK_UNIQUE
    if row.kind == "changed":
        return MARK_CHANGED
    return " "


def _line_mark(row: Row, side: str, runs: Sequence[Run]) -> str:
    if row.kind == "changed":
        if any(role in ("del", "ins") for _, role in runs):
            return MARK_DELETED if side == "a" else MARK_INSERTED
        return MARK_CHANGED
    return _base_mark(row)


def _changed_spans(alignment: Alignment, row: Row, side: str) -> list[Span]:
    """Character spans of this side's words that the other side lacks or words differently."""
    wanted = ("delete", "replace") if side == "a" else ("insert", "replace")
    spans: list[Span] = []
    for pair_index in row.pairs:
        if not 0 <= pair_index < len(alignment.pairs):
            continue
        for op in alignment.pairs[pair_index].diff:
            if op.tag in wanted:
                span = op.a if side == "a" else op.b
                if span[1] > span[0]:
                    spans.append(span)
    return spans


def passage_runs(
    text: str, spans: Iterable[Span], marked: Sequence[Span], role: Role
) -> tuple[str, list[tuple[int, int, Role]]]:
    """The passage (spans joined by a space, or by a newline across paragraphs) and its runs.

    Runs are ``(start, end, role)`` ranges of the passage; characters inside ``marked`` (spans of
    ``text``) get ``role``, the rest "text".
    """
    pieces: list[str] = []
    runs: list[tuple[int, int, Role]] = []
    ordered = _merge(marked)
    ordered_ends = [m_end for _, m_end in ordered]
    offset = 0
    previous_end = 0
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        if end <= start:
            continue
        if pieces:
            # Sentences from different paragraphs keep the paragraph break.
            pieces.append("\n" if "\n" in text[previous_end:start] else " ")
            _add_run(runs, offset, offset + 1, "text")
            offset += 1
        previous_end = end
        pieces.append(text[start:end].translate(_FLATTEN))
        cursor = start
        # Only the marks that reach into this span (they are disjoint and sorted).
        for m_index in range(bisect_right(ordered_ends, start), len(ordered)):
            m_start, m_end = ordered[m_index]
            if m_start >= end:
                break
            m_start, m_end = max(m_start, cursor), min(m_end, end)
            if m_end <= m_start:
                continue
            _add_run(runs, offset + cursor - start, offset + m_start - start, "text")
            _add_run(runs, offset + m_start - start, offset + m_end - start, role)
            cursor = m_end
        _add_run(runs, offset + cursor - start, offset + end - start, "text")
        offset += end - start
    return "".join(pieces), runs


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted, disjoint spans covering the same characters."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# Line breaks and tabs inside a sentence would break the grid: they are drawn as spaces. Other
# control characters (an escape sequence that slipped through) are shown, never sent to the
# terminal: one replacement character each, so offsets keep their meaning.
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
_FLATTEN = str.maketrans(
    {code: "\ufffd" for code in _CONTROLS} | dict.fromkeys(map(ord, "\n\r\t\v\f"), " ")
)


def printable(text: str) -> str:
    """``text`` on one line with control characters made visible (titles, outlets)."""
    return text.translate(_FLATTEN)


def _add_run(runs: list[tuple[int, int, Role]], start: int, end: int, role: Role) -> None:
    if end <= start:
        return
    if runs and runs[-1][2] == role and runs[-1][1] == start:
        runs[-1] = (runs[-1][0], end, role)
    else:
        runs.append((start, end, role))


def difference_rows(alignment: Alignment) -> list[int]:
    """Indexes of the rows that differ (changed, moved or only on one side)."""
    return [index for index, row in enumerate(alignment.rows) if row.kind in DIFF_KINDS]


def mirror(alignment: Alignment) -> Alignment:
    """The same comparison seen from the other side (B on the left), without realigning."""
    flip_tag = {"insert": "delete", "delete": "insert"}

    def flip_op(op: DiffOp) -> DiffOp:
        return DiffOp(flip_tag.get(op.tag, op.tag), op.b, op.a)  # type: ignore[arg-type]

    def flip_pair(pair: Pair) -> Pair:
        return replace(pair, a=pair.b, b=pair.a, diff=tuple(flip_op(op) for op in pair.diff))

    flip_kind = {"only_a": "only_b", "only_b": "only_a"}

    def flip_row(row: Row) -> Row:
        return replace(row, kind=flip_kind.get(row.kind, row.kind), a=row.b, b=row.a)

    return Alignment(
        a_text=alignment.b_text,
        b_text=alignment.a_text,
        pairs=[flip_pair(pair) for pair in alignment.pairs],
        only_a=list(alignment.only_b),
        only_b=list(alignment.only_a),
        rows=[flip_row(row) for row in alignment.rows],
        summary=Summary(alignment.summary.b_in_a, alignment.summary.a_in_b),
    )
