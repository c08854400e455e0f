"""RSS and Atom feeds: conditional GET, entity-bomb defence, new entries fetched and cleaned.

Safe from a Textual thread worker: ``refresh_feeds`` opens its own connection on the library's
path (sqlite3 connections belong to the thread that made them) and reports progress through a
plain callback, called from that same thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.errors import ReaderError
from reader.library.fetch import FetchError, fetch_page, fetch_url
from reader.library.records import FeedInfo
from reader.library.store import Library
from reader.model import Article

Progress = Callable[[int, int, str], None]
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
DEFAULT_TIMEOUT = 15.0
MAX_FEED_BYTES = 5 * 2**20
MAX_NEW_ENTRIES = 100  # per feed and refresh


class FeedError(ReaderError):
    """A feed could not be used (malformed, not a feed, refused as unsafe)."""


@dataclass(slots=True)
class FeedEntry:
    link: str | None
    title: str | None
    content_html: str | None
    date: str | None


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]


@dataclass(slots=True)
class RefreshSummary:
    feeds: int = 0
    not_modified: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [
            f"{self.feeds} feed{'s' if self.feeds != 1 else ''} checked",
            f"{self.added} new article{'s' if self.added != 1 else ''}",
        ]
        if self.not_modified:
            parts.append(f"{self.not_modified} unchanged")
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library")
        if self.errors:
            parts.append(f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}")
        return ", ".join(parts)


def check_xml_safety(body: bytes, url: str) -> None:
    """Refuse documents that declare entities (billion laughs, external entities).

    Runs before feedparser sees the bytes: defusedxml's parser stops at the first declaration.
    A malformed document passes this check (feedparser then reports it) unless a declaration
    shows up in its bytes.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    refused = f"{url}: refused: the feed declares XML entities (possible entity bomb)"
    try:
        # A bare DOCTYPE (old RSS 0.91 feeds have one) is harmless; entity declarations are not.
        fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FeedError(refused) from None
    except (ParseError, ValueError):
        pass  # not well-formed: feedparser decides, but never with declarations inside
    upper = body[:65536].upper().replace(b"\x00", b"")
    if b"<!ENTITY" in upper:
        raise FeedError(refused)


def parse_feed(body: bytes, url: str) -> ParsedFeed:
    """Parse RSS or Atom bytes; FeedError with one line for anything that is not a feed."""
    check_xml_safety(body, url)
    import feedparser  # lazy: ~60 ms

    try:
        parsed = feedparser.parse(body, response_headers={"content-location": url})
    except Exception as error:  # noqa: BLE001 - feedparser is lenient, but a crash is ours
        raise FeedError(f"{url}: unreadable feed ({type(error).__name__})") from None
    entries = [_entry(item) for item in parsed.entries]
    usable = [entry for entry in entries if entry.link or entry.content_html]
    if parsed.get("bozo") and not usable:
        # feedparser recovers what it can; a broken feed with nothing usable is an error
        reason = " ".join(str(parsed.get("bozo_exception", "")).split())[:160] or "unreadable"
        raise FeedError(f"{url}: malformed feed ({reason})")
    if not parsed.get("version") and not usable:
        raise FeedError(f"{url}: not an RSS or Atom feed")
    return ParsedFeed(title=_text(parsed.feed.get("title")), entries=usable)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    from reader.ingest import neutralise

    text = " ".join(neutralise(value).split())
    return text or None


def _entry(item: Any) -> FeedEntry:
    content = None
    for part in item.get("content") or []:
        if part.get("value"):
            content = part["value"]
            break
    content = content or item.get("summary")
    day = None
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    if stamp:
        day = time.strftime("%Y-%m-%d", stamp)
    link = item.get("link")
    return FeedEntry(
        link=link if isinstance(link, str) and link.strip() else None,
        title=_text(item.get("title")),
        content_html=content if isinstance(content, str) else None,
        date=day,
    )


