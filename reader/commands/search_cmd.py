"""`newsreader search QUERY [--json]`: full-text search of the library (SQLite FTS5)."""

from __future__ import annotations

import argparse
import sys

from reader.errors import ReaderError

NAME = "search"
HELP = "search the library's titles and texts (every word must match; best first)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query", nargs="+", metavar="WORD", help="words to find (end with * for a prefix)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument(
        "--limit", type=positive_int, default=50, help="at most this many results (50)"
    )


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1 (a clear usage error otherwise)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def run(args: argparse.Namespace) -> int:
    from reader.commands.list_cmd import EMPTY, print_headlines
    from reader.library.store import Library, fts_query

    query = " ".join(args.query)
    if not fts_query(query):
        raise ReaderError(
            f"nothing to search for in {query.strip()!r}: give at least one word "
            "(usage: newsreader search WORD... [--json])"
        )
    library = Library.open_existing(args.library)  # searching creates nothing
    if library is None:
        print(EMPTY, file=sys.stderr)
        return 0
    with library:
        if library.count() == 0:
            print(EMPTY, file=sys.stderr)
            return 0
        ids = library.search(query, limit=args.limit)
        lines = library.headlines(ids=ids)
    if not lines:
        print(f"newsreader: no matches for {query.strip()!r}", file=sys.stderr)
        return 1
    print_headlines(lines, as_json=args.json)
    return 0
