"""Fact swaps between two near-copies of a sentence: the look-alikes of news paraphrase data.

Two outlets' sentences that agree word for word except in one spot are paraphrases when the
spot is a reworded phrase ("fell" / "dropped") and different statements when it is a fact
swapped for another: a number ("6,000" / "16,000"), a day or a unit of time ("next month" /
"next year"), a name ("the Green Party" / "the Liberal Party"), who acts ("the chairman" /
"the manager"), a word for its opposite ("praised" / "criticised"), or a negation put in or
taken out ("would step down" / "would not step down"). Only the differing spots of the word
alignment are read, so a fact both sentences state, or one a sentence states elsewhere, does
not count. Likewise a long clause only one side has (a claim the other does not make).
Used by ``reader.align_score.score`` where the words mostly agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from reader.align_detail import is_detail
from reader.normalize import (
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    STOPWORDS,
    TYPOGRAPHY,
    WEEKDAYS,
    content_stems,
    numbers,
    rounded_pairs,
    stem,
)

# Units of time: "out for six weeks" / "out for six months" is another fact.
TIME_UNITS = frozenset(
    "hour hours day days week weeks weekend month months year years decade decades century "
    "centuries quarter quarters spring summer autumn winter".split()  # not "fall": a verb too
)
# "without a win" is "winless": a preposition, not a negated statement.
_NEGATING = NEGATIONS - {"without", "failure"}
_DECLINE = frozenset("decline declines declined declining".split())
SWAP_SPOT = 5  # words on each side of a spot that swaps a fact
NEGATION_SPOT = 3  # words on each side of a spot that flips a negation
ADDED_CLAIM_WORDS = 6
# One sentence this many words longer than the other may add a claim (the cheap test).
CLAIM_LENGTH_GAP = 3
ADDED_CLAIM_SHARE = 0.65  # of the shorter sentence's words
NEAR_COPY = 0.5  # share of the shorter sentence's words that must agree, in order

_UNIT_OF = {w: w.removesuffix("s") for w in TIME_UNITS} | {"centuries": "century"}

# Who acts: people and institutions a news sentence attributes an act to. Words of one group
# name the same actor ("spokesman" / "spokeswoman").
ACTOR_GROUPS: tuple[tuple[str, ...], ...] = (
    ("minister", "ministry", "ministers"),
    ("president", "presidential"),
    ("prime",),
    ("chancellor",),
    ("governor",),
    ("mayor",),
    ("senator", "senators", "senate"),
    ("chairman", "chairwoman", "chair", "chairperson"),
    ("chief", "executive", "ceo", "boss"),
    ("director", "head"),
    ("manager", "coach"),
    ("captain",),
    ("goalkeeper", "keeper"),
    ("striker", "forward"),
    ("spokesman", "spokeswoman", "spokesperson"),
    ("police", "officers", "detectives"),
    ("army", "military", "soldiers", "troops"),
    ("union", "unions"),
    ("judge", "judges", "court"),
    ("jury", "jurors"),
    ("prosecutor", "prosecutors", "prosecution"),
    ("lawyer", "lawyers", "attorney", "counsel"),
    ("doctors", "doctor", "surgeons"),
    ("nurses", "nurse"),
    ("teachers", "teacher"),
    ("students", "student", "pupils"),
    ("parents",),
    ("residents",),
    ("analysts", "analyst", "economists", "economist"),
    ("investors", "shareholders"),
    ("board",),
    ("opposition",),
    ("government",),
    ("assistant", "deputy"),
    ("secretary",),
    ("agent",),
    ("customs",),
    ("workers", "staff", "employees"),
    ("scientists", "researchers"),
    ("regulator", "regulators"),
    ("king", "queen"),
    # a business as a party: "the union said" / "the airline said"
    ("company", "firm", "airline", "carrier", "lender", "bank", "insurer", "retailer"),
)
_ACTOR_OF = {word: n for n, group in enumerate(ACTOR_GROUPS) for word in group}

# Opposites common in news claims: one side says a word of the first group, the other a word
# of the second.
OPPOSITES: tuple[tuple[str, str], ...] = (
    ("praised praise praises", "criticised criticized criticise criticize condemned condemn"),
    ("welcomed welcome welcomes", "criticised criticized condemned rejected"),
    ("win wins won victory", "loss losses lost defeat defeats"),
    ("admitted admits admit", "denied denies deny"),
    ("accepted accepts accept", "rejected rejects reject appeal appealed"),
    ("approved approve approves", "rejected reject rejects blocked"),
    ("support supports supported", "oppose opposes opposed"),
    (
        "rose rise rises risen increased increase increases gained climbed",
        "fell fall falls fallen decreased decrease decreases dropped declined",
    ),
    ("higher", "lower"),
    # an economy, a company, a market: growing is not shrinking
    ("grew grow grows growing expanded expand expands", "shrank shrink shrinks contracted"),
    # a rate, a price, a forecast: "raised" / "cut"
    ("raised raise raises lifted hiked", "cut cuts lowered reduced"),
    ("hire hires hired hiring", "cut cuts fire fired sacked"),
    ("upheld uphold upholds", "overturned overturn overturns quashed"),
    ("confirmed confirms confirm", "denied denies deny"),
    ("stay stays remain remains", "leave leaves withdraw withdraws"),
    ("begin begins began start starts started", "finished finish finishes ended"),
    ("exaggerated overstated", "underestimated understated"),
    ("easy", "impossible difficult hard"),
    ("possible", "impossible"),
    ("likely", "unlikely"),
    ("slow slowed", "speed accelerate accelerated"),
    ("guilty", "innocent acquitted"),
    ("legal", "illegal"),
    ("allowed allow", "banned ban barred"),
    ("better", "worse"),
    ("strong stronger", "weak weaker"),
    ("success succeeded", "failure failed"),
    ("more", "less fewer"),
    ("open opened", "closed close shut"),
    ("largest biggest", "smallest"),
    ("highest", "lowest"),
    ("best", "worst"),
)
_OPPOSITE_OF: dict[str, frozenset[str]] = {}
for _one, _other in OPPOSITES:
    for _word in _one.split():
        _OPPOSITE_OF[_word] = _OPPOSITE_OF.get(_word, frozenset()) | frozenset(_other.split())
    for _word in _other.split():
        _OPPOSITE_OF[_word] = _OPPOSITE_OF.get(_word, frozenset()) | frozenset(_one.split())


# Pairs that say one event from either party's side ("X won against Y" / "Y lost to X"):
# opposite only where the rest of the sentence stays (align_swaps' spots), not anywhere.
CONVERSES = frozenset({"win wins won victory"})


def _opposite_stems() -> dict[str, tuple[int, int]]:
    """Content stem (after the paraphrase words are mapped) -> (index of its OPPOSITES
    pair, 1 for the first group or 2 for the second); a stem both groups reach is left out."""
    out: dict[str, tuple[int, int]] = {}
    for k, (one, other) in enumerate(OPPOSITES):
        if one in CONVERSES:
            continue
        stems_one = set(content_stems(one.split())) - {""}
        stems_other = set(content_stems(other.split())) - {""}
        common = stems_one & stems_other
        out.update((x, (k, 1)) for x in stems_one - common)
        out.update((x, (k, 2)) for x in stems_other - common)
    return out


_OPPOSITE_SIDE = _opposite_stems()


def opposed(stems_a: frozenset[str], stems_b: frozenset[str]) -> bool:
    """For some pair of OPPOSITES one sentence says only words of one group and the other
    only words of the other ("rose" / "fell", "begin" / "finished"), wherever they say them.
    A sentence with words of both groups ("rose as supply fell") opposes nothing."""
    sides_a = {_OPPOSITE_SIDE[x] for x in stems_a if x in _OPPOSITE_SIDE}
    if not sides_a:
        return False
    sides_b = {_OPPOSITE_SIDE[x] for x in stems_b if x in _OPPOSITE_SIDE}
    for k, group in sides_a:
        other = 3 - group
        if (k, other) in sides_b and (k, group) not in sides_b and (k, other) not in sides_a:
            return True
    return False


# Words whose change may be a swapped fact (numbers are found by their digits).
_SWAP_WORDS = (
    WEEKDAYS
    | MONTHS
    | TIME_UNITS
    | frozenset(_ACTOR_OF)
    | frozenset(_OPPOSITE_OF)
    | frozenset(NUMBER_WORDS)
)

_SWAP_STEMS = frozenset(stem(w) for w in _SWAP_WORDS | {"less", "fewer"})
_DIGIT_START = re.compile(r"(?:^| )\d")
# Negating words, with the usual contractions ("didn't"), for a set test; _negations counts.
_NEGATING_ALL = (
    _NEGATING
    | _DECLINE
    | frozenset(
        "don't didn't doesn't won't can't isn't wasn't aren't weren't hasn't haven't hadn't "
        "wouldn't couldn't shouldn't mustn't needn't ain't".split()
    )
    | {"too"}  # "too hot to": see _too_to
)

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
    if not _SWAP_STEMS.isdisjoint(only_a) or not _SWAP_STEMS.isdisjoint(only_b):
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
    if not _NEGATING_ALL.isdisjoint(all_a) or not _NEGATING_ALL.isdisjoint(all_b):
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
    if not _SWAP_WORDS.isdisjoint(only_a) or not _SWAP_WORDS.isdisjoint(only_b):
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
    if _negations(words_a) % 2 != _negations(words_b) % 2 and (
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

# Words that open a clause of its own ("..., which appears in Nature", "..., and police have
# charged a man"): what follows one is a statement, not a reworded phrase.
CLAUSE_OPENERS = frozenset(
    "which who whose and but while whereas before after because so although though".split()
)
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
    actors_a = {_ACTOR_OF[w] for w in seg_a if w in _ACTOR_OF}
    actors_b = {_ACTOR_OF[w] for w in seg_b if w in _ACTOR_OF}
    if not actors_a or not actors_b or not actors_a.isdisjoint(actors_b):
        return False
    in_a = {_ACTOR_OF[w] for w in words_a if w in _ACTOR_OF}
    in_b = {_ACTOR_OF[w] for w in words_b if w in _ACTOR_OF}
    return (actors_a.isdisjoint(in_b) and actors_b <= in_a) or (
        actors_b.isdisjoint(in_a) and actors_a <= in_b
    )


def _is_party(seg: Sequence[str], text: str) -> bool:
    """Someone who acts: an actor word, or a word written capitalised (a name)."""
    return any(w in _ACTOR_OF for w in seg) or _may_be_name(seg, text)


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
            negated_a, negated_b = _negations(seg_a) % 2, _negations(seg_b) % 2
            if negated_a != negated_b and _same_content(seg_a, seg_b):
                return not _negative_meaning(seg_b if negated_a else seg_a)
    return False


# Words that carry a negation in their own meaning: "unsafe" is "not safe", "stopped working"
# is "no longer works". A spot with one of them may be the other side's negation reworded.
_NEGATIVE_PREFIX = re.compile(r"^(?:un|in|im|il|ir|dis|non)[a-z]{3,}|[a-z]{3,}less$")
_NEGATIVE_MEANING = frozenset(
    "stop stops stopped halt halts halted ban bans banned lack lacks lacked absent quit quits "
    "abandon abandoned scrap scrapped reject rejects rejected drop dropped end ended ends "
    "without lost lose loses missing few little rarely hardly barely".split()
)


def _negated_claim(spots: list[Spot], words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """A short spot (SWAP_SPOT words at most) carries the negation one side adds and the
    other side's words there are no negation reworded: "could not be explained by" / "was
    driven mainly by" states the opposite claim in the same frame ("not safe" / "unsafe",
    "does not work" / "stopped working" are the same claim)."""
    for a0, a1, b0, b1 in spots:
        seg_a, seg_b = words_a[a0:a1], words_b[b0:b1]
        if len(seg_a) > SWAP_SPOT or len(seg_b) > SWAP_SPOT or not seg_a or not seg_b:
            continue
        negated_a, negated_b = _negations(seg_a) % 2, _negations(seg_b) % 2
        if negated_a == negated_b:
            continue
        if not _negative_meaning(seg_b if negated_a else seg_a):
            return True
    return False


def _negative_meaning(seg: Sequence[str]) -> bool:
    return any(w in _NEGATIVE_MEANING or _NEGATIVE_PREFIX.match(w) for w in seg)


def _same_content(seg_a: Sequence[str], seg_b: Sequence[str]) -> bool:
    """Apart from negations, the spot says the same ("expected" / "did not expect") or one
    side nothing ("no one" / "one person"), not something else ("Ukraine" / "no one else")."""
    stems_a = {stem(w) for w in seg_a if w not in STOPWORDS and w not in NEGATIONS}
    stems_b = {stem(w) for w in seg_b if w not in STOPWORDS and w not in NEGATIONS}
    return not stems_a or not stems_b or not stems_a.isdisjoint(stems_b)


def _negations(words: Sequence[str]) -> int:
    """Negating words ("not", "failed", "declined to", "too hot to"): an odd count negates."""
    if _NEGATING.isdisjoint(words) and _DECLINE.isdisjoint(words) and "too" not in words:
        if not any(w.endswith("n't") for w in words):
            return 0
    count = sum(1 for w in words if w in _NEGATING or w.endswith("n't"))
    count += sum(
        1 for w, after in zip(words, words[1:], strict=False) if w in _DECLINE and after == "to"
    )
    return count + _too_to(words)


def _too_to(words: Sequence[str]) -> int:
    """ "too hot to support life" says it cannot: "too" with "to" one or two words on."""
    return sum(
        1
        for k, w in enumerate(words)
        if w == "too" and "to" in words[k + 2 : k + 4] and words[k + 1] not in STOPWORDS
    )


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
            when_a = {_UNIT_OF.get(w, w) for w in when.intersection(seg_a)}
            when_b = {_UNIT_OF.get(w, w) for w in when.intersection(seg_b)}
            if when_a and when_b and when_a.isdisjoint(when_b):  # "year" / "years" is one
                return True
    actors_a = {_ACTOR_OF[w] for w in seg_a if w in _ACTOR_OF}
    actors_b = {_ACTOR_OF[w] for w in seg_b if w in _ACTOR_OF}
    if actors_a and actors_b and actors_a.isdisjoint(actors_b):
        return True
    return any(not _OPPOSITE_OF.get(word, frozenset()).isdisjoint(seg_b) for word in seg_a)