def fetch_feed(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> ParsedFeed:
    """Fetch and parse a feed once (used to check a URL before adding it)."""
    result = fetch_url(url, timeout=timeout, max_bytes=MAX_FEED_BYTES, accept=FEED_ACCEPT)
    return parse_feed(result.body, url)


def add_feed(library: Library, url: str, *, timeout: float = DEFAULT_TIMEOUT) -> tuple[int, str]:
    """Check that ``url`` is a working feed, then store it; (feed id, title)."""
    parsed = fetch_feed(url, timeout=timeout)
    title = parsed.title or url
    return library.add_feed(url, parsed.title), title


def refresh_feeds(
    library: Library,
    progress: Progress | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
) -> RefreshSummary:
    """Check every feed (conditional GET) and import its new entries. Own connection."""
    own = Library.open(library.path)
    try:
        summary = RefreshSummary()
        feeds = own.feeds()
        state = {"done": 0, "total": len(feeds)}

        def report(message: str, *, step: int = 1) -> None:
            state["done"] += step
            if progress is not None:
                progress(state["done"], state["total"], message)

        for feed in feeds:
            summary.feeds += 1
            try:
                _refresh_one(own, feed, summary, timeout, state, report)
            except (FeedError, FetchError) as error:
                summary.errors.append(str(error))
                own.update_feed(feed.id, last_error=str(error), last_checked=_now())
                report(str(error))
        if summary.added:
            if progress is not None:
                progress(state["done"], state["total"], "grouping stories")
            own.regroup_stories()
        return summary
    finally:
        own.close()


def _now() -> str:
    from reader.library.records import now_iso

    return now_iso()


def _refresh_one(
    library: Library,
    feed: FeedInfo,
    summary: RefreshSummary,
    timeout: float,
    state: dict[str, int],
    report: Callable[..., None],
) -> None:
    result = fetch_url(
        feed.url,
        timeout=timeout,
        max_bytes=MAX_FEED_BYTES,
        etag=feed.etag,
        last_modified=feed.last_modified,
        accept=FEED_ACCEPT,
    )
    if result.not_modified:
        summary.not_modified += 1
        library.update_feed(feed.id, last_checked=_now(), last_error=None)
        report(f"{feed.title or feed.url}: not modified")
        return
    parsed = parse_feed(result.body, feed.url)
    fresh = [e for e in parsed.entries if not (e.link and library.has_url(e.link))]
    fresh = fresh[:MAX_NEW_ENTRIES]  # feeds list newest first; a first refresh stays bounded
    state["total"] += len(fresh)
    failed = 0
    for entry in fresh:
        message = _import_entry(library, feed.id, entry, summary, timeout)
        if message is not None:
            summary.errors.append(message)
            failed += 1
        report(entry.title or entry.link or "entry")
    # Keep the validators only when every entry made it in: otherwise the next refresh would
    # get "304 not modified" and never retry the ones that failed.
    validators: dict[str, str | None] = {}
    if not failed:
        validators = {"etag": result.etag, "last_modified": result.last_modified}
    library.update_feed(
        feed.id,
        title=parsed.title or feed.title,
        last_checked=_now(),
        last_error=f"{failed} entries failed" if failed else None,
        **validators,
    )
    report(f"{parsed.title or feed.url}: {len(fresh)} new")


def _import_entry(
    library: Library, feed_id: int, entry: FeedEntry, summary: RefreshSummary, timeout: float
) -> str | None:
    """Fetch and clean one entry (its feed content when the page cannot be fetched)."""
    from reader.library.html import clean_html, clean_raw

    article: Article | None = None
    raw, kind = "", "html"
    fetch_error: str | None = None
    if entry.link:
        try:
            raw, kind, _ = fetch_page(entry.link, timeout=timeout)
            article = clean_raw(raw, kind=kind, url=entry.link)
        except (FetchError, ReaderError) as error:
            fetch_error = str(error)
    if article is None or not article.paragraphs:
        if not entry.content_html:
            return fetch_error or f"{entry.title or 'entry'}: no link and no content"
        raw, kind = entry.content_html, "html"
        article = clean_html(raw, url=entry.link)
    if entry.link:
        article.url = entry.link
    if article.title_derived and entry.title:
        article.title, article.title_derived = entry.title, False
    if not article.date and entry.date:
        article.date = entry.date
    result = library.add_article(article, raw=raw, kind=kind, feed_id=feed_id)
    if result.added:
        summary.added += 1
    else:
        summary.duplicates += 1
    return None
