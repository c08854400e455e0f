"""The palette's own provider: the app's commands (``commands.COMMANDS``) and its themes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from reader.ui.commands import COMMANDS, key_display


class NewsreaderCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        app = self.app
        scope = getattr(screen, "SCOPE", None)
        for command in COMMANDS:
            if not command.palette or command.scope not in ("app", scope):
                continue
            target = app if command.scope == "app" else screen
            if target.check_action(command.action, ()) is False:
                continue  # not offered here (refresh in a window of files, no URL to open)
            keys = key_display(screen, command) if command.keys else ""
            # the palette reads help as markup: escape it ("[" and "/" are real keys)
            help_text = escape(f"{command.help} · key {keys}" if keys else command.help)
            yield command.description, help_text, partial(target.run_action, command.action)
        from themes import THEMES

        for theme in THEMES:
            yield (
                f"Theme: {theme.name.removeprefix('newsreader-')}",
                f"Switch to the {theme.name} theme (saved in your config)",
                partial(setattr, app, "theme", theme.name),
            )

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
