"""`newsreader list [--json] [--stories]`: what the library holds."""

from __future__ import annotations

import argparse
import json
from typing import Any

NAME = "list"
HELP = "list the articles in the library (--json: one object per line; --stories: by story)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument(
        "--stories", action="store_true", help="one line per story with its number of outlets"
    )


def headline_json(line) -> dict[str, Any]:  # noqa: ANN001 - store.Headline, imported lazily
    return {
        "id": line.id,
        "title": line.title,
        "source": line.source,
        "date": line.date,
        "story": line.story,
        "url": line.url,
        "path": line.path,
        "read": line.read,
        "starred": line.starred,
        "added": line.added,
    }


def headline_text(line) -> str:  # noqa: ANN001
    flags = ("*" if line.starred else " ") + (" " if line.read else "N")
    day = line.date or "-"
    return f"{line.id:>6} {flags} s{line.story:<6} {day:<10}  {line.source or '-'}: {line.title}"


def print_headlines(lines, *, as_json: bool) -> None:  # noqa: ANN001
    for line in lines:
        print(
            json.dumps(headline_json(line), ensure_ascii=False) if as_json else headline_text(line)
        )


def run(args: argparse.Namespace) -> int:
    from reader.library.store import Library

    with Library.open(args.library) as library:
        if args.stories:
            for story in library.stories():
                if args.json:
                    print(
                        json.dumps(
                            {
                                "story": story.id,
                                "title": story.title,
                                "outlets": story.outlets,
                                "articles": story.article_ids,
                            },
                            ensure_ascii=False,
                        )
                    )
                else:
                    count = len(story.article_ids)
                    print(
                        f"s{story.id:<6} {story.outlets} outlets, {count} articles: {story.title}"
                    )
            return 0
        lines = library.headlines()
    if not lines and not args.json:
        print("the library is empty: add articles with 'newsreader add PATH|URL'")
    print_headlines(lines, as_json=args.json)
    return 0
