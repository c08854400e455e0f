"""Align two articles sentence by sentence: what matches, what moved, what is unique.

Pipeline (all plain Python, no Textual):

1. split both texts into sentences and compute content-word features (``align_score``);
2. find candidate pairs through an inverted index of rare content stems, score only those;
3. add split/merge candidates: one sentence against two or three consecutive ones;
4. choose *anchors* globally, best score first, with a strict test (a paraphrase passes,
   a look-alike that shares a few words does not);
5. grow passages from the anchors to neighbouring sentences with a looser test, since a
   sentence next to a matched one on both sides is far more likely to be its counterpart;
6. join consecutive matches into passages (bridging a one-sentence gap on both sides),
   mark passages out of the longest in-order chain as moved;
7. word-level diff of each passage and rows for a side-by-side view (``align_rows``).
"""

from __future__ import annotations

import gc
from math import fsum

from reader.align_passages import (
    drop_slight,
    join_passages,
    longest_chain,
)
from reader.align_rows import build_rows, passage_pieces
from reader.align_score import Match, Range, Side, build_sides, candidate_pairs, score
from reader.align_versions import rescore_edits
from reader.alignment import Alignment, DiffOp, Pair, Span, Summary
from reader.diff import word_diff
from reader.normalize import normalise

# Anchors: a match on its own must be convincing.
ANCHOR_SCORE = 55.0
ANCHOR_SHARED = 2
ANCHOR_COVER = 0.35
# Extensions: next to an anchor on both sides, less is needed.
EXTEND_SCORE = 30.0
EXTEND_SHARED = 1
EXTEND_COVER = 0.15
# A split/merge must beat the plain one-to-one match by this much.
GROUP_MARGIN = 2.0
GROUP_SHAPES = ((1, 2), (2, 1), (1, 3), (3, 1))
GROUP_ASYMMETRY = 1.3  # a split is tried where one side has this much more content
PIECE_SHARE = 0.5
MEMBER_SHARE = 0.15


def align(a_text: str, b_text: str) -> Alignment:
    """Align ``a_text`` with ``b_text``; every span in the result indexes its own text."""
    # The aligner makes hundreds of thousands of short-lived objects and no reference cycles:
    # the cyclic garbage collector's passes over them are wasted time (5% at 2,000 sentences,
    # more in the app, which holds many more objects). State restored as found.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _align(a_text, b_text)
    finally:
        if enabled:
            gc.enable()


def _align(a_text: str, b_text: str) -> Alignment:
    a, b, idf = build_sides(a_text, b_text)
    matches = choose_matches(a, b, idf)
    passages = join_passages(matches, a, b)
    passages, matches, scores = drop_slight(passages, matches, a, b, ANCHOR_SCORE)
    in_order = longest_chain(passages, a, b)
    pairs: list[Pair] = []
    for index, (ra, rb) in enumerate(passages):
        a_spans = tuple(a.spans[ra[0] : ra[1]])
        b_spans = tuple(b.spans[rb[0] : rb[1]])
        identical = a.norms[ra[0] : ra[1]] == b.norms[rb[0] : rb[1]]
        if index not in in_order:
            kind = "moved"
        else:
            kind = "identical" if identical else "changed"
        value = 100.0 if identical else scores[index]
        same_words = identical or " ".join(a.norms[ra[0] : ra[1]]) == " ".join(
            b.norms[rb[0] : rb[1]]
        )
        diff = _diff(a_text, a_spans, b_text, b_spans, same_words)
        pairs.append(Pair(a_spans, b_spans, kind, round(min(100.0, value), 1), diff))
    only_a, share_a = _outside(a, [ra for ra, _ in passages])  # (passages come in A order)
    only_b, share_b = _outside(b, sorted(rb for _, rb in passages))
    pieces = passage_pieces(passages, matches, in_order, a.norms, b.norms)
    rows = build_rows(a.spans, b.spans, passages, in_order, pairs, pieces)
    return Alignment(a_text, b_text, pairs, only_a, only_b, rows, Summary(share_a, share_b))


def _outside(side: Side, ranges: list[Range]) -> tuple[list[Span], float]:
    """The sentences outside ``ranges`` (in order), and the share of the side's characters
    inside them, rounded as ``Summary`` keeps it: range by range with the side's prefix sums,
    not sentence by sentence."""
    chars = side.chars_before
    outside: list[Span] = []
    at = inside = 0
    for start, end in ranges:
        outside += side.spans[at:start]
        if end > max(start, at):  # (ranges do not overlap; if they did, count once)
            inside += chars[end] - chars[max(start, at)]
        at = max(at, end)
    outside += side.spans[at:]
    total = chars[-1]
    return outside, round(inside / total, 4) if total else 0.0


