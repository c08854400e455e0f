"""The aligner's dev cases (tests/data/align, bench/make_*_cases.py) are well formed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


make_align_cases = _load("make_align_cases")


def test_sentence_pairs_are_well_formed():
    pairs = make_align_cases.load_sentence_pairs()
    ids = [p["id"] for p in pairs]
    assert len(ids) == len(set(ids))
    assert sum(p["equivalent"] for p in pairs) >= 150
    assert sum(not p["equivalent"] for p in pairs) >= 100
    for pair in pairs:
        assert pair["a"].strip() == pair["a"] and pair["b"].strip() == pair["b"]
        assert len(pair["a"]) > 20 and len(pair["b"]) > 20
        assert pair["a"] != pair["b"]
        assert pair["kind"] in {"paraphrase", "number", "actor", "negation", "time", "claim"}
        assert (pair["kind"] == "paraphrase") == pair["equivalent"]
    texts = [p[side] for p in pairs for side in ("a", "b")]
    assert len(texts) == len(set(texts)), "a sentence is used twice"


def test_stored_sentence_cases_match_the_generator():
    stored = make_align_cases.json.loads(
        make_align_cases.SENTENCE_CASES_FILE.read_text(encoding="utf-8")
    )["cases"]
    assert stored == make_align_cases.build_sentence_cases()


def test_sentence_case_spans_point_at_the_pair_text():
    pairs = {p["id"]: p for p in make_align_cases.load_sentence_pairs()}
    cases = make_align_cases.build_sentence_cases()
    assert len(cases) >= 30
    for case in cases:
        assert 8 <= len(case["gold"]) + len(case["lookalikes"]) <= 25
        used_a: list[tuple[int, int]] = []
        for entry in case["gold"] + case["lookalikes"]:
            pair = pairs[entry["pair"]]
            a = case["a"][entry["a"][0] : entry["a"][1]]
            b = case["b"][entry["b"][0] : entry["b"][1]]
            assert {a, b} == {pair["a"], pair["b"]}
            assert pair["equivalent"] == (entry in case["gold"])
            used_a.append(tuple(entry["a"]))
        used_a.sort()
        assert all(x[1] <= y[0] for x, y in zip(used_a, used_a[1:], strict=False))
