"""Build the aligner's development cases (issue 3), deterministically.

Type (b), sentence cases: ``python bench/make_align_cases.py`` reads the hand-written pairs in
``tests/data/align/sentence_pairs.json`` and writes ``tests/data/align/sentence_cases.json``:
each case is a text A and a text B of shuffled news sentences. Paraphrase pairs put one side in
A and the other in B (gold); look-alike pairs (same topic, different fact) do the same but must
stay unaligned; a few orphan sentences appear on one side only. Three variants in turn:
"close" uses only the lightly edited pairs (high word overlap, like paraphrase corpora mined
from news clusters) with look-alikes from other topics; "decoy" the same pairs with look-alikes
from the same topics (near copies of a paraphrase sentence with one fact changed); "mixed" also
the freely reworded pairs.

Type (a), document cases, are generated at run time by ``bench/make_doc_cases.py`` (too big to
store).

Case format (JSON): ``{"id", "a", "b", "gold": [{"a": [s, e], "b": [s, e], "pair": id}],
"lookalikes": [same shape, plus "kind"]}``; spans are half-open character offsets.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "align"
PAIRS_FILE = DATA / "sentence_pairs.json"
SENTENCE_CASES_FILE = DATA / "sentence_cases.json"

SENTENCE_SEED = 20261122
SENTENCE_CASE_COUNT = 42


def load_sentence_pairs() -> list[dict[str, Any]]:
    return json.loads(PAIRS_FILE.read_text(encoding="utf-8"))["pairs"]


def _layout(units: list[tuple[str, dict[str, Any] | None]], rng: random.Random) -> tuple[str, list]:
    """Join sentence units into paragraphs of 1-4 sentences; return text and unit spans."""
    parts: list[str] = []
    spans: list[tuple[tuple[int, int], dict[str, Any] | None]] = []
    pos = 0
    left_in_paragraph = rng.randint(1, 4)
    for index, (sentence, tag) in enumerate(units):
        if index:
            if left_in_paragraph == 0:
                sep, left_in_paragraph = "\n\n", rng.randint(1, 4)
            else:
                sep = " "
            parts.append(sep)
            pos += len(sep)
        spans.append(((pos, pos + len(sentence)), tag))
        parts.append(sentence)
        pos += len(sentence)
        left_in_paragraph -= 1
    return "".join(parts), spans


def assemble_case(
    picked: list[dict[str, Any]], orphans: list[dict[str, Any]], rng: random.Random
) -> tuple[str, str, list[dict[str, Any]], list[dict[str, Any]]]:
    """Two documents from sentence pairs: each pair's sides go to A and B (which side where is
    random), orphans to one side only, both shuffled. Returns the texts, the gold passages
    (equivalent pairs) and the look-alikes, with character spans."""
    a_units: list[tuple[str, dict[str, Any] | None]] = []
    b_units: list[tuple[str, dict[str, Any] | None]] = []
    for pair in picked:
        first, second = (pair["a"], pair["b"]) if rng.random() < 0.5 else (pair["b"], pair["a"])
        a_units.append((first, pair))
        b_units.append((second, pair))
    for orphan in orphans:  # one side only: must stay unique
        side = a_units if rng.random() < 0.5 else b_units
        side.append((orphan[rng.choice(["a", "b"])], None))
    rng.shuffle(a_units)
    rng.shuffle(b_units)
    a_text, a_spans = _layout(a_units, rng)
    b_text, b_spans = _layout(b_units, rng)
    b_by_id = {tag["id"]: span for span, tag in b_spans if tag}
    gold, looks = [], []
    for span, tag in a_spans:
        if not tag:
            continue
        entry = {"a": list(span), "b": list(b_by_id[tag["id"]]), "pair": tag["id"]}
        if tag["equivalent"]:
            gold.append(entry)
        else:
            looks.append({**entry, "kind": tag["kind"]})
    return a_text, b_text, gold, looks


def build_sentence_case(
    case_id: str, pairs: list[dict[str, Any]], rng: random.Random, variant: str
) -> dict[str, Any]:
    """One case. Variants: "close" = lightly edited pairs, look-alikes from other topics than
    the paraphrases; "decoy" = lightly edited pairs, look-alikes from the same topics (they then
    resemble the paraphrase sentences too); "mixed" = all pairs, same topics."""
    if variant in ("close", "decoy"):
        pairs = [p for p in pairs if p["style"] == "close"]
    topics = sorted({p["topic"] for p in pairs})
    chosen_topics = rng.sample(topics, rng.randint(2, 4))
    in_topic = [p for p in pairs if p["topic"] in chosen_topics]
    paraphrases = [p for p in in_topic if p["equivalent"]]
    look_pool = pairs if variant == "close" else in_topic
    lookalikes = [
        p
        for p in look_pool
        if not p["equivalent"] and (variant != "close" or p["topic"] not in chosen_topics)
    ]
    n_para = min(len(paraphrases), rng.randint(6, 12))
    n_look = min(len(lookalikes), rng.randint(3, 7))
    picked = rng.sample(paraphrases, n_para) + rng.sample(lookalikes, n_look)
    others = [p for p in pairs if p["equivalent"] and p["topic"] not in chosen_topics]
    orphans = rng.sample(others, rng.randint(0, 2))

    a_text, b_text, gold, looks = assemble_case(picked, orphans, rng)
    return {
        "id": case_id,
        "variant": variant,
        "a": a_text,
        "b": b_text,
        "gold": gold,
        "lookalikes": looks,
    }


def build_sentence_cases(seed: int = SENTENCE_SEED, count: int = SENTENCE_CASE_COUNT) -> list:
    rng = random.Random(seed)
    pairs = load_sentence_pairs()
    variants = [("close", "decoy", "mixed")[n % 3] for n in range(count)]
    return [
        build_sentence_case(f"s{n:02d}", pairs, rng, variant)
        for n, variant in enumerate(variants, start=1)
    ]


def main() -> int:
    cases = build_sentence_cases()
    payload = {
        "about": "Generated by bench/make_align_cases.py from sentence_pairs.json; do not edit.",
        "seed": SENTENCE_SEED,
        "cases": cases,
    }
    SENTENCE_CASES_FILE.write_text(
        json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    gold = sum(len(c["gold"]) for c in cases)
    looks = sum(len(c["lookalikes"]) for c in cases)
    print(f"wrote {len(cases)} sentence cases ({gold} gold pairs, {looks} look-alikes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
