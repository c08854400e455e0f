"""The aligner's per-word work over many sentences at once: ``normalize.sentence_words`` with
str methods instead of the WORD pattern where the text allows, and ``stems_and_facts``.

WORD finds about seven million tokens a second; most sentences need none of its rules. In
ASCII text without digits a token is a run of [a-z_] or several joined by single apostrophes
or dots ("don't", "u.s"), and every other character separates tokens. So, over all the
sentences joined into one string: the apostrophes and dots that join nothing go (a full stop
ending a sentence by rstrip, the others in one regex substitution), every other separator
becomes a space and every digit or non-ASCII character a marker (one ``str.translate``, at C
speed on ASCII), and ``str.split`` gives the tokens of each sentence without a marker; the
others (numbers, accents) go through WORD. The same tokens, 3x faster on the bench documents,
1.2x on news text (where a sentence in four or five has a number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.normalize import (
    _NO_FACTS,
    _STEMS,
    _may_state_fact,
    facts,
    fold_typography,
    folded_sentence_words,
    words,
)
from reader.normalize import sentence_words as normalize_sentence_words

Facts = tuple[frozenset[str], bool, frozenset[str]]  # numbers, negated, weekdays/months

_SEPARATOR = "\x02"  # between sentences in the joined string (a text with one goes through WORD)
_MARKER = "\x01"  # a character only WORD tokenises right
# An apostrophe or dot joins two tokens only between two word characters.
_LOOSE = re.compile(r"['.](?:(?!\w)|(?<!\w['.]))")  # a plain class first: a scan in C
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_TOKENS = str.maketrans(
    {
        code: (_MARKER if chr(code).isdigit() or chr(code).isupper() else " ")
        for code in range(128)
        if chr(code) not in "abcdefghijklmnopqrstuvwxyz_'." + _SEPARATOR + _MARKER
    }
)


def sentence_words(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """``normalize.sentence_words(text, spans)``: the ``words`` of each span of ``text``."""
    if not spans:
        return []
    folded = fold_typography(text).casefold()
    if _SEPARATOR in folded:
        return normalize_sentence_words(text, spans)
    # Where folding keeps the offsets, normalize tokenises the folded text; elsewhere (ß, …)
    # each span on its own (``words``, which also makes white space single: no matter without
    # digits). Either way the tokens of the folded span, and folding goes character by
    # character: the joined spans can be folded as one string.
    same_offsets = len(folded) == len(text)
    source = folded if same_offsets else text
    # Apostrophes and dots at the end of a sentence join nothing (its full stop): dropped here
    # (a call per sentence costs less than a substitution each), the substitution is then
    # mostly not needed at all. The separator is no word character: as at a span's end.
    joined = _SEPARATOR.join([source[s:e].rstrip("'.") for s, e in spans])
    if not same_offsets:
        joined = fold_typography(joined).casefold()
    if "." in joined or "'" in joined:
        joined = _LOOSE.sub(" ", joined)
    if not joined.isascii():
        joined = _NON_ASCII.sub(_MARKER, joined)
    joined = joined.translate(_ASCII_TOKENS)
    out = list(map(str.split, joined.split(_SEPARATOR)))
    if _MARKER in joined:  # sentences with a number or an accent: through WORD
        redo = [k for k, piece in enumerate(joined.split(_SEPARATOR)) if _MARKER in piece]
        if same_offsets:
            again = folded_sentence_words(folded, [spans[k] for k in redo])
        else:
            again = [words(text[s:e]) for s, e in (spans[k] for k in redo)]
        for k, found in zip(redo, again, strict=True):
            out[k] = found
    return out


# No stem has 7 characters: the stem given to a fact word that has none ("not", "no").
_FACT_MARK = "\x00" * 7
_ONLY_MARK = frozenset([_FACT_MARK])


class _MarkedStems(dict[str, str]):
    """word -> its content stem, or _FACT_MARK for a fact word without one; ``fact_stems``
    has the stems of the fact words looked up ("monday", "four") and the mark. A sentence
    whose stems miss ``fact_stems`` has no fact word: one set test instead of a second look-up
    per word (a stem shared with a fact word only makes facts() look)."""

    __slots__ = ("fact_stems",)

    def __init__(self) -> None:
        super().__init__()
        self.fact_stems = {_FACT_MARK}

    def __missing__(self, word: str) -> str:
        stem = _STEMS[word]
        if _may_state_fact(word):
            stem = stem or _FACT_MARK
            self.fact_stems.add(stem)  # before the word is in the table (threads)
        self[word] = stem
        return stem


_marked_stems = _MarkedStems()


def stems_and_facts(
    token_lists: Sequence[Sequence[str]],
) -> list[tuple[frozenset[str], Facts]]:
    """``(frozenset(content_stems(tokens)), facts(tokens))`` for each token list, looking at
    each distinct word once (sentences of one text share most of their words)."""
    global _marked_stems
    _STEMS.bounded()
    if len(_marked_stems) > 200_000:  # bounded like _STEMS: a new table, with its own set
        _marked_stems = _MarkedStems()
    table = _marked_stems
    stem_of = table.__getitem__
    no_fact = table.fact_stems.isdisjoint
    out: list[tuple[frozenset[str], Facts]] = []
    for tokens in token_lists:
        stems = frozenset(filter(None, map(stem_of, tokens)))
        if no_fact(stems):
            out.append((stems, _NO_FACTS))
        else:
            out.append((stems - _ONLY_MARK if _FACT_MARK in stems else stems, facts(tokens)))
    return out
