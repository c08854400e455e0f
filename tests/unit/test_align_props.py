"""Properties of the aligner on generated articles (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.align import align
from reader.alignment import Alignment, Span

POOL = [
    "NATO rejected Russia's demand to halt its expansion in Eastern Europe.",
    "Nato has rejected the Russian demand that it stop expanding into eastern Europe.",
    "Wendy Sherman said some proposals were simply non-starters.",
    "The talks in Brussels lasted almost four hours on Wednesday.",
    "Russia has massed 100,000 troops near the border with Ukraine.",
    "Around 100,000 Russian soldiers are gathered close to Ukraine's border.",
    "The European Union imposed sanctions after the annexation of Crimea.",
    "Mr. Stoltenberg said the alliance would keep its door open.",
    "Markets in Tokyo closed higher as tech stocks rallied.",
    "The weather in Geneva was cold and grey.",
    "He said it was a very serious and direct exchange.",
    "“We will not slam the door,” she told reporters.",
    "Read more.",
    "Fighting in the Donbas has killed more than 14,000 people.",
]

sentences = st.lists(st.sampled_from(POOL), min_size=0, max_size=12)
separators = st.sampled_from([" ", "\n\n", "\n"])


@st.composite
def articles(draw: st.DrawFn) -> str:
    parts = draw(sentences)
    text = ""
    for part in parts:
        text += (draw(separators) if text else "") + part
    return text


def _covered(spans: tuple[Span, ...] | list[Span]) -> list[int]:
    return [i for s, e in spans for i in range(s, e)]


def check_invariants(result: Alignment) -> None:
    for text, side in ((result.a_text, "a"), (result.b_text, "b")):
        spans = [s for p in result.pairs for s in getattr(p, side)]
        only = result.only_a if side == "a" else result.only_b
        for start, end in spans + list(only):
            assert 0 <= start < end <= len(text)
        chars = _covered(spans) + _covered(only)
        assert len(chars) == len(set(chars)), "pairs or unique spans overlap"
        for op in (d for p in result.pairs for d in p.diff):
            s, e = getattr(op, side)
            assert 0 <= s <= e <= len(text)
    assert 0 <= result.summary.a_in_b <= 1 and 0 <= result.summary.b_in_a <= 1
    # rows (a long changed passage may be drawn as several runs) show every sentence once
    for side, only in (("a", result.only_a), ("b", result.only_b)):
        shown = [s for row in result.rows for s in (getattr(row, side) or ())]
        expected = [s for p in result.pairs for s in getattr(p, side)] + list(only)
        assert sorted(shown) == sorted(expected)
    a_order = [s for row in result.rows for s in (row.a or ())]
    assert a_order == sorted(a_order), "A is read top to bottom"


@settings(max_examples=60, deadline=None)
@given(articles(), articles())
def test_pairs_never_overlap_and_stay_inside(a_text: str, b_text: str) -> None:
    check_invariants(align(a_text, b_text))


@settings(max_examples=60, deadline=None)
@given(articles())
def test_aligned_with_itself_is_all_identical(text: str) -> None:
    result = align(text, text)
    assert result.only_a == [] and result.only_b == []
    assert all(p.kind == "identical" and p.a == p.b for p in result.pairs)
    assert all(op.tag == "equal" for p in result.pairs for op in p.diff)
    assert result.summary.a_in_b == (1.0 if result.pairs else 0.0)


def _mirror_key(result: Alignment, swap: bool) -> tuple:
    pairs = sorted((p.b, p.a, p.kind) if swap else (p.a, p.b, p.kind) for p in result.pairs)
    only = (result.only_b, result.only_a) if swap else (result.only_a, result.only_b)
    return pairs, only


@settings(max_examples=60, deadline=None)
@given(articles(), articles())
def test_swapping_a_and_b_mirrors_the_result(a_text: str, b_text: str) -> None:
    forward = align(a_text, b_text)
    backward = align(b_text, a_text)
    assert _mirror_key(forward, swap=False) == _mirror_key(backward, swap=True)
    assert (forward.summary.a_in_b, forward.summary.b_in_a) == (
        backward.summary.b_in_a,
        backward.summary.a_in_b,
    )


def test_equal_length_crossing_passages_mirror() -> None:
    # Two passages of exactly equal length that cannot both stay in order: which one is
    # "moved" used to depend on which text was A (hypothesis found it).
    lead = "NATO rejected Russia's demand to halt its expansion in Eastern Europe. " * 8
    x = "Wendy Sherman said some proposals were simply non-starters."
    y = "Mr. Stoltenberg said the alliance would keep its door open."
    assert len(x) == len(y)
    a_text, b_text = f"{lead}{x} {y}", f"{lead}{y} {x}"
    forward, backward = align(a_text, b_text), align(b_text, a_text)
    assert sum(p.kind == "moved" for p in forward.pairs) == 1
    assert _mirror_key(forward, swap=False) == _mirror_key(backward, swap=True)


def test_rows_cover_every_sentence_once() -> None:
    a_text = " ".join(POOL[:8])
    b_text = " ".join([POOL[9], POOL[5], POOL[1], POOL[0], POOL[2], POOL[13], POOL[7]])
    result = align(a_text, b_text)
    check_invariants(result)
    a_seen = [s for r in result.rows if r.a for s in r.a]
    b_seen = [s for r in result.rows if r.b for s in r.b]
    a_all = sorted([s for p in result.pairs for s in p.a] + result.only_a)
    b_all = sorted([s for p in result.pairs for s in p.b] + result.only_b)
    assert sorted(a_seen) == a_all and sorted(b_seen) == b_all
    assert [s for s in a_seen] == sorted(a_seen), "A side is read in order"
    for index, row in enumerate(result.rows):
        if row.kind == "moved":
            assert row.partner is not None and result.rows[row.partner].partner == index
