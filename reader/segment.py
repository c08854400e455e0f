"""Sentences with character offsets, for news text.

A regex and abbreviation splitter. Measured on our hard cases (see tests/unit/test_segment.py
and bench/bench_align.py) against syntok (per paragraph) and pysbd: it gets them all while
running in microseconds per paragraph, linear in the text; syntok was as good but slower,
pysbd slower still and wrong on run-together sentences. So: no dependency.

Rules, in order:
- a blank line (paragraph break) always ends a sentence;
- a single line break ends one unless it looks like a wrapped line (the next line goes on in
  lower case after a letter or comma);
- ``.``, ``!``, ``?`` or ``…`` (plus closing quotes or brackets) followed by white space and
  something that can start a sentence ends one, unless the word before is an abbreviation
  (Mr., Gen., Jan., St. ...) or an initial (J. Smith); dotted acronyms (U.S.) end a sentence
  only before a typical sentence opener ("... in the U.S. The talks");
- a full stop between a lower-case word and a capitalised word with no space
  ("neighbour.Russia") ends one; numbers (3.5, 100,000) and domains (bbc.co.uk) never do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Span = tuple[int, int]
_FindIter = Callable[[str, int, int], Iterator[re.Match[str]]]

# Lower-cased abbreviations that are followed by a full stop inside a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof rev fr sr jr st mt ft gen lt col maj capt cpt sgt adm cmdr brig
    gov sen rep pres supt insp det cllr hon rt messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec
    vs v cf al approx dept univ assn ave blvd
    """.split()
)
# Abbreviations only before a number ("No. 10", "p. 5"); elsewhere the word may end a sentence.
NUMBER_ABBREVIATIONS = frozenset("no nos vol vols fig figs p pp ch art sec para op".split())
# Abbreviations that often end a sentence too: a boundary only before a typical opener.
AMBIGUOUS_ABBREVIATIONS = frozenset("etc inc ltd co corp bros est ed eds rd".split())

# Words that typically open a sentence: after a dotted acronym ("U.S.") they signal a boundary.
SENTENCE_OPENERS = frozenset(
    """
    the a an it its he she they we i you this that these those there here his her their our
    but and so yet however meanwhile in on at for if when while after before as since
    mr mrs ms dr officials some many most no one both what why how who
    """.split()
)

