"""A changed first or last sentence is a changed pair, not two unique passages (QA finding).

Between two aligned passages a sentence each side is bridged; at the start or end of both
texts the changed lead ("four hours" / "five hours") used to be drawn as "only in A" and
"only in B", although it is exactly the change a fact-checker looks for.
"""

from __future__ import annotations

import pytest

from reader.align import align

LEAD = (
    "Sherman said the talks in Brussels at the headquarters of the alliance lasted four hours "
    "on Wednesday afternoon, longer than planned."
)
MIDDLE = (
    "Mr Stoltenberg said Nato is keen to discuss ways to prevent dangerous military incidents "
    "or accidents and reduce space and cyber threats."
)
LAST = (
    "The European Union and the US have hit Russia with sanctions for its actions against "
    "Ukraine, and more could follow."
)
TEXT = f"{LEAD}\n\n{MIDDLE}\n\n{LAST}"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("four hours", "five hours"),  # a number word, first sentence
        ("four hours", "14,000 hours"),
        ("lasted", "never lasted"),
        ("more could follow", "more could not follow"),  # a negation, last sentence
        ("with sanctions", "with 100,000 sanctions"),
    ],
)
def test_a_changed_edge_sentence_is_a_changed_pair(old: str, new: str) -> None:
    changed = TEXT.replace(old, new)
    for a_text, b_text in ((TEXT, changed), (changed, TEXT)):
        result = align(a_text, b_text)
        assert result.only_a == [] and result.only_b == [], (old, new)
        assert [p.kind for p in result.pairs] == ["changed"]
        assert result.summary.a_in_b == result.summary.b_in_a == 1.0


def test_an_unrelated_edge_sentence_stays_unique() -> None:
    other_lead = "Markets in Asia closed lower on Thursday as oil prices rose again overnight."
    result = align(TEXT, TEXT.replace(LEAD, other_lead))
    assert len(result.only_a) == 1 and len(result.only_b) == 1
    start, end = result.only_a[0]
    assert TEXT[start:end] == LEAD


def test_an_edge_sentence_only_one_side_has_stays_unique() -> None:
    result = align(TEXT, f"{MIDDLE}\n\n{LAST}")
    assert len(result.only_a) == 1 and result.only_b == []
