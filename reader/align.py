"""Align two articles sentence by sentence: what matches, what moved, what is unique.

Pipeline (all plain Python, no Textual):

1. split both texts into sentences and compute content-word features (``align_score``);
2. find candidate pairs through an inverted index of rare content stems, score only those;
3. add split/merge candidates: one sentence against two or three consecutive ones;
4. choose *anchors* globally, best score first, with a strict test (a paraphrase passes,
   a look-alike that shares a few words does not);
5. grow passages from the anchors to neighbouring sentences with a looser test, since a
   sentence next to a matched one on both sides is far more likely to be its counterpart;
6. join consecutive matches into passages (bridging a one- or two-sentence gap on both sides),
   mark passages out of the longest in-order chain as moved;
7. word-level diff of each passage and rows for a side-by-side view (``align_rows``).
"""

from __future__ import annotations

import math
from collections import Counter

from reader.align_rows import build_rows, summarise
from reader.align_score import Match, Range, Side, build_sides, candidate_pairs, score
from reader.alignment import Alignment, DiffOp, Pair, Span
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
MAX_GAP = 2  # sentences bridged on each side between two matched stretches
GAP_ECHO = 0.3  # a one-sided gap sentence shares this much content with the other side
# A passage on its own needs this many shared content words and characters on each side.
MIN_PASSAGE_SHARED = 3
MIN_PASSAGE_CHARS = 30
# A short passage (one or two sentences a side) needs ANCHOR_SCORE in a pair of short
# articles, and this many more points per tenfold more sentence pairs beyond LONE_BASE_PAIRS
# (long noisy pages, where chance look-alikes are many).
SHORT_PASSAGE = 2
VERBATIM_SHARED = 5  # content words of an identical sentence that make it evidence on its own
LONE_SCORE_PER_DECADE = 10.0
LONE_BASE_PAIRS = 2_000


def align(a_text: str, b_text: str) -> Alignment:
    """Align ``a_text`` with ``b_text``; every span in the result indexes its own text."""
    a, b, idf = build_sides(a_text, b_text)
    matches = choose_matches(a, b, idf)
    passages = join_passages(matches, a, b)
    passages, matches = drop_slight(passages, matches, a, b)
    in_order = longest_chain(passages, a, b)
    scores = _passage_scores(matches, passages, a, b)
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
        diff = _diff(a_text, a_spans, b_text, b_spans)
        pairs.append(Pair(a_spans, b_spans, kind, round(min(100.0, value), 1), diff))
    used_a = {i for ra, _ in passages for i in range(*ra)}
    used_b = {j for _, rb in passages for j in range(*rb)}
    only_a = [span for i, span in enumerate(a.spans) if i not in used_a]
    only_b = [span for j, span in enumerate(b.spans) if j not in used_b]
    rows = build_rows(a.spans, b.spans, passages, in_order, pairs)
    summary = summarise(a.spans, b.spans, used_a, used_b)
    return Alignment(a_text, b_text, pairs, only_a, only_b, rows, summary)


def _diff(
    a_text: str, a_spans: tuple[Span, ...], b_text: str, b_spans: tuple[Span, ...]
) -> tuple[DiffOp, ...]:
    a_region = a_text[a_spans[0][0] : a_spans[-1][1]]
    b_region = b_text[b_spans[0][0] : b_spans[-1][1]]
    if normalise(a_region) == normalise(b_region):  # the same to the comma: one equal span
        return (DiffOp("equal", (a_spans[0][0], a_spans[-1][1]), (b_spans[0][0], b_spans[-1][1])),)
    return word_diff(a_text, a_spans, b_text, b_spans)


def _chars(side: Side, r: Range) -> int:
    return sum(e - s for s, e in side.spans[r[0] : r[1]])


def _passage_scores(
    matches: list[Match], passages: list[tuple[Range, Range]], a: Side, b: Side
) -> list[float]:
    """Mean score of each passage's matches weighted by length (bridged sentences count 0)."""
    passage_of = {i: k for k, (ra, _) in enumerate(passages) for i in range(*ra)}
    weighted = [0.0] * len(passages)
    for m in matches:
        weighted[passage_of[m.a[0]]] += max(0.0, m.score) * (_chars(a, m.a) + _chars(b, m.b))
    totals = [_chars(a, ra) + _chars(b, rb) for ra, rb in passages]
    return [w / t if t else 0.0 for w, t in zip(weighted, totals, strict=True)]


# Identical sentences anchor on their own when they say something (a name, a number) or are
# long; "Read more." only joins a passage that is already there.
IDENTICAL_ANCHOR_LENGTH = 20


