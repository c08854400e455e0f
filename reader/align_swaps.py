"""Fact swaps between two near-copies of a sentence: the look-alikes of news paraphrase data.

Two outlets' sentences that agree word for word except in one spot are paraphrases when the
spot is a reworded phrase ("fell" / "dropped") and different statements when it is a fact
swapped for another: a number ("6,000" / "16,000"), a day or a unit of time ("next month" /
"next year"), a name ("the Green Party" / "the Liberal Party"), who acts ("the chairman" /
"the manager"), a word for its opposite ("praised" / "criticised"), or a negation put in or
taken out ("would step down" / "would not step down"). Only the differing spots of the word
alignment are read, so a fact both sentences state, or one a sentence states elsewhere, does
not count. Likewise a long clause only one side has (a claim the other does not make).
Used by ``reader.align_score.score`` where the words mostly agree; the word lists it reads
(time units, actors, opposites, negations) are in ``reader.align_words``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from reader.align_detail import is_detail
from reader.align_words import (
    ACTOR_OF,
    CLAUSE_OPENERS,
    NEGATING_ALL,
    OPPOSITE_OF,
    SWAP_STEMS,
    SWAP_WORDS,
    TIME_UNITS,
    UNIT_OF,
    negations,
    negative_meaning,
)
from reader.normalize import (
    MONTHS,
    NEGATIONS,
    STOPWORDS,
    TYPOGRAPHY,
    WEEKDAYS,
    numbers,
    rounded_pairs,
    stem,
)

SWAP_SPOT = 5  # words on each side of a spot that swaps a fact
NEGATION_SPOT = 3  # words on each side of a spot that flips a negation
ADDED_CLAIM_WORDS = 6
# One sentence this many words longer than the other may add a claim (the cheap test).
CLAIM_LENGTH_GAP = 3
ADDED_CLAIM_SHARE = 0.65  # of the shorter sentence's words
NEAR_COPY = 0.5  # share of the shorter sentence's words that must agree, in order

_DIGIT_START = re.compile(r"(?:^| )\d")

SWAP_PENALTY = 70.0  # score points: below the extension threshold whatever the rest scores
# A word starting with a capital letter (Latin scripts; other scripts simply find no names).
_CAPITALISED = re.compile(r"(?<![\w'.])[A-Z\u00c0-\u00de][\w'.]*\w|(?<![\w'.])[A-Z]\b")
_FIRST_WORD = re.compile(r"(?:^|[.!?]\s+)[\"'(]*(\w+)")


def names(text: str) -> frozenset[str]:
    """Capitalised words (lower-cased) that do not start a sentence, in ``text``. Words in all
    capitals are left out (a text in capitals has no telling case)."""
    plain = text.translate(TYPOGRAPHY)
    capitalised = [m for m in _CAPITALISED.finditer(plain) if not m.group().isupper()]
    if not capitalised:
        return frozenset()
    starts = {m.start(1) for m in _FIRST_WORD.finditer(plain)}
    return frozenset(m.group().casefold() for m in capitalised if m.start() not in starts)


EditOp = tuple[str, int, int, int, int]  # tag, a0, a1, b0, b1 (rapidfuzz opcodes as tuples)


def word_ops(words_a: Sequence[str], words_b: Sequence[str]) -> list[EditOp]:
    """Word-level edit operations turning ``words_a`` into ``words_b``."""
    return Levenshtein.opcodes(words_a, words_b).as_list()


def near_copy_changes(
    words_a: Sequence[str],
    words_b: Sequence[str],
    text_a: str,
    text_b: str,
    ops: list[EditOp] | None = None,
) -> tuple[bool, bool]:
    """(a fact swapped, a claim added) where the two word lists mostly agree (NEAR_COPY of
    the shorter one, in order); a fact counts only if the other sentence does not state it.
    ``ops``: ``word_ops(words_a, words_b)`` if the caller has them."""
    all_a, all_b = frozenset(words_a), frozenset(words_b)
    if not _may_change(words_a, words_b, all_a, all_b, text_a, text_b):
        return False, False
    if ops is None:
        ops = word_ops(words_a, words_b)
    equal = sum(a1 - a0 for tag, a0, a1, _, _ in ops if tag == "equal")
    if equal < NEAR_COPY * min(len(words_a), len(words_b)):
        return False, False
    spots = _spots(ops)
    return (
        _swapped(spots, words_a, words_b, all_a, all_b, text_a, text_b),
        _claim_added(spots, words_a, words_b, all_a, all_b),
    )


def may_change(
    only_a: frozenset[str],
    only_b: frozenset[str],
    facts_a: tuple[frozenset[str], bool, frozenset[str]],
    facts_b: tuple[frozenset[str], bool, frozenset[str]],
    length_gap: int,
    text_a: str,
    text_b: str,
) -> bool:
    """A cheaper first test on what the scorer has already: the content stems only one side
    has (``only_a``, ``only_b``), the sentences' facts and their difference in words. A swap
    needs new content on both sides, or a negation; an added claim makes one side longer."""
    if facts_a[1] or facts_b[1] or length_gap >= CLAIM_LENGTH_GAP:
        return True
    if not only_a and not only_b:
        return True  # the same content words in another order (an exchange of roles)
    if not only_a or not only_b:
        return False
    if not SWAP_STEMS.isdisjoint(only_a) or not SWAP_STEMS.isdisjoint(only_b):
        return True
    if any(s[0].isdigit() for s in only_a) or any(s[0].isdigit() for s in only_b):
        return True
    return _may_be_name(only_a, text_a) and _may_be_name(only_b, text_b)


def _may_change(
    words_a: Sequence[str],
    words_b: Sequence[str],
    all_a: frozenset[str],
    all_b: frozenset[str],
    text_a: str,
    text_b: str,
) -> bool:
    """A cheap test that ``near_copy_changes`` could find something: enough words only one
    side has for an added claim, or a word only one side has (or a negation) that could be a
    swapped fact or a name. Most pairs of a long article's sentences stop here."""
    if not NEGATING_ALL.isdisjoint(all_a) or not NEGATING_ALL.isdisjoint(all_b):
        return True
    only_a, only_b = all_a - all_b, all_b - all_a
    if len(words_a) - len(all_a) + len(only_a) >= ADDED_CLAIM_WORDS and (
        sum(1 for w in words_a if w in only_a) >= ADDED_CLAIM_WORDS
    ):
        return True
    if len(words_b) - len(all_b) + len(only_b) >= ADDED_CLAIM_WORDS and (
        sum(1 for w in words_b if w in only_b) >= ADDED_CLAIM_WORDS
    ):
        return True
    if not only_a and not only_b:
        return True  # the same words in another order: two parties may exchange places
    if not only_a or not only_b:
        return False  # a swap needs a word on each side
    if not SWAP_WORDS.isdisjoint(only_a) or not SWAP_WORDS.isdisjoint(only_b):
        return True
    if _DIGIT_START.search(" ".join(only_a)) or _DIGIT_START.search(" ".join(only_b)):
        return True
    return _may_be_name(only_a, text_a) and _may_be_name(only_b, text_b)


