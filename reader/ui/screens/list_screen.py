"""The first screen: every article, one line each, with filter and sort."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

from reader.ui.commands import bindings
from reader.ui.entries import SORT_KEYS, Entry
from reader.ui.messages import OpenArticle
from reader.ui.widgets.article_list import ArticleList, ListHeading

if TYPE_CHECKING:
    from reader.ui.app import NewsReaderApp


class ListScreen(Screen[None]):
    SCOPE = "list"
    HELP_TITLE = "article list"
    BINDINGS = [
        *bindings("list"),
        Binding("escape", "close_filter", "Clear filter", show=False, id="list.clear_filter"),
    ]

    app: NewsReaderApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield Header()
        yield ListHeading(id="heading")  # the filter input is mounted above it on first use
        yield ArticleList(id="articles")
        yield Static(id="status")
        yield Footer()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        self.article_list.focus()
        self.show_entries(self.app.entries, self.app.loading_message)

    def show_entries(self, entries: list[Entry], empty_message: str = "No articles.") -> None:
        article_list = self.article_list
        article_list.empty_message = empty_message
        article_list.set_entries(entries)
        self.update_status()

    def refresh_rows(self) -> None:
        self.article_list.rows_changed()
        self.update_status()

    def update_status(self) -> None:
        article_list = self.article_list
        entries = article_list.entries
        unread = sum(1 for entry in entries if not entry.read)
        stories = {entry.story for entry in entries if entry.story is not None}
        parts = [f"{len(entries):,} articles", f"{unread:,} unread"]
        if stories:
            shared = {e.story for e in entries if e.story is not None and e.story_size > 1}
            parts.append(f"{len(stories):,} stories ({len(shared):,} with several articles)")
        parts.append(f"sorted by {article_list.sort_key}")
        if article_list.filter_query:
            parts.append(f"{len(article_list.order):,} match the filter")
        if self.app.origin:
            parts.append(self.app.origin)
        self.query_one("#status", Static).update(" · ".join(parts))

    # -- actions ----------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self.article_list.move_by(1)

    def action_cursor_up(self) -> None:
        self.article_list.move_by(-1)

    def action_cursor_top(self) -> None:
        self.article_list.move_to(0)

    def action_cursor_bottom(self) -> None:
        self.article_list.move_to(-1)

    def action_page_down(self) -> None:
        self.article_list.move_page(1)

    def action_page_up(self) -> None:
        self.article_list.move_page(-1)

    def action_open(self) -> None:
        entry = self.article_list.current_entry
        if entry is not None:
            self.app.open_reader(entry.index, self.article_list.order)

    def on_open_article(self, message: OpenArticle) -> None:
        self.app.open_reader(message.index, self.article_list.order)

    def action_cycle_sort(self) -> None:
        article_list = self.article_list
        position = SORT_KEYS.index(article_list.sort_key)
        article_list.set_sort(SORT_KEYS[(position + 1) % len(SORT_KEYS)])
        self.update_status()

    def action_toggle_read(self) -> None:
        entry = self.article_list.current_entry
        if entry is not None:
            self.app.set_read(entry, not entry.read)
            self.article_list.move_by(1)

    def action_compare(self) -> None:
        entry = self.article_list.current_entry
        if entry is not None:
            self.app.compare(entry.index)

    def _filter_input(self) -> Input | None:
        found = self.query("#filter")
        return found.first(Input) if found else None

    def action_filter(self) -> None:
        filter_input = self._filter_input()
        if filter_input is None:
            placeholder = "filter titles and outlets (enter: keep, esc: clear)"
            filter_input = Input(placeholder=placeholder, id="filter")
            self.mount(filter_input, before="#heading")
        filter_input.display = True
        filter_input.focus()

    def action_close_filter(self) -> None:
        filter_input = self._filter_input()
        if filter_input is not None and filter_input.display:
            filter_input.value = ""
            filter_input.display = False
            self.article_list.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.article_list.set_filter(event.value)
        self.update_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            event.input.display = False
        self.article_list.focus()
