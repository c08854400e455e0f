"""The str-method tokeniser gives the tokens of ``normalize.sentence_words`` (hypothesis); the
stems and facts of the marked word table are those of ``content_stems`` and ``facts``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pytest import MonkeyPatch

from reader import words_fast
from reader.normalize import content_stems, facts
from reader.normalize import sentence_words as reference
from reader.words_fast import sentence_words, stems_and_facts

# Apostrophes and dots in every position (joining, leading, trailing, doubled), digits and
# characters outside ASCII (the WORD path), the joining character of the fast path,
# characters whose case-folding or typography folding changes the length (ß, …, ﬁ, the
# zero-width space) and white space outside ASCII.
ALPHABET = "ab_Z '.’-,\n\t\u00a0 1é²\x01\x02ß…ﬁ\u200b\x85"


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet=ALPHABET, max_size=40))
    bounds = st.integers(min_value=0, max_value=len(text))
    pairs = draw(st.lists(st.tuples(bounds, bounds), max_size=5))
    return text, [(min(pair), max(pair)) for pair in pairs]


@settings(max_examples=500, deadline=None)
@given(text_and_spans())
def test_same_tokens_as_the_word_pattern(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = case
    assert sentence_words(text, spans) == reference(text, spans)


def test_joined_and_loose_apostrophes_and_dots() -> None:
    text = "Don't 'quote' the U.S. a..b x.'y neighbour.Russia 3.5 e.g. café. _x_"
    cut = text.index(" neighbour")
    spans = [(0, cut), (cut + 1, len(text)), (0, 0)]
    assert sentence_words(text, spans) == reference(text, spans)
    assert sentence_words(text, spans)[0] == ["don't", "quote", "the", "u.s", "a", "b", "x", "y"]


def test_stems_and_facts_after_the_word_table_is_renewed(monkeypatch: MonkeyPatch) -> None:
    full = words_fast._MarkedStems()
    full.update(dict.fromkeys(map(str, range(200_001)), ""))
    monkeypatch.setattr(words_fast, "_marked_stems", full)
    sentences = [["talks", "failed", "on", "monday"], ["talks", "went", "on"], ["not", "now"]]
    assert stems_and_facts(sentences) == [
        (frozenset(content_stems(tokens)), facts(tokens)) for tokens in sentences
    ]
    assert words_fast._marked_stems is not full
