"""Text that was hard-wrapped at a fixed width (lynx/w3m dumps, e-mail) back into paragraphs.

The cleaner judges lines; a paragraph wrapped at 72 columns would look like a run of short,
unfinished lines. Wrapping is detected conservatively (most long lines end within a few
characters of the same width, and no line is longer) and only then are the lines of each
blank-line-separated block joined, breaking where the next line's first word would have fitted.
Text wrapped by hand (or by an editor at a varying width) has uneven line ends: there a line
that stops mid-sentence near the width, or runs on into a lower-case word, is joined too.
"""

from __future__ import annotations

from reader.clean.stopwords import STOPLISTS

_MIN_WIDTH = 50
_MAX_WIDTH = 110
_BAND = 12  # wrapped lines end within this many characters of the width
_MIN_WRAPPED_LINES = 8
_MIN_RUN_ON_LINES = 2
_MIN_SHARE = 0.5
_RUN_ON_SHARE = 0.3  # of wordy lines, where line ends are uneven
_MAX_UNWRAP_CHARS = 5_000_000
_SENTENCE_END = frozenset(".!?:;\"\u201d\u00bb')")
# A line ending in a function word ("on", "the", "di", "на") stops mid-sentence.
_FUNCTION_WORDS = frozenset().union(*STOPLISTS.values())


def _starts_lower(line: str) -> bool:
    """Starts with a lower-case letter. (Scripts without case, Hangul, give no such signal: a
    Korean page of short lines is far more often a menu than wrapped text.)"""
    return line.lstrip()[:1].islower()


def _first_word(line: str) -> str:
    parts = line.split(None, 1)
    return parts[0] if parts else ""


def _next_word_would_fit(line: str, following: str, width: int) -> bool:
    """Whether a wrapper at ``width`` would have put the next line's first word on this line."""
    word = _first_word(following)
    return bool(word) and len(line.rstrip()) + 1 + len(word) <= width


def _continues(line: str, following: str, width: int) -> bool:
    """Whether ``following`` carries on the paragraph of ``line`` in wrapped text."""
    head = following.lstrip()[:1]
    if not head:
        return False
    if not _next_word_would_fit(line, following, width):
        return True
    # Uneven wrapping: a line cut mid-sentence near the width, or one whose sentence plainly
    # runs on (the next line starts in lower case), is not a paragraph's end.
    end = line.rstrip()[-1:]
    if end in _SENTENCE_END:
        return False
    last = line.rsplit(None, 1)[-1] if line.strip() else ""
    return (
        _starts_lower(following) or len(line.rstrip()) >= width - _BAND or last in _FUNCTION_WORDS
    )


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
    # Wrapping cuts lines mid-sentence; a page of one sentence per line (each ending in a full
    # stop) is not wrapped, however even its line lengths look.
    open_ended = [line for line in near_width if line[-1] not in _SENTENCE_END]
    even = len(near_width) >= _MIN_SHARE * len(wordy) and len(open_ended) >= _MIN_SHARE * len(
        near_width
    )
    if even and len(near_width) >= _MIN_WRAPPED_LINES:
        return width
    # A short article, or one wrapped by hand at an uneven width: still wrapped when wordy
    # lines stop mid-sentence and run on into a line that continues the sentence (starts in
    # lower case). A list of headlines has open-ended lines too, but each starts with a capital.
    run_on = 0
    for line, following in zip(lines, lines[1:], strict=False):
        stripped_line = line.rstrip()
        if (
            len(stripped_line.split()) >= 6
            and stripped_line[-1] not in _SENTENCE_END
            and _starts_lower(following)
        ):
            run_on += 1
    if run_on >= _MIN_RUN_ON_LINES and (even or run_on >= _RUN_ON_SHARE * len(wordy)):
        return width
    return None


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
        if not _continues(line, following, width):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return "\n".join(out)
