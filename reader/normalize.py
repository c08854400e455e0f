"""Text normalisation for comparing sentences: case, quotes, dashes, white space, content words.

Comparison looks through typography (curly vs straight quotes, en/em dashes, non-breaking
spaces, case) and weighs content words (names, numbers, nouns, verbs) far above function
words ("the", "of", "said"), so that two sentences sharing only "the ... of ... in" never
look alike.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from itertools import chain
from typing import Any

TYPOGRAPHY = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "―": "-",
        "−": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "…": "...",
    }
)
# str.translate looks every character up in the table unless the text is ASCII (~45 ns a
# character); news text has a few curly quotes and dashes, so replacing just those is ~7x faster.
_TYPOGRAPHY_CHARS = {chr(code): folded for code, folded in TYPOGRAPHY.items()}
_TYPOGRAPHIC = re.compile("[" + re.escape("".join(_TYPOGRAPHY_CHARS)) + "]")


def _typographic_char(match: re.Match[str]) -> str:
    return _TYPOGRAPHY_CHARS[match.group()]


def fold_typography(text: str) -> str:
    """``text.translate(TYPOGRAPHY)``, faster: straight quotes, plain hyphens and spaces."""
    if text.isascii():  # nothing to fold
        return text
    return _TYPOGRAPHIC.sub(_typographic_char, text)


_SPACES = re.compile(r"\s+")
# Thousands grouped by spaces ("12 000", after typography folding) are one number. Written
# letters first, then digits (a word starts with one or the other), and a word's letters
# never given back (possessive: nothing after them can fail): the same tokens as
# r"\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,]\d+)*\w*|\w+(?:['.]\w+)*", 40% faster.
WORD = re.compile(
    r"[^\W\d]\w*+(?:['.]\w++)*+|\d(?:\d{0,2}(?: \d{3})+(?![\d.,])|\d*(?:[.,]\d+)*\w*)"
)
# A token with a thousands separator ("1,200", "12 000") has one between two digits.
_GROUPED_DIGITS = re.compile(r"\d[, ]\d")

# Function words: they carry grammar, not the story. "said"/"says" are in because every news
# sentence has them.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it it's its itself just let me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say told tell according mr mrs ms dr one also yet
    still however though although whether upon via per s t d ll m o re ve y
    percent pct cent
    """.split()
)


def normalise(text: str) -> str:
    """Lower case, straight quotes, plain hyphens, single spaces."""
    return _SPACES.sub(" ", fold_typography(text)).strip().casefold()


def words(text: str) -> list[str]:
    """Normalised word tokens (punctuation dropped, inner apostrophes and dots kept,
    thousands separators dropped: "1,200" is "1200")."""
    return [_plain_number(t) if t[0].isdigit() else t for t in WORD.findall(normalise(text))]


def _plain_number(token: str) -> str:
    return token.replace(",", "").replace(" ", "")


