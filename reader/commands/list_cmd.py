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


def entry_json(entry) -> dict[str, Any]:  # noqa: ANN001 - LibraryEntry, imported lazily
    article = entry.article
    return {
        "id": entry.id,
        "title": article.title,
        "source": article.source,
        "date": article.date,
        "story": entry.story,
        "url": article.url,
        "path": article.path,
        "read": entry.read,
        "starred": entry.starred,
        "added": entry.added,
    }


def entry_line(entry) -> str:  # noqa: ANN001
    article = entry.article
    flags = ("*" if entry.starred else " ") + (" " if entry.read else "N")
    where = article.source or "-"
    day = article.date or "-"
    return f"{entry.id:>6} {flags} s{entry.story:<6} {day:<10}  {where}: {article.title}"


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
        entries = library.articles()
    for entry in entries:
        print(json.dumps(entry_json(entry), ensure_ascii=False) if args.json else entry_line(entry))
    return 0
