"""Story grouping stays linear in the size of an article (QA: a 1 MB line took 7.6 s)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Article
from reader.stories import (
    _NAME_TOKEN_RE,
    _SENTENCE_END,
    MAX_GROUPING_CHARS,
    _grouping_paragraphs,
    _name_counts,
    assign_stories,
)

SENTENCE = "Officials in Lisbon said 1,200 workers met Mayor Costa on Tuesday. "


def test_one_huge_paragraph_is_read_in_linear_time() -> None:
    # 4 MB in one paragraph, read in full (no cap): slicing the whole prefix for every token
    # (the old code) needs minutes on this; linear takes about a second.
    huge = Article(title="Huge", paragraphs=[SENTENCE * 60_000])
    counts = _name_counts(huge, limit=None)
    assert counts["lisbon"] == counts["costa"] == counts["1,200"] == 60_000
    assert "officials" not in counts  # opens every sentence


def test_a_huge_article_groups_by_its_opening_and_quickly() -> None:
    # 20 MB (the import cap): only the first MAX_GROUPING_CHARS are read for grouping.
    story = "Mayor Costa of Lisbon met 1,200 striking Carris bus drivers on Tuesday in Belem. "
    tail = "Unrelated appendix words about gardening tomatoes in Ohio and Kansas. " * 300_000
    huge = Article(title="Lisbon bus strike", paragraphs=[story * 5, tail])
    short = Article(title="Lisbon bus drivers strike", paragraphs=[story * 3])
    other = Article(title="Other", paragraphs=["A short unrelated note about gardening tips."])
    assert assign_stories([huge, short, other]) == [0, 0, 2]


def test_grouping_text_is_capped_without_cutting_words() -> None:
    article = Article(title="t", paragraphs=["short one", "word " * 20_000, "never read"])
    kept = _grouping_paragraphs(article)
    assert kept[0] == "short one"
    assert len(kept) == 2 and sum(len(p) for p in kept) <= MAX_GROUPING_CHARS
    assert kept[1].endswith("word")


def _name_counts_reference(paragraphs: list[str]) -> Counter[str]:
    """The original (quadratic) sentence-start test, for comparison on small inputs."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        for match in _NAME_TOKEN_RE.finditer(paragraph):
            token = match.group()
            before = paragraph[: match.start()].rstrip()
            opens_sentence = not before or before[-1] in _SENTENCE_END
            if token[0].isdigit():
                if len(token) >= 2:
                    counts[token] += 1
                continue
            if not token[0].isupper() or (opens_sentence and not token.isupper()):
                continue
            name = token.casefold().replace("\u2019", "'").removesuffix("'s")
            if len(name) >= 2:
                counts[name] += 1
    return counts


pieces = st.sampled_from(
    ["Lisbon", "NATO", "the", "Costa's", "O'Neil", "1,200", "7", " ", " " * 20, ". ", "! ", ": ",
     "(", "\u201c", '"', "-", "\n", "\t", "Ab-Cd", "x", "Ünal", "\u2019", "é"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(pieces, max_size=30).map("".join), max_size=4))
def test_linear_sentence_start_test_matches_the_original(paragraphs: list[str]) -> None:
    from reader.stories import _STOPWORDS

    expected = _name_counts_reference(paragraphs)
    expected = Counter({k: v for k, v in expected.items() if k not in _STOPWORDS})
    assert _name_counts(Article(title="", paragraphs=paragraphs)) == expected
