"""The aligner's dev cases (tests/data/align, bench/make_*_cases.py) are well formed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

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
KINDS = {"paraphrase", "number", "actor", "negation", "time", "claim", "extra"}


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
        assert pair["kind"] in KINDS
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


make_doc_cases = _load("make_doc_cases")


def _words(text: str) -> list[str]:
    return make_doc_cases.re.findall(r"\w+", text.lower())


@pytest.fixture(scope="module")
def document_cases() -> list[dict]:
    return make_doc_cases.build_document_cases()


def test_document_cases_are_deterministic(document_cases):
    assert make_doc_cases.build_document_cases(limit=4) == document_cases[:4]


def test_document_cases_are_well_formed(document_cases):
    from rapidfuzz import fuzz

    cases = document_cases
    assert len(cases) == 60
    assert {c["variant"] for c in cases} == {"verbatim", "light", "two", "none"}
    sizes = [len(c[side]) for c in cases for side in ("a", "b")]
    assert min(sizes) >= 5_000 and max(sizes) <= 90_000
    for case in cases:
        expected = {"none": 0, "two": 2}.get(case["variant"], 1)
        assert len(case["gold"]) == expected
        for gold in case["gold"]:
            (a0, a1), (b0, b1) = gold["a"], gold["b"]
            assert 0 <= a0 < a1 <= len(case["a"]) and 0 <= b0 < b1 <= len(case["b"])
            a_part, b_part = case["a"][a0:a1], case["b"][b0:b1]
            assert a_part == a_part.strip() and b_part == b_part.strip()
            if case["variant"] == "verbatim":
                assert _words(a_part) == _words(b_part)
            else:  # light obfuscation: a few words changed, the passage still close
                assert fuzz.ratio(" ".join(_words(a_part)), " ".join(_words(b_part))) > 70
        if len(case["gold"]) == 2:
            first, second = sorted(tuple(g["a"]) for g in case["gold"])
            assert first[1] <= second[0]


def test_obfuscation_changes_few_words():
    rng = make_doc_cases.random.Random(1)
    sentence = "The council said it would start to build a new library in the old town next year."
    changed = [make_doc_cases.obfuscate(sentence, rng) for _ in range(50)]
    assert any(c != sentence for c in changed)
    from rapidfuzz import fuzz

    assert all(fuzz.token_sort_ratio(c.lower(), sentence.lower()) > 60 for c in changed)


# Regression floors for reader.align on the dev cases, a few points below what it scored when
# the floors were set (documents: 0.936 on the first 20 cases; sentences: 0.857 on all 42,
# 0.916 since the fact-swap rules and news paraphrase stems).
# Raise them when the aligner improves; `python bench/eval_align.py` shows the full picture.
DOCUMENT_FLOOR = 0.90
SENTENCE_FLOOR = 0.89


def _aligner_scores(cases, merge: bool):
    eval_align = _load("eval_align")
    from reader.align import align

    detections, _, _ = eval_align.run_detector(eval_align.aligner_detector(align, merge), cases)
    return eval_align.plagdet.evaluate(eval_align.gold_annotations(cases), detections)


def test_aligner_stays_above_floor_on_document_cases(document_cases):
    scores = _aligner_scores(document_cases[:20], merge=True)
    assert scores.plagdet >= DOCUMENT_FLOOR, scores.row()


def test_aligner_stays_above_floor_on_sentence_cases():
    scores = _aligner_scores(make_align_cases.build_sentence_cases(), merge=False)
    assert scores.plagdet >= SENTENCE_FLOOR, scores.row()


def test_hard_wrap_keeps_offsets_and_width():
    text = "one two three four five six seven eight nine ten\n\nshort line\n" * 3
    wrapped = make_doc_cases.hard_wrap(text, 12)
    assert len(wrapped) == len(text)
    assert wrapped.replace("\n", " ") == text.replace("\n", " ")
    assert all(len(line) <= 12 for line in wrapped.splitlines())
