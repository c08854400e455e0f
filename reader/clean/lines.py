"""Splitting a page into lines and measuring each one (cheap features only)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.clean.stopwords import WORD_RE, guess_language_from, stopword_count

# A line "ends like a sentence": final punctuation, possibly followed by closing quotes/brackets.
_SENTENCE_END_RE = re.compile(r"[.!?…。！？:;][\"'”’»)\]\u201d\u2019]*$|[\"”»]$|다\.?$")
_URL_RE = re.compile(r"https?://|www\.")
_SEPARATOR_RE = re.compile(r"\s[|•·›»/>→]\s|^[•·›»]")
_SEPARATOR_CHARS_RE = re.compile(r"[|•·›»/>→]")
_LANGUAGE_SAMPLE_TOKENS = 1000


@dataclass(slots=True)
class Line:
    """One non-empty line of the page and its features."""

    index: int  # position among the non-empty lines
    text: str  # stripped, otherwise exactly as in the input
    lower: str
    blank_before: bool  # a blank line separates it from the previous line
    chars: int
    words: int
    stopwords: int
    ends_sentence: bool
    urls: int
    separators: int
    cls: str = ""  # "good", "near", "short", "bad"
    reason: str = ""  # why a bad line is bad
    fixed: bool = False  # decided by a rule; context smoothing leaves it alone

    @property
    def stop_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def capitalised(self) -> int:
        """Words starting with an upper-case letter (computed on demand: few lines need it)."""
        return len([w for w in self.text.split() if w[0].isupper()])

    @property
    def title_like(self) -> bool:
        """Mostly capitalised words and no sentence ending: a name, heading or headline."""
        return not self.ends_sentence and self.words > 0 and self.capitalised * 2 >= self.words


def split_lines(text: str, max_lines: int) -> tuple[list[Line], str, list[str]]:
    """The page's non-empty lines, measured, the language guessed from their words, and the
    lines past ``max_lines`` (stripped, not measured)."""
    raw_lines: list[tuple[str, str, list[str], bool]] = []
    overflow: list[str] = []
    head, tail = _cut_after_lines(text, 4 * max_lines)
    blank = True
    for raw in head.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        if len(raw_lines) >= max_lines:
            overflow.append(stripped)
            continue
        lower = stripped.lower()
        raw_lines.append((stripped, lower, WORD_RE.findall(lower), blank))
        blank = False
    sample: list[str] = []
    for _, _, tokens, _ in raw_lines:
        sample.extend(tokens)
        if len(sample) >= _LANGUAGE_SAMPLE_TOKENS:
            break
    lang = guess_language_from(text[:4000], sample)
    lines = [
        measure(index, stripped, lower, tokens, blank, lang)
        for index, (stripped, lower, tokens, blank) in enumerate(raw_lines)
    ]
    if tail.strip():
        overflow.append(tail.strip())  # kept as one block: it may be millions of lines
    return lines, lang, overflow


def _cut_after_lines(text: str, count: int) -> tuple[str, str]:
    """Split ``text`` after its ``count``-th newline (cheaply, without splitting it all)."""
    position = -1
    for _ in range(count):
        position = text.find("\n", position + 1)
        if position < 0:
            return text, ""
    return text[:position], text[position + 1 :]


def measure(
    index: int, text: str, lower: str, tokens: list[str], blank_before: bool, lang: str
) -> Line:
    chars = len(text)
    if lang == "ko":
        words = len(text.split())
    elif lang == "cjk":
        words = max(1, chars // 2)
    else:
        words = len(tokens)
    return Line(
        index=index,
        text=text,
        lower=lower,
        blank_before=blank_before,
        chars=chars,
        words=words,
        stopwords=stopword_count(tokens, lang),
        ends_sentence=bool(_SENTENCE_END_RE.search(text[-4:])),
        urls=len(_URL_RE.findall(lower)) if ("://" in text or "www." in lower) else 0,
        separators=len(_SEPARATOR_RE.findall(text)) if _SEPARATOR_CHARS_RE.search(text) else 0,
    )
