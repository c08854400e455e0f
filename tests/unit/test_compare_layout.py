"""The compare layout: rows wrapped to the pane width, both sides kept on the same lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.alignment import Alignment, DiffOp, Pair, Row
from reader.ui.compare.layout import (
    GAP,
    difference_rows,
    layout,
    mirror,
    passage_runs,
    split_widths,
    unified_width,
    wrap_runs,
)
from tests.functional.compare_data import build_alignment, make_articles


def _fixture() -> Alignment:
    a, b = make_articles()
    return build_alignment(a.text, b.text)


def _rows_of(result, row: int):
    return [line for line in result.lines if line.row == row and line.left is not GAP]


def test_every_row_starts_on_the_same_line_on_both_sides() -> None:
    alignment = _fixture()
    for width in (60, 90, 120, 200):
        result = layout(alignment, width)
        assert len(result.row_starts) == len(alignment.rows)
        for index, start in enumerate(result.row_starts):
            line = result.lines[start]
            assert line.row == index
            assert line.right is not None  # split view: both panes on every line


def test_lines_fit_their_pane() -> None:
    alignment = _fixture()
    for width in (40, 61, 120):
        left_width, right_width = split_widths(width)
        for line in layout(alignment, width).lines:
            assert cell_len(line.left.plain) <= left_width
            assert line.right is not None and cell_len(line.right.plain) <= right_width
        for line in layout(alignment, width, unified=True).lines:
            assert cell_len(line.left.plain) <= unified_width(width)


def test_shorter_side_is_padded_with_filler() -> None:
    alignment = _fixture()
    result = layout(alignment, 60)
    only_a = next(i for i, row in enumerate(alignment.rows) if row.kind == "only_a")
    lines = _rows_of(result, only_a)
    assert lines[0].left.is_label and lines[0].left.plain == "only in A"
    assert all(line.right is not None and line.right.kind == "filler" for line in lines)
    assert all(line.left.mark == "*" for line in lines)


def test_changed_words_are_marked_on_each_side() -> None:
    alignment = _fixture()
    result = layout(alignment, 120)
    # Row 2: "until the spring" (A) against "until the summer" (B).
    lines = _rows_of(result, 2)
    a_runs = [run for line in lines for run in line.left.runs]
    b_runs = [run for line in lines for run in line.right.runs]  # type: ignore[union-attr]
    assert ("spring", "del") in a_runs
    assert ("summer", "ins") in b_runs
    assert lines[0].left.mark == "-" and lines[0].right.mark == "+"  # type: ignore[union-attr]
    identical = _rows_of(result, 1)
    assert all(role == "text" for line in identical for _, role in line.left.runs)
    assert identical[0].left.mark == " "


def test_moved_passages_are_labelled_with_their_mark() -> None:
    alignment = _fixture()
    result = layout(alignment, 120)
    moved = [i for i, row in enumerate(alignment.rows) if row.kind == "moved"]
    assert moved == [3, 7]
    for row in moved:
        lines = _rows_of(result, row)
        side = lines[0].left if alignment.rows[row].a else lines[0].right
        assert side is not None and side.is_label and side.mark == "m" and side.kind == "moved"
        assert "press m" in side.plain


def test_unified_shows_both_versions_of_a_changed_row_in_one_column() -> None:
    alignment = _fixture()
    result = layout(alignment, 70, unified=True)
    lines = _rows_of(result, 2)
    assert [line.left.letter for line in lines] == ["A", "B"]
    assert all(line.right is None for line in result.lines)
    text = " ".join(line.left.plain for line in lines)
    assert "spring" in text and "summer" in text
    identical = _rows_of(result, 1)
    assert len(identical) == 1 and identical[0].left.letter == ""


def test_markup_is_kept_as_plain_text() -> None:
    alignment = _fixture()
    lines = layout(alignment, 120).lines
    assert any("[bold]this[/bold]" in line.left.plain for line in lines)


def test_mirror_swaps_sides_and_back() -> None:
    alignment = _fixture()
    mirrored = mirror(alignment)
    assert mirrored.a_text == alignment.b_text
    assert [r.kind for r in mirrored.rows].count("only_b") == 3
    assert mirrored.summary.a_in_b == alignment.summary.b_in_a
    deletes = [op for p in alignment.pairs for op in p.diff if op.tag == "delete"]
    inserts = [op for p in mirrored.pairs for op in p.diff if op.tag == "insert"]
    assert len(deletes) == len(inserts)
    assert mirror(mirrored) == alignment


def test_difference_rows_skip_identical_rows() -> None:
    alignment = _fixture()
    assert difference_rows(alignment) == [0, 2, 3, 4, 5, 6, 7, 9]


def test_empty_and_degenerate_alignments() -> None:
    assert layout(Alignment("", ""), 80).lines == []
    text = "x" * 500  # one word longer than the pane
    alignment = Alignment(text, "", rows=[Row("only_a", ((0, 500),), None)])
    result = layout(alignment, 40)
    left_width, _ = split_widths(40)
    assert all(cell_len(line.left.plain) <= left_width for line in result.lines)
    assert "".join(line.left.plain for line in result.lines[1:]) == text


def test_text_each_side_has_in_one_place_is_drawn_side_by_side_with_both_labels() -> None:
    a_text = "The agency said 21 rivers had overflowed."
    b_text = "Officials said 23 rivers had overflowed."
    row = Row("only_each", ((0, len(a_text)),), ((0, len(b_text)),))
    alignment = Alignment(a_text, b_text, rows=[row])
    split = layout(alignment, 100)
    assert split.lines[0].left.plain.strip() == "only in A"
    assert split.lines[0].right.plain.strip() == "only in B"  # type: ignore[union-attr]
    assert {line.left.kind for line in split.lines} == {"only_a"}
    assert {line.right.kind for line in split.lines} == {"only_b"}  # type: ignore[union-attr]
    assert difference_rows(alignment) == [0]
    unified_lines = layout(alignment, 100, unified=True).lines
    blank = [line.left for line in unified_lines if not line.left.plain.strip()]
    assert [(side.mark, side.letter) for side in blank] == [(" ", "")]  # no stray "*" (QA)
    unified = [line.left.plain.strip() for line in unified_lines]
    assert "only in A" in unified and "only in B" in unified
    assert unified.index("only in A") < unified.index("only in B")
    assert any("21 rivers" in line for line in unified) and any(
        "23 rivers" in line for line in unified
    )
    flipped = mirror(alignment).rows[0]
    assert flipped.kind == "only_each" and flipped.a == row.b and flipped.b == row.a


def test_passage_keeps_paragraph_breaks_and_flattens_tabs() -> None:
    text = "One.\n\nTwo\tthree. Four."
    passage, runs = passage_runs(text, [(0, 4), (6, 16), (17, 22)], [(10, 15)], "del")
    assert passage == "One.\nTwo three. Four."
    assert (9, 14, "del") in runs and passage[9:14] == "three"
    assert runs[0][0] == 0 and runs[-1][1] == len(passage)
    lines = wrap_runs(passage, runs, 40)
    assert ["".join(t for t, _ in line) for line in lines] == ["One.", "", "Two three. Four."]


words = st.text(alphabet=st.sampled_from("ab界é -"), min_size=0, max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(words, max_size=30), st.integers(min_value=1, max_value=50), st.data())
def test_wrap_keeps_every_word_and_fits(parts: list[str], width: int, data) -> None:
    passage = " ".join(parts)
    cut = data.draw(st.integers(min_value=0, max_value=len(passage)))
    runs = [(0, cut, "text"), (cut, len(passage), "del")]
    runs = [r for r in runs if r[1] > r[0]]
    lines = wrap_runs(passage, runs, width)
    for line in lines:
        assert cell_len("".join(text for text, _ in line)) <= max(width, 2)
    assert "".join("".join(t for t, _ in line) for line in lines).replace(" ", "") == (
        passage.replace(" ", "")
    )
    # Roles survive wrapping: the characters marked "del" are exactly those after the cut.
    marked = "".join(t for line in lines for t, role in line if role == "del")
    assert marked.replace(" ", "") == passage[cut:].replace(" ", "")


def test_control_characters_are_shown_not_sent() -> None:
    text = "Red \x1b[31malert\x07 here.\x9b2J"
    passage, runs = passage_runs(text, [(0, len(text))], [], "del")
    assert len(passage) == len(text)  # offsets keep their meaning
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in passage)
    assert "[31malert" in passage and passage.count("\ufffd") == 3


def test_overlapping_and_unsorted_marks_cover_the_same_characters() -> None:
    text = "alpha beta gamma. delta epsilon."
    spans = [(0, 17), (18, 32)]
    marks = [(11, 16), (6, 10), (8, 12), (24, 31), (0, 0)]
    passage, runs = passage_runs(text, spans, marks, "ins")
    marked = [passage[s:e] for s, e, role in runs if role == "ins"]
    assert marked == ["beta gamma", "epsilon"]
    covered = [role for s, e, role in runs for _ in range(e - s)]
    assert len(covered) == len(passage)  # runs tile the passage exactly


@st.composite
def alignments(draw) -> Alignment:
    """Arbitrary (even inconsistent) alignments: views must draw whatever an aligner returns."""
    alphabet = st.sampled_from("ab c.\n界\x1b")
    a_text = draw(st.text(alphabet, max_size=80))
    b_text = draw(st.text(alphabet, max_size=80))

    def spans(limit: int):
        bound = limit + 5  # sometimes past the end
        pair = st.tuples(st.integers(0, bound), st.integers(0, bound))
        return st.lists(pair.map(lambda p: (min(p), max(p))), min_size=1, max_size=3).map(tuple)

    ops = st.builds(
        DiffOp,
        st.sampled_from(["equal", "insert", "delete", "replace"]),
        spans(len(a_text)).map(lambda s: s[0]),
        spans(len(b_text)).map(lambda s: s[0]),
    )
    pairs = draw(
        st.lists(
            st.builds(
                Pair,
                spans(len(a_text)),
                spans(len(b_text)),
                st.sampled_from(["identical", "changed", "moved"]),
                st.floats(0, 100),
                st.lists(ops, max_size=4).map(tuple),
            ),
            max_size=3,
        )
    )
    kinds = st.sampled_from(["identical", "changed", "moved", "only_a", "only_b", "only_each"])
    rows = draw(
        st.lists(
            st.builds(
                Row,
                kinds,
                st.none() | spans(len(a_text)),
                st.none() | spans(len(b_text)),
                st.lists(st.integers(0, 4), max_size=2).map(tuple),
                st.none() | st.integers(0, 6),
            ),
            max_size=6,
        )
    )
    return Alignment(a_text, b_text, pairs, [], [], rows)


@settings(max_examples=120, deadline=None)
@given(alignments(), st.integers(min_value=12, max_value=90), st.booleans())
def test_any_alignment_lays_out_without_breaking_the_grid(
    alignment: Alignment, width: int, unified: bool
) -> None:
    result = layout(alignment, width, unified=unified)
    assert len(result.row_starts) == len(alignment.rows)
    assert result.row_starts == sorted(result.row_starts)
    left_width, right_width = (unified_width(width), 0) if unified else split_widths(width)
    for line in result.lines:
        assert cell_len(line.left.plain) <= max(left_width, 2)
        assert all(ord(ch) >= 0x20 and not 0x7F <= ord(ch) < 0xA0 for ch in line.left.plain)
        if unified:
            assert line.right is None
        else:
            assert line.right is not None and cell_len(line.right.plain) <= max(right_width, 2)
    assert mirror(mirror(alignment)) == alignment
