"""Near-copies that swap a fact or add a claim are look-alikes (reader.align_swaps), and the
news paraphrase words that share a stem (reader.normalize)."""

from __future__ import annotations

import pytest

from reader.align import align
from reader.align_swaps import names, near_copy_changes
from reader.normalize import content_stems, words


def _changes(a: str, b: str) -> tuple[bool, bool]:
    return near_copy_changes(words(a), words(b), a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "More than 2,000 homes were damaged and roughly 6,000 people were moved.",
            "More than 2,000 homes were damaged and roughly 16,000 people were moved.",
        ),
        (
            "The changes will take effect at the start of next year.",
            "The changes will take effect at the start of next month.",
        ),
        (
            "The union said the strike would continue until Thursday.",
            "The union said the strike would continue until Saturday.",
        ),
        (
            "The Green Party was on course to finish third, its best result ever.",
            "The Liberal Party was on course to finish third, its best result ever.",
        ),
        (
            "The chairman said the decision had been taken by the board on Sunday.",
            "The manager said the decision had been taken by the board on Sunday.",
        ),
        (
            "Republican leaders praised the deal as good for taxpayers.",
            "Republican leaders criticised the deal as good for taxpayers.",
        ),
        (
            "Doctors said she would need surgery on the knee.",
            "Doctors said she would not need surgery on the knee.",
        ),
        (
            "No one was injured during the robbery, a police spokeswoman said.",
            "One person was injured during the robbery, a police spokeswoman said.",
        ),
    ],
)
def test_a_swapped_fact_in_a_near_copy_is_found(a: str, b: str) -> None:
    assert _changes(a, b) == (True, False)
    assert _changes(b, a) == (True, False)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # the same facts, reworded
            "Shares of Veltro were up 2 percent in after-hours trading after the announcement.",
            "Veltro shares rose 2 percent in after-hours trading following the announcement.",
        ),
        (  # a conversion, not another unit of time
            "The union said she would play next week after the final.",
            "The union said she would play in seven days after the final.",
        ),
        (  # two forms of one name
            "The comet will pass within 28 million miles of Earth on Feb. 1, astronomers said.",
            "Astronomers said the comet will come within 28 million miles of Earth on February 1.",
        ),
        (  # one actor, two words for it
            "The decision was confirmed by a spokesman for the club on Monday.",
            "The decision was confirmed by a spokeswoman for the club on Monday.",
        ),
        (  # "without a win" is "winless", not a negated statement
            "The club sacked its manager on Monday after a run of seven games without a win.",
            "The club fired its manager on Monday following a seven-game winless run.",
        ),
        (  # a number said elsewhere in the other sentence is no swap
            "The company sold 3.1 million of the devices in the first three months of the year.",
            "In the first three months of the year, the company sold 3.1 million devices.",
        ),
        (  # one unit of time, singular and plural
            "The singer said she would retire at the end of the tour, ending a 30-year career.",
            "The singer said she would retire at the end of the tour after a career of 30 years.",
        ),
        (  # retail figures compared with the month before: "the previous month" is February
            "Retail sales rose 0.6 percent in March from the previous month.",
            "Retail sales increased 0.6 percent in March compared with February.",
        ),
    ],
)
def test_rewordings_are_not_swaps(a: str, b: str) -> None:
    assert _changes(a, b) == (False, False)
    assert _changes(b, a) == (False, False)


def test_a_long_added_clause_is_a_claim_but_a_moved_one_is_not() -> None:
    short = "The central bank kept interest rates on hold at 3.75 percent."
    longer = (
        "The central bank kept interest rates on hold at 3.75 percent, but two of its nine "
        "members voted for an immediate cut."
    )
    assert _changes(short, longer) == (False, True)
    assert _changes(longer, short) == (False, True)
    moved_a = "The 23-year-old midfielder has signed a five-year contract with the club, it said."
    moved_b = "The club said that the 23-year-old midfielder had signed a five-year contract."
    assert _changes(moved_a, moved_b) == (False, False)


def test_sentences_that_differ_a_lot_are_not_judged_here() -> None:
    a = "Putin has demanded that the alliance agree not to admit more members in Europe."
    b = "Nato would leave its door open to new members, rejecting a key demand by Putin."
    assert _changes(a, b) == (False, False)


def test_names_leave_out_sentence_starts_and_capitals() -> None:
    text = "Ricardo Alves scored twice. Then Porto Real went top. THE END IS NEAR for Westfield."
    assert names(text) == {"alves", "porto", "real", "westfield"}


def test_news_paraphrase_words_share_a_stem() -> None:
    assert content_stems(["rose"]) == content_stems(["climbed"]) == content_stems(["increased"])
    assert content_stems(["sacked"]) == content_stems(["fired"])
    assert content_stems(["rose"]) != content_stems(["fell"])
    assert content_stems(["roughly"]) == []


def _aligned(a: str, b: str) -> list[tuple[str, str]]:
    result = align(a, b)
    return [
        (result.a_text[p.a[0][0] : p.a[-1][1]], result.b_text[p.b[0][0] : p.b[-1][1]])
        for p in result.pairs
    ]


def test_look_alikes_stay_apart_while_paraphrases_beside_them_align() -> None:
    a = (
        "Ricardo Alves scored twice as Porto Real beat Westfield 3-1 on Saturday.\n\n"
        "The Green Party was on course to finish third, its best result ever.\n\n"
        "The prize is worth 50,000 pounds to the winner."
    )
    b = (
        "The prize is worth 50,000 pounds to the winner, and each of the five other "
        "shortlisted authors receives 2,500 pounds.\n\n"
        "Ricardo Alves scored two goals as Porto Real defeated Westfield 3-1 on Saturday.\n\n"
        "The Liberal Party was on course to finish third, its best result ever."
    )
    pairs = _aligned(a, b)
    assert len(pairs) == 1
    assert pairs[0][0].startswith("Ricardo Alves scored twice")
    assert pairs[0][1].startswith("Ricardo Alves scored two goals")


def test_a_sentence_split_in_two_still_matches_despite_the_added_clause_rule() -> None:
    a = (
        "The weather was cold. The central bank kept interest rates on hold at 3.75 percent, "
        "but two of its nine members voted for an immediate cut."
    )
    b = (
        "The central bank kept interest rates on hold at 3.75 percent. Two of its nine "
        "members voted for an immediate cut. Markets in Tokyo rallied."
    )
    result = align(a, b)
    assert len(result.pairs) == 1
    assert len(result.pairs[0].a) == 1 and len(result.pairs[0].b) == 2


def test_a_neighbour_sharing_one_word_does_not_carry_a_look_alike_into_a_passage() -> None:
    a = (
        "The council will spend an extra 40 million pounds on roads over the next five years, "
        "the transport chief said. Her rival won the seat by fewer than 900 votes two years "
        "ago. The mayor thanked residents for their patience during the roadworks."
    )
    b = (
        "The council is to spend an additional 40 million pounds on roads over the next five "
        "years, the transport chief said. The mayor thanked residents for their patience during "
        "the roadworks, but said parking charges would double from next year."
    )
    pairs = _aligned(a, b)
    assert len(pairs) == 1
    assert pairs[0][0].endswith("the transport chief said.")
    assert pairs[0][1].endswith("the transport chief said.")


def test_verb_endings_share_a_stem() -> None:
    from reader.normalize import stem

    assert stem("closing") == stem("closed") == stem("close")
    assert stem("orbiting") == stem("orbit")
    assert stem("spring") == "spring" and stem("speed") == "speed"
