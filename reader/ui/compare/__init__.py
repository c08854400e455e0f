"""The compare view: pick a second article, then read both aligned side by side.

``pick_and_compare(app, a, candidates, story_of=None)`` pushes the picker and then
``CompareScreen(a, b)``. ``BINDING_IDS`` lists the ids of every compare binding (all
``compare.*`` / ``compare_picker.*``), for a ``[keymap]`` that wants to check them.
"""

from reader.ui.compare.panes import ComparePanes
from reader.ui.compare.picker import (
    ComparePicker,
    PickerOptions,
    pick_and_compare,
    rank_candidates,
)
from reader.ui.compare.screen import CompareScreen

# (binding id, default keys) of every compare binding, the picker's list included
COMPARE_BINDINGS: tuple[tuple[str, str], ...] = tuple(
    (binding.id, binding.key)  # type: ignore[union-attr]
    for binding in (
        *CompareScreen.BINDINGS,
        *ComparePanes.BINDINGS,
        *ComparePicker.BINDINGS,
        *PickerOptions.BINDINGS,
    )
    if getattr(binding, "id", None)
)
BINDING_IDS: tuple[str, ...] = tuple(binding_id for binding_id, _ in COMPARE_BINDINGS)

__all__ = [
    "BINDING_IDS",
    "COMPARE_BINDINGS",
    "CompareScreen",
    "ComparePicker",
    "pick_and_compare",
    "rank_candidates",
]
