"""Generate the aligner's type (a) dev cases: long noisy web-like documents with copied passages.

Deterministic (seeded) and built at run time, so the repository stays small:
``build_document_cases()`` returns 60 cases shaped like the sentence cases
(``{"id", "variant", "a", "b", "gold": [{"a": [s, e], "b": [s, e]}]}``), where A is the source
document and B the suspicious one. ``python bench/make_doc_cases.py`` prints a summary, and
``--show ID`` one case.

Text comes from the hand-written pool ``tests/data/align/doc_pool.txt`` (prose paragraphs,
comments, headlines, menus, footers, widgets) and from a word-bigram chain trained on that prose
and on the hand-written news sentences, for bulk. A passage of 1-15 consecutive body sentences of
A is copied into B (variants: verbatim, light obfuscation, two passages, none). Some document
pairs share boilerplate, as real pages from one site do; that is not gold and should not be
aligned: in a sixth of the pairs ("same site") A and B share one page template (menu, footer,
widget labels), in the others their furniture lists are disjoint. About a third of the pages are
hard-wrapped (line breaks inside sentences, at a width of their own).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
POOL_FILE = ROOT / "tests" / "data" / "align" / "doc_pool.txt"
PAIRS_FILE = ROOT / "tests" / "data" / "align" / "sentence_pairs.json"
SEED = 31337
CASE_COUNT = 60
MIN_CHARS, MAX_CHARS = 6_000, 80_000
VARIANTS = ["verbatim"] * 14 + ["light"] * 20 + ["none"] * 12 + ["two"] * 14

_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "big": "large",
    "large": "big",
    "small": "little",
    "little": "small",
    "new": "fresh",
    "old": "former",
    "start": "begin",
    "started": "began",
    "begin": "start",
    "help": "assist",
    "buy": "purchase",
    "bought": "purchased",
    "show": "display",
    "shows": "displays",
    "about": "around",
    "around": "about",
    "almost": "nearly",
    "nearly": "almost",
    "people": "residents",
    "residents": "locals",
    "town": "city",
    "city": "town",
    "council": "authority",
    "cut": "reduce",
    "cuts": "reduces",
    "rise": "increase",
    "rising": "growing",
    "increase": "rise",
    "more": "over",
    "money": "cash",
    "job": "task",
    "quickly": "fast",
    "fast": "quick",
    "hard": "difficult",
    "difficult": "hard",
    "plan": "proposal",
    "plans": "proposals",
    "found": "discovered",
    "week": "seven days",
    "children": "kids",
    "kids": "children",
    "house": "home",
    "home": "house",
    "told": "informed",
    "asked": "requested",
    "month": "four weeks",
    "build": "construct",
    "built": "constructed",
    "main": "principal",
    "only": "sole",
    "also": "too",
    "however": "but",
    "because": "as",
    "many": "numerous",
    "often": "frequently",
}
_DROPPABLE = {"the", "a", "very", "just", "also", "still", "now", "then", "that", "really"}


@dataclass
class Unit:
    text: str
    tag: str = ""  # "p1"/"p2" for passage sentences, "" otherwise


@dataclass
class Block:
    units: list[Unit]
    noise: bool = False  # noise blocks are lines joined by newlines
    tags: set[str] = field(default_factory=set)
    hand: bool = False  # a hand-written prose paragraph


@lru_cache(maxsize=1)
def load_pool() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    name = ""
    for chunk in re.split(r"^## ", POOL_FILE.read_text(encoding="utf-8"), flags=re.M)[1:]:
        name, _, body = chunk.partition("\n")
        if name.strip() == "prose":
            sections["prose"] = [p.strip() for p in body.split("\n\n") if p.strip()]
        else:
            sections[name.strip()] = [line for line in body.splitlines() if line.strip()]
    return sections


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_RE.split(paragraph.strip()) if s]


@lru_cache(maxsize=1)
def _chain() -> tuple[dict[str, list[str]], list[str]]:
    """Word-bigram successors and sentence starters from all hand-written prose."""
    texts = list(load_pool()["prose"])
    pairs = json.loads(PAIRS_FILE.read_text(encoding="utf-8"))["pairs"]
    # Only the first-written pairs, so later additions to the sentence set leave set (a) alone.
    texts += [p[side] for p in pairs if p["style"] == "reworded" for side in ("a", "b")]
    successors: dict[str, list[str]] = {}
    starters: list[str] = []
    for text in texts:
        for sentence in split_sentences(text):
            words = sentence.split()
            starters.append(words[0])
            for left, right in zip(words, words[1:], strict=False):
                successors.setdefault(left, []).append(right)
    return successors, starters


def _grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


@dataclass
class Side:
    """Word 3-grams used on one side of a document pair, so generated text of the two sides
    shares no phrase longer than two words (unrelated pages share little)."""

    grams: set[tuple[str, ...]] = field(default_factory=set)
    other: Side | None = None

    def add(self, text: str) -> None:
        self.grams |= _grams(text)


def chain_sentence(rng: random.Random, side: Side) -> str:
    """A pseudo-sentence of 12-40 words sharing (almost) no 3-gram with the other side."""
    successors, starters = _chain()
    best, best_clash = "", None
    for _ in range(40):
        words = [rng.choice(starters)]
        while len(words) < 40:
            options = successors.get(words[-1])
            if not options or (words[-1][-1] in ".!?" and len(words) >= 12):
                break
            words.append(rng.choice(options))
        if len(words) < 12:
            continue
        if words[-1][-1] not in ".!?":
            words[-1] = words[-1].rstrip(",;:") + "."
        sentence = " ".join(words).replace('"', "")
        clash = len(_grams(sentence) & side.other.grams) if side.other else 0
        if best_clash is None or clash < best_clash:
            best, best_clash = sentence, clash
        if clash <= 1:
            break
    side.add(best)
    return best


FURNITURE = ("menu", "footer", "comments", "headlines", "widgets")
COMMENT_META = (
    "{user} · {n} hours ago",
    "{user} wrote:",
    "Posted by {user} on {n} March",
    "{user} | {n} replies | Report",
    "#{n} {user}",
    "Reply from {user} ({n} likes)",
)
USERS = ("dave", "sunny", "mk", "old_timer", "jo", "reader", "north_end", "kat", "bill_s", "zed")


def furniture_pools(rng: random.Random, same_site: bool) -> tuple[dict, dict]:
    """Page furniture for A and B: one shared template, or disjoint halves of every list.

    Headlines and comments are never shared (other sites, other readers)."""
    pool = load_pool()
    a_pool: dict[str, list[str]] = {}
    b_pool: dict[str, list[str]] = {}
    for name in FURNITURE:
        items = list(pool[name])
        rng.shuffle(items)
        if same_site and name not in ("headlines", "comments"):
            a_pool[name] = b_pool[name] = items
        else:
            a_pool[name], b_pool[name] = items[::2], items[1::2]
    metas = rng.sample(COMMENT_META, 2)
    users = rng.sample(USERS, len(USERS))
    a_pool["meta"], b_pool["meta"] = [metas[0]], [metas[0] if same_site else metas[1]]
    a_pool["users"], b_pool["users"] = users[::2], users[1::2]
    return a_pool, b_pool


def _headline(rng: random.Random, side: Side) -> str:
    words = chain_sentence(rng, side).rstrip(".!?").split()
    return " ".join(words[: rng.randint(5, 9)])


def noise_block(rng: random.Random, kind: str, pool: dict[str, list[str]], side: Side) -> Block:
    if kind == "menu":
        items = rng.sample(pool["menu"], min(len(pool["menu"]), rng.randint(5, 12)))
        lines = [" | ".join(items)] if rng.random() < 0.4 else items
    elif kind == "footer":
        lines = rng.sample(pool["footer"], min(len(pool["footer"]), rng.randint(3, 8)))
    elif kind == "comments":
        lines = []
        for _ in range(rng.randint(2, 8)):
            user = f"{rng.choice(pool['users'])}{rng.randint(1, 999)}"
            meta = pool["meta"][0].format(user=user, n=rng.randint(1, 23))
            lines += [meta, rng.choice(pool["comments"])]
    elif kind == "headlines":
        lines = [rng.choice(pool["widgets"])]
        lines += [rng.choice(pool["headlines"]) if rng.random() < 0.3 else _headline(rng, side)]
        lines += [_headline(rng, side) for _ in range(rng.randint(3, 6))]
    else:
        lines = [rng.choice(pool["widgets"])]
    return Block([Unit(line) for line in lines], noise=True)


def body_blocks(rng: random.Random, prose: list[str], target: int, side: Side) -> list[Block]:
    """Body paragraphs: the given hand-written ones spread among chain paragraphs."""
    blocks = [Block([Unit(s) for s in split_sentences(p)], hand=True) for p in prose]
    size = sum(len(p) for p in prose)
    while size < target:
        sentences = [chain_sentence(rng, side) for _ in range(rng.randint(2, 7))]
        size += sum(len(s) + 1 for s in sentences)
        blocks.insert(rng.randint(0, len(blocks)), Block([Unit(s) for s in sentences]))
    return blocks


def with_noise(rng: random.Random, body: list[Block], pool: dict, side: Side) -> list[Block]:
    """Page furniture around and between body paragraphs (never inside a tagged passage)."""
    out = [noise_block(rng, "menu", pool, side), Block([Unit(_headline(rng, side))])]
    for index, block in enumerate(body):
        out.append(block)
        following = body[index + 1] if index + 1 < len(body) else None
        inside = following is not None and block.tags & following.tags
        if not inside and rng.random() < 0.15:
            kind = rng.choice(["widget", "widget", "headlines"])
            out.append(noise_block(rng, kind, pool, side))
    if rng.random() < 0.7:
        out.append(noise_block(rng, "comments", pool, side))
    out += [noise_block(rng, "headlines", pool, side), noise_block(rng, "footer", pool, side)]
    return out


def render(blocks: list[Block]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Join blocks into text; return it with the character span of every tag."""
    parts: list[str] = []
    spans: dict[str, list[int]] = {}
    pos = 0
    for b_index, block in enumerate(blocks):
        if b_index:
            parts.append("\n\n")
            pos += 2
        joiner = "\n" if block.noise else " "
        for u_index, unit in enumerate(block.units):
            if u_index:
                parts.append(joiner)
                pos += 1
            if unit.tag:
                span = spans.setdefault(unit.tag, [pos, pos])
                span[1] = pos + len(unit.text)
            parts.append(unit.text)
            pos += len(unit.text)
    return "".join(parts), {tag: (s, e) for tag, (s, e) in spans.items()}


