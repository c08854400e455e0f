"""Word-level differences inside an aligned pair, as character spans.

Tokens are words and single punctuation marks; they are compared normalised (case, quote
and dash style ignored) with rapidfuzz's Levenshtein opcodes, which are ~30x faster than
difflib on sentence-sized lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate

from rapidfuzz.distance import Levenshtein

from reader.alignment import DiffOp, Span
from reader.normalize import TYPOGRAPHY

_TOKEN = re.compile(r"\w+(?:['’.]\w+)*|[^\w\s]")
# The same pattern with a capture group: ``split`` yields separator, token, separator, ...
# so offsets come from summing lengths at C speed instead of a Match object per token.
_SPLIT = re.compile(r"(\w+(?:['’.]\w+)*|[^\w\s])")


def tokens(text: str, spans: Sequence[Span]) -> list[tuple[str, int, int]]:
    """(normalised token, start, end) for every token inside ``spans``."""
    found: list[tuple[str, int, int]] = []
    for start, end in _joined(text, spans):
        region = text[start:end]
        folded = region.translate(TYPOGRAPHY).casefold()
        if len(folded) == len(region):  # the usual case: cut the tokens out of the folded text
            parts = _SPLIT.split(folded)
            ends = list(accumulate(map(len, parts), initial=start))
            # part k spans ends[k]..ends[k + 1]; tokens are the odd parts
            found.extend(zip(parts[1::2], ends[1::2], ends[2::2], strict=False))
        else:  # a character changed length when folded (ß, …): fold token by token
            found.extend(
                (m.group().translate(TYPOGRAPHY).casefold(), start + m.start(), start + m.end())
                for m in _TOKEN.finditer(region)
            )
    return found


def _joined(text: str, spans: Sequence[Span]) -> list[Span]:
    """Consecutive spans with only white space between them as one (fewer regex calls; the
    tokens are the same)."""
    out: list[Span] = []
    for start, end in spans:
        if out and out[-1][1] < start and text[out[-1][1] : start].isspace():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def word_diff(
    a_text: str, a_spans: Sequence[Span], b_text: str, b_spans: Sequence[Span]
) -> tuple[DiffOp, ...]:
    """Equal / insert / delete / replace operations between two passages, in reading order."""
    a_tokens = tokens(a_text, a_spans)
    b_tokens = tokens(b_text, b_spans)
    ops = Levenshtein.opcodes([t[0] for t in a_tokens], [t[0] for t in b_tokens])
    result: list[DiffOp] = []
    for op in ops:
        a_span = _span(a_tokens, op.src_start, op.src_end, a_spans)
        b_span = _span(b_tokens, op.dest_start, op.dest_end, b_spans)
        result.append(DiffOp(op.tag, a_span, b_span))  # type: ignore[arg-type]
    return tuple(result)


def _span(toks: list[tuple[str, int, int]], first: int, last: int, spans: Sequence[Span]) -> Span:
    if first < last:
        return (toks[first][1], toks[last - 1][2])
    if first < len(toks):  # empty: the place where the other side's words go
        return (toks[first][1], toks[first][1])
    if toks:
        return (toks[-1][2], toks[-1][2])
    position = spans[-1][1] if spans else 0
    return (position, position)
