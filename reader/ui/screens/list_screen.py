"""The first screen: every article, one line each, with search, sort, stars and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from reader.ui.commands import bindings
from reader.ui.entries import SORT_KEYS, Entry, counted
from reader.ui.messages import FilterShown, OpenArticle
from reader.ui.widgets.article_list import ArticleList, ListHeading
from reader.ui.widgets.footer import FittedFooter

if TYPE_CHECKING:
    from reader.ui.app import NewsReaderApp


class ListScreen(Screen[None]):
    SCOPE = "list"
    HELP_TITLE = "article list"
    BINDINGS = [
        *bindings("list"),
        Binding("escape", "close_filter", "Clear filter", show=False, id="list.clear_filter"),
    ]

    # The list, never the hidden search box: keys typed while the app starts go to the list.
    AUTO_FOCUS = "#articles"

    app: NewsReaderApp  # type: ignore[assignment]

    def compose(self) -> ComposeResult:
        yield Header()
        # Mounted from the start (hidden): "/" shows and focuses it at once, so the keys typed
        # right after it land in it.
        search = Input(placeholder=self._placeholder(), id="filter")
        search.display = False
        yield search
        yield ListHeading(id="heading")
        yield ArticleList(id="articles")
        yield Static(id="status")
        yield FittedFooter()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        self.article_list.focus()
        self.show_entries(self.app.entries, self.app.loading_message)

    def _placeholder(self) -> str:
        if self.app.kind == "library":
            return "search titles, outlets and full text (enter: keep, esc: clear)"
        return "filter titles and outlets (enter: keep, esc: clear)"

    def show_entries(self, entries: list[Entry], empty_message: str = "No articles.") -> None:
        article_list = self.article_list
        article_list.empty_message = empty_message
        article_list.full_text = self.app.kind == "library"
        article_list.set_entries(entries)
        self.query_one("#filter", Input).placeholder = self._placeholder()
        self.update_status()

    def remove_entries(self, entries: list[Entry]) -> None:
        self.article_list.remove_entries(entries)
        self.update_status()

    def refresh_rows(self) -> None:
        self.article_list.rows_changed()
        self.update_status()

    def update_status(self) -> None:
        article_list = self.article_list
        entries = article_list.entries
        unread = sum(1 for entry in entries if not entry.read)
        stories = {entry.story for entry in entries if entry.story is not None}
        parts = [counted(len(entries), "article"), f"{unread:,} unread"]
        if self.app.loading_rest:  # counts of the rows read so far would mislead
            parts = [f"newest {len(entries):,} shown, reading the rest of the library…"]
        elif stories:
            shared = {e.story for e in entries if e.story is not None and e.story_size > 1}
            told = counted(len(stories), "story", "stories")
            parts.append(f"{told} ({len(shared):,} with several articles)" if shared else told)
        parts.append(f"sorted by {article_list.sort_key}")
        if article_list.starred_only:
            shown = "" if article_list.filter_query.strip() else f": {len(article_list.order):,}"
            parts.append(f"starred only{shown}")
        if article_list.filter_query.strip():
            parts.append(self._found(article_list))
        if self.app.refresh_status:  # first: toasts cover the line's right end
            parts.insert(0, self.app.refresh_status)
        line = " · ".join(parts)
        # Where the articles come from, when it fits whole (a cut path said nothing); the demo
        # story's hint on how to add articles always.
        origin = f" · {self.app.origin}" if self.app.origin else ""
        fits = cell_len(line + origin) <= self.size.width - 2
        if origin and (fits or self.app.kind == "demo"):
            line += origin
        # Content, not markup: paths and feed titles are data
        self.query_one("#status", Static).update(Content(line))

    def on_resize(self, _event: events.Resize) -> None:
        self.update_status()

    def _found(self, article_list: ArticleList) -> str:
        found = f"{len(article_list.order):,} found"
        if self.app.kind != "library":
            return found
        if article_list.searching:
            return found + " (searching the full text…)"
        in_text = article_list.text_hit_count
        return found + f" ({in_text:,} by full text)" if in_text else found

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

    def action_star(self) -> None:
        entry = self.article_list.current_entry
        if entry is not None:
            self.app.set_starred(entry, not entry.starred)

    def action_toggle_starred(self) -> None:
        article_list = self.article_list
        article_list.set_starred_only(not article_list.starred_only)
        self.update_status()

    def action_delete(self) -> None:
        entry = self.article_list.current_entry
        if entry is not None:
            self.app.ask_to_delete(entry)

    def _filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The search box takes focus only while shown (a hidden one would swallow keys)."""
        if event.widget is self._filter_input() and not event.widget.display:
            self.set_focus(self.article_list)

    def action_filter(self) -> None:
        filter_input = self._filter_input()
        if self.focused is filter_input and filter_input.display:  # "/" is a priority key:
            # typed in the box, it is text
            filter_input.insert_text_at_cursor("/")
            return
        filter_input.display = True
        self.set_focus(filter_input)  # now, not after a refresh: the next key goes to it

    def action_close_filter(self) -> None:
        filter_input = self._filter_input()
        if filter_input.display or filter_input.value:
            filter_input.value = ""
            filter_input.display = False
            self.set_focus(self.article_list)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.article_list.set_filter(event.value)
        self.app.search_full_text(event.value)
        self.update_status()

    def on_filter_shown(self, _message: FilterShown) -> None:
        self.update_status()

    def show_text_hits(self, query: str, library_ids: list[int]) -> None:
        self.article_list.set_text_hits(query, library_ids)
        self.update_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            event.input.display = False
        self.set_focus(self.article_list)
