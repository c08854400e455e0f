"""Text that was hard-wrapped at a fixed width (lynx/w3m dumps, e-mail) back into paragraphs.

The cleaner judges lines; a paragraph wrapped at 72 columns would look like a run of short,
unfinished lines. Wrapping is detected conservatively (most long lines end within a few
characters of the same width, and no line is longer) and only then are the lines of each
blank-line-separated block joined, breaking where the next line's first word would have fitted.
"""

from __future__ import annotations

_MIN_WIDTH = 50
_MAX_WIDTH = 110
_BAND = 12  # wrapped lines end within this many characters of the width
_MIN_WRAPPED_LINES = 8
_MIN_RUN_ON_LINES = 3
_MIN_SHARE = 0.5
_MAX_UNWRAP_CHARS = 5_000_000
_SENTENCE_END = frozenset(".!?:;\"\u201d\u00bb')")


def _first_word(line: str) -> str:
    parts = line.split(None, 1)
    return parts[0] if parts else ""


def _next_word_would_fit(line: str, following: str, width: int) -> bool:
    """Whether a wrapper at ``width`` would have put the next line's first word on this line."""
    word = _first_word(following)
    return bool(word) and len(line.rstrip()) + 1 + len(word) <= width


def wrap_width(lines: list[str]) -> int | None:
    """The column the text was wrapped at, or None when it does not look wrapped."""
    if not lines or max(map(len, lines)) > 2 * _MAX_WIDTH:
        return None  # fast path: ordinary pages have long paragraph lines
    stripped = [line.rstrip() for line in lines if line.strip()]
    if not stripped:
        return None
    width = max(len(line) for line in stripped)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    wordy = [line for line in stripped if len(line.split()) >= 6]
    near_width = [line for line in wordy if len(line) >= width - _BAND]
    if len(near_width) < _MIN_SHARE * len(wordy):
        return None
    # Wrapping cuts lines mid-sentence; a page of one sentence per line (each ending in a full
    # stop) is not wrapped, however even its line lengths look.
    open_ended = [line for line in near_width if line[-1] not in _SENTENCE_END]
    if len(open_ended) < _MIN_SHARE * len(near_width):
        return None
    if len(near_width) >= _MIN_WRAPPED_LINES:
        return width
    # A short article: still wrapped when several wordy lines run on into a next line that
    # continues the sentence (starts in lower case) and whose first word could not have fitted.
    run_on = 0
    for line, following in zip(lines, lines[1:], strict=False):
        head = following.lstrip()[:1]
        if (
            len(line.split()) >= 6
            and head.islower()
            and not _next_word_would_fit(line, following, width)
        ):
            run_on += 1
    return width if run_on >= _MIN_RUN_ON_LINES else None


def unwrap(text: str) -> str:
    """Join hard-wrapped lines into paragraphs; text that is not wrapped comes back unchanged."""
    if len(text) > _MAX_UNWRAP_CHARS:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if current:
                out.append(" ".join(current))
                current = []
            out.append("")
            continue
        current.append(stripped)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        # The paragraph ends where the wrapper would have had room for the next word.
        if not following.strip() or _next_word_would_fit(line, following, width):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return "\n".join(out)
