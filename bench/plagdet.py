"""PAN plagiarism-detection measures (Potthast, Stein, Barron-Cedeno, Rosso 2010).

A plagiarism *case* and a *detection* are both a pair of character sets: one in the source
document and one in the suspicious document (here: text A and text B of one document pair).
They are given as :class:`Annotation` objects holding half-open ``(start, end)`` spans per side,
plus the id of the document pair they belong to (cases and detections of different document
pairs never touch each other).

- ``r`` *detects* ``s`` iff they belong to the same document pair and ``r`` overlaps ``s`` on
  BOTH sides; then ``s ⊓ r = s ∩ r`` (characters of both sides), else ``∅``.
- precision = 1/|R| * sum_r |U_s (s ⊓ r)| / |r|
- recall    = 1/|S| * sum_s |U_r (s ⊓ r)| / |s|
- granularity = 1/|S_R| * sum_{s in S_R} |R_s|, S_R the detected cases, R_s their detections
- plagdet = F1(precision, recall) / log2(1 + granularity)

Edge cases follow PAN's reference ``perfmeasures.py``: no cases and no detections gives
precision = recall = 1; only one of the two empty gives 0 for both; granularity is 1 when
nothing is detected.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Annotation:
    """A case or a detection: character spans in A (source) and B (suspicious)."""

    doc: str
    a: tuple[Span, ...]
    b: tuple[Span, ...]

    @classmethod
    def of(cls, doc: str, a: Span | Sequence[Span], b: Span | Sequence[Span]) -> Annotation:
        """Build from one span or a sequence of spans per side; empty spans are dropped."""
        return cls(doc, _as_spans(a), _as_spans(b))

    def size(self) -> int:
        return _covered(self.a) + _covered(self.b)


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int
    detections: int

    def row(self) -> str:
        return (
            f"P {self.precision:.3f}  R {self.recall:.3f}  G {self.granularity:.3f}  "
            f"plagdet {self.plagdet:.3f}"
        )


def _as_spans(spans: Span | Sequence[Span]) -> tuple[Span, ...]:
    if len(spans) == 2 and all(isinstance(x, int) for x in spans):
        spans = [spans]  # type: ignore[list-item]
    return tuple((int(s), int(e)) for s, e in spans if e > s)  # type: ignore[misc]


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Union of half-open spans as sorted, disjoint spans."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _covered(spans: Iterable[Span]) -> int:
    return sum(e - s for s, e in _merge(spans))


def _intersect(xs: Sequence[Span], ys: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for xs_, xe in _merge(xs):
        for ys_, ye in _merge(ys):
            start, end = max(xs_, ys_), min(xe, ye)
            if start < end:
                out.append((start, end))
    return out


def detects(r: Annotation, s: Annotation) -> bool:
    """True if ``r`` overlaps ``s`` on both sides of the same document pair."""
    return r.doc == s.doc and bool(_intersect(r.a, s.a)) and bool(_intersect(r.b, s.b))


def _share(target: Annotation, others: Sequence[Annotation]) -> float:
    """|U_o (target ⊓ o)| / |target| over the ``others`` that overlap ``target`` on both sides."""
    size = target.size()
    if size == 0:
        return 0.0
    hit_a: list[Span] = []
    hit_b: list[Span] = []
    for other in others:
        if detects(other, target):
            hit_a.extend(_intersect(target.a, other.a))
            hit_b.extend(_intersect(target.b, other.b))
    return (_covered(hit_a) + _covered(hit_b)) / size


def _by_doc(items: Iterable[Annotation]) -> dict[str, list[Annotation]]:
    grouped: dict[str, list[Annotation]] = defaultdict(list)
    for item in items:
        grouped[item.doc].append(item)
    return grouped


def precision_recall(
    cases: Sequence[Annotation], detections: Sequence[Annotation]
) -> tuple[float, float]:
    """Macro-averaged character precision and recall."""
    if not cases and not detections:
        return 1.0, 1.0
    if not cases or not detections:
        return 0.0, 0.0
    cases_by_doc, dets_by_doc = _by_doc(cases), _by_doc(detections)
    recall = sum(_share(s, dets_by_doc.get(s.doc, [])) for s in cases) / len(cases)
    precision = sum(_share(r, cases_by_doc.get(r.doc, [])) for r in detections) / len(detections)
    return precision, recall


def granularity(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> float:
    """Mean number of detections per detected case (1 = each found case found in one piece)."""
    dets_by_doc = _by_doc(detections)
    counts = [sum(detects(r, s) for r in dets_by_doc.get(s.doc, [])) for s in cases]
    found = [n for n in counts if n > 0]
    return sum(found) / len(found) if found else 1.0


def plagdet_score(precision: float, recall: float, gran: float) -> float:
    if precision <= 0 or recall <= 0 or gran < 1:
        return 0.0
    f1 = 2 * precision * recall / (precision + recall)
    return f1 / math.log2(1 + gran)


def evaluate(cases: Sequence[Annotation], detections: Sequence[Annotation]) -> Scores:
    precision, recall = precision_recall(cases, detections)
    gran = granularity(cases, detections)
    return Scores(
        precision,
        recall,
        gran,
        plagdet_score(precision, recall, gran),
        len(cases),
        len(detections),
    )
