"""Word-level differences and the article similarity used by the compare picker."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.diff import absorb_stray_marks, tokens, word_diff, word_ops
from reader.model import Article
from reader.normalize import TYPOGRAPHY
from reader.similarity import rank_by_similarity


def _whole(text: str) -> tuple[tuple[int, int], ...]:
    return ((0, len(text)),)


def test_identical_passages_are_one_equal_op() -> None:
    text = "The talks lasted four hours."
    ops = word_diff(text, _whole(text), text, _whole(text))
    assert [op.tag for op in ops] == ["equal"]
    assert ops[0].a == (0, len(text)) and ops[0].b == (0, len(text))


def test_typography_and_case_do_not_count_as_changes() -> None:
    a = "“We will not slam the door,” she said."
    b = '"we will not slam the door," She said.'
    assert [op.tag for op in word_diff(a, _whole(a), b, _whole(b))] == ["equal"]


def test_replace_insert_delete_spans_point_at_the_words() -> None:
    a = "The talks lasted nearly four hours in Brussels."
    b = "The talks lasted almost four long hours."
    ops = word_diff(a, _whole(a), b, _whole(b))
    changed = [(op.tag, a[op.a[0] : op.a[1]], b[op.b[0] : op.b[1]]) for op in ops]
    assert ("replace", "nearly", "almost") in changed
    assert ("insert", "", "long") in changed
    assert ("delete", "in Brussels", "") in changed
    for op in ops:
        if op.tag == "insert":
            assert op.a[0] == op.a[1]
        if op.tag == "delete":
            assert op.b[0] == op.b[1]


def test_a_figure_with_thousands_commas_changes_as_one_word() -> None:
    # QA: "100,000" -> "130,000" was drawn as [-100-],000 / {+130+},000.
    a = "Russia has around 100,000 combat-ready troops and 2,300,000 reservists, 12,5 km away."
    b = "Russia has around 130,000 combat-ready troops and 2,300,000 reservists, 12,6 km away."
    ops = word_diff(a, _whole(a), b, _whole(b))
    changed = [(a[op.a[0] : op.a[1]], b[op.b[0] : op.b[1]]) for op in ops if op.tag != "equal"]
    # a comma not followed by three digits is punctuation, not part of a number
    assert changed == [("100,000", "130,000"), ("5", "6")]


def test_spans_across_several_sentences() -> None:
    a = "One two. Three four."
    b = "Zero. One two. Three five."
    ops = word_diff(a, ((0, 8), (9, 20)), b, ((6, 14), (15, 26)))
    changed = [
        (op.tag, a[op.a[0] : op.a[1]], b[op.b[0] : op.b[1]]) for op in ops if op.tag != "equal"
    ]
    assert changed == [("replace", "four", "five")]


def test_a_lone_mark_between_two_changes_is_part_of_one_change() -> None:
    a = "They must de-escalate at once, he said."
    b = "They met at the Nato-Russia council, he said."
    ops = word_diff(a, [(0, len(a))], b, [(0, len(b))])
    assert [op.tag for op in ops] == ["equal", "replace", "equal"]
    assert a[ops[1].a[0] : ops[1].a[1]] == "must de-escalate at once"
    assert b[ops[1].b[0] : ops[1].b[1]] == "met at the Nato-Russia council"
    # a word in common still splits the change in two
    c = "Talks in Geneva ended on Monday."
    d = "Meetings in Brussels ended on Monday."
    tags = [op.tag for op in word_diff(c, [(0, len(c))], d, [(0, len(d))])]
    assert tags == ["replace", "equal", "replace", "equal"]


def test_empty_sides() -> None:
    assert word_diff("", (), "", ()) == ()
    ops = word_diff("", (), "Hello there.", ((0, 12),))
    assert [op.tag for op in ops] == ["insert"] and ops[0].a == (0, 0)


def _article(title: str, *paragraphs: str) -> Article:
    return Article(title=title, paragraphs=list(paragraphs))


def test_rank_by_similarity_puts_the_same_story_first() -> None:
    target = _article("Nato rejects Russian demands", "Nato and Russia met in Brussels on Ukraine.")
    candidates = [
        _article("Tokyo stocks rally", "Markets in Tokyo closed higher."),
        _article("Russia talks end without deal", "Nato rejected Russia's demands over Ukraine."),
        _article("Empty", ""),
    ]
    ranked = rank_by_similarity(target, candidates)
    assert [index for index, _ in ranked][0] == 1
    assert sorted(index for index, _ in ranked) == [0, 1, 2]
    assert all(0 <= score <= 100 for _, score in ranked)
    assert rank_by_similarity(target, []) == []


_REFERENCE_TOKEN = re.compile(r"\w+(?:['’.]\w+)*|[^\w\s]")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab É1.,'’ \n—…ß“", max_size=25), min_size=1, max_size=4))
def test_tokens_are_the_folded_words_and_marks_of_each_span(parts: list[str]) -> None:
    text, spans = "", []
    for part in parts:
        text += " " * (len(text) % 2) + part  # spans apart or touching
        if part.strip():
            start = len(text) - len(part)
            spans.append((start + len(part) - len(part.lstrip()), len(text.rstrip())))
    expected = [
        (m.group().translate(TYPOGRAPHY).casefold(), m.start(), m.end())
        for s, e in spans
        for m in _REFERENCE_TOKEN.finditer(text[:e], s)
    ]
    assert tokens(text, spans) == expected


def _spans_of(parts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for part in parts:
        text += " " * (len(text) % 2) + part  # spans apart or touching
        if part.strip():
            start = len(text) - len(part)
            spans.append((start + len(part) - len(part.lstrip()), len(text.rstrip())))
    return text, spans


def _reference_diff(a_text, a_spans, b_text, b_spans) -> list[tuple[str, tuple, tuple]]:
    """Opcodes over ``tokens`` with every token's offsets at hand (the plain way)."""
    from rapidfuzz.distance import Indel

    a_tokens, b_tokens = tokens(a_text, a_spans), tokens(b_text, b_spans)

    def span(toks, spans, first: int, last: int) -> tuple[int, int]:
        if first < last:
            return (toks[first][1], toks[last - 1][2])
        if first < len(toks):
            return (toks[first][1], toks[first][1])
        if toks:
            return (toks[-1][2], toks[-1][2])
        return (spans[-1][1], spans[-1][1]) if spans else (0, 0)

    ops = Indel.opcodes([t[0] for t in a_tokens], [t[0] for t in b_tokens])
    return [
        (
            op.tag,
            span(a_tokens, a_spans, op.src_start, op.src_end),
            span(b_tokens, b_spans, op.dest_start, op.dest_end),
        )
        for op in ops
    ]


