"""The reader's text: a Line API ScrollView over the article wrapped to a centred column.

The article becomes a list of blocks (title, meta lines, paragraphs, and - when asked - the
removed lines in the places they stood). Blocks are wrapped once per width; each visible line
becomes a ``Strip`` on demand and is cached, so paging only renders one screenful.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.dom import NoScreen
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.clean import BEYOND_LIMIT_REASON, MAX_LINES
from reader.model import Article, count_words
from reader.ui.commands import BY_ID, key_display
from reader.ui.entries import counted, printable

REASON_STYLE = Style(italic=True)
ASYNC_BLOCKS = 20_000  # paragraphs + removed lines from which the wrap runs in a thread


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "title", "meta", "rule", "body", "removed"
    text: Text | str  # removed lines stay plain str: an article may have 80,000 of them
    space_after: bool = True
    reason: str = ""  # removed lines: why the cleaner removed it (shown in italics)


def article_blocks(
    article: Article, *, show_removed: bool, words: int | None = None, removed_key: str = "r"
) -> list[Block]:
    """The article as display blocks; every string from the article goes in as plain text."""
    blocks = [Block("title", Text(printable(article.display_title, single_line=True)), False)]
    meta = [article.source, article.date, f"By {article.byline}" if article.byline else None]
    words = words if words is not None else count_words(article.text)
    parts = [printable(part, single_line=True) for part in meta if part]
    parts.append(counted(words, "word"))
    if article.removed:
        parts.append(counted(len(article.removed), "line") + " removed")
    blocks.append(Block("meta", Text(" · ".join(parts)), False))
    if article.url:
        blocks.append(Block("meta", Text(printable(article.url, single_line=True)), False))
    beyond = sum(1 for line in article.removed if line.reason == BEYOND_LIMIT_REASON)
    if beyond:  # the CLI says so on stderr; here it belongs under the title
        note = f"Long text: only its first {MAX_LINES:,} lines were judged; the other "
        note += f"{counted(beyond, 'line')} are listed as removed ({removed_key or 'r'})"
        blocks.append(Block("meta", Text(note), False))
    blocks.append(Block("rule", Text("")))
    removed_at: dict[int, list[Block]] = {}
    if show_removed:
        for line in article.removed:
            text = printable(line.text, single_line=True)
            reason = f"({printable(line.reason, single_line=True)})"
            removed_at.setdefault(line.position, []).append(Block("removed", text, False, reason))
    for index, paragraph in enumerate(article.paragraphs):
        blocks.extend(_closed(removed_at.pop(index, [])))
        blocks.append(Block("body", Text(printable(paragraph))))
    for position in sorted(removed_at):  # after the last paragraph (or out of range)
        blocks.extend(_closed(removed_at[position]))
    if not article.paragraphs and not removed_at:
        note = "(no article text was found here"
        if article.removed and not show_removed:  # what was there is one key away
            lines = counted(len(article.removed), "removed line")
            note += f": press {removed_key} to see the {lines}" if removed_key else ""
        blocks.append(Block("meta", Text(note + ")")))
    return blocks


def wrap_plain(text: str, width: int) -> list[str]:
    """Greedy word wrap by terminal cells; words wider than the line are folded.

    Several times faster than ``Text.wrap`` for the plain paragraphs that make up an article,
    which is what keeps opening a very long article quick.
    """
    lines: list[str] = []
    measure = len if text.isascii() else cell_len  # ASCII: one cell per character
    for hard_line in text.split("\n"):
        current: list[str] = []
        used = 0
        for word in hard_line.split():
            size = measure(word)
            if size > width:
                if current:
                    lines.append(" ".join(current))
                pieces = chop_cells(word, width)
                lines.extend(pieces[:-1])
                current, used = [pieces[-1]], measure(pieces[-1])
            elif current and used + 1 + size > width:
                lines.append(" ".join(current))
                current, used = [word], size
            else:
                used += size + (1 if current else 0)
                current.append(word)
        lines.append(" ".join(current))
    return lines


def wrap_removed(text: str, reason: str, width: int) -> list[tuple[str, int]]:
    """The scissors mark, ``text`` and its reason, wrapped with a hanging indent of two cells.

    Each line comes with the column where the reason starts on it (-1: none), so the reason
    can be drawn in italics without building a ``Text`` for each of tens of thousands of lines.
    The reason stays on the last line when it fits there, else it starts a line of its own.
    """
    width = max(1, width - 2)
    # "-" holds the mark's place: one cell like "✂", and ASCII text keeps the fast measure
    lines = [(line, -1) for line in wrap_plain("- " + text, width)]
    last, _ = lines[-1]
    if cell_len(last) + 2 + cell_len(reason) <= width:
        lines[-1] = (f"{last}  {reason}", len(last))  # the italics start with the gap
    else:
        lines.extend((line, 0) for line in wrap_plain(reason, width))
    lines[0] = ("✂" + lines[0][0][1:], lines[0][1])
    return [
        (line if n == 0 else "  " + line, at if n == 0 or at < 0 else at + 2)
        for n, (line, at) in enumerate(lines)
    ]


@dataclass(slots=True)
class Layout:
    lines: list[tuple[str, Text | str]]  # (kind, line); plain str for body and removed lines
    line_paragraph: list[int]  # paragraph index per line, -1 for everything else
    reason_at: dict[int, int]  # line -> column where a removed line's reason starts


def layout_lines(blocks: list[Block], column: int, console: Console) -> Layout:
    """The blocks wrapped to ``column`` cells. Pure: safe to run in a thread."""
    lines: list[tuple[str, Text | str]] = []
    line_paragraph: list[int] = []
    reason_at: dict[int, int] = {}
    paragraph = -1
    for block in blocks:
        first = len(lines)
        if block.kind == "rule":
            lines.append(("rule", Text("─" * column)))
        elif isinstance(block.text, str):  # removed lines: hanging indent under the ✂
            for line, at in wrap_removed(block.text, block.reason, column):
                if at >= 0:
                    reason_at[len(lines)] = at
                lines.append((block.kind, line))
        elif block.kind == "body" and not block.text.spans:
            lines.extend(("body", line) for line in wrap_plain(block.text.plain, column))
        else:
            for line in block.text.wrap(console, column, overflow="fold"):
                line.rstrip()
                lines.append((block.kind, line))
        if block.space_after:
            lines.append(("body", ""))
        if block.kind == "body":
            paragraph += 1
        line_paragraph.extend([paragraph if block.kind == "body" else -1] * (len(lines) - first))
    return Layout(lines, line_paragraph, reason_at)


def _closed(group: list[Block]) -> list[Block]:
    """A run of removed lines, with a blank line after the last one."""
    if group:
        group[-1] = replace(group[-1], space_after=True)
    return group


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Draws one article; the reader screen owns the keys."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--rule",
        "article-view--body",
        "article-view--removed",
    }

    DEFAULT_CSS = "ArticleView { overflow-x: hidden; }"

    def __init__(self, *, max_width: int = 80, id: str | None = None) -> None:
        super().__init__(id=id)
        self.max_width = max_width
        self.article: Article | None = None
        self.show_removed = False
        self._blocks: list[Block] = []
        self._lines: list[tuple[str, Text | str]] = []  # body lines stay plain str (cheap)
        self._line_paragraph: list[int] = []
        self._wrap_width = -1
        self._strips: dict[int, Strip] = {}
        self._reason_at: dict[int, int] = {}  # row -> column where a removed line's reason starts
        self._words: int | None = None
        self._generation = 0  # of the layout: a thread's result for an older one is dropped
        self.laying_out = False  # a long article is being wrapped in a thread

    # -- content ----------------------------------------------------------------------------
    def show(self, article: Article, *, words: int | None = None) -> None:
        self.article = article
        self._words = words
        self._lines = []  # never the previous article's lines while a long one is laid out
        self._rebuild()
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_show_removed(self, on: bool) -> None:
        if on == self.show_removed:
            return
        self.show_removed = on
        self._rebuild(anchor=self._block_at_top())

    def set_max_width(self, width: int) -> None:
        self.max_width = width
        self._wrap_width = -1
        self._rewrap()

    def _removed_key(self) -> str:
        """The key that shows removed lines on this screen now (the keymap may move it)."""
        try:
            return key_display(self.screen, BY_ID["reader.removed"])
        except NoScreen:  # not on a screen yet: the note then names no key
            return ""

    def _rebuild(self, anchor: int | None = None) -> None:
        self._wrap_width = -1
        article = self.article
        if article is None:
            self._blocks = []
            self._rewrap(anchor)
            return
        make_blocks = partial(
            article_blocks,
            article,
            show_removed=self.show_removed,
            words=self._words,
            removed_key=self._removed_key(),
        )
        size = len(article.paragraphs) + (len(article.removed) if self.show_removed else 0)
        if size >= ASYNC_BLOCKS and self.scrollable_content_region.width:
            self._layout_in_background(make_blocks, anchor)
        else:
            self._blocks = make_blocks()
            self._rewrap(anchor)

    @property
    def line_count(self) -> int:
        return len(self._lines)

    @property
    def lines_text(self) -> list[str]:
        """The wrapped lines as plain text (for tests and search)."""
        return [text if isinstance(text, str) else text.plain for _, text in self._lines]

    # -- layout -----------------------------------------------------------------------------
    def column(self) -> tuple[int, int]:
        """(left margin, column width) for the current size."""
        width = self.scrollable_content_region.width or self.size.width or self.max_width
        column = max(10, min(self.max_width, width - 2))
        return max(0, (width - column) // 2), column

    def _rewrap(self, anchor: int | None = None) -> None:
        """Wrap the blocks at the current column (big ones in a thread); then, if ``anchor``
        is given, scroll to that paragraph."""
        if not self.scrollable_content_region.width:
            return  # not laid out yet: wrapping now would be thrown away on the first resize
        _, column = self.column()
        if column == self._wrap_width and self._lines and anchor is None:
            return
        if len(self._blocks) >= ASYNC_BLOCKS:
            blocks = self._blocks
            self._layout_in_background(lambda: blocks, anchor)
            return
        self._wrap_width = column
        self._generation += 1  # a layout still running in a thread is out of date
        self.laying_out = False
        self._apply(layout_lines(self._blocks, column, self.app.console), anchor)

    def _layout_in_background(self, make_blocks: Callable[[], list[Block]], anchor: int | None):
        """Build and wrap the blocks in a daemon thread; the current lines stay until then."""
        _, column = self.column()
        self._wrap_width = column
        self._generation += 1
        generation = self._generation
        self.laying_out = True
        if not self._lines:
            placeholder = [("meta", Text("Laying out a very long article…"))]
            self._apply(Layout(placeholder, [-1], {}), None)
        app = self.app
        console = app.console

        def run() -> None:
            # Hundreds of thousands of new tuples and strings (no cycles) would set off full
            # garbage collections that pause the UI thread too: collect afterwards instead.
            collecting = gc.isenabled()
            gc.disable()
            try:
                blocks = make_blocks()
                layout = layout_lines(blocks, column, console)
            finally:
                if collecting:
                    gc.enable()
            if not app.is_running:  # closed meanwhile (no call, no un-awaited coroutine)
                return
            try:
                app.call_from_thread(self._laid_out, generation, blocks, layout, anchor)
            except RuntimeError:
                pass  # closed between the check and the call

        threading.Thread(target=run, name="newsreader-layout", daemon=True).start()

    def _laid_out(
        self, generation: int, blocks: list[Block], layout: Layout, anchor: int | None
    ) -> None:
        if generation != self._generation:
            return  # the article, the width or the removed lines changed meanwhile
        self.laying_out = False
        self._blocks = blocks
        self._apply(layout, anchor)

    def _apply(self, layout: Layout, anchor: int | None) -> None:
        self._strips.clear()
        self._lines = layout.lines
        self._line_paragraph = layout.line_paragraph
        self._reason_at = layout.reason_at
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout.lines))
        if anchor is not None:
            y = self._first_line_of_block(anchor)
            self.scroll_to(y=y, animate=False, immediate=True)
        self.refresh()

    def _block_at_top(self) -> int:
        """Index of the paragraph shown at the top (to keep the place when toggling)."""
        row = min(round(self.scroll_y), len(self._line_paragraph) - 1)
        return max((p for p in self._line_paragraph[: row + 1] if p >= 0), default=0)

    def _first_line_of_block(self, paragraph: int) -> int:
        if paragraph <= 0:
            return 0
        for index, shown in enumerate(self._line_paragraph):
            if shown == paragraph:
                return index
        return 0

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self._rewrap()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._lines))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    # -- paging -----------------------------------------------------------------------------
    @property
    def page_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # keep one line of context

    def scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def scroll_pages(self, pages: int) -> None:
        self.scroll_lines(pages * self.page_height)

    # -- drawing ----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        left, column = self.column()
        if column != self._wrap_width:
            self._rewrap()
        row = round(self.scroll_y) + y
        if row >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = self._strips.get(row)
        if strip is None:
            if len(self._strips) > 1000:
                self._strips.clear()
            strip = self._strips[row] = self._line_strip(row, width, left)
        return strip

    def _line_strip(self, row: int, width: int, left: int) -> Strip:
        kind, text = self._lines[row]
        base = self.rich_style
        style = base + self.get_component_rich_style(f"article-view--{kind}")
        segments = [Segment(" " * left, base)] if left else []
        at = self._reason_at.get(row, -1)
        if isinstance(text, str) and at >= 0:
            segments.append(Segment(text[:at], style))
            segments.append(Segment(text[at:], style + REASON_STYLE))
        elif isinstance(text, str):
            segments.append(Segment(text, style))
        else:
            segments.extend(Segment.apply_style(text.render(self.app.console), style))
        return Strip(segments).crop_extend(0, width, base)