def is_anchor(match: Match) -> bool:
    if match.identical:
        return match.shared >= 1 or match.length >= IDENTICAL_ANCHOR_LENGTH
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
    singles = {
        (i, j): score(a, b, (i, i + 1), (j, j + 1), idf) for i, j in candidate_pairs(a, b, idf)
    }
    edges = [m for m in singles.values() if is_extension(m)]
    edges.extend(_group_edges(a, b, idf, singles))
    edges.sort(key=_order)
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[Match] = []
    for match in edges:
        if is_anchor(match) and _free(match, used_a, used_b):
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
        if single.score < EXTEND_SCORE:
            continue
        if a.weights[i] > GROUP_ASYMMETRY * b.weights[j]:
            leftover, light, heavy_is_a = a.stems[i] - b.stems[j], b.stems, True
        elif b.weights[j] > GROUP_ASYMMETRY * a.weights[i]:
            leftover, light, heavy_is_a = b.stems[j] - a.stems[i], a.stems, False
        else:
            continue
        centre = j if heavy_is_a else i
        for size in (2, 3):
            for first in range(centre - size + 1, centre + 1):
                last = first + size
                if first < 0 or last > len(light):
                    continue
                if not all(leftover & light[k] for k in range(first, last) if k != centre):
                    continue
                ra, rb = ((i, i + 1), (first, last)) if heavy_is_a else ((first, last), (j, j + 1))
                if (ra, rb) in groups:
                    continue
                group = score(a, b, ra, rb, idf)
                if group.score >= single.score + GROUP_MARGIN:
                    groups[(ra, rb)] = group
    return list(groups.values())


def _every_member_shares(a: Side, b: Side, ra: Range, rb: Range) -> bool:
    stems_a = frozenset().union(*a.stems[ra[0] : ra[1]])
    stems_b = frozenset().union(*b.stems[rb[0] : rb[1]])
    return all(a.stems[i] & stems_b for i in range(*ra)) and all(
        b.stems[j] & stems_a for j in range(*rb)
    )


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
    frontier = list(chosen)
    while frontier:
        proposals: list[Match] = []
        for match in frontier:
            for ra, rb in _neighbours(match, shapes, len(a.spans), len(b.spans)):
                if not _free_ranges(ra, rb, used_a, used_b):
                    continue
                if (ra[1] - ra[0]) * (rb[1] - rb[0]) > 1 and not _every_member_shares(a, b, ra, rb):
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
    return all(i not in used_a for i in range(*ra)) and all(j not in used_b for j in range(*rb))


def join_passages(matches: list[Match], a: Side, b: Side) -> list[tuple[Range, Range]]:
    """Consecutive matches (on both sides) become one passage; small gaps are bridged.

    A gap on both sides (a sentence each, reworded beyond recognition) is bridged; a gap on
    one side only when its sentences echo the other side around it (a fragment of a split
    sentence), so that a sentence only one outlet added stays unique.
    """
    used_a = {i for m in matches for i in range(*m.a)}
    used_b = {j for m in matches for j in range(*m.b)}
    passages: list[tuple[Range, Range]] = []
    for match in sorted(matches, key=lambda m: m.a):
        if passages:
            (pa0, pa1), (pb0, pb1) = passages[-1]
            gap_a, gap_b = (pa1, match.a[0]), (pb1, match.b[0])
            if _bridgeable(gap_a, gap_b, a, b, used_a, used_b):
                passages[-1] = ((pa0, match.a[1]), (pb0, match.b[1]))
                continue
        passages.append((match.a, match.b))
    return passages


def _bridgeable(
    gap_a: Range, gap_b: Range, a: Side, b: Side, used_a: set[int], used_b: set[int]
) -> bool:
    size_a, size_b = gap_a[1] - gap_a[0], gap_b[1] - gap_b[0]
    if size_a == 0 and size_b == 0:
        return True
    if not (0 <= size_a <= MAX_GAP and 0 <= size_b <= MAX_GAP):
        return False
    if any(i in used_a for i in range(*gap_a)) or any(j in used_b for j in range(*gap_b)):
        return False
    if size_a and size_b:
        return True
    side, other, gap, around = (a, b, gap_a, gap_b) if size_a else (b, a, gap_b, gap_a)
    context = frozenset().union(*other.stems[max(0, around[0] - 2) : around[1] + 2])
    return all(_echo(side, k, context) >= GAP_ECHO for k in range(*gap))


def _echo(side: Side, k: int, context: frozenset[str]) -> float:
    weight = side.weights[k]
    if weight == 0:
        return 1.0  # no content words: punctuation, "He said."
    return sum(side.idf[t] for t in side.stems[k] & context) / weight