def hard_wrap(text: str, width: int) -> str:
    """Break lines longer than ``width`` at spaces, as plain-text pages often are.

    A space becomes a newline, so every character offset stays valid."""
    chars = list(text)
    line_start, last_space = 0, -1
    for index, char in enumerate(chars):
        if char == "\n":
            line_start, last_space = index + 1, -1
        elif char == " ":
            last_space = index
        if index - line_start >= width and last_space > line_start:
            chars[last_space] = "\n"
            line_start, last_space = last_space + 1, -1
    return "".join(chars)


def obfuscate(sentence: str, rng: random.Random) -> str:
    """Light obfuscation: a few synonyms, dropped or swapped words, case and punctuation."""
    words = sentence.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        core = word.strip(",.;:!?").lower()
        roll = rng.random()
        if roll < 0.25 and core in SYNONYMS:
            out.append(word.lower().replace(core, SYNONYMS[core], 1))
        elif roll < 0.1 and core in _DROPPABLE and i:
            pass
        elif roll < 0.02 and i + 1 < len(words) - 1 and word.isalpha() and words[i + 1].isalpha():
            out += [words[i + 1], word]
            i += 1
        else:
            out.append(word)
        i += 1
    text = " ".join(out)
    roll = rng.random()
    if roll < 0.1:
        text = text.lower()
    elif roll < 0.25:
        text = text.replace(",", "")
    elif roll < 0.3:
        text = text.upper()
    return text[:1].upper() + text[1:]


