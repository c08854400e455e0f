"""Aligner speed and quality against a brute-force baseline, measured in one run (issue 3).

    python bench/bench_align.py [--sizes 100,1000,2000] [--repeat 3]

- Generated documents of N sentences: B is A with passages moved, sentences reworded (words
  replaced, dropped or added), split, dropped, and new sentences added; the truth is known.
  ``reader.align.align`` (whole pipeline: split, candidates, scoring, passages, diffs, rows)
  runs beside the brute-force baseline: rapidfuzz ``process.cdist`` with ``fuzz.ratio`` over
  every sentence pair, then greedy best-first matching above 65. Both are scored on the
  sentence pairs they find (precision, recall, F1 against the truth).
- The seed pairs (../shared/seeds gold bodies), when present.
- Start-up of ``newsreader compare --json`` in a fresh interpreter, and whether it imported
  numpy or Textual.
- Sentence splitters on the hard cases of tests/unit/test_segment.py: ours, and syntok and
  pysbd when they are installed (they are not dependencies; install them to compare).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.align import align, choose_matches  # noqa: E402
from reader.align_score import build_sides, candidate_pairs, units  # noqa: E402
from reader.alignment import Alignment  # noqa: E402
from reader.normalize import normalise  # noqa: E402
from reader.segment import split_sentences  # noqa: E402

SEEDS_GOLD = ROOT.parent / "shared" / "seeds" / "gold"
FUNCTION_WORDS = "the of and to in a is that for on was with as by at from it said has be".split()


def _vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(size)}
    return sorted(words)


def _sentence(rng: random.Random, vocabulary: list[str]) -> list[str]:
    out: list[str] = []
    for _ in range(rng.randint(8, 28)):
        if rng.random() < 0.4:
            out.append(rng.choice(FUNCTION_WORDS))
        else:  # Zipf-like: a few topic words recur, most are rare
            out.append(vocabulary[min(len(vocabulary) - 1, int(rng.paretovariate(1.1)) - 1)])
            if rng.random() < 0.7:
                out[-1] = rng.choice(vocabulary)
    return out


def _text(sentences: list[list[str]]) -> str:
    parts = []
    for k, words in enumerate(sentences):
        sentence = " ".join(words)
        parts.append(sentence[0].upper() + sentence[1:] + ".")
        if k % 4 == 3:
            parts.append("\n\n")
    return " ".join(parts).replace(" \n\n ", "\n\n")


def _reword(rng: random.Random, words: list[str], vocabulary: list[str]) -> list[str]:
    words = list(words)
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(words))
        action = rng.random()
        if action < 0.5:
            words[k] = rng.choice(vocabulary)
        elif action < 0.75 and len(words) > 6:
            del words[k]
        else:
            words.insert(k, rng.choice(vocabulary))
    return words


def generate(n: int, seed: int) -> tuple[str, str, set[tuple[int, int]]]:
    """Texts A and B of about ``n`` sentences and the true (A index, B index) pairs."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    a_sentences = [_sentence(rng, vocabulary) for _ in range(n)]
    blocks: list[list[tuple[int | None, list[str]]]] = []
    k = 0
    while k < n:
        size = rng.randint(2, 8)
        block: list[tuple[int | None, list[str]]] = []
        for i in range(k, min(n, k + size)):
            roll = rng.random()
            if roll < 0.08:
                continue  # dropped from B
            words = a_sentences[i]
            block.append((i, _reword(rng, words, vocabulary) if roll < 0.45 else list(words)))
            if rng.random() < 0.06:
                block.append((None, _sentence(rng, vocabulary)))  # only in B
        blocks.append(block)
        k += size
    for _ in range(max(1, len(blocks) // 10)):  # move some passages
        block = blocks.pop(rng.randrange(len(blocks)))
        blocks.insert(rng.randrange(len(blocks) + 1), block)
    b_sentences: list[list[str]] = []
    truth: set[tuple[int, int]] = set()
    for block in blocks:
        for origin, words in block:
            if origin is not None:
                truth.add((origin, len(b_sentences)))
            b_sentences.append(words)
    return _text(a_sentences), _text(b_sentences), truth


def brute_force_pairs(a_text: str, b_text: str) -> set[tuple[int, int]]:
    """Baseline: fuzz.ratio over all sentence pairs (cdist when numpy is installed, else one
    process.extract per row), then greedy best-first above 65."""
    from rapidfuzz import fuzz, process

    a_spans, b_spans = split_sentences(a_text), split_sentences(b_text)
    a_items = [normalise(a_text[s:e]) for s, e in a_spans]
    b_items = [normalise(b_text[s:e]) for s, e in b_spans]
    scored: list[tuple[float, int, int]] = []
    try:
        import numpy  # noqa: F401  (cdist needs it; the app does not)
    except ImportError:  # same all-pairs work, one C call per row
        for i, item in enumerate(a_items):
            for _, value, j in process.extract(
                item, b_items, scorer=fuzz.ratio, score_cutoff=65, limit=None
            ):
                scored.append((value, i, j))
    else:
        matrix = process.cdist(a_items, b_items, scorer=fuzz.ratio, score_cutoff=65, workers=1)
        rows, cols = matrix.nonzero()
        scored = [
            (float(matrix[i, j]), i, j) for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        ]
    order = [(i, j) for _, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2]))]
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: set[tuple[int, int]] = set()
    for i, j in order:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.add((i, j))
    return pairs


