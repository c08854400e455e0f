"""The article list: a Line API ScrollView that draws only the rows on screen.

10,000 articles cost 10,000 small ``Entry`` objects and one list of indexes; painting costs one
``Strip`` per visible row, cached until the row, the width or the theme changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import get_current_worker

from reader.ui.entries import Entry, printable, sort_order
from reader.ui.messages import FilterShown, OpenArticle
from reader.ui.title_filter import filter_order
from reader.ui.widgets.list_columns import (
    GAP,
    STORY_WIDTH,
    Columns,
    fit_cells,
    length_label,
    mark_label,
    story_label,
    story_width,
)

# Above this many rows the `/` filter runs in a thread (0.05-0.2 s on 100,000 titles): the
# list keeps its rows until the answer for the latest query arrives.
THREADED_FILTER_ROWS = 20_000


class ListHeading(Widget):
    """The column names above the list (the list hands over its columns, so they line up)."""

    DEFAULT_CSS = "ListHeading { height: 1; }"

    columns: Columns | None = None  # set by the list below it

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        columns = self.columns or Columns.for_width(width)
        text = " " * columns.mark + GAP.join(
            columns.cells("story", "title", "outlet", "date", "length")
        )
        return Strip([Segment(fit_cells(text, width), self.rich_style)], width)


class ArticleList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of entries; the screen owns the keys and calls the ``move_*`` methods."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--mark",
        "article-list--unread",
        "article-list--read",
        "article-list--story",
        "article-list--meta",
        "article-list--empty",
    }

    ALLOW_SELECT = False  # clicks pick rows; they do not select text

    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.sort_key = "date"
        self.filter_query = ""
        self.starred_only = False
        self.full_text = False  # the entries are in a library: queries also search the texts
        self.text_query = ""  # the query ``text_hits`` answer
        self.text_hits: list[int] = []  # full-text hits: library ids, best first
        self._by_library_id: dict[object, int] = {}
        self._title_matches = 0
        self._sorted: list[int] = []
        self.order: list[int] = []  # entry indexes currently shown, top to bottom
        self._strips: dict[tuple[int, bool, bool], Strip] = {}
        self._strips_width = -1
        self.story_width = STORY_WIDTH
        self.empty_columns: frozenset[str] = frozenset()
        self._columns: Columns | None = None  # as last handed to the heading
        self.empty_message = "Loading…"

    # -- data -------------------------------------------------------------------------------
    def set_entries(self, entries: Sequence[Entry]) -> None:
        current = self.current_entry
        self.entries = list(entries)
        self._by_library_id = {
            entry.library_id: entry.index for entry in self.entries if entry.library_id is not None
        }
        self._measure_columns()
        self._resort()
        self._refilter(keep=current)

    def _measure_columns(self) -> None:
        """The story column's width, and which columns no row fills (they take no space)."""
        entries = self.entries
        width = story_width(entries)
        # Nothing to show yet (loading): the heading names every column.
        empty = (
            set()
            if not entries
            else {
                name
                for name, filled in (
                    ("story", any(entry.story_number for entry in entries)),
                    ("outlet", any(entry.outlet for entry in entries)),
                    ("date", any(entry.date for entry in entries)),
                )
                if not filled
            }
        )
        if width == self.story_width and empty == self.empty_columns:
            return
        self.story_width = width
        self.empty_columns = frozenset(empty)
        self._strips.clear()
        self.refresh()

    @property
    def columns(self) -> Columns:
        """The columns the rows are drawn with at the list's current width."""
        return Columns.for_width(
            self.scrollable_content_region.width,
            self.story_width,
            outer=self.size.width,
            empty=self.empty_columns,
        )

    def _share_columns(self, columns: Columns) -> None:
        """The heading above draws the same columns (the scrollbar narrows the rows only)."""
        self._columns = columns
        for heading in self.screen.query(ListHeading):
            heading.columns = columns
            heading.refresh()

    def set_sort(self, key: str) -> None:
        current = self.current_entry
        self.sort_key = key
        self._resort()
        self._refilter(keep=current)

    def set_filter(self, query: str) -> None:
        """Filter titles and outlets; full-text hits found for an earlier query stay until
        ``set_text_hits`` answers this one (no flicker while typing)."""
        current = self.current_entry
        self.filter_query = query
        if not query.strip():
            self.text_query, self.text_hits = "", []
        self._refilter(keep=current)

    def set_text_hits(self, query: str, library_ids: Sequence[int]) -> None:
        """Full-text hits for ``query``, shown after the title matches (if still current)."""
        if query != self.filter_query:
            return
        current = self.current_entry
        self.text_query, self.text_hits = query, list(library_ids)
        self._refilter(keep=current)

    def set_starred_only(self, on: bool) -> None:
        current = self.current_entry
        self.starred_only = on
        self._refilter(keep=current)

    @property
    def text_hit_count(self) -> int:
        """Rows shown only because their text matched (not their title or outlet)."""
        return len(self.order) - self._title_matches

    @property
    def searching(self) -> bool:
        """A full-text search for the current query is still out."""
        query = self.filter_query
        return self.full_text and bool(query.strip()) and self.text_query != query

    def rows_changed(self) -> None:
        """Entries changed in place (read marks, stories): redraw."""
        self._measure_columns()
        self._strips.clear()
        self.refresh()

    def starred_changed(self) -> None:
        """A star changed: with only starred rows shown, the row may have to go."""
        if self.starred_only:
            self._refilter(keep=self.current_entry, row=self.cursor)
        else:
            self.rows_changed()

    def remove_entries(self, entries: Sequence[Entry]) -> None:
        """``entries`` are gone (already reindexed); keep the cursor on the same row."""
        row = self.cursor
        self.entries = list(entries)
        self._by_library_id = {
            entry.library_id: entry.index for entry in self.entries if entry.library_id is not None
        }
        self._measure_columns()
        self._resort()
        self._refilter(keep=None, row=row)

    def _resort(self) -> None:
        self._sorted = sort_order(self.entries, self.sort_key)

    def _refilter(self, keep: Entry | None, row: int | None = None) -> None:
        shown = self._sorted
        if self.starred_only:
            shown = [index for index in shown if self.entries[index].starred]
        query = self.filter_query
        if query.strip() and len(shown) > THREADED_FILTER_ROWS:
            self._filter_in_thread(self.entries, shown, query, keep, row)
            return
        self._show_filtered(shown, filter_order(self.entries, shown, query), keep, row)

    @work(thread=True, exclusive=True, group="title-filter")
    def _filter_in_thread(
        self,
        entries: list[Entry],
        shown: list[int],
        query: str,
        keep: Entry | None,
        row: int | None,
    ) -> None:
        order = filter_order(entries, shown, query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(
                self._show_if_current, entries, shown, query, order, keep, row
            )

    def _show_if_current(
        self,
        entries: list[Entry],
        shown: list[int],
        query: str,
        order: list[int],
        keep: Entry | None,
        row: int | None,
    ) -> None:
        if entries is not self.entries or query != self.filter_query:
            return  # a newer query, or the list changed: its own filtering follows
        self._show_filtered(shown, order, keep, row)
        self.post_message(FilterShown())

    def _show_filtered(
        self, shown: list[int], order: list[int], keep: Entry | None, row: int | None
    ) -> None:
        self._title_matches = len(order)
        if self.text_hits and self.filter_query.strip():
            allowed, seen = set(shown), set(order)
            for library_id in self.text_hits:
                index = self._by_library_id.get(library_id)
                if index is not None and index in allowed and index not in seen:
                    seen.add(index)
                    order.append(index)
        self.order = order
        self.virtual_size = Size(self.size.width, len(self.order))
        self._strips.clear()
        position = 0 if row is None else row
        if keep is not None:
            try:
                position = self.order.index(keep.index)
            except ValueError:
                pass
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor = position
        self.refresh()

    @property
    def current_entry(self) -> Entry | None:
        if 0 <= self.cursor < len(self.order):
            return self.entries[self.order[self.cursor]]
        return None

    def select_entry(self, index: int) -> None:
        """Put the cursor on entry ``index`` when it is shown."""
        if index in self.order:
            self.cursor = self.order.index(index)

    # -- cursor -----------------------------------------------------------------------------
    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.order) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_cursor_into_view()

    def _scroll_cursor_into_view(self) -> None:
        # force: right after the rows grew, the scrollbar (and with it "may scroll") is only
        # known at the next layout; without it the view stayed put and the cursor off-screen
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True, force=True)
        elif self.cursor >= top + height:
            y = self.cursor - height + 1
            self.scroll_to(y=y, animate=False, immediate=True, force=True)

    def move_by(self, rows: int) -> None:
        self.cursor += rows

    def move_page(self, pages: int) -> None:
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=self.scroll_y + pages * height, animate=False, immediate=True)
        self.cursor += pages * height

    def move_to(self, row: int) -> None:
        self.cursor = row if row >= 0 else len(self.order) - 1

    # -- drawing ----------------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.order))
        self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def on_focus(self) -> None:
        self.refresh_line(self.cursor)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._strips_width:
            self._strips.clear()
            self._strips_width = width
        columns = self.columns
        if columns != self._columns:
            self._strips.clear()
            self._share_columns(columns)
        row = round(self.scroll_y) + y
        if not self.order:
            if y == 0:
                style = self.get_component_rich_style("article-list--empty")
                message = self.empty_message
                if self.entries and self.filter_query:
                    shown = printable(self.filter_query, single_line=True)
                    message = f"Nothing matches “{shown}”."
                    if self.searching:
                        message = f"Searching for “{shown}”…"
                elif self.entries and self.starred_only:
                    message = "No starred articles."
                return Strip([Segment(fit_cells(" " + message, width), style)], width)
            return Strip.blank(width, self.rich_style)
        if row >= len(self.order):
            return Strip.blank(width, self.rich_style)
        key = (self.order[row], row == self.cursor, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 2000:
                self._strips.clear()
            entry = self.entries[key[0]]
            strip = self._strips[key] = self._row_strip(entry, columns, width, key[1])
        return strip

    def _row_strip(self, entry: Entry, columns: Columns, width: int, is_cursor: bool) -> Strip:
        base = self.rich_style
        meta = base + self.get_component_rich_style("article-list--meta")
        title_style = base + self.get_component_rich_style(
            "article-list--read" if entry.read else "article-list--unread"
        )
        story = base + self.get_component_rich_style("article-list--story")
        mark = mark_label(entry)
        texts = columns.cells(
            story_label(entry),
            entry.title,
            entry.outlet,
            printable(entry.date[:10], single_line=True),
            length_label(entry.words) if columns.length else "",
        )
        styles = ([story] if columns.story else []) + [title_style]
        styles += [meta] * (len(texts) - len(styles))
        segments = [Segment(mark, base + self.get_component_rich_style("article-list--mark"))]
        for k, (text, style) in enumerate(zip(texts, styles, strict=True)):
            if k:
                segments.append(Segment(GAP, base))
            segments.append(Segment(text, style))
        strip = Strip(segments).crop_extend(0, width, base)
        if is_cursor:
            cursor = self.get_component_rich_style("article-list--cursor")
            if not self.has_focus:
                cursor = Style(bgcolor=cursor.bgcolor, dim=True)
            strip = Strip(Segment.apply_style(strip, post_style=cursor), width)
        return strip

    # -- mouse ------------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = round(self.scroll_y) + offset.y
        if 0 <= row < len(self.order):
            self.cursor = row
            if event.chain >= 2:
                self.post_message(OpenArticle(self.order[row]))