def _pick_passage(rng: random.Random, body: list[Block], tag: str) -> list[Unit]:
    """Tag 1-15 consecutive sentences (usually starting in a hand-written paragraph)."""
    length = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15])
    free = [i for i, b in enumerate(body) if not b.tags]
    hand_free = [i for i in free if body[i].hand] or free
    start_block = rng.choice(hand_free if rng.random() < 0.7 else free)
    units: list[Unit] = []
    for block in body[start_block:]:
        if block.tags and block.tags != {tag}:
            break
        first = rng.randrange(len(block.units)) if not units else 0
        for unit in block.units[first:]:
            if len(units) == length:
                break
            unit.tag = tag
            units.append(unit)
        block.tags.add(tag)
        if len(units) == length:
            break
    return units


def _insert_passage(rng: random.Random, body: list[Block], units: list[Unit], light: bool):
    tag = units[0].tag
    copies = [Unit(obfuscate(u.text, rng) if light else u.text, tag) for u in units]
    free = [i for i, b in enumerate(body) if not b.tags]
    index = rng.choice(free) if free else 0
    if rng.random() < 0.5 and free:  # inline, after a sentence of a body paragraph
        target = body[index]
        at = rng.randint(1, len(target.units))
        rest = Block(target.units[at:])
        target.units[at:] = copies
        target.tags.add(tag)
        if rest.units:
            body.insert(index + 1, rest)
    else:  # as paragraphs of their own
        chunks: list[list[Unit]] = []
        while len(copies) > sum(map(len, chunks)):
            done = sum(map(len, chunks))
            chunks.append(copies[done : done + rng.randint(3, 6)])
        for offset, chunk in enumerate(chunks):
            body.insert(index + offset, Block(chunk, tags={tag}))