Passage = tuple[frozenset[int], frozenset[int]]


def aligner_passages(a_text: str, b_text: str, result: Alignment) -> list[Passage]:
    """The passages of ``result`` (``align(a_text, b_text)``) as sets of sentence indexes."""
    a_index = {span: k for k, span in enumerate(units(a_text))}
    b_index = {span: k for k, span in enumerate(units(b_text))}
    return [
        (frozenset(a_index[s] for s in p.a), frozenset(b_index[s] for s in p.b))
        for p in result.pairs
    ]


def _quality(found: list[Passage], truth: set[tuple[int, int]]) -> tuple[float, float, float]:
    """Precision: share of aligned sentences whose true partner is in the same passage;
    recall: share of true pairs that end up in one passage; and F1."""
    partner_of_a = dict(truth)
    partner_of_b = {j: i for i, j in truth}
    aligned = right = 0
    found_pairs = 0
    for a_set, b_set in found:
        aligned += len(a_set) + len(b_set)
        right += sum(partner_of_a.get(i) in b_set for i in a_set)
        right += sum(partner_of_b.get(j) in a_set for j in b_set)
        found_pairs += sum(partner_of_a.get(i) in b_set for i in a_set)
    precision = right / aligned if aligned else 1.0
    recall = found_pairs / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _core(a_text: str, b_text: str) -> object:
    side_a, side_b, idf = build_sides(a_text, b_text)
    return choose_matches(side_a, side_b, idf)


