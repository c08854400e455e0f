"""How alike two articles are, cheaply: for sorting the compare picker.

The score is an idf-weighted Dice overlap of the content-word stems of each article's title
and opening (the first few thousand characters), 0-100. Stems shared by every candidate
("said", the outlet's name) weigh little; the story's names and numbers weigh a lot.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import fsum

from reader.model import Article
from reader.normalize import content_stems, idf_weights, words

OPENING_CHARS = 4000


def _stems(article: Article) -> frozenset[str]:
    opening = article.text[:OPENING_CHARS]
    return frozenset(content_stems(words(f"{article.title}\n{opening}")))


def rank_by_similarity(target: Article, candidates: Sequence[Article]) -> list[tuple[int, float]]:
    """Indexes of ``candidates`` best first, each with a 0-100 similarity to ``target``."""
    if not candidates:
        return []
    target_stems = _stems(target)
    stems = [_stems(article) for article in candidates]
    idf = idf_weights([target_stems, *stems])
    target_weight = fsum(idf[t] for t in target_stems)
    scored: list[tuple[int, float]] = []
    for index, candidate in enumerate(stems):
        total = target_weight + fsum(idf[t] for t in candidate)
        shared = fsum(idf[t] for t in target_stems & candidate)  # exact: set order
        scored.append((index, round(100 * 2 * shared / total, 1) if total else 0.0))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored
