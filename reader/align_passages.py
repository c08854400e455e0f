"""From chosen sentence matches to passages: joining, bridging gaps, dropping what chance
explains, and the in-order chain (the rest is "moved"). Used by ``reader.align``."""

from __future__ import annotations

import math
import zlib
from collections import Counter
from operator import attrgetter

from rapidfuzz import fuzz

from reader.align_score import Match, Range, Side

# Sentences bridged on each side between two matched stretches: one each is a sentence reworded
# beyond recognition; two each is as often page furniture next to a copied passage.
MAX_GAP = 1
GAP_DICE = 0.2  # a sentence each side of a gap: content in common to be bridged
GAP_ECHO = 0.3  # a one-sided gap sentence shares this much content with the other side
# An opening or closing sentence of both texts, beside a passage that starts or ends the other
# text too, joins it when the two are near copies (fuzz.ratio of their normalised words).
EDGE_RATIO = 70.0
# A passage on its own needs this many shared content words and characters on each side.
MIN_PASSAGE_SHARED = 3
MIN_PASSAGE_CHARS = 30
# A short passage (one or two sentences a side) needs the anchor score in a pair of short
# articles, and this many more points per tenfold more sentence pairs beyond LONE_BASE_PAIRS
# (long noisy pages, where chance look-alikes are many).
SHORT_PASSAGE = 2
VERBATIM_SHARED = 5  # content words of an identical sentence that make it evidence on its own
LONE_SCORE_PER_DECADE = 10.0
LONE_BASE_PAIRS = 10_000


def _chars(side: Side, r: Range) -> int:
    if side.chars_before:
        return side.chars_before[r[1]] - side.chars_before[r[0]]
    return sum(e - s for s, e in side.spans[r[0] : r[1]])


def passage_scores(
    matches: list[Match], passages: list[tuple[Range, Range]], a: Side, b: Side
) -> list[float]:
    """Mean score of each passage's matches weighted by length (bridged sentences count 0)."""
    passage_of = {i: k for k, (ra, _) in enumerate(passages) for i in range(*ra)}
    weighted = [0.0] * len(passages)
    ca, cb = a.chars_before, b.chars_before
    if ca and cb:  # _chars inlined: one call per match adds up over thousands of matches
        for m in matches:
            (a0, a1), (b0, b1) = m.a, m.b
            chars = ca[a1] - ca[a0] + (cb[b1] - cb[b0])
            weighted[passage_of[a0]] += max(0.0, m.score) * chars
    else:
        for m in matches:
            weighted[passage_of[m.a[0]]] += max(0.0, m.score) * (_chars(a, m.a) + _chars(b, m.b))
    totals = [_chars(a, ra) + _chars(b, rb) for ra, rb in passages]
    return [w / t if t else 0.0 for w, t in zip(weighted, totals, strict=True)]


def join_passages(matches: list[Match], a: Side, b: Side) -> list[tuple[Range, Range]]:
    """Consecutive matches (on both sides) become one passage; small gaps are bridged.

    A gap on both sides (a sentence each, reworded beyond recognition) is bridged; a gap on
    one side only when its sentences echo the other side around it (a fragment of a split
    sentence), so that a sentence only one outlet added stays unique.
    """
    used_a = {i for m in matches for i in range(*m.a)}
    used_b = {j for m in matches for j in range(*m.b)}
    passages: list[tuple[Range, Range]] = []
    for match in sorted(matches, key=attrgetter("a")):
        (a0, a1), (b0, b1) = match.a, match.b
        if passages:
            (pa0, pa1), (pb0, pb1) = passages[-1]
            # (most matches follow the last one on both sides: no gap to test)
            if (pa1 == a0 and pb1 == b0) or _bridgeable((pa1, a0), (pb1, b0), a, b, used_a, used_b):
                passages[-1] = ((pa0, a1), (pb0, b1))
                continue
        passages.append((match.a, match.b))
    return _bridge_edges(passages, a, b, used_a, used_b)


