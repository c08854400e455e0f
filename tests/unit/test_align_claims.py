"""Look-alike rules of issue 3 (reader.align_swaps): each rejects a changed statement and
still accepts a near-paraphrase that differs only in wording or minor detail."""

from __future__ import annotations

import pytest

from reader.align import align
from reader.align_swaps import near_copy_changes
from reader.normalize import words


def _changes(a: str, b: str) -> tuple[bool, bool]:
    return near_copy_changes(words(a), words(b), a, b)


def _aligned(a: str, b: str) -> bool:
    return bool(align(a, b).pairs) and bool(align(b, a).pairs)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The economy grew by 0.3% in the third quarter, the statistics office said.",
            "The economy shrank by 0.3% in the third quarter, the statistics office said.",
        ),
        (
            "The central bank raised its key rate by half a point on Thursday.",
            "The central bank cut its key rate by half a point on Thursday.",
        ),
        (
            "The appeals court upheld the conviction on Thursday.",
            "The appeals court overturned the conviction on Thursday.",
        ),
    ],
)
def test_an_opposite_verb_changes_the_claim(a: str, b: str) -> None:
    assert _changes(a, b) == (True, False)
    assert _changes(b, a) == (True, False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # two words for growing
            "The economy grew by 0.3% in the third quarter, the statistics office said.",
            "The economy expanded by 0.3% in the third quarter, the statistics office said.",
        ),
        (  # two words for a rise in the rate, and an added attribution
            "The central bank raised its key rate by half a point on Thursday.",
            "The central bank lifted its key rate by half a point on Thursday, it said.",
        ),
    ],
)
def test_a_synonym_of_the_verb_is_no_opposite(a: str, b: str) -> None:
    assert _changes(a, b) == (False, False)
    assert _changes(b, a) == (False, False)
    assert _aligned(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # two teams exchange places around the same verb
            "The Red Sox beat the Yankees 6-2 on Tuesday night, their fifth straight win.",
            "The Yankees beat the Red Sox 6-2 on Tuesday night, their fifth straight win.",
        ),
        (  # the speaker is now the party the other sentence speaks about
            "The union said the airline had offered a 6 percent raise over two years.",
            "The airline said it had offered a 6 percent raise over two years.",
        ),
    ],
)
def test_parties_exchanging_roles_change_the_claim(a: str, b: str) -> None:
    assert _changes(a, b) == (True, False)
    assert _changes(b, a) == (True, False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # the passive keeps who beat whom
            "Porto Real beat Westfield 3-1 on Saturday to move top of the league.",
            "Westfield were beaten 3-1 by Porto Real on Saturday, who move top of the league.",
        ),
        (  # the attribution moved to the end
            "The union said the airline had offered a 6 percent raise over two years.",
            "The airline had offered a 6 percent raise over two years, the union said.",
        ),
        (  # two words for one party
            "The airline said it had offered a 6 percent raise over two years.",
            "The carrier said it had offered a 6 percent raise over two years.",
        ),
    ],
)
def test_the_same_parties_in_the_same_roles_still_align(a: str, b: str) -> None:
    assert _changes(a, b) == (False, False)
    assert _changes(b, a) == (False, False)
    assert _aligned(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Scientists said the record was driven mainly by the El Nino weather pattern.",
            "Scientists said the record could not be explained by the El Nino weather pattern.",
        ),
        (
            "Observers said they found no serious irregularities at polling stations.",
            "Observers reported serious irregularities at polling stations.",
        ),
    ],
)
def test_a_negation_in_a_reworded_spot_changes_the_claim(a: str, b: str) -> None:
    assert _changes(a, b) == (True, False)
    assert _changes(b, a) == (True, False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # the negation in a word's own meaning
            "The regulator said the drug was not safe for children under six.",
            "The regulator said the drug was unsafe for children under six.",
        ),
    ],
)
def test_a_negation_said_in_a_word_is_the_same_claim(a: str, b: str) -> None:
    assert _changes(a, b) == (False, False)
    assert _changes(b, a) == (False, False)
    assert _aligned(a, b)


def test_a_negative_verb_is_no_negation_flip() -> None:
    # (the scorer's coarse negation penalty still weighs this pair down: not judged here)
    a = "Users said the app did not work after the latest update."
    b = "Users said the app stopped working after the latest update."
    assert _changes(a, b) == (False, False)
    assert _changes(b, a) == (False, False)


def test_too_hot_to_is_a_negation() -> None:
    negated = "The researchers said the planet was probably too hot to support life."
    plain = "The researchers said the planet could possibly support life."
    assert _changes(negated, plain) == (True, False)
    assert _changes(plain, negated) == (True, False)
    # the same claim with its negation said another way, and "too" as "also"
    unable = "The researchers said the planet was probably unable to support life."
    assert _changes(negated, unable) == (False, False)
    also_a = "The researchers said the second planet, too, could possibly support life."
    also_b = "The researchers said the second planet could possibly support life as well."
    assert _changes(also_a, also_b) == (False, False)
    assert _aligned(also_a, also_b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # one closing clause for another
            "Some 12,000 people were tracked for a decade in the study, which appears in Nature.",
            "Some 12,000 people were tracked for a decade in the study, which was funded by a "
            "drinks company.",
        ),
        (
            "The attack took place at around 11 p.m. on Saturday, and police have charged a man.",
            "The attack took place at around 11 p.m. on Saturday, and police are asking "
            "witnesses to come forward.",
        ),
    ],
)
def test_a_different_closing_clause_is_another_claim(a: str, b: str) -> None:
    assert _changes(a, b) == (True, False)
    assert _changes(b, a) == (True, False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # the clause reworded with a word or two
            "The governor signed the budget, ending a standoff that had threatened to shut "
            "down state agencies.",
            "The governor signed the budget, ending a standoff that had threatened to close "
            "state agencies.",
        ),
        (
            "Some 12,000 people were tracked for a decade in the study, which was published "
            "in the journal Nature.",
            "Some 12,000 people were tracked for a decade in the study, which appears in Nature.",
        ),
        (  # an attribution is no clause of its own
            "The probe landed on the asteroid on Thursday, the space agency said.",
            "The probe landed on the asteroid on Thursday.",
        ),
    ],
)
def test_a_closing_clause_reworded_is_the_same_claim(a: str, b: str) -> None:
    assert _changes(a, b) == (False, False)
    assert _changes(b, a) == (False, False)
    assert _aligned(a, b)
