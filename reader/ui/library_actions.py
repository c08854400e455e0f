"""The app's reading-state and library commands: read, star, delete, full-text search, refresh.

A mixin of :class:`reader.ui.app.NewsReaderApp`. Library work runs in background threads, each
with its own connection (``reader.ui.library_ops``); the UI state changes at once and the
results come back through ``call_from_thread``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.content import Content

from reader.ui.article_loader import ArticleLoader
from reader.ui.entries import Entry, set_stories
from reader.ui.library_ops import (
    NO_FEEDS,
    RefreshOutcome,
    delete_article,
    full_text_hits,
    refresh_library,
    save_mark,
)

if TYPE_CHECKING:
    from reader.library.records import Headline
    from reader.ui.app import NewsReaderApp

    _Base = NewsReaderApp
else:
    _Base = object

MAX_REFRESH_ERRORS = 3


def _one_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class LibraryActions(_Base):
    """Needs from the app: entries, kind, library, library_path, _in_background, _list_screen."""

    # -- read and star ----------------------------------------------------------------------
    def set_read(self, entry: Entry, read: bool) -> None:
        if entry.read == read:
            return
        entry.read = read
        self._refresh_list()
        self._persist_mark(entry, "read", read)

    def set_starred(self, entry: Entry, on: bool) -> None:
        """Stars persist in the library; on plain files they last for this session."""
        if entry.starred == on:
            return
        entry.starred = on
        self._list_screen().article_list.starred_changed()
        self._list_screen().update_status()
        self._persist_mark(entry, "star", on)

    def _persist_mark(self, entry: Entry, mark: str, on: bool) -> None:
        if self.library_path is not None and entry.library_id is not None:
            self._save_mark(self.library_path, entry.library_id, mark, on)

    @work(thread=True, group="library")
    def _save_mark(self, path: Path, article_id: int, mark: str, on: bool) -> None:
        try:
            save_mark(path, article_id, mark, on)
        except Exception as error:
            what = "read mark" if mark == "read" else "star"
            message = f"Could not save the {what}: {_one_line(error)}"
            self.call_from_thread(self.notify, message, severity="warning")

    # -- delete -----------------------------------------------------------------------------
    def ask_to_delete(self, entry: Entry) -> None:
        """Ask first. Library articles are deleted from the library; files are only hidden."""
        from reader.ui.screens.confirm_screen import ConfirmScreen

        if self.still_loading():  # the rows being read could still hold it
            return

        in_library = self.library_path is not None and entry.library_id is not None
        question = Content("Delete “").append(entry.title)
        if in_library:
            question = question.append("” from the library?")
            yes = "delete"
        else:
            # (the demo story ships with newsreader: there is no file of the user's to spare)
            spared = "\nThe file itself is not touched." if self.kind == "files" else ""
            question = question.append(f"” from this list?{spared}")
            yes = "hide it"
        self.push_screen(ConfirmScreen(question, yes=yes), partial(self._answered, entry))

    def _answered(self, entry: Entry, yes: bool | None) -> None:
        if not yes or entry not in self.entries:
            return
        if self.library_path is not None and entry.library_id is not None:
            self._delete_from_library(self.library_path, entry)
        else:
            self._remove_entry(entry)
            self.notify("Hidden from this list for this session; the file is kept.", timeout=3)

    @work(thread=True, group="library")
    def _delete_from_library(self, path: Path, entry: Entry) -> None:
        try:
            existed = delete_article(path, entry.library_id)
        except Exception as error:
            message = f"Could not delete: {_one_line(error)}"
            self.call_from_thread(self.notify, message, severity="error")
            return
        self.call_from_thread(self._deleted, entry, existed)

    def _deleted(self, entry: Entry, existed: bool) -> None:
        self._remove_entry(entry)
        title = Content(entry.title).truncate(60, ellipsis=True).plain
        if existed:
            self.notify(f"Deleted “{title}” from the library.", timeout=3, markup=False)
        else:
            self.notify(f"“{title}” was already gone from the library.", markup=False)

    def _remove_entry(self, entry: Entry) -> None:
        if entry not in self.entries:
            return
        self.entries = [kept for kept in self.entries if kept is not entry]
        for index, kept in enumerate(self.entries):
            kept.index = index
        stories = [kept.story for kept in self.entries]  # sizes changed
        set_stories(self.entries, stories, keep_ids=self.kind == "library")
        self._list_screen().remove_entries(self.entries)
        from reader.ui.screens.reader_screen import ReaderScreen

        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen):
                screen.entry_removed(entry)

    # -- full-text search -------------------------------------------------------------------
    def search_full_text(self, query: str) -> None:
        """Search the library's texts for ``query`` off the UI thread (the list only when the
        answer is for what is typed now)."""
        if self.kind != "library" or self.library_path is None or not query.strip():
            return
        done = partial(self._text_hits_found, query)
        self._in_background(partial(full_text_hits, self.library_path, query), done)

    def _text_hits_found(self, query: str, hits: list[int] | Exception) -> None:
        if isinstance(hits, Exception):
            self.notify(f"Full-text search failed: {_one_line(hits)}", severity="warning")
            hits = []
        self._list_screen().show_text_hits(query, hits)

    # -- refresh ----------------------------------------------------------------------------
    def action_refresh_feeds(self) -> None:
        if self.still_loading():  # the list being read would replace the refreshed one
            return
        if self.refreshing:
            self.notify("A refresh is already running.", timeout=3)
            return
        if self.kind == "files":
            self.notify(
                "Refresh fetches your library's feeds; this window shows files. "
                "Run `newsreader` without paths to see the library.",
                severity="warning",
                markup=False,
            )
            return
        self.refreshing = True
        path = self.library_path if self.library_path is not None else self.library
        started = partial(self.call_if_open, self._refresh_started)
        job = partial(refresh_library, path, self._refresh_progress_from_thread, started)
        self._in_background(job, self._refreshed)

    def _refresh_started(self) -> None:
        """There are feeds (said only now: without any, the answer is just "No feeds")."""
        self._set_refresh_status("Refreshing feeds…")
        self.notify("Refreshing feeds… (progress in the list's status line)", timeout=2)

    def _refresh_progress_from_thread(self, done: int, total: int, message: str) -> None:
        status = f"Refreshing feeds… {done}/{total} · {' '.join(message.split())[:60]}"
        self.call_if_open(self._set_refresh_status, status)

    def _set_refresh_status(self, status: str) -> None:
        self.refresh_status = status
        try:
            self._list_screen().update_status()
        except LookupError:
            pass

    def _refreshed(self, outcome: RefreshOutcome | Exception) -> None:
        self.refreshing = False
        self._set_refresh_status("")
        if isinstance(outcome, Exception):
            self.notify(f"Refresh failed: {_one_line(outcome)}", severity="error", markup=False)
            return
        summary = outcome.summary
        if summary is None:
            self.notify(NO_FEEDS, severity="warning", markup=False)
        else:
            self.notify(str(summary).capitalize() + ".", timeout=6, markup=False)
            for error in summary.errors[:MAX_REFRESH_ERRORS]:
                self.notify(error, severity="error", timeout=10, markup=False)
            if len(summary.errors) > MAX_REFRESH_ERRORS:
                more = len(summary.errors) - MAX_REFRESH_ERRORS
                self.notify(f"… and {more} more feed errors.", severity="error", markup=False)
        if outcome.headlines:
            self._reload_from_library(outcome.headlines)

    def _reload_from_library(self, headlines: list[Headline]) -> None:
        """Show what the library holds now (this refresh's articles, and those another process
        added meanwhile); entries already shown are kept, with their marks and loaded text."""
        if self.kind != "library":  # the demo story gives way to the library
            while len(self.screen_stack) > 2:  # base screen and the list
                self.pop_screen()
            self.entries = []
            self.kind = "library"
            from reader.library import library_path

            self.library_path = library_path(self.library)
            self.origin = f"library {self.library_path}"
        assert self.library_path is not None
        shown = {entry.library_id: entry for entry in self.entries}
        loader = next((e.loader for e in self.entries if e.loader is not None), None)
        if loader is None:
            loader = ArticleLoader(self.library_path)
        entries: list[Entry] = []
        for index, headline in enumerate(headlines):
            entry = shown.pop(headline.id, None)
            if entry is None:
                entry = Entry.from_headline(headline, index, loader)
            entry.index = index
            entries.append(entry)
        set_stories(entries, [headline.story for headline in headlines], keep_ids=True)
        self.entries = entries
        self._list_screen().show_entries(entries)
        if shown:  # deleted by another process meanwhile
            from reader.ui.screens.reader_screen import ReaderScreen

            for screen in self.screen_stack:
                if isinstance(screen, ReaderScreen):
                    for gone in shown.values():
                        screen.entry_removed(gone)
