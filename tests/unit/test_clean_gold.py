"""The cleaner against the seed gold (../shared/seeds/gold): body, boilerplate, metadata."""

from __future__ import annotations

import json

import pytest

from reader.clean import clean_text
from reader.ingest import read_path
from tests.conftest import SEEDS

GOLD_FILES = sorted(p.name for p in (SEEDS / "gold").glob("0*.json")) if SEEDS.is_dir() else []


def _gold_and_article(seeds_dir, name: str):
    gold = json.loads((seeds_dir / "gold" / name).read_text(encoding="utf-8"))
    article = clean_text(read_path(seeds_dir / gold["file"]), path=gold["file"])
    return gold, article


@pytest.mark.parametrize("name", GOLD_FILES)
def test_every_body_paragraph_kept_word_for_word(seeds_dir, name: str) -> None:
    gold, article = _gold_and_article(seeds_dir, name)
    kept = set(article.paragraphs)
    missing = [p for p in gold["body"] if p not in kept]
    assert missing == []
    # and in the gold's order
    order = [p for p in article.paragraphs if p in set(gold["body"])]
    assert order == gold["body"]


@pytest.mark.parametrize("name", GOLD_FILES)
def test_no_boilerplate_or_metadata_line_kept(seeds_dir, name: str) -> None:
    gold, article = _gold_and_article(seeds_dir, name)
    unwanted = set(gold["boilerplate"]) | set(gold["metadata_lines"])
    assert [p for p in article.paragraphs if p in unwanted] == []
    allowed = set(gold["body"]) | set(gold["optional"])
    assert [p for p in article.paragraphs if p not in allowed] == []


@pytest.mark.parametrize("name", GOLD_FILES)
def test_metadata_as_in_gold(seeds_dir, name: str) -> None:
    gold, article = _gold_and_article(seeds_dir, name)
    if gold["title"] is None:
        assert article.title_derived
        assert article.title and article.paragraphs[0].startswith(article.title.rstrip("…"))
    else:
        assert (article.title, article.title_derived) == (gold["title"], False)
    assert article.source == gold["source"]
    assert article.date == gold["date"]
    assert article.byline == gold["byline"]


@pytest.mark.parametrize("name", GOLD_FILES)
def test_every_removed_line_has_a_reason_and_place(seeds_dir, name: str) -> None:
    _, article = _gold_and_article(seeds_dir, name)
    assert article.removed
    for line in article.removed:
        assert line.reason and " " not in line.reason
        assert 0 <= line.position <= len(article.paragraphs)


def test_gold_totals(seeds_dir) -> None:
    body = boilerplate = 0
    for name in GOLD_FILES:
        gold = json.loads((seeds_dir / "gold" / name).read_text(encoding="utf-8"))
        body += len(gold["body"])
        boilerplate += len(gold["boilerplate"])
    assert (len(GOLD_FILES), body, boilerplate) == (5, 93, 69)


@pytest.mark.parametrize("name", GOLD_FILES)
def test_cleaning_the_cleaned_seed_changes_nothing(seeds_dir, name: str) -> None:
    _, article = _gold_and_article(seeds_dir, name)
    again = clean_text(article.title + "\n\n" + "\n\n".join(article.paragraphs))
    assert again.paragraphs == article.paragraphs
