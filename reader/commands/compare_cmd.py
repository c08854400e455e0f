"""`newsreader compare A B [--json] [--no-clean] [--width N]`: two articles side by side."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

NAME = "compare"
HELP = "align two articles: matching passages side by side, changed words, unique passages"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "a",
        metavar="A",
        help="first article: a file, - for standard input, or a library article id"
        " (as `newsreader list` shows it) when no file has that name",
    )
    parser.add_argument("b", metavar="B", help="second article (the same choices)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the alignment as JSON (offsets index each side's 'text')",
    )
    parser.add_argument(
        "--no-clean",
        action="store_true",
        help="compare the files' text exactly as read, without cleaning",
    )
    parser.add_argument(
        "--width", type=int, metavar="N", help="output width in columns (default: terminal)"
    )


def _load(path: str, clean: bool, library: str | None = None) -> dict[str, Any]:
    """{"title", "source", "text"} for one side; ReaderError when it has no text to compare."""
    from reader.errors import ReaderError
    from reader.ingest import article_from_text, load_article, read_path, read_stream
    from reader.library.paths import printable

    if path.isdigit() and not Path(path).exists():
        return _from_library(int(path), clean, library)
    notes: list[str] = []  # read anyway, but the user should know (bytes replaced)
    try:
        if path == "-":
            raw = read_stream(sys.stdin.buffer, "-", notes=notes)
            if not clean:
                return {"title": "-", "source": None, "text": raw}
            article = article_from_text(raw, path="-")
        elif not clean:
            text = read_path(path, notes=notes)
            return {"title": Path(path).name, "source": None, "text": text}
        else:
            article = load_article(path, notes=notes)
    finally:
        for note in notes:
            print(f"newsreader: {printable(note)}", file=sys.stderr)
    if not article.paragraphs:
        # As `clean` does: an empty comparison table would look like two unrelated articles.
        raise ReaderError(f"{path}: no article text found")
    return {"title": article.title, "source": article.source, "text": article.text}


def run(args: argparse.Namespace) -> int:
    from reader.align import align
    from reader.errors import ReaderError

    if args.a == "-" and args.b == "-":
        raise ReaderError("only one of A and B can be - (standard input)")
    if args.width is not None and not 40 <= args.width <= 1000:
        raise ReaderError("--width must be between 40 and 1000 columns")
    library = getattr(args, "library", None)
    sides: list[dict[str, Any]] = []
    errors: list[ReaderError] = []
    for path in (args.a, args.b):  # both sides are read, so one run names every problem
        try:
            sides.append(_load(path, clean=not args.no_clean, library=library))
        except ReaderError as error:
            errors.append(error)
    for error in errors[:-1]:
        print(f"newsreader: {error}", file=sys.stderr)
    if errors:
        raise errors[-1]
    side_a, side_b = sides
    alignment = align(side_a["text"], side_b["text"])
    if args.json:
        document = {
            "a": side_a,
            "b": side_b,
            "pairs": [pair.to_json() for pair in alignment.pairs],
            "only_a": [list(span) for span in alignment.only_a],
            "only_b": [list(span) for span in alignment.only_b],
            "summary": {"a_in_b": alignment.summary.a_in_b, "b_in_a": alignment.summary.b_in_a},
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
        return 0
    from rich.console import Console

    from reader.render import render

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            # The reader stopped reading (`| head`): not an error; the CLI exits 0.
            self.quiet = True
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise BrokenPipeError

    console = PipeConsole(width=args.width, highlight=False, emoji=False)
    render(
        alignment,
        title_a=_heading(side_a),
        title_b=_heading(side_b),
        console=console,
    )
    return 0


def _from_library(article_id: int, clean: bool, library: str | None) -> dict[str, Any]:
    """A library article by id: its cleaned text, or with ``--no-clean`` the raw text stored
    when it was added."""
    from reader.errors import ReaderError
    from reader.library import Library

    opened = Library.open_existing(library)
    if opened is None:
        raise ReaderError(f"{article_id}: no such file, and there is no library yet")
    with opened:
        entry = opened.get(article_id)
        raw = opened.raw(article_id) if entry is not None and not clean else None
    if entry is None:
        raise ReaderError(f"{article_id}: no such file, and no article {article_id} in the library")
    article = entry.article
    if raw is not None:
        return {"title": article.title, "source": article.source, "text": raw[0]}
    if not article.paragraphs:
        raise ReaderError(f"{article_id}: no article text found")
    return {"title": article.title, "source": article.source, "text": article.text}


def _heading(side: dict[str, Any]) -> str:
    title = side["title"] or "(untitled)"
    return f"{title} ({side['source']})" if side.get("source") else title
