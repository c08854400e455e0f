"""Word diff of very long passages: sentence by sentence first, words only inside changed runs.

rapidfuzz's Indel opcodes keep a bit matrix of one side's tokens by the other's: two copies of a
1 MB document with edits here and there (one passage of 8,700 sentences) took 3 GB and 14 s in
one C call that holds the GIL (the app froze), and 5 MB failed with bad_alloc. Above
``MAX_CHAR_PAIRS`` the passage's sentences are diffed as units first (sentences with the same
folded tokens are equal runs), and only the changed runs word by word, cut into pieces of
bounded size where a run is itself that long. Below it nothing changes: articles are far
smaller (two 10,000-character passages make 10^8 pairs).
"""

from __future__ import annotations

from collections.abc import Sequence
from math import ceil, isqrt

from rapidfuzz.distance import Indel

from reader.alignment import DiffOp, Span
from reader.diff import token_columns, word_ops

MAX_CHAR_PAIRS = 250_000_000  # characters of A x characters of B diffed word by word at once


def _chars(spans: Sequence[Span]) -> int:
    return sum(end - start for start, end in spans)


def too_long(a_spans: Sequence[Span], b_spans: Sequence[Span]) -> bool:
    return _chars(a_spans) * _chars(b_spans) > MAX_CHAR_PAIRS


def sentence_first_ops(
    a_text: str, a_spans: Sequence[Span], b_text: str, b_spans: Sequence[Span]
) -> list[DiffOp]:
    """The passage's ops (before stray marks are absorbed), found sentence by sentence."""
    a_keys = [_key(a_text, span) for span in a_spans]
    b_keys = [_key(b_text, span) for span in b_spans]
    ops: list[DiffOp] = []
    # Indel has no substitution: a changed sentence is a delete next to an insert. Each run
    # of such ops between equal sentences is one changed run.
    run: list[int] | None = None  # [i1, i2, j1, j2]
    for tag, i1, i2, j1, j2 in Indel.opcodes(a_keys, b_keys).as_list():
        if tag != "equal":
            run = [i1, i2, j1, j2] if run is None else [run[0], i2, run[2], j2]
            continue
        if run is not None:
            ops.extend(_run_ops(a_text, a_spans, b_text, b_spans, *run))
            run = None
        ops.append(DiffOp("equal", _cover(a_spans[i1:i2]), _cover(b_spans[j1:j2])))
    if run is not None:
        ops.extend(_run_ops(a_text, a_spans, b_text, b_spans, *run))
    return ops


def _run_ops(
    a_text: str,
    a_spans: Sequence[Span],
    b_text: str,
    b_spans: Sequence[Span],
    i1: int,
    i2: int,
    j1: int,
    j2: int,
) -> list[DiffOp]:
    a_part, b_part = a_spans[i1:i2], b_spans[j1:j2]
    if not b_part:
        return [DiffOp("delete", _cover(a_part), _place(b_spans, j1))]
    if not a_part:
        return [DiffOp("insert", _place(a_spans, i1), _cover(b_part))]
    return _changed_run(a_text, a_part, b_text, b_part)


def _changed_run(
    a_text: str, a_spans: Sequence[Span], b_text: str, b_spans: Sequence[Span]
) -> list[DiffOp]:
    """Word ops of a run of changed sentences, in pieces paired in order when it is long."""
    pieces = ceil(isqrt(_chars(a_spans) * _chars(b_spans) // MAX_CHAR_PAIRS + 1))
    pieces = max(1, min(pieces, len(a_spans), len(b_spans)))
    ops: list[DiffOp] = []
    for k in range(pieces):
        a_part = a_spans[k * len(a_spans) // pieces : (k + 1) * len(a_spans) // pieces]
        b_part = b_spans[k * len(b_spans) // pieces : (k + 1) * len(b_spans) // pieces]
        ops.extend(word_ops(a_text, a_part, b_text, b_part))
    return ops


def _key(text: str, span: Span) -> str:
    # What the word diff compares: folded tokens (quote style, case and spacing ignored).
    return "\x00".join(token_columns(text, [span])[0])


def _cover(spans: Sequence[Span]) -> Span:
    return (spans[0][0], spans[-1][1])


def _place(spans: Sequence[Span], index: int) -> Span:
    """The empty span where the other side's sentences go: before sentence ``index``."""
    at = spans[index][0] if index < len(spans) else spans[-1][1]
    return (at, at)
