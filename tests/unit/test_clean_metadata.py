"""Metadata read from the text: dates in many formats, bylines, outlets, derived titles."""

from __future__ import annotations

import pytest

from reader.clean import clean_text
from reader.clean.metadata import byline_line, date_line, derive_title, outlet_name, source_line

BODY = (
    "The regional government said on Monday that the new rail line would open next year, "
    "after a series of delays caused by the rising cost of materials and a shortage of workers.\n\n"
    "Officials said that the first trains would run between the two largest cities in the "
    "region and that more stations would be added over the following decade.\n"
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("12 January 2022, 18:04", "2022-01-12"),
        ("Mon. Jan 24th, 2022", "2022-01-24"),
        ("January 12, 2022", "2022-01-12"),
        ("Published: Wed 12 Jan 2022 18.04 GMT", "2022-01-12"),
        ("Updated 2022-01-12T18:04:00Z", "2022-01-12"),
        ("2022-01-12", "2022-01-12"),
        ("Nov. 22, 2026 9:03 a.m. PT", "2026-11-22"),
        ("12/01/2022", "2022-01-12"),
        ("01/24/2022", "2022-01-24"),
        ("12.01.2022 - 18:04", "2022-01-12"),
        ("12 gennaio 2022", "2022-01-12"),
        ("Pubblicato il 3 febbraio 2023 alle 10:15", "2023-02-03"),
        ("12 de janeiro de 2022", "2022-01-12"),
        ("12 de enero de 2022", "2022-01-12"),
        ("12 janvier 2022", "2022-01-12"),
        ("12. Januar 2022", "2022-01-12"),
        ("12 января 2022, 18:04", "2022-01-12"),
        ("2022.01.12 18:04", "2022-01-12"),
        ("입력 2022.01.12 18:04", "2022-01-12"),
        ("2022년 1월 12일", "2022-01-12"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "The talks were held on 12 January 2022 in Brussels and lasted four hours.",
        "Russia annexed Crimea in 2014.",
        "32/45/2022",
        "Page 3 of 12",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_line(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Press Association", ("Press Association", None)),
        ("By Jane Doe and John Roe", ("Jane Doe and John Roe", None)),
        ("By JANE DOE | 12 January 2022", ("JANE DOE", "2022-01-12")),
        ("By admin", (None, None)),
        ("by editor", (None, None)),
        ("Por João Silva", ("João Silva", None)),
        ("di Mario Rossi", ("Mario Rossi", None)),
        # QA: a hyphen inside a name is no separator ("By Kim Min-su" gave "Kim Min")
        ("By Kim Min-su", ("Kim Min-su", None)),
        ("By Jean-Pierre Dupont", ("Jean-Pierre Dupont", None)),
        ("By Anne-Marie O'Neill, Reuters", ("Anne-Marie O'Neill", None)),
        ("By Kim Min-su - 12 January 2022", ("Kim Min-su", "2022-01-12")),
        ("By Jane Doe -Reuters", ("Jane Doe", None)),
        ("By Jane Doe—12 January 2022", ("Jane Doe", "2022-01-12")),
    ],
)
def test_bylines(line: str, expected: tuple[str | None, str | None]) -> None:
    assert byline_line(line) == expected


@pytest.mark.parametrize(
    "line",
    ["By the time the talks ended, nothing had been agreed.", "By far the largest of them all"],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert byline_line(line) is None


def test_source_lines() -> None:
    assert source_line("source: express.co.uk") == "express.co.uk"
    assert source_line("Fonte: Ansa") == "Ansa"
    assert source_line("www.example.com") == "example.com"
    assert source_line("Source link") is None


def test_outlet_names() -> None:
    assert outlet_name("The National") == "The National"
    assert outlet_name("Reuters") == "Reuters"
    assert outlet_name("Latest World News") is None
    assert outlet_name("Additional reporting from agencies") is None


def test_derived_title_is_the_first_sentence_shortened() -> None:
    assert derive_title("Short first sentence. Then more.") == "Short first sentence"
    long = "Word " * 40
    title = derive_title(long)
    assert title.endswith("…") and len(title) <= 91


def test_clean_text_metadata_end_to_end() -> None:
    page = (
        "Rail line to open next year despite delays\n\nBy Maria Lopez\n\n"
        "Published: 3 March 2023\n\n" + BODY + "\nThe Daily Courier\n\nShare\n"
    )
    article = clean_text(page, path="x.txt", url="https://example.invalid/a")
    assert article.title == "Rail line to open next year despite delays"
    assert not article.title_derived
    assert article.byline == "Maria Lopez"
    assert article.date == "2023-03-03"
    assert article.source == "The Daily Courier"
    assert len(article.paragraphs) == 2
    assert article.path == "x.txt" and article.url == "https://example.invalid/a"
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["By Maria Lopez"] == "metadata:byline"
    assert reasons["Published: 3 March 2023"] == "metadata:date"
    assert reasons["Rail line to open next year despite delays"] == "metadata:title"
    assert reasons["The Daily Courier"] == "metadata:source"


def test_page_without_headline_gets_a_derived_title() -> None:
    article = clean_text(BODY)
    assert article.title_derived
    assert article.paragraphs[0].startswith(article.title.rstrip("…"))


def test_by_admin_is_no_author() -> None:
    article = clean_text("A headline for the story\n\n" + BODY + "\nBy admin\n")
    assert article.byline is None
    assert "By admin" not in article.paragraphs


def test_source_is_only_what_the_text_says() -> None:
    # The library fills the source from page metadata or the URL's host when the text names
    # none, so the cleaner must not guess one from the URL.
    assert clean_text(BODY, url="https://www.example.co.uk/news/123").source is None


def test_menu_run_above_headline_is_not_the_title() -> None:
    from reader.clean import clean_text

    page = "\n".join(
        [
            "News Sports Business Opinion Obituaries Weather",
            "Trending Now",
            "City council approves new budget for road repairs",
            "By Jane Doe",
            "November 21, 2026",
            "The city council voted on Tuesday to approve a budget that sets aside money for "
            "repairing roads across the city, ending months of debate among members.",
            "Work on the first streets is expected to begin in the spring, officials said.",
        ]
    )
    article = clean_text(page)
    assert article.title == "City council approves new budget for road repairs"
    assert not article.title_derived


def test_a_section_menu_with_an_apostrophe_is_not_the_headline() -> None:
    """QA: "Home News Sport What's On Business Jobs" was taken for the title."""
    from reader.clean import clean_text

    page = (
        "Home News Sport What's On Business Jobs Property Motors\n"
        "Police search river after teenager reported missing near weir\n"
        "By Newsdesk\n"
        "Last updated 22nd November 2026 at 09:05\n"
        "Police divers and a helicopter have been searching the river after a 17-year-old "
        "boy was reported missing near the weir on Saturday evening.\n"
        "Officers were called at around 7.15pm by a friend who said the teenager had gone "
        "into the water and had not come out.\n"
    )
    assert clean_text(page).title == "Police search river after teenager reported missing near weir"


def test_a_sign_off_with_a_hyphenated_name_keeps_it_whole() -> None:
    story = (
        "Seoul sets next year's budget at 48 trillion won\n\n"
        "Seoul city said on Tuesday it had set next year's budget at 48 trillion won. That is "
        "3.2% more than this year.\n\n"
        "The city allocated 5 trillion won to transport, the mayor's office said.\n\n"
        "By Kim Min-su\n"
    )
    article = clean_text(story)
    assert article.byline == "Kim Min-su"
    assert "By Kim Min-su" not in article.paragraphs
