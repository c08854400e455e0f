"""Cleaning plain-text articles: keep the body, drop page furniture, read the metadata.

Pipeline (each step cheap and linear in the number of lines): neutralise -> split into lines
and measure them (length, stopword density per language, sentence punctuation) -> metadata
lines (byline, date, source) -> furniture rules (phrases, captions, notices) -> repeats (body
run together, duplicates, pull quotes) -> jusText-style classification with context smoothing
-> the main body zone (comments, next article, related boxes cut off) -> teasers -> outlet and
headline -> Article. Every removed line keeps its reason and its place.
"""

from __future__ import annotations

import re

from reader.clean.classify import apply_rules, classify, fix, mark_captions_before_credits
from reader.clean.dedupe import mark_repeats
from reader.clean.lines import Line, split_lines
from reader.clean.metadata import (
    byline_line,
    date_line,
    derive_title,
    outlet_name,
    source_line,
    yearless_date_line,
)
from reader.clean.unwrap import unwrap
from reader.clean.zones import drop_teasers, keep_main_zone
from reader.model import Article, RemovedLine

__all__ = ["clean_text", "clean_html"]

_HEADER_TITLE_MAX_CHARS = 250
MAX_LINES = 20_000  # non-empty lines judged per text
BEYOND_LIMIT_REASON = "beyond-line-limit"  # the reason of the lines past it (not judged)
_DATELINE_REASONS = frozenset({"metadata:byline", "metadata:date", "metadata:time"})
_INNER_SENTENCE_RE = re.compile(r"[.!?] [A-ZА-Я]")


def clean_text(raw: str, *, path: str | None = None, url: str | None = None) -> Article:
    """Clean one plain-text article. Never raises for any ``str``."""
    from reader.ingest import neutralise

    text = neutralise(raw if isinstance(raw, str) else str(raw))
    try:
        return _clean(text, path=path, url=url)
    except Exception:  # noqa: BLE001 - a bug here must not cost the user the article
        paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
        title = derive_title(paragraphs[0]) if paragraphs else ""
        return Article(title=title, paragraphs=paragraphs, title_derived=True, path=path, url=url)


def _clean(text: str, *, path: str | None, url: str | None) -> Article:
    # No article has tens of thousands of lines; judging them all would take a minute on a
    # 20 MB file. Lines past the limit are reported as removed, so nothing silently disappears.
    lines, lang, overflow = split_lines(unwrap(text), MAX_LINES)
    meta = _Metadata()
    _mark_metadata(lines, meta)
    apply_rules(lines)
    mark_repeats(lines)
    mark_captions_before_credits(lines)
    classify(lines, lang)
    keep_main_zone(lines)
    drop_teasers(lines)
    _mark_outlet(lines, meta)
    title, derived = _choose_title(lines, lang)
    article = _build(lines, meta, title, derived, path=path, url=url)
    if overflow:
        end = len(article.paragraphs)
        article.removed.extend(RemovedLine(text, BEYOND_LIMIT_REASON, end) for text in overflow)
    return article


def clean_html(html: str, *, url: str | None = None) -> Article:
    """HTML pages: the library helper's extractor (trafilatura first), else plain-text cleaning."""
    try:
        from reader.library.html import clean_html as library_clean_html
    except ImportError:
        return clean_text(html, url=url)
    return library_clean_html(html, url=url)


class _Metadata:
    __slots__ = ("date", "byline", "source")

    def __init__(self) -> None:
        self.date: str | None = None
        self.byline: str | None = None
        self.source: str | None = None


_ROLE_RE = re.compile(
    r"^(?:senior |chief |deputy |staff |political |health |business |foreign |sports? |science "
    r"|technology |tech |transport |environment |education |security |consumer |travel |home "
    r"|economics |diplomatic |[a-z]+ )*(?:correspondent|reporter|editor|writer|journalist"
    r"|columnist|contributor|critic|producer|analyst)$",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}$")


def _mark_name_and_role(lines: list[Line], meta: _Metadata) -> None:
    """A name line followed by a role line ("Jane Smith" / "Health correspondent") is a byline."""
    for k in range(len(lines) - 1):
        name, role = lines[k], lines[k + 1]
        if name.fixed or name.chars > 40 or role.chars > 60:
            continue
        if _NAME_RE.match(name.text) and _ROLE_RE.match(role.text):
            meta.byline = meta.byline or name.text
            fix(name, "metadata:byline")
            fix(role, "metadata:byline")


def _mark_metadata(lines: list[Line], meta: _Metadata) -> None:
    _mark_name_and_role(lines, meta)
    for line in lines:
        if line.chars > 120:
            continue
        byline = byline_line(line.text)
        if byline is not None:
            author, iso = byline
            meta.byline = meta.byline or author
            meta.date = meta.date or iso
            fix(line, "metadata:byline")
            continue
        iso = date_line(line.text)
        if iso:
            meta.date = meta.date or iso
            fix(line, "metadata:date")
            continue
        if yearless_date_line(line.text):
            fix(line, "metadata:time")
            continue
        source = source_line(line.text)
        if source:
            meta.source = meta.source or source
            fix(line, "metadata:source")