def _diff(
    a_text: str,
    a_spans: tuple[Span, ...],
    b_text: str,
    b_spans: tuple[Span, ...],
    same_words: bool,
) -> tuple[DiffOp, ...]:
    a_region = a_text[a_spans[0][0] : a_spans[-1][1]]
    b_region = b_text[b_spans[0][0] : b_spans[-1][1]]
    # Different words mean different regions: normalise only when the words agree (and the
    # regions differ: a copied passage is equal as it stands).
    if same_words and (a_region == b_region or normalise(a_region) == normalise(b_region)):
        return (DiffOp("equal", (a_spans[0][0], a_spans[-1][1]), (b_spans[0][0], b_spans[-1][1])),)
    return word_diff(a_text, a_spans, b_text, b_spans)


# Identical sentences anchor on their own when they say something (a name, a number) or are
# long; "Read more." only joins a passage that is already there.
IDENTICAL_ANCHOR_LENGTH = 20


def is_anchor(match: Match) -> bool:
    if match.identical:
        return match.shared >= 1 or match.length >= IDENTICAL_ANCHOR_LENGTH
    if match.quote:
        return True
    return (
        match.score >= ANCHOR_SCORE
        and match.shared >= ANCHOR_SHARED
        and match.cover >= ANCHOR_COVER
    )


def is_extension(match: Match) -> bool:
    return match.identical or (
        match.score >= EXTEND_SCORE
        and match.shared >= EXTEND_SHARED
        and match.cover >= EXTEND_COVER
    )


def _order(match: Match) -> tuple[float, int, int, int]:
    # Best first; ties broken the same way whichever text is A (for mirror symmetry).
    a0, b0 = match.a[0], match.b[0]
    return (-match.score, a0 + b0, abs(a0 - b0), max(match.a[1] - a0, match.b[1] - b0))


def choose_matches(a: Side, b: Side, idf: dict[str, float]) -> list[Match]:
    """Anchors chosen globally best-first, then grown into their neighbourhood."""
    settled: set[tuple[int, int]] = set()
    candidates = candidate_pairs(a, b, idf, settled)
    singles = {(i, j): score(a, b, (i, i + 1), (j, j + 1), idf) for i, j in settled}
    # A sentence found once in each text, word for word, is an anchor at 100: taken first, so
    # no other pair with either of its sentences can be chosen. Those are not scored (a sixth
    # of the candidates between two versions of a long text).
    taken_a = {i for (i, _), match in singles.items() if is_anchor(match)}
    taken_b = {j for (_, j), match in singles.items() if is_anchor(match)}
    singles.update(
        ((i, j), score(a, b, (i, i + 1), (j, j + 1), idf))
        for i, j in candidates
        if i not in taken_a and j not in taken_b
    )
    singles = rescore_edits(singles, a, b)  # versions of one text: one fact edited is a change
    edges = [m for m in singles.values() if is_extension(m)]
    edges.extend(_group_edges(a, b, idf, singles))
    edges.sort(key=_order)
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[Match] = []
    for match in edges:
        if not is_anchor(match):
            continue
        (a0, a1), (b0, b1) = match.a, match.b
        if a1 - a0 == 1 == b1 - b0:  # one sentence a side (most): set tests, no ranges
            if a0 not in used_a and b0 not in used_b:
                chosen.append(match)
                used_a.add(a0)
                used_b.add(b0)
        elif _free(match, used_a, used_b):
            _take(match, chosen, used_a, used_b)
    _extend(a, b, idf, chosen, used_a, used_b)
    return chosen


def _group_edges(
    a: Side, b: Side, idf: dict[str, float], singles: dict[tuple[int, int], Match]
) -> list[Match]:
    """One sentence against 2-3 consecutive ones, where that beats the one-to-one match.

    Tried only where the heavier sentence has content the lighter one lacks and each added
    neighbour supplies some of it, which keeps the number of scored groups small.
    """
    groups: dict[tuple[Range, Range], Match] = {}
    for (i, j), single in singles.items():
        if single.score < EXTEND_SCORE and not single.claim_added:
            continue
        if single.identical:  # the same stems on both sides: neither is heavier
            continue
        if a.weights[i] > GROUP_ASYMMETRY * b.weights[j]:
            leftover, light, heavy_is_a = a.stems[i] - b.stems[j], b.stems, True
        elif b.weights[j] > GROUP_ASYMMETRY * a.weights[i]:
            leftover, light, heavy_is_a = b.stems[j] - a.stems[i], a.stems, False
        else:
            continue
        centre = j if heavy_is_a else i
        # Where the heavy sentence adds a claim, a neighbour must be a piece of it (the rest
        # of a split sentence, a hard-wrapped line), not a sentence that shares a word.
        pieces = (b if heavy_is_a else a) if single.claim_added else None
        heavy = a.stems[i] if heavy_is_a else b.stems[j]
        # The centre and those of its neighbours (up to two away) that supply some leftover.
        sharing = {
            k
            for k in range(max(0, centre - 2), min(len(light), centre + 3))
            if k == centre
            or (leftover & light[k] and (pieces is None or _piece_of(pieces, k, heavy, idf)))
        }
        if len(sharing) == 1:
            continue
        for size in (2, 3):
            for first in range(centre - size + 1, centre + 1):
                last = first + size
                if first < 0 or last > len(light):
                    continue
                if not sharing.issuperset(range(first, last)):
                    continue
                ra, rb = ((i, i + 1), (first, last)) if heavy_is_a else ((first, last), (j, j + 1))
                if (ra, rb) in groups:
                    continue
                group = score(a, b, ra, rb, idf)
                if group.score >= single.score + GROUP_MARGIN:
                    groups[(ra, rb)] = group
    return list(groups.values())


