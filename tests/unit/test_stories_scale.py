"""Story grouping stays linear in the length of a paragraph (QA: a 1 MB line took 7.6 s)."""

from reader.model import Article
from reader.stories import assign_stories


def test_one_huge_paragraph_groups_quickly() -> None:
    # 4 MB in one paragraph: the old prefix slicing would take hours on this; linear is ~seconds.
    sentence = "Officials in Lisbon said 1,200 workers met Mayor Costa on Tuesday. "
    huge = Article(title="Huge", paragraphs=[sentence * 60_000])
    other = Article(title="Other", paragraphs=["A short unrelated note about gardening tips."])
    assert len(assign_stories([huge, other])) == 2
