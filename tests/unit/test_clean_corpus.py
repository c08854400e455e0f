"""The cleaner's development corpus and its metric (bench/eval_clean.py).

Checks the shingle F1 metric on small known cases, that every corpus page has well-formed gold
whose paragraphs are lines of the page, and guards the cleaner's score against regressions.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "pages"
LANGS = {"en", "it", "pt", "ru", "ko"}

# Macro F1 (from mean P and mean R) the cleaner must keep on the corpus: a few points below
# what it scored when the floor was set, so real regressions fail but small trade-offs do not.
# Set at 0.90 when the committed cleaner (722b5ce) scored 0.923 on the 69 pages. Raise it as
# the cleaner improves; adding harder pages may require lowering it (say so in the commit).
CLEANER_F1_FLOOR: float | None = 0.90


def _load_bench():
    spec = importlib.util.spec_from_file_location("eval_clean", ROOT / "bench" / "eval_clean.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
PAGE_NAMES = sorted(p.stem for p in PAGES.glob("*.txt"))


# --- the metric -------------------------------------------------------------------------


def test_identical_texts_score_one() -> None:
    text = ["The council voted on Tuesday to keep the library open.", "Nobody was hurt."]
    assert bench.shingle_scores(text, text) == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero() -> None:
    p, r, f = bench.shingle_scores(["alpha beta gamma delta epsilon"], ["one two three four five"])
    assert (p, r, f) == (0.0, 0.0, 0.0)


def test_known_small_example() -> None:
    # output "a b c d e" -> {abcd, bcde}; gold "a b c d x" -> {abcd, bcdx}: overlap 1 of 2 each.
    p, r, f = bench.shingle_scores(["a b c d e"], ["a b c d x"])
    assert (p, r, f) == (0.5, 0.5, 0.5)


def test_extra_junk_lowers_precision_only() -> None:
    gold = ["one two three four five six"]  # 3 shingles
    p, r, f = bench.shingle_scores(gold + ["seven eight"], gold)  # 5 shingles, 3 shared
    assert (p, r) == (pytest.approx(3 / 5), 1.0)
    assert f == pytest.approx(2 * 0.6 / 1.6)


def test_lost_paragraph_lowers_recall_only() -> None:
    gold = ["one two three four", "five six seven eight"]  # joined: 5 shingles
    p, r, _ = bench.shingle_scores(["one two three four"], gold)
    assert (p, r) == (1.0, pytest.approx(1 / 5))


def test_bag_counts_repeats() -> None:
    # A body kept twice doubles the output bag: precision halves (minus the seam shingles).
    body = ["w1 w2 w3 w4 w5 w6 w7 w8"]  # 5 shingles
    p, r, _ = bench.shingle_scores(body + body, body)  # 13 shingles, 5 overlap (bag minimum)
    assert (p, r) == (pytest.approx(5 / 13), 1.0)


def test_short_texts_are_one_shingle() -> None:
    assert bench.shingle_bag(["Nobody hurt."]) == {("nobody", "hurt"): 1}
    assert bench.shingle_scores(["Nobody hurt."], ["nobody HURT"]) == (1.0, 1.0, 1.0)
    assert bench.shingle_scores([], []) == (1.0, 1.0, 1.0)
    assert bench.shingle_scores([], ["some gold text here"]) == (0.0, 0.0, 0.0)
    assert bench.shingle_scores(["some output text here"], []) == (0.0, 0.0, 0.0)


def test_tokeniser_handles_cyrillic_hangul_and_punctuation() -> None:
    assert bench.word_tokens("Мэр города отметил, что…") == ["мэр", "города", "отметил", "что"]
    assert bench.word_tokens('공사는 "정확한 원인을" 조사') == "공사는 정확한 원인을 조사".split()
    assert bench.word_tokens("«Ci tolgono i treni» - dice") == "ci tolgono i treni dice".split()


def test_summary_averages_precision_and_recall_over_pages() -> None:
    page = bench.Page("x", "en", "", "", None, [])
    results = [
        bench.PageResult(page, [], 1.0, 0.5, 2 / 3),
        bench.PageResult(page, [], 0.5, 1.0, 2 / 3),
    ]
    summary = bench.summarise(results)
    assert (summary.precision, summary.recall) == (0.75, 0.75)
    assert summary.f1 == pytest.approx(0.75)
    assert summary.mean_page_f1 == pytest.approx(2 / 3)


# --- the corpus -------------------------------------------------------------------------


def test_corpus_is_varied() -> None:
    pages = bench.load_corpus(PAGES)
    assert len(pages) >= 12
    assert {p.lang for p in pages} == LANGS
    assert len(PAGE_NAMES) == len(pages), "every .txt page needs its .json gold"


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_gold_is_well_formed(name: str) -> None:
    gold = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    # A browser copy may leave stray spaces around a block: compare stripped lines.
    text = (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    lines = {line.strip() for line in text.splitlines()}
    assert set(gold) == {"lang", "style", "title", "body"}
    assert gold["lang"] == name.split("_", 1)[0] and gold["lang"] in LANGS
    assert isinstance(gold["style"], str) and gold["style"]
    assert gold["title"] is None or gold["title"] in lines
    assert gold["body"] and all(isinstance(p, str) and p.strip() == p for p in gold["body"])
    missing = [p for p in gold["body"] if p not in lines]
    assert not missing, f"gold paragraphs that are not lines of the page: {missing}"


def test_keep_everything_baseline_is_imperfect_but_complete() -> None:
    # The pages must carry real chrome (precision well below 1) and the baseline must keep
    # the body (recall near 1: only shingles across non-adjacent paragraphs can be missing).
    summary = bench.summarise(bench.evaluate(bench.load_corpus(PAGES), bench.keep_everything))
    assert summary.precision < 0.75
    assert summary.recall > 0.95


# --- regression guard for the cleaner ---------------------------------------------------


def test_cleaner_stays_above_floor() -> None:
    cleaner, why = bench.load_cleaner()
    if cleaner is None:
        pytest.skip(f"reader.clean is not importable yet ({why})")
    if CLEANER_F1_FLOOR is None:
        pytest.skip("no floor set yet: set CLEANER_F1_FLOOR once the cleaner is committed")
    results = bench.evaluate(bench.load_corpus(PAGES), cleaner)
    crashed = [r.page.name for r in results if r.error]
    assert not crashed, f"clean_text raised on {crashed}"
    summary = bench.summarise(results)
    assert summary.f1 >= CLEANER_F1_FLOOR, f"corpus F1 fell to {summary.f1:.3f}"


def test_sentence_lines_reference_keeps_long_sentence_lines_only() -> None:
    raw = "Home\nNews\nThe council voted on Tuesday to keep the library open on Saturdays.\n"
    raw += "Read more: Why the library matters to eight out of ten local families\n"
    raw += "공사는 이날 오전 신호 장애로 열차 운행이 30분가량 지연됐다고 밝혔다고 전했다\n"
    assert bench.sentence_lines(raw) == [raw.splitlines()[2], raw.splitlines()[4]]


def test_cleaner_never_does_worse_than_keeping_everything() -> None:
    cleaner, why = bench.load_cleaner()
    if cleaner is None:
        pytest.skip(f"reader.clean is not importable yet ({why})")
    pages = bench.load_corpus(PAGES)
    baseline = bench.evaluate(pages, bench.keep_everything)
    cleaned = bench.evaluate(pages, cleaner)
    worse = [
        f"{b.page.name}: {c.f1:.3f} < {b.f1:.3f}"
        for b, c in zip(baseline, cleaned, strict=True)
        if c.f1 < b.f1 - 0.01
    ]
    assert not worse, f"cleaning made these pages worse than no cleaning: {worse}"
