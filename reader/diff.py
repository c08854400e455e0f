"""Word-level differences inside an aligned pair, as character spans.

Tokens are words and single punctuation marks; they are compared normalised (case, quote
and dash style ignored) with rapidfuzz's Indel opcodes: the longest common subsequence, so a
shared run stays whole where a substitution path may cut it up (changes next to each other
then become one replace). ~30x faster than difflib on sentence-sized lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, starmap

from rapidfuzz.distance import Indel, Postfix, Prefix

from reader.alignment import DiffOp, Span
from reader.normalize import fold_typography

# A word's letters are never given back (possessive: nothing after them can fail, so the
# tokens are those of r"\w+(?:['’.]\w+)*|[^\w\s]", found 15% faster). A thousands comma
# stays inside its number: "100,000" -> "130,000" is one changed figure, not "100" -> "130".
_WORD = r"\w++(?:['’.]\w++|(?<=\d),\d{3}+(?!\w))*+"
_TOKEN = re.compile(_WORD + r"|[^\w\s]")
# The same pattern with a capture group: ``split`` yields separator, token, separator, ...
# so offsets come from summing lengths at C speed instead of a Match object per token.
_SPLIT = re.compile(f"({_WORD}|[^\\w\\s])")


Columns = tuple[list[str], list[int], list[int]]  # token texts, starts, ends


def tokens(text: str, spans: Sequence[Span]) -> list[tuple[str, int, int]]:
    """(normalised token, start, end) for every token inside ``spans``."""
    return list(zip(*token_columns(text, spans), strict=True))


def token_columns(text: str, spans: Sequence[Span]) -> Columns:
    """The normalised tokens inside ``spans`` and their start and end offsets, as three lists
    (no tuple per token: a passage has hundreds)."""
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _joined(text, spans):
        region = text[start:end]
        folded = fold_typography(region).casefold()
        if len(folded) == len(region):  # the usual case: cut the tokens out of the folded text
            parts = _SPLIT.split(folded)
            offsets = list(accumulate(map(len, parts), initial=start))
            # part k spans offsets[k]..offsets[k + 1]; tokens are the odd parts
            last = len(parts) - 1  # parts: separator, token, separator, ..., separator
            texts += parts[1:last:2]
            starts += offsets[1:last:2]
            ends += offsets[2 : last + 1 : 2]
        else:  # a character changed length when folded (ß, …): fold token by token
            for m in _TOKEN.finditer(region):
                texts.append(fold_typography(m.group()).casefold())
                starts.append(start + m.start())
                ends.append(start + m.end())
    return texts, starts, ends


def _joined(text: str, spans: Sequence[Span]) -> list[Span]:
    """Consecutive spans with only white space between them as one (fewer regex calls; the
    tokens are the same)."""
    out: list[Span] = []
    for start, end in spans:
        if out and out[-1][1] < start and text[out[-1][1] : start].isspace():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def word_diff(
    a_text: str, a_spans: Sequence[Span], b_text: str, b_spans: Sequence[Span]
) -> tuple[DiffOp, ...]:
    """Equal / insert / delete / replace operations between two passages, in reading order."""
    from reader import diff_large  # (imports this module)

    if diff_large.too_long(a_spans, b_spans):  # whole long documents: bounded time and memory
        ops = tuple(diff_large.sentence_first_ops(a_text, a_spans, b_text, b_spans))
        return absorb_stray_marks(ops, a_text)
    return _absorb(_ops_around_copies(a_text, a_spans, b_text, b_spans), a_text)


# An op as plain tuples until the last step: a DiffOp (frozen dataclass) costs ~3x a tuple to
# build, and ops are adjusted and merged after they are computed.
RawOp = tuple[str, Span, Span]  # tag, A span, B span


def _ops_around_copies(
    a_text: str, a_spans: Sequence[Span], b_text: str, b_spans: Sequence[Span]
) -> list[RawOp]:
    """``word_ops``, without tokenising what both passages start or end with word for word:
    the sentences copied around the changed ones (most of a changed passage), and the words
    the first and last changed sentences start or end with alike, up to a space.

    The opcodes of P+X+S against P+Y+S are those of X against Y, shifted, with P and S joined
    to the equal runs at either end, as long as the common prefix and suffix that rapidfuzz
    strips first stay inside X and Y (checked on the tokens; else the passages are diffed
    whole). Only where the text folds character for character, so that a copied stretch has
    the same tokens and lengths on both sides (tokens never hold a space, so the text before
    or after a space shared by both sides has the same tokens on both)."""
    if not (a_spans and b_spans):
        return _op_spans(_layout(a_text, a_spans), _layout(b_text, b_spans))
    shortest = min(len(a_spans), len(b_spans))
    head = 0
    while head < shortest - 1 and _copied(a_text, a_spans[head], b_text, b_spans[head]):
        head += 1
    tail = 0
    while head + tail < shortest - 1 and _copied(
        a_text, a_spans[-1 - tail], b_text, b_spans[-1 - tail]
    ):
        tail += 1
    a_middle = list(a_spans[head : len(a_spans) - tail])
    b_middle = list(b_spans[head : len(b_spans) - tail])
    # Where the copied start ends (its last token) and the copied end starts (its first), on
    # each side; None: nothing copied there.
    a_head_end = b_head_end = a_next = b_next = None
    if head:
        a_head_end, b_head_end = a_spans[head - 1][1], b_spans[head - 1][1]
    if tail:
        a_next, b_next = a_spans[len(a_spans) - tail][0], b_spans[len(b_spans) - tail][0]
    a_end, b_end = a_middle[-1][1], b_middle[-1][1]  # the middles' last token ends
    # The first changed sentences' common start, up to its last space.
    (a0, a1), (b0, b1) = a_middle[0], b_middle[0]
    first_a, first_b = a_text[a0:a1], b_text[b0:b1]
    cut = first_a.rfind(" ", 0, Prefix.similarity(first_a, first_b))
    if cut > 0 and _has_token(first_a[:cut]):
        kept = len(first_a[:cut].rstrip())  # the common start's last token ends here
        a_head_end, b_head_end = a0 + kept, b0 + kept
        a_middle[0], b_middle[0] = (a0 + cut, a1), (b0 + cut, b1)
    # The last changed sentences' common end, from its first space (if a token stays between
    # the two cuts on each side).
    (a0, a1), (b0, b1) = a_middle[-1], b_middle[-1]
    last_a, last_b = a_text[a0:a1], b_text[b0:b1]
    a_cut = last_a.find(" ", len(last_a) - Postfix.similarity(last_a, last_b))
    b_cut = a_cut + len(last_b) - len(last_a)  # the same space on B's side
    after = last_a[a_cut:]  # the space and what follows: the same on both sides
    room = a_cut > 0 and _has_token(last_a[:a_cut]) and _has_token(last_b[:b_cut])
    if room and _has_token(after):
        lead = len(after) - len(after.lstrip())  # to the first token of the common end
        a_next, b_next = a0 + a_cut + lead, b0 + b_cut + lead
        a_end = a0 + len(last_a[:a_cut].rstrip())
        b_end = b0 + len(last_b[:b_cut].rstrip())
        a_middle[-1], b_middle[-1] = (a0, a_end), (b0, b_end)
    if (a_head_end is None and a_next is None) or not (
        _folds_in_place(a_text, a_spans) and _folds_in_place(b_text, b_spans)
    ):
        return _op_spans(_layout(a_text, a_spans), _layout(b_text, b_spans))
    a_layout, b_layout = _layout(a_text, a_middle), _layout(b_text, b_middle)
    if not _strips_stay_inside(
        a_layout[0], b_layout[0], a_head_end is not None, a_next is not None
    ):
        return _op_spans(_layout(a_text, a_spans), _layout(b_text, b_spans))
    ops = _op_spans(a_layout, b_layout)
    if a_next is not None and b_next is not None:
        # The middle's place "after its last word" is, in the whole passage, the place before
        # the first word of the copied end; only the last op can be there (an insert or a
        # delete).
        tag, last_a_span, last_b_span = ops[-1]
        if last_a_span == (a_end, a_end):
            last_a_span = (a_next, a_next)
        if last_b_span == (b_end, b_end):
            last_b_span = (b_next, b_next)
        if tag == "equal":
            ops[-1] = (
                "equal",
                (last_a_span[0], a_spans[-1][1]),
                (last_b_span[0], b_spans[-1][1]),
            )
        else:
            ops[-1] = (tag, last_a_span, last_b_span)
            ops.append(("equal", (a_next, a_spans[-1][1]), (b_next, b_spans[-1][1])))
    if a_head_end is not None and b_head_end is not None:
        tag, first_a_span, first_b_span = ops[0]
        if tag == "equal":
            ops[0] = ("equal", (a_spans[0][0], first_a_span[1]), (b_spans[0][0], first_b_span[1]))
        else:
            a_head = (a_spans[0][0], a_head_end)
            ops.insert(0, ("equal", a_head, (b_spans[0][0], b_head_end)))
    return ops


def _has_token(text: str) -> bool:
    """Some character is not white space (every such character is in a token)."""
    return bool(text) and not text.isspace()


def _copied(a_text: str, a_span: Span, b_text: str, b_span: Span) -> bool:
    return (
        a_span[1] - a_span[0] == b_span[1] - b_span[0]
        and a_text[a_span[0] : a_span[1]] == b_text[b_span[0] : b_span[1]]
    )


def _folds_in_place(text: str, spans: Sequence[Span]) -> bool:
    """Every character of the passage folds to one ASCII character: the tokens are cut out of
    the folded text, whatever the regions, and the first and last characters of a (trimmed)
    sentence are those of its first and last tokens."""
    region = text[spans[0][0] : spans[-1][1]]
    if region.isascii():
        return True
    return "…" not in region and "\u200b" not in region and fold_typography(region).isascii()


def _strips_stay_inside(a_words: list[str], b_words: list[str], head: bool, tail: bool) -> bool:
    """Neither the common prefix of the middles runs through one of them (into the tail),
    nor their common suffix (into the head)."""
    shortest = min(len(a_words), len(b_words))
    if tail:
        k = 0
        while k < shortest and a_words[k] == b_words[k]:
            k += 1
        if k == shortest:
            return False
    if head:
        k = 1
        while k <= shortest and a_words[-k] == b_words[-k]:
            k += 1
        if k > shortest:
            return False
    return True


def absorb_stray_marks(ops: tuple[DiffOp, ...], a_text: str) -> tuple[DiffOp, ...]:
    """One change where a reader sees one: a lone punctuation mark left "equal" between two
    changes (the hyphen of "de-escalate" against that of "Nato-Russia"), and changes that
    follow each other (an insert then a replace), become a single replace."""
    return _absorb([(op.tag, op.a, op.b) for op in ops], a_text)


def _absorb(ops: list[RawOp], a_text: str) -> tuple[DiffOp, ...]:
    """``absorb_stray_marks`` of plain ops."""
    out: list[RawOp] = []
    last = len(ops) - 1
    for k, (tag, a, b) in enumerate(ops):
        # (whether an equal op is a stray mark matters only after a change)
        if out and out[-1][0] != "equal":
            if tag != "equal" or (
                0 < k < last and ops[k + 1][0] != "equal" and not _has_word(a_text[a[0] : a[1]])
            ):
                _, first_a, first_b = out.pop()
                tag, a, b = "replace", _cover(first_a, a), _cover(first_b, b)
        out.append((tag, a, b))
    return tuple(starmap(DiffOp, out))


def _cover(first: Span, last: Span) -> Span:
    """The span from ``first`` to ``last``; an empty one (a place, not text) adds nothing."""
    if first[0] == first[1]:
        return last if last[0] != last[1] else first
    return first if last[0] == last[1] else (first[0], last[1])


# A character for which str.isalnum() holds: \w is exactly that or "_".
_ALNUM = re.compile(r"[^\W_]")


def _has_word(text: str) -> bool:
    return _ALNUM.search(text) is not None


def word_ops(
    a_text: str, a_spans: Sequence[Span], b_text: str, b_spans: Sequence[Span]
) -> tuple[DiffOp, ...]:
    """The opcodes of the folded tokens with character offsets (``word_diff`` before stray
    marks are absorbed)."""
    return tuple(starmap(DiffOp, _op_spans(_layout(a_text, a_spans), _layout(b_text, b_spans))))


Layout = tuple[list[str], list[str], int]  # what _layout returns


def _op_spans(a_layout: Layout, b_layout: Layout) -> list[RawOp]:
    a_words, a_parts, a_pos = a_layout
    b_words, b_parts, b_pos = b_layout
    ops = Indel.opcodes(a_words, b_words).as_list()  # plain tuples: no object per op
    # Offsets are needed only where an op starts or ends, and those come in reading order:
    # walk along each side's parts adding up lengths (token k is part 2k + 1), instead of
    # computing every token's offsets. An empty range is the place where the other side's
    # words go: before the next token, or after the last one. (Inlined for both sides: a
    # helper call per op costs as much as the walk saves.) The length of a run of parts is that
    # of their join: one copy at C speed, ~3x faster than summing each part's length. Ops are
    # contiguous, so before an op's first token there is one part at most (a separator), and
    # a one-token range is one part: those are read directly.
    join = "".join
    a_at = b_at = 0
    a_count, b_count = len(a_words), len(b_words)
    out: list[RawOp] = []
    for tag, a_first, a_last, b_first, b_last in ops:
        mark = 2 * a_first + 1 if a_first < a_count else 2 * a_count
        if a_at + 1 == mark:
            a_pos += len(a_parts[a_at])
        elif a_at < mark:
            a_pos += len(join(a_parts[a_at:mark]))
        a_at = mark
        if a_first < a_last:
            a_start = a_pos
            end = 2 * a_last
            a_pos += len(a_parts[a_at]) if a_at + 1 == end else len(join(a_parts[a_at:end]))
            a_at = end
            a_span = (a_start, a_pos)
        else:
            a_span = (a_pos, a_pos)
        mark = 2 * b_first + 1 if b_first < b_count else 2 * b_count
        if b_at + 1 == mark:
            b_pos += len(b_parts[b_at])
        elif b_at < mark:
            b_pos += len(join(b_parts[b_at:mark]))
        b_at = mark
        if b_first < b_last:
            b_start = b_pos
            end = 2 * b_last
            b_pos += len(b_parts[b_at]) if b_at + 1 == end else len(join(b_parts[b_at:end]))
            b_at = end
            b_span = (b_start, b_pos)
        else:
            b_span = (b_pos, b_pos)
        out.append((tag, a_span, b_span))
    return out


def _layout(text: str, spans: Sequence[Span]) -> tuple[list[str], list[str], int]:
    """The normalised tokens inside ``spans``, the passage as alternating parts (separator,
    token, separator, ..., separator) whose lengths are those of the text, and the offset
    where the first part starts. Without tokens: no parts, at the end of the passage."""
    words: list[str] = []
    parts: list[str] = []
    base = previous_end = 0
    for start, end in _joined(text, spans):
        region = text[start:end]
        folded = fold_typography(region).casefold()
        if len(folded) == len(region):  # the usual case: cut the tokens out of the folded text
            region_parts = _SPLIT.split(folded)
            words += region_parts[1::2]
        else:  # a character changed length when folded (ß, …): fold token by token
            region_parts = []
            at = 0
            for m in _TOKEN.finditer(region):
                region_parts += (region[at : m.start()], m.group())
                words.append(fold_typography(m.group()).casefold())
                at = m.end()
            region_parts.append(region[at:])
        if not parts:
            parts, base = region_parts, start
        else:  # the text between two regions joins their separators (only lengths count)
            parts[-1] = text[previous_end - len(parts[-1]) : start + len(region_parts[0])]
            parts += region_parts[1:]
        previous_end = end
    if not words:
        return [], [], spans[-1][1] if spans else 0
    return words, parts, base
