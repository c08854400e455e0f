"""Fetching pages and feeds over http(s) with httpx: timeouts, a size cap, a redirect limit.

Every failure becomes one ``FetchError`` line naming the URL (404, time-out, too big, refused,
not a page). The body is streamed and reading stops as soon as the cap is passed, and an
overall deadline bounds servers that trickle bytes forever.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.library.paths import PrintableError

DEFAULT_TIMEOUT = 15.0
DEFAULT_MAX_BYTES = 10 * 2**20
DEFAULT_MAX_REDIRECTS = 5
USER_AGENT = "newsreader/0.1 (+https://example.invalid/newsreader)"

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
)


class FetchError(PrintableError):
    """A URL could not be fetched as asked (one line, names the URL)."""


@dataclass(slots=True)
class FetchResult:
    url: str  # after redirects
    status: int  # 200, or 304 when a conditional GET says "not modified"
    content_type: str  # media type only, lower case ("" when the server sent none)
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> str:
    """The URL if it is http(s) with a host; FetchError otherwise."""
    try:
        url.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes from the command line (lone surrogates)
        from reader.library.paths import printable

        raise FetchError(f"{printable(url)}: the URL has bytes that are not UTF-8") from None
    try:
        parts = urlsplit(url.strip())
    except ValueError as error:  # e.g. "Invalid IPv6 URL" for an unbalanced "["
        raise FetchError(f"{url}: invalid URL ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = parts.scheme or "no scheme"
        raise FetchError(f"{url}: only http and https URLs can be fetched ({shown})")
    if not parts.netloc:
        raise FetchError(f"{url}: the URL has no host")
    return url.strip()


def is_url(text: str) -> bool:
    """Looks like a URL (any scheme://), so it is fetched or refused, never read as a file."""
    return "://" in str(text) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", str(text)))


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n // 1024} KB"


def fetch_url(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    etag: str | None = None,
    last_modified: str | None = None,
    accept: str = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
) -> FetchResult:
    """GET ``url``; ``etag``/``last_modified`` make it a conditional GET (304 -> not_modified)."""
    import httpx  # lazy: ~100 ms

    url = check_url(url)
    headers = {"User-Agent": USER_AGENT, "Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + timeout * 2  # whole download, beyond per-read timeouts
    try:
        with httpx.Client(
            follow_redirects=True, max_redirects=max_redirects, timeout=httpx.Timeout(timeout)
        ) as client:
            with client.stream("GET", url, headers=headers) as response:
                return _read_response(response, url, max_bytes, deadline)
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects (more than {max_redirects})") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out (no answer within {timeout:g} s)") from None
    except httpx.UnsupportedProtocol:
        raise FetchError(f"{url}: redirected to a URL that is not http(s)") from None
    except httpx.InvalidURL as error:
        raise FetchError(f"{url}: invalid URL ({error})") from None
    except httpx.ConnectError as error:
        raise FetchError(f"{url}: cannot connect ({_reason(error)})") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{url}: {type(error).__name__}: {_reason(error)}") from None


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:200] or type(error).__name__


def _read_response(response, url: str, max_bytes: int, deadline: float) -> FetchResult:  # noqa: ANN001
    status = response.status_code
    if status >= 400:
        phrase = response.reason_phrase or ""
        if status == 404:
            raise FetchError(f"{url}: not found (HTTP 404)")
        raise FetchError(f"{url}: the server answered HTTP {status} {phrase}".rstrip())
    media, _, params = response.headers.get("content-type", "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip("\"'") or None
    result = FetchResult(
        url=str(response.url),
        status=status,
        content_type=media.strip().lower(),
        charset=charset,
        body=b"",
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )
    if status == 304:
        return result
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        limit = _size(max_bytes)
        raise FetchError(f"{url}: too big ({_size(int(declared))}, the limit is {limit})")
    chunks: list[bytes] = []
    received = 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise FetchError(f"{url}: too big (more than {_size(max_bytes)}), download stopped")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out (the download took too long)")
        chunks.append(chunk)
    result.body = b"".join(chunks)
    return result


def decode_body(result: FetchResult) -> str:
    """The body as text: declared charset, else detection (BOM, meta, charset-normalizer)."""
    from reader.ingest import decode_bytes, neutralise

    if result.charset:
        try:
            return neutralise(result.body.decode(result.charset))
        except (LookupError, UnicodeDecodeError):
            pass  # lying header: fall back to detection
    return decode_bytes(result.body, result.url)


def fetch_page(url: str, **options: object) -> tuple[str, str, FetchResult]:
    """Fetch an article page: (text, kind "html"|"text", result); FetchError if not a page."""
    result = fetch_url(url, **options)  # type: ignore[arg-type]
    kind = page_kind(result)
    if kind is None:
        shown = result.content_type or "no content type"
        hint = "; it is a feed: follow it with 'newsreader feed add URL'" if is_feed(result) else ""
        raise FetchError(f"{url}: not an HTML page ({shown}){hint}")
    return decode_body(result), kind, result


def is_feed(result: FetchResult) -> bool:
    """An RSS/Atom answer (by its media type, or an <rss>/<feed> root near the start)."""
    if result.content_type in ("application/rss+xml", "application/atom+xml"):
        return True
    head = result.body[:1024].lower()
    return any(root in head for root in (b"<rss", b"<feed", b"<rdf:rdf"))


def page_kind(result: FetchResult) -> str | None:
    media = result.content_type
    if media in HTML_TYPES:
        return "html"
    if media in TEXT_TYPES:
        return "text"
    if not media:  # no header: sniff the start only to choose a cleaner, nothing is parsed
        head = result.body[:512].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")):
            return "html"
    return None
