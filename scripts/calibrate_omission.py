"""Calibrate the omission/addition content ratio on clean data: NTREX-128 reversed.

Each BCMS reference (hrv, srp-Latn, srp-Cyrl, bos) is the source and the English original the
translation; the pairs are line-aligned and professional, so their content ratios show how much
clean translations vary. Prints the distribution and the ratios that a clean pair exceeds on
0.5% / 1% of sentences, next to the constants in ``backcheck.checks.omission``; then, for the
dropped-clause rule (CLAUSE_OMISSION_RATIO, CLAUSE_REST_RATIO), the share of clean pairs it flags
and the share of ``scripts/evaluate.py``'s dropped-clause perturbations of the same pairs that
the omission check flags, with and without it.

    .venv/bin/python scripts/calibrate_omission.py [--data ../shared/eval/ntrex128_bcms]
"""

from __future__ import annotations

import argparse
import random
import statistics
from pathlib import Path

from backcheck.checks.omission import (
    ADDITION_RATIO,
    CLAUSE_OMISSION_RATIO,
    CLAUSE_REST_RATIO,
    MIN_CONTENT,
    OMISSION_RATIO,
    content_letters,
    dropped_clauses,
)
from evaluate import _perturb  # the same perturbation the evaluation measures (scripts/ is on sys.path)

SOURCES = {"hrv": "hr", "srp-Latn": "sr", "srp-Cyrl": "sr", "bos": "bs"}


def quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / "../shared/eval/ntrex128_bcms"))
    args = parser.parse_args()
    data = Path(args.data)
    english = (data / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    en_len = [content_letters(line, "en") for line in english]
    all_ratios: list[float] = []
    print(
        f"{'source':9} {'pairs':>6} {'p0.5':>6} {'p1':>6} {'p5':>6} {'median':>7} {'p95':>6} {'p99':>6} "
        f"{'p99.5':>6} {'<omit':>6} {'>add':>6}"
    )
    for name, lang in SOURCES.items():
        lines = (data / f"newstest2019-ref.{name}.txt").read_text(encoding="utf-8").splitlines()
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
    clause_table(data, english, en_len)
    print(f"\nall: {len(all_ratios)} pairs with >= {MIN_CONTENT} content letters in the source")
    print(f"p0.5 = {quantile(all_ratios, 0.005):.3f}, p99.5 = {quantile(all_ratios, 0.995):.3f}")
    print(
        f"chosen (backcheck.checks.omission): OMISSION_RATIO = {OMISSION_RATIO}, ADDITION_RATIO = {ADDITION_RATIO}; "
        f"clean pairs flagged: omission {sum(r < OMISSION_RATIO for r in all_ratios) / len(all_ratios):.2%}, "
        f"addition {sum(r > ADDITION_RATIO for r in all_ratios) / len(all_ratios):.2%}"
    )


def _omission(src: str, lang: str, en: str, en_content: int) -> tuple[bool, bool]:
    """(flagged by the ratio alone, flagged by the ratio or the dropped-clause rule)."""
    s = content_letters(src, lang)
    if s < MIN_CONTENT:
        return False, False
    by_ratio = en_content / s < OMISSION_RATIO
    return by_ratio, by_ratio or bool(dropped_clauses(src, lang, en, s, en_content)[0])


def clause_table(data: Path, english: list[str], en_len: list[int]) -> None:
    print(
        f"\ndropped-clause rule (CLAUSE_OMISSION_RATIO = {CLAUSE_OMISSION_RATIO}, "
        f"CLAUSE_REST_RATIO = {CLAUSE_REST_RATIO}): omission flags"
    )
    print(f"{'source':9} {'clean':>6} {'ratio':>7} {'+clause':>8} {'dropped':>8} {'ratio':>7} {'+clause':>8}")
    rng = random.Random(20191)
    for name, lang in SOURCES.items():
        lines = (data / f"newstest2019-ref.{name}.txt").read_text(encoding="utf-8").splitlines()
        clean, perturbed = [], []
        for src, en, en_content in zip(lines, english, en_len):
            clean.append(_omission(src, lang, en, en_content))
            bad = _perturb("dropped clause", src, en, lang, rng)
            if bad is not None and bad != en:
                perturbed.append(_omission(src, lang, bad, content_letters(bad, "en")))
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
