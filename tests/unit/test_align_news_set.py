"""The second sentence set (b2, news paraphrase style; bench/make_news_cases.py) is well formed,
stored as generated, and the aligner stays above a floor on it."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.unit.test_align_corpus import KINDS, _aligner_scores, _load

make_news_cases = _load("make_news_cases")

# A few points below what reader.align scored when the floors were set (dev 0.956; held-out
# 0.939 when first measured, 0.948 after fixing the "year" / "years" bug it revealed); raise
# them when the aligner improves.
NEWS_DEV_FLOOR = 0.93
NEWS_HELDOUT_FLOOR = 0.92


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_news_pairs_are_well_formed(part: str) -> None:
    pairs = make_news_cases.load_news_pairs(part)
    kinds = Counter(p["kind"] for p in pairs)
    assert set(kinds) <= KINDS
    assert kinds["paraphrase"] >= 50 and len(pairs) - kinds["paraphrase"] >= 25
    for pair in pairs:
        assert pair["a"] != pair["b"] and len(pair["a"]) > 20 and len(pair["b"]) > 20
        assert "|" not in pair["a"] + pair["b"]
    texts = [p[side] for p in pairs for side in ("a", "b")]
    assert len(texts) == len(set(texts)), "a sentence is used twice"


def test_news_parts_share_no_sentence() -> None:
    dev = {p[s] for p in make_news_cases.load_news_pairs("dev") for s in ("a", "b")}
    heldout = {p[s] for p in make_news_cases.load_news_pairs("heldout") for s in ("a", "b")}
    assert not dev & heldout


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_stored_news_cases_match_the_generator(part: str) -> None:
    assert make_news_cases.load_stored_cases(part) == make_news_cases.build_news_cases(part)


def test_news_case_spans_point_at_the_pair_text() -> None:
    pairs = {
        p["id"]: p for part in ("dev", "heldout") for p in make_news_cases.load_news_pairs(part)
    }
    cases = make_news_cases.build_news_cases("dev") + make_news_cases.build_news_cases("heldout")
    assert len(cases) == 44
    for case in cases:
        assert case["gold"] and case["lookalikes"]
        for entry in case["gold"] + case["lookalikes"]:
            pair = pairs[entry["pair"]]
            a = case["a"][entry["a"][0] : entry["a"][1]]
            b = case["b"][entry["b"][0] : entry["b"][1]]
            assert {a, b} == {pair["a"], pair["b"]}
            assert pair["equivalent"] == (entry in case["gold"])


@pytest.mark.parametrize(
    ("part", "floor"), [("dev", NEWS_DEV_FLOOR), ("heldout", NEWS_HELDOUT_FLOOR)]
)
def test_aligner_stays_above_floor_on_news_cases(part: str, floor: float) -> None:
    scores = _aligner_scores(make_news_cases.load_stored_cases(part), merge=False)
    assert scores.plagdet >= floor, scores.row()


def test_eval_align_runs_the_news_sets(capsys: pytest.CaptureFixture[str]) -> None:
    eval_align = _load("eval_align")
    assert eval_align.main(["--set", "news", "--limit", "2"]) == 0
    assert eval_align.main(["--set", "news-heldout", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "(b2: news dev) 2 cases" in out and "(b2: news heldout) 1 cases" in out
    assert "look-alikes aligned:" in out
