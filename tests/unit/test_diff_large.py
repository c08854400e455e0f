"""Very long passages are diffed sentence by sentence first: the same changes, bounded work.

QA round 3: two copies of a 1 MB document with a few edits took 14 s and 3 GB in one rapidfuzz
call (the app froze meanwhile); 5 MB crashed with bad_alloc.
"""

from __future__ import annotations

import random

import pytest
from rapidfuzz.distance import Indel

from reader import diff_large
from reader.align import align
from reader.diff import word_diff
from reader.segment import split_sentences

WORDS = "talks troops border minister sanctions ministers said would could alliance".split()


def _sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        f"Sentence {k} says " + " ".join(rng.choice(WORDS) for _ in range(12)) + "."
        for k in range(count)
    ]


def _edited(sentences: list[str]) -> list[str]:
    b = list(sentences)
    b[3] = b[3].replace("says", "writes")
    del b[20]
    b.insert(30, "An entirely new sentence appears here.")
    b[35] = b[35].replace("Sentence", "Line")
    return b


def _changes(a: str, b: str) -> list[tuple[str, str, str]]:
    ops = word_diff(a, split_sentences(a), b, split_sentences(b))
    return [(op.tag, a[op.a[0] : op.a[1]], b[op.b[0] : op.b[1]]) for op in ops if op.tag != "equal"]


def test_sentence_first_finds_the_changes_whole_sentences_at_a_time(monkeypatch) -> None:
    sentences = _sentences(40, seed=1)
    edited = _edited(sentences)
    a, b = " ".join(sentences), " ".join(edited)
    whole = _changes(a, b)
    assert ("replace", "says", "writes") in whole and ("replace", "Sentence", "Line") in whole
    assert not diff_large.too_long(split_sentences(a), split_sentences(b))
    monkeypatch.setattr(diff_large, "MAX_CHAR_PAIRS", 1000)
    assert diff_large.too_long(split_sentences(a), split_sentences(b))
    # The same changed words; a dropped or added sentence is one change of its own (the word
    # diff may shift it by a word: "20 ... border. Sentence").
    assert _changes(a, b) == [
        ("replace", "says", "writes"),
        ("delete", sentences[20], ""),
        ("insert", "", "An entirely new sentence appears here."),
        ("replace", "Sentence", "Line"),
    ]


@pytest.mark.parametrize("count", [3000])
def test_no_single_diff_call_grows_with_the_whole_document(monkeypatch, count: int) -> None:
    # Two 300,000-character copies with edits: aligned as one long passage. Every opcode call
    # must stay bounded (checked on its sizes, not on the clock).
    sizes: list[int] = []
    opcodes = Indel.opcodes

    def counting(a: list[str], b: list[str]) -> object:
        sizes.append(len(a) * len(b))
        return opcodes(a, b)

    monkeypatch.setattr("reader.diff.Indel.opcodes", counting)
    sentences = _sentences(count, seed=2)
    a, b = " ".join(sentences), " ".join(_edited(sentences))
    result = align(a, b)
    assert not result.only_a and result.summary.a_in_b == 1.0
    changed = [
        (op.tag, a[op.a[0] : op.a[1]], b[op.b[0] : op.b[1]])
        for pair in result.pairs
        for op in pair.diff
        if op.tag != "equal"
    ]
    assert ("replace", "says", "writes") in changed and ("replace", "Sentence", "Line") in changed
    words_a = len(a.split())
    assert max(sizes) < words_a * words_a / 50
