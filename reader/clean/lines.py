"""Splitting a page into lines and measuring each one (cheap features only)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.clean.stopwords import WORD_RE, stopword_count

# A line "ends like a sentence": final punctuation, possibly followed by closing quotes/brackets.
_SENTENCE_END_RE = re.compile(r"[.!?…。！？:;][\"'”’»)\]\u201d\u2019]*$|[\"”»]$|다\.?$")
_URL_RE = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|it|br|ru|kr|de|fr|es)\b")
_SEPARATOR_RE = re.compile(r"\s[|•·›»/]\s|^[•·›»]")
_DIGIT_RE = re.compile(r"\d")


@dataclass(slots=True)
class Line:
    """One non-empty line of the page and its features."""

    index: int  # position among the non-empty lines
    text: str  # stripped, otherwise exactly as in the input
    blank_before: bool  # a blank line separates it from the previous line
    chars: int
    words: int
    stopwords: int
    ends_sentence: bool
    urls: int
    separators: int
    capitalised: int  # words starting with an upper-case letter
    digits: int
    cls: str = ""  # "good", "near", "short", "bad"
    reason: str = ""  # why a bad line is bad
    fixed: bool = False  # decided by a rule; context smoothing leaves it alone

    @property
    def stop_density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0

    @property
    def title_like(self) -> bool:
        """Mostly capitalised words and no sentence ending: a name, heading or headline."""
        return not self.ends_sentence and self.words > 0 and self.capitalised * 2 >= self.words


def split_lines(text: str, lang: str) -> list[Line]:
    lines: list[Line] = []
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        lines.append(measure(len(lines), stripped, blank, lang))
        blank = False
    return lines


def measure(index: int, text: str, blank_before: bool, lang: str) -> Line:
    tokens = WORD_RE.findall(text)
    lowered = [t.lower() for t in tokens]
    capitalised = sum(1 for t in tokens if t[0].isupper())
    if lang in ("ko", "cjk"):
        words = len(text.split()) if lang == "ko" else max(1, len(text) // 2)
    else:
        words = len(tokens)
    return Line(
        index=index,
        text=text,
        blank_before=blank_before,
        chars=len(text),
        words=words,
        stopwords=stopword_count(lowered, lang),
        ends_sentence=bool(_SENTENCE_END_RE.search(text)),
        urls=len(_URL_RE.findall(text)) if "." in text else 0,
        separators=len(_SEPARATOR_RE.findall(text)),
        capitalised=capitalised,
        digits=len(_DIGIT_RE.findall(text)),
    )
