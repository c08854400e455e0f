"""Closed word lists of the look-alike rules (``reader.align_swaps``) and what reads them.

Which words name a unit of time, who acts ("the chairman", "police"), a word and its opposite
("praised" / "criticised"), a negation ("not", "declined to", "too hot to") or a negative
meaning ("unsafe", "stopped"), and the set of words whose change may be a swapped fact. The
tables are data: the rules that decide what a differing spot means live in ``align_swaps``;
``opposed`` also serves the pair scorer (``reader.align_score``) for opposites anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.normalize import (
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    STOPWORDS,
    WEEKDAYS,
    content_stems,
    stem,
)

# Units of time: "out for six weeks" / "out for six months" is another fact.
TIME_UNITS = frozenset(
    "hour hours day days week weeks weekend month months year years decade decades century "
    "centuries quarter quarters spring summer autumn winter".split()  # not "fall": a verb too
)
UNIT_OF = {w: w.removesuffix("s") for w in TIME_UNITS} | {"centuries": "century"}

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
ACTOR_OF = {word: n for n, group in enumerate(ACTOR_GROUPS) for word in group}

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
OPPOSITE_OF: dict[str, frozenset[str]] = {}
for _one, _other in OPPOSITES:
    for _word in _one.split():
        OPPOSITE_OF[_word] = OPPOSITE_OF.get(_word, frozenset()) | frozenset(_other.split())
    for _word in _other.split():
        OPPOSITE_OF[_word] = OPPOSITE_OF.get(_word, frozenset()) | frozenset(_one.split())


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
_OPPOSITE_STEMS = frozenset(_OPPOSITE_SIDE)


def opposed(stems_a: frozenset[str], stems_b: frozenset[str]) -> bool:
    """For some pair of OPPOSITES one sentence says only words of one group and the other
    only words of the other ("rose" / "fell", "begin" / "finished"), wherever they say them.
    A sentence with words of both groups ("rose as supply fell") opposes nothing."""
    # Most sentences have none of those stems: a set test at C speed tells.
    if _OPPOSITE_STEMS.isdisjoint(stems_a):
        return False
    sides_a = {_OPPOSITE_SIDE[x] for x in _OPPOSITE_STEMS.intersection(stems_a)}
    sides_b = {_OPPOSITE_SIDE[x] for x in _OPPOSITE_STEMS.intersection(stems_b)}
    for k, group in sides_a:
        other = 3 - group
        if (k, other) in sides_b and (k, group) not in sides_b and (k, other) not in sides_a:
            return True
    return False


# Words whose change may be a swapped fact (numbers are found by their digits).
SWAP_WORDS = (
    WEEKDAYS
    | MONTHS
    | TIME_UNITS
    | frozenset(ACTOR_OF)
    | frozenset(OPPOSITE_OF)
    | frozenset(NUMBER_WORDS)
)

SWAP_STEMS = frozenset(stem(w) for w in SWAP_WORDS | {"less", "fewer"})

# Words that open a clause of its own ("..., which appears in Nature", "..., and police have
# charged a man"): what follows one is a statement, not a reworded phrase.
CLAUSE_OPENERS = frozenset(
    "which who whose and but while whereas before after because so although though".split()
)

# "without a win" is "winless": a preposition, not a negated statement.
_NEGATING = NEGATIONS - {"without", "failure"}
_DECLINE = frozenset("decline declines declined declining".split())
# Negating words, with the usual contractions ("didn't"), for a set test; ``negations`` counts.
NEGATING_ALL = (
    _NEGATING
    | _DECLINE
    | frozenset(
        "don't didn't doesn't won't can't isn't wasn't aren't weren't hasn't haven't hadn't "
        "wouldn't couldn't shouldn't mustn't needn't ain't".split()
    )
    | {"too"}  # "too hot to": see _too_to
)


# Words that carry a negation in their own meaning: "unsafe" is "not safe", "stopped working"
# is "no longer works". A spot with one of them may be the other side's negation reworded.
_NEGATIVE_PREFIX = re.compile(r"^(?:un|in|im|il|ir|dis|non)[a-z]{3,}|[a-z]{3,}less$")
_NEGATIVE_MEANING = frozenset(
    "stop stops stopped halt halts halted ban bans banned lack lacks lacked absent quit quits "
    "abandon abandoned scrap scrapped reject rejects rejected drop dropped end ended ends "
    "without lost lose loses missing few little rarely hardly barely".split()
)


def negative_meaning(seg: Sequence[str]) -> bool:
    """Some word of ``seg`` carries a negation in its own meaning ("unsafe", "stopped")."""
    return any(w in _NEGATIVE_MEANING or _NEGATIVE_PREFIX.match(w) for w in seg)


def negations(words: Sequence[str]) -> int:
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
