"""Text in table cells that trafilatura leaves out: prose back in the article, data rows listed.

trafilatura runs with ``include_tables=False``: with tables on, it flattens every table into
"| cell | cell |" lines and, on pages whose article sits in a layout table, runs the headline
and all paragraphs of a cell into one line (and sometimes loses text next to the table). With
tables off it drops table cells it does not take for the main content without a trace. Here
the page is walked once (lxml, document order) and each cell's text that is not in
trafilatura's output is sorted:

- prose (a sentence's worth of words, mostly letters): old and layout-table sites put whole
  articles in ``<td>``; it goes back among the lines, where it stood, and the cleaner judges
  it like any other line (body, navigation, promo ...);
- anything else (a row of results, a grid of numbers, a menu cell) is listed as removed with
  the reason ``table``: a data table never becomes body text, and nothing disappears silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

TABLE_REASON = "table"
MAX_BLOCKS = 20_000  # like the cleaner's line limit: a giant page stays fast
_MIN_PROSE_WORDS = 8
_MIN_LETTER_WORDS = 0.6  # share of words with a letter in a prose cell ("10 7 23" has none)
_WORD_RE = re.compile(r"\S+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_BREAKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "blockquote",
     "section", "article", "header", "footer", "aside", "ul", "ol", "dl", "dt", "dd", "table",
     "pre", "figcaption", "main", "nav", "form", "hr", "caption"}
)  # fmt: skip
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_CELLS = frozenset({"td", "th"})


@dataclass(slots=True)
class _Block:
    text: str
    in_cell: bool
    row: int  # the <tr> it is in (cells of one row are listed together)


@dataclass(slots=True)
class TableText:
    """``lines`` with the dropped prose put back; ``rows``: (index in ``lines``, data row)."""

    lines: list[str]
    rows: list[tuple[int, str]]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _blocks(html: str) -> list[_Block]:
    """The page's visible text, one block per block element or cell, in document order."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    blocks: list[_Block] = []
    parts: list[str] = []
    state = {"cells": 0, "row": 0, "in_cell": False}

    def flush() -> None:
        text = " ".join(" ".join(parts).split())
        parts.clear()
        if text:
            blocks.append(_Block(text, bool(state["in_cell"]), int(state["row"])))
        state["in_cell"] = bool(state["cells"])

    def add(text: str | None) -> None:
        if text and text.strip():
            if not parts:
                state["in_cell"] = bool(state["cells"])
            parts.append(text)

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _HIDDEN:
                walker.skip_subtree()  # its "end" event still comes (and adds its tail)
                continue
            if tag in _BREAKS:
                flush()
            if tag == "tr":
                state["row"] += 1
            state["cells"] += tag in _CELLS
            add(element.text)
        else:
            if tag in _BREAKS:
                flush()
            state["cells"] -= tag in _CELLS
            add(element.tail)
        if len(blocks) > MAX_BLOCKS:
            break
    flush()
    return blocks


def _is_prose(text: str) -> bool:
    words = _WORD_RE.findall(text)
    if len(words) < _MIN_PROSE_WORDS:
        return False
    with_letters = sum(1 for word in words if _LETTER_RE.search(word))
    return with_letters >= _MIN_LETTER_WORDS * len(words)


def _dropped(
    blocks: list[_Block], lines: list[str], title: str | None
) -> Iterator[tuple[int, _Block]]:
    """(index in ``lines`` it stood before, block) for each cell text trafilatura left out."""
    title_key = _norm(title or "")
    positions: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        positions.setdefault(_norm(line), []).append(index)
    joined = "\n".join(positions)
    cursor = 0
    for block in blocks:
        key = _norm(block.text)
        found = [i for i in positions.get(key, ()) if i >= cursor]
        if found:
            cursor = found[0] + 1
            continue
        if not block.in_cell or key == title_key or (_is_prose(block.text) and key in joined):
            continue  # outside tables trafilatura's choice stands; the title; in a kept line
        yield cursor, block


def with_table_text(lines: list[str], html: str, title: str | None = None) -> TableText:
    """Cell text trafilatura dropped: prose inserted into ``lines``, data rows listed apart."""
    if "<td" not in html and "<TD" not in html and "<th" not in html and "<TH" not in html:
        return TableText(lines, [])
    try:
        blocks = _blocks(html)
    except Exception:  # noqa: BLE001 - a broken page keeps trafilatura's text as it was
        return TableText(lines, [])
    inserts: dict[int, list[str]] = {}
    rows: list[tuple[int, int, list[str]]] = []  # (before line, row id, cells)
    for before, block in _dropped(blocks, lines, title):
        if _is_prose(block.text):
            inserts.setdefault(before, []).append(block.text)
        elif rows and rows[-1][:2] == (before, block.row):
            rows[-1][2].append(block.text)
        else:
            rows.append((before, block.row, [block.text]))
    merged: list[str] = []
    shifted: dict[int, int] = {}  # index in ``lines`` -> index in ``merged``
    for index in range(len(lines) + 1):
        merged.extend(inserts.get(index, ()))
        shifted[index] = len(merged)
        if index < len(lines):
            merged.append(lines[index])
    return TableText(merged, [(shifted[before], " | ".join(cells)) for before, _, cells in rows])
