"""HTML pages -> Article: trafilatura finds the main content, then our cleaning rules run on top.

No hand-written HTML parsing: trafilatura extracts the main text and its metadata (title, date,
site name, author). Its text goes through ``reader.clean.clean_text`` like any other article;
trafilatura's metadata fills in whatever our rules found nothing for.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from reader.ingest import neutral_line, neutralise
from reader.library.html_leftovers import list_left_out
from reader.library.html_tables import TABLE_REASON, TableText, with_table_text
from reader.model import Article, RemovedLine

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CHAR_REF_RE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));?")
_TAG_RE = re.compile(r"<[A-Za-z!/?]")
_BLOCK_OPEN_RE = re.compile(r"<(?:p|div|li|td|th|tr|dd|dt|h[1-6]|section|article)\b", re.I)
MAX_FALLBACK_BLOCKS = 1500  # a long news page has a few hundred
_BLOCK_SCAN_CHARS = 5_000_000
# A line that stops mid-sentence (no closing mark) with several words, before one that opens
# in lower case: one sentence broken by a <br> or a decoded line-feed reference.
_RUNS_ON_RE = re.compile(r"\w[^.!?:;\"\u201d\u2019)\]\u2026]$")
_MIN_RUN_ON_WORDS = 6
# Where the fallback text breaks into paragraphs (and what it never shows).
_BLOCK_TAGS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "blockquote", "section",
    "article", "header", "footer", "aside", "ul", "ol", "dl", "dt", "dd", "table", "pre",
    "figcaption", "main", "nav", "form", "hr",
)  # fmt: skip
_HIDDEN_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")


def _clean_text(raw: str, *, url: str | None) -> Article:
    from reader.clean import clean_text  # owner: cleaner

    return clean_text(raw, url=url)


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura  # lazy: heavy (lxml, date parsing)

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            # its fallback extractor (jusText) is quadratic in the number of blocks: a page
            # with a 2,000-row table took 7 s, one with 50,000 rows never finished
            fast=len(_BLOCK_OPEN_RE.findall(html, 0, _BLOCK_SCAN_CHARS)) > MAX_FALLBACK_BLOCKS,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    except Exception:  # noqa: BLE001 - a broken page must not crash an import
        return None
    if document is None:
        return None
    return document.as_dict() if hasattr(document, "as_dict") else dict(document)


# What trafilatura left out is listed for pages up to this size (the page is parsed once more).
MAX_LISTED_PAGE_CHARS = 2_000_000


def _fallback_blocks(html: str) -> tuple[str | None, list[str]]:
    """(<title>, visible text by block) when trafilatura finds no main content.

    lxml parses (no hand-written parsing); every block element and <br> ends a paragraph, so
    a short page keeps its paragraphs instead of becoming one run-on line.
    """
    try:
        import lxml.html  # trafilatura's own parser

        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
        title = neutral_line(tree.findtext(".//title"))
        for hidden in list(tree.iter(*_HIDDEN_TAGS)):
            hidden.drop_tree()
        for block in tree.iter(*_BLOCK_TAGS):
            block.text = "\n" + (block.text or "")
            block.tail = "\n" + (block.tail or "")
        for cell in tree.iter("td", "th"):
            cell.tail = " " + (cell.tail or "")
        text = tree.text_content()
    except Exception:  # noqa: BLE001 - a broken page must not crash an import
        title, text = None, _fallback_text(html)
    lines = [" ".join(line.split()) for line in neutralise(text).split("\n")]
    return title, [line for line in lines if line]


def _fallback_text(html: str) -> str:
    """All visible text, in one piece (last resort when lxml cannot parse the page)."""
    import trafilatura

    try:
        return trafilatura.html2txt(html) or ""
    except Exception:  # noqa: BLE001
        return ""


def neutralise_html(html: str) -> str:
    """The page with control characters gone, also those written as character references.

    ``&#x1b;[1A`` (an escape sequence spelt as a numeric reference) made trafilatura give up on
    the whole page. References to control characters become the characters, so that
    ``reader.ingest.neutralise`` removes them together with the rest of their escape
    sequence; C1 references (&#150;) mean the Windows-1252 character, as in browsers.
    """
    if "&#" in html:
        html = _CHAR_REF_RE.sub(_control_reference, html)
    return neutralise(html)


def _control_reference(match: re.Match[str]) -> str:
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    if code in (0x09, 0x0A, 0x0D) or 0x20 <= code < 0x7F or 0xA0 <= code:
        if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF and not _noncharacter(code):
            return match.group()  # a character like any other: the HTML parser decodes it
        # not a character at all (a noncharacter such as U+FFFE made lxml drop the page's
        # structure: the headline ran into the first paragraph)
        return ""
    if 0x80 <= code <= 0x9F:
        try:
            return bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            return ""  # the five C1 codes Windows-1252 leaves undefined
    return chr(code)  # C0 control or DEL: neutralise removes it (and its escape sequence)


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def clean_html(html: str, *, url: str | None = None) -> Article:
    """The cleaned article of an HTML page. Never raises on any str."""
    html = neutralise_html(html)
    if not _TAG_RE.search(html):  # a plain-text article saved as .html
        return _with_url(_clean_text(html, url=url), url)
    data = _extract(html, url) or {}
    text = data.get("text") or ""
    title = neutral_line(data.get("title"))
    lines = _join_broken_sentences(
        [line.strip() for line in neutralise(text).split("\n") if line.strip()]
    )
    if not lines:
        fallback_title, lines = _fallback_blocks(html)
        title = title or fallback_title
        if title:
            data = {**data, "title": title}
    # trafilatura often repeats the headline as the first line of the text: keep it once,
    # as the first line, where our title rule expects it.
    if title and lines and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    table = with_table_text(lines, html, title) if data.get("text") else TableText(lines, [])
    raw = "\n\n".join(([title] if title else []) + table.lines)
    article = _clean_text(raw, url=url)
    _list_table_rows(article, table)
    if data.get("text") and len(html) <= MAX_LISTED_PAGE_CHARS:
        list_left_out(article, _fallback_blocks(html)[1], title)
    if isinstance(data.get("date"), str) and data["date"].endswith("-01-01"):
        data = {**data, "date": _date_without_guessing(html, url)}
    return _fill_metadata(article, data, url)


def _list_table_rows(article: Article, table: TableText) -> None:
    """Data-table rows trafilatura dropped, listed as removed where they stood."""
    if not table.rows:
        return
    kept = set(article.paragraphs)
    before = [0]  # before[i]: paragraphs kept from table.lines[:i]
    for line in table.lines:
        before.append(before[-1] + (line in kept))
    article.removed.extend(
        RemovedLine(text, TABLE_REASON, min(before[index], len(article.paragraphs)))
        for index, text in table.rows
    )
    article.removed.sort(key=lambda line: line.position)  # stable: the cleaner's order stays


def _join_broken_sentences(lines: list[str]) -> list[str]:
    """Lines that continue the sentence of the line before them, joined to it.

    Each line becomes a paragraph; a sentence cut in two made its first half look like a
    headline (no full stop) and its second a stray fragment.
    """
    joined: list[str] = []
    for line in lines:
        if (
            joined
            and line[0].islower()
            and _RUNS_ON_RE.search(joined[-1])
            and joined[-1].count(" ") + 1 >= _MIN_RUN_ON_WORDS
        ):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _date_without_guessing(html: str, url: str | None) -> str | None:
    """The page's date from its markup and URL only.

    trafilatura's extensive date search turns a bare year ("Copyright 2026", "since 2019")
    into January 1st of that year: a year alone is never a publication date, so a January
    1st it found is kept only when the page's date markup (or its URL) says so too.
    """
    try:
        from htmldate import find_date  # trafilatura's own date finder
        from trafilatura.settings import set_date_params

        found = find_date(html, url=url, **set_date_params(False))
    except Exception:  # noqa: BLE001 - a broken page must not crash an import
        return None
    return found if isinstance(found, str) else None


def _with_url(article: Article, url: str | None) -> Article:
    if url and not article.url:
        article.url = url
    return article


def _fill_metadata(article: Article, data: dict[str, Any], url: str | None) -> Article:
    title = neutral_line(data.get("title"))
    if title and (article.title_derived or not article.title):
        article.title = title
        article.title_derived = False
    if not article.date:
        date = neutral_line(data.get("date"))
        if date and _DATE_RE.match(date):
            article.date = date
    if not article.source:
        sitename = neutral_line(data.get("sitename"))
        host = _host(url)
        if sitename and host and host in sitename.lower() and " " not in sitename:
            sitename = None  # trafilatura's guess from the URL: ours drops "www." and the port
        article.source = sitename or _host(url)
    if not article.byline:
        article.byline = neutral_line(data.get("author"))
    if url and not article.url:
        article.url = url
    return article


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def clean_raw(raw: str, *, kind: str = "text", url: str | None = None) -> Article:
    """Clean stored raw text of either kind (used on import and by Library.reclean)."""
    if kind == "html":
        return clean_html(raw, url=url)
    return _with_url(_clean_text(raw, url=url), url)
