"""Sentence features, candidate generation and pair scoring for the aligner.

Candidates come from an inverted index of content-word stems: two sentences are compared
only if they share a stem that is rare on the other side, so 2,000 x 2,000 sentences cost a
few thousand scorer calls instead of four million. Scores mix an idf-weighted overlap of
content words (what the sentences are about) with rapidfuzz's ``ratio`` on the normalised
text (how they say it). Both are symmetric, so aligning B with A mirrors A with B.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from reader.normalize import content_stems, idf_weights, words
from reader.segment import split_sentences

Span = tuple[int, int]
Range = tuple[int, int]  # half-open range of sentence indexes

CANDIDATES_PER_SENTENCE = 6
# A stem on more sentences than this is too common to find candidates with (it still counts
# when a candidate is scored).
MAX_POSTINGS = 60


@dataclass(slots=True)
class Side:
    """The sentences of one text and what the scorer needs about each."""

    text: str
    spans: list[Span]
    norms: list[str]  # normalised words joined by spaces
    stems: list[frozenset[str]]
    weights: list[float]  # idf weight of each sentence's stems


@dataclass(frozen=True, slots=True)
class Match:
    """Scored correspondence of a range of A sentences with a range of B sentences."""

    score: float
    a: Range
    b: Range
    shared: int  # number of shared content stems
    cover: float  # shared weight / weight of the heavier side (0-1)
    identical: bool = False  # same words after normalisation
    length: int = 0  # characters of the normalised A side


def build_sides(a_text: str, b_text: str) -> tuple[Side, Side, dict[str, float]]:
    """Split both texts and compute the features, with idf over the sentences of both."""
    spans_a, spans_b = split_sentences(a_text), split_sentences(b_text)
    tokens_a = [words(a_text[s:e]) for s, e in spans_a]
    tokens_b = [words(b_text[s:e]) for s, e in spans_b]
    stems_a = [frozenset(content_stems(t)) for t in tokens_a]
    stems_b = [frozenset(content_stems(t)) for t in tokens_b]
    idf = idf_weights(stems_a + stems_b)
    side_a = _side(a_text, spans_a, tokens_a, stems_a, idf)
    side_b = _side(b_text, spans_b, tokens_b, stems_b, idf)
    return side_a, side_b, idf


def _side(
    text: str,
    spans: list[Span],
    tokens: list[list[str]],
    stems: list[frozenset[str]],
    idf: dict[str, float],
) -> Side:
    weights = [sum(idf[t] for t in s) for s in stems]
    return Side(text, spans, [" ".join(t) for t in tokens], stems, weights)


def candidate_pairs(a: Side, b: Side, idf: dict[str, float]) -> set[tuple[int, int]]:
    """Sentence pairs sharing rare content stems (the best few per sentence, both ways), and
    identical sentences (which may have no content word at all)."""
    pairs = _best_partners(a.stems, b.stems, idf)
    pairs |= {(i, j) for j, i in _best_partners(b.stems, a.stems, idf)}
    where_b: dict[str, list[int]] = {}
    for j, norm in enumerate(b.norms):
        if norm:
            where_b.setdefault(norm, []).append(j)
    for i, norm in enumerate(a.norms):
        for j in where_b.get(norm, ())[:CANDIDATES_PER_SENTENCE]:
            pairs.add((i, j))
    return pairs


def _best_partners(
    queries: Sequence[frozenset[str]], targets: Sequence[frozenset[str]], idf: dict[str, float]
) -> set[tuple[int, int]]:
    postings: dict[str, list[int]] = {}
    for j, stems in enumerate(targets):
        for stem in stems:
            postings.setdefault(stem, []).append(j)
    limit = max(MAX_POSTINGS, len(targets) // 20)
    found: set[tuple[int, int]] = set()
    for i, stems in enumerate(queries):
        overlap: dict[int, float] = {}
        for stem in stems:
            hits = postings.get(stem)
            if hits is None or len(hits) > limit:
                continue
            weight = idf[stem]
            for j in hits:
                overlap[j] = overlap.get(j, 0.0) + weight
        if len(overlap) > CANDIDATES_PER_SENTENCE:
            best = sorted(overlap, key=lambda j: (-overlap[j], j))[:CANDIDATES_PER_SENTENCE]
        else:
            best = list(overlap)
        found.update((i, j) for j in best)
    return found


def score(a: Side, b: Side, ra: Range, rb: Range, idf: dict[str, float]) -> Match:
    """Similarity of A sentences ``ra`` with B sentences ``rb``, 0-100."""
    norm_a = " ".join(a.norms[ra[0] : ra[1]])
    norm_b = " ".join(b.norms[rb[0] : rb[1]])
    stems_a = _union(a.stems, ra)
    stems_b = _union(b.stems, rb)
    if norm_a == norm_b and norm_a:
        return Match(100.0, ra, rb, len(stems_a), 1.0, True, len(norm_a))
    weight_a = sum(idf[t] for t in stems_a)
    weight_b = sum(idf[t] for t in stems_b)
    shared = stems_a & stems_b
    weight_shared = sum(idf[t] for t in shared)
    if weight_shared == 0:
        return Match(0.0, ra, rb, 0, 0.0)
    dice = 2 * weight_shared / (weight_a + weight_b)
    cover = weight_shared / max(weight_a, weight_b)
    ratio = fuzz.ratio(norm_a, norm_b) / 100
    value = 100 * (0.6 * dice + 0.4 * ratio)
    return Match(value, ra, rb, len(shared), cover, False, len(norm_a))


def _union(stems: list[frozenset[str]], r: Range) -> frozenset[str]:
    if r[1] - r[0] == 1:
        return stems[r[0]]
    return frozenset().union(*stems[r[0] : r[1]])