def _size(rng: random.Random) -> int:
    return int(math.exp(rng.uniform(math.log(MIN_CHARS), math.log(MAX_CHARS))))


def build_document_case(case_id: str, variant: str, rng: random.Random) -> dict[str, Any]:
    prose = list(load_pool()["prose"])
    rng.shuffle(prose)
    half = len(prose) // 2
    a_prose, b_prose = prose[: rng.randint(3, half)], prose[half : half + rng.randint(3, half)]
    a_side, b_side = Side(), Side()
    a_side.other, b_side.other = b_side, a_side
    for side, prose_list in ((a_side, a_prose), (b_side, b_prose)):
        for paragraph in prose_list:
            side.add(paragraph)
    a_body = body_blocks(rng, a_prose, _size(rng) - 1500, a_side)
    b_body = body_blocks(rng, b_prose, _size(rng) - 1500, b_side)
    tags = {"none": [], "two": ["p1", "p2"]}.get(variant, ["p1"])
    passages = [_pick_passage(rng, a_body, tag) for tag in tags]
    for units in rng.sample(passages, len(passages)):  # two passages may swap order
        light = variant == "light" or (variant == "two" and rng.random() < 0.5)
        _insert_passage(rng, b_body, units, light=light)
    same_site = rng.random() < 1 / 6
    a_pool, b_pool = furniture_pools(rng, same_site)
    a_text, a_spans = render(with_noise(rng, a_body, a_pool, a_side))
    b_text, b_spans = render(with_noise(rng, b_body, b_pool, b_side))
    if rng.random() < 0.3:  # hard-wrapped pages, each at its own width
        a_text = hard_wrap(a_text, rng.randint(60, 100))
    if rng.random() < 0.3:
        b_text = hard_wrap(b_text, rng.randint(60, 100))
    gold = [{"a": list(a_spans[t]), "b": list(b_spans[t]), "pair": t} for t in tags]
    site = "same site" if same_site else "other site"
    return {"id": case_id, "variant": variant, "site": site, "a": a_text, "b": b_text, "gold": gold}


def build_document_cases(
    seed: int = SEED, count: int = CASE_COUNT, limit: int | None = None
) -> list[dict[str, Any]]:
    """The ``count`` cases of this seed, or only the first ``limit`` of them (same cases)."""
    rng = random.Random(seed)
    variants = (VARIANTS * (count // len(VARIANTS) + 1))[:count]
    rng.shuffle(variants)
    chosen = variants[:limit] if limit is not None else variants
    return [build_document_case(f"d{n:02d}", v, rng) for n, v in enumerate(chosen, start=1)]


def main() -> int:
    parser = argparse.ArgumentParser(description="type (a) aligner dev cases")
    parser.add_argument("--show", help="print the case with this id")
    args = parser.parse_args()
    cases = build_document_cases()
    for case in cases:
        if args.show == case["id"]:
            print(case["a"], "\n", "=" * 70, "\n", case["b"], "\n", case["gold"], sep="")
            return 0
    sizes = sorted(len(c[s]) for c in cases for s in ("a", "b"))
    counts = {v: sum(c["variant"] == v for c in cases) for v in sorted(set(VARIANTS))}
    print(f"{len(cases)} cases {counts}; document sizes {sizes[0]:,}-{sizes[-1]:,} chars")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