def _swapped(
    spots: list[Spot],
    words_a: Sequence[str],
    words_b: Sequence[str],
    all_a: frozenset[str],
    all_b: frozenset[str],
    text_a: str,
    text_b: str,
) -> bool:
    # The spots first: they are short, and mostly hold no negation.
    if negations(words_a) % 2 != negations(words_b) % 2 and (
        _negation_spot(spots, words_a, words_b) or _negated_claim(spots, words_a, words_b)
    ):
        return True
    names_a: frozenset[str] | None = None
    names_b: frozenset[str] | None = None
    for a0, a1, b0, b1 in spots:
        if a1 - a0 > SWAP_SPOT or b1 - b0 > SWAP_SPOT:
            continue  # a longer stretch is a rewording or an added clause, not a swap
        seg_a = [w for w in words_a[a0:a1] if w not in all_b]
        seg_b = [w for w in words_b[b0:b1] if w not in all_a]
        if not seg_a or not seg_b:
            continue
        if _fact_swapped(seg_a, seg_b, words_a, words_b):
            return True
        if not (_may_be_name(seg_a, text_a) and _may_be_name(seg_b, text_b)):
            continue
        if names_a is None or names_b is None:
            names_a, names_b = names(text_a), names(text_b)
        if _names_swapped(names_a.intersection(seg_a), names_b.intersection(seg_b)):
            return True
    if _clause_replaced(spots, words_a, words_b, all_a, all_b):
        return True
    return _roles_swapped(spots, words_a, words_b, text_a, text_b)


Spot = tuple[int, int, int, int]  # a differing stretch: A words [a0, a1), B words [b0, b1)

CLAUSE_NEW_WORDS = 2  # new content words on each side of a replaced closing clause


def _clause_replaced(
    spots: list[Spot],
    words_a: Sequence[str],
    words_b: Sequence[str],
    all_a: frozenset[str],
    all_b: frozenset[str],
) -> bool:
    """The two sentences share their start and end on different closing clauses ("the study,
    which appears in Nature" / "the study, which was funded by a drinks company"): each
    clause states a fact the other sentence does not. Paraphrases reword such a clause with
    shared or fewer new words ("shut down" / "close")."""
    if not spots:
        return False
    a0, a1, b0, b1 = spots[-1]
    # (a closing clause only one side has is _claim_added's: it may have moved elsewhere)
    if a1 != len(words_a) or b1 != len(words_b) or a0 == a1 or b0 == b1:
        return False
    opener = words_a[a0 - 2 : a0 + 1] if a0 else words_a[:1]
    if CLAUSE_OPENERS.isdisjoint(opener) and words_b[b0] not in CLAUSE_OPENERS:
        return False
    return (
        _new_content(words_a[a0:a1], all_b) >= CLAUSE_NEW_WORDS
        and _new_content(words_b[b0:b1], all_a) >= CLAUSE_NEW_WORDS
    )


