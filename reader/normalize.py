"""Text normalisation for comparing sentences: case, quotes, dashes, white space, content words.

Comparison looks through typography (curly vs straight quotes, en/em dashes, non-breaking
spaces, case) and weighs content words (names, numbers, nouns, verbs) far above function
words ("the", "of", "said"), so that two sentences sharing only "the ... of ... in" never
look alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

_TRANSLATE = str.maketrans(
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
_SPACES = re.compile(r"\s+")
WORD = re.compile(r"\w+(?:['.]\w+)*")

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
    """.split()
)


def normalise(text: str) -> str:
    """Lower case, straight quotes, plain hyphens, single spaces."""
    return _SPACES.sub(" ", text.translate(_TRANSLATE)).strip().casefold()


def words(text: str) -> list[str]:
    """Normalised word tokens (punctuation dropped, inner apostrophes and dots kept)."""
    return WORD.findall(normalise(text))


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
    return word[:6]


def content_stems(tokens: Iterable[str]) -> list[str]:
    """Stems of the content words, in order (numbers included)."""
    return [stem(t) for t in tokens if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


def idf_weights(documents: Sequence[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency of each stem over ``documents`` (sentences of both texts)."""
    frequency: dict[str, int] = {}
    for document in documents:
        for term in set(document):
            frequency[term] = frequency.get(term, 0) + 1
    total = len(documents) + 1
    return {term: math.log(1 + total / count) for term, count in frequency.items()}
