"""The compare screen: two articles, aligned passage by passage, side by side or unified."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static
from textual.worker import get_current_worker

from reader.alignment import Alignment
from reader.errors import ReaderError
from reader.model import Article
from reader.ui.compare.layout import CompareLayout, difference_rows, layout, mirror, printable
from reader.ui.compare.panes import ComparePanes, wrap_in_background
from reader.ui.widgets.footer import FittedFooter

Aligner = Callable[[str, str], Alignment]

# Below this many columns two panes are too cramped to read: the unified view is used.
NARROW_WIDTH = 100
# The panes' vertical scrollbar (compare.tcss keeps its gutter): the text is this much narrower.
SCROLLBAR_WIDTH = 2

MARKS_LEGEND = " · marks: -/+ words, ~ changed, m moved, * one side only"

KIND_WORDS = {
    "changed": "changed",
    "moved": "moved",
    "only_a": "only in A",
    "only_b": "only in B",
    "identical": "same",
    "only_each": "each side its own",
}


def default_aligner() -> Aligner:
    """The alignment engine (imported lazily: it is plain Python, loaded when first needed)."""
    try:
        from reader.align import align
    except ImportError as error:
        raise ReaderError(f"the alignment engine is not available ({error})") from error
    return align


def describe_article(letter: str, article: Article) -> Text:
    """One header line: letter, title, outlet and date (article text is data, not markup)."""
    line = Text(f"{letter}  ", style="bold")
    line.append(printable(article.display_title), style="bold")
    details = ", ".join(part for part in (article.source, article.date) if part)
    if details:
        line.append(f"  —  {printable(details)}", style="italic")
    return line


def describe_summary(alignment: Alignment, width: int | None = None) -> Text:
    """The header's line of shares and counts; the counts on a line of their own when the
    whole does not fit in ``width`` cells (a wrap fell inside a count: "17 only in" / "A")."""
    # Passages, as `newsreader compare` counts them: a moved pair is drawn on two rows (one per
    # side), so counting rows said "6 moved" for 3; one-side counts are sentences, as there.
    counts = {kind: 0 for kind in KIND_WORDS}
    for pair in alignment.pairs:
        counts[pair.kind] = counts.get(pair.kind, 0) + 1
    counts["only_a"], counts["only_b"] = len(alignment.only_a), len(alignment.only_b)
    summary = alignment.summary
    line = Text("In common: ", style="bold")
    line.append(f"{summary.a_in_b:.0%} of A is in B, {summary.b_in_a:.0%} of B is in A")
    kinds = ("changed", "moved", "only_a", "only_b")
    # passages are counted for changed and moved, sentences for one side only: say which
    counted = ", ".join(
        f"{counts[kind]} {KIND_WORDS[kind]}"
        if kind in ("changed", "moved")
        else f"{counted_sentences(counts[kind])} {KIND_WORDS[kind]}"
        for kind in kinds
    )
    separator = "  ·  "
    if width is not None and cell_len(line.plain + separator + counted) > width:
        separator = "\n"
    line.append(separator + counted, style="italic")
    return line


def counted_sentences(number: int) -> str:
    return f"{number:,} sentence" if number == 1 else f"{number:,} sentences"


class CompareScreen(Screen[None]):
    """Article A (left) against article B (right)."""

    CSS_PATH = "compare.tcss"
    HELP_TITLE = "Compare"
    BINDINGS = [
        Binding(
            "q,escape", "back", "Back", tooltip="Back to the previous screen", id="compare.back"
        ),
        Binding(
            "right_square_bracket,n",
            "next_difference",
            "Next diff",
            tooltip="Next difference (changed, moved or one side only)",
            id="compare.next",
        ),
        Binding(
            "left_square_bracket,N",
            "previous_difference",
            "Prev diff",
            tooltip="Previous difference",
            id="compare.previous",
        ),
        Binding(
            "m",
            "jump_partner",
            "Moved",
            tooltip="Moved passage: jump to where the other side has it",
            id="compare.partner",
        ),
        Binding("s", "swap", "Swap", tooltip="Swap the left and right articles", id="compare.swap"),
        Binding(
            "u",
            "toggle_unified",
            "Unified",
            tooltip="One column (A, then B's version) or side by side",
            id="compare.unified",
        ),
        Binding("question_mark", "help", "Keys", tooltip="Show these keys", id="compare.help"),
    ]

    def __init__(self, a: Article, b: Article, *, aligner: Aligner | None = None) -> None:
        super().__init__()
        self.article_a = a
        self.article_b = b
        self._aligner = aligner
        self.alignment: Alignment | None = None
        self.unified = False
        self._narrow: bool | None = None
        self._difference_rows: list[int] = []
        self._status = ""

    def compose(self) -> ComposeResult:
        yield Static(id="compare-titles")
        yield Static(id="compare-summary")
        yield LoadingIndicator(id="compare-loading")
        yield Static(id="compare-message")
        yield ComparePanes(id="compare-panes")
        yield Static(id="compare-status")
        yield FittedFooter()

    @property
    def panes(self) -> ComparePanes:
        return self.query_one(ComparePanes)

    def on_mount(self) -> None:
        self.query_one("#compare-message").display = False
        self.panes.display = False
        self.panes.cursor_listener = self._on_cursor
        self._apply_width(self.app.size.width)
        self._update_header()
        self._run_alignment(self.article_a.text, self.article_b.text)

    # --- alignment in a worker ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare-align")
    def _run_alignment(self, a_text: str, b_text: str) -> None:
        try:
            aligner = self._aligner or default_aligner()
            alignment = aligner(a_text, b_text)
            seed = None
            if wrap_in_background(alignment):
                # Wrap a long pair here too, for the width the panes will most likely have.
                key = (max(10, self.app.size.width - SCROLLBAR_WIDTH), self.unified)
                seed = (key, layout(alignment, key[0], unified=key[1]))
        except Exception as error:  # shown as one line: the app must not crash on a bad pair
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            self._deliver(self._show_error, f"Could not compare these articles: {message}")
            return
        self._deliver(self._show_alignment, alignment, seed)

    def _deliver(self, callback: Callable[..., None], *args: object) -> None:
        if get_current_worker().is_cancelled:
            return  # superseded (the sides were swapped while aligning)
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # the app closed while the worker ran

    def _show_error(self, message: str) -> None:
        if not self.is_attached:
            return
        self.query_one(LoadingIndicator).display = False
        error = self.query_one("#compare-message", Static)
        error.update(Text(message))
        error.display = True

    def _show_alignment(
        self, alignment: Alignment, seed: tuple[tuple[int, bool], CompareLayout] | None = None
    ) -> None:
        if not self.is_attached:
            return
        self.alignment = alignment
        self._difference_rows = difference_rows(alignment)
        self.query_one(LoadingIndicator).display = False
        panes = self.panes
        panes.display = True
        panes.show(alignment, unified=self.unified, seed=seed)
        panes.focus()
        self._update_header()
        self._update_status()

    # --- header and status -------------------------------------------------------------

    def _update_header(self) -> None:
        titles = Text()
        titles.append_text(describe_article("A", self.article_a))
        titles.append("\n")
        titles.append_text(describe_article("B", self.article_b))
        self.query_one("#compare-titles", Static).update(titles)
        if self.alignment is None:
            summary = Text("Aligning the two articles…", style="italic")
        else:
            summary = describe_summary(self.alignment, self.size.width - 2)  # less padding
        self.query_one("#compare-summary", Static).update(summary)

    def _update_status(self) -> None:
        if self.alignment is None or not self.alignment.rows:
            status = "Nothing to compare." if self.alignment is not None else ""
            self._set_status(status)
            return
        row_index = self.panes.cursor_row
        row = self.alignment.rows[row_index]
        total = len(self._difference_rows)
        position = sum(1 for r in self._difference_rows if r <= row_index)
        mode = "unified" if self.unified else "side by side"
        status = (
            f"Row {row_index + 1}/{len(self.alignment.rows)} {KIND_WORDS[row.kind]} · "
            f"diff {position}/{total} · {mode}"
        )
        # The marks' legend only when it fits whole (it was cut mid-word at 80 columns).
        if len(status) + len(MARKS_LEGEND) <= self.size.width - 2:
            status += MARKS_LEGEND
        self._set_status(status)

    def _set_status(self, status: str) -> None:
        # One fixed-height line: no layout pass, and nothing at all when it did not change.
        if status != self._status:
            self._status = status
            self.query_one("#compare-status", Static).update(Text(status), layout=False)

    def _on_cursor(self, _row: int) -> None:
        self._update_status()

    # --- width -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)
        self._update_header()  # the counts' line break and the legend follow the width
        self._update_status()

    def _apply_width(self, width: int) -> None:
        """Too narrow for two columns: unified; re-decided whenever the width crosses the line."""
        narrow = width < NARROW_WIDTH
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self._set_unified(narrow)

    def _set_unified(self, unified: bool) -> None:
        self.unified = unified
        if self.alignment is not None:
            self.panes.show(self.alignment, unified=unified)
            self._update_status()

    # --- actions -----------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        """The app's key screen, as on the list and the reader (built from the live bindings,
        so keys remapped in the config show as remapped)."""
        from reader.ui.screens.help_screen import HelpScreen, help_rows

        self.app.push_screen(HelpScreen("Compare", help_rows(self)))

    def action_toggle_unified(self) -> None:
        self._set_unified(not self.unified)

    def action_swap(self) -> None:
        self.article_a, self.article_b = self.article_b, self.article_a
        self._update_header()
        if self.alignment is None:
            # Still aligning: start again the other way round.
            self._run_alignment(self.article_a.text, self.article_b.text)
            return
        row = self.panes.cursor_row
        self.alignment = mirror(self.alignment)
        self._difference_rows = difference_rows(self.alignment)
        self.panes.show(self.alignment, unified=self.unified, row=row)
        self._update_header()
        self._update_status()

    def action_next_difference(self) -> None:
        self._go_difference(forward=True)

    def action_previous_difference(self) -> None:
        self._go_difference(forward=False)

    def _go_difference(self, *, forward: bool) -> None:
        if self.alignment is None:
            return
        current = self.panes.cursor_row
        if forward:
            target = next((r for r in self._difference_rows if r > current), None)
        else:
            target = next((r for r in reversed(self._difference_rows) if r < current), None)
        if target is None:
            where = "below" if forward else "above"
            self.notify(f"No more differences {where}.", timeout=2)
            return
        self.panes.set_cursor(target)

    def action_jump_partner(self) -> None:
        if self.alignment is None:
            return
        rows = self.alignment.rows
        current = self.panes.cursor_row
        if not rows:
            return
        row = rows[current]
        if row.kind == "moved" and row.partner is not None and 0 <= row.partner < len(rows):
            self.panes.set_cursor(row.partner)
            return
        if row.kind == "moved":
            self.notify("Both sides of this moved passage are on this row.", timeout=2)
            return
        moved = [i for i, r in enumerate(rows) if r.kind == "moved"]
        target = next((i for i in moved if i > current), moved[0] if moved else None)
        if target is None:
            self.notify("No moved passages in this comparison.", timeout=2)
            return
        self.panes.set_cursor(target)
