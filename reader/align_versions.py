"""Two versions of one text: a sentence copied with one fact changed is an edit, not a look-alike.

The look-alike rules (``reader.align_swaps``, ``reader.align_penalties``) keep apart two
sentences that say the same thing but for one figure, one name or one negation: between two
outlets' own reports such pairs are different claims. When the two texts are versions of one
text, though (an agency story an outlet ran with edits, an article updated in place), most of
their sentences are word for word the same, and the one sentence that is the same but for
"14,000" / "15,000" is that article's edit: exactly what a reader comparing them looks for. It
must show as a changed pair, also where it was moved or sits at one text's start or end, and
not as "only in A" beside "only in B".
"""

from __future__ import annotations

from rapidfuzz import fuzz

from reader.align_score import Match, Side

# Versions: this many sentence pairs are identical, and this share of the shorter text (the
# share decides for all but short texts: two copied sentences of four make versions).
VERSION_IDENTICAL = 2
VERSION_SHARE = 0.3
# An edit: fuzz.ratio of the normalised words, and content words in common.
EDIT_RATIO = 85.0
EDIT_SHARED = 3


def are_versions(singles: dict[tuple[int, int], Match], a: Side, b: Side) -> bool:
    """Most of the shorter text is copied word for word in the other."""
    identical_a = {i for (i, _), m in singles.items() if m.identical and m.shared}
    identical_b = {j for (_, j), m in singles.items() if m.identical and m.shared}
    shorter = min(len(a.spans), len(b.spans))
    copied = min(len(identical_a), len(identical_b))
    return copied >= VERSION_IDENTICAL and copied >= VERSION_SHARE * shorter


def rescore_edits(
    singles: dict[tuple[int, int], Match], a: Side, b: Side
) -> dict[tuple[int, int], Match]:
    """Between versions, a near copy the look-alike rules marked down scores its likeness."""
    if not are_versions(singles, a, b):
        return singles
    rescored = dict(singles)
    for (i, j), match in singles.items():
        if match.identical or match.shared < EDIT_SHARED:
            continue
        ratio = fuzz.ratio(a.norms[i], b.norms[j])
        if ratio >= EDIT_RATIO and match.score < ratio:
            rescored[(i, j)] = _rescored(match, ratio)
    return rescored


def _rescored(match: Match, ratio: float) -> Match:
    """``dataclasses.replace(match, score=ratio, cover=...)``, built field by field: replace()
    looks the fields up on each call (~1 us; there are hundreds of near copies)."""
    return Match(
        ratio,
        match.a,
        match.b,
        match.shared,
        max(match.cover, ratio / 100),
        match.identical,
        match.length,
        match.claim_added,
        match.quote,
    )
