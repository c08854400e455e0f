"""Where the article body lies on the page: one main zone of body text.

Line-by-line classification keeps anything that reads like prose, including readers' comments
and teaser paragraphs in "Most read" boxes after the article. Page structure tells them apart:
a comment section starts with its heading and runs to the end of the page, and a related-links
box separates the article from what follows. We pick the contiguous stretch of lines with the
most body text (a maximum-sum segment: body characters count for it, furniture against it,
section headings heavily) and drop prose outside it.
"""

from __future__ import annotations

from reader.clean.lines import Line

# Headings that open a section which is not the article.
_SECTION_BREAK_PENALTY = 450
_SECTION_BREAK_REASONS = frozenset(
    {"promo-section", "copyright", "tags", "end-section", "author-bio"}
)
# After these the rest of the page is not the article: readers' comments, the next article.
_HARD_END_REASONS = frozenset({"comment-form", "next-article"})
_HARD_END_MAX_WORDS = 8
_HARD_END_MIN_SHARE = 0.25
# Furniture inside the body (pictures, time stamps) does not count against it.
_NEUTRAL_REASONS = frozenset(
    {
        "caption",
        "credit",
        "metadata:time",
        "share-count",
        "promo",
        "embed",
        "advertisement",
        "media-controls",
    }
)


def _weight(line: Line) -> float:
    if line.cls == "good":
        return float(line.chars)
    if line.reason in _SECTION_BREAK_REASONS:
        return -float(_SECTION_BREAK_PENALTY)
    if line.reason in _NEUTRAL_REASONS:
        return -5.0
    return -float(min(line.chars, 80)) * 0.5


def keep_main_zone(lines: list[Line]) -> None:
    """Mark good lines outside the main body zone as bad."""
    if not any(line.cls == "good" for line in lines):
        return
    end_limit = len(lines)
    total_good = sum(line.chars for line in lines if line.cls == "good")
    good_before = 0
    for k, line in enumerate(lines):
        # Only a short heading ("Comments (3)", "Next article") ends the article, and only
        # once a fair part of the text is behind it (a comment count under the lede is not
        # the comment section).
        if (
            line.reason in _HARD_END_REASONS
            and line.words <= _HARD_END_MAX_WORDS
            and good_before > 0
            and (line.reason == "next-article" or good_before >= _HARD_END_MIN_SHARE * total_good)
        ):
            end_limit = k
            break
        if line.cls == "good":
            good_before += line.chars
    best_sum, best_start, best_end = float("-inf"), 0, 0
    running, start = 0.0, 0
    for k in range(end_limit):
        weight = _weight(lines[k])
        if running <= 0:
            running, start = weight, k
        else:
            running += weight
        if running > best_sum:
            best_sum, best_start, best_end = running, start, k + 1
    for k, line in enumerate(lines):
        if line.cls == "good" and not best_start <= k < best_end:
            line.cls = "bad"
            if k >= end_limit:
                line.reason = (
                    "comment" if lines[end_limit].reason == "comment-form" else "next-article"
                )
            else:
                line.reason = "outside-body"


_BOX_OPENERS = frozenset({"promo-section", "end-section"})
_TEASER_MAX_CHARS = 400
_NEIGHBOUR_SCAN_LIMIT = 20


def drop_teasers(lines: list[Line]) -> None:
    """In a related-stories box, a short paragraph under each headline is a teaser.

    The box opens at its heading ("Most read", "More on this story") and closes as soon as
    two body paragraphs follow each other: the article resumed.
    """
    in_box = False
    for k, line in enumerate(lines):
        if line.reason in _BOX_OPENERS:
            in_box = True
            continue
        if not in_box or line.cls != "good":
            continue
        above = _content_neighbour(lines, k, -1)
        below = _content_neighbour(lines, k, 1)
        under_headline = (
            above is not None
            and above.cls == "bad"
            and not above.ends_sentence
            and above.words >= 3
        )
        if (
            under_headline
            and line.chars <= _TEASER_MAX_CHARS
            and (below is None or below.cls != "good")
        ):
            line.cls = "bad"
            line.reason = "teaser"
        else:
            in_box = False


def _content_neighbour(lines: list[Line], k: int, step: int) -> Line | None:
    j = k + step
    # Bounded: a page of thousands of share buttons must not make this quadratic.
    while 0 <= j < len(lines) and abs(j - k) <= _NEIGHBOUR_SCAN_LIMIT:
        if lines[j].reason not in _NEUTRAL_REASONS:
            return lines[j]
        j += step
    return None
