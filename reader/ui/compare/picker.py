"""Choosing the second article: candidates sorted by similarity, same story first."""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Article
from reader.ui.compare.layout import printable

StoryOf = Callable[[Article], int | None]

# An OptionList of tens of thousands of entries is slow to build; nobody scrolls that far.
MAX_SHOWN = 300
# With lazy texts: same-story candidates whose texts are loaded to rank them (the rest by title).
MAX_LOADED = 200
TITLE_CHUNK = 5000  # titles scored per call (~20 ms holding the GIL), so the UI stays responsive
# The closest candidates by words are aligned with the target, so the list says how much text
# they really share (QA: the first entry could share none), and is ordered by it.
MAX_ALIGNED = 12
MAX_ALIGNED_CHARS = 200_000  # longer pairs are left to the word score (~0.1 s to align each)


class LazyCandidates(Sequence[Article]):
    """Candidates whose texts load on demand (a big library): ``[i]`` is the full article
    (it may read the library, from any thread); the other methods are cheap.

    The picker ranks the candidates of the target's story by their texts (at most
    ``MAX_LOADED`` loaded) and all others by title, so it never loads the whole library.
    """

    def __len__(self) -> int:
        raise NotImplementedError

    def __getitem__(self, index: int) -> Article:  # type: ignore[override]
        raise NotImplementedError

    def title(self, index: int) -> str:
        raise NotImplementedError

    def stand_in(self, index: int) -> Article:
        """Title, source and date without the text (what the picker shows)."""
        raise NotImplementedError

    def story(self, index: int) -> int | None:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int  # into the candidates given to the picker
    score: float  # 0-100
    same_story: bool
    by_title: bool = False  # ranked by title only (texts not loaded): the score is not shown
    # share of the target's text found in this one (the compare header's "% of A is in B"),
    # when aligned
    shared: float | None = None


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


def _best_titles(
    title: str, candidates: LazyCandidates, indexes: Sequence[int], limit: int
) -> list[tuple[int, float]]:
    """The ``limit`` of ``indexes`` with titles most like ``title``: (index, score) best first."""
    from rapidfuzz import fuzz, process, utils

    query = utils.default_process(title)
    best: list[tuple[float, int]] = []
    for start in range(0, len(indexes), TITLE_CHUNK):
        chunk = indexes[start : start + TITLE_CHUNK]
        choices = [candidates.title(i) for i in chunk]
        hits = process.extract(
            query,
            choices,
            scorer=fuzz.token_set_ratio,
            processor=utils.default_process,
            limit=limit,
        )
        best = heapq.nlargest(limit, [*best, *((score, -chunk[k]) for _, score, k in hits)])
        time.sleep(0)  # let the UI thread have the GIL between chunks
    return [(-negative, round(score, 1)) for score, negative in best]


def rank_lazy(
    target: Article,
    candidates: LazyCandidates,
    target_story: int | None,
    loaded_texts: dict[int, Article] | None = None,
) -> list[Candidate]:
    """Same story first, ranked by text (the first ``MAX_LOADED`` of them loaded), then the
    ``MAX_SHOWN`` others with the closest titles. Scores of the two groups are not comparable."""
    count = len(candidates)
    same = (
        []
        if target_story is None
        else [i for i in range(count) if candidates.story(i) == target_story]
    )
    loaded = same[:MAX_LOADED]
    texts = [candidates[i] for i in loaded]
    if loaded_texts is not None:  # for the caller: loading a text again may read the library
        loaded_texts.update(zip(loaded, texts, strict=True))
    ranked = [Candidate(loaded[k], score, True) for k, score in _rank(target, texts)]
    taken = set(loaded)
    rest = [i for i in range(count) if i not in taken]
    others = [
        Candidate(i, score, target_story is not None and candidates.story(i) == target_story, True)
        for i, score in _best_titles(target.title or "", candidates, rest, MAX_SHOWN)
    ]
    others.sort(key=lambda c: not c.same_story)  # stable: best title first within each
    return ranked + others


def measure_shared(
    target: Article, article_at: Callable[[int], Article], ranked: list[Candidate]
) -> list[Candidate]:
    """The first ``MAX_ALIGNED`` text-ranked candidates aligned with ``target``: each gets the
    share of the target's text it also has, and they are reordered by it (same story first)."""
    from reader.align import align

    head: list[Candidate] = []
    for candidate in ranked:
        if len(head) == MAX_ALIGNED or candidate.by_title:
            break
        other = article_at(candidate.index)
        shared = None
        if len(target.text) + len(other.text) <= MAX_ALIGNED_CHARS:
            shared = align(target.text, other.text).summary.a_in_b
        head.append(replace(candidate, shared=shared))
        time.sleep(0)  # let the UI thread have the GIL between alignments
    # stable: within equal shares (e.g. not aligned) the word ranking stays
    head.sort(key=lambda c: (not c.same_story, -(c.shared or 0.0)))
    return head + ranked[len(head) :]


