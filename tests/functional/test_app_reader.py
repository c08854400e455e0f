"""The reader, walked with the keyboard through Pilot."""

from __future__ import annotations

from reader.config import Config
from reader.ui.app import NewsReaderApp
from reader.ui.screens.reader_screen import ReaderScreen
from reader.ui.widgets.article_view import ArticleView
from tests.functional.app_support import sample_articles, visible_lines

SIZE = (120, 40)


def view(app: NewsReaderApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def shown(app: NewsReaderApp) -> list[str]:
    return [line.strip() for line in visible_lines(view(app))]


async def open_bridge(pilot) -> None:
    await pilot.pause()
    await pilot.press("j", "enter")  # the list starts on the newest; Bridge is second
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReaderScreen)


async def test_header_shows_title_outlet_date_byline_then_the_text() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await open_bridge(pilot)
        lines = shown(app)
        assert lines[0] == "Bridge closed after flood"
        assert lines[1].startswith("Valley Courier · 2026-03-10 · By Ana Ribeiro · 375 words")
        assert lines[2] == "https://example.org/bridge"
        assert set(lines[3]) == {"─"}
        assert lines[5].startswith("The Haldane Bridge in Velmora closed after the River Tesk")
        assert not any("Share 1.2K" in line for line in lines)  # removed lines hidden


async def test_text_is_a_centred_column_no_wider_than_the_config_says() -> None:
    config = Config(max_width=40)
    app = NewsReaderApp(articles=sample_articles(), config=config)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "enter")  # Zebra: one long paragraph
        await pilot.pause()
        raw = visible_lines(view(app))
        body = [line for line in raw[raw.index(raw[2]) + 1 :] if line.strip()]  # after the rule
        assert len(body) > 5
        width = view(app).scrollable_content_region.width
        left = (width - 40) // 2
        assert all(line.startswith(" " * left) and len(line) <= left + 40 for line in body)
        assert body[0][left] == "W"


async def test_r_shows_removed_lines_in_place_with_their_reason() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await open_bridge(pilot)
        await pilot.press("r")
        lines = shown(app)
        share = lines.index("✂ Share 1.2K Tweet Email  (share counts)")
        assert lines[share + 2].startswith("The Haldane Bridge in Velmora")
        promo = lines.index("✂ READ MORE: cycle lanes  (promo)")
        assert lines[promo - 2] == "Bridge paragraph 1 about the flood and the river."
        assert lines[promo + 2] == "Bridge paragraph 2 about the flood and the river."
        await pilot.press("G")
        assert "✂ Post Comment  (comment form)" in shown(app)  # after the last paragraph
        await pilot.press("r")
        assert not any(line.startswith("✂") for line in view(app).lines_text)


async def test_paging_moves_a_screenful_at_once_without_animation() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await open_bridge(pilot)
        article_view = view(app)
        page = article_view.scrollable_content_region.height - 1
        await pilot.press("pagedown")
        assert article_view.scroll_y == page  # already there: no animation in flight
        await pilot.press("pageup", "j", "j", "k")
        assert article_view.scroll_y == 1
        await pilot.press("space")
        assert article_view.scroll_y == 1 + page
        await pilot.press("G")
        assert article_view.scroll_y == article_view.max_scroll_y > 0
        await pilot.press("g")
        assert article_view.scroll_y == 0


async def test_J_and_K_step_through_the_list_order_and_mark_read() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app)[0] == "Flood shuts rail line for six weeks"
        await pilot.press("J")
        assert shown(app)[0] == "Bridge closed after flood"
        await pilot.press("J", "J")
        assert shown(app)[0] == "[bold]Not bold[/bold] and [red]not red"
        await pilot.press("K")
        assert shown(app)[0] == "Apple harvest starts early"
        await pilot.press("J", "J", "J")  # past the end: stays, says so
        assert shown(app)[0] == "Zebra crossing repainted"
        assert any("No more articles" in n.message for n in app._notifications)
        read = [entry.title for entry in app.entries if entry.read]
        assert len(read) == 5
        await pilot.press("q")
        await pilot.pause()
        assert app.screen.query_one("ArticleList").current_entry.title.startswith("Zebra")


