"""Textual's footer, leaving out the keys that do not fit whole.

Textual's footer cuts its last key wherever the width ends ("d Delet", "? Key"), under the
command palette key docked on the right. Here a key that would be cut is not shown at all; the
keys left out are still listed by `?` (whose key always stays) and the palette, and come back
when the terminal widens.
"""

from __future__ import annotations

from textual import events
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class FittedFooter(Footer):
    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and self.app.screen is not self.screen:
            # A modal screen covers ours (`?`, a question): keep the fitted keys. Recomposed
            # now, they could not be measured (a covered screen is not laid out) and were
            # drawn cut ("d Delet"). Our screen's bindings change again when it is back.
            return
        super().bindings_changed(screen)  # recomposes after the next refresh
        self.call_after_refresh(self._refit)

    def on_resize(self, _event: events.Resize) -> None:
        self._refit()

    def _refit(self) -> None:
        """Show every key, then, once laid out, hide those that would be cut."""
        for key in self.query(FooterKey):
            key.display = True
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        keys = list(self.query(FooterKey))
        docked = [key for key in keys if key.has_class("-command-palette")]
        keys = [key for key in keys if key not in docked and key.region.width]
        if not keys:
            return
        limit = docked[0].region.x if docked else self.region.right
        if keys[-1].region.right <= limit:
            return  # all fit
        # Each key's cells with the gap after it (the CSS margins), from where the next starts.
        gap = keys[1].region.x - keys[0].region.right if len(keys) > 1 else 0
        cells = {key: key.region.width + gap for key in keys}
        budget = limit - keys[0].region.x
        # The key to the keys screen stays: it lists the ones left out here.
        kept = {key for key in keys if key.action == "help"}
        budget -= sum(cells[key] for key in kept)
        for key in keys:
            if key not in kept and cells[key] - gap <= budget:
                kept.add(key)
                budget -= cells[key]
        for key in keys:
            key.display = key in kept