class PickerOptions(OptionList, inherit_bindings=False):
    """The candidates: the list keys of the rest of the app (j/k, g/G), and none of the
    scroll-left/right keys an OptionList inherits (lines are cut to the box, not scrolled)."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False, id="compare_picker.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="compare_picker.up"),
        Binding("home,g", "first", "First", show=False, id="compare_picker.first"),
        Binding("end,G", "last", "Last", show=False, id="compare_picker.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="compare_picker.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="compare_picker.page_up"),
        Binding("enter", "select", "Compare", id="compare_picker.select"),
    ]


def _prompt(article: Article, candidate: Candidate) -> Text:
    # Only the aligned share is shown: it is the figure the compare view then gives (QA: word
    # and title scores under a "% in common" heading read as percentages, and were not).
    shown = f"{round(100 * candidate.shared):3d}%" if candidate.shared is not None else "    "
    line = Text(f"{shown}  ", style="bold", no_wrap=True, overflow="ellipsis")
    line.append(printable(article.display_title))
    details = ", ".join(part for part in (article.source, article.date) if part)
    if details:
        line.append(f"  —  {printable(details)}", style="italic")
    if candidate.same_story:
        line.append("  (same story)", style="dim")
    elif candidate.by_title:
        line.append("  (similar title)", style="dim")
    return line


class ComparePicker(ModalScreen[int | None]):
    """A list of candidates; enter takes the highlighted one (the closest at first).

    Ranking many candidates takes a moment, so it runs in a worker behind a loading indicator.
    """

    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding(
            "escape,q",
            "cancel",
            "Cancel",
            tooltip="Close without comparing",
            id="compare_picker.cancel",
        ),
        # a modal screen gets no app bindings but the system ones: `?` again
        Binding(
            "question_mark",
            "app.help",
            "Keys",
            show=False,
            tooltip="Show the keys of this screen",
            id="compare_picker.help",
        ),
    ]
    HELP_TITLE = "compare with…"

    def __init__(
        self, target: Article, candidates: Sequence[Article], story_of: StoryOf | None = None
    ) -> None:
        super().__init__()
        self.target = target
        self.candidates = candidates
        self.story_of = story_of
        self.ranked: list[Candidate] | None = None  # None while ranking

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            title = Text("Compare ", style="bold")
            title.append(printable(self.target.display_title), style="bold italic")
            title.append(" with…")
            title.append(
                "\nclosest first · % of this article's text the other has too"
                " · enter compares · escape cancels",
                style="dim",
            )
            yield Static(title, id="picker-title")
            yield LoadingIndicator(id="picker-loading")
            yield PickerOptions(id="picker-options")

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False
        self._rank()

    @work(thread=True, exclusive=True, group="compare-picker")
    def _rank(self) -> None:
        try:
            if isinstance(self.candidates, LazyCandidates):
                story = self.story_of(self.target) if self.story_of else None
                texts: dict[int, Article] = {}
                ranked = rank_lazy(self.target, self.candidates, story, texts)
                ranked = measure_shared(self.target, texts.__getitem__, ranked)
            else:
                ranked = rank_candidates(self.target, self.candidates, self.story_of)
                ranked = measure_shared(self.target, self.candidates.__getitem__, ranked)
        except Exception as error:  # a broken ranker must not take the app down
            ranked = []
            self.app.call_from_thread(self.notify, f"Could not rank articles: {error}")
        try:
            self.app.call_from_thread(self._show, ranked)
        except RuntimeError:
            pass  # the app closed meanwhile

    def _show(self, ranked: list[Candidate]) -> None:
        if not self.is_attached:
            return
        if not ranked:
            self.app.notify("There is no other article to compare with.", severity="warning")
            self.dismiss(None)
            return
        self.ranked = ranked[:MAX_SHOWN]
        self.query_one(LoadingIndicator).display = False
        options = self.query_one(OptionList)
        candidates = self.candidates
        if isinstance(candidates, LazyCandidates):  # never load texts just to show titles
            shown = [candidates.stand_in(c.index) for c in self.ranked]
        else:
            shown = [candidates[c.index] for c in self.ranked]
        options.add_options(
            [
                Option(_prompt(a, c), id=str(c.index))
                for a, c in zip(shown, self.ranked, strict=True)
            ]
        )
        options.display = True
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.ranked:
            self.dismiss(self.ranked[event.option_index].index)

    def action_cancel(self) -> None:
        self.dismiss(None)


def pick_and_compare(
    app: App, a: Article, candidates: Sequence[Article], story_of: StoryOf | None = None
) -> None:
    """Ask which article to compare ``a`` with, then open the compare screen on the pair.

    ``story_of`` (optional) gives an article's story id, so articles of the same story come first.
    ``candidates`` may be ``LazyCandidates`` (texts loaded on demand; ``a`` is not among them):
    only the chosen one and, for ranking, some of ``a``'s story are loaded.
    """
    from reader.ui.compare.screen import CompareScreen

    if isinstance(candidates, LazyCandidates):
        nothing = len(candidates) == 0
    else:
        nothing = not any(article is not a for article in candidates)
    if nothing:
        app.notify("There is no other article to compare with.", severity="warning")
        return

    def open_compare(choice: int | None) -> None:
        if choice is not None:
            app.push_screen(CompareScreen(a, candidates[choice]))

    app.push_screen(ComparePicker(a, candidates, story_of), open_compare)
