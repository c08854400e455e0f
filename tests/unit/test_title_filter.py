"""The list's `/` filter: whole words, prefixes while typing, one typo in longer words."""

from reader.model import Article
from reader.ui.entries import make_entry
from reader.ui.title_filter import filter_order

TITLES = [
    "Wildfire forces evacuation of 3,000 homes in southern Oregon as winds pick up",
    "No Ukraine breakthrough but Nato and Russia plan more talks",
    "Bridge closed after flood",
    "Floods in the north",
    "National grid sale",
]


def _filter(query: str) -> list[str]:
    entries = [make_entry(Article(title=t, paragraphs=["x"]), i) for i, t in enumerate(TITLES)]
    return [TITLES[i] for i in filter_order(entries, list(range(len(entries))), query)]


def test_a_word_is_not_found_inside_an_unrelated_word() -> None:
    # "nato" is close to "atio" in "evacuation": the old partial match listed the wildfire.
    assert _filter("nato") == [TITLES[1]]


def test_a_prefix_finds_words_while_typing() -> None:
    assert _filter("ukr") == [TITLES[1]]
    assert set(_filter("nat")) == {TITLES[1], TITLES[4]}


def test_one_typo_in_a_longer_word_still_finds_it_exact_first() -> None:
    assert _filter("brdge") == [TITLES[2]]
    assert _filter("flod") == [TITLES[2], TITLES[3]]
    assert _filter("floods") == [TITLES[3]]  # a word as typed exists: no typo matches


def test_every_word_must_match_and_nothing_matches_nonsense() -> None:
    assert _filter("floods north") == [TITLES[3]]
    assert _filter("xyzzy") == []
    assert _filter("  ") == TITLES


def test_short_words_need_no_typo_tolerance() -> None:
    assert _filter("ab") == []  # two letters: typed as they are
