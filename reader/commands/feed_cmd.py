"""`newsreader feed add URL` and `newsreader feed list`: the feeds the library follows."""

from __future__ import annotations

import argparse
import sys

NAME = "feed"
HELP = "follow RSS/Atom feeds: 'feed add URL', 'feed list'"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="feed_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="check a feed URL and follow it")
    add.add_argument("url", metavar="URL")
    add.add_argument("--timeout", type=float, default=15.0, metavar="SECONDS")
    listing = actions.add_parser("list", help="list followed feeds")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    for sub in (add, listing):
        # also accepted after the action; SUPPRESS keeps a value given before it
        sub.add_argument("--library", metavar="PATH", default=argparse.SUPPRESS)


NO_FEEDS = "no feeds yet: add one with 'newsreader feed add URL'"


def run(args: argparse.Namespace) -> int:
    from reader.library.store import Library

    if args.feed_action == "add":
        from reader.library.feeds import add_feed

        with Library.open(args.library) as library:
            followed = next((feed for feed in library.feeds() if feed.url == args.url), None)
            if followed is not None:
                shown = followed.title or followed.url
                print(f"already following feed {followed.id}: {shown}")
                return 0
            try:
                feed_id, title = add_feed(library, args.url, timeout=args.timeout)
            except KeyboardInterrupt:
                print("newsreader: interrupted; no feed added", file=sys.stderr)
                return 130
        print(f"following feed {feed_id}: {title}")
        print("run 'newsreader refresh' to fetch its articles")
        return 0
    library = Library.open_existing(args.library)  # listing creates nothing
    if library is None:
        feeds = []
    else:
        with library:
            feeds = library.feeds()
    return _list(feeds, as_json=args.json)


def _list(feeds: list, *, as_json: bool) -> int:
    import json

    from reader.commands.list_cmd import plural

    for feed in feeds:
        if as_json:
            print(
                json.dumps(
                    {
                        "id": feed.id,
                        "url": feed.url,
                        "title": feed.title,
                        "articles": feed.article_count,
                        "last_checked": feed.last_checked,
                        "last_error": feed.last_error,
                    },
                    ensure_ascii=False,
                )
            )
            continue
        checked = feed.last_checked or "never checked"
        line = f"{feed.id:>4}  {feed.title or '(untitled)'}  <{feed.url}>"
        line += f"  {plural(feed.article_count, 'article')}, {checked}"
        if feed.last_error:
            line += f"  [last error: {feed.last_error}]"
        print(line)
    if not feeds and not as_json:
        print(NO_FEEDS)
    return 0
