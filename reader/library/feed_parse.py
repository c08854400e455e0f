"""RSS and Atom bytes -> ``ParsedFeed``: entity-bomb defence first, then feedparser.

No network here: ``reader.library.feeds`` fetches and refreshes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from reader.ingest import neutral_line
from reader.library.paths import PrintableError


class FeedError(PrintableError):
    """A feed could not be used (malformed, not a feed, refused as unsafe)."""


@dataclass(slots=True)
class FeedEntry:
    link: str | None
    title: str | None
    content_html: str | None
    date: str | None
    key: str = ""  # the entry's id in the feed (guid), else its link: remembers failures


@dataclass(slots=True)
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]


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


def _looks_like_a_page(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) and b"<rss" not in head


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
    if not usable and _looks_like_a_page(body):
        raise FeedError(
            f"{url}: a web page, not an RSS or Atom feed"
            " (add it as an article with 'newsreader add URL')"
        )
    if parsed.get("bozo") and not usable:
        # feedparser recovers what it can; a broken feed with nothing usable is an error
        reason = " ".join(str(parsed.get("bozo_exception", "")).split())[:160] or "unreadable"
        raise FeedError(f"{url}: malformed feed ({reason})")
    if not parsed.get("version") and not usable:
        raise FeedError(f"{url}: not an RSS or Atom feed")
    return ParsedFeed(title=neutral_line(parsed.feed.get("title")), entries=usable)


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
    entry = FeedEntry(
        link=link if isinstance(link, str) and link.strip() else None,
        title=neutral_line(item.get("title")),
        content_html=content if isinstance(content, str) else None,
        date=day,
    )
    guid = item.get("id")
    entry.key = guid if isinstance(guid, str) and guid.strip() else _fallback_key(entry)
    return entry


def _fallback_key(entry: FeedEntry) -> str:
    if entry.link:
        return entry.link
    import hashlib

    text = f"{entry.title}\n{entry.content_html}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
