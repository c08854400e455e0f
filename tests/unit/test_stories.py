"""Story grouping: the seeds are one story, different events never share one."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Article
from reader.stories import THRESHOLD, assign_stories, similarity_matrix
from tests.unit.story_corpus import STORY_CORPUS


def corpus_articles() -> tuple[list[Article], list[str]]:
    articles: list[Article] = []
    events: list[str] = []
    for event, title, day, source, body in STORY_CORPUS:
        paragraphs = [" ".join(p.split()) for p in body.split("\n\n")]
        articles.append(Article(title=title, paragraphs=paragraphs, date=day, source=source))
        events.append(event)
    return articles, events


def seed_articles(seeds_dir: Path) -> list[Article]:
    articles = []
    for path in sorted((seeds_dir / "gold").glob("0*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles.append(
            Article(
                title=gold["title"] or gold["body"][0][:80],
                title_derived=gold["title"] is None,
                paragraphs=gold["body"],
                date=gold["date"],
                source=gold["source"],
            )
        )
    return articles


def partition(labels: list[int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(label, set()).add(index)
    return {frozenset(group) for group in groups.values()}


def expected_partition(events: list[str]) -> set[frozenset[int]]:
    return partition([events.index(event) for event in events])


def test_the_five_seeds_are_one_story(seeds_dir: Path) -> None:
    labels = assign_stories(seed_articles(seeds_dir))
    assert labels == [0, 0, 0, 0, 0]


def test_seeds_among_other_events_group_exactly_by_event(seeds_dir: Path) -> None:
    articles, events = corpus_articles()
    seeds = seed_articles(seeds_dir)
    labels = assign_stories(seeds + articles)
    assert partition(labels) == expected_partition(["seed"] * len(seeds) + events)


def test_grouping_does_not_depend_on_dates_being_known(seeds_dir: Path) -> None:
    articles, events = corpus_articles()
    undated = [Article(a.title, a.paragraphs, source=a.source) for a in articles]
    seeds = [Article(a.title, a.paragraphs, a.title_derived) for a in seed_articles(seeds_dir)]
    labels = assign_stories(seeds + undated)
    assert partition(labels) == expected_partition(["seed"] * len(seeds) + events)


def test_different_events_are_never_grouped_even_two_alone() -> None:
    """With two articles only, the corpus statistics cannot help: the names must."""
    articles, events = corpus_articles()
    pairs = itertools.combinations(zip(articles, events, strict=True), 2)
    for (a, event_a), (b, event_b) in pairs:
        if event_a == event_b:
            assert assign_stories([a, b]) == [0, 0], (a.title, b.title)
        else:
            assert assign_stories([a, b]) == [0, 1], (a.title, b.title)


def test_same_topic_different_event_scores_well_below_the_threshold(seeds_dir: Path) -> None:
    articles, events = corpus_articles()
    seeds = seed_articles(seeds_dir)
    everything = seeds + articles
    labels = ["seed"] * len(seeds) + events
    matrix = similarity_matrix(everything)
    same, different = [], []
    for i, j in itertools.combinations(range(len(everything)), 2):
        words, names = matrix[i][j]
        (same if labels[i] == labels[j] else different).append((words + names) / 2)
    # a margin on both sides, so the threshold is not fitted to a hair
    assert min(same) >= THRESHOLD + 0.03
    assert max(different) <= THRESHOLD - 0.03


def test_time_window_separates_far_apart_articles_on_one_topic() -> None:
    articles, _ = corpus_articles()
    twin = Article(articles[0].title, list(articles[0].paragraphs), date="2024-02-06")
    assert assign_stories([articles[0], twin]) == [0, 1]
    close = Article(articles[0].title, list(articles[0].paragraphs), date="2023-02-08")
    assert assign_stories([articles[0], close]) == [0, 0]


def test_empty_and_degenerate_inputs() -> None:
    assert assign_stories([]) == []
    blank = Article(title="", paragraphs=[])
    assert assign_stories([blank, blank]) == [0, 1]
    assert assign_stories([Article(title="x", paragraphs=["a"])]) == [0]


words = st.sampled_from(
    "Russia NATO talks Brussels quake Gaziantep rates Lagarde Frankfurt 7.8 2,300 the of".split()
)
article_strategy = st.builds(
    lambda title, body: Article(title=" ".join(title), paragraphs=[" ".join(body)]),
    st.lists(words, max_size=6),
    st.lists(words, max_size=40),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(article_strategy, max_size=12), st.randoms(use_true_random=False))
def test_labels_are_canonical_and_order_independent(articles: list[Article], rnd) -> None:
    labels = assign_stories(articles)
    assert len(labels) == len(articles)
    for index, label in enumerate(labels):
        assert label <= index and labels[label] == label
    order = list(range(len(articles)))
    rnd.shuffle(order)
    shuffled = assign_stories([articles[i] for i in order])
    back = {frozenset(order[i] for i in group) for group in partition(shuffled)}
    assert back == partition(labels)


@pytest.mark.parametrize("count", [400])
def test_many_articles_stay_separate_when_unrelated(count: int) -> None:
    """Generated articles on distinct made-up events: no spurious chaining at library size."""
    import random

    rng = random.Random(7)
    vocabulary = [f"word{i}" for i in range(3000)]
    names = [f"Name{i}" for i in range(3000)]
    articles = []
    for i in range(count):
        body = " ".join(rng.choice(vocabulary) for _ in range(60))
        people = " and ".join(rng.sample(names, 4))
        articles.append(Article(title=f"Event {i}", paragraphs=[f"It was {people} here. {body}"]))
    labels = assign_stories(articles)
    assert len(set(labels)) == count


def test_real_scraped_pages_group_only_the_seeds(seeds_dir: Path) -> None:
    """The cleaner's dev corpus (dozens of scraped pages on unrelated events, five languages)
    plus the raw seeds, all through the real cleaner: only the seeds share a story."""
    from reader.clean import clean_text

    pages = sorted((Path(__file__).resolve().parents[1] / "data" / "pages").glob("*.txt"))
    if len(pages) < 10:
        pytest.skip("the cleaner's page corpus is not there")
    seeds = sorted(seeds_dir.glob("0*.txt"))
    files = pages + seeds
    articles = [clean_text(f.read_text(encoding="utf-8"), path=str(f)) for f in files]
    labels = assign_stories(articles)
    groups = [g for g in partition(labels) if len(g) > 1]
    names = [sorted(files[i].name for i in group) for group in groups]
    assert names == [sorted(f.name for f in seeds)]
