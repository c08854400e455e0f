"""Repeated text: exact repeats, a line that is a prefix of the next, and a body run together.

Scrapers often capture an article twice: once with paragraph breaks and once as one long line
(the breaks lost). We keep the copy with breaks. Detection uses hashing and substring search on
the few long lines only, so it stays linear in practice.
"""

from __future__ import annotations

import re

from reader.clean.lines import Line

_SPACE_RE = re.compile(r"\s+")
_MIN_REPEAT_CHARS = 25
_RUN_TOGETHER_MIN_CHARS = 300
_RUN_TOGETHER_CANDIDATES = 8
_PULL_QUOTE_MAX_LINES = 3000
_QUOTES_RE = re.compile("[\"'“”‘’«»„]")


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def mark_repeats(lines: list[Line]) -> None:
    """Mark duplicate lines bad (fixed). Lines already fixed as bad are left alone."""
    norms = [" ".join(line.lower.split()) for line in lines]
    _mark_run_together(lines, norms)
    if len(lines) > 1 and norms[0] == norms[1] and not lines[0].fixed and _headline_like(norms[0]):
        # The first line repeated right below (a derived title above its paragraph, a
        # doubled headline): the copy in the text stays. A sentence (it ends like one) said
        # twice is left to the repeat rule below, which also judges it everywhere else.
        _fix(lines[0], "duplicate")
    seen: set[int] = set()
    for line, norm in zip(lines, norms, strict=True):
        if line.fixed:
            continue
        if len(norm) >= _MIN_REPEAT_CHARS:
            key = hash(norm)
            if key in seen:
                _fix(line, "duplicate")
                continue
            seen.add(key)
    _mark_prefix_lines(lines, norms)
    _mark_pull_quotes(lines, norms)


def _headline_like(norm: str) -> bool:
    return not norm.endswith((".", "!", "?", "。", "…"))


def _mark_pull_quotes(lines: list[Line], norms: list[str]) -> None:
    """A short line whose words all stand inside a longer line repeats it: a pull quote."""
    if len(lines) > _PULL_QUOTE_MAX_LINES:
        return
    bare = [_QUOTES_RE.sub("", n).strip() for n in norms]
    containers = [i for i, line in enumerate(lines) if not line.fixed and line.chars >= 120]
    if not containers:
        return
    for k, line in enumerate(lines):
        if line.fixed or not 40 <= line.chars <= 300 or not _QUOTES_RE.search(line.text):
            continue  # pull quotes carry quotation marks
        needle = bare[k].rstrip(".")
        for i in containers:
            if i != k and len(bare[i]) > len(needle) * 1.2 and needle in bare[i]:
                _fix(line, "pull-quote")
                break


def _mark_run_together(lines: list[Line], norms: list[str]) -> None:
    """A long line made of several other lines glued together is a copy of the body."""
    pieces = [(i, n) for i, n in enumerate(norms) if len(n) >= 30]
    if len(pieces) < 3:
        return
    lengths = sorted(len(n) for _, n in pieces)
    # A glued copy is at least two pieces long: far longer than a typical paragraph.
    threshold = max(_RUN_TOGETHER_MIN_CHARS, 2 * lengths[len(lengths) // 2])
    wholes = sorted((p for p in pieces if len(p[1]) >= threshold), key=lambda p: -len(p[1]))
    # Only the few longest lines can be a glued copy of the body; bounding them keeps a
    # pathological page (thousands of long lines) from going quadratic.
    for i, whole in wholes[:_RUN_TOGETHER_CANDIDATES]:
        covered = 0
        count = 0
        for j, piece in pieces:
            if j != i and len(piece) < len(whole) and piece in whole:
                covered += len(piece)
                count += 1
                if count >= 2 and covered >= 0.5 * len(whole):
                    _fix(lines[i], "duplicate-body")
                    break


def _mark_prefix_lines(lines: list[Line], norms: list[str]) -> None:
    """A short line that the next line starts with ("X" then "X. Picture: PA") is alt text."""
    for k in range(len(lines) - 1):
        line = lines[k]
        if line.fixed or line.chars > 150:
            continue
        following = norms[k + 1]
        start = norms[k].rstrip("…. ")
        if (
            start
            and following != norms[k]
            and len(following) > len(start)
            and following.startswith(start)
        ):
            _fix(line, "caption" if lines[k + 1].chars < 200 else "prefix-repeat")


def _fix(line: Line, reason: str) -> None:
    line.cls = "bad"
    line.reason = reason
    line.fixed = True
