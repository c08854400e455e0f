"""What the library hands out (entries, headlines, results) and how articles are stored."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import UTC, datetime
from typing import Any

from reader.model import Article, RemovedLine


@dataclass(slots=True)
class LibraryEntry:
    id: int
    article: Article
    story: int
    read: bool
    starred: bool
    added: str
    feed_id: int | None = None


@dataclass(frozen=True, slots=True)
class AddResult:
    article_id: int | None
    added: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Headline:
    """One line of the library list (no texts)."""

    id: int
    title: str
    source: str | None
    date: str | None
    story: int
    read: bool
    starred: bool
    added: str
    url: str | None
    path: str | None
    feed_id: int | None
    words: int | None = None  # length in words (None: not known)


@dataclass(slots=True)
class StorySummary:
    id: int
    article_ids: list[int]
    outlets: int
    title: str


@dataclass(slots=True)
class FeedInfo:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_checked: str | None
    last_error: str | None
    article_count: int = 0


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_hash(article: Article, raw: str) -> str:
    """Same cleaned text (case and spacing aside) = same content; raw text when nothing is left."""
    text = " ".join(article.paragraphs) or raw
    normal = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


_ARTICLE_FIELDS = dataclass_fields(Article)


def article_from_json(data: str, body: str) -> Article:
    fields: dict[str, Any] = json.loads(data)
    removed = [RemovedLine(**item) for item in fields.pop("removed", [])]
    if "paragraphs" not in fields:
        fields["paragraphs"] = body.split("\n\n") if body else []
    known = {f.name for f in _ARTICLE_FIELDS}
    return Article(**{k: v for k, v in fields.items() if k in known}, removed=removed)


def article_to_json(article: Article) -> str:
    """The article's fields; paragraphs only when the body column cannot give them back."""
    # what Article.to_dict() gives, without dataclasses.asdict's slow deep copy
    fields: dict[str, Any] = {f.name: getattr(article, f.name) for f in _ARTICLE_FIELDS}
    fields["removed"] = [
        {"text": r.text, "reason": r.reason, "position": r.position} for r in article.removed
    ]
    if all(p and "\n\n" not in p for p in article.paragraphs):
        del fields["paragraphs"]  # stored once, in the body column (also the FTS source)
    return json.dumps(fields, ensure_ascii=False)


def headline_from_row(r: Sequence[Any]) -> Headline:
    words = r[11] if len(r) > 11 else None
    return Headline(
        r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6]), r[7], r[8], r[9], r[10], words
    )