def _piece_of(side: Side, k: int, stems: frozenset[str], idf: dict[str, float]) -> bool:
    """Sentence ``k`` of ``side`` says mostly what ``stems`` say (PIECE_SHARE of its weight)."""
    shared = fsum(map(idf.__getitem__, side.stems[k] & stems))
    return shared >= PIECE_SHARE * side.weights[k]


def _every_member_shares(a: Side, b: Side, ra: Range, rb: Range, idf: dict[str, float]) -> bool:
    """Each sentence of a group shares MEMBER_SHARE of its content with the other side (a
    neighbour that shares one word, "years", is not part of the passage)."""
    stems_a = frozenset().union(*a.stems[ra[0] : ra[1]])
    stems_b = frozenset().union(*b.stems[rb[0] : rb[1]])
    return all(_shares(a, i, stems_b, idf, MEMBER_SHARE) for i in range(*ra)) and all(
        _shares(b, j, stems_a, idf, MEMBER_SHARE) for j in range(*rb)
    )


def _shares(side: Side, k: int, stems: frozenset[str], idf: dict[str, float], share: float) -> bool:
    common = side.stems[k] & stems
    return bool(common) and fsum(map(idf.__getitem__, common)) >= share * side.weights[k]


def _free(match: Match, used_a: set[int], used_b: set[int]) -> bool:
    return _free_ranges(match.a, match.b, used_a, used_b)


def _take(match: Match, chosen: list[Match], used_a: set[int], used_b: set[int]) -> None:
    chosen.append(match)
    used_a.update(range(*match.a))
    used_b.update(range(*match.b))


def _extend(
    a: Side,
    b: Side,
    idf: dict[str, float],
    chosen: list[Match],
    used_a: set[int],
    used_b: set[int],
) -> None:
    """Grow matches into free neighbouring sentences on both sides, round by round.

    Scores never change and used sentences only accumulate, so a match that could not grow
    once never can: each round looks only at the matches the previous round added.
    """
    shapes = ((1, 1), *GROUP_SHAPES)
    n_a, n_b = len(a.spans), len(b.spans)
    frontier = list(chosen)
    while frontier:
        proposals: list[Match] = []
        for match in frontier:
            # Every neighbour takes the sentence just after (or before) the match on both
            # sides: where those are used on either side, no shape can fit there.
            (a0, a1), (b0, b1) = match.a, match.b
            after = a1 < n_a and b1 < n_b and a1 not in used_a and b1 not in used_b
            before = a0 > 0 and b0 > 0 and a0 - 1 not in used_a and b0 - 1 not in used_b
            if not (after or before):
                continue
            for ra, rb in _neighbours(match, shapes, n_a, n_b):
                if not _free_ranges(ra, rb, used_a, used_b):
                    continue
                if (ra[1] - ra[0]) * (rb[1] - rb[0]) > 1 and not _every_member_shares(
                    a, b, ra, rb, idf
                ):
                    continue
                scored = score(a, b, ra, rb, idf)
                if is_extension(scored):
                    proposals.append(scored)
        proposals.sort(key=_order)
        frontier = []
        for match in proposals:
            if _free(match, used_a, used_b):
                _take(match, chosen, used_a, used_b)
                frontier.append(match)


def _neighbours(
    match: Match, shapes: tuple[tuple[int, int], ...], n_a: int, n_b: int
) -> list[tuple[Range, Range]]:
    out: list[tuple[Range, Range]] = []
    for size_a, size_b in shapes:
        after = ((match.a[1], match.a[1] + size_a), (match.b[1], match.b[1] + size_b))
        before = ((match.a[0] - size_a, match.a[0]), (match.b[0] - size_b, match.b[0]))
        for ra, rb in (after, before):
            if ra[0] >= 0 and rb[0] >= 0 and ra[1] <= n_a and rb[1] <= n_b:
                out.append((ra, rb))
    return out


def _free_ranges(ra: Range, rb: Range, used_a: set[int], used_b: set[int]) -> bool:
    return used_a.isdisjoint(range(*ra)) and used_b.isdisjoint(range(*rb))
