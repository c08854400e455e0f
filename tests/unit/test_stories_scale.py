"""Story grouping stays linear in the length of a paragraph (QA: a 1 MB line took 7.6 s)."""

from reader.model import Article
from reader.stories import assign_stories


def test_one_huge_paragraph_groups_quickly() -> None:
    # 4 MB in one paragraph: the old prefix slicing would take hours on this; linear is ~seconds.
    sentence = "Officials in Lisbon said 1,200 workers met Mayor Costa on Tuesday. "
    huge = Article(title="Huge", paragraphs=[sentence * 60_000])
    other = Article(title="Other", paragraphs=["A short unrelated note about gardening tips."])
    assert len(assign_stories([huge, other])) == 2


def test_one_unrelated_article_never_splits_the_seed_story(seeds_dir) -> None:
    """QA: the seeds plus one unrelated article grouped as [0,1,1,1,1,5]."""
    from reader.clean import clean_text
    from reader.ingest import load_article
    from tests.unit.story_corpus import STORY_CORPUS

    seeds = [load_article(p) for p in sorted(seeds_dir.glob("*.txt"))]
    extras = [clean_text((seeds_dir / "README.md").read_text(encoding="utf-8"))]
    extras += [
        Article(title=title, paragraphs=body.split("\n\n"), date=day, source=source)
        for event, title, day, source, body in STORY_CORPUS
        if "nato" not in event
    ]
    extras.append(Article(title="Note", paragraphs=["A short unrelated note about gardening."]))
    for extra in extras:
        labels = assign_stories([*seeds, extra])
        assert len(set(labels[:5])) == 1, (extra.title, labels)
        assert labels[5] != labels[0], extra.title
