"""Messages the app's widgets and screens send each other."""

from __future__ import annotations

from textual.message import Message


class OpenArticle(Message):
    """Open entry ``index`` (an index into the app's entries) in the reader."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class EntriesChanged(Message):
    """The app's entries were replaced or their stories/read marks changed."""


class FilterShown(Message):
    """The list shows the rows of a filter that was worked out in a thread."""
