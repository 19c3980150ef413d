"""Calibrate the omission/addition content ratio on clean data: NTREX-128 reversed, TUNE split.

Only the documents of the tune split (scripts/splits/ntrex.tsv) are read: a ratio fitted here
must never have seen a test document, so this script has no --split option. Each BCMS reference (hrv, srp-Latn, srp-Cyrl, bos) is the source and the English original the
translation; the pairs are line-aligned and professional, so their content ratios show how much
clean translations vary. Prints the distribution and the ratios that a clean pair exceeds on
0.5% / 1% of sentences, next to the constants in ``backcheck.checks.omission``; then, for the
dropped-clause rule (CLAUSE_OMISSION_RATIO, CLAUSE_REST_RATIO), the share of clean pairs it flags
and the share of the independent generator's clause drops (``scripts/perturb.py``,
family ``clause_dropped``) of the same pairs that the omission check flags, with and without it.

    PYTHONPATH=src .venv/bin/python scripts/calibrate_omission.py [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

import perturb  # the independent generators (scripts/ is on sys.path)
import splits

# The only backcheck imports of this script.
from backcheck.checks.omission import (
    ADDITION_RATIO,
    CLAUSE_OMISSION_RATIO,
    CLAUSE_REST_RATIO,
    MIN_CONTENT,
    OMISSION_RATIO,
    content_letters,
    dropped_clauses,
)

SOURCES = {"hrv": "hr", "srp-Latn": "sr", "srp-Cyrl": "sr", "bos": "bs"}


def tune_lines(path: Path, tune: list[int]) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [lines[i] for i in tune]


def quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=splits.EVAL, help=f"evaluation data ({splits.EVAL})")
    args = parser.parse_args()
    data = args.eval_dir / "ntrex128_bcms"
    tune = [i for i, doc in enumerate(splits.ntrex_doc_of_line(args.eval_dir)) if splits.in_split("ntrex", "tune")(doc)]
    english = tune_lines(data / "newstest2019-src.eng.txt", tune)
    en_len = [content_letters(line, "en") for line in english]
    print(f"NTREX-128 tune split: {len(tune)} sentence pairs per source language\n")
    all_ratios: list[float] = []
    print(
        f"{'source':9} {'pairs':>6} {'p0.5':>6} {'p1':>6} {'p5':>6} {'median':>7} {'p95':>6} {'p99':>6} "
        f"{'p99.5':>6} {'<omit':>6} {'>add':>6}"
    )
    for name, lang in SOURCES.items():
        lines = tune_lines(data / f"newstest2019-ref.{name}.txt", tune)
        ratios = []
        for src, tgt in zip(lines, en_len):
            s = content_letters(src, lang)
            if s >= MIN_CONTENT:
                ratios.append(tgt / s)
        all_ratios += ratios
        below = sum(r < OMISSION_RATIO for r in ratios) / len(ratios)
        above = sum(r > ADDITION_RATIO for r in ratios) / len(ratios)
        print(
            f"{name:9} {len(ratios):6d} "
            + " ".join(f"{quantile(ratios, q):6.2f}" for q in (0.005, 0.01, 0.05))
            + f" {statistics.median(ratios):7.2f} "
            + " ".join(f"{quantile(ratios, q):6.2f}" for q in (0.95, 0.99, 0.995))
            + f" {below:6.2%} {above:6.2%}"
        )
    clause_table(data, tune, english, en_len)
    clause_sweep(data, tune, english, en_len)
    print(f"\nall: {len(all_ratios)} pairs with >= {MIN_CONTENT} content letters in the source")
    print(f"p0.5 = {quantile(all_ratios, 0.005):.3f}, p99.5 = {quantile(all_ratios, 0.995):.3f}")
    print(
        f"chosen (backcheck.checks.omission): OMISSION_RATIO = {OMISSION_RATIO}, ADDITION_RATIO = {ADDITION_RATIO}; "
        f"clean pairs flagged: omission {sum(r < OMISSION_RATIO for r in all_ratios) / len(all_ratios):.2%}, "
        f"addition {sum(r > ADDITION_RATIO for r in all_ratios) / len(all_ratios):.2%}"
    )


#: Candidate (CLAUSE_OMISSION_RATIO, CLAUSE_REST_RATIO) pairs the sweep compares.
SWEEP = ((0.7, 1.1), (0.65, 1.0), (0.6, 1.0), (0.6, 0.9), (0.5, 0.9))


def clause_sweep(data: Path, tune: list[int], english: list[str], en_len: list[int]) -> None:
    """Clean pairs flagged against generated clause drops flagged, for each candidate pair of
    clause ratios (hrv and srp-Latn sources): the choice in backcheck.config.THRESHOLDS comes
    from this table."""
    print("\nclause ratios (hrv + srp-Latn, tune): clean pairs flagged / generated clause drops flagged")
    for clause_ratio, rest_ratio in SWEEP:
        clean = drops = n_clean = n_drops = 0
        for name in ("hrv", "srp-Latn"):
            lang = SOURCES[name]
            lines = tune_lines(data / f"newstest2019-ref.{name}.txt", tune)
            for i, (src, en, en_content) in zip(tune, zip(lines, english, en_len)):
                n_clean += 1
                clean += _omission(src, lang, en, en_content, clause_ratio, rest_ratio)[1]
                drop = perturb.perturb("clause_dropped", src, en, lang, random.Random(f"clause_dropped:{name}:{i}"))
                if drop is not None:
                    n_drops += 1
                    content = content_letters(drop.english, "en")
                    drops += _omission(src, lang, drop.english, content, clause_ratio, rest_ratio)[1]
        print(f"  {clause_ratio:4.2f} {rest_ratio:4.2f}  clean {clean / n_clean:6.2%}  drops {drops / n_drops:6.2%}")


def _omission(
    src: str, lang: str, en: str, en_content: int, clause_ratio: float | None = None, rest_ratio: float | None = None
) -> tuple[bool, bool]:
    """(flagged by the ratio alone, flagged by the ratio or the dropped-clause rule)."""
    s = content_letters(src, lang)
    if s < MIN_CONTENT:
        return False, False
    by_ratio = en_content / s < OMISSION_RATIO
    ratios = (clause_ratio or CLAUSE_OMISSION_RATIO, rest_ratio or CLAUSE_REST_RATIO)
    return by_ratio, by_ratio or bool(dropped_clauses(src, lang, en, s, en_content, *ratios)[0])


def clause_table(data: Path, tune: list[int], english: list[str], en_len: list[int]) -> None:
    print(
        f"\ndropped-clause rule (CLAUSE_OMISSION_RATIO = {CLAUSE_OMISSION_RATIO}, "
        f"CLAUSE_REST_RATIO = {CLAUSE_REST_RATIO}): omission flags"
    )
    print(f"{'source':9} {'clean':>6} {'ratio':>7} {'+clause':>8} {'dropped':>8} {'ratio':>7} {'+clause':>8}")
    for name, lang in SOURCES.items():
        lines = tune_lines(data / f"newstest2019-ref.{name}.txt", tune)
        clean, perturbed = [], []
        for i, (src, en, en_content) in zip(tune, zip(lines, english, en_len)):
            clean.append(_omission(src, lang, en, en_content))
            drop = perturb.perturb("clause_dropped", src, en, lang, random.Random(f"clause_dropped:{name}:{i}"))
            if drop is not None:
                perturbed.append(_omission(src, lang, drop.english, content_letters(drop.english, "en")))
        print(
            f"{name:9} {len(clean):6d} "
            + " ".join(f"{sum(x[k] for x in clean) / len(clean):7.2%}" + (" " if k == 0 else "") for k in (0, 1))
            + f" {len(perturbed):8d} "
            + " ".join(
                f"{sum(x[k] for x in perturbed) / len(perturbed):7.2%}" + (" " if k == 0 else "") for k in (0, 1)
            )
        )


if __name__ == "__main__":
    main()