def sentence_words(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """``words`` of each span of ``text``, folding the whole text once when that keeps the
    offsets (it does unless the text has characters like ß or …)."""
    folded = fold_typography(text).casefold()
    if len(folded) != len(text):
        return [words(text[s:e]) for s, e in spans]
    return folded_sentence_words(folded, spans)


def folded_sentence_words(folded: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """``sentence_words`` of a text already folded and case-folded (same offsets)."""
    findall = WORD.findall
    # Most sentences have no "1,200": their tokens need no look at each one.
    grouped = _may_have_digits(folded) and _GROUPED_DIGITS.search(folded) is not None
    grouped_in = _GROUPED_DIGITS.search
    out: list[list[str]] = []
    for start, end in spans:
        found = findall(folded, start, end)
        if grouped and grouped_in(folded, start, end):
            found = [_plain_number(t) if t[0].isdigit() else t for t in found]
        out.append(found)
    return out


def _may_have_digits(text: str) -> bool:
    """False only if ``text`` has no \\d: an ASCII text without 0-9 (ten ``in`` scans at
    memchr speed, ~10x faster than a regex search over a long text)."""
    return not text.isascii() or any(digit in text for digit in "0123456789")


def stem(word: str) -> str:
    """A crude, fast stem: possessive and plural dropped, long words cut to 6 characters.

    Cutting matches inflections and British/American spellings closely enough for alignment
    ("organisation"/"organization", "negotiations"/"negotiating").
    """
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace(".", "")
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    # Verb endings: "closing" / "closed" / "close", "orbiting" / "orbit".
    if len(word) > 5 and word.endswith("ing") and _VOWEL.search(word, 0, len(word) - 3):
        word = word[:-3]  # not "spring", "string"
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word[:6]


_VOWEL = re.compile(r"[aeiouy]")


class _WordTable(dict[str, Any]):
    """word -> ``compute(word)``, computed at the first look-up (also from C: ``map`` over a
    bound ``__getitem__`` finds most words without a Python call, and no set of the words
    has to be built first to find the new ones)."""

    __slots__ = ("compute",)

    def __init__(self, compute: Callable[[str], Any]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> Any:
        value = self[word] = self.compute(word)
        return value

    def bounded(self) -> _WordTable:
        """This table, emptied first if it has grown past 200,000 words."""
        if len(self) > 200_000:
            self.clear()
        return self


# words recur: stem each once (bounded below)
_STEMS = _WordTable(lambda word: _content_stem(word))


# Words two outlets use for the same thing in news copy ("shares rose" / "stock climbed"):
# each group's words get the stem of its first word. Only near-synonyms in news use; opposites
# stay apart ("rose" / "fell"), and hedges ("roughly", "around") count as function words.
PARAPHRASE_GROUPS = (
    "rise rose risen rises rising climb climbed climbs climbing increase increased increases "
    "increasing gain gained gains jump jumped jumps soar soared surge surged",
    "fall fell fallen falls falling drop dropped drops dropping decline declined declines "
    "slip slipped slide slid decrease decreased decreases plunge plunged tumble tumbled sank",
    "grow grew grown grows growing expand expanded expands",
    "cut cuts cutting lower lowered lowers reduce reduced reduces slash slashed trim trimmed",
    "raise raised raises lift lifted lifts hike hiked",
    "buy buys bought buying acquire acquired acquires acquisition purchase purchased",
    "resign resigned resigns quit quits resignation",
    "company companies firm firms",
    "share shares stock stocks",
    "profit profits earnings",
    "forecast forecasts outlook",
    "analyst analysts economist economists",
    "largest biggest",
    "fastest quickest",
    "kill killed kills die died dies dead death deaths",
    "start started starts starting begin began begins beginning",
    "fire fired sack sacked dismiss dismissed",
    "arrest arrested arrests detain detained",
    "car cars vehicle vehicles",
    "delay delayed delays postpone postponed postpones",
    "cancel cancelled canceled cancels scrap scrapped",
    "win wins won victory",
    "defeat defeated loss losses lose lost",
    "child children kid kids",
    "pupil pupils student students",
    "deal deals agreement agreements",
    "help helped helps aid assist assisted",
    "unemployment jobless",
    "about roughly around approximately nearly almost some",
)
PARAPHRASE_WORDS = {word: group.split()[0] for group in PARAPHRASE_GROUPS for word in group.split()}


def _content_stem(token: str) -> str:
    """The stem of a content word, "" for a function word."""
    token = PARAPHRASE_WORDS.get(token, token)
    keep = token not in STOPWORDS and (len(token) > 1 or token.isdigit())
    return stem(token) if keep else ""


def content_stems(tokens: Iterable[str]) -> list[str]:
    """Stems of the content words, in order (numbers included)."""
    cache = _STEMS
    if len(cache) > 200_000:
        cache.clear()
    out: list[str] = []
    for token in tokens:
        found = cache.get(token)
        if found is None:
            found = cache[token] = _content_stem(token)
        if found:
            out.append(found)
    return out


def stem_table(vocabulary: Iterable[str]) -> dict[str, str]:
    """token -> stem of a content word or "", for at least every token of ``vocabulary``
    (the shared cache, so a later call finds most words already stemmed)."""
    cache = _STEMS
    if len(cache) > 200_000:
        cache.clear()
    for token in set(vocabulary).difference(cache):
        cache[token] = _content_stem(token)
    return cache


NEGATIONS = frozenset(
    "not no never n't nobody nothing none neither nor cannot unable".split()
    # verbs that say something did not happen: "failed to enter" is "did not enter"
    + "fail fails failed failing failure refuse refuses refused refusing deny denies denied".split()
)
# "declined to comment" is "would not comment"; "shares declined" is no negation.
_DECLINED_TO = re.compile(r"\bdeclin(?:e|es|ed|ing) to\b")
# Closed classes where a different word means a different fact ("Tuesday" is not "Thursday").
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_UNITS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * n
    for n, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numbers(tokens: Sequence[str]) -> frozenset[str]:
    """The numbers a sentence states, as canonical strings: "1,200" and "1200" are one,
    "sixty-four" is "64", "£9.8m" and "9.8 million" are both "9.8" (magnitudes are ignored)."""
    found: set[str] = set()
    pending = 0
    for token in (*tokens, ""):
        if token in _TENS:
            if pending:
                found.add(str(pending))
            pending = _TENS[token]
            continue
        if token in _UNITS and token not in ("zero", "one"):  # "one" is mostly a pronoun
            value = _UNITS[token]
            if pending and pending % 10 == 0 and value < 10:
                found.add(str(pending + value))
                pending = 0
            else:
                if pending:
                    found.add(str(pending))
                pending = value
            continue
        if pending:
            found.add(str(pending))
            pending = 0
        if not token[:1].isdecimal():  # what \d matches: no number starts here
            continue
        match = _NUMBER.match(token)
        if match:
            value_text = match.group().replace(",", "")
            if "." in value_text:
                value_text = value_text.rstrip("0").rstrip(".")
            found.add(value_text)
    return frozenset(found)


ROUNDING_SHARE = 0.05  # a rounded figure is within 5% of the exact one


def is_rounding(x: str, y: str) -> bool:
    """One canonical number (as ``numbers`` gives them) is the other rounded: "1.23" / "1.2",
    "2497" / "2500". Outlets round a figure their source gave exactly; a different figure
    ("1.2" / "1.5", "130000" / "100000") or year ("1995" / "2000") is not a rounding."""
    try:
        fx, fy = float(x), float(y)
    except ValueError:
        return False
    if fx == fy:
        return True
    if abs(fx - fy) > ROUNDING_SHARE * max(abs(fx), abs(fy)):
        return False
    for exact, rounded in ((x, y), (y, x)):
        places_exact = len(exact.partition(".")[2])
        places_rounded = len(rounded.partition(".")[2])
        if places_rounded < places_exact:
            step = Decimal(1).scaleb(-places_rounded)  # half up, as people round: 4.55 -> 4.6
            if Decimal(exact).quantize(step, rounding=ROUND_HALF_UP) == Decimal(rounded):
                return True
        elif places_rounded == places_exact == 0:
            zeros = len(rounded) - len(rounded.rstrip("0"))
            is_year = all(1800 <= float(n) <= 2100 for n in (x, y))
            if 2 <= zeros < len(rounded) and not is_year:
                if round(int(exact), -zeros) == int(rounded):
                    return True
    return False


def rounded_pairs(only_a: frozenset[str], only_b: frozenset[str]) -> int:
    """How many numbers of ``only_a`` are roundings of a number of ``only_b`` (one each)."""
    left = set(only_b)
    count = 0
    for x in sorted(only_a):
        for y in sorted(left):
            if is_rounding(x, y):
                left.discard(y)
                count += 1
                break
    return count


NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)  # "twelve", "forty"
_NUMBER_WORDS = NUMBER_WORDS
_DATE_WORDS = WEEKDAYS | (MONTHS - {"may"})
_DIGIT = re.compile(r"\d")
_NO_WHEN: frozenset[str] = frozenset()
_NO_FACTS: tuple[frozenset[str], bool, frozenset[str]] = (frozenset(), False, _NO_WHEN)


def facts(
    tokens: Sequence[str], unique: set[str] | None = None
) -> tuple[frozenset[str], bool, frozenset[str]]:
    """(numbers, negated, weekdays and months) of a sentence's normalised tokens
    (``unique``: ``set(tokens)``, when the caller has it already)."""
    if unique is None:
        unique = set(tokens)
    joined = " ".join(unique)  # one C-speed scan instead of a Python loop per token
    negated = not unique.isdisjoint(NEGATIONS) or "n't" in joined
    if not negated and "declin" in joined:
        negated = _DECLINED_TO.search(" ".join(tokens)) is not None
    when = frozenset(unique & _DATE_WORDS) if not unique.isdisjoint(_DATE_WORDS) else _NO_WHEN
    has_number = not unique.isdisjoint(_NUMBER_WORDS) or _DIGIT.search(joined) is not None
    if not (negated or when or has_number):
        return _NO_FACTS
    return (numbers(tokens) if has_number else frozenset()), negated, when


# A sentence none of whose words is one of these has no facts: facts() need not look at it.
_FACT_WORDS = NEGATIONS | _DATE_WORDS | _NUMBER_WORDS


def _may_state_fact(token: str) -> bool:
    # What facts() looks for: listed words, "n't", "declin(ed to)", digits.
    return (
        token in _FACT_WORDS
        or "n't" in token
        or "declin" in token
        or _DIGIT.search(token) is not None
    )


def idf_weights(documents: Sequence[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency of each stem over ``documents`` (sentences of both texts)."""
    # Counter counts in C; a set or frozenset document has each term once already.
    if not set(map(type, documents)) <= {set, frozenset}:  # checked in C (the aligner's are)
        documents = [d if isinstance(d, (set, frozenset)) else set(d) for d in documents]
    frequency = Counter(chain.from_iterable(documents))
    total = len(documents) + 1
    # A weight depends on the count only: one log per distinct count, mapped in C.
    weight = {count: math.log(1 + total / count) for count in set(frequency.values())}
    return dict(zip(frequency, map(weight.__getitem__, frequency.values()), strict=True))
