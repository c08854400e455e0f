"""Between two versions of one text, a sentence copied with one fact changed is a changed pair.

QA round 2: an outlet that moved a paragraph, or dropped the lead, and changed a figure or
added a "not" in it, got "only in A" beside "only in B" (or A's sentence glued into another
pair as deleted words): the edit a fact-checker looks for disappeared.
"""

from __future__ import annotations

from dataclasses import fields, replace

from reader.align import align
from reader.align_score import Match
from reader.align_versions import _rescored

PARAGRAPHS = [
    "The US and Nato have rejected key Russian security demands for easing tensions over "
    "Ukraine, but left open the possibility of future talks with Moscow.",
    "Russian President Vladimir Putin has demanded that the 30-country military alliance halt "
    "its expansion and withdraw troops from countries neighbouring Russia.",
    "Speaking after a meeting of the Nato-Russia Council, Wendy Sherman said some of the "
    "demands were simply non-starters.",
    "The meeting, the first of its kind in over two years, was called amid fears that Russia "
    "could invade Ukraine, with around 100,000 combat-ready troops massed at the border.",
    "Kyiv says some 14,000 people have been killed in fighting in the east since 2014.",
    "Nato Secretary General Jens Stoltenberg said there were significant differences between "
    "the alliance and Russia that would not be easy to bridge.",
]
TEXT = "\n\n".join(PARAGRAPHS)


def _kinds(a_text: str, b_text: str) -> tuple[list[str], int, int]:
    result = align(a_text, b_text)
    return sorted(p.kind for p in result.pairs), len(result.only_a), len(result.only_b)


def _changed_words(a_text: str, b_text: str) -> list[tuple[str, str]]:
    result = align(a_text, b_text)
    return [
        (a_text[op.a[0] : op.a[1]], b_text[op.b[0] : op.b[1]])
        for pair in result.pairs
        for op in pair.diff
        if op.tag != "equal"
    ]


def test_a_moved_paragraph_with_a_changed_figure_is_a_moved_pair() -> None:
    edited = PARAGRAPHS[:3] + PARAGRAPHS[4:] + [PARAGRAPHS[3].replace("100,000", "130,000")]
    b_text = "\n\n".join(edited)
    for a, b in ((TEXT, b_text), (b_text, TEXT)):
        kinds, only_a, only_b = _kinds(a, b)
        assert "moved" in kinds and only_a == only_b == 0
    assert ("100,000", "130,000") in _changed_words(TEXT, b_text)


def test_a_moved_paragraph_with_an_added_negation_is_a_moved_pair() -> None:
    negated = PARAGRAPHS[5].replace("would not be easy", "would be easy")
    b_text = "\n\n".join([negated, *PARAGRAPHS[:5]])
    kinds, only_a, only_b = _kinds(TEXT, b_text)
    assert "moved" in kinds and only_a == only_b == 0
    assert ("not", "") in _changed_words(TEXT, b_text)


def test_a_dropped_lead_and_a_changed_figure_in_the_new_first_sentence() -> None:
    edited = [PARAGRAPHS[1].replace("30-country", "32-country"), *PARAGRAPHS[2:]]
    b_text = "\n\n".join(edited)
    result = align(TEXT, b_text)
    assert [TEXT[s:e] for s, e in result.only_a] == [PARAGRAPHS[0]]
    assert result.only_b == []
    assert ("30", "32") in _changed_words(TEXT, b_text)


def test_between_different_reports_a_changed_figure_still_keeps_them_apart() -> None:
    # Not versions: no sentence is shared word for word, so the look-alike rules hold.
    a_text = PARAGRAPHS[4]
    b_text = PARAGRAPHS[4].replace("14,000", "15,000")
    result = align(a_text, b_text)
    assert result.pairs == [] and len(result.only_a) == len(result.only_b) == 1


def test_a_short_version_with_two_copied_sentences_shows_its_edits() -> None:
    # Four sentences, two copied word for word (one of them moved): still versions of one text.
    a_text = "\n\n".join(PARAGRAPHS[2:6])
    edited = [
        PARAGRAPHS[4].replace("14,000", "15,000"),
        PARAGRAPHS[2],
        PARAGRAPHS[5].replace("would not be easy", "would be easy"),
        PARAGRAPHS[3],
    ]
    b_text = "\n\n".join(edited)
    result = align(a_text, b_text)
    assert result.only_a == [] and result.only_b == []
    changed = _changed_words(a_text, b_text)
    assert ("14,000", "15,000") in changed and ("not", "") in changed


def test_two_shared_sentences_in_a_longer_text_do_not_make_versions() -> None:
    # Two outlets quoting the same two wire sentences are not versions of one text: a look-alike
    # with another figure stays apart.
    other = [
        "Officials in Brussels described the mood as businesslike but tense.",
        "Several delegations left the building without speaking to reporters.",
        "Markets in Moscow fell sharply after the first session ended.",
        "A second round of meetings is planned for the spring.",
        "Diplomats said the talks had been planned for months.",
    ]
    a_text = "\n\n".join([PARAGRAPHS[2], PARAGRAPHS[3], PARAGRAPHS[4], *other])
    own = [
        "The foreign minister flew home on Thursday evening.",
        "Protesters gathered outside the embassy for a third day.",
        "Energy prices rose again on fears of supply cuts.",
        "Analysts were divided over what the talks had achieved.",
    ]
    b_text = "\n\n".join(
        [PARAGRAPHS[2], PARAGRAPHS[3], PARAGRAPHS[4].replace("14,000", "15,000"), *own]
    )
    result = align(a_text, b_text)
    assert [a_text[s:e] for s, e in result.only_a][0] == PARAGRAPHS[4]


def test_a_rescored_match_keeps_every_other_field() -> None:
    # _rescored builds the Match field by field (faster than dataclasses.replace): a field
    # added to Match must be carried over there too.
    values = {
        "score": 40.0,
        "a": (1, 2),
        "b": (3, 5),
        "shared": 4,
        "cover": 0.5,
        "identical": True,
        "length": 77,
        "claim_added": True,
        "quote": True,
    }
    assert set(values) == {f.name for f in fields(Match)}
    match = Match(**values)
    assert _rescored(match, 90.0) == replace(match, score=90.0, cover=0.9)
