"""Sentence splitting with offsets: hard cases from news text, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.segment import split_sentences

# (text, expected sentences). Shared with bench/bench_align.py, which measures other splitters.
HARD_CASES: list[tuple[str, list[str]]] = [
    (
        "Mr. Putin met Ms. Sherman. They talked.",
        ["Mr. Putin met Ms. Sherman.", "They talked."],
    ),
    ("Dr. Smith arrived at 9 a.m. on Monday.", ["Dr. Smith arrived at 9 a.m. on Monday."]),
    (
        "The U.S. and Russia met. The talks failed.",
        ["The U.S. and Russia met.", "The talks failed."],
    ),
    (
        "Sanctions were imposed by the U.S. The Kremlin denied it.",
        ["Sanctions were imposed by the U.S.", "The Kremlin denied it."],
    ),
    ("Talks began on Jan. 12 in Geneva.", ["Talks began on Jan. 12 in Geneva."]),
    ("He lives in St. Petersburg. She does not.", ["He lives in St. Petersburg.", "She does not."]),
    ("Gen. Mark Milley spoke. Then he left.", ["Gen. Mark Milley spoke.", "Then he left."]),
    (
        "Russia massed 100,000 troops. Growth was 3.5 percent.",
        ["Russia massed 100,000 troops.", "Growth was 3.5 percent."],
    ),
    (
        "Moscow denies it plans to attack its neighbour.Russia annexed Crimea in 2014.",
        ["Moscow denies it plans to attack its neighbour.", "Russia annexed Crimea in 2014."],
    ),
    (
        "She said: “We will not slam the door.” He agreed.",
        ["She said: “We will not slam the door.”", "He agreed."],
    ),
    (
        'He said: "It is over." Then he left.',
        ['He said: "It is over."', "Then he left."],
    ),
    (
        "“Is this the end?” he asked. Nobody answered.",
        ["“Is this the end?” he asked.", "Nobody answered."],
    ),
    ("Wait! Stop! Now.", ["Wait!", "Stop!", "Now."]),
    (
        "The index rose to 1,802.18. Revenue fell 12 percent in 2023. Shares fell.",
        ["The index rose to 1,802.18.", "Revenue fell 12 percent in 2023.", "Shares fell."],
    ),
    (
        "John F. Kennedy was president. He died in 1963.",
        ["John F. Kennedy was president.", "He died in 1963."],
    ),
    (
        "First paragraph without a stop\n\nSecond paragraph.",
        ["First paragraph without a stop", "Second paragraph."],
    ),
    ("Visit express.co.uk for more. It is free.", ["Visit express.co.uk for more.", "It is free."]),
    (
        "The company, Acme Inc. was founded. It grew.",
        ["The company, Acme Inc. was founded.", "It grew."],
    ),
    ("See No. 10 Downing Street. It is old.", ["See No. 10 Downing Street.", "It is old."]),
    ("He said no. The others agreed.", ["He said no.", "The others agreed."]),
    (
        "The vote was 52-48... Officials were stunned.",
        ["The vote was 52-48...", "Officials were stunned."],
    ),
    (
        "The talks (held in Brussels.) ended. Nothing changed.",
        ["The talks (held in Brussels.) ended.", "Nothing changed."],
    ),
    (
        "Russia’s Deputy Foreign Minister, Alexander Grushko, spoke.\n“It is a threat,” he said.",
        [
            "Russia’s Deputy Foreign Minister, Alexander Grushko, spoke.",
            "“It is a threat,” he said.",
        ],
    ),
    (
        "a line that wraps\nin the middle of a sentence. Next one.",
        ["a line that wraps\nin the middle of a sentence.", "Next one."],
    ),
    (
        "Home\nNews\nSport\nThe story begins here.",
        ["Home", "News", "Sport", "The story begins here."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t ") == []


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "Mr.\n\nSmith said so"
    assert [text[s:e] for s, e in split_sentences(text)] == ["Mr.", "Smith said so"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n“”\"'Mr3,U")), max_size=80))
def test_spans_are_ordered_trimmed_and_inside(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    # nothing but white space is left out
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # QA round 3: a Korean or Russian paragraph was one "sentence" (only Latin capitals
        # could start one), so one changed figure kept the whole paragraph from pairing.
        (
            "시는 5조 원을 배정했다. 지하철 교체에 1조 원이 든다.",
            ["시는 5조 원을 배정했다.", "지하철 교체에 1조 원이 든다."],
        ),
        (
            "Москва заявила об этом в среду. Переговоры продолжатся.",
            ["Москва заявила об этом в среду.", "Переговоры продолжатся."],
        ),
        ("Он сказал это соседу.Россия ответила.", ["Он сказал это соседу.", "Россия ответила."]),
        (
            "Ο υπουργός μίλησε. Η κυβέρνηση απάντησε.",
            ["Ο υπουργός μίλησε.", "Η κυβέρνηση απάντησε."],
        ),
        ("Он сказал «нет». «Да», ответил он.", ["Он сказал «нет».", "«Да», ответил он."]),
        ("Цена выросла на 3.5 процента в мае.", ["Цена выросла на 3.5 процента в мае."]),
        ("и т.д. и т.п. все остальное", ["и т.д. и т.п. все остальное"]),
    ],
)
def test_sentences_of_other_scripts(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text)] == expected
