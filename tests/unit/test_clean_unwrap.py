"""Hard-wrapped text (fixed-width dumps) is joined back into paragraphs before cleaning."""

from __future__ import annotations

import json
import textwrap

from reader.clean import clean_text
from reader.clean.unwrap import unwrap, wrap_width


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        "\n".join(textwrap.wrap(line, width)) if line.strip() else "" for line in text.split("\n")
    )


def test_wrapped_seed_article_keeps_every_body_paragraph(seeds_dir) -> None:
    gold = json.loads((seeds_dir / "gold" / "000_c07efb15a13d7992.json").read_text("utf-8"))
    raw = (seeds_dir / gold["file"]).read_text("utf-8")
    article = clean_text(_wrap(raw, 72))
    assert [p for p in gold["body"] if p not in article.paragraphs] == []
    assert article.title == gold["title"]


def test_text_that_is_not_wrapped_is_left_alone() -> None:
    text = (
        "A headline\n\nA paragraph that is long enough to be a real paragraph of an article and "
        "much longer than any terminal is wide, as browsers show them.\n\nShort line.\n"
    )
    assert wrap_width(text.split("\n")) is None
    assert unwrap(text) == text


def test_unwrap_joins_lines_and_breaks_at_short_ones() -> None:
    sentence = "The council said on Monday that the work on the new bridge would start soon. "
    paragraph = sentence * 6
    text = _wrap(paragraph.strip(), 70) + "\n" + _wrap(paragraph.strip(), 70)
    joined = unwrap(text).split("\n")
    assert joined == [paragraph.strip(), paragraph.strip()]