_DIFF_ALPHABET = "ab É1.,'’ \n—…ß“\u200b"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=_DIFF_ALPHABET, max_size=25), max_size=4),
    st.lists(st.text(alphabet=_DIFF_ALPHABET, max_size=25), max_size=4),
)
def test_word_diff_offsets_are_those_of_the_tokens(parts_a: list[str], parts_b: list[str]) -> None:
    (a_text, a_spans), (b_text, b_spans) = _spans_of(parts_a), _spans_of(parts_b)
    found = [(op.tag, op.a, op.b) for op in word_ops(a_text, a_spans, b_text, b_spans)]
    assert found == _reference_diff(a_text, a_spans, b_text, b_spans)
    # absorbing stray marks keeps the ops in order, covering both passages without overlap
    ops = word_diff(a_text, a_spans, b_text, b_spans)
    for before, after in zip(ops, ops[1:], strict=False):
        assert before.a[1] <= after.a[0] and before.b[1] <= after.b[0]
        assert (before.tag == "equal") != (after.tag == "equal")  # changes come apart


# Few words, so that copied sentences around a change share words with it (ties in the
# alignment, common runs reaching into the copies); curly quotes fold to ASCII, "é" does not,
# "…" folds to three characters.
_COPY_POOL = ["The talks ended.", "The talks.", "Talks ended, the talks.", "Ended.", "A"]
_COPY_POOL += ["It’s “over”.", "é talks", "talks…", "talks"]


def test_passages_with_copied_first_and_last_sentences_diff_as_a_whole() -> None:
    # word_diff leaves out the sentences both passages start and end with: the same result as
    # diffing them whole, for every middle of one sentence against one or two (12,150 cases)
    middles_b = [[s] for s in _COPY_POOL] + [[s, t] for s in _COPY_POOL for t in _COPY_POOL]
    for head in ([], ["The talks."], ["talks"]):
        for tail in ([], ["The talks."], ["Ended."], ["talks"], ["A"]):
            for middle_a in _COPY_POOL:
                for middle_b in middles_b:
                    a_text, a_spans = _sentences([*head, middle_a, *tail], "\n\n")
                    b_text, b_spans = _sentences(head + middle_b + tail, " ")
                    whole = absorb_stray_marks(word_ops(a_text, a_spans, b_text, b_spans), a_text)
                    assert word_diff(a_text, a_spans, b_text, b_spans) == whole, (a_text, b_text)


def _sentences(sentences: list[str], gap: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for sentence in sentences:
        text += gap if text else ""
        spans.append((len(text), len(text) + len(sentence)))
        text += sentence
    return text, spans


def test_sentences_with_a_common_start_or_end_diff_as_a_whole() -> None:
    # word_diff also leaves out the words two changed sentences start or end with alike (up to
    # a space): the same result as diffing them whole, alone or after a copied sentence, for
    # every pair of sentences of one to three of these words (48,672 cases)
    words = ["a", "talks", "talks.", "1,000", "“a”"]
    sentences = [" ".join(p) for n in (1, 2, 3) for p in itertools.product(words, repeat=n)]
    sentences.append("a  talks")  # two spaces
    for head in ([], ["A talks."]):
        for sentence_a in sentences:
            for sentence_b in sentences:
                a_text, a_spans = _sentences([*head, sentence_a], " ")
                b_text, b_spans = _sentences([*head, sentence_b], "\n")
                whole = absorb_stray_marks(word_ops(a_text, a_spans, b_text, b_spans), a_text)
                assert word_diff(a_text, a_spans, b_text, b_spans) == whole, (a_text, b_text)
