"""PAN plagdet measures (bench/plagdet.py) on small hand-computed examples."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


plagdet = _load("plagdet")
A = plagdet.Annotation.of


def _scores(cases, detections):
    return plagdet.evaluate(cases, detections)


def test_perfect_detection():
    s = _scores([A("d", (0, 10), (100, 110))], [A("d", (0, 10), (100, 110))])
    assert (s.precision, s.recall, s.granularity, s.plagdet) == (1.0, 1.0, 1.0, 1.0)


def test_partial_overlap_counts_characters_of_both_sides():
    # case 10 + 10 chars; detection shares 5 chars in A and all 10 in B.
    s = _scores([A("d", (0, 10), (100, 110))], [A("d", (5, 15), (100, 110))])
    assert s.recall == pytest.approx(15 / 20)
    assert s.precision == pytest.approx(15 / 20)
    assert s.granularity == 1.0
    assert s.plagdet == pytest.approx(0.75)


def test_split_detection_is_penalised_by_granularity():
    cases = [A("d", (0, 10), (100, 110))]
    dets = [A("d", (0, 5), (100, 105)), A("d", (5, 10), (105, 110))]
    s = _scores(cases, dets)
    assert (s.precision, s.recall, s.granularity) == (1.0, 1.0, 2.0)
    assert s.plagdet == pytest.approx(1 / math.log2(3))


def test_overlap_on_one_side_only_is_no_detection():
    s = _scores([A("d", (0, 10), (100, 110))], [A("d", (0, 10), (200, 210))])
    assert (s.precision, s.recall, s.plagdet) == (0.0, 0.0, 0.0)
    assert s.granularity == 1.0


def test_detections_of_other_document_pairs_do_not_count():
    s = _scores([A("d1", (0, 10), (0, 10))], [A("d2", (0, 10), (0, 10))])
    assert (s.precision, s.recall) == (0.0, 0.0)


def test_false_positive_in_clean_document_halves_precision():
    cases = [A("d1", (0, 10), (50, 60))]
    dets = [A("d1", (0, 10), (50, 60)), A("d2", (0, 40), (0, 40))]
    s = _scores(cases, dets)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == 1.0
    assert s.plagdet == pytest.approx(2 * 0.5 / 1.5)


def test_duplicate_detections_do_not_inflate_recall():
    cases = [A("d", (0, 10), (100, 110))]
    dets = [A("d", (0, 10), (100, 110)), A("d", (2, 8), (102, 108))]
    s = _scores(cases, dets)
    assert s.recall == 1.0
    assert s.precision == 1.0
    assert s.granularity == 2.0


def test_one_detection_covering_two_cases():
    cases = [A("d", (0, 10), (100, 110)), A("d", (20, 30), (120, 130))]
    dets = [A("d", (0, 30), (100, 130))]
    s = _scores(cases, dets)
    assert s.precision == pytest.approx(40 / 60)
    assert s.recall == 1.0
    assert s.granularity == 1.0
    assert s.plagdet == pytest.approx(2 * (2 / 3) / (1 + 2 / 3))


def test_macro_average_over_cases_not_characters():
    # a long case fully found and a short case missed: recall is 1/2, not weighted by length.
    cases = [A("d", (0, 1000), (0, 1000)), A("d", (2000, 2010), (2000, 2010))]
    dets = [A("d", (0, 1000), (0, 1000))]
    s = _scores(cases, dets)
    assert s.recall == pytest.approx(0.5)
    assert s.precision == 1.0


def test_multi_span_sides_are_character_sets():
    cases = [A("d", [(0, 5), (10, 15)], (0, 10))]
    dets = [A("d", (0, 15), (0, 10))]
    s = _scores(cases, dets)
    assert s.recall == 1.0
    assert s.precision == pytest.approx(20 / 25)


def test_empty_inputs_follow_pan_conventions():
    assert _scores([], []).plagdet == 1.0
    nothing_found = _scores([A("d", (0, 10), (0, 10))], [])
    assert (nothing_found.precision, nothing_found.recall, nothing_found.plagdet) == (0, 0, 0)
    assert nothing_found.granularity == 1.0
    assert _scores([], [A("d", (0, 10), (0, 10))]).plagdet == 0.0


def test_plagdet_formula():
    assert plagdet.plagdet_score(0.8, 0.6, 1.0) == pytest.approx(2 * 0.48 / 1.4)
    assert plagdet.plagdet_score(1.0, 1.0, 3.0) == pytest.approx(0.5)
    assert plagdet.plagdet_score(0.0, 1.0, 1.0) == 0.0
