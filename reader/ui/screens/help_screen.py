"""`?`: the keys of the screen underneath, generated from its active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reader.ui.commands import bindings

# Textual's own bindings that only clutter the list: tab moves focus between widgets few screens
# have, and no view here lets the user select text to copy.
HIDDEN_ACTIONS = frozenset({"app.focus_next", "app.focus_previous", "screen.copy_text"})


def help_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(keys, what they do, binding id) for every binding active on ``screen``, in binding
    order; the id is what ``[keymap]`` in the config remaps ("" for Textual's own)."""
    rows: dict[str, tuple[list[str], str, str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.system or binding.action in HIDDEN_ACTIONS:
            continue
        key = binding.id or f"{binding.action}:{binding.description}"
        what = binding.tooltip or binding.description
        keys, _, _ = rows.setdefault(key, ([], what, binding.id or ""))
        display = screen.app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    result = [(" ".join(keys), what, binding_id) for keys, what, binding_id in rows.values()]
    if isinstance(screen, ModalScreen):  # a question or a picker: no palette over it
        return result
    if not any(a.binding.action == "command_palette" for a in screen.active_bindings.values()):
        result.append(("ctrl+p", "Command palette: every command, and the themes", ""))
    return result


class HelpScreen(ModalScreen[None]):
    SCOPE = "help"
    BINDINGS = bindings("help")

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 100; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen Static { width: 100%; height: auto; }
    """

    def __init__(self, title: str, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim", no_wrap=True)  # the id to remap it with in [keymap]
        for keys, what, binding_id in self.rows:
            table.add_row(Text(keys), Text(what), Text(binding_id))
        with VerticalScroll() as scroll:
            scroll.border_title = f"Keys: {self.title_text}"
            # (a border title is markup: the brackets of [keymap] are escaped)
            scroll.border_subtitle = escape("right: ids for [keymap] in config.toml") + (
                " · esc / q / ? closes"
            )
            yield Static(table)
