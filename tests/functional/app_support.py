"""Shared bits for the app's Pilot tests: small articles and reading what a widget shows."""

from __future__ import annotations

from textual.widget import Widget

from reader.model import Article, RemovedLine


def visible_lines(widget: Widget) -> list[str]:
    """The text of each line the widget paints right now (what the user sees in it)."""
    height = widget.scrollable_content_region.height
    return [widget.render_line(y).text.rstrip() for y in range(height)]


async def settled(pilot, timeout: float = 10.0) -> None:
    """Wait until the app has loaded its articles and grouped them into stories."""
    waited = 0.0
    while not pilot.app.stories_settled and waited < timeout:
        await pilot.pause(0.05)
        waited += 0.05
    assert pilot.app.stories_settled, "story grouping did not finish"
    await pilot.pause()


def sample_articles() -> list[Article]:
    """Five small articles: two outlets share a story, one carries markup-like text."""
    return [
        Article(
            title="Bridge closed after flood",
            paragraphs=[
                "The Haldane Bridge in Velmora closed after the River Tesk flood, Tesk Valley"
                " Railways and engineer Miriam Okafor said; trains to Port Annick stopped.",
                *(f"Bridge paragraph {n} about the flood and the river." for n in range(1, 40)),
            ],
            source="Valley Courier",
            date="2026-03-10",
            byline="Ana Ribeiro",
            url="https://example.org/bridge",
            removed=[
                RemovedLine("Share 1.2K Tweet Email", "share counts", 0),
                RemovedLine("READ MORE: cycle lanes", "promo", 2),
                RemovedLine("Post Comment", "comment form", 40),
            ],
        ),
        Article(
            title="Flood shuts rail line for six weeks",
            paragraphs=[
                "The Haldane Bridge rail line in Velmora will stay closed after the River Tesk"
                " flood, Tesk Valley Railways said.",
                "Buses will replace trains between Velmora and Port Annick, Miriam Okafor said.",
            ],
            source="Coast Wire",
            date="2026-03-11",
            byline="Daniel Hart",
        ),
        Article(
            title="Apple harvest starts early",
            paragraphs=["Growers began picking a week early."],
            source="Farm Weekly",
            date="2026-02-01",
        ),
        Article(
            title="[bold]Not bold[/bold] and [red]not red",
            paragraphs=["Literal [bold]markup[/bold] and \x1b[31mescape\x1b[0m stay text."],
            source="[i]Outlet[/i]",
            date="2025-12-24",
        ),
        Article(
            title="Zebra crossing repainted",
            paragraphs=["Workers repainted the crossing on Main Street. " * 30],
            source="Town Herald",
        ),
    ]
