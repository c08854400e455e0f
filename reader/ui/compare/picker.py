"""Choosing the second article: candidates sorted by similarity, same story first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Article

StoryOf = Callable[[Article], int | None]

# An OptionList of tens of thousands of entries is slow to build; nobody scrolls that far.
MAX_SHOWN = 300


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int  # into the candidates given to the picker
    score: float  # 0-100
    same_story: bool


def _similarity_text(article: Article) -> str:
    first = article.paragraphs[0] if article.paragraphs else ""
    return f"{article.title} {first[:400]}".lower()


def _fallback_rank(target: Article, candidates: Sequence[Article]) -> list[tuple[int, float]]:
    """Titles and first paragraphs by token-set similarity (used until reader.similarity exists)."""
    from rapidfuzz import fuzz

    query = _similarity_text(target)
    scored = [
        (index, float(fuzz.token_set_ratio(query, _similarity_text(article))))
        for index, article in enumerate(candidates)
    ]
    scored.sort(key=lambda item: -item[1])
    return scored


def _rank(target: Article, candidates: Sequence[Article]) -> list[tuple[int, float]]:
    try:
        from reader.similarity import rank_by_similarity
    except ImportError:
        return _fallback_rank(target, candidates)
    return list(rank_by_similarity(target, candidates))


def rank_candidates(
    target: Article, candidates: Sequence[Article], story_of: StoryOf | None = None
) -> list[Candidate]:
    """Every candidate except ``target`` itself, same story first, then most similar first."""
    target_story = story_of(target) if story_of else None
    ranked: list[Candidate] = []
    for index, score in _rank(target, candidates):
        article = candidates[index]
        if article is target:
            continue
        same = target_story is not None and story_of is not None
        same = same and story_of(article) == target_story
        ranked.append(Candidate(index, score, same))
    ranked.sort(key=lambda c: (not c.same_story, -c.score))  # stable: ties keep the ranker's order
    return ranked


def _prompt(article: Article, candidate: Candidate) -> Text:
    line = Text(f"{candidate.score:3.0f}  ", style="bold", no_wrap=True, overflow="ellipsis")
    line.append(article.title or "(untitled)")
    details = ", ".join(part for part in (article.source, article.date) if part)
    if details:
        line.append(f"  —  {details}", style="italic")
    if candidate.same_story:
        line.append("  (same story)", style="dim")
    return line


class ComparePicker(ModalScreen[int | None]):
    """A list of candidates; enter takes the highlighted one (the closest at first)."""

    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", id="compare_picker.cancel"),
    ]

    def __init__(
        self, target: Article, candidates: Sequence[Article], ranked: Sequence[Candidate]
    ) -> None:
        super().__init__()
        self.target = target
        self.candidates = candidates
        self.ranked = list(ranked)[:MAX_SHOWN]

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            title = Text("Compare ", style="bold")
            title.append(self.target.title or "(untitled)", style="bold italic")
            title.append(" with…")
            title.append("\nclosest first · enter compares · escape cancels", style="dim")
            yield Static(title, id="picker-title")
            options = [
                Option(_prompt(self.candidates[c.index], c), id=str(c.index)) for c in self.ranked
            ]
            yield OptionList(*options, id="picker-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.ranked else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.ranked[event.option_index].index)

    def action_cancel(self) -> None:
        self.dismiss(None)


def pick_and_compare(
    app: App, a: Article, candidates: Sequence[Article], story_of: StoryOf | None = None
) -> None:
    """Ask which article to compare ``a`` with, then open the compare screen on the pair."""
    from reader.ui.compare.screen import CompareScreen

    ranked = rank_candidates(a, candidates, story_of)
    if not ranked:
        app.notify("There is no other article to compare with.", severity="warning")
        return

    def open_compare(choice: int | None) -> None:
        if choice is not None:
            app.push_screen(CompareScreen(a, candidates[choice]))

    app.push_screen(ComparePicker(a, candidates, ranked), open_compare)
