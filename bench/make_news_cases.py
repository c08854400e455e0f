"""Build the second sentence set (b2) for the aligner, in the style of news paraphrase corpora.

    python bench/make_news_cases.py

Reads the hand-written pairs in ``tests/data/align/news_pairs_dev1.txt``, ``news_pairs_dev2.txt``
(development) and ``news_pairs_heldout.txt`` (held out: written before the aligner was run on
any of them, scored only at the end of a piece of work) and writes
``tests/data/align/news_cases.json``. Unlike ``sentence_pairs.json`` (set b, heavily reworded),
these pairs are what paraphrase corpora mined from news clusters look like: two outlets'
sentences on one event with much shared vocabulary; the look-alikes come from the same story
and differ in one fact (number, actor, time, negation, claim) or add a substantial clause.

Each case is a text A and a text B of shuffled sentences: the pairs of a few stories (variant
"story": paraphrases and their look-alikes together) or pairs drawn from anywhere in the part
(variant "scattered"), plus 0-2 orphan sentences on one side only. Same JSON format as
``sentence_cases.json``, with ``part``: "dev" or "heldout".
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from make_align_cases import assemble_case

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "align"
PART_FILES = {
    "dev": ("news_pairs_dev1.txt", "news_pairs_dev2.txt"),
    "heldout": ("news_pairs_heldout.txt",),
    # looser paraphrases only (an outlet adds an attribution, a day, a rounded figure): a recall
    # guard, built on the fly by ``build_benign_cases``, not stored in news_cases.json
    "benign": ("news_pairs_benign.txt",),
}
NEWS_CASES_FILE = DATA / "news_cases.json"
NEWS_SEED = 20261123
CASE_COUNTS = {"dev": 30, "heldout": 14}
LOOKALIKE_KINDS = {"number", "actor", "negation", "time", "claim", "extra"}


def load_news_pairs(part: str) -> list[dict[str, Any]]:
    """The pairs of one part, with ids ("<part>-<n>"), story numbers and kinds."""
    pairs: list[dict[str, Any]] = []
    story = 0
    for name in PART_FILES[part]:
        story += 1
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            if not line.strip():
                story += 1
                continue
            kind, topic, a, b = (field.strip() for field in line.split("|"))
            if kind != "para" and kind not in LOOKALIKE_KINDS:
                raise ValueError(f"{name}: unknown kind {kind!r}")
            pairs.append(
                {
                    "id": f"{part}-{len(pairs) + 1:03d}",
                    "story": f"{part}-{story}",
                    "topic": topic,
                    "equivalent": kind == "para",
                    "kind": "paraphrase" if kind == "para" else kind,
                    "a": a,
                    "b": b,
                }
            )
    return pairs


def build_news_case(
    case_id: str, pairs: list[dict[str, Any]], rng: random.Random, variant: str, part: str
) -> dict[str, Any]:
    stories = sorted({p["story"] for p in pairs})
    if variant == "story":
        chosen = set(rng.sample(stories, rng.randint(3, 5)))
        picked = [p for p in pairs if p["story"] in chosen]
    else:
        paraphrases = [p for p in pairs if p["equivalent"]]
        lookalikes = [p for p in pairs if not p["equivalent"]]
        picked = rng.sample(paraphrases, rng.randint(6, 12)) + rng.sample(
            lookalikes, rng.randint(3, 6)
        )
        chosen = {p["story"] for p in picked}
    others = [p for p in pairs if p["story"] not in chosen]
    orphans = rng.sample(others, min(len(others), rng.randint(0, 2)))

    a_text, b_text, gold, looks = assemble_case(picked, orphans, rng)
    return {
        "id": case_id,
        "part": part,
        "variant": variant,
        "a": a_text,
        "b": b_text,
        "gold": gold,
        "lookalikes": looks,
    }


def build_news_cases(part: str = "dev", seed: int = NEWS_SEED) -> list[dict[str, Any]]:
    rng = random.Random(f"{seed}-{part}")
    pairs = load_news_pairs(part)
    prefix = "n" if part == "dev" else "h"
    return [
        build_news_case(f"{prefix}{n:02d}", pairs, rng, ("story", "scattered")[n % 2], part)
        for n in range(1, CASE_COUNTS[part] + 1)
    ]


def build_benign_cases(count: int = 12, per_case: int = 8) -> list[dict[str, Any]]:
    """Cases of ``per_case`` looser paraphrase pairs each, B's sentences shuffled."""
    rng = random.Random(f"{NEWS_SEED}-benign")
    pairs = load_news_pairs("benign")
    cases = []
    for n in range(1, count + 1):
        a_text, b_text, gold, looks = assemble_case(rng.sample(pairs, per_case), [], rng)
        cases.append(
            {
                "id": f"g{n:02d}",
                "part": "benign",
                "variant": "benign",
                "a": a_text,
                "b": b_text,
                "gold": gold,
                "lookalikes": looks,
            }
        )
    return cases


def load_stored_cases(part: str) -> list[dict[str, Any]]:
    cases = json.loads(NEWS_CASES_FILE.read_text(encoding="utf-8"))["cases"]
    return [c for c in cases if c["part"] == part]


def main() -> int:
    cases = build_news_cases("dev") + build_news_cases("heldout")
    payload = {
        "about": "Generated by bench/make_news_cases.py from news_pairs_*.txt; do not edit.",
        "seed": NEWS_SEED,
        "cases": cases,
    }
    NEWS_CASES_FILE.write_text(
        json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for part in PART_FILES:
        subset = [c for c in cases if c["part"] == part]
        gold = sum(len(c["gold"]) for c in subset)
        looks = sum(len(c["lookalikes"]) for c in subset)
        print(f"{part}: {len(subset)} cases ({gold} gold pairs, {looks} look-alikes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
