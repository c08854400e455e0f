"""One article's cleaned text, with its removed lines on request."""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header

from reader.ui.commands import bindings
from reader.ui.entries import Entry
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.footer import FittedFooter

if TYPE_CHECKING:
    from reader.ui.app import NewsReaderApp


class ReaderScreen(Screen[None]):
    SCOPE = "reader"
    HELP_TITLE = "reader"
    BINDINGS = bindings("reader")

    app: NewsReaderApp  # type: ignore[assignment]

    def __init__(self, entry: Entry, order: list[Entry]) -> None:
        super().__init__()
        self.entry = entry
        self.order = order  # the list's order, for J/K (entries: deletes renumber indexes)

    def compose(self) -> ComposeResult:
        yield Header()
        yield ArticleView(max_width=self.app.config.max_width, id="article")
        yield FittedFooter()

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def index(self) -> int:
        """The entry's index in the app's entries (what the app's commands take)."""
        return self.entry.index

    def on_mount(self) -> None:
        self.view.focus()
        self._show()

    def _show(self) -> None:
        entry = self.entry
        self._show_star()
        self.view.show(entry.article, words=entry.words)
        self.app.set_read(entry, True)
        self.refresh_bindings()  # "Open URL" is offered only where there is one

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_url":
            return _openable(self.entry.article.url)
        return True

    def _step(self, offset: int) -> None:
        try:
            position = self.order.index(self.entry)
        except ValueError:
            position = -1
        target = position + offset
        if not 0 <= target < len(self.order):
            self.notify("No more articles this way.", timeout=2)
            return
        self.entry = self.order[target]
        self.app.list_cursor_to(self.index)
        self._show()

    def entry_removed(self, entry: Entry) -> None:
        """``entry`` was deleted: drop it from J/K; if it is the one shown, show the next."""
        if entry not in self.order:
            return
        position = self.order.index(entry)
        self.order.remove(entry)
        if entry is not self.entry:
            return
        if not self.order:
            if self.app.screen is self:
                self.app.pop_screen()  # nothing left to read here
            return
        self.entry = self.order[min(position, len(self.order) - 1)]
        self.app.list_cursor_to(self.index)
        self._show()

    # -- actions ----------------------------------------------------------------------------
    def action_scroll_down(self) -> None:
        self.view.scroll_lines(1)

    def action_scroll_up(self) -> None:
        self.view.scroll_lines(-1)

    def action_page_down(self) -> None:
        self.view.scroll_pages(1)

    def action_page_up(self) -> None:
        self.view.scroll_pages(-1)

    def action_top(self) -> None:
        self.view.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.view.scroll_to(y=self.view.max_scroll_y, animate=False, immediate=True)

    def action_next_article(self) -> None:
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def action_toggle_removed(self) -> None:
        view = self.view
        view.set_show_removed(not view.show_removed)
        count = len(self.entry.article.removed)
        if view.show_removed:
            self.notify(f"Showing {count} removed lines, dimmed, with reasons.", timeout=2)

    def action_compare(self) -> None:
        self.app.compare(self.index)

    def action_delete(self) -> None:
        self.app.ask_to_delete(self.entry)

    def _show_star(self) -> None:
        entry = self.entry
        self.sub_title = ("★ " if entry.starred else "") + (entry.outlet or entry.title)

    def action_star(self) -> None:
        entry = self.entry
        self.app.set_starred(entry, not entry.starred)
        self._show_star()
        self.notify("★ Starred." if entry.starred else "Star removed.", timeout=2)

    def action_open_url(self) -> None:
        url = self.entry.article.url
        if not url:
            self.notify("This article has no URL.", severity="warning", timeout=3)
            return
        if not _openable(url):
            self.notify("Only http(s) URLs are opened.", severity="warning", timeout=3)
            return
        self._open_in_browser(url)

    @work(thread=True, exclusive=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        try:
            opened = webbrowser.open(url)
        except Exception as error:  # the browser machinery can fail in many ways
            opened = False
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            self.app.call_from_thread(self.notify, f"Could not open a browser: {reason}")
            return
        message = "Opened in your browser." if opened else "No browser found to open the URL."
        self.app.call_from_thread(self.notify, message, timeout=3)


def _openable(url: str | None) -> bool:
    return bool(url) and url.startswith(("http://", "https://"))  # type: ignore[union-attr]
