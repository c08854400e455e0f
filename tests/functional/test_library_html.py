"""HTML pages through trafilatura then our rules: files, metadata fallback, hostile text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.library.html import clean_html
from reader.library.importer import import_sources
from reader.library.store import Library
from tests.functional.library_server import page_html
from tests.unit.story_corpus import STORY_CORPUS


def test_html_file_import_keeps_main_content_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "quake.html"
    page.write_text(page_html(2), encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite3") as library:
        summary = import_sources(library, [page])
        assert summary.added == 1, summary.errors
        entry = library.articles()[0]
    _event, title, day, source, _body = STORY_CORPUS[2]
    assert (entry.article.title, entry.article.source, entry.article.date) == (title, source, day)
    assert entry.article.path == str(page.resolve())
    assert "Al Haouz" in entry.article.text
    assert "Ten recipes" not in entry.article.text and "Copyright" not in entry.article.text


def test_trafilatura_metadata_fills_only_what_our_rules_miss() -> None:
    html = (
        "<html><head><title>Dam bursts after storm | Valley Post</title>"
        '<meta property="og:site_name" content="Valley Post">'
        '<meta name="author" content="Jo Rivers"></head><body><article>'
        "<p>A dam burst on the river after three days of storms, flooding two villages and "
        "forcing hundreds of residents to leave their homes, officials said on Sunday.</p>"
        "<p>Engineers had warned about cracks in the wall of the dam since last spring.</p>"
        "</article></body></html>"
    )
    article = clean_html(html, url="https://www.valley.example/news/dam")
    assert article.source == "Valley Post"
    assert "Dam bursts" in article.title and not article.title_derived
    assert article.url == "https://www.valley.example/news/dam"
    assert any("Engineers had warned" in p for p in article.paragraphs)


def test_escape_sequences_in_pages_are_neutralised() -> None:
    html = (
        "<html><head><title>Evil \x1b[31mred\x1b[0m title</title></head><body><article><p>"
        "Body text \x1b]0;pwned\x07 with an OSC sequence and enough words to be kept as a "
        "paragraph of the article by any sensible cleaner.</p></article></body></html>"
    )
    article = clean_html(html)
    everything = article.title + article.text
    assert "\x1b" not in everything and "\x07" not in everything


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_clean_html_never_raises(text: str) -> None:
    article = clean_html(text)
    assert isinstance(article.title, str)
    assert all("\x1b" not in p for p in article.paragraphs)


def test_empty_and_contentless_pages(tmp_path: Path) -> None:
    assert clean_html("").paragraphs == []
    page = tmp_path / "nav.html"
    page.write_text("<html><body><nav>Home</nav></body></html>")
    with Library.open(tmp_path / "lib.sqlite3") as library:
        summary = import_sources(library, [page])
    assert summary.added == 0 and len(summary.errors) == 1
    assert "no article text" in summary.errors[0] and "nav.html" in summary.errors[0]


def test_source_falls_back_to_the_host_without_www_or_port() -> None:
    html = (
        "<html><body><article><p>The council approved a new budget for the city on Monday "
        "after a long debate about schools, roads and the harbour.</p></article></body></html>"
    )
    assert clean_html(html, url="http://www.example.com:8080/x").source == "example.com"
