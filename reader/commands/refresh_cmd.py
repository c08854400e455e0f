"""`newsreader refresh`: fetch new articles from every followed feed."""

from __future__ import annotations

import argparse
import sys

NAME = "refresh"
HELP = "check every followed feed and import its new articles"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout", type=float, default=15.0, metavar="SECONDS", help="per request (default 15)"
    )


def run(args: argparse.Namespace) -> int:
    from reader.commands.feed_cmd import NO_FEEDS
    from reader.commands.list_cmd import plural
    from reader.library.feeds import refresh_feeds
    from reader.library.progress import progress_bar
    from reader.library.store import Library

    library = Library.open_existing(args.library)  # nothing to refresh creates nothing
    if library is None:
        print(NO_FEEDS)
        return 0
    with library:
        if not library.feeds():
            print(NO_FEEDS)
            return 0
        before = library.count()
        try:
            with progress_bar("Refreshing") as progress:
                summary = refresh_feeds(library, progress, timeout=args.timeout)
        except KeyboardInterrupt:
            # each article is committed on its own; a feed cut short is fetched again
            added = library.count() - before
            print(
                f"newsreader: interrupted; kept the {plural(added, 'new article')} fetched so far"
                " (run 'newsreader refresh' again for the rest)",
                file=sys.stderr,
            )
            return 130
    for error in summary.errors:
        print(f"newsreader: {error}", file=sys.stderr)
    print(summary)
    # like add and clean: any feed or entry that failed makes the status 1 (cron can notice);
    # entries left for the next refresh by the time limit are no failure
    return 1 if summary.errors else 0