def _bridge_edges(
    passages: list[tuple[Range, Range]], a: Side, b: Side, used_a: set[int], used_b: set[int]
) -> list[tuple[Range, Range]]:
    """A first (or last) sentence of both texts joins the passage right after (or before) it.

    Between two passages a sentence each is bridged; at the start or end of both texts there
    is a passage on one side only, so the two sentences must also be near copies. This is the
    lead with one figure or one word changed ("four hours" / "five hours"): the change a
    reader comparing outlets looks for, which was shown as two unrelated unique passages.
    """
    n_a, n_b = len(a.spans), len(b.spans)
    for index, ((a0, a1), (b0, b1)) in enumerate(passages):
        if a0 == 1 and b0 == 1 and 0 not in used_a and 0 not in used_b:
            if _near_copies(a, b, 0, 0):
                a0 = b0 = 0
        if a1 == n_a - 1 and b1 == n_b - 1 and a1 not in used_a and b1 not in used_b:
            if _near_copies(a, b, a1, b1):
                a1, b1 = n_a, n_b
        passages[index] = ((a0, a1), (b0, b1))
    return passages


def _near_copies(a: Side, b: Side, i: int, j: int) -> bool:
    shared = len(a.stems[i] & b.stems[j])
    return shared >= MIN_PASSAGE_SHARED and fuzz.ratio(a.norms[i], b.norms[j]) >= EDGE_RATIO


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
    if size_a and size_b:  # a sentence each: bridged if they could be versions of each other
        return _may_correspond(a, gap_a[0], b, gap_b[0])
    side, other, gap, around = (a, b, gap_a, gap_b) if size_a else (b, a, gap_b, gap_a)
    context = frozenset().union(*other.stems[max(0, around[0] - 2) : around[1] + 2])
    return all(_echo(side, k, context) >= GAP_ECHO for k in range(*gap))


def _may_correspond(a: Side, i: int, b: Side, j: int) -> bool:
    """Sentence ``i`` of A and ``j`` of B share some of what they are about (GAP_DICE of their
    content, idf-weighted), or neither has content words ("He said."). A reworded sentence
    does; an unrelated one put in its place ("Stock markets in Tokyo closed higher" for
    "Schools were closed") does not, and was drawn as a changed pair (QA round 4)."""
    total = a.weights[i] + b.weights[j]
    if total == 0:
        return True
    shared = math.fsum(a.idf[t] for t in a.stems[i] & b.stems[j])
    return 2 * shared / total >= GAP_DICE


def _echo(side: Side, k: int, context: frozenset[str]) -> float:
    weight = side.weights[k]
    if weight == 0:
        return 1.0  # no content words: punctuation, "He said."
    return math.fsum(side.idf[t] for t in side.stems[k] & context) / weight


