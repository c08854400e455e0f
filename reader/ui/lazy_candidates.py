"""The compare picker's candidates from the app's entries, texts loaded only when needed."""

from __future__ import annotations

from collections.abc import Sequence

from reader.model import Article
from reader.ui.compare.picker import LazyCandidates
from reader.ui.entries import Entry


class EntryCandidates(LazyCandidates):
    """``entries`` as compare candidates: titles and stories from the list, texts on demand."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, index: int) -> Article:  # type: ignore[override]
        return self.entries[index].article

    def title(self, index: int) -> str:
        return self.entries[index].title

    def stand_in(self, index: int) -> Article:
        entry = self.entries[index]
        return Article(
            title=entry.title, paragraphs=[], source=entry.outlet or None, date=entry.date or None
        )

    def story(self, index: int) -> int | None:
        return self.entries[index].story
