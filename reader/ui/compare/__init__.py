"""The compare view: pick a second article, then read both aligned side by side.

``pick_and_compare(app, a, candidates, story_of=None)`` pushes the picker and then
``CompareScreen(a, b)``. ``BINDING_IDS`` lists the ids of every compare binding (all
``compare.*`` / ``compare_picker.*``), for a ``[keymap]`` that wants to check them.
"""

from reader.ui.compare.panes import ComparePanes
from reader.ui.compare.picker import ComparePicker, pick_and_compare, rank_candidates
from reader.ui.compare.screen import CompareScreen

BINDING_IDS: tuple[str, ...] = tuple(
    binding.id  # type: ignore[union-attr]
    for binding in (*CompareScreen.BINDINGS, *ComparePanes.BINDINGS, *ComparePicker.BINDINGS)
    if getattr(binding, "id", None)
)

__all__ = ["BINDING_IDS", "CompareScreen", "ComparePicker", "pick_and_compare", "rank_candidates"]
