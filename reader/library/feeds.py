"""RSS and Atom feeds: conditional GET, new entries fetched and cleaned (parsing, with its
entity-bomb defence, is ``reader.library.feed_parse``).

Safe from a Textual thread worker: ``refresh_feeds`` opens its own connection on the library's
path (sqlite3 connections belong to the thread that made them) and reports progress through a
plain callback, called from that same thread.

Bounded: a feed's entries are fetched a few at a time (one slow page does not hold up the
others) within an overall time limit per feed (``FEED_DEADLINE``; what is left waits for the
next refresh), and an entry that fails is tried again on later refreshes, at most
``MAX_ENTRY_ATTEMPTS`` times in all (table ``feed_failures``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from reader.errors import ReaderError
from reader.library.feed_parse import FeedEntry, FeedError, ParsedFeed, parse_feed
from reader.library.feed_state import (
    KNOWN_DELETED,
    KNOWN_IN_LIBRARY,
    claim_for_feed,
    failed_attempts,
    forget_failure,
    known_entries,
    record_failure,
    remember_known,
)
from reader.library.fetch import FetchError, fetch_page, fetch_url
from reader.library.paths import printable
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
FEED_DEADLINE = 60.0  # seconds per feed and refresh, all its entries together
FETCH_WORKERS = 4  # entry pages fetched at once
MAX_ENTRY_ATTEMPTS = 3  # refreshes that try a failing entry before it is left alone
MIN_FETCH_TIME = 0.2  # an entry's fetch does not start with less time than this left


@dataclass(slots=True)
class RefreshSummary:
    feeds: int = 0
    not_modified: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    postponed: int = 0  # entries left for the next refresh (a feed's time limit or entry cap)
    skipped: int = 0  # entries that failed MAX_ENTRY_ATTEMPTS times and are no longer tried
    deleted: int = 0  # entries the reader deleted from the library (never added back)
    # Every entry of a feed that was read (not "not modified") is counted once: added,
    # duplicates, deleted, one of errors (with feed errors), postponed or skipped.

    def __str__(self) -> str:
        parts = [
            f"{self.feeds} feed{'s' if self.feeds != 1 else ''} checked",
            f"{self.added} new article{'s' if self.added != 1 else ''}",
        ]
        if self.not_modified:
            parts.append(f"{self.not_modified} unchanged")
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library")
        if self.deleted:
            parts.append(f"{self.deleted} deleted before (not added back)")
        if self.postponed:
            parts.append(f"{self.postponed} left for the next refresh")
        if self.skipped:
            parts.append(f"{self.skipped} skipped after {MAX_ENTRY_ATTEMPTS} failed tries")
        if self.errors:
            parts.append(f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}")
        return ", ".join(parts)


def fetch_feed(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> ParsedFeed:
    """Fetch and parse a feed once (used to check a URL before adding it)."""
    from reader.library.importer import looks_like_web_address

    if "://" not in url and looks_like_web_address(url):
        shown = printable(url)
        raise FeedError(f"{shown}: not a URL (for a feed on the web, write http://{shown})")
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
    feed_deadline: float = FEED_DEADLINE,
) -> RefreshSummary:
    """Check every feed (conditional GET) and import its new entries. Own connection.

    ``timeout`` bounds each request; ``feed_deadline`` all the work on one feed."""
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
                deadline = time.monotonic() + feed_deadline
                _refresh_one(own, feed, summary, timeout, deadline, state, report)
            except (FeedError, FetchError) as error:
                summary.errors.append(str(error))
                own.update_feed(feed.id, last_error=str(error), last_checked=_now())
                report(str(error))
        if summary.added or own.needs_regroup():
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
    deadline: float,
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
    keys = {entry.key for entry in parsed.entries}
    attempts = failed_attempts(library, feed.id, keep=keys)
    known = known_entries(library, feed.id, keep=keys)
    fresh: list[FeedEntry] = []
    in_library: list[str] = []
    for e in parsed.entries:  # what the library can tell without fetching the page
        if known.get(e.key) == KNOWN_IN_LIBRARY or (e.link and library.has_url(e.link)):
            summary.duplicates += 1
            in_library += [e.link] if e.link else []
        elif known.get(e.key) == KNOWN_DELETED or (e.link and library.was_deleted(e.link)):
            summary.deleted += 1
        elif attempts.get(e.key, 0) >= MAX_ENTRY_ATTEMPTS:
            summary.skipped += 1
        else:
            fresh.append(e)
    claim_for_feed(library, feed.id, urls=in_library)
    # feeds list newest first; a first refresh stays bounded, the rest comes next time
    capped = max(0, len(fresh) - MAX_NEW_ENTRIES)
    fresh = fresh[:MAX_NEW_ENTRIES]
    state["total"] += len(fresh)
    failed = retry_later = postponed = 0
    for entry, page in _fetched_pages(fresh, timeout, deadline):
        if page is None:
            postponed += 1
            report(f"{entry.title or entry.link}: left for the next refresh")
            continue
        outlet = feed.title or parsed.title
        message = _import_entry(library, feed.id, entry, page, summary, outlet)
        if message is None:
            if entry.key in attempts:
                forget_failure(library, feed.id, entry.key)
        else:
            tries = attempts.get(entry.key, 0) + 1
            record_failure(library, feed.id, entry.key, message, tries)
            summary.errors.append(f"{message} ({_next_try(tries)})")
            failed += 1
            retry_later += tries < MAX_ENTRY_ATTEMPTS
        report(entry.title or entry.link or "entry")
    summary.postponed += postponed + capped
    # Keep the validators only when nothing is left to retry: otherwise the next refresh would
    # get "304 not modified" and never come back to the entries that failed or had to wait.
    validators: dict[str, str | None] = {}
    if not retry_later and not postponed and not capped:
        validators = {"etag": result.etag, "last_modified": result.last_modified}
    problems = [f"{_entries(failed)} failed"] if failed else []
    problems += [f"{_entries(postponed)} postponed (time limit)"] if postponed else []
    library.update_feed(
        feed.id,
        title=parsed.title or feed.title,
        last_checked=_now(),
        last_error=", ".join(problems) or None,
        **validators,
    )
    report(f"{parsed.title or feed.url}: {len(fresh) - postponed} new")


def _entries(count: int) -> str:
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def _next_try(tries: int) -> str:
    """What happens to an entry that failed for the ``tries``-th time (no retry within a run)."""
    left = MAX_ENTRY_ATTEMPTS - tries
    if left <= 0:
        return f"failed {tries} times: no longer tried"
    return f"tried again on the next refresh, at most {left} more time{'s' if left != 1 else ''}"


@dataclass(slots=True)
class _Page:
    raw: str = ""
    kind: str = "html"
    error: str | None = None


def _fetched_pages(
    entries: list[FeedEntry], timeout: float, deadline: float
) -> Iterator[tuple[FeedEntry, _Page | None]]:
    """(entry, its page) in feed order, pages fetched ``FETCH_WORKERS`` at a time; None for
    an entry whose turn came after the deadline. Entries without a link get an empty page.

    The fetching threads are daemons that stop taking pages once the caller stops reading
    (Ctrl-C): a ThreadPoolExecutor would make the interrupted command wait for every page.
    """
    import queue
    import threading
    from concurrent.futures import Future

    jobs: queue.SimpleQueue[tuple[str, Future[_Page | None]]] = queue.SimpleQueue()
    pending: list[tuple[FeedEntry, Future[_Page | None] | None]] = []
    for entry in entries:
        future: Future[_Page | None] | None = None
        if entry.link:
            future = Future()
            jobs.put((entry.link, future))
        pending.append((entry, future))
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            try:
                link, slot = jobs.get_nowait()
            except queue.Empty:
                return
            try:
                slot.set_result(_fetch_entry_page(link, timeout, deadline))
            except BaseException as error:  # noqa: BLE001 - handed to the reader of the slot
                slot.set_exception(error)

    for _ in range(min(FETCH_WORKERS, jobs.qsize())):
        threading.Thread(target=work, name="feed-page-fetch", daemon=True).start()
    try:
        for entry, slot in pending:
            yield entry, (slot.result() if slot is not None else _Page(error="no link"))
    finally:
        stop.set()


def _fetch_entry_page(link: str, timeout: float, deadline: float) -> _Page | None:
    """One page, within what is left of the feed's time (runs in a worker thread)."""
    left = deadline - time.monotonic()
    if left < MIN_FETCH_TIME:
        return None
    try:
        # fetch_url allows a download twice its timeout: half of what is left keeps the deadline
        raw, kind, _ = fetch_page(link, timeout=min(timeout, left / 2))
    except ReaderError as error:
        return _Page(error=str(error))
    except Exception as error:  # noqa: BLE001 - one bad page must not stop the feed
        return _Page(error=f"{link}: could not fetch ({type(error).__name__})")
    return _Page(raw=raw, kind=kind)


