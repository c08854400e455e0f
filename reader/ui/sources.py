"""Where the app's articles come from: files and folders, the library, or the demo story.

Plain Python (no Textual): these run in a worker thread and return entries plus one-line
messages for the user.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.ui.article_loader import ArticleLoader
from reader.ui.entries import Entry, make_entries, set_stories

if TYPE_CHECKING:
    from reader.library.list_store import ListRow

# Rows of a big library shown before the rest is read: more than any terminal is tall.
FIRST_ROWS = 150


@dataclass(slots=True)
class Loaded:
    entries: list[Entry]
    origin: str  # shown in the status line: where these came from
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    library_path: Path | None = None  # set when read marks persist in a library
    stories_known: bool = False
    kind: str = "files"  # "files", "library" or "demo" (shown while the library is empty)
    complete: bool = True  # False: a library's first screenful, the rest still being read


def demo_paths() -> list[Path]:
    from reader.demo import demo_files

    return demo_files()


def load_paths(paths: Sequence[str | Path], origin: str | None = None) -> Loaded:
    """Clean the files (and folders) at ``paths``; bad files become messages, not failures."""
    try:
        from reader.ingest import load_articles
    except ImportError as error:  # pragma: no cover - only before the cleaner landed
        return Loaded([], origin or "files", [f"cannot read articles: {error}"])
    articles, errors = load_articles(paths)
    if origin is None:
        origin = f"{len(articles)} file{'s' if len(articles) != 1 else ''}"
    loaded = Loaded(make_entries(articles), origin, list(errors))
    if not articles and not errors:
        loaded.errors.append("no article files found in " + ", ".join(str(p) for p in paths))
    return loaded


def load_demo(note: str | None = None) -> Loaded:
    loaded = load_paths(demo_paths(), origin="demo story (add yours: newsreader add PATH|URL)")
    loaded.kind = "demo"
    if note:
        loaded.notes.append(note)
    return loaded


def load_library(
    path: str | None,
    on_first: Callable[[Loaded], None] | None = None,
    first_rows: int | None = None,
) -> Loaded:
    """The user's library; the demo story while it is missing or empty.

    With ``on_first``, a big library's first ``first_rows`` rows (default ``FIRST_ROWS``) are
    handed to it before the whole list is read (story labels already right), so the list
    paints at once.
    """
    first_rows = FIRST_ROWS if first_rows is None else first_rows
    try:
        from reader.library import Library
    except ImportError:  # pragma: no cover - only before the library landed
        return load_demo()
    loader: ArticleLoader | None = None
    try:
        library_file = _library_file(path)
        if library_file is not None and not library_file.exists():
            return load_demo(
                "Your library is empty: showing a demo story. Add articles with `newsreader add`."
            )
        with Library.open(path) as library:
            library_file = library.path
            loader = ArticleLoader(library_file)
            if on_first is not None:
                first = library.list_rows(first_rows)
                if len(first) == first_rows:  # more may follow: show these meanwhile
                    sizes = library.story_sizes(row[4] for row in first)
                    on_first(_library_loaded(first, loader, library_file, sizes, complete=False))
            rows = library.list_rows()  # no texts: they load when an article opens
    except Exception as error:  # a broken library must not stop the app: show the demo
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return load_demo(f"Could not open the library ({reason}): showing the demo story.")
    if not rows:
        return load_demo(
            "Your library is empty: showing a demo story. Add articles with `newsreader add`."
        )
    return _library_loaded(rows, loader, library_file, None, complete=True)


def _library_loaded(
    rows: Sequence[ListRow],
    loader: ArticleLoader,
    library_file: Path,
    sizes: Mapping[int, int] | None,
    *,
    complete: bool,
) -> Loaded:
    entries = [Entry.from_row(row, index, loader) for index, row in enumerate(rows)]
    set_stories(entries, [row[4] for row in rows], keep_ids=True, sizes=sizes)
    return Loaded(
        entries,
        f"library {library_file}",
        library_path=library_file,
        stories_known=True,
        kind="library",
        complete=complete,
    )


def _library_file(path: str | None) -> Path | None:
    try:
        from reader.library import library_path
    except ImportError:  # pragma: no cover
        return None
    return library_path(path)


def story_ids(entries: Sequence[Entry]) -> list[int] | None:
    """A story id per entry from ``reader.stories`` (None when it is not there yet)."""
    try:
        from reader.stories import assign_stories
    except ImportError:
        return None
    return list(assign_stories([entry.article for entry in entries]))
