"""Story grouping: the seeds are one story, different events never share one."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Article
from reader.stories import THRESHOLD, assign_stories, keep_story_ids, similarity_matrix
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
@given(
    # Two identical articles may swap places between their groups: that is the same grouping,
    # but not the same index sets, so the articles here are distinct.
    st.lists(article_strategy, max_size=12, unique_by=lambda a: (a.title, a.paragraphs[0])),
    st.randoms(use_true_random=False),
)
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


def _unrelated_articles(seeds_dir: Path, *, with_corpus: bool = True) -> list[Article]:
    """Articles on other events: the corpus (but the NATO summits, which share the seeds' names),
    the seeds' README through the cleaner, the cleaner's scraped pages, and short notes."""
    from reader.clean import clean_text

    unrelated: list[Article] = []
    if with_corpus:
        articles, events = corpus_articles()
        unrelated += [a for a, event in zip(articles, events, strict=True) if "nato" not in event]
    unrelated.append(clean_text((seeds_dir / "README.md").read_text(encoding="utf-8")))
    pages = sorted((Path(__file__).resolve().parents[1] / "data" / "pages").glob("*.txt"))
    unrelated += [clean_text(f.read_text(encoding="utf-8"), path=str(f)) for f in pages[:40]]
    unrelated.append(Article(title="Note", paragraphs=["A short unrelated note about gardening."]))
    unrelated.append(Article(title="", paragraphs=["Weather: sunny, 21 degrees."]))
    return unrelated


def test_one_unrelated_article_never_splits_the_seed_story(seeds_dir: Path) -> None:
    """QA: the seeds plus their README grouped as [0,1,1,1,1,5] (seed 000 left the story: its
    candidate keys were all words no other article had)."""
    seeds = seed_articles(seeds_dir)
    for extra in _unrelated_articles(seeds_dir):
        labels = assign_stories([*seeds, extra])
        assert labels == [0, 0, 0, 0, 0, 5], (extra.title, labels)


def test_one_unrelated_article_never_regroups_a_library(seeds_dir: Path) -> None:
    """Seeds and corpus together: adding any one unrelated article changes no story."""
    articles, events = corpus_articles()
    everything = seed_articles(seeds_dir) + articles
    expected = expected_partition(["seed"] * 5 + events)
    for extra in _unrelated_articles(seeds_dir, with_corpus=False):
        labels = assign_stories([*everything, extra])
        assert partition(labels[:-1]) == expected, extra.title
        assert labels[-1] == len(everything), extra.title


def test_generated_unrelated_article_sharing_seed_words_never_splits_them(
    seeds_dir: Path,
) -> None:
    """Made-up articles mixing the seeds' own words with other words, short and long."""
    import random
    import re

    seeds = seed_articles(seeds_dir)
    seed_words = re.findall(r"[^\W\d_]{3,}", " ".join(a.text for a in seeds))
    other_words = [f"word{i}" for i in range(2000)] + [f"Name{i}" for i in range(500)]
    rng = random.Random(5)
    for trial in range(120):
        share = rng.random() * 0.6
        size = rng.choice([3, 12, 40, 150, 600])
        body = " ".join(
            rng.choice(seed_words) if rng.random() < share else rng.choice(other_words)
            for _ in range(size)
        )
        extra = Article(title=" ".join(rng.sample(other_words, 4)), paragraphs=[body])
        labels = assign_stories([*seeds, extra])
        assert labels[:5] == [0, 0, 0, 0, 0], (trial, share, size, labels)


def test_keep_story_ids_keeps_the_majority_id_and_splits_get_fresh_ones() -> None:
    counter = itertools.count(100)
    # 7,7,7 stay together with a newcomer (its own story 9); 8,8 split into two groups
    old = [7, 7, 7, 9, 8, 8]
    labels = [0, 0, 0, 0, 1, 2]
    assert keep_story_ids(old, labels, lambda: next(counter)) == [7, 7, 7, 7, 8, 100]
    # two old stories merged: the larger one's id survives; a tie keeps the older id
    assert keep_story_ids([5, 5, 3], [1, 1, 1], lambda: -1) == [5, 5, 5]
    assert keep_story_ids([5, 3], [1, 1], lambda: -1) == [3, 3]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 6), st.integers(0, 5)), max_size=30),
)
def test_keep_story_ids_is_a_relabelling_with_unique_ids(pairs: list[tuple[int, int]]) -> None:
    old = [pair[0] for pair in pairs]
    labels = [pair[1] for pair in pairs]
    counter = itertools.count(1000)
    new = keep_story_ids(old, labels, lambda: next(counter))
    assert partition(new) == partition(labels)  # same groups, one id per group
    for story in set(new) - set(old):
        assert story >= 1000  # an id nobody had is a fresh one
    # an unchanged grouping keeps every id
    assert keep_story_ids(old, old, lambda: next(counter)) == old
    # every group that holds a strict majority of an old story's articles keeps its id
    for story in set(old):
        holders = [i for i, o in enumerate(old) if o == story]
        for label in set(labels):
            inside = sum(1 for i in holders if labels[i] == label)
            group_size = labels.count(label)
            if inside * 2 > len(holders) and inside * 2 > group_size:
                assert new[labels.index(label)] == story
