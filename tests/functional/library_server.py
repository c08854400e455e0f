"""A real HTTP server on 127.0.0.1 for the library tests: pages, feeds and misbehaving endpoints."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.unit.story_corpus import STORY_CORPUS

ETAG = '"rss-v1"'
LAST_MODIFIED = "Wed, 14 Jun 2023 10:00:00 GMT"


def page_html(index: int) -> str:
    _event, title, day, source, body = STORY_CORPUS[index]
    paragraphs = "".join(f"<p>{escape(' '.join(p.split()))}</p>" for p in body.split("\n\n"))
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{escape(title)} | {escape(source)}</title>"
        f'<meta property="og:title" content="{escape(title)}">'
        f'<meta property="og:site_name" content="{escape(source)}">'
        f'<meta property="article:published_time" content="{day}T09:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport"
        "</a></nav><main><article>"
        f"<h1>{escape(title)}</h1>{paragraphs}"
        "</article></main><aside><h2>Most read</h2><ul><li><a href='/x'>Celebrity spotted at "
        "beach</a></li><li><a href='/y'>Ten recipes for summer</a></li></ul></aside>"
        "<footer>Copyright 2023 Example Media. All rights reserved.</footer></body></html>"
    )


def rss(base: str) -> str:
    items = "".join(
        f"<item><title>{escape(STORY_CORPUS[i][1])}</title><link>{base}/page/{i}</link>"
        f"<pubDate>Mon, 0{i + 1} May 2023 08:00:00 GMT</pubDate>"
        f"<description>Summary {i}</description></item>"
        for i in (0, 3)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Test RSS</title><link>{base}/</link><description>d</description>{items}"
        "</channel></rss>"
    )


def atom(base: str) -> str:
    # the second entry's page is missing: its content in the feed is used instead
    _e, title, _d, _s, body = STORY_CORPUS[6]
    content = escape("".join(f"<p>{' '.join(p.split())}</p>" for p in body.split("\n\n")))
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Test Atom</title><id>{base}/atom</id><updated>2023-06-14T10:00:00Z</updated>"
        f"<entry><title>{escape(STORY_CORPUS[8][1])}</title><link href='{base}/page/8'/>"
        f"<id>{base}/page/8</id><updated>2023-06-05T10:00:00Z</updated></entry>"
        f"<entry><title>{escape(title)}</title><link href='{base}/gone/6'/>"
        f"<id>{base}/gone/6</id><updated>2023-06-10T10:00:00Z</updated>"
        f"<content type='html'>{content}</content></entry></feed>"
    )


MIXED_ETAG = '"mixed-v1"'


def mixed_rss(base: str, tag: str) -> str:
    """Good pages around two slow ones and a missing one; ``tag`` keeps URLs apart per test.

    A tag starting with "fast" leaves the slow pages out."""
    links = [f"{base}/page/1", f"{base}/slow?{tag}-a", f"{base}/missing/{tag}"]
    links += [f"{base}/slow?{tag}-b", f"{base}/page/4"]
    if tag.startswith("fast"):
        links = [link for link in links if "/slow" not in link]
    items = "".join(
        f"<item><title>Item {i}</title><link>{link}</link><guid>{link}</guid></item>"
        for i, link in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Mixed</title><link>{base}/</link><description>d</description>{items}"
        "</channel></rss>"
    )


BOMB = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + ']><rss version="2.0"><channel><title>&j;</title><item><title>x</title></item>'
    "</channel></rss>"
)
MALFORMED = '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><tit'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: LibraryServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence
        pass

    def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.server.hits[self.path] += 1
        base = f"http://127.0.0.1:{self.server.server_port}"
        path = self.path.split("?", 1)[0]
        if path.startswith("/page/"):
            self._send(200, page_html(int(path[6:])).encode(), "text/html; charset=utf-8")
        elif path == "/plain.txt":
            _e, title, _d, _s, body = STORY_CORPUS[9]
            text = "\n\n".join([title] + [" ".join(p.split()) for p in body.split("\n\n")])
            self._send(200, text.encode(), "text/plain; charset=utf-8")
        elif path == "/rss.xml":
            if self.headers.get("If-None-Match") == ETAG:
                self.server.conditional[path] += 1
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self._send(200, rss(base).encode(), "application/rss+xml", ETag=ETAG)
        elif path == "/atom.xml":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.server.conditional[path] += 1
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = atom(base).encode()
            self._send(200, body, "application/atom+xml", Last_Modified=LAST_MODIFIED)
        elif path.startswith("/mixed/"):  # /mixed/<tag>.xml
            if self.headers.get("If-None-Match") == MIXED_ETAG:
                self.server.conditional[path] += 1
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = mixed_rss(base, path[7:].removesuffix(".xml")).encode()
            self._send(200, body, "application/rss+xml", ETag=MIXED_ETAG)
        elif path == "/bomb.xml":
            self._send(200, BOMB.encode(), "application/rss+xml")
        elif path == "/malformed.xml":
            self._send(200, MALFORMED.encode(), "application/rss+xml")
        elif path == "/slow":
            self.server.stopping.wait(5)  # longer than any test timeout; ends at shutdown
            self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
        elif path == "/huge":
            self._stream_huge()
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(200 * 2**20))
            self.end_headers()
        elif path == "/file.pdf":
            self._send(200, b"%PDF-1.4 binary", "application/pdf")
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page/2")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._send(404, b"<html><body>Not found</body></html>", "text/html")

    def _stream_huge(self) -> None:
        """No Content-Length, chunked: the client must stop reading at its cap."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        try:
            for _ in range(2000):  # ~130 MB if nobody stops reading
                if self.server.stopping.is_set():
                    break
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass


class LibraryServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.conditional: Counter[str] = Counter()
        self.stopping = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up early (time-outs, size caps) are expected here; others are not."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


@contextmanager
def running_server() -> Iterator[LibraryServer]:
    server = LibraryServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        time.sleep(0)  # let handler threads notice
