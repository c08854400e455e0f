"""A yes/no question in a small box over the current screen; anything but "yes" means no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.commands import BY_ID, bindings, key_display


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True only on the "yes" key; "no", escape and enter keep things as they are."""

    SCOPE = "confirm"
    HELP_TITLE = "question"
    BINDINGS = bindings("confirm")

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: auto; min-width: 40; max-width: 90%; height: auto;
        border: round $error; background: $surface; padding: 0 2;
    }
    ConfirmScreen #question { width: auto; max-width: 100%; }
    ConfirmScreen #answers { width: auto; color: $text-muted; margin-top: 1; }
    """

    def __init__(self, question: Content, yes: str = "delete", no: str = "keep") -> None:
        super().__init__()
        self.question = question  # Content: article titles inside are text, never markup
        self.yes_words = yes
        self.no_words = no

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Are you sure?"
            yield Static(self.question, id="question")
            yield Static(id="answers")

    def on_mount(self) -> None:
        yes = key_display(self, BY_ID["confirm.yes"]) or "y"
        no = key_display(self, BY_ID["confirm.no"]) or "n"
        answers = f"{yes}: {self.yes_words}    {no}: {self.no_words}"
        self.query_one("#answers", Static).update(Content(answers))

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
