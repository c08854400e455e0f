"""Normalisation helpers: the fast paths give what the plain definitions give (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.normalize import (
    TYPOGRAPHY,
    WORD,
    content_stems,
    facts,
    fold_typography,
    idf_weights,
    normalise,
    numbers,
    sentence_words,
    words,
)
from reader.words_fast import stems_and_facts

# The tokeniser as first written: the reordered WORD must find exactly these tokens.
REFERENCE_WORD = re.compile(r"\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*\w*|\w+(?:['.]\w+)*")

# Characters that exercise every branch: digits and separators, apostrophes, dots, letters
# outside ASCII, digits that are \w but not \d ("²"), and white space.
ALPHABET = "ab Zé1 203,.'’-_²\n\t"
texts = st.text(alphabet=ALPHABET, max_size=60)
news_words = st.lists(
    st.sampled_from(
        "the not Monday May nato 1,200 12 000 3.5 sixty-four four declined to failed "
        "doesn't U.S. talks talk rejected Russia's a I 7 9.80 Mondays fours no none".split()
    ),
    max_size=15,
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_word_pattern_finds_the_reference_tokens(text: str) -> None:
    assert WORD.findall(text) == REFERENCE_WORD.findall(text)


def _reference_sentence_words(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """sentence_words as first written: every token of every span, numbers made plain."""
    folded = text.translate(TYPOGRAPHY).casefold()
    if len(folded) != len(text):
        return [words(text[s:e]) for s, e in spans]
    return [
        [t.replace(",", "").replace(" ", "") if t[0].isdigit() else t for t in found]
        for found in (REFERENCE_WORD.findall(folded, s, e) for s, e in spans)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, max_size=6))
def test_sentence_words_skip_no_token_that_needs_work(parts: list[str]) -> None:
    text, spans = "", []
    for part in parts:
        start = len(text) + 1
        text += " " + part
        spans.append((start, len(text)))
    assert sentence_words(text, spans) == _reference_sentence_words(text, spans)


def test_thousands_separators_are_dropped_in_every_sentence() -> None:
    text = "It cost 1,200 euros. Nothing else. About 12 000 came."
    spans = [(0, 20), (21, 34), (35, len(text))]
    assert sentence_words(text, spans) == [
        ["it", "cost", "1200", "euros"],
        ["nothing", "else"],
        ["about", "12000", "came"],
    ]


@settings(max_examples=200, deadline=None)
@given(news_words)
def test_stems_and_facts_are_those_of_each_sentence(tokens_raw: list[str]) -> None:
    half = len(tokens_raw) // 2
    sentences = [words(" ".join(tokens_raw[:half])), words(" ".join(tokens_raw[half:]))]
    assert stems_and_facts(sentences) == [
        (frozenset(content_stems(tokens)), facts(tokens)) for tokens in sentences
    ]
    assert all(facts(tokens, set(tokens)) == facts(tokens) for tokens in sentences)


def test_idf_counts_documents_not_occurrences() -> None:
    idf = idf_weights([["nato", "nato", "talks"], frozenset({"nato"})])
    assert idf["nato"] < idf["talks"]
    assert idf_weights([["x", "x"]]) == idf_weights([frozenset({"x"})])


def test_normalise_folds_typography() -> None:
    assert normalise("“Hello”\u00a0—  World’s") == '"hello" - world\'s'


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ‘’“”„«»–—−\u00a0\u200b…é\n", max_size=40))
def test_fold_typography_is_the_translation_table(text: str) -> None:
    assert fold_typography(text) == text.translate(TYPOGRAPHY)


def test_numbers_start_with_a_decimal_digit_of_any_script() -> None:
    assert numbers(["٣", "²", "x1", "1,200", "3.50", "sixty", "four"]) == frozenset(
        {"٣", "1200", "3.5", "64"}
    )