# What can start a sentence: a capital (Latin, Greek, Cyrillic), a digit, or a letter of a
# script without case (Hangul, kana, CJK, Arabic, Hebrew, Thai, Devanagari). Without the last
# two, Russian or Korean paragraphs were one "sentence" each, and a changed figure in one
# sentence kept the whole paragraph from pairing.
_CAPITALS = "A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁЄІЇҐ"
_CASELESS = "\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u1100-\u11ff"
_CASELESS += "\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7a3"
_AFTER_TERMINATOR = rf"""
    ['"”’)\]]*)                       # closing quotes/brackets
    (?:
        (?P<space>[ \t\u00a0]+)         # then spaces ...
        (?=[\"'“‘«„(\[]*[0-9{_CAPITALS}{_CASELESS}])   # ... before what can start a sentence
      |
        (?=[{_CAPITALS}][a-zß-ÿα-ωа-яё])  # or run together: "neighbour.Russia"
    )
"""
# A terminator and what follows. The pattern starts with a plain character class ([.!?…],
# not [.!?…]+): only then does re skip to the next candidate character in C instead of
# trying the whole pattern at every position (2x faster over a text of few terminators).
_TERMINATOR = re.compile(r"(?P<end>[.!?…][.!?…]*" + _AFTER_TERMINATOR, re.VERBOSE)
# The same where there is no ! ? or … (most paragraphs): a literal first character, which
# re finds at memchr speed (2.5x faster again).
_FULL_STOP = re.compile(r"(?P<end>\.[.!?…]*" + _AFTER_TERMINATOR, re.VERBOSE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
# The word before a terminator: the run of these characters that ends there, found by
# matching the reversed window (a search for r"([\w.'’-]*)$" tries every start: 4x slower).
_WORD_CHARS_RUN = re.compile(r"[\w.'’-]*")
_WORD_AFTER = re.compile(r"[\"'“‘(\[]*([\w'’-]+)")


def split_sentences(text: str) -> list[Span]:
    """Half-open ``(start, end)`` spans of the sentences of ``text``, white space trimmed."""
    spans: list[Span] = []
    find = text.find
    rare = "?" in text or "!" in text or "…" in text
    for block_start, block_end in _blocks(text):
        full_stops_only = not rare or (
            find("?", block_start, block_end) < 0
            and find("!", block_start, block_end) < 0
            and find("…", block_start, block_end) < 0
        )
        finditer = (_FULL_STOP if full_stops_only else _TERMINATOR).finditer
        if find("\n", block_start, block_end) < 0:  # one line (most paragraphs)
            _split_line(text, block_start, block_end, spans, finditer)
            continue
        for line_start, line_end in _lines(text, block_start, block_end):
            _split_line(text, line_start, line_end, spans, finditer)
    return spans


def _blocks(text: str) -> list[Span]:
    """Paragraphs: separated by a blank line."""
    blocks: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        blocks.append((start, match.start()))
        start = match.end()
    blocks.append((start, len(text)))
    return blocks


def _lines(text: str, start: int, end: int) -> list[Span]:
    """Split a paragraph at single line breaks, except where a line merely wraps."""
    pieces: list[Span] = []
    piece_start = start
    newline = text.find("\n", start, end)
    while newline != -1:
        before = text[piece_start:newline].rstrip()
        after = text[newline + 1 : end].lstrip()
        wraps = bool(before) and bool(after) and (before[-1].isalpha() or before[-1] in ",;-")
        wraps = wraps and after[0].islower()
        if not wraps:
            pieces.append((piece_start, newline))
            piece_start = newline + 1
        newline = text.find("\n", newline + 1, end)
    pieces.append((piece_start, end))
    return pieces


def _split_line(
    text: str, start: int, end: int, spans: list[Span], finditer: _FindIter = _TERMINATOR.finditer
) -> None:
    """Append the sentences of a line to ``spans``."""
    sentence_start = start
    for match in finditer(text, start, end):
        if not _is_boundary(text, match, start):
            continue
        cut = match.end("end")
        # A sentence ends at a terminator or closing quote, and starts after the spaces of the
        # match, at what the pattern's look-ahead saw (no white space): nothing to trim but
        # at the start of a line.
        if sentence_start == start and text[start].isspace():
            _append_trimmed(spans, text, start, cut)
        else:
            spans.append((sentence_start, cut))
        sentence_start = match.end()
    if sentence_start == start:
        _append_trimmed(spans, text, start, end)
    else:  # the line's last sentence: white space at the end only
        spans.append((sentence_start, sentence_start + len(text[sentence_start:end].rstrip())))


def _is_boundary(text: str, match: re.Match[str], line_start: int) -> bool:
    at = match.start()
    if text[at] != ".":
        return True  # ! ? … : no abbreviation ends with these
    window_start = line_start if line_start > at - 40 else at - 40
    # The usual case first: "... a word. Next" (_word_before's fast path, inline).
    space = text.rfind(" ", window_start, at)
    word = text[space + 1 : at] if space >= 0 else ""
    if word.isalpha() and text[at + 1] != "." and match.group("space") is not None:
        kind = _ABBREVIATION_KIND.get(word.lower())
        if kind is None:
            return not (len(word) == 1 and word.isupper())  # an initial: "John F. Kennedy"
        return _ends_after_abbreviation(text, match, kind)
    word = _word_before(text, window_start, at)
    if match.group("space") is None:  # run together
        # "neighbour.Russia" but not "U.S.Army" or "J.K.Rowling"
        return len(word) >= 2 and word.isalpha() and word[-1].islower() and "." not in word
    ellipsis = text[at + 1] == "."  # ".." or more: the pattern took all the dots
    if not word or ellipsis:
        return not ellipsis or _next_word(text, match).istitle()
    if word[-1].isdigit():
        return True  # a number ends the sentence: "... rose to 1,802.18. Revenue fell"
    if "." in word:  # dotted acronym or initials: U.S. / e.g. / J.R.R.
        return _next_word(text, match).lower() in SENTENCE_OPENERS
    kind = _ABBREVIATION_KIND.get(word.lower())
    if kind is None:
        return not (len(word) == 1 and word.isupper())
    return _ends_after_abbreviation(text, match, kind)


def _ends_after_abbreviation(text: str, match: re.Match[str], kind: str) -> bool:
    if kind is _ALWAYS:
        return False
    if kind is _BEFORE_NUMBER:
        return not _next_word(text, match)[:1].isdigit()
    return _next_word(text, match).lower() in SENTENCE_OPENERS


_ALWAYS, _BEFORE_NUMBER, _AMBIGUOUS = "always", "before a number", "ambiguous"
# One look-up for the three lists (most words are in none). The first list a word is in
# decides: dict entries written later win, so the lists go in reverse order.
_ABBREVIATION_KIND = (
    dict.fromkeys(AMBIGUOUS_ABBREVIATIONS, _AMBIGUOUS)
    | dict.fromkeys(NUMBER_ABBREVIATIONS, _BEFORE_NUMBER)
    | dict.fromkeys(ABBREVIATIONS, _ALWAYS)
)


def _word_before(text: str, window_start: int, end: int) -> str:
    """The run of word characters (_WORD_CHARS_RUN) ending at ``end`` and starting no earlier
    than ``window_start``, leading apostrophes and hyphens stripped."""
    # Usually a space and then letters only: that run is the word (a space ends any run).
    space = text.rfind(" ", window_start, end)
    if space >= 0:
        word = text[space + 1 : end]
        if word.isalpha():
            return word
    window = text[window_start:end][::-1]
    return window[: _WORD_CHARS_RUN.match(window).end()][::-1].lstrip("'’-")  # type: ignore[union-attr]


def _next_word(text: str, match: re.Match[str]) -> str:
    found = _WORD_AFTER.match(text, match.end())
    return found.group(1) if found else ""


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    kept = piece.strip()  # the same white space as str.isspace, in C
    if kept:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(kept)))
