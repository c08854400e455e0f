"""`newsreader clean FILE... [--json]`: print the cleaned article(s); `-` reads standard input."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "clean"
HELP = "print the cleaned text of article files (title, one metadata line, paragraphs)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="article files or folders; - is stdin"
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per article per line (title, source, date, byline, paragraphs, "
        "removed)",
    )


def metadata_line(article) -> str:  # noqa: ANN001 - reader.model.Article, imported lazily
    parts = [p for p in (article.source, article.date, article.byline) if p]
    if article.title_derived and article.title:
        parts.append("title derived from the text")
    return " · ".join(parts) if parts else "(no source, date or byline found)"


def _plain(article) -> str:  # noqa: ANN001
    lines = [article.title or "(no title)", metadata_line(article), ""]
    for paragraph in article.paragraphs:
        lines.extend((paragraph, ""))
    return "\n".join(lines).rstrip("\n") + "\n"


def run(args: argparse.Namespace) -> int:
    from reader.errors import IngestError
    from reader.ingest import (
        article_from_text,
        cut_short_note,
        iter_article_files,
        load_article,
        looks_like_html,
        read_stream,
        was_cut_short,
    )
    from reader.library.paths import printable

    failures = 0
    first = True
    out = sys.stdout
    for name in args.files:
        paths = ["-"] if name == "-" else list(iter_article_files([name]))
        if not paths:
            print(
                f"newsreader: {printable(name)}: no article files in this folder", file=sys.stderr
            )
            failures += 1
        for path in paths:
            notes: list[str] = []  # read anyway, but the user should know (bytes replaced)
            try:
                if path == "-":
                    if sys.stdin.isatty():  # not piped: say why nothing happens
                        print(
                            "newsreader: reading an article from the terminal; end it with Ctrl-D",
                            file=sys.stderr,
                        )
                    text = read_stream(sys.stdin.buffer, "-", notes=notes)
                    article = article_from_text(text, path="-", html=looks_like_html(text))
                else:
                    article = load_article(path, notes=notes)
            except IngestError as error:
                print(f"newsreader: {error}", file=sys.stderr)
                failures += 1
                continue
            for note in notes:
                print(f"newsreader: {printable(note)}", file=sys.stderr)
            if not article.paragraphs:
                # A failed file gets its stderr line only: stdout holds cleaned articles alone,
                # so `clean --json > out.jsonl` has no empty records.
                print(f"newsreader: {printable(str(path))}: no article text found", file=sys.stderr)
                failures += 1
                continue
            if was_cut_short(article):  # cleaned, so not a failure, but the user must know
                print(f"newsreader: {printable(str(path))}: {cut_short_note()}", file=sys.stderr)
            if args.json:
                out.write(json.dumps(article.to_json_dict(), ensure_ascii=False) + "\n")
            else:
                if not first:
                    out.write("\n" + "=" * 40 + "\n\n")
                out.write(_plain(article))
            first = False
            out.flush()
    return 1 if failures else 0
