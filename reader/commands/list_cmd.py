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


EMPTY = "the library is empty: add articles with 'newsreader add PATH|URL'"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def story_json(story) -> str:  # noqa: ANN001 - records.StorySummary, imported lazily
    fields = {
        "story": story.id,
        "title": story.title,
        "outlets": story.outlets,
        "articles": story.article_ids,
    }
    return json.dumps(fields, ensure_ascii=False)


def story_text(story) -> str:  # noqa: ANN001
    outlets = plural(story.outlets, "outlet") if story.outlets else "outlet unknown"
    counts = f"{outlets}, {plural(len(story.article_ids), 'article')}"
    return f"s{story.id:<6} {counts}: {story.title}"


def run(args: argparse.Namespace) -> int:
    from reader.library.store import Library

    library = Library.open_existing(args.library)  # listing creates nothing
    if library is None:
        lines, stories = [], []
    else:
        with library:
            stories = library.stories() if args.stories else []
            lines = [] if args.stories else library.headlines()
    if args.stories:
        for story in stories:
            print(story_json(story) if args.json else story_text(story))
        empty = not stories
    else:
        print_headlines(lines, as_json=args.json)
        empty = not lines
    if empty and not args.json:
        print(EMPTY)
    return 0
