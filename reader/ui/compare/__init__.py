"""The compare view: pick a second article, then read both aligned side by side.

``pick_and_compare(app, a, candidates)`` pushes the picker and then ``CompareScreen(a, b)``.
"""

from reader.ui.compare.picker import ComparePicker, pick_and_compare, rank_candidates
from reader.ui.compare.screen import CompareScreen

__all__ = ["CompareScreen", "ComparePicker", "pick_and_compare", "rank_candidates"]
