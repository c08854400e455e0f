"""Sentence features, candidate generation and pair scoring for the aligner.

Candidates come from an inverted index of content-word stems: two sentences are compared
only if they share a stem that is rare on the other side, so 2,000 x 2,000 sentences cost a
few thousand scorer calls instead of four million. Scores mix an idf-weighted overlap of
content words (what the sentences are about) with rapidfuzz's ``token_set_ratio`` on the normalised
text (how they say it). Both are symmetric, so aligning B with A mirrors A with B. What
costs a pair points is decided elsewhere: facts that disagree, an opposite or an extra clause
in ``reader.align_penalties``, a fact swapped in a near copy in ``reader.align_swaps``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat, starmap
from math import fsum
from operator import itemgetter, not_, sub

from rapidfuzz import fuzz

from reader.align_penalties import (
    CLAUSE_CHECK_RATIO,
    OPPOSITE_CHECK,
    OPPOSITE_CLAIM,
    QUOTE_CONTENT,
    QUOTE_MAX_SCORE,
    QUOTE_MIN_SCORE,
    Facts,
    extra_clause_penalty,
    fact_penalty,
    shares_a_quote,
)
from reader.align_swaps import SWAP_PENALTY, may_change, near_copy_changes
from reader.align_words import opposed
from reader.normalize import idf_weights
from reader.segment import split_sentences
from reader.words_fast import sentence_words, stems_and_facts

Span = tuple[int, int]
Range = tuple[int, int]  # half-open range of sentence indexes

# Weights of the score: content overlap (what is said) dominates; rapidfuzz's token_set_ratio
# on the normalised words adds how it is said, robust to clause reordering.
DICE_WEIGHT = 0.7
RATIO_WEIGHT = 0.3

CANDIDATES_PER_SENTENCE = 4
MAX_UNIT_CHARS = 600  # longer "sentences" are cut into chunks of about CHUNK_CHARS
CHUNK_CHARS = 300
MIN_SHARED_SHARE = 0.2
RELATIVE_TO_BEST = 0.4  # candidates far behind a sentence's best one are not its partner
QUERY_STEMS = 8
# A stem on more sentences than this is too common to find candidates with (it still counts
# when a candidate is scored).
MAX_POSTINGS = 40


@dataclass(slots=True)
class Side:
    """The sentences of one text and what the scorer needs about each."""

    text: str
    spans: list[Span]
    norms: list[str]  # normalised words joined by spaces
    stems: list[frozenset[str]]
    weights: list[float]  # idf weight of each sentence's stems
    facts: list[Facts]  # numbers, negation, weekdays/months
    idf: dict[str, float]  # shared by both sides
    # characters of the sentences before each index (prefix sums): a range's length in O(1)
    chars_before: list[int] = field(default_factory=list)


# Not frozen: a frozen dataclass sets each field through object.__setattr__, 5x slower to
# build, and the scorer builds thousands of these per article pair. Nothing changes them.
@dataclass(slots=True)
class Match:
    """Scored correspondence of a range of A sentences with a range of B sentences."""

    score: float
    a: Range
    b: Range
    shared: int  # number of shared content stems
    cover: float  # shared weight / weight of the heavier side (0-1)
    identical: bool = False  # same words after normalisation
    length: int = 0  # characters of the normalised A side
    # One side adds a long clause (``align_swaps``): no match as it stands, but the shorter
    # side with its neighbours may be (a sentence split in two, a hard-wrapped line).
    claim_added: bool = False
    # The two share a quote: QUOTE_WORDS words or more word for word, with content words, and
    # no fact differs. Enough to align on its own, however much else either sentence says.
    quote: bool = False


def units(text: str) -> list[Span]:
    """Sentences, with over-long ones (lists, tables, unpunctuated page text) cut into pieces
    of about CHUNK_CHARS at a comma, semicolon or space, so part of one can match."""
    spans = split_sentences(text)
    # Usually no sentence is over-long (checked in C: starmap(sub) gives each start - end).
    if not spans or -min(starmap(sub, spans)) <= MAX_UNIT_CHARS:
        return spans
    out: list[Span] = []
    for start, end in spans:
        while end - start > MAX_UNIT_CHARS:
            cut = _chunk_end(text, start, start + CHUNK_CHARS)
            out.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        out.append((start, end))
    return out


def _chunk_end(text: str, start: int, around: int) -> int:
    window = text[start:around]
    for mark in ("; ", ", ", " "):
        found = window.rfind(mark)
        if found > CHUNK_CHARS // 2:
            return start + found + len(mark.rstrip())
    return around


def build_sides(a_text: str, b_text: str) -> tuple[Side, Side, dict[str, float]]:
    """Split both texts and compute the features, with idf over the sentences of both."""
    spans_a, spans_b = units(a_text), units(b_text)
    keys_a = [a_text[start:end] for start, end in spans_a]
    keys_b = [b_text[start:end] for start, end in spans_b]
    # Two versions of a story share many sentences word for word: compute each one's
    # features once (keyed by its exact text).
    cache: dict[str, SentenceFeatures] = {}
    _add_features(a_text, spans_a, keys_a, cache)
    _add_features(b_text, spans_b, keys_b, cache)
    features_a = list(map(cache.__getitem__, keys_a))
    features_b = list(map(cache.__getitem__, keys_b))
    stems_a = list(map(itemgetter(1), features_a))
    stems_b = list(map(itemgetter(1), features_b))
    idf = idf_weights(stems_a + stems_b)
    idf_of = idf.__getitem__
    weights = {key: fsum(map(idf_of, features[1])) for key, features in cache.items()}
    side_a = _side(a_text, spans_a, keys_a, features_a, stems_a, weights, idf)
    return side_a, _side(b_text, spans_b, keys_b, features_b, stems_b, weights, idf), idf


SentenceFeatures = tuple[str, frozenset[str], Facts]  # normalised words, stems, facts


def _add_features(
    text: str, spans: list[Span], keys: list[str], cache: dict[str, SentenceFeatures]
) -> None:
    """Put the features of the sentences not in ``cache`` in it (map and compress: no Python
    loop over the sentences here)."""
    missing = list(map(not_, map(cache.__contains__, keys)))
    missing_keys = list(compress(keys, missing))
    if missing_keys:
        tokens = sentence_words(text, list(compress(spans, missing)))
        stems, facts = zip(*stems_and_facts(tokens), strict=True)
        features = zip(map(" ".join, tokens), stems, facts, strict=True)
        cache.update(zip(missing_keys, features, strict=True))


def _side(
    text: str,
    spans: list[Span],
    keys: list[str],
    features: list[SentenceFeatures],
    stems: list[frozenset[str]],
    weights: dict[str, float],
    idf: dict[str, float],
) -> Side:
    norms = list(map(itemgetter(0), features))
    facts = list(map(itemgetter(2), features))
    # A sentence's key is its text: its length is the span's.
    chars_before = list(accumulate(map(len, keys), initial=0))
    return Side(
        text, spans, norms, stems, list(map(weights.__getitem__, keys)), facts, idf, chars_before
    )


def candidate_pairs(
    a: Side, b: Side, idf: dict[str, float], settled: set[tuple[int, int]] | None = None
) -> set[tuple[int, int]]:
    """Sentence pairs sharing rare content stems (the best few per sentence, both ways), and
    identical sentences (which may have no content word at all).

    A sentence whose words occur once on each side has found its partner (a score of 100,
    chosen first): the index is not searched for it, only for the others (both ways, so
    swapping A and B gives the same pairs). Those pairs are added to ``settled`` if given."""
    where_a = _where(a.norms)
    where_b = _where(b.norms)
    pairs: set[tuple[int, int]] = set()
    settled_a: set[int] = set()
    settled_b: set[int] = set()
    for norm, found_a in where_a.items():
        found_b = where_b.get(norm)
        if found_b is None:
            continue
        if len(found_a) == 1 and len(found_b) == 1:
            settled_a.add(found_a[0])
            settled_b.add(found_b[0])
            pairs.add((found_a[0], found_b[0]))
            if settled is not None:
                settled.add((found_a[0], found_b[0]))
        else:
            pairs.update((i, j) for i in found_a for j in found_b[:CANDIDATES_PER_SENTENCE])
    pairs |= _best_partners(a, b, idf, settled_a)
    pairs |= {(i, j) for j, i in _best_partners(b, a, idf, settled_b)}
    return pairs


def _where(norms: list[str]) -> dict[str, list[int]]:
    where: dict[str, list[int]] = {}
    for k, norm in enumerate(norms):
        if norm:
            where.setdefault(norm, []).append(k)
    return where


def _best_partners(
    query: Side, target: Side, idf: dict[str, float], settled: set[int]
) -> set[tuple[int, int]]:
    postings = _postings(target.stems, max(MAX_POSTINGS, len(target.stems) // 50))
    found: set[tuple[int, int]] = set()
    # w >= SHARE * min(q, t) is w >= SHARE * q or w >= SHARE * t: multiply once, not per pair.
    target_floors = [MIN_SHARED_SHARE * w for w in target.weights]
    idf_of = idf.__getitem__
    for i, stems in enumerate(query.stems):
        if i in settled:
            continue
        # The rarest stems the other side has find the partner; looking up every stem costs
        # more, finds no more. (Rarest of all are the stems only this side has: they find
        # nothing, and in a short text they would crowd out the shared ones.)
        if len(stems) > QUERY_STEMS:
            stems = [stem for stem in stems if stem in postings]
        # Sorted by text first: a set's order follows PYTHONHASHSEED, and both which stems of
        # equal idf are kept and the order the overlaps are summed in would follow it too.
        query_stems = sorted(sorted(stems), key=idf_of, reverse=True)[:QUERY_STEMS]
        overlap: dict[int, float] | None = None
        for stem in query_stems:
            hits = postings.get(stem)
            if hits is None:
                continue
            weight = idf_of(stem)
            if overlap is None:
                overlap = dict.fromkeys(hits, weight)
                get = overlap.get
                continue
            for j in hits:
                overlap[j] = get(j, 0.0) + weight
        # Too little shared even for the lighter sentence (a fragment of a split): not worth
        # scoring. Common stems are left out here, so this only under-estimates.
        if overlap is None:
            continue
        floor = RELATIVE_TO_BEST * max(overlap.values())
        query_floor = MIN_SHARED_SHARE * query.weights[i]
        if query_floor <= floor:  # the usual case: above the floor is enough
            overlap = {j: w for j, w in overlap.items() if w >= floor}
        else:
            overlap = {
                j: w
                for j, w in overlap.items()
                if w >= floor and (w >= query_floor or w >= target_floors[j])
            }
        if len(overlap) > CANDIDATES_PER_SENTENCE:
            best = sorted(overlap, key=lambda j: (-overlap[j], j))[:CANDIDATES_PER_SENTENCE]
            found.update(zip(repeat(i), best))
        else:
            found.update(zip(repeat(i), overlap))
    return found


def _postings(stems_of: list[frozenset[str]], limit: int) -> dict[str, list[int]]:
    """Sentence indexes of each stem, leaving out stems on more than ``limit`` sentences."""
    # defaultdict creates a missing list in C: ~40% faster than get() and a test per stem.
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for j, stems in enumerate(stems_of):
        for stem in stems:
            postings[stem].append(j)
    # The common stems are few: deleting them beats copying the rest into a new dict. (Only
    # get() and ``in`` are used on the result: the defaultdict adds no keys.)
    for stem in [stem for stem, hits in postings.items() if len(hits) > limit]:
        del postings[stem]
    return postings


def score(a: Side, b: Side, ra: Range, rb: Range, idf: dict[str, float]) -> Match:
    """Similarity of A sentences ``ra`` with B sentences ``rb``, 0-100."""
    if ra[1] - ra[0] == 1 and rb[1] - rb[0] == 1:  # most calls: features as computed
        i, j = ra[0], rb[0]
        norm_a, norm_b = a.norms[i], b.norms[j]
        stems_a, stems_b = a.stems[i], b.stems[j]
        if norm_a == norm_b and norm_a:
            return Match(100.0, ra, rb, len(stems_a), 1.0, True, len(norm_a))
        weight_a, weight_b = a.weights[i], b.weights[j]
        facts_a, facts_b = a.facts[i], b.facts[j]
    else:
        norm_a = " ".join(a.norms[ra[0] : ra[1]])
        norm_b = " ".join(b.norms[rb[0] : rb[1]])
        stems_a = _union(a.stems, ra)
        stems_b = _union(b.stems, rb)
        if norm_a == norm_b and norm_a:
            return Match(100.0, ra, rb, len(stems_a), 1.0, True, len(norm_a))
        if not _members_share(a, ra, stems_b, idf) or not _members_share(b, rb, stems_a, idf):
            return Match(0.0, ra, rb, 0, 0.0)
        weight_a = a.weights[ra[0]] if ra[1] - ra[0] == 1 else fsum(map(idf.__getitem__, stems_a))
        weight_b = b.weights[rb[0]] if rb[1] - rb[0] == 1 else fsum(map(idf.__getitem__, stems_b))
        facts_a, facts_b = _facts(a.facts, ra), _facts(b.facts, rb)
    shared = stems_a & stems_b
    weight_shared = fsum(map(idf.__getitem__, shared))
    if weight_shared == 0:
        return Match(0.0, ra, rb, 0, 0.0)
    dice = 2 * weight_shared / (weight_a + weight_b)
    cover = weight_shared / max(weight_a, weight_b)
    ratio = fuzz.token_set_ratio(norm_a, norm_b) / 100
    value = 100 * (DICE_WEIGHT * dice + RATIO_WEIGHT * ratio)
    # The same facts (most pairs: the one "no facts" tuple on both sides) cost nothing: no
    # call to find that out.
    penalty = 0.0 if facts_a is facts_b else fact_penalty(facts_a, facts_b, dice)
    # (with one side negated, an opposite is the same claim: "not allowed" / "banned")
    if value - penalty >= OPPOSITE_CHECK and facts_a[1] == facts_b[1] and opposed(stems_a, stems_b):
        penalty += OPPOSITE_CLAIM
    value -= penalty
    claim_added = swapped = False
    if ratio >= CLAUSE_CHECK_RATIO:
        words_a, words_b = norm_a.split(), norm_b.split()
        clause = extra_clause_penalty(words_a, words_b)
        penalty += clause
        value -= clause
        text_a, text_b = _text(a, ra), _text(b, rb)
        gap = abs(len(words_a) - len(words_b))
        if may_change(stems_a - shared, stems_b - shared, facts_a, facts_b, gap, text_a, text_b):
            swapped, claim_added = near_copy_changes(words_a, words_b, text_a, text_b)
        else:
            swapped = claim_added = False
        # Between groups of sentences, what one side adds is what the merge brings in.
        claim_added = claim_added and ra[1] - ra[0] == 1 == rb[1] - rb[0]
        if swapped or claim_added:
            value -= SWAP_PENALTY
    quote = (
        QUOTE_MIN_SCORE <= value < QUOTE_MAX_SCORE
        and len(shared) >= QUOTE_CONTENT
        and not (penalty or swapped or claim_added)
        and ra[1] - ra[0] == 1 == rb[1] - rb[0]
        and shares_a_quote(norm_a.split(), norm_b.split())
    )
    return Match(value, ra, rb, len(shared), cover, False, len(norm_a), claim_added, quote)


# A sentence of a group must share this much of its own content with the other side: a
# neighbour that shares a word or two ("Russia") is no piece of a split sentence, even where
# rapidfuzz's token_set_ratio, which forgives additions, would score the group higher.
GROUP_MEMBER_SHARE = 0.1


def _members_share(side: Side, r: Range, other: frozenset[str], idf: dict[str, float]) -> bool:
    for k in range(*r):
        common = side.stems[k] & other
        if r[1] - r[0] > 1 and (
            not common or fsum(map(idf.__getitem__, common)) < GROUP_MEMBER_SHARE * side.weights[k]
        ):
            return False
    return True


def _text(side: Side, r: Range) -> str:
    return side.text[side.spans[r[0]][0] : side.spans[r[1] - 1][1]]


def _facts(all_facts: list[Facts], r: Range) -> Facts:
    if r[1] - r[0] == 1:
        return all_facts[r[0]]
    selected = all_facts[r[0] : r[1]]
    return (
        frozenset().union(*(f[0] for f in selected)),
        any(f[1] for f in selected),
        frozenset().union(*(f[2] for f in selected)),
    )


def _union(stems: list[frozenset[str]], r: Range) -> frozenset[str]:
    if r[1] - r[0] == 1:
        return stems[r[0]]
    return frozenset().union(*stems[r[0] : r[1]])
