"""The result of comparing two texts: what `reader.align.align` returns and views draw.

Plain data, no Textual. Every span is a half-open ``(start, end)`` character range into that
side's text (``Alignment.a_text`` / ``Alignment.b_text``). The design keeps one object per pair
of articles; a story view of many outlets lines up several Alignments against one reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Span = tuple[int, int]
DiffTag = Literal["equal", "insert", "delete", "replace"]
PairKind = Literal["identical", "changed", "moved"]
# "only_each": both sides have text of their own in one place (one outlet's sentences beside
# what the other says there instead), each side unique as in "only_a" / "only_b".
RowKind = Literal["identical", "changed", "moved", "only_a", "only_b", "only_each"]


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One word-level edit between the two sides of a pair.

    ``a`` / ``b`` are character spans in the respective texts; an insert has an empty ``a``
    span (start == end) at the place of insertion, a delete an empty ``b`` span.
    """

    tag: DiffTag
    a: Span
    b: Span

    def to_json(self) -> dict[str, Any]:
        return {"tag": self.tag, "a": list(self.a), "b": list(self.b)}


@dataclass(frozen=True, slots=True)
class Pair:
    """Sentences of A matched with sentences of B (one-to-one, one-to-many or many-to-one).

    ``a`` and ``b`` list sentence spans in reading order (consecutive sentences on each side).
    ``kind`` is "identical" (same words after normalisation), "changed", or "moved" (matched but
    out of order relative to the other pairs). ``score`` is 0-100.
    """

    a: tuple[Span, ...]
    b: tuple[Span, ...]
    kind: PairKind
    score: float
    diff: tuple[DiffOp, ...] = ()

    @property
    def identical(self) -> bool:
        return self.kind == "identical"

    def to_json(self) -> dict[str, Any]:
        return {
            "a": [list(s) for s in self.a],
            "b": [list(s) for s in self.b],
            "kind": self.kind,
            "score": round(self.score, 1),
            "diff": [d.to_json() for d in self.diff],
        }


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the side-by-side view, in A's reading order.

    A row holds a passage on one or both sides; ``None`` means filler on that side.
    ``pairs`` indexes ``Alignment.pairs`` for the pairs shown in this row (empty for unique
    passages). For a moved passage, ``partner`` is the index of the row holding its partner
    when the partner is drawn elsewhere, so a view can jump to it.
    """

    kind: RowKind
    a: tuple[Span, ...] | None
    b: tuple[Span, ...] | None
    pairs: tuple[int, ...] = ()
    partner: int | None = None


@dataclass(frozen=True, slots=True)
class Summary:
    a_in_b: float  # share of A's characters (in sentences) that are matched in B, 0-1
    b_in_a: float


@dataclass(slots=True)
class Alignment:
    a_text: str
    b_text: str
    pairs: list[Pair] = field(default_factory=list)
    only_a: list[Span] = field(default_factory=list)
    only_b: list[Span] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    summary: Summary = field(default_factory=lambda: Summary(0.0, 0.0))