async def test_markup_and_escape_sequences_in_an_article_are_shown_as_text() -> None:
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
        lines = shown(app)
        assert lines[0] == "[bold]Not bold[/bold] and [red]not red"
        assert lines[1].startswith("[i]Outlet[/i] · 2025-12-24")
        assert "Literal [bold]markup[/bold] and ␛[31mescape␛[0m stay text." in lines
        row = next(y for y, line in enumerate(lines) if line.startswith("Literal"))
        strip = view(app).render_line(row)
        assert not any(segment.style and segment.style.bold for segment in strip)  # not obeyed
        assert all("\x1b" not in segment.text for segment in strip)


async def test_o_opens_the_url_in_a_browser_thread(monkeypatch) -> None:
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    app = NewsReaderApp(articles=sample_articles())
    async with app.run_test(size=SIZE) as pilot:
        await open_bridge(pilot)
        await pilot.press("o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert opened == ["https://example.org/bridge"]
        keys = [active.binding.action for active in app.screen.active_bindings.values()]
        assert "open_url" in keys
        await pilot.press("K", "o")  # the wire story has no URL: "Open URL" is not offered
        await pilot.pause()
        assert opened == ["https://example.org/bridge"]
        keys = [active.binding.action for active in app.screen.active_bindings.values()]
        assert "open_url" not in keys and "next_article" in keys


def test_plain_wrap_matches_cells_and_folds_long_words() -> None:
    from rich.cells import cell_len

    from reader.ui.widgets.article_view import wrap_plain

    text = "Le président a dit 東京 est une ville " * 20 + "x" * 130
    lines = wrap_plain(text, 40)
    assert all(cell_len(line) <= 40 for line in lines)
    assert " ".join(lines).split() == text.split()[:-1] + ["x" * 40] * 3 + ["x" * 10]
    assert wrap_plain("", 10) == [""]
    assert wrap_plain("one\ntwo", 10) == ["one", "two"]


def test_removed_lines_wrap_under_the_mark_with_the_reason_at_the_end() -> None:
    from rich.cells import cell_len

    from reader.ui.widgets.article_view import wrap_removed

    assert wrap_removed("Share 1.2K", "(share counts)", 40) == [
        ("✂ Share 1.2K  (share counts)", len("✂ Share 1.2K"))
    ]
    lines = wrap_removed("word " * 30 + "東京", "(a reason too long to fit)", 30)
    assert all(cell_len(line) <= 28 for line, _ in lines)
    assert lines[0][0].startswith("✂ word") and all(x.startswith("  ") for x, _ in lines[1:])
    assert lines[-1] == ("  (a reason too long to fit)", 2)  # on a line of its own
    assert all(at == -1 for _, at in lines[:-1])
    assert " ".join(line for line, _ in lines).split()[1:-6] == ("word " * 30 + "東京").split()


async def test_tens_of_thousands_of_removed_lines_are_laid_out_off_the_ui_thread() -> None:
    from reader.model import Article, RemovedLine
    from reader.ui.widgets.article_view import ASYNC_BLOCKS

    count = ASYNC_BLOCKS + 1000
    article = Article(
        title="Huge",
        paragraphs=[f"Paragraph {n} of the story." for n in range(200)],
        removed=[RemovedLine(f"Share line {n}", "share counts", n % 200) for n in range(count)],
    )
    app = NewsReaderApp(articles=[article])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        top = view(app)._block_at_top()
        await pilot.press("r")  # returns at once; the wrap runs in a thread
        for _ in range(500):
            if not view(app).laying_out:
                break
            await pilot.pause(0.02)
        assert not view(app).laying_out
        text = view(app).lines_text
        assert sum(line.startswith("✂ Share line") for line in text) == count
        assert view(app)._block_at_top() == top  # still at the same paragraph
        reasons = [
            segment
            for y in range(view(app).scrollable_content_region.height)
            for segment in view(app).render_line(y)
            if "(share counts)" in segment.text
        ]
        assert reasons and all(segment.style.italic for segment in reasons)
        await pilot.press("r")
        assert not view(app).laying_out  # without the removed lines it is small again
        assert not any(line.startswith("✂") for line in view(app).lines_text)
        assert view(app)._block_at_top() == top