def _new_content(seg: Sequence[str], other: frozenset[str]) -> int:
    """Content words of ``seg`` whose stem the other sentence does not have."""
    other_stems = {stem(w) for w in other if w not in STOPWORDS}
    return sum(
        1 for w in seg if w not in STOPWORDS and w not in other and stem(w) not in other_stems
    )


def _roles_swapped(
    spots: list[Spot],
    words_a: Sequence[str],
    words_b: Sequence[str],
    text_a: str,
    text_b: str,
) -> bool:
    """Who does what to whom changed while the words stayed: two parties exchange places
    ("the Yankees beat the Red Sox" / "the Red Sox beat the Yankees"), or one side's party
    is replaced by a party the other side names in another role ("the union said the
    airline had offered" / "the airline said it had offered"). The words of each spot are
    read whole here, since each one is also said elsewhere in the other sentence."""
    parts: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for a0, a1, b0, b1 in spots:
        seg_a = tuple(w for w in words_a[a0:a1] if w not in STOPWORDS)
        seg_b = tuple(w for w in words_b[b0:b1] if w not in STOPWORDS)
        if not seg_a and not seg_b:
            continue
        if a1 - a0 > SWAP_SPOT or b1 - b0 > SWAP_SPOT:
            return False  # a reworded stretch: the roles may be said another way
        parts.append((seg_a, seg_b))
        if _party_moved(seg_a, seg_b, words_a, words_b):
            return True
    # Exactly two spots, each the other's mirror: an exchange, the verb between them kept
    # (a passive "were beaten by" changes the words between and is no exchange).
    if len(parts) != 2:
        return False
    (one_a, one_b), (two_a, two_b) = parts
    if not (one_a and one_b and one_a == two_b and one_b == two_a):
        return False
    return _is_party(one_a, text_a) and _is_party(one_b, text_b)


def _party_moved(
    seg_a: Sequence[str], seg_b: Sequence[str], words_a: Sequence[str], words_b: Sequence[str]
) -> bool:
    """An actor of one side's spot is absent from the other sentence, whose spot holds an
    actor that the first sentence names elsewhere (in another role)."""
    actors_a = {ACTOR_OF[w] for w in seg_a if w in ACTOR_OF}
    actors_b = {ACTOR_OF[w] for w in seg_b if w in ACTOR_OF}
    if not actors_a or not actors_b or not actors_a.isdisjoint(actors_b):
        return False
    in_a = {ACTOR_OF[w] for w in words_a if w in ACTOR_OF}
    in_b = {ACTOR_OF[w] for w in words_b if w in ACTOR_OF}
    return (actors_a.isdisjoint(in_b) and actors_b <= in_a) or (
        actors_b.isdisjoint(in_a) and actors_a <= in_b
    )


def _is_party(seg: Sequence[str], text: str) -> bool:
    """Someone who acts: an actor word, or a word written capitalised (a name)."""
    return any(w in ACTOR_OF for w in seg) or _may_be_name(seg, text)


def _spots(ops: list[EditOp]) -> list[Spot]:
    """Runs of consecutive non-equal edit operations, as one stretch each."""
    spots: list[Spot] = []
    for tag, a0, a1, b0, b1 in ops:
        if tag == "equal":
            continue
        if spots and spots[-1][1] == a0 and spots[-1][3] == b0:
            spots[-1] = (spots[-1][0], a1, spots[-1][2], b1)
        else:
            spots.append((a0, a1, b0, b1))
    return spots


def _claim_added(
    spots: list[Spot],
    words_a: Sequence[str],
    words_b: Sequence[str],
    all_a: frozenset[str],
    all_b: frozenset[str],
) -> bool:
    """One side says all the other says plus a clause as long as a good part of it ("... won
    her match in straight sets" / "..., but needed treatment on her wrist and may pull out of
    the doubles"): a claim the other does not make. Paraphrases add a few words at most."""
    shorter = min(len(words_a), len(words_b))
    least = max(ADDED_CLAIM_WORDS, ADDED_CLAIM_SHARE * shorter)
    for a0, a1, b0, b1 in spots:
        if a1 - a0 < least and b1 - b0 < least:
            continue
        # Who said it, when, where: detail an outlet adds, not a claim of its own.
        if is_detail(words_a[a0:a1] if a1 - a0 > b1 - b0 else words_b[b0:b1]):
            continue
        # Words said nowhere on the other side: a clause moved elsewhere is no addition.
        new_a = sum(1 for w in words_a[a0:a1] if w not in all_b)
        new_b = sum(1 for w in words_b[b0:b1] if w not in all_a)
        added = abs(new_a - new_b)
        if added >= ADDED_CLAIM_WORDS and added >= ADDED_CLAIM_SHARE * shorter:
            return True
    return False