def drop_slight(
    passages: list[tuple[Range, Range]],
    matches: list[Match],
    a: Side,
    b: Side,
    base_score: float,
) -> tuple[list[tuple[Range, Range]], list[Match], list[float]]:
    """Leave out passages too slight to mean anything on their own: "Read more", "Share",
    a menu line. Inside a longer passage such lines stay; alone, sharing them is chance.

    Returns the passages kept, their matches and their ``passage_scores`` (a passage kept
    whole keeps its matches, so its score; one cut down to its strong match is rescored)."""
    kept: list[tuple[Range, Range]] = []
    kept_scores: list[float] = []
    scores = passage_scores(matches, passages, a, b)
    # A lone match must stand out more the more sentence pairs could have matched by chance.
    pairs_possible = max(1, len(a.spans) * len(b.spans))
    lone_needs = base_score + LONE_SCORE_PER_DECADE * max(
        0.0, math.log10(pairs_possible / LONE_BASE_PAIRS)
    )
    whole = ((0, len(a.spans)), (0, len(b.spans)))
    a_counts = Counter(a.norms)
    b_counts = Counter(b.norms)
    # A passage holding a long sentence copied word for word is no chance look-alike.
    verbatim = {m.a[0] for m in matches if (m.identical and m.shared >= VERBATIM_SHARED) or m.quote}
    # A match's sentences lie inside its passage, so a match sharing MIN_PASSAGE_SHARED stems
    # shows the passage does (most do): no union of the passage's stems to count.
    rich = {m.a[0] for m in matches if m.shared >= MIN_PASSAGE_SHARED}
    strong_at: dict[int, int] | None = None  # first sentence -> index of a strong match
    for (ra, rb), value in zip(passages, scores, strict=True):
        if (ra, rb) == whole:  # all of A is all of B: no chance about it
            kept.append((ra, rb))
            kept_scores.append(value)
            continue
        short = max(ra[1] - ra[0], rb[1] - rb[0]) <= SHORT_PASSAGE
        if short and not any(i in verbatim for i in range(*ra)):
            # In a long page a short line shared word for word is template ("Sign up to our
            # newsletter") unless it says a lot; a reworded one must beat chance.
            identical = a.norms[ra[0] : ra[1]] == b.norms[rb[0] : rb[1]]
            if identical and pairs_possible > LONE_BASE_PAIRS:
                continue
            if not identical and value < lone_needs:
                if strong_at is None:
                    strong_at = _strong_matches(matches, lone_needs)
                strong = _strong_match(matches, strong_at, ra)
                if strong is None:
                    continue
                ra, rb = strong.a, strong.b  # without the weak neighbour it grew into
                value = passage_scores([strong], [(ra, rb)], a, b)[0]
        if short and (
            _mostly_furniture(a, ra) or _repeated(a, ra, a_counts) or _repeated(b, rb, b_counts)
        ):
            continue
        if min(_chars(a, ra), _chars(b, rb)) < MIN_PASSAGE_CHARS:
            continue
        if not any(i in rich for i in range(*ra)):
            stems_a = frozenset().union(*a.stems[ra[0] : ra[1]])
            stems_b = frozenset().union(*b.stems[rb[0] : rb[1]])
            if len(stems_a & stems_b) < MIN_PASSAGE_SHARED:
                continue
        kept.append((ra, rb))
        kept_scores.append(value)
    ranges = {i for ra, _ in kept for i in range(*ra)}
    return kept, [m for m in matches if m.a[0] in ranges], kept_scores


def _strong_matches(matches: list[Match], needs: float) -> dict[int, int]:
    """First A sentence -> index in ``matches`` of each match scoring ``needs`` (matches do
    not share sentences: one per first sentence)."""
    return {m.a[0]: k for k, m in enumerate(matches) if m.score >= needs}


def _strong_match(matches: list[Match], strong_at: dict[int, int], ra: Range) -> Match | None:
    """The first match of the passage (in ``matches`` order) that scores the lone-match score
    on its own, if any: a weak neighbour it grew into lowers the passage's mean, but does not
    make the match itself chance."""
    found = [strong_at[i] for i in range(*ra) if i in strong_at]
    return matches[min(found)] if found else None


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


_TIE_BITS = 20


def _chain_weight(a: Side, ra: Range, b: Side, rb: Range) -> int:
    """A passage's weight in the chain: its characters, then a tie-break by content.

    Two passages of equal length that cannot both be in order (A = x y, B = y x) would
    otherwise be chosen by position, so swapping A and B marked the other one "moved". The
    low bits hold a checksum of the two texts taken in sorted order: the same on either side,
    and independent of PYTHONHASHSEED. Integers keep the sums exact.
    """
    texts = sorted(
        (
            a.text[a.spans[ra[0]][0] : a.spans[ra[1] - 1][1]],
            b.text[b.spans[rb[0]][0] : b.spans[rb[1] - 1][1]],
        )
    )
    tie = zlib.crc32("\0".join(texts).encode("utf-8", "surrogatepass")) >> (32 - _TIE_BITS)
    return ((_chars(a, ra) + _chars(b, rb)) << _TIE_BITS) | tie


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
    tree_value = [0] * (n + 1)
    tree_index = [-1] * (n + 1)
    best_value = [0] * n
    previous = [-1] * n
    for k, (ra, rb) in enumerate(passages):
        weight = _chain_weight(a, ra, b, rb)
        value, index = 0, -1
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
