"""`newsreader add PATH|URL...`: import files, folders and web pages into the library."""

from __future__ import annotations

import argparse
import sys

NAME = "add"
HELP = "add article files, folders (recursively) and http(s) URLs to the library"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="PATH|URL", help="files, folders or URLs")
    parser.add_argument(
        "--timeout", type=float, default=15.0, metavar="SECONDS", help="per request (default 15)"
    )


def run(args: argparse.Namespace) -> int:
    from reader.commands.list_cmd import plural
    from reader.library.importer import import_sources
    from reader.library.paths import printable
    from reader.library.progress import progress_bar
    from reader.library.store import Library

    with Library.open(args.library) as library:
        before = library.count()
        try:
            with progress_bar("Importing") as progress:
                summary = import_sources(library, args.sources, progress, timeout=args.timeout)
        except KeyboardInterrupt:
            # each article is committed on its own: what was added stays
            added = library.count() - before
            print(
                f"newsreader: interrupted; kept the {plural(added, 'article')} added so far"
                " (run the same command again to add the rest)",
                file=sys.stderr,
            )
            return 130
    for line in summary.notes + summary.errors:
        print(f"newsreader: {printable(line)}", file=sys.stderr)
    print(summary)
    return 1 if summary.errors else 0  # like clean: any input that failed; the rest is kept
