"""Short hard-wrapped articles (QA): a few wrapped paragraphs are found and joined correctly."""

from reader.clean import clean_text
from reader.clean.unwrap import unwrap

SHORT = """Talks to continue in Geneva next week

The minister said on Tuesday that the talks would continue next week
in Geneva, officials confirmed, adding that both delegations had
agreed on an agenda covering arms control and military exercises.
Diplomats described the atmosphere as businesslike but tense, and said
no date had been set.

Negotiators from both sides met for six hours and agreed to meet again
after consulting their governments, according to a statement released
late on Tuesday evening by the foreign ministry in the capital.
"""


def test_a_short_wrapped_article_is_joined_into_its_paragraphs() -> None:
    article = clean_text(SHORT)
    assert article.title == "Talks to continue in Geneva next week"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].startswith("The minister said")
    assert article.paragraphs[0].endswith("no date had been set.")


def test_a_line_ending_short_only_because_the_next_word_is_long_continues() -> None:
    text = (
        "Speaking after a meeting of the alliance council, the deputy secretary\n"
        "of state said talks at the military headquarters had lasted four\n"
        "hours, and that the delegations would report back to their capitals\n"
        "before the next round, which could come as early as next month.\n"
        "\n"
        "She told reporters after almost four hours of talks at the military\n"
        "organisation's headquarters in Brussels that the door stayed open.\n"
    )
    joined = unwrap(text).split("\n")
    assert joined[0].endswith("as early as next month.")
    assert joined[2].startswith("She told") and "military organisation's" in joined[2]


def test_unwrapped_text_with_short_lines_is_left_alone() -> None:
    menu = "Home\nNews\nSport\nWeather\n\nA line of ordinary text that is a paragraph.\n"
    assert unwrap(menu) == menu


def test_one_sentence_per_line_is_not_taken_for_wrapped_text() -> None:
    """Found by hypothesis: even-length sentence lines were joined, and recleaning differed."""
    lines = [
        "The minister said on Monday that the talks would continue next week.",
        "Officials said the delegations had agreed on a first draft agenda.",
        "The president said the negotiations would resume in Geneva soon.",
        "Diplomats described the atmosphere of the meeting as businesslike.",
    ] * 3
    text = "\n".join(lines)
    assert unwrap(text) == text
