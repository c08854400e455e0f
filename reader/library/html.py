"""HTML pages -> Article: trafilatura finds the main content, then our cleaning rules run on top.

No hand-written HTML parsing: trafilatura extracts the main text and its metadata (title, date,
site name, author). Its text goes through ``reader.clean.clean_text`` like any other article;
trafilatura's metadata fills in whatever our rules found nothing for.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from reader.model import Article

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _clean_text(raw: str, *, url: str | None) -> Article:
    from reader.clean import clean_text  # owner: cleaner

    return clean_text(raw, url=url)


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura  # lazy: heavy (lxml, date parsing)

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
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


def _fallback_text(html: str) -> str:
    """All visible text, when trafilatura finds no main content (e.g. a very short page)."""
    import trafilatura

    try:
        return trafilatura.html2txt(html) or ""
    except Exception:  # noqa: BLE001
        return ""


def _neutralise(text: str) -> str:
    from reader.ingest import neutralise

    return neutralise(text)


def _metadata_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(_neutralise(value).split())
    return text or None


def clean_html(html: str, *, url: str | None = None) -> Article:
    """The cleaned article of an HTML page. Never raises on any str."""
    data = _extract(html, url) or {}
    text = data.get("text") or ""
    title = _metadata_text(data.get("title"))
    lines = [line.strip() for line in _neutralise(text).split("\n") if line.strip()]
    if not lines:
        lines = [p.strip() for p in _neutralise(_fallback_text(html)).split("\n") if p.strip()]
    # trafilatura often repeats the headline as the first line of the text: keep it once,
    # as the first line, where our title rule expects it.
    if title and lines and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    raw = "\n\n".join(([title] if title else []) + lines)
    article = _clean_text(raw, url=url)
    return _fill_metadata(article, data, url)


def _fill_metadata(article: Article, data: dict[str, Any], url: str | None) -> Article:
    title = _metadata_text(data.get("title"))
    if title and (article.title_derived or not article.title):
        article.title = title
        article.title_derived = False
    if not article.date:
        date = _metadata_text(data.get("date"))
        if date and _DATE_RE.match(date):
            article.date = date
    if not article.source:
        sitename = _metadata_text(data.get("sitename"))
        host = _host(url)
        if sitename and host and host in sitename.lower() and " " not in sitename:
            sitename = None  # trafilatura's guess from the URL: ours drops "www." and the port
        article.source = sitename or _host(url)
    if not article.byline:
        article.byline = _metadata_text(data.get("author"))
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
    article = _clean_text(raw, url=url)
    if url and not article.url:
        article.url = url
    return article


def looks_like_html(text: str) -> bool:
    """Choose the HTML cleaner for a file by its start (no parsing)."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower()
