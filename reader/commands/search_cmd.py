"""`newsreader search QUERY [--json]`: full-text search of the library (SQLite FTS5)."""

from __future__ import annotations

import argparse

NAME = "search"
HELP = "search the library's titles and texts (every word must match; best first)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query", nargs="+", metavar="WORD", help="words to find (end with * for a prefix)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--limit", type=int, default=50, help="at most this many results (50)")


def run(args: argparse.Namespace) -> int:
    from reader.commands.list_cmd import print_headlines
    from reader.library.store import Library

    with Library.open(args.library) as library:
        ids = library.search(" ".join(args.query), limit=max(1, args.limit))
        lines = library.headlines(ids=ids)
    print_headlines(lines, as_json=args.json)
    return 0 if lines else 1
