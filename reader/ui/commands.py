"""Every command of the app, in one list: the bindings, the footer, `?` and the palette read it.

A command has a binding id (``scope.name``) that ``[keymap]`` in the config can remap, default
keys, the action it runs and the words shown for it. ``scope`` says where it lives: "app" commands
work everywhere, "list" and "reader" ones on that screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True, slots=True)
class AppCommand:
    id: str
    keys: str  # Textual key names, comma-separated ("" = palette only)
    action: str
    description: str  # short: the footer and `?`
    help: str  # one sentence: the palette and `?`
    footer: bool = True
    palette: bool = True
    priority: bool = False

    @property
    def scope(self) -> str:
        return self.id.split(".", 1)[0]


COMMANDS: tuple[AppCommand, ...] = (
    # everywhere
    AppCommand("app.quit", "ctrl+q", "quit", "Quit", "Leave newsreader", priority=True),
    AppCommand("app.back", "q", "back", "Back", "Go back (quits from the list)"),
    AppCommand("app.help", "question_mark", "help", "Keys", "Show the keys of this screen"),
    AppCommand("app.theme", "", "change_theme", "Theme", "Choose the colour theme"),
    AppCommand(
        "app.refresh", "R", "refresh_feeds", "Refresh", "Fetch new articles from your feeds"
    ),
    # the article list
    AppCommand("list.open", "enter", "open", "Read", "Read the highlighted article"),
    AppCommand("list.down", "j,down", "cursor_down", "Down", "Next article", footer=False),
    AppCommand("list.up", "k,up", "cursor_up", "Up", "Previous article", footer=False),
    AppCommand("list.top", "g,home", "cursor_top", "Top", "First article", footer=False),
    AppCommand("list.bottom", "G,end", "cursor_bottom", "End", "Last article", footer=False),
    AppCommand("list.page_down", "pagedown", "page_down", "Page down", "One page down", False),
    AppCommand("list.page_up", "pageup", "page_up", "Page up", "One page up", footer=False),
    # priority: "/" must move the focus before the next key of the same burst is handled
    AppCommand(
        "list.filter",
        "slash",
        "filter",
        "Search",
        "Search titles and outlets (fuzzy) and the library's full text",
        priority=True,
    ),
    AppCommand(
        "list.sort", "s", "cycle_sort", "Sort", "Sort by date, title, outlet, length or story"
    ),
    AppCommand("list.toggle_read", "m", "toggle_read", "Read/unread", "Mark read or unread"),
    AppCommand("list.compare", "c", "compare", "Compare", "Compare with another article"),
    AppCommand("list.star", "f,asterisk", "star", "Star", "Star or unstar the article"),
    AppCommand(
        "list.starred", "F", "toggle_starred", "Starred", "Show only starred, or all", False
    ),
    AppCommand("list.delete", "d,delete", "delete", "Delete", "Delete the article (asks first)"),
    # the reader
    AppCommand("reader.down", "j,down", "scroll_down", "Down", "Scroll one line", footer=False),
    AppCommand("reader.up", "k,up", "scroll_up", "Up", "Scroll back one line", footer=False),
    AppCommand("reader.page_down", "pagedown,space", "page_down", "Page", "One page down", False),
    AppCommand("reader.page_up", "pageup,b", "page_up", "Page up", "One page up", footer=False),
    AppCommand("reader.top", "g,home", "top", "Top", "Start of the article", footer=False),
    AppCommand("reader.bottom", "G,end", "bottom", "End", "End of the article", footer=False),
    AppCommand("reader.next", "J", "next_article", "Next", "Next article in the list"),
    AppCommand("reader.previous", "K", "previous_article", "Prev", "Previous article"),
    AppCommand("reader.removed", "r", "toggle_removed", "Removed", "Show what the cleaner removed"),
    AppCommand("reader.open_url", "o", "open_url", "Open URL", "Open the article in a browser"),
    AppCommand("reader.compare", "c", "compare", "Compare", "Compare with another article"),
    AppCommand("reader.star", "f,asterisk", "star", "Star", "Star or unstar the article"),
    AppCommand(
        "reader.delete", "d,delete", "delete", "Delete", "Delete the article (asks first)", False
    ),
    # the delete question
    AppCommand("confirm.yes", "y", "answer(True)", "Yes", "Yes, delete it", palette=False),
    AppCommand("confirm.no", "n,escape,enter", "answer(False)", "No", "No, keep it", palette=False),
    # modal screens get no app bindings but the system ones: `?` again, for the question
    AppCommand(
        "confirm.help", "question_mark", "app.help", "Keys", "Show these keys", palette=False
    ),
    # the help screen
    AppCommand("help.close", "escape,q,question_mark", "dismiss", "Close", "Close", palette=False),
)

BY_ID: dict[str, AppCommand] = {command.id: command for command in COMMANDS}


def commands_for(scope: str) -> Iterator[AppCommand]:
    return (command for command in COMMANDS if command.scope == scope)


def bindings(scope: str) -> list[Binding]:
    """The Textual bindings of one scope (each with its id, so the keymap can remap it)."""
    return [
        Binding(
            command.keys,
            command.action,
            command.description,
            show=command.footer,
            priority=command.priority,
            tooltip=command.help,
            id=command.id,
        )
        for command in commands_for(scope)
        if command.keys
    ]


def key_display(screen: Screen, command: AppCommand) -> str:
    """The keys the command has right now on ``screen`` (after any keymap remap)."""
    keys = [
        screen.app.get_key_display(active.binding)
        for active in screen.active_bindings.values()
        if active.binding.id == command.id
    ]
    return " ".join(dict.fromkeys(keys))


def split_keys(keys: str) -> list[str]:
    """The key names of a bindings string ("j, down" -> ["j", "down"])."""
    return [key for key in (k.strip() for k in keys.split(",")) if key]


# Screens get the app's bindings too (a screen's own binding wins), modal ones do not.
SCREENS_WITH_APP_KEYS = ("list", "reader", "compare")


def keymap_conflicts(keymap: dict[str, str], others: Iterable[tuple[str, str]] = ()) -> list[str]:
    """One line per key the keymap gives to a second command where both would answer it
    (same screen, or a screen and the app): the other command silently lost that key.
    ``others``: (binding id, default keys) of bindings outside ``COMMANDS`` (the compare
    screen's); a binding's screen is its id's prefix."""
    defaults = [(command.id, command.keys) for command in COMMANDS] + list(others)
    holders: dict[tuple[str, str], list[str]] = {}
    for binding_id, keys in defaults:
        scope = binding_id.split(".", 1)[0]
        for key in split_keys(keymap.get(binding_id, keys)):
            holders.setdefault((scope, key), []).append(binding_id)
    problems: list[str] = []
    for (scope, key), ids in holders.items():
        if scope == "app":
            continue
        sharing = ids + (holders.get(("app", key), []) if scope in SCREENS_WITH_APP_KEYS else [])
        remapped = [binding_id for binding_id in sharing if binding_id in keymap]
        if len(sharing) < 2 or not remapped:
            continue
        if len(remapped) == 1:  # a remapped binding takes the key from the defaults
            losing = " and ".join(b for b in sharing if b not in remapped)
            problems.append(f"config: key {key} now runs {remapped[0]}; {losing} loses it")
        else:
            problems.append(
                f"config: key {key} is given to {' and '.join(sharing)}; only one works"
            )
    return problems


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def is_key_name(key: str) -> bool:
    """Whether Textual knows ``key`` ("x", "ctrl+x", "pagedown", "question_mark", "f5")."""
    from textual.keys import KEY_ALIASES, KEY_NAME_REPLACEMENTS, Keys, key_to_character

    *modifiers, base = key.split("+")
    if not base or not _MODIFIERS.issuperset(modifiers):
        return False
    if len(base) == 1 or base in KEY_ALIASES or base in KEY_NAME_REPLACEMENTS.values():
        return True
    names = {member.value for member in Keys}
    if base in names or key in names:
        return True
    try:
        return key_to_character(base) is not None  # a character's Unicode name
    except (KeyError, ValueError):
        return False


def unknown_keys(keymap: dict[str, str]) -> list[str]:
    """One line per key name in the keymap that no key press can produce."""
    return [
        f"config: [keymap] {binding_id}: unknown key {key!r}"
        for binding_id, keys in keymap.items()
        for key in split_keys(keys)
        if not is_key_name(key)
    ]