def _import_entry(
    library: Library,
    feed_id: int,
    entry: FeedEntry,
    page: _Page,
    summary: RefreshSummary,
    outlet: str | None = None,
) -> str | None:
    """Clean and store one entry (its feed content when the page could not be fetched);
    the error line when neither gave an article. ``outlet``: the feed's title, the article's
    source when its page names none (better than the bare host name). An entry found in the
    library already (or deleted) is remembered, so later refreshes count it without fetching
    its page again."""
    from reader.library.html import _host, clean_html, clean_raw

    article: Article | None = None
    raw, kind = page.raw, page.kind
    if page.error is None:
        try:
            article = clean_raw(raw, kind=kind, url=entry.link)
        except ReaderError as error:
            page.error = str(error)
    if article is None or not article.paragraphs:
        if not entry.content_html:
            if not entry.link:
                return f"{entry.title or 'entry'}: no link and no content"
            return page.error or f"{entry.link}: no article text found"
        raw, kind = entry.content_html, "html"
        article = clean_html(raw, url=entry.link)
        if not article.paragraphs:  # an empty article is no article: report why, retry later
            if not entry.link:
                return f"{entry.title or 'entry'}: no link and no article text in the feed"
            return page.error or f"{entry.link}: no article text found"
    if entry.link:
        article.url = entry.link
    if article.title_derived and entry.title:
        article.title, article.title_derived = entry.title, False
    if entry.date:  # the feed's own date beats one guessed from the page
        article.date = entry.date
    if outlet and (not article.source or article.source == _host(entry.link)):
        article.source = outlet
    result = library.add_article(article, raw=raw, kind=kind, feed_id=feed_id)
    if result.added:
        summary.added += 1
        return None
    if result.reason == "deleted before":  # the reader deleted it: stays deleted
        summary.deleted += 1
        remember_known(library, feed_id, entry.key, KNOWN_DELETED)
    else:  # under another URL, or from a file
        summary.duplicates += 1
        claim_for_feed(library, feed_id, article_id=result.article_id)
        remember_known(library, feed_id, entry.key, KNOWN_IN_LIBRARY)
    return None
