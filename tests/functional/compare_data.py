"""Two small invented articles and a hand-made Alignment of them, for the compare view tests.

The alignment is written out row by row (which sentences go together and how), so the view
tests do not depend on the aligner; the word diffs come from difflib over the two passages.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from reader.alignment import Alignment, DiffOp, Pair, Row, Span, Summary
from reader.model import Article

A_PARAGRAPHS = [
    "The river council voted on Tuesday to close the old bridge for repairs. "
    "Engineers found cracks in two of its piers last month.",
    "Traffic will move to the ferry until the spring. "
    "The mayor said the closure would cost the town about two million euros.",
    "Shop owners on the east bank fear a quiet winter. "
    "A survey by the chamber of commerce put the loss at ten percent of sales.",
    "Residents can send questions to the council until Friday. "
    "Markup like [bold]this[/bold] is text, not style.",
]
B_PARAGRAPHS = [
    "The town's old bridge will close for repairs after a council vote on Tuesday. "
    "The mayor said the closure would cost the town about three million euros.",
    "Engineers found cracks in two of its piers last month. "
    "Traffic will move to the ferry until the summer.",
    "The ferry company is adding two crossings an hour. "
    "Residents can send questions to the council until Friday.",
]


def _sentences(paragraphs: Sequence[str]) -> list[str]:
    return [s for p in paragraphs for s in re.split(r"(?<=[.!?])\s+", p) if s]


A_SENTENCES = _sentences(A_PARAGRAPHS)
B_SENTENCES = _sentences(B_PARAGRAPHS)

# (kind, A sentence numbers, B sentence numbers, partner row) in A's reading order.
ROW_SPEC: list[tuple[str, tuple[int, ...], tuple[int, ...], int | None]] = [
    ("changed", (0,), (0,), None),
    ("identical", (1,), (2,), None),
    ("changed", (2,), (3,), None),
    ("moved", (3,), (), 7),
    ("only_a", (4,), (), None),
    ("only_a", (5,), (), None),
    ("only_b", (), (4,), None),
    ("moved", (), (1,), 3),
    ("identical", (6,), (5,), None),
    ("only_a", (7,), (), None),
]


def make_articles() -> tuple[Article, Article]:
    a = Article(
        title="Old bridge to close for repairs",
        paragraphs=list(A_PARAGRAPHS),
        source="River Post",
        date="2026-03-03",
    )
    b = Article(
        title="Council shuts the town bridge",
        paragraphs=list(B_PARAGRAPHS),
        source="Valley Herald",
        date="2026-03-04",
    )
    return a, b


def _span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return start, start + len(sentence)


def _word_diff(a_text: str, a_span: Span, b_text: str, b_span: Span) -> tuple[DiffOp, ...]:
    a_words = [(m.start() + a_span[0], m.end() + a_span[0]) for m in _words(a_text, a_span)]
    b_words = [(m.start() + b_span[0], m.end() + b_span[0]) for m in _words(b_text, b_span)]
    a_tokens = [a_text[s:e].lower() for s, e in a_words]
    b_tokens = [b_text[s:e].lower() for s, e in b_words]
    ops: list[DiffOp] = []
    matcher = difflib.SequenceMatcher(a=a_tokens, b=b_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a_part = _cover(a_words, i1, i2, a_span[0])
        b_part = _cover(b_words, j1, j2, b_span[0])
        ops.append(DiffOp(tag, a_part, b_part))  # type: ignore[arg-type]
    return tuple(ops)


def _words(text: str, span: Span) -> list[re.Match[str]]:
    return list(re.finditer(r"\w[\w'’]*|[^\w\s]", text[span[0] : span[1]]))


def _cover(words: list[Span], first: int, last: int, fallback: int) -> Span:
    if last > first:
        return words[first][0], words[last - 1][1]
    at = words[first][0] if first < len(words) else (words[-1][1] if words else fallback)
    return at, at


def build_alignment(a_text: str, b_text: str) -> Alignment:
    """The hand-made alignment of the two fixture articles (in either order of the texts)."""
    swapped = a_text.startswith(B_SENTENCES[0])
    if swapped:
        a_text, b_text = b_text, a_text
    alignment = _build(a_text, b_text)
    if swapped:
        from reader.ui.compare.layout import mirror

        return mirror(alignment)
    return alignment


def _build(a_text: str, b_text: str) -> Alignment:
    pairs: list[Pair] = []
    rows: list[Row] = []
    only_a: list[Span] = []
    only_b: list[Span] = []
    pair_of_partner: dict[int, int] = {}
    for index, (kind, a_ids, b_ids, partner) in enumerate(ROW_SPEC):
        a_spans = tuple(_span(a_text, A_SENTENCES[i]) for i in a_ids) or None
        b_spans = tuple(_span(b_text, B_SENTENCES[i]) for i in b_ids) or None
        pair_ids: tuple[int, ...] = ()
        if kind in ("identical", "changed") and a_spans and b_spans:
            diff = _word_diff(a_text, a_spans[0], b_text, b_spans[0])
            pairs.append(Pair(a_spans, b_spans, kind, 100.0 if kind == "identical" else 80.0, diff))
            pair_ids = (len(pairs) - 1,)
        elif kind == "moved":
            if partner is not None and partner in pair_of_partner:
                pair_ids = (pair_of_partner[partner],)
            else:
                a_part = a_spans or (_span(a_text, A_SENTENCES[ROW_SPEC[partner][1][0]]),)
                b_part = b_spans or (_span(b_text, B_SENTENCES[ROW_SPEC[partner][2][0]]),)
                diff = _word_diff(a_text, a_part[0], b_text, b_part[0])
                pairs.append(Pair(a_part, b_part, "moved", 95.0, diff))
                pair_ids = (len(pairs) - 1,)
                pair_of_partner[index] = pair_ids[0]
        elif kind == "only_a" and a_spans:
            only_a.extend(a_spans)
        elif kind == "only_b" and b_spans:
            only_b.extend(b_spans)
        rows.append(Row(kind, a_spans, b_spans, pair_ids, partner))  # type: ignore[arg-type]
    a_common = sum(e - s for p in pairs for s, e in p.a)
    b_common = sum(e - s for p in pairs for s, e in p.b)
    a_total = a_common + sum(e - s for s, e in only_a)
    b_total = b_common + sum(e - s for s, e in only_b)
    summary = Summary(a_common / a_total, b_common / b_total)
    return Alignment(a_text, b_text, pairs, only_a, only_b, rows, summary)
