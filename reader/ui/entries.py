"""What the app lists for each article: the article plus its list state. No Textual here.

Everything shown from an article goes through :func:`printable` first: article text is data, and
a stray escape sequence must be seen (as ``␛[31m``), never obeyed by the terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reader.model import Article, count_words

if TYPE_CHECKING:
    from reader.ui.article_loader import ArticleLoader

SORT_KEYS: tuple[str, ...] = ("date", "title", "outlet", "length", "story")

# C0 controls except tab/newline, DEL and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def printable(text: str, *, single_line: bool = False) -> str:
    """``text`` with control characters made visible and tabs expanded."""
    if single_line and text.isprintable():  # the common case, without regular expressions
        return text.strip() if "  " not in text else " ".join(text.split())
    text = _CONTROL.sub(_picture, text.replace("\r\n", "\n").replace("\t", "    "))
    if single_line:
        text = " ".join(text.split())
    return text


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """The noun agreeing with the number: "1 article", "2 articles", "1,204 stories"."""
    if number == 1:
        return f"1 {noun}"
    return f"{number:,} {plural if plural is not None else noun + 's'}"


class Entry:
    """One article in the app, with its list state; display fields are made when first drawn.

    Start-up with 10,000 articles builds 10,000 of these, so nothing is computed up front.
    """

    __slots__ = (
        "_article",
        "_row",
        "loader",
        "index",
        "story",
        "story_size",
        "story_number",
        "read",
        "starred",
        "library_id",
        "_title",
        "_outlet",
        "_date",
        "_words",
        "_padded",
    )

    def __init__(
        self,
        article: Article | None,
        index: int,
        *,
        read: bool = False,
        starred: bool = False,
        library_id: Any = None,
        loader: ArticleLoader | None = None,
    ) -> None:
        self._article = article  # None: loaded from the library when needed (by ``loader``)
        # a library list row (``reader.library.list_store.ListRow``): title, outlet, date
        self._row: Sequence[Any] | None = None
        self.loader = loader
        self.index = index
        self.story: int | None = None
        self.story_size = 1
        self.story_number = 0  # label of a story of several articles (0: alone)
        self.read = read
        self.starred = starred
        self.library_id = library_id
        self._title: str | None = None
        self._outlet: str | None = None
        self._date: str | None = None
        self._words = -1
        self._padded: str | None = None

    @classmethod
    def from_row(cls, row: Sequence[Any], index: int, loader: ArticleLoader) -> Entry:
        """An entry for a library list row (no text: it loads when first asked for).

        Made without ``__init__``, straight from the row tuple, and shown fields made when
        drawn: a big library makes 100,000 of these at start-up.
        """
        entry = cls.__new__(cls)
        entry._article = None
        entry._row = row
        entry.loader = loader
        entry.index = index
        entry.story = None
        entry.story_size = 1
        entry.story_number = 0
        entry.read = bool(row[5])
        entry.starred = bool(row[6])
        entry.library_id = row[0]
        entry._title = entry._outlet = entry._padded = None
        entry._date = row[3] or ""  # kept as given (sorting reads it for every entry)
        entry._words = -1 if row[7] is None else row[7]
        return entry

    @classmethod
    def from_headline(cls, headline: Any, index: int, loader: ArticleLoader) -> Entry:
        """An entry for a library ``Headline`` (as a feed refresh reports them)."""
        row = (
            headline.id,
            headline.title,
            headline.source,
            headline.date,
            headline.story,
            headline.read,
            headline.starred,
            getattr(headline, "words", None),
        )
        return cls.from_row(row, index, loader)

    def _known(self, field: int) -> str:
        """Title (1), outlet (2) or date (3), from the list row or else the article."""
        if self._row is not None:
            return self._row[field] or ""
        article = self.article
        return (article.title, article.source, article.date)[field - 1] or ""

    @property
    def article(self) -> Article:
        """The full article; for a library headline, fetched (and cached) by the loader."""
        if self._article is not None:
            return self._article
        assert self.loader is not None, "an entry has an article or a loader"
        return self.loader.load(self)

    @property
    def loaded(self) -> bool:
        """Whether the article is at hand without asking the library."""
        return self._article is not None or (
            self.loader is not None and self.loader.cached(self.library_id)
        )

    @property
    def title(self) -> str:
        if self._title is None:
            title = self._known(1) or (self._article.display_title if self._article else "")
            self._title = printable(title, single_line=True) or "(untitled)"
        return self._title

    @property
    def outlet(self) -> str:
        if self._outlet is None:
            self._outlet = printable(self._known(2), single_line=True)
        return self._outlet

    @property
    def date(self) -> str:
        """The ISO date as given (sorts as text); shown through ``printable``."""
        if self._date is None:
            self._date = self._known(3)
        return self._date

    @property
    def words(self) -> int:
        """Length in words."""
        if self._words < 0:
            if not self.loaded:
                return 0  # not known without the text; never load one just for the list
            self._words = sum(count_words(paragraph) for paragraph in self.article.paragraphs)
        return self._words

    @property
    def search_text(self) -> str:
        return f"{self.title} {self.outlet}"

    @property
    def padded_search_text(self) -> str:
        """``search_text`` lower-cased without punctuation, a space before each word (made once:
        the `/` filter reads it for every article on every key)."""
        if self._padded is None:
            from rapidfuzz import utils

            self._padded = " " + utils.default_process(self.search_text)
        return self._padded


def make_entry(article: Article, index: int, **state: Any) -> Entry:
    return Entry(article, index, **state)


def make_entries(articles: Sequence[Article]) -> list[Entry]:
    return [Entry(article, index) for index, article in enumerate(articles)]


def set_stories(
    entries: Sequence[Entry],
    story_ids: Sequence[int | None],
    *,
    keep_ids: bool = False,
    sizes: Mapping[int, int] | None = None,
) -> None:
    """Record each entry's story and how many articles share it.

    ``keep_ids``: label stories of several articles with their own id (library stories: the
    same number as `newsreader list`, stable as the library grows); otherwise number them
    1, 2, ... in order (plain files, whose ids mean nothing outside this window).
    ``sizes``: the stories' sizes when ``entries`` are only some of their articles (the first
    screenful of a library); by default counted in ``story_ids``.
    """
    if sizes is None:
        sizes = Counter(story for story in story_ids if story is not None)
    numbers: dict[int, int] = {}
    for entry, story in zip(entries, story_ids, strict=False):
        entry.story = story
        entry.story_size = sizes.get(story, 1) if story is not None else 1
        if story is not None and entry.story_size > 1:
            entry.story_number = story if keep_ids else numbers.setdefault(story, len(numbers) + 1)
        else:
            entry.story_number = 0


_LEADING_PUNCTUATION = re.compile(r"^[\W_]+")


def _alphabetic(text: str) -> str:
    """Sort key for names: case-insensitive, leading quotes and brackets ignored."""
    return _LEADING_PUNCTUATION.sub("", text.casefold())


def sort_order(entries: Sequence[Entry], key: str) -> list[int]:
    """Indexes of ``entries`` in display order: newest, A-Z, A-Z, longest, or grouped by story."""
    indexes = range(len(entries))
    if key == "date":
        dates = [entry.date for entry in entries]  # one look each (100,000 in a big library)
        # reverse=True keeps equal dates in their given order (a library's: newest added
        # first), so a big library's first rows and its whole list agree
        dated = sorted((i for i in indexes if dates[i]), key=dates.__getitem__, reverse=True)
        undated = [i for i in indexes if not dates[i]]
        return dated + undated  # newest first, undated last, stable otherwise
    if key == "title":
        return sorted(indexes, key=lambda i: _alphabetic(entries[i].title))
    if key == "outlet":
        return sorted(
            indexes, key=lambda i: (not entries[i].outlet, _alphabetic(entries[i].outlet))
        )
    if key == "length":
        return sorted(indexes, key=lambda i: -entries[i].words)
    if key == "story":

        def story_key(i: int) -> tuple[int, int, str]:
            entry = entries[i]
            single = entry.story is None or entry.story_size < 2
            return (single, entry.story_number, entry.date)

        return sorted(indexes, key=story_key)
    raise ValueError(f"unknown sort key {key!r}")
