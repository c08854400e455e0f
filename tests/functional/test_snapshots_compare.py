"""SVG snapshots of the compare screen (fixture articles and alignment: deterministic)."""

from __future__ import annotations

from textual.app import App

from reader.ui.compare import CompareScreen
from tests.functional.compare_data import build_alignment, make_articles


class SnapshotCompareApp(App[None]):
    def on_mount(self) -> None:
        a, b = make_articles()
        self.push_screen(CompareScreen(a, b, aligner=build_alignment))


async def _aligned(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_compare_screen_120x40(snap_compare) -> None:
    assert snap_compare(SnapshotCompareApp(), terminal_size=(120, 40), run_before=_aligned)


def test_compare_screen_narrow_70x30_is_unified(snap_compare) -> None:
    assert snap_compare(SnapshotCompareApp(), terminal_size=(70, 30), run_before=_aligned)


def test_compare_screen_after_moving_to_a_moved_passage(snap_compare) -> None:
    # The current row (gutter highlight) on a moved passage, after `m`.
    assert snap_compare(
        SnapshotCompareApp(), terminal_size=(120, 40), press=["m"], run_before=_aligned
    )