def drop_slight(
    passages: list[tuple[Range, Range]], matches: list[Match], a: Side, b: Side
) -> tuple[list[tuple[Range, Range]], list[Match]]:
    """Leave out passages too slight to mean anything on their own: "Read more", "Share",
    a menu line. Inside a longer passage such lines stay; alone, sharing them is chance."""
    kept: list[tuple[Range, Range]] = []
    scores = _passage_scores(matches, passages, a, b)
    # A lone match must stand out more the more sentence pairs could have matched by chance.
    pairs_possible = max(1, len(a.spans) * len(b.spans))
    lone_needs = ANCHOR_SCORE + LONE_SCORE_PER_DECADE * max(
        0.0, math.log10(pairs_possible / LONE_BASE_PAIRS)
    )
    whole = ((0, len(a.spans)), (0, len(b.spans)))
    a_counts = Counter(a.norms)
    b_counts = Counter(b.norms)
    # A passage holding a long sentence copied word for word is no chance look-alike.
    verbatim = {m.a[0] for m in matches if m.identical and m.shared >= VERBATIM_SHARED}
    for (ra, rb), value in zip(passages, scores, strict=True):
        if (ra, rb) == whole:  # all of A is all of B: no chance about it
            kept.append((ra, rb))
            continue
        short = max(ra[1] - ra[0], rb[1] - rb[0]) <= SHORT_PASSAGE
        identical = a.norms[ra[0] : ra[1]] == b.norms[rb[0] : rb[1]]
        if short and not any(i in verbatim for i in range(*ra)):
            # In a long page a short line shared word for word is template ("Sign up to our
            # newsletter") unless it says a lot; a reworded one must beat chance.
            if identical and pairs_possible > LONE_BASE_PAIRS:
                continue
            if not identical and value < lone_needs:
                continue
        if short and (
            _mostly_furniture(a, ra) or _repeated(a, ra, a_counts) or _repeated(b, rb, b_counts)
        ):
            continue
        stems_a = frozenset().union(*a.stems[ra[0] : ra[1]])
        stems_b = frozenset().union(*b.stems[rb[0] : rb[1]])
        shared = len(stems_a & stems_b)
        if shared >= MIN_PASSAGE_SHARED and min(_chars(a, ra), _chars(b, rb)) >= MIN_PASSAGE_CHARS:
            kept.append((ra, rb))
    ranges = {i for ra, _ in kept for i in range(*ra)}
    return kept, [m for m in matches if m.a[0] in ranges]


# Stems of words that mark page furniture (cookie notices, comment forms, footers): two pages
# of one site share those lines, which says nothing about their text.
FURNITURE_STEMS = frozenset(
    "websit cookie browse browsi newsle subscr unsubs logged login commen copyri reserv newsro "
    "condit privac policy prefer settin advert click downlo email accoun passwo notifi "
    "regist".split()
)


def _repeated(side: Side, r: Range, counts: Counter[str]) -> bool:
    """Every sentence of the range occurs more than once in its text: page furniture."""
    return all(counts[norm] > 1 for norm in side.norms[r[0] : r[1]])


def _mostly_furniture(side: Side, r: Range) -> bool:
    stems = frozenset().union(*side.stems[r[0] : r[1]])
    furniture = len(stems & FURNITURE_STEMS)
    return furniture >= 2 and furniture * 2 >= len(stems)


def longest_chain(passages: list[tuple[Range, Range]], a: Side, b: Side) -> set[int]:
    """Indexes of the heaviest set of passages in the same order on both sides.

    Weighted longest increasing subsequence over B positions (passages come in A order),
    O(n log n) with a Fenwick tree of running maxima. The rest are "moved".
    """
    n = len(passages)
    if n == 0:
        return set()
    order = sorted(range(n), key=lambda k: passages[k][1][0])
    rank = {k: r + 1 for r, k in enumerate(order)}
    tree_value = [0.0] * (n + 1)
    tree_index = [-1] * (n + 1)
    best_value = [0.0] * n
    previous = [-1] * n
    for k, (ra, rb) in enumerate(passages):
        weight = float(
            sum(e - s for s, e in a.spans[ra[0] : ra[1]])
            + sum(e - s for s, e in b.spans[rb[0] : rb[1]])
        )
        value, index = 0.0, -1
        position = rank[k] - 1
        while position > 0:  # best chain ending before this B position
            if tree_value[position] > value:
                value, index = tree_value[position], tree_index[position]
            position -= position & -position
        best_value[k], previous[k] = value + weight, index
        position = rank[k]
        while position <= n:
            if best_value[k] > tree_value[position]:
                tree_value[position], tree_index[position] = best_value[k], k
            position += position & -position
    end = max(range(n), key=lambda k: best_value[k])
    chain: set[int] = set()
    while end != -1:
        chain.add(end)
        end = previous[end]
    return chain
