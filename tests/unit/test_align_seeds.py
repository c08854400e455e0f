"""The seed pairs from ../shared/seeds/gold/pairs.json: matches aligned, unique passages not."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.align import align
from reader.alignment import Alignment, Span
from tests.conftest import load_gold


def _gold_text(name: str) -> str:
    return "\n\n".join(load_gold(Path(name).with_suffix(".json").name)["body"])


def _locate(text: str, snippet: str) -> Span:
    start = text.find(snippet)
    assert start != -1, f"snippet not in text: {snippet!r}"
    assert text.find(snippet, start + 1) == -1, f"snippet not unique: {snippet!r}"
    return (start, start + len(snippet))


def _pair_holding(spans: list[tuple[Span, ...]], where: Span) -> int | None:
    for index, pair_spans in enumerate(spans):
        if any(s <= where[0] and where[1] <= e for s, e in pair_spans):
            return index
    return None


def _as_list(snippets: str | list[str]) -> list[str]:
    return [snippets] if isinstance(snippets, str) else snippets


def check_case(case: dict, result: Alignment, a_text: str, b_text: str) -> None:
    a_pairs = [p.a for p in result.pairs]
    b_pairs = [p.b for p in result.pairs]
    for a_snippets, b_snippets in case["match"]:
        holders = {_pair_holding(a_pairs, _locate(a_text, s)) for s in _as_list(a_snippets)}
        holders |= {_pair_holding(b_pairs, _locate(b_text, s)) for s in _as_list(b_snippets)}
        assert len(holders) == 1 and None not in holders, (a_snippets, b_snippets, holders)
    for snippet in case["unique_a"]:
        assert _pair_holding(a_pairs, _locate(a_text, snippet)) is None, snippet
    for snippet in case["unique_b"]:
        assert _pair_holding(b_pairs, _locate(b_text, snippet)) is None, snippet


def _cases() -> list[dict]:
    try:
        return load_gold("pairs.json")["pairs"]
    except FileNotFoundError:
        return []


CASES = _cases()


@pytest.mark.skipif(not CASES, reason="seed gold not found beside the repo")
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['a'][:3]}-{c['b'][:3]}")
def test_seed_pairs_on_gold_bodies(case: dict) -> None:
    a_text, b_text = _gold_text(case["a"]), _gold_text(case["b"])
    check_case(case, align(a_text, b_text), a_text, b_text)


@pytest.mark.skipif(not CASES, reason="seed gold not found beside the repo")
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['a'][:3]}-{c['b'][:3]}")
def test_seed_pairs_mirrored(case: dict) -> None:
    a_text, b_text = _gold_text(case["a"]), _gold_text(case["b"])
    mirrored = {
        "match": [[b, a] for a, b in case["match"]],
        "unique_a": case["unique_b"],
        "unique_b": case["unique_a"],
    }
    check_case(mirrored, align(b_text, a_text), b_text, a_text)


@pytest.mark.skipif(not CASES, reason="seed gold not found beside the repo")
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['a'][:3]}-{c['b'][:3]}")
def test_seed_pairs_through_the_cleaner(case: dict, seeds_dir: Path) -> None:
    clean = pytest.importorskip("reader.clean")
    articles = [
        clean.clean_text((seeds_dir / name).read_text(encoding="utf-8"), path=name)
        for name in (case["a"], case["b"])
    ]
    a_text, b_text = articles[0].text, articles[1].text
    check_case(case, align(a_text, b_text), a_text, b_text)
