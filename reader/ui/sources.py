"""Where the app's articles come from: files and folders, the library, or the demo story.

Plain Python (no Textual): these run in a worker thread and return entries plus one-line
messages for the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.ui.article_loader import ArticleLoader
from reader.ui.entries import Entry, make_entries, set_stories


@dataclass(slots=True)
class Loaded:
    entries: list[Entry]
    origin: str  # shown in the status line: where these came from
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    library_path: Path | None = None  # set when read marks persist in a library
    stories_known: bool = False
    kind: str = "files"  # "files", "library" or "demo" (shown while the library is empty)


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


def load_library(path: str | None) -> Loaded:
    """The user's library; the demo story while it is missing or empty."""
    try:
        from reader.library import Library
    except ImportError:  # pragma: no cover - only before the library landed
        return load_demo()
    try:
        library_file = _library_file(path)
        if library_file is not None and not library_file.exists():
            return load_demo(
                "Your library is empty: showing a demo story. Add articles with `newsreader add`."
            )
        with Library.open(path) as library:
            headlines = library.headlines()  # no texts: they load when an article opens
            library_file = library.path
    except Exception as error:  # a broken library must not stop the app: show the demo
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return load_demo(f"Could not open the library ({reason}): showing the demo story.")
    if not headlines:
        return load_demo(
            "Your library is empty: showing a demo story. Add articles with `newsreader add`."
        )
    loader = ArticleLoader(library_file)
    entries = [
        Entry.from_headline(headline, index, loader) for index, headline in enumerate(headlines)
    ]
    set_stories(entries, [headline.story for headline in headlines], keep_ids=True)
    return Loaded(
        entries,
        f"library {library_file}",
        library_path=library_file,
        stories_known=True,
        kind="library",
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
