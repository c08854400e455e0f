"""The list's `/` filter over titles and outlets: whole words, prefixes, one typo.

Kept apart from the entries so it can be tested and timed as a pure function.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.entries import Entry


def filter_order(entries: Sequence[Entry], order: Sequence[int], query: str) -> list[int]:
    """The indexes of ``order`` whose title or outlet match every word of ``query``.

    A query word matches a word of the title or outlet that starts with it ("ukr" finds
    "Ukraine"); only when no article has such a word, and from four letters on, a word one typo
    away counts ("flod" finds "flood": typos are the fallback, which keeps typing in 100,000
    titles fast). Words are compared whole: a query never matches the middle of an unrelated
    word ("nato" is not in "evacuation"). Best matches come first (the weakest word of each
    entry counts), ties keep ``order``.
    """
    words = query.split()
    if not words:
        return list(order)
    from rapidfuzz import utils

    texts = [entries[i].padded_search_text for i in order]
    scores = dict.fromkeys(range(len(order)), 100.0)  # position -> weakest word score
    for word in words:
        word = utils.default_process(word)
        if not word:
            continue
        positions = list(scores)
        start = f" {word}"
        best = {p: 100.0 for p in positions if start in texts[p]}
        if not best and len(word) >= TYPO_MIN_LETTERS:
            best = _typo_hits(word, positions, texts)
        scores = {p: min(scores[p], best[p]) for p in positions if p in best}
    ranked = sorted(scores, key=lambda position: (-scores[position], position))
    return [order[position] for position in ranked]


def _typo_hits(word: str, positions: list[int], texts: list[str]) -> dict[int, float]:
    """Positions with a word one typo from ``word``. rapidfuzz finds the few texts with
    something close (in C); each is then checked word by word, so that a typo counts only
    against a whole word."""
    from rapidfuzz import fuzz, process

    best: dict[int, float] = {}
    near = process.extract(
        word,
        [texts[p] for p in positions],
        scorer=fuzz.partial_ratio,
        score_cutoff=NEAR_CUTOFF,
        limit=None,
    )
    for _, _, k in near:
        position = positions[k]
        score = max(fuzz.ratio(word, token) for token in texts[position].split())
        if score >= TYPO_CUTOFF:
            best[position] = score
    return best


TYPO_MIN_LETTERS = 4  # shorter words must be typed as they are (a prefix)
NEAR_CUTOFF = 75.0  # partial_ratio of one typo in a four-letter word
TYPO_CUTOFF = 80.0  # ratio against a whole word: one typo in a word of four letters or more
