"""Behaviour of the aligner on small constructed cases: split/merge, moves, look-alikes,
a copied passage inside a long noisy page."""

from __future__ import annotations

import random

from reader.align import align
from reader.alignment import Alignment


def _pair_texts(result: Alignment) -> list[tuple[str, str, str]]:
    return [
        (
            p.kind,
            result.a_text[p.a[0][0] : p.a[-1][1]],
            result.b_text[p.b[0][0] : p.b[-1][1]],
        )
        for p in result.pairs
    ]


def test_one_sentence_split_into_two_is_one_pair() -> None:
    a = (
        "The weather was cold. Ukraine has the right to decide its future security "
        "arrangements, and Russia does not have a veto, Stoltenberg said on Wednesday."
    )
    b = (
        "Ukraine has the right to decide its own future security arrangements, Stoltenberg "
        "said. Russia does not have a veto, he said on Wednesday. Markets in Tokyo rallied."
    )
    result = align(a, b)
    assert len(result.pairs) == 1
    pair = result.pairs[0]
    assert len(pair.a) == 1 and len(pair.b) == 2


def test_reordered_passage_is_moved_with_partner_rows() -> None:
    first = "The central bank raised its key interest rate to 4.5 percent on Thursday."
    second = "Fishermen in Kilmory say the car park plan would cut them off from the slipway."
    third = "Engineers began a six-month survey of the Halden viaduct after cracks appeared."
    result = align(f"{first} {second} {third}", f"{third} {first} {second}")
    kinds = sorted(p.kind for p in result.pairs)
    assert kinds.count("moved") == 1
    moved_rows = [i for i, row in enumerate(result.rows) if row.kind == "moved"]
    assert len(moved_rows) == 2
    one, other = moved_rows
    assert result.rows[one].partner == other and result.rows[other].partner == one


def test_look_alikes_with_a_different_fact_stay_apart() -> None:
    a = (
        "The airline has cancelled 1,200 flights over the summer because of staff shortages.\n\n"
        "Markets in Tokyo closed higher as technology stocks rallied.\n\n"
        "The president will travel to Brussels on Tuesday despite the crisis at home."
    )
    b = (
        "The president will travel to Brussels on Thursday despite the crisis at home.\n\n"
        "The weather in Geneva was cold and grey all weekend.\n\n"
        "The airline has cancelled 3,400 flights over the summer because of staff shortages."
    )
    assert align(a, b).pairs == []


def test_paraphrase_still_matches() -> None:
    a = "Nato secretary-general Jens Stoltenberg said the alliance would keep its door open."
    b = "The alliance will keep its door open, Nato chief Jens Stoltenberg said on Wednesday."
    assert [k for k, _, _ in _pair_texts(align(a, b))] == ["changed"]


def test_sentences_sharing_a_few_common_words_do_not_match() -> None:
    a = "The minister said the talks in Geneva would continue next week."
    b = "The weather in Geneva next week will be cold, the forecasters said."
    assert align(a, b).pairs == []


def _noise(rng: random.Random, words: list[str], count: int) -> str:
    lines = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.3:
            lines.append(" | ".join(rng.sample(words, 6)))
        else:
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18)))
            lines.append(sentence.capitalize() + ".")
    return "\n".join(lines)


