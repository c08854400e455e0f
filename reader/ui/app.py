"""The Textual app: holds the entries and the config, loads articles in workers, routes screens."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.config import Config, load_config, save_config
from reader.model import Article
from reader.ui.commands import BY_ID, COMMANDS, bindings, keymap_conflicts, unknown_keys
from reader.ui.entries import Entry, make_entries, set_stories
from reader.ui.library_actions import LibraryActions
from reader.ui.screens.list_screen import ListScreen
from reader.ui.sources import Loaded, load_library, load_paths, story_ids
from themes import DEFAULT_THEME, register_themes

MAX_ERROR_TOASTS = 4
T = TypeVar("T")


def palette_provider() -> type:
    """The palette's provider, imported when the palette first opens (textual.command is slow)."""
    from reader.ui.palette import NewsreaderCommands

    return NewsreaderCommands


def one_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class NewsReaderApp(LibraryActions, App[int]):
    TITLE = "newsreader"
    CSS_PATH = str(Path(__file__).with_name("app.tcss"))  # absolute: subclasses live elsewhere
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {palette_provider}

    def __init__(
        self,
        paths: Sequence[str | Path] = (),
        *,
        library: str | None = None,
        articles: Sequence[Article] | None = None,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.library = library
        self.config = config if config is not None else load_config()
        self.entries: list[Entry] = make_entries(articles) if articles is not None else []
        self.loading_message = "No articles." if articles is not None else "Loading articles…"
        self.origin = ""
        self.library_path: Path | None = None
        # "files", "library" or "demo" (the library is empty); known once the articles load
        self.kind = "files" if self.paths or articles is not None else "library"
        self.refreshing = False  # one feed refresh at a time
        self.refresh_status = ""  # its progress, shown in the list's status line
        self.stories_settled = False  # set once story grouping finished (or was not needed)
        self.loading_rest = False  # a big library's first rows are shown, the rest on its way
        register_themes(self)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        else:
            self.config.problems.append(f"config: unknown theme {self.config.theme!r}, ignored")
            self.theme = DEFAULT_THEME
        self._preloaded = articles is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A window of files has no feeds: refresh is not offered (footer, `?`, the key)."""
        if action == "refresh_feeds" and self.kind == "files":
            return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, less those our command list names too.

        Both offered "Quit", "Theme" and "Keys" (QA: each listed twice, with different help).
        """
        ours = {command.description for command in COMMANDS if command.palette}
        for command in super().get_system_commands(screen):
            if command.title not in ours:
                yield command

    # -- start-up ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._apply_keymap()
        for problem in self.config.problems:
            self.notify(problem, severity="warning", timeout=8)
        self.theme_changed_signal.subscribe(self, self._save_theme)
        self.push_screen(ListScreen())
        if self._preloaded:
            self.call_after_refresh(self._group_stories)
        else:
            self._load()

    def _apply_keymap(self) -> None:
        if not self.config.keymap:
            return
        known = set(BY_ID)
        from reader.ui.compare import COMPARE_BINDINGS  # remappable too

        known.update(binding_id for binding_id, _ in COMPARE_BINDINGS)
        unknown = [binding_id for binding_id in self.config.keymap if binding_id not in known]
        if unknown:
            self.notify(f"config: unknown binding ids {', '.join(unknown)}", severity="warning")
        for problem in [
            *unknown_keys(self.config.keymap),
            *keymap_conflicts(self.config.keymap, COMPARE_BINDINGS),
        ]:
            self.notify(problem, severity="warning", markup=False)
        self.set_keymap({k: v for k, v in self.config.keymap.items() if k in known})

    def _in_background(self, work: Callable[[], T], done: Callable[[T | Exception], None]) -> None:
        """Run ``work`` in a daemon thread and hand its result (or error) to ``done``.

        Not a Textual worker: those run in an executor that the interpreter joins at exit, so
        quitting during a long load or story grouping would hang until it finished.
        """

        def run() -> None:
            try:
                result: T | Exception = work()
            except Exception as error:  # reported by ``done``, never a traceback
                result = error
            self.call_if_open(done, result)

        threading.Thread(target=run, name="newsreader-background", daemon=True).start()

    def call_if_open(self, callback: Callable[..., object], *args: object) -> None:
        """``call_from_thread`` from a background thread, unless the app has closed meanwhile."""
        if not self.is_running:  # also spares an un-awaited coroutine warning
            return
        try:
            self.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # closed between the check and the call

    def _load(self) -> None:
        if self.paths:
            self._in_background(partial(load_paths, self.paths), self._loaded)
        else:
            first = partial(self.call_if_open, self._loaded_first)
            self._in_background(partial(load_library, self.library, first), self._loaded)

    def _loaded_first(self, loaded: Loaded) -> None:
        """A big library's newest rows: painted while the rest is read (sort, filter and
        marks work on them meanwhile; the whole list keeps what was set)."""
        self.loading_rest = True
        self.entries = loaded.entries
        self.origin = loaded.origin
        self.library_path = loaded.library_path
        self.kind = loaded.kind
        self._list_screen().show_entries(self.entries, self.loading_message)

    def _keep_shown_entries(self, entries: list[Entry]) -> None:
        """Rows shown while the rest loaded stay the same objects (marks set meanwhile, the
        cursor and any text already read stay with them)."""
        shown = {entry.library_id: entry for entry in self.entries}
        for position, entry in enumerate(entries):
            if not shown:
                break
            kept = shown.pop(entry.library_id, None)
            if kept is not None:
                kept.index = entry.index
                kept.story, kept.story_size = entry.story, entry.story_size
                kept.story_number = entry.story_number
                entries[position] = kept

    def still_loading(self) -> bool:
        """True (and says so) while a big library's rows are still being read."""
        if self.loading_rest:
            self.notify("Still reading the library; a moment…", timeout=3)
        return self.loading_rest

    def _loaded(self, loaded: Loaded | Exception) -> None:
        if isinstance(loaded, Exception):
            self.notify(f"Could not load articles: {one_line(loaded)}", severity="error")
            loaded = Loaded([], "")
        if self.loading_rest:
            self._keep_shown_entries(loaded.entries)
            self.loading_rest = False
        self.entries = loaded.entries
        self.origin = loaded.origin
        self.library_path = loaded.library_path
        self.kind = loaded.kind
        for note in loaded.notes:
            self.notify(note, timeout=6, markup=False)
        for error in loaded.errors[:MAX_ERROR_TOASTS]:  # file names are data, not markup
            self.notify(error, severity="error", timeout=10, markup=False)
        if len(loaded.errors) > MAX_ERROR_TOASTS:
            more = len(loaded.errors) - MAX_ERROR_TOASTS
            self.notify(f"… and {more} more files could not be read.", severity="error")
        self.loading_message = "No articles could be read."  # if the list mounts only now
        self._list_screen().show_entries(self.entries, self.loading_message)
        if loaded.stories_known:
            self.stories_settled = True
        else:
            self._group_stories()

    def _group_stories(self) -> None:
        if len(self.entries) < 2:
            self.stories_settled = True
        else:
            entries = self.entries
            done = partial(self._stories_grouped, entries)
            self._in_background(partial(story_ids, entries), done)

    def _stories_grouped(self, entries: list[Entry], ids: list[int] | None | Exception) -> None:
        if isinstance(ids, Exception):  # grouping is a nicety: never lose the list over it
            self.notify(f"Could not group stories: {one_line(ids)}", severity="error")
        elif ids is not None and entries is self.entries:
            set_stories(entries, ids)
            self._refresh_list()
        self.stories_settled = True

    # -- shared state -----------------------------------------------------------------------
    def _list_screen(self) -> ListScreen:
        for screen in self.screen_stack:
            if isinstance(screen, ListScreen):
                return screen
        raise LookupError("the list screen is not open")

    def _refresh_list(self) -> None:
        self._list_screen().refresh_rows()

    def list_cursor_to(self, index: int) -> None:
        self._list_screen().article_list.select_entry(index)

    # -- navigation -------------------------------------------------------------------------
    def open_reader(self, index: int, order: list[int]) -> None:
        from reader.ui.screens.reader_screen import ReaderScreen

        entries = self.entries
        self.push_screen(ReaderScreen(entries[index], [entries[i] for i in order]))

    def compare(self, index: int) -> None:
        try:
            from reader.ui.compare import pick_and_compare
        except ImportError:
            self.notify("The compare view is not available in this build.", severity="warning")
            return
        if self.still_loading():
            return
        if len(self.entries) < 2:
            self.notify("Compare needs at least two articles.", severity="warning")
            return
        target = self.entries[index]
        article = target.article
        if self.kind == "library":  # texts load on demand: only what the picker needs
            from reader.ui.lazy_candidates import EntryCandidates

            lazy = EntryCandidates([entry for entry in self.entries if entry is not target])
            story = target.story
            pick_and_compare(
                self, article, lazy, story_of=lambda a: story if a is article else None
            )
            return
        others = [entry.article for entry in self.entries if entry.index != index]
        # Articles of the same story come first in the picker (ids: Article is not hashable).
        story_by_article = {id(entry.article): entry.story for entry in self.entries}
        pick_and_compare(self, article, others, story_of=lambda a: story_by_article.get(id(a)))

    def action_back(self) -> None:
        if isinstance(self.screen, ListScreen) or len(self.screen_stack) <= 2:
            self.exit(0)
        else:
            self.pop_screen()

    def action_help(self) -> None:
        from reader.ui.screens.help_screen import HelpScreen, help_rows

        screen = self.screen
        if getattr(screen, "SCOPE", None) == "help":
            screen.dismiss()
            return
        title = getattr(screen, "HELP_TITLE", type(screen).__name__)
        self.push_screen(HelpScreen(title, help_rows(screen)))

    def _save_theme(self, theme: object) -> None:
        name = self.theme
        if name == self.config.theme:
            return
        self.config.theme = name
        try:
            save_config(self.config)
        except (OSError, ValueError) as error:
            self.notify(f"Theme not saved: {error}", severity="warning")