def _timed(function: Callable[[], object], repeat: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def bench_generated(sizes: list[int], repeat: int) -> None:
    print("generated documents (times: best of runs; quality: sentence pairs vs truth)")
    print("  aligner ms: the whole align(); core ms: split + features + candidates + choosing")
    header = f"{'N':>6} {'aligner ms':>11} {'core ms':>8} {'brute ms':>10} {'speed-up':>9}  "
    print(header + "aligner P/R/F1        brute force P/R/F1")
    for n in sizes:
        a_text, b_text, truth = generate(n, seed=n)
        # Only align() is timed; mapping its spans to sentence indexes is the bench's work.
        ours_time, result = _timed(lambda a=a_text, b=b_text: align(a, b), repeat)
        ours = aligner_passages(a_text, b_text, result)  # type: ignore[arg-type]
        core_time, _ = _timed(lambda a=a_text, b=b_text: _core(a, b), repeat)
        brute_time, brute = _timed(lambda a=a_text, b=b_text: brute_force_pairs(a, b), 1)
        q_ours = _quality(ours, truth)
        brute_passages = [(frozenset([i]), frozenset([j])) for i, j in brute]  # type: ignore[union-attr]
        q_brute = _quality(brute_passages, truth)
        print(
            f"{n:>6} {ours_time * 1000:>11.1f} {core_time * 1000:>8.1f} {brute_time * 1000:>10.1f} "
            f"{brute_time / ours_time:>8.1f}x  "
            f"{q_ours[0]:.3f}/{q_ours[1]:.3f}/{q_ours[2]:.3f}   "
            f"{q_brute[0]:.3f}/{q_brute[1]:.3f}/{q_brute[2]:.3f}"
        )


def bench_stages(n: int, repeat: int) -> None:
    """Where the time of one align() goes: best and median of the runs (the best is the code's
    cost when other work shares the CPU; stages are timed separately, so they add up only
    roughly to the whole)."""
    a_text, b_text, _ = generate(n, seed=n)
    runs: list[dict[str, float]] = []
    for _ in range(repeat):
        ms: dict[str, float] = {}

        def timed(name: str, function: Callable[[], object], ms: dict[str, float] = ms) -> object:
            started = time.perf_counter()
            result = function()
            ms[name] = (time.perf_counter() - started) * 1000
            return result

        timed("split", lambda: (units(a_text), units(b_text)))
        sides = timed("split + features", lambda: build_sides(a_text, b_text))
        timed("candidates", lambda s=sides: candidate_pairs(*s))  # type: ignore[misc]
        timed("choosing", lambda s=sides: choose_matches(*s))  # type: ignore[misc]
        timed("whole align()", lambda: align(a_text, b_text))
        runs.append(
            {
                "split": ms["split"],
                "features": ms["split + features"] - ms["split"],
                "candidates": ms["candidates"],
                "scoring + choosing": ms["choosing"] - ms["candidates"],
                "passages, diffs, rows": (
                    ms["whole align()"] - ms["split + features"] - ms["choosing"]
                ),
                "whole align()": ms["whole align()"],
            }
        )
    print(f"\nstages of align() at {n} x {n} sentences (ms, best / median of {repeat} runs)")
    for stage in runs[0]:
        values = [run[stage] for run in runs]
        print(f"  {stage:24s} {min(values):7.1f} / {statistics.median(values):7.1f}")


def bench_seeds(repeat: int) -> None:
    pairs_file = SEEDS_GOLD / "pairs.json"
    if not pairs_file.exists():
        print("\nseed pairs: ../shared/seeds not found, skipped")
        return
    print("\nseed pairs (gold bodies)")
    for case in json.loads(pairs_file.read_text(encoding="utf-8"))["pairs"]:
        texts = [
            "\n\n".join(
                json.loads((SEEDS_GOLD / Path(n).with_suffix(".json").name).read_text())["body"]
            )
            for n in (case["a"], case["b"])
        ]
        seconds, _ = _timed(lambda t=texts: align(t[0], t[1]), max(repeat, 10))
        print(f"  {case['a'][:3]} x {case['b'][:3]}: {seconds * 1000:.2f} ms")


def bench_startup(repeat: int) -> None:
    print("\nstart-up: `newsreader compare --json` in a fresh interpreter (best of runs)")
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / "a.txt", Path(folder) / "b.txt"
        a_text, b_text, _ = generate(30, seed=7)
        a.write_text(a_text, encoding="utf-8")
        b.write_text(b_text, encoding="utf-8")
        probe = (
            "import sys; from reader.cli import main; "
            f"main(['compare', {str(a)!r}, {str(b)!r}, '--json']); "
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'textual'}); "
            "print('HEAVY', heavy, file=sys.stderr)"
        )
        bare, _ = _timed(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat)
        full, run = _timed(
            lambda: subprocess.run(
                [sys.executable, "-c", probe], check=True, capture_output=True, text=True
            ),
            repeat,
        )
        heavy = run.stderr.strip().splitlines()[-1]  # type: ignore[attr-defined]
        print(
            f"  python -c pass: {bare * 1000:.0f} ms; compare: {full * 1000:.0f} ms "
            f"(+{(full - bare) * 1000:.0f} ms); {heavy}"
        )


def bench_splitters() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    from test_segment import HARD_CASES  # noqa: PLC0415

    def ours(text: str) -> list[str]:
        return [text[s:e] for s, e in split_sentences(text)]

    splitters: dict[str, Callable[[str], list[str]]] = {"regex + abbreviations": ours}
    try:
        import syntok.segmenter as syntok_segmenter

        def syntok_split(text: str) -> list[str]:
            out = []
            for paragraph in text.split("\n\n"):
                for par in syntok_segmenter.analyze(paragraph):
                    out += ["".join(t.spacing + t.value for t in s).strip() for s in par]
            return out

        splitters["syntok (per paragraph)"] = syntok_split
    except ImportError:
        pass
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)

        def pysbd_split(text: str) -> list[str]:
            out = []
            for paragraph in text.split("\n\n"):
                out += [s.strip() for s in segmenter.segment(paragraph) if s.strip()]
            return out

        splitters["pysbd (per paragraph)"] = pysbd_split
    except ImportError:
        pass
    article, _, _ = generate(200, seed=3)
    print(f"\nsentence splitters: {len(HARD_CASES)} hard cases, and a 200-sentence text")
    for name, split in splitters.items():
        right = sum(split(text) == expected for text, expected in HARD_CASES)
        seconds, _ = _timed(lambda s=split: s(article), 3)
        print(f"  {name:24s} {right:>2}/{len(HARD_CASES)}  {seconds * 1000:7.1f} ms")
    if len(splitters) == 1:
        print("  (pip install syntok pysbd to compare them)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,2000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    bench_generated(sizes, args.repeat)
    if sizes:
        bench_stages(max(sizes), max(args.repeat, 5))
    bench_seeds(args.repeat)
    bench_startup(args.repeat)
    bench_splitters()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
