"""Attribution, day and venue an outlet adds are detail, not an added claim."""

from __future__ import annotations

import pytest

from reader.align import align
from reader.align_detail import is_detail
from reader.normalize import is_rounding


@pytest.mark.parametrize(
    "added",
    [
        "the company said",
        "regulators said on thursday",
        "it said in a statement",
        "a spokesman for the ministry told reporters",
        "according to police",
        "on the new york stock exchange on tuesday",
        "in early trading",
        "",
    ],
)
def test_attribution_time_and_place_are_detail(added: str) -> None:
    assert is_detail(added.split())


@pytest.mark.parametrize(
    "added",
    [
        "but said he would veto any bill that raised income taxes next year",
        "the company said it would close two plants",
        "and the company said profits would fall",
        "on the new york stock exchange after the company said it would cut jobs",
        "according to police who said the driver had been drinking",
        "which was funded by a drinks company",
    ],
)
def test_a_stretch_that_says_something_more_is_a_claim(added: str) -> None:
    assert not is_detail(added.split())


def _aligned(a: str, b: str) -> bool:
    result = align(a, b)
    return bool(result.pairs) and not result.only_a and not result.only_b


def test_a_sentence_with_an_added_venue_and_day_still_aligns() -> None:
    a = "Shares of Marlow Pharmaceuticals rose 4 percent to $38.20 in early trading."
    b = (
        "Marlow Pharmaceuticals Inc. shares rose 4 percent to $38.20 in early trading on the "
        "New York Stock Exchange on Tuesday."
    )
    assert _aligned(a, b) and _aligned(b, a)


def test_a_sentence_with_an_added_claim_after_said_stays_apart() -> None:
    a = "The governor thanked lawmakers from both parties for their work on the budget."
    b = (
        "The governor thanked lawmakers from both parties for their work on the budget, but said "
        "he would veto any bill that raised income taxes next year."
    )
    assert not _aligned(a, b) and not _aligned(b, a)


@pytest.mark.parametrize(
    ("x", "y", "rounded"),
    [
        ("1.23", "1.2", True),
        ("4.55", "4.6", True),  # half up, as people round
        ("2497", "2500", True),
        ("1.2", "1.5", False),
        ("130000", "100000", False),  # far apart, though 130,000 rounds to 100,000
        ("1995", "2000", False),  # years are never rounded
        ("410", "380", False),
        ("4.4", "4.6", False),
    ],
)
def test_rounded_figures(x: str, y: str, rounded: bool) -> None:
    assert is_rounding(x, y) is rounded and is_rounding(y, x) is rounded


def test_a_rounded_figure_still_aligns_and_a_changed_one_does_not() -> None:
    a = "The company reported net income of $1.23 billion for the quarter, up from a year ago."
    rounded = a.replace("$1.23 billion", "$1.2 billion")
    changed = a.replace("$1.23 billion", "$1.5 billion")
    assert _aligned(a, rounded) and _aligned(rounded, a)
    assert not _aligned(a, changed) and not _aligned(changed, a)