def test_copied_passage_in_long_noisy_page_is_one_precise_pair() -> None:
    rng = random.Random(5)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnoprstuvw") for _ in range(rng.randint(3, 9)))
        for _ in range(3000)
    ] + ["the", "of", "and", "to", "in", "said"]
    passage = (
        "The harbour town of Kilmory has spent most of the winter arguing about a car park. "
        "The council wants to build forty new spaces on the old boatyard site, which has stood "
        "empty since the yard closed in 2011. Fishermen say the plan would cut them off from the "
        "slipway they still use to launch smaller boats. A public meeting on Thursday ran for "
        "almost three hours and ended without a vote."
    )
    copied = passage.replace("almost", "nearly").replace("smaller", "small")
    a_text = _noise(rng, vocabulary, 300) + "\n\n" + passage + "\n\n" + _noise(rng, vocabulary, 200)
    b_text = _noise(rng, vocabulary, 150) + "\n\n" + copied + "\n\n" + _noise(rng, vocabulary, 350)
    result = align(a_text, b_text)
    assert len(result.pairs) == 1
    pair = result.pairs[0]
    a_start = a_text.index(passage)
    b_start = b_text.index(copied)
    assert (pair.a[0][0], pair.a[-1][1]) == (a_start, a_start + len(passage))
    assert (pair.b[0][0], pair.b[-1][1]) == (b_start, b_start + len(copied))


def test_numbers_written_differently_are_one_number() -> None:
    from reader.normalize import numbers, words

    for text in ("Some 12 000 people", "Some 12,000 people", "Some 12\u202f000 people"):
        assert numbers(words(text)) == {"12000"}, text
    assert numbers(words("In 2019 100 people")) == {"2019", "100"}


def test_look_alike_with_failed_to_stays_unaligned() -> None:
    a = "NASA said the probe had entered orbit around Jupiter after a five-year journey."
    b = "NASA said the probe had failed to enter orbit around Jupiter after a five-year journey."
    assert not align(a, b).pairs


def test_extra_claim_at_the_end_stays_unaligned() -> None:
    a = "The goalkeeper saved a penalty in the last minute to earn his club a 0-0 draw."
    b = (
        "The goalkeeper saved a penalty in the last minute to earn his club a 0-0 draw, "
        "then was taken to hospital with a knee injury."
    )
    assert not align(a, b).pairs


def test_one_changed_fact_in_a_long_copy_is_one_changed_row_between_identical_ones() -> None:
    """QA: one changed number made the whole article one "changed" block (every line marked,
    one stop for "next difference"). The pair stays whole; its rows are runs."""
    sentences = [
        "The minister arrived in Geneva on Monday for two days of talks.",
        "Officials said the agenda covered arms control and military exercises.",
        "About 100,000 troops are massed near the border, according to estimates.",
        "The talks ended without a joint statement late on Tuesday evening.",
        "Both delegations agreed to report back to their capitals before meeting again.",
    ]
    a = " ".join(sentences)
    b = a.replace("About 100,000", "About 120,000")
    result = align(a, b)
    assert [p.kind for p in result.pairs] == ["changed"]
    assert [row.kind for row in result.rows] == ["identical", "changed", "identical"]
    assert all(row.pairs == (0,) for row in result.rows)
    changed = result.rows[1]
    assert a[changed.a[0][0] : changed.a[-1][1]] == sentences[2]


def test_a_quote_two_outlets_share_word_for_word_is_aligned() -> None:
    """QA: the same ten-word quote inside two otherwise different sentences was left unaligned
    (too little of either sentence in common); the diff keeps the quote whole."""
    a = (
        "Talks in Brussels ended on Wednesday. US Deputy Secretary of State Wendy Sherman said "
        "the allies made clear we will not slam the door shut on NATO's open-door policy. "
        "Markets in Tokyo rallied after the central bank held rates. Heavy snow closed roads "
        "across the Highlands overnight."
    )
    b = (
        "Fishermen in Kilmory say a car park plan would cut them off from the slipway. "
        "“We will not slam the door shut on Nato’s open-door policy,” she told reporters after "
        "almost four hours of talks at the military organisation’s headquarters in Brussels. "
        "The council will vote on the plan next month."
    )
    result = align(a, b)
    assert len(result.pairs) == 1
    pair = result.pairs[0]
    equal = [a[op.a[0] : op.a[1]] for op in pair.diff if op.tag == "equal"]
    assert any("we will not slam the door shut on NATO's open-door policy" in e for e in equal)