def _mark_outlet(lines: list[Line], meta: _Metadata) -> None:
    """An outlet's name standing alone right after the last body line."""
    last_good = max((k for k, line in enumerate(lines) if line.cls == "good"), default=-1)
    if last_good < 0 or last_good + 1 >= len(lines):
        return
    line = lines[last_good + 1]
    if line.fixed and not line.reason.startswith(("heading", "caption", "short")):
        return
    name = outlet_name(line.text)
    if name:
        line.cls = "bad"
        line.reason = "metadata:source"
        line.fixed = True
        meta.source = meta.source or name


def _title_candidate(line: Line) -> bool:
    if line.fixed and line.reason not in ("caption", "heading", "prefix-repeat"):
        return False
    if line.reason == "caption" and line.index != 0:
        return False
    return (
        line.words >= 2
        and line.chars <= _HEADER_TITLE_MAX_CHARS
        and not line.text.endswith(".")
        and line.separators == 0
    )


def _title_score(line: Line) -> float:
    score = float(min(line.chars, 110))
    if _INNER_SENTENCE_RE.search(line.text):
        score -= 60  # a standfirst of several sentences, not a headline
    if line.chars > 150:
        score -= 40
    return score


def _headline_over_byline(lines: list[Line], k: int) -> bool:
    """The first body-like line is the headline when byline and date lines sit right under it."""
    if k + 1 >= len(lines) or not _title_candidate(lines[k]) or lines[k].chars > 80:
        return False
    under = [line.reason for line in lines[k + 1 : k + 4]]
    return "metadata:byline" in under and "metadata:date" in under


_MENU_MIN_WORDS = 5
_WORD_JOINERS_RE = re.compile("['’-]")


def _menu_like(text: str) -> bool:
    """Words only, all capitalised but at most one: section names run together."""
    words = text.split()
    # "What's On", "Sci-Tech": a section name may hold an apostrophe or a hyphen
    if len(words) < _MENU_MIN_WORDS or not all(
        _WORD_JOINERS_RE.sub("", word).isalpha() for word in words
    ):
        return False
    return sum(not word[0].isupper() for word in words) <= 1


def _choose_title(lines: list[Line], lang: str) -> tuple[str | None, bool]:
    """The headline: the best title-like line before the body (None if there is none).

    Longer lines win (menus and section labels are short) unless they read like a standfirst;
    a standfirst directly under a headline gives way to the headline above it.
    """
    first_good = next((k for k, line in enumerate(lines) if line.cls == "good"), len(lines))
    if _headline_over_byline(lines, first_good):
        first_good += 1  # a headline read as a sentence (Korean "...다") above byline and date
    candidates = [k for k in range(first_good) if _title_candidate(lines[k])]
    if not candidates:
        return None, True
    # News pages put the headline right above the byline/date or the body (a standfirst may
    # sit between): the first substantial candidate so placed is the headline.
    anchored = [
        k
        for k in candidates
        if (lines[k].words >= 4 or lines[k].words >= 2 and lang in ("ko", "cjk"))
        and lines[k].chars >= (12 if lang in ("ko", "cjk") else 25)
        and (
            first_good - k <= 5
            or any(line.reason in _DATELINE_REASONS for line in lines[k + 1 : k + 5])
        )
    ]
    # A menu run ("News Sports Business Opinion ...") above the real headline is no headline.
    while len(anchored) > 1 and _menu_like(lines[anchored[0]].text):
        anchored.pop(0)
    if anchored:
        best_k = anchored[0]
    else:
        best_k = max(candidates, key=lambda k: (_title_score(lines[k]), -k))
    best = lines[best_k]
    best.cls = "bad"
    best.reason = "metadata:title"
    _drop_standfirst(lines, best_k)
    return best.text, False


def _drop_standfirst(lines: list[Line], title_k: int) -> None:
    """The summary right under the headline, when the byline or date comes after it, is the
    standfirst, not the first paragraph."""
    k = title_k + 1
    if k >= len(lines) or lines[k].cls != "good" or lines[k].chars > 400:
        return
    # The byline or date must come between it and the body: one that follows body paragraphs
    # is a short story's sign-off ("By ..." at the end), and the line is its lead.
    for offset, line in enumerate(lines[k + 1 : k + 4], start=k + 1):
        if line.cls == "good":
            return
        if line.reason in _DATELINE_REASONS:
            if any(later.cls == "good" for later in lines[offset + 1 :]):
                lines[k].cls = "bad"
                lines[k].reason = "standfirst"
            return


def _build(
    lines: list[Line],
    meta: _Metadata,
    title: str | None,
    derived: bool,
    *,
    path: str | None,
    url: str | None,
) -> Article:
    paragraphs: list[str] = []
    removed: list[RemovedLine] = []
    for line in lines:
        if line.cls == "good":
            paragraphs.append(line.text)
        else:
            removed.append(RemovedLine(line.text, line.reason or "boilerplate", len(paragraphs)))
    if title is None:
        title = derive_title(paragraphs[0]) if paragraphs else ""
        derived = True
    return Article(
        title=title,
        paragraphs=paragraphs,
        title_derived=derived,
        source=meta.source,
        date=meta.date,
        byline=meta.byline,
        url=url,
        path=path,
        removed=removed,
    )