def _may_be_name(seg: Iterable[str], text: str) -> bool:
    """Some word of ``seg`` is written capitalised in ``text`` (a cheap test before
    ``names``)."""
    return any(w[:1].upper() + w[1:] in text for w in seg if w[:1].isalpha())


def _names_swapped(in_a: frozenset[str], in_b: frozenset[str]) -> bool:
    """Different names in one spot, not two forms of one ("Feb" / "February", "Europe" /
    "European")."""
    return bool(in_a and in_b) and not any(x[:3] == y[:3] for x in in_a for y in in_b)


def _negation_spot(spots: list[Spot], words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """A short differing spot puts a negation in ("would step down" / "would not step down");
    a longer one is a rewording ("not admit new members" / "halt its expansion")."""
    for a0, a1, b0, b1 in spots:
        seg_a, seg_b = words_a[a0:a1], words_b[b0:b1]
        if len(seg_a) <= NEGATION_SPOT and len(seg_b) <= NEGATION_SPOT:
            negated_a, negated_b = negations(seg_a) % 2, negations(seg_b) % 2
            if negated_a != negated_b and _same_content(seg_a, seg_b):
                return not negative_meaning(seg_b if negated_a else seg_a)
    return False


def _negated_claim(spots: list[Spot], words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """A short spot (SWAP_SPOT words at most) carries the negation one side adds and the
    other side's words there are no negation reworded: "could not be explained by" / "was
    driven mainly by" states the opposite claim in the same frame ("not safe" / "unsafe",
    "does not work" / "stopped working" are the same claim)."""
    for a0, a1, b0, b1 in spots:
        seg_a, seg_b = words_a[a0:a1], words_b[b0:b1]
        if len(seg_a) > SWAP_SPOT or len(seg_b) > SWAP_SPOT or not seg_a or not seg_b:
            continue
        negated_a, negated_b = negations(seg_a) % 2, negations(seg_b) % 2
        if negated_a == negated_b:
            continue
        if not negative_meaning(seg_b if negated_a else seg_a):
            return True
    return False


def _same_content(seg_a: Sequence[str], seg_b: Sequence[str]) -> bool:
    """Apart from negations, the spot says the same ("expected" / "did not expect") or one
    side nothing ("no one" / "one person"), not something else ("Ukraine" / "no one else")."""
    stems_a = {stem(w) for w in seg_a if w not in STOPWORDS and w not in NEGATIONS}
    stems_b = {stem(w) for w in seg_b if w not in STOPWORDS and w not in NEGATIONS}
    return not stems_a or not stems_b or not stems_a.isdisjoint(stems_b)


def _fact_swapped(
    seg_a: Sequence[str], seg_b: Sequence[str], words_a: Sequence[str], words_b: Sequence[str]
) -> bool:
    # One number for another ("6,000" / "16,000"); not "40%" / "four in ten".
    numbers_a, numbers_b = numbers(seg_a), numbers(seg_b)
    if len(numbers_a) == 1 == len(numbers_b) and numbers_a != numbers_b:
        if rounded_pairs(numbers_a, numbers_b):  # "1.23" / "1.2": the same figure rounded
            return False
        return numbers_a.isdisjoint(numbers(words_b)) and numbers_b.isdisjoint(numbers(words_a))
    # "next month" / "next year"; "a week" / "seven days" is a conversion.
    # Only within one class: "the previous month" / "February" is a rewording.
    if not numbers_a and not numbers_b:
        for when in (WEEKDAYS, MONTHS, TIME_UNITS):
            when_a = {UNIT_OF.get(w, w) for w in when.intersection(seg_a)}
            when_b = {UNIT_OF.get(w, w) for w in when.intersection(seg_b)}
            if when_a and when_b and when_a.isdisjoint(when_b):  # "year" / "years" is one
                return True
    actors_a = {ACTOR_OF[w] for w in seg_a if w in ACTOR_OF}
    actors_b = {ACTOR_OF[w] for w in seg_b if w in ACTOR_OF}
    if actors_a and actors_b and actors_a.isdisjoint(actors_b):
        return True
    return any(not OPPOSITE_OF.get(word, frozenset()).isdisjoint(seg_b) for word in seg_a)