def test_a_shared_run_with_a_changed_number_is_still_a_look_alike() -> None:
    a = "The central bank raised its main interest rate to 4.5 percent on Thursday morning."
    b = "The central bank raised its main interest rate to 4.75 percent on Thursday morning."
    assert align(a, b).pairs == []


def test_text_each_side_has_in_one_place_shares_a_row() -> None:
    """QA: with nothing in common, "only in B" was drawn above "only in A"; QA round 3: what
    each outlet says in one place ("21 rivers" / "23 rivers") sat rows apart. Now side by side."""
    a = "Markets in Tokyo rallied after the central bank held rates steady on Friday."
    b = "Heavy snow closed roads across the Highlands overnight, police said."
    rows = align(a, b).rows
    assert [row.kind for row in rows] == ["only_each"]
    assert rows[0].a == ((0, len(a)),) and rows[0].b == ((0, len(b)),)
    common = "The minister resigned on Sunday evening after weeks of pressure over the contract."
    result = align(f"{a} {common}", f"{b} {common}")
    assert [row.kind for row in result.rows] == ["only_each", "identical"]
    # After a common passage too; a side with nothing of its own there keeps its filler.
    more = "Officials said the investigation would continue into next year, with new hearings."
    # (two sentences each: a one-sentence gap on both sides may be bridged as a changed pair)
    a2 = f"{a} Exporters gained most as the yen weakened against the dollar."
    b2 = f"{b} Schools in three counties stayed shut and trains ran a reduced service."
    result = align(f"{common} {a2} {more}", f"{common} {b2} {more}")
    assert [row.kind for row in result.rows] == ["identical", "only_each", "identical"]
    result = align(f"{common} {a2} {more}", f"{common} {more}")
    assert [row.kind for row in result.rows] == ["identical", "only_a", "identical"]


def test_an_unrelated_sentence_in_place_of_another_is_not_a_changed_pair() -> None:
    """QA round 4: a sentence replaced by an unrelated one between copied sentences was
    bridged into the passage as "changed", and the summary said 100% in common."""
    before = [
        "Heavy rain caused floods across the northern region on Monday, officials said.",
        "The river burst its banks near the town of Millbrook early in the morning.",
    ]
    after = [
        "The mayor praised the volunteers who filled sandbags through the night.",
        "Forecasters expect the rain to ease by Wednesday.",
    ]
    a = " ".join(
        [*before, "Schools were closed and several roads were cut off by the water.", *after]
    )
    b = " ".join([*before, "Stock markets in Tokyo closed higher on strong export data.", *after])
    result = align(a, b)
    assert [row.kind for row in result.rows] == ["identical", "only_each", "identical"]
    assert result.summary.a_in_b < 1 and result.summary.b_in_a < 1
    # A reworded sentence in the same place still is one.
    c = " ".join([*before, "Schools were shut and many roads were cut off by floodwater.", *after])
    assert [pair.kind for pair in align(a, c).pairs] == ["changed"]


def test_a_passage_reworded_throughout_is_drawn_a_sentence_pair_a_row() -> None:
    """QA round 3: a passage reworded sentence by sentence was one tall row with word marks
    across it; each changed pair now has its row, all naming the same pair."""
    a = (
        "The central bank raised its benchmark interest rate to 5.25 percent on Wednesday. "
        "Governor Anna Berg said the decision of the board was unanimous. "
        "The currency rose 0.3 percent against the dollar after the announcement."
    )
    b = (
        "The central bank on Wednesday raised its key interest rate to 5.25 percent. "
        "Governor Anna Berg told reporters the board's decision had been unanimous. "
        "After the announcement the currency rose 0.3 percent against the dollar."
    )
    result = align(a, b)
    assert len(result.pairs) == 1 and result.pairs[0].kind == "changed"
    assert [row.kind for row in result.rows] == ["changed"] * 3
    assert all(row.pairs == (0,) and len(row.a) == len(row.b) == 1 for row in result.rows)
