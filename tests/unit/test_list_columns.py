"""The article list's columns at different terminal widths."""

from reader.ui.widgets.article_list import Columns


def test_a_narrow_list_gives_way_to_the_title() -> None:
    """QA: at 70 columns the title had 23 cells beside wide outlet/date/length columns."""
    wide, medium, narrow = (Columns.for_width(w) for w in (120, 70, 48))
    assert wide.outlet and wide.date and wide.length
    assert medium.length == 0 and medium.outlet and medium.date and medium.title >= 30
    assert narrow.outlet == narrow.date == narrow.length == 0 and narrow.title >= 30
    for width, columns in ((120, wide), (70, medium), (48, narrow)):
        cells = columns.cells("s1 ×2", "A title", "Outlet", "2026-03-11", "31 w")
        assert len("   " + "  ".join(cells)) == width
