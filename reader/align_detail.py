"""Words one outlet adds that are detail, not a claim: who said it, when, where.

Two reports of one sentence often differ only in that one names its source ("..., the company
said", "according to police"), its day ("on Tuesday") or its venue ("on the New York Stock
Exchange"). Paraphrase corpora mined from news judge such pairs equivalent, so the added-claim
rule must not count these words. A stretch that goes on after the verb of saying ("..., but
said he would veto any tax rise") is a claim again.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.normalize import MONTHS, WEEKDAYS

_SAYING = frozenset(
    "said says say reported reports told tells added adds announced stated wrote confirmed".split()
)
# What may follow a verb of saying and still only place the statement: "said on Thursday",
# "said in a statement", "told reporters", "said late on Tuesday", "said on its website".
_AFTER_SAYING = (
    frozenset(
        "on in at a an the its his her their statement reporters website interview briefing "
        "late early today yesterday tonight morning afternoon evening night friday's news "
        "conference release email".split()
    )
    | WEEKDAYS
    | MONTHS
)
_SPEAKER_WORDS = 6  # "the company", "a spokesman for the ministry", "people familiar with ..."
_AFTER_SAYING_WORDS = 4
# A phrase of time or place: a preposition, then a few words (a venue, a day, a date).
_PLACE_OR_TIME = frozenset("on in at during".split())
_PHRASE_WORDS = 9
# Words that open a clause: after one of these the stretch says something of its own.
_CLAUSE = frozenset(
    "that which who whom whose but and because although though while after before if when "
    "as so would will could should may might can must has have had is are was were".split()
)


def is_detail(words: Sequence[str]) -> bool:
    """The added ``words`` (normalised, in order) only attribute, date or place the sentence."""
    if not words:
        return True
    if words[0] == "according" and len(words) > 1 and words[1] == "to":
        return len(words) <= 2 + _SPEAKER_WORDS and _CLAUSE.isdisjoint(words[2:])
    for k, word in enumerate(words):
        if word in _SAYING:
            tail = words[k + 1 :]
            return (
                k <= _SPEAKER_WORDS
                and len(tail) <= _AFTER_SAYING_WORDS
                and all(w in _AFTER_SAYING or w[:1].isdigit() for w in tail)
                and _CLAUSE.isdisjoint(words[:k])
            )
    return words[0] in _PLACE_OR_TIME and len(words) <= _PHRASE_WORDS and _CLAUSE.isdisjoint(words)
