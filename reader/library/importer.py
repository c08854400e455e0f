"""Importing files, folders and URLs into the library, one committed article at a time.

Each article is its own transaction: an import killed half way keeps everything it reported
as added. Progress goes to a plain callback (the CLI draws a rich bar; the app a worker).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.errors import ReaderError
from reader.library.fetch import DEFAULT_TIMEOUT, fetch_page, is_url
from reader.library.paths import display_path, printable
from reader.library.store import AddResult, Library

Progress = Callable[[int, int, str], None]
# "www.example.com", "example.com/news/1" or "127.0.0.1:8000/x": a URL typed without its scheme
_HOST_LIKE_RE = re.compile(
    r"^(?:(?:[\w-]+\.)+(?P<tld>[a-z]{2,})|\d+(?:\.\d+){3})(?P<port>:\d+)?(?P<path>/\S*)?$", re.I
)
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# A bare "name.ext" is a file name when its last part is a file type, even where it is also a
# top-level domain (.md is Moldova's): those get no web-address hint.
_FILE_TYPES = frozenset(
    {"txt", "text", "md", "html", "htm", "xhtml", "xml", "json", "csv", "pdf", "doc", "docx",
     "odt", "rtf", "epub", "log", "py", "sh", "zip", "gz", "tar", "bin", "exe", "png", "jpg"}
)  # fmt: skip


def looks_like_web_address(text: str) -> bool:
    """A host name (or IP), optionally with a port and a path, typed without ``http(s)://``."""
    match = _HOST_LIKE_RE.match(text)
    if match is None:
        return False
    if match["port"] or match["path"] or text.lower().startswith("www."):
        return True
    return match["tld"] is None or match["tld"].lower() not in _FILE_TYPES


@dataclass(slots=True)
class ImportSummary:
    added: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    added_ids: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # read anyway, but say so (bytes replaced)

    def __str__(self) -> str:
        parts = [f"{self.added} article{'s' if self.added != 1 else ''} added"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library")
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return ", ".join(parts)


def expand_sources(
    sources: Iterable[str | Path], errors: list[str] | None = None
) -> list[str | Path]:
    """URLs as they are, folders walked into their article files.

    A folder without any article file adds a line to ``errors`` (else "0 articles added"
    would be all a user who named the wrong folder sees)."""
    from reader.ingest import ARTICLE_SUFFIXES, iter_article_files

    items: list[str | Path] = []
    for source in sources:
        if isinstance(source, str) and is_url(source):
            items.append(source)
            continue
        found = list(iter_article_files([source]))
        if not found and errors is not None:
            kinds = ", ".join(sorted(suffix for suffix in ARTICLE_SUFFIXES if suffix))
            errors.append(
                f"{_shown(Path(source))}: no article files in this folder ({kinds} or no extension)"
            )
        items.extend(found)
    return items


def _shown(source: str | Path) -> str:
    return printable(source if isinstance(source, str) else display_path(source))


def import_one(
    library: Library,
    source: str | Path,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    notes: list[str] | None = None,
) -> AddResult:
    """Read, clean and store one file or URL; ReaderError with one line when it cannot.

    ``notes`` collects one-line remarks on a file read anyway (``reader.ingest.read_path``)."""
    from reader.library.html import clean_raw

    if isinstance(source, str) and is_url(source):
        raw, kind, _ = fetch_page(source, timeout=timeout)
        article = clean_raw(raw, kind=kind, url=source)
        article.url = source
    else:
        from reader.ingest import looks_like_html, read_path

        path = Path(source)
        if looks_like_web_address(str(source)) and not path.exists():
            shown = _shown(source)
            raise ReaderError(f"{shown}: no such file; for a web page add https://{shown}")
        raw = read_path(path, notes=notes)
        html = looks_like_html(raw, by_name=path.suffix.lower() in HTML_SUFFIXES)
        kind = "html" if html else "text"
        article = clean_raw(raw, kind=kind)
        article.path = display_path(path.resolve())
    if not article.paragraphs:
        raise ReaderError(f"{_shown(source)}: no article text found")
    return library.add_article(article, raw=raw, kind=kind)


def import_sources(
    library: Library,
    sources: Iterable[str | Path],
    progress: Progress | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    on_added: Callable[[int], None] | None = None,
    regroup: bool = True,
) -> ImportSummary:
    """Import files, folders and URLs. Uses its own connection, so it can run in a worker."""
    own = Library.open(library.path)
    try:
        summary = ImportSummary()
        items = expand_sources(sources, summary.errors)
        for done, item in enumerate(items, start=1):
            try:
                result = import_one(own, item, timeout=timeout, notes=summary.notes)
            except ReaderError as error:
                summary.errors.append(printable(str(error)))
            except Exception as error:  # noqa: BLE001 - one bad item must not stop the rest
                reason = printable(f"{type(error).__name__}: {error}")
                summary.errors.append(f"{_shown(item)}: could not import ({reason})")
            else:
                if result.added and result.article_id is not None:
                    summary.added += 1
                    summary.added_ids.append(result.article_id)
                    if on_added is not None:
                        on_added(result.article_id)
                else:
                    summary.duplicates += 1
            if progress is not None:
                progress(done, len(items), _shown(item))
        if regroup and (summary.added or own.needs_regroup()):
            if progress is not None:
                progress(len(items), len(items), "grouping stories")
            own.regroup_stories()
        return summary
    finally:
        own.close()
