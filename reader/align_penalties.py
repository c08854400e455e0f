"""Penalties of the pair scorer (``reader.align_score.score``), and the shared-quote test.

Two sentences that share most of their words may still make different statements: a number,
a negation or a day that disagrees (``fact_penalty``), a word for its opposite, a clause one
side adds at its start or end (``extra_clause_penalty``; who said it, when and where are
detail, ``reader.align_detail``). Each costs score points. The other way round, a quote both
sentences give word for word (``shares_a_quote``) is enough to align them on its own.
"""

from __future__ import annotations

from rapidfuzz.distance import Indel

from reader.align_detail import is_detail
from reader.align_swaps import EditOp, word_ops
from reader.normalize import content_stems, rounded_pairs

Facts = tuple[frozenset[str], bool, frozenset[str]]  # numbers, negated, weekdays/months

# Penalties (score points) for facts that disagree: a number or a day replaced by another is
# a different statement however many words agree; a number only one side gives is detail.
NUMBER_SWAPPED = 35.0
NUMBER_EXTRA = 4.0
NEGATION_FLIPPED = 60.0
DATE_SWAPPED = 35.0
# A word only one side has is the opposite of one only the other has ("rose" / "fell"),
# anywhere in the two (a near copy that swaps one is align_swaps' business): checked from
# OPPOSITE_CHECK points, where it may decide.
OPPOSITE_CLAIM = 20.0
OPPOSITE_CHECK = 30.0
# An extra clause of this many words at one end, the rest shared word for word (SHARED_BODY of
# the shorter side), costs EXTRA_CLAUSE points; checked only where the words mostly agree.
EXTRA_CLAUSE_WORDS = 5
SHARED_BODY = 0.7
EXTRA_CLAUSE = 30.0
CLAUSE_CHECK_RATIO = 0.75


def fact_penalty(facts_a: Facts, facts_b: Facts, dice: float) -> float:
    """Score points for the facts of two sentences that disagree: numbers only one side
    gives (one swapped for another costs most), a negation on one side only, another day."""
    numbers_a, negated_a, when_a = facts_a
    numbers_b, negated_b, when_b = facts_b
    penalty = 0.0
    if numbers_a and numbers_b:
        only_a, only_b = len(numbers_a - numbers_b), len(numbers_b - numbers_a)
        if only_a and only_b:  # "$1.23 billion" / "$1.2 billion" states one figure
            rounded = rounded_pairs(numbers_a - numbers_b, numbers_b - numbers_a)
            only_a, only_b = only_a - rounded, only_b - rounded
        penalty += NUMBER_SWAPPED * min(only_a, only_b) + NUMBER_EXTRA * abs(only_a - only_b)
    if negated_a != negated_b:
        # "will travel" / "will not travel" decides when the rest is the same; a paraphrase
        # often words a negation differently ("halt" / "not admit"), so weigh it by overlap.
        penalty += NEGATION_FLIPPED * max(0.0, (dice - 0.55) / 0.45)
    if when_a and when_b and not when_a & when_b:
        penalty += DATE_SWAPPED
    return penalty


def extra_clause_penalty(
    words_a: list[str], words_b: list[str], ops: list[EditOp] | None = None
) -> float:
    """One side is the other plus a clause at its start or end ("... at 3.75 percent" /
    "... at 3.75 percent, but two members voted for a cut"): that clause is a claim the
    other side does not make, however much the rest agrees. ``ops``: the word edit
    operations of the two lists, if the caller has them."""
    shorter, longer = sorted((words_a, words_b), key=len)
    if len(longer) - len(shorter) < EXTRA_CLAUSE_WORDS:
        return 0.0
    if ops is None:
        ops = word_ops(words_a, words_b)
    equal = sum(a1 - a0 for tag, a0, a1, _, _ in ops if tag == "equal")
    if equal < SHARED_BODY * len(shorter):
        return 0.0
    ends = (ops[0], ops[-1]) if len(ops) > 1 else (ops[0],)
    for tag, a0, a1, b0, b1 in ends:
        if tag != "equal" and max(a1 - a0, b1 - b0) >= EXTRA_CLAUSE_WORDS:
            extra = words_a[a0:a1] if a1 - a0 > b1 - b0 else words_b[b0:b1]
            if a0 == 0 and b0 == 0 and _circumstance(extra):
                continue
            if is_detail(extra):  # "..., the company said", "... on the stock exchange"
                continue
            return EXTRA_CLAUSE
    return 0.0


# Words that open a leading adjunct: where and when something was said or done ("Speaking
# after a meeting of the council, ...", "In a statement on Tuesday, ..."). Such an opening
# is detail, as outlets add it to the same statement; a claim needs a clause of its own.
_ADJUNCT_OPENERS = frozenset(
    "in at on after before during following speaking addressing writing talking "
    "according asked interviewed".split()
)


def _circumstance(extra: list[str]) -> bool:
    """The stretch one side adds at its start opens like an adjunct of time, place or
    occasion (a preposition, a participle of saying)."""
    return extra[0] in _ADJUNCT_OPENERS


# A quote both sentences give word for word makes a pair that scores between QUOTE_MIN_SCORE
# and QUOTE_MAX_SCORE an anchor on its own (``Match.quote``).
QUOTE_WORDS = 8
QUOTE_CONTENT = 3  # content words inside the run
QUOTE_MIN_SCORE = 35.0  # below this the rest of the two sentences is unrelated
QUOTE_MAX_SCORE = 75.0  # above this a pair aligns and stays on its own merits


def shares_a_quote(words_a: list[str], words_b: list[str]) -> bool:
    """A run of QUOTE_WORDS words or more in common, holding QUOTE_CONTENT content words."""
    if min(len(words_a), len(words_b)) < QUOTE_WORDS:
        return False
    # Indel: the longest common run stays whole (a substitution path may cut it up)
    for tag, a0, a1, _, _ in Indel.opcodes(words_a, words_b).as_list():
        if tag == "equal" and a1 - a0 >= QUOTE_WORDS:
            if len(set(content_stems(words_a[a0:a1]))) >= QUOTE_CONTENT:
                return True
    return False
