"""Boilerplate classification: rules first, then jusText-style scores and context smoothing.

Each line gets a class: "good" (body), "near" (probably body), "short" (too short to judge
alone) or "bad" (furniture, with a reason). Rules that recognise furniture fix the class;
the rest is decided by length, stopword density and sentence punctuation, then by the
neighbours: a short line between body lines is body, a short line between furniture is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.clean.lines import Line
from reader.clean.patterns import (
    AUTHOR_BIO_RE,
    CREDIT_RE,
    DISCLOSURE_HINTS,
    DISCLOSURE_RE,
    EMBED_HINTS,
    EMBED_RE,
    LEGAL_HINTS,
    NOTICE_RE,
    PROMO_TAIL_RE,
    READER_ADDRESS_RE,
    REPORTED_SPEECH_RE,
    SITE_NOTICE_HINTS,
    SITE_NOTICE_RE,
    SITE_SELF_RE,
    TIMESTAMP_RE,
    caption_like,
    furniture_reason,
    has_any,
    legal_line,
    paywall_pitch,
    privacy_notice,
)
from reader.clean.stopwords import OTHER

_PROSE_MIN_DENSITY = 0.30
# Words that send even plain prose through the notice checks (legal lines, newsletter boxes).
_ALWAYS_CHECK_HINTS = (
    "newsletter", "cookie", "copyright", "©", "rights", "registere", "registrat", "diritt",
    "direitos", "права", "subscri", "sign up", "assin", "abbon", "подпис", "전재", "testata",
)  # fmt: skip
_STRONG_SITE_NOTICE = ("ctrl", "제보", "전재", "forwarded to you", "receiving this", "app")
_HAS_LETTER_RE = re.compile(r"[^\W\d_]")
# Cheap pre-check so the notice pattern only runs on lines that could match.
_NOTICE_HINT_RE = re.compile(r"cookie|subscri|continue reading|content is")


@dataclass(frozen=True, slots=True)
class Thresholds:
    length_low: int  # below: "short"
    length_high: int  # above (with enough stopwords): "good"
    stop_low: float
    stop_high: float


LATIN = Thresholds(length_low=70, length_high=160, stop_low=0.22, stop_high=0.30)
KOREAN = Thresholds(length_low=30, length_high=70, stop_low=0.20, stop_high=0.30)
CJK = Thresholds(length_low=20, length_high=50, stop_low=0.0, stop_high=0.0)
# Russian is inflected: cases do the work of prepositions and articles, so fewer stopwords.
RUSSIAN = Thresholds(length_low=70, length_high=160, stop_low=0.12, stop_high=0.18)
_RUN_PROMOTION_CHARS = 250
_MAX_LIST_ITEMS = 15
# Furniture that sits inside an article (pictures, time stamps of live entries, share buttons)
# does not make its neighbours furniture.
_TRANSPARENT_REASONS = frozenset(
    {
        "metadata:time",
        "caption",
        "credit",
        "embed",
        "share-count",
        "advertisement",
        "media-controls",
        "symbols",
    }
)


def thresholds_for(lang: str) -> Thresholds:
    return {"ko": KOREAN, "cjk": CJK, "ru": RUSSIAN}.get(lang, LATIN)


def fix(line: Line, reason: str) -> None:
    line.cls = "bad"
    line.reason = reason
    line.fixed = True


def apply_rules(lines: list[Line]) -> None:
    """Furniture recognisable from the line alone."""
    for line in lines:
        if line.fixed:
            continue
        text = line.text
        if line.words == 0 and line.chars < 40 and not _HAS_LETTER_RE.search(text):
            fix(line, "symbols")  # "×", "★★★★☆", "|", "1/12": nothing to read
            continue
        if line.chars <= 120 and line.words <= 16:
            reason = furniture_reason(text)
            if reason:
                fix(line, reason)
                continue
            if line.chars <= 60 and TIMESTAMP_RE.match(text):
                fix(line, "metadata:time")
                continue
            if PROMO_TAIL_RE.search(text):
                fix(line, "promo")
                continue
        if line.chars <= 80 and CREDIT_RE.match(text):
            fix(line, "credit")
            continue
        if line.chars <= 300 and caption_like(text, line.lower):
            fix(line, "caption")
            continue
        if line.chars <= 400 and AUTHOR_BIO_RE.match(text):
            fix(line, "author-bio")
            continue
        if line.chars <= 400 and SITE_SELF_RE.match(text):
            fix(line, "site-notice")
            continue
        # Notices, pitches and legal lines talk to the reader or are low on function words;
        # plain third-person prose (most of a page) skips these checks, which keeps them cheap.
        if _plain_prose(line):
            pass
        elif line.chars <= 800 and (
            (_NOTICE_HINT_RE.search(line.lower) and NOTICE_RE.search(text))
            or privacy_notice(line.lower)
        ):
            fix(line, "notice")
            continue
        elif line.chars <= 400:
            reason = _long_line_reason(text, line.lower)
            speech = bool(REPORTED_SPEECH_RE.search(line.lower))
            if not reason and not speech and _site_notice(line):
                reason = "site-notice"
            if not reason and not speech and paywall_pitch(text, line.lower):
                reason = "subscription"
            if reason:
                fix(line, reason)
                continue
        if line.urls and (line.urls * 8 >= line.words or line.chars < 100):
            fix(line, "link")
            continue
        if line.separators >= 2 and line.stop_density < 0.2:
            fix(line, "navigation")


def _long_line_reason(text: str, lower: str) -> str | None:
    if has_any(lower, EMBED_HINTS) and EMBED_RE.match(text):
        return "embed"
    if has_any(lower, DISCLOSURE_HINTS) and DISCLOSURE_RE.search(text):
        return "disclosure"
    if has_any(lower, LEGAL_HINTS) and legal_line(text, lower):
        return "copyright"
    return None


def _site_notice(line: Line) -> bool:
    if not has_any(line.lower, SITE_NOTICE_HINTS):
        return False
    match = SITE_NOTICE_RE.search(line.text)
    if not match:
        return False
    # A short line, one addressed to the reader, or an unmistakable phrase; not a sentence of
    # news that happens to mention "unsubscribe" or "download".
    return (
        line.words <= 8
        or bool(READER_ADDRESS_RE.search(line.lower))
        or has_any(match.group(0).lower(), _STRONG_SITE_NOTICE)
    )


def _plain_prose(line: Line) -> bool:
    """Long, finished, function-word-rich sentences that do not address the reader."""
    return (
        line.chars >= 150
        and line.ends_sentence
        and line.stop_density >= _PROSE_MIN_DENSITY
        and not READER_ADDRESS_RE.search(line.lower)
        and not has_any(line.lower, _ALWAYS_CHECK_HINTS)
    )


def mark_captions_before_credits(lines: list[Line]) -> None:
    """Lines that belong to a picture: the caption above a bare credit, the alt text above a
    caption (a short title-like line, or one that says much the same as the caption)."""
    anchors = [k for k, line in enumerate(lines) if k and line.reason in ("credit", "caption")]
    for k in anchors:
        following = lines[k]
        if following.reason == "credit":
            above = lines[k - 1]
            if not above.fixed and above.chars <= 200:
                fix(above, "caption")
        elif following.reason == "caption":
            above = lines[k - 1]
            if above.fixed or above.chars > 200:
                continue
            if (above.chars < 80 and not above.ends_sentence and above.title_like) or _similar(
                above.text, following.text
            ):
                fix(above, "caption")


def _similar(a: str, b: str) -> bool:
    words_a = set(a.lower().split())
    words_b = set(b.lower().split())
    if min(len(words_a), len(words_b)) < 3:
        return False
    return len(words_a & words_b) >= 0.6 * min(len(words_a), len(words_b))


def initial_class(line: Line, limits: Thresholds, lang: str) -> str:
    if line.fixed:
        return "bad"
    density = line.stop_density
    if lang in ("cjk", OTHER):  # no function words to count: length and sentence ends
        if line.chars < limits.length_low:
            return "short"
        return "good" if line.ends_sentence else "near"
    if line.chars < limits.length_low:
        # A complete short sentence with function words is probably body (a quote, a one-liner).
        if line.ends_sentence and line.words >= 3 and density >= limits.stop_low:
            return "near"
        return "short"
    if not line.ends_sentence and line.chars < 2 * limits.length_high:
        # Long-ish but no sentence end: a headline, a teaser, a menu run together.
        return "short" if density >= limits.stop_low else "bad"
    if density >= limits.stop_high:
        return "good" if line.chars > limits.length_high else "near"
    if density >= limits.stop_low or density >= limits.stop_low / 2 and line.ends_sentence:
        return "near"  # a sentence with few function words: its neighbours decide
    return "bad"


def classify(lines: list[Line], lang: str) -> None:
    limits = thresholds_for(lang)
    for line in lines:
        if not line.fixed:
            line.cls = initial_class(line, limits, lang)
            if line.cls == "bad":
                line.reason = "low-text" if line.stop_density < limits.stop_low else "headline"
    _promote_near_runs(lines)
    _smooth(lines)


def _promote_near_runs(lines: list[Line]) -> None:
    """Body comes in runs: consecutive probable-body lines (shorts between them ignored) are body,
    even when each is short, as in one-sentence-per-paragraph news styles."""
    run: list[Line] = []

    def close() -> None:
        if len(run) >= 2 and sum(line.chars for line in run) >= _RUN_PROMOTION_CHARS:
            for line in run:
                line.cls = "good"
        run.clear()

    for line in lines:
        if line.cls == "near":
            run.append(line)
        elif line.cls == "good" or line.cls == "bad":
            close()
    close()


def _nearest(lines: list[Line], skip: frozenset[str]) -> tuple[list[str], list[str]]:
    """For each line, the class of the nearest line before and after it whose class is not in
    ``skip`` (in-article furniture is looked through); "edge" at the page ends. Linear time."""
    before: list[str] = []
    last = "edge"
    for line in lines:
        before.append(last)
        if line.reason not in _TRANSPARENT_REASONS and line.cls not in skip:
            last = line.cls
    after: list[str] = [""] * len(lines)
    last = "edge"
    for k in range(len(lines) - 1, -1, -1):
        after[k] = last
        line = lines[k]
        if line.reason not in _TRANSPARENT_REASONS and line.cls not in skip:
            last = line.cls
    return before, after


_SKIP_SHORT_NEAR = frozenset({"short", "near"})
_SKIP_SHORT = frozenset({"short"})


def _smooth(lines: list[Line]) -> None:
    """jusText context smoothing; page edges count as furniture for short lines."""
    prev_far, next_far = _nearest(lines, _SKIP_SHORT_NEAR)
    prev_near, next_near = _nearest(lines, _SKIP_SHORT)
    decided: list[str] = []
    for k, line in enumerate(lines):
        if line.cls != "short":
            decided.append(line.cls)
            continue
        prev = "bad" if prev_far[k] == "edge" else prev_far[k]
        nxt = "bad" if next_far[k] == "edge" else next_far[k]
        if prev == "good" and nxt == "good":
            decided.append("good")
        elif prev == "bad" and nxt == "bad":
            decided.append("bad")
        elif (prev == "bad" and prev_near[k] == "near") or (
            nxt == "bad" and next_near[k] == "near"
        ):
            decided.append("good")
        else:
            decided.append("bad")
    for line, cls in zip(lines, decided, strict=True):
        if line.cls == "short":
            line.cls = cls
            if cls == "bad":
                line.reason = _short_reason(line)
    _decide_near(lines)
    _keep_list_items(lines)


def _decide_near(lines: list[Line]) -> None:
    """A probable-body line next to body is body; between furniture it is not."""
    any_good = any(line.cls == "good" for line in lines)
    _, next_decided = _nearest(lines, _SKIP_SHORT_NEAR)
    inline = _inline_promo_blocks(lines)
    prev = "edge"  # lines before k are all decided by the time we reach k
    for k, line in enumerate(lines):
        if k in inline:
            continue
        if line.cls == "near":
            nxt = next_decided[k]
            if not any_good:
                line.cls = "good"  # nothing better on the page: keep its sentences
            elif prev in ("good", "edge") or nxt in ("good", "edge"):
                line.cls = "good" if "good" in (prev, nxt) else "bad"
            else:
                line.cls = "bad"
            if line.cls == "bad":
                line.reason = "isolated-text"
        if line.reason not in _TRANSPARENT_REASONS:
            prev = line.cls


_INLINE_PROMO_REASONS = frozenset({"promo", "headline-list"})
_MAX_INLINE_PROMO = 2


def _inline_promo_blocks(lines: list[Line]) -> set[int]:
    """A "Read also" label and one or two headlines right after body interrupt it, not end it."""
    inline: set[int] = set()
    k = 0
    while k < len(lines):
        if lines[k].reason not in _INLINE_PROMO_REASONS or lines[k].cls != "bad":
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].reason in _INLINE_PROMO_REASONS:
            end += 1
        before = k - 1
        while before >= 0 and lines[before].reason in _TRANSPARENT_REASONS:
            before -= 1
        if end - k <= _MAX_INLINE_PROMO and before >= 0 and lines[before].cls == "good":
            inline.update(range(k, end))
        k = end
    return inline


def _keep_list_items(lines: list[Line]) -> None:
    """Short lines under a body line ending in a colon are the items of its list."""
    for k, line in enumerate(lines):
        if line.cls != "good" or not line.text.endswith(":"):
            continue
        j = k + 1
        while j < len(lines) and j - k <= _MAX_LIST_ITEMS:
            item = lines[j]
            if item.fixed or item.chars >= 200 or item.words <= 2 or item.text.endswith("?"):
                break
            if item.cls in ("bad", "short"):
                item.cls = "good"
            j += 1


def _short_reason(line: Line) -> str:
    if line.title_like and line.words <= 5:
        return "caption" if line.capitalised >= 2 and line.stopwords <= 1 else "heading"
    if not line.ends_sentence and line.chars >= 30:
        return "headline-list"
    return "short"
