"""Both panes of the compare view in ONE Line API widget, so they can only scroll together.

Only the visible lines are turned into Strips; the wrapped layout is computed once per width and
mode and cached. Colours come from component classes (theme variables in compare.tcss), and every
difference also has a gutter mark, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.alignment import Alignment
from reader.ui.compare.layout import (
    CompareLayout,
    DisplayLine,
    Side,
    layout,
    split_widths,
    unified_width,
)

SEPARATOR = " │ "
# Above this much text (or this many rows), wrapping takes tens of milliseconds: it moves to
# a worker. Real article pairs stay well below and are wrapped at once.
BACKGROUND_LAYOUT_CHARS = 100_000
BACKGROUND_LAYOUT_ROWS = 400


def wrap_in_background(alignment: Alignment) -> bool:
    size = len(alignment.a_text) + len(alignment.b_text)
    return size > BACKGROUND_LAYOUT_CHARS or len(alignment.rows) > BACKGROUND_LAYOUT_ROWS


class ComparePanes(ScrollView, can_focus=True, inherit_bindings=False):
    """The aligned passages of two articles, side by side or unified."""

    COMPONENT_CLASSES = {
        "panes--identical",
        "panes--changed",
        "panes--moved",
        "panes--only_a",
        "panes--only_b",
        "panes--filler",
        "panes--gap",
        "panes--label",
        "panes--del",
        "panes--ins",
        "panes--gutter",
        "panes--cursor",
        "panes--separator",
    }

    BINDINGS = [
        Binding(
            "down,j",
            "line_down",
            "Down",
            False,
            tooltip="Scroll both sides one line",
            id="compare.down",
        ),
        Binding(
            "up,k",
            "line_up",
            "Up",
            False,
            tooltip="Scroll both sides back one line",
            id="compare.up",
        ),
        Binding(
            "pagedown,space",
            "page_down",
            "Page down",
            False,
            tooltip="Both sides one page down",
            id="compare.page_down",
        ),
        Binding(
            "pageup,b",
            "page_up",
            "Page up",
            False,
            tooltip="Both sides one page up",
            id="compare.page_up",
        ),
        Binding("home,g", "top", "Top", False, tooltip="First passage", id="compare.top"),
        Binding("end,G", "bottom", "End", False, tooltip="Last passage", id="compare.bottom"),
    ]

    cursor_row: reactive[int] = reactive(0, layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.alignment: Alignment | None = None
        self.unified = False
        self._layouts: dict[tuple[int, bool], CompareLayout] = {}
        self._layout = CompareLayout()
        self._styles: dict[str, Style] = {}
        # Strips of lines already drawn (paging back, moving the cursor): cleared on any change.
        self._strips: LRUCache[tuple[int, bool, int], Strip] = LRUCache(1024)
        self.cursor_listener: Callable[[int], None] | None = None
        # (key, anchor row, set the cursor) of a layout being computed in a worker
        self._pending: tuple[tuple[int, bool], int, bool] | None = None

    # --- content -----------------------------------------------------------------------

    def show(
        self,
        alignment: Alignment,
        *,
        unified: bool | None = None,
        row: int | None = None,
        seed: tuple[tuple[int, bool], CompareLayout] | None = None,
    ) -> None:
        """Draw ``alignment`` with row ``row`` current (default: keep the row, or the first).

        ``seed`` is a layout already computed for a (width, unified) key, off the UI thread.
        """
        same = alignment is self.alignment
        self.alignment = alignment
        if not same:
            self._layouts.clear()
        if seed is not None:
            self._layouts[seed[0]] = seed[1]
        if unified is not None:
            self.unified = unified
        if row is None:
            row = self.cursor_row if same else 0
        self._relayout(anchor=row, cursor=True)

    @property
    def current_layout(self) -> CompareLayout:
        return self._layout

    @property
    def layout_pending(self) -> bool:
        """A layout is being computed in a worker (the previous one is still shown)."""
        return self._pending is not None

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width or self.size.width or 80)

    def _relayout(self, *, anchor: int, cursor: bool = False) -> None:
        """Use the layout for the current width and mode; compute it if needed.

        Small comparisons are wrapped at once; big ones in a worker, so resizing or toggling
        the mode never blocks the keyboard (the old layout stays until the new one is ready).
        """
        if self.alignment is None:
            return
        key = (self._text_width(), self.unified)
        cached = self._layouts.get(key)
        if cached is None and wrap_in_background(self.alignment):
            self._pending = (key, anchor, cursor)
            self._layout_in_worker(self.alignment, key)
            return
        if cached is None:
            cached = layout(self.alignment, key[0], unified=key[1])
        self._install(key, cached, anchor, cursor)

    def _install(
        self, key: tuple[int, bool], result: CompareLayout, anchor: int, cursor: bool
    ) -> None:
        if len(self._layouts) > 8:
            self._layouts.clear()
        self._layouts[key] = result
        self._pending = None
        if result is not self._layout:
            self._strips.clear()
        self._layout = result
        self.virtual_size = Size(key[0], len(result.lines))
        self.refresh()
        if cursor:
            self.set_cursor(anchor, scroll=False, force=True)
        self._scroll_to_row(anchor, only_if_hidden=cursor)

    @work(thread=True, exclusive=True, group="compare-layout")
    def _layout_in_worker(self, alignment: Alignment, key: tuple[int, bool]) -> None:
        result = layout(alignment, key[0], unified=key[1])
        try:
            self.app.call_from_thread(self._layout_ready, alignment, key, result)
        except RuntimeError:
            pass  # the app closed meanwhile

    def _layout_ready(
        self, alignment: Alignment, key: tuple[int, bool], result: CompareLayout
    ) -> None:
        if alignment is not self.alignment or self._pending is None:
            return
        wanted, anchor, cursor = self._pending
        if key != wanted:
            return  # resized again meanwhile: the newer worker brings the right one
        self._install(key, result, anchor, cursor)

    def on_resize(self) -> None:
        if self.alignment is None:
            return
        if self._pending is not None:
            anchor = self._pending[1]
        else:
            anchor = self._layout.row_at(round(self.scroll_y))
        self._relayout(anchor=anchor)

    # --- moving ------------------------------------------------------------------------

    def set_cursor(self, row: int, *, scroll: bool = True, force: bool = False) -> None:
        if self.alignment is None or not self.alignment.rows:
            return
        row = max(0, min(row, len(self.alignment.rows) - 1))
        moved = force or row != self.cursor_row
        self.cursor_row = row
        if scroll:
            self._scroll_to_row(row, only_if_hidden=True)
        if moved:
            self.refresh()
            # Synchronously, so the status line repaints in the same frame as the panes.
            if self.cursor_listener is not None:
                self.cursor_listener(row)

    def _scroll_to_row(self, row: int, *, only_if_hidden: bool = False) -> None:
        starts = self._layout.row_starts
        if not starts:
            return
        start = starts[min(row, len(starts) - 1)]
        end = starts[row + 1] if row + 1 < len(starts) else len(self._layout.lines)
        height = self.scrollable_content_region.height or 1
        top = round(self.scroll_y)
        if only_if_hidden and top <= start and end <= top + height:
            return
        # A little context above the row, unless that would hide its end.
        context = 2 if end - start + 2 <= height else 0
        self.scroll_to(y=max(0, start - context), animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # Scrolled away from the current row (mouse wheel, scrollbar): it follows the view.
        starts = self._layout.row_starts
        if not starts or self._pending is not None or round(old_value) == round(new_value):
            return
        row = min(self.cursor_row, len(starts) - 1)
        end = starts[row + 1] if row + 1 < len(starts) else len(self._layout.lines)
        top = round(new_value)
        if end <= top or starts[row] >= top + max(1, self.scrollable_content_region.height):
            self._follow_scroll()

    def _follow_scroll(self) -> None:
        """After paging, the current row is the first row shown at the top."""
        row = self._layout.row_at(round(self.scroll_y))
        if self._layout.row_starts and self._layout.row_starts[row] < round(self.scroll_y):
            row = min(row + 1, len(self._layout.row_starts) - 1)
        self.set_cursor(row, scroll=False)

    def _scroll_lines(self, delta: int) -> None:
        self.scroll_to(y=self.scroll_y + delta, animate=False, immediate=True)
        self._follow_scroll()

    def action_line_down(self) -> None:
        self._scroll_lines(1)

    def action_line_up(self) -> None:
        self._scroll_lines(-1)

    def action_page_down(self) -> None:
        self._scroll_lines(max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self._scroll_lines(-max(1, self.scrollable_content_region.height - 1))

    def action_top(self) -> None:
        self.set_cursor(0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        if self.alignment is not None and self.alignment.rows:
            self.set_cursor(len(self.alignment.rows) - 1, scroll=False)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self._layout.lines:
            return
        line = round(self.scroll_y) + offset.y
        if 0 <= line < len(self._layout.lines):
            self.set_cursor(self._layout.lines[line].row, scroll=False)

    # --- drawing -----------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()  # the theme changed
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        base = self._styles.get("base")
        if base is None:
            base = self._styles["base"] = self.rich_style
        if not 0 <= index < len(self._layout.lines):
            return Strip.blank(width, base)
        line = self._layout.lines[index]
        on_cursor = line.row == self.cursor_row and line.left.kind != "gap"
        key = (index, on_cursor, width)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        strip = self._strips[key] = self._render_display_line(line, width, on_cursor, base)
        return strip

    def _render_display_line(
        self, line: DisplayLine, width: int, on_cursor: bool, base: Style
    ) -> Strip:
        segments: list[Segment] = []
        if line.right is None:
            self._side_segments(segments, line.left, unified_width(width), on_cursor, True)
        else:
            left_width, right_width = split_widths(width)
            self._side_segments(segments, line.left, left_width, on_cursor, False)
            segments.append(Segment(SEPARATOR, self._style("panes--separator")))
            self._side_segments(segments, line.right, right_width, on_cursor, False)
        return Strip(segments).adjust_cell_length(width, base)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def _overlay(self, role: str) -> Style:
        """The style laid over the line's for a run: changed words get their own colours
        (translucent theme colours blended over the panes); a label only its text style."""
        key = f"overlay-{role}"
        style = self._styles.get(key)
        if style is None:
            rule = f"panes--{role}"
            partial = role == "label"
            style = self._styles[key] = self.get_component_rich_style(rule, partial=partial)
        return style

    def _side_segments(
        self, out: list[Segment], side: Side, width: int, cursor: bool, unified: bool
    ) -> None:
        gutter = self._style("panes--cursor" if cursor else "panes--gutter")
        if unified:
            out.append(Segment(f"{side.letter or ' '}{side.mark} ", gutter))
        else:
            out.append(Segment(f"{side.mark} ", gutter))
        line_style = self._style(f"panes--{side.kind}")
        used = 0
        for text, role in side.runs:
            style = line_style
            if role != "text":
                style = line_style + self._overlay(role)
            out.append(Segment(text, style))
            used += cell_len(text)
        if used < width:
            out.append(Segment(" " * (width - used), line_style))
