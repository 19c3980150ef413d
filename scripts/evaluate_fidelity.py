#!/usr/bin/env python3
"""Measure (and fit) backcheck's sentence fidelity score on controlled perturbations.

Data: NTREX-128 used in reverse (../shared/eval/ntrex128_bcms): a professional Serbian, Croatian
or Bosnian translation is the *source*, the English original the *translation*. The English is
then perturbed the way machine translation goes wrong (a name left inflected, a number changed,
the negation flipped, a clause dropped, a clause added, the sentence replaced by another sentence
of the same document). A good fidelity score separates clean pairs from perturbed ones (ROC AUC
per perturbation type) and falls as the perturbation grows (Spearman rank correlation with the
share of English words edited).

Documents are split by the committed split file (scripts/splits/ntrex.tsv, see
scripts/splits.py): the *tune* split trains the logistic combination (`--fit` writes
src/backcheck/data/fidelity_calibration.json), the tables come from `--split` (default *test*,
disjoint from it; `--split tune` is for development and measures nothing). Back-translations
are cached in .backcheck-cache/ so reruns are quick. Times are given in CPU seconds (this
process and its finished child processes, e.g. Apertium's pipelines) beside wall seconds.

    PYTHONPATH=src .venv/bin/python scripts/evaluate_fidelity.py --fit --engine apertium --per-split 400

Prints the tables (with a source; round trip without one), the time per sentence, and whether
fidelity adds recall to the model-free checks; writes the ROC curves to docs/img/fidelity_roc.png.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import re
import resource
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import splits  # scripts/ is on sys.path
from backcheck.config import Config
from backcheck.engines import resolve
from backcheck.errors import EngineError
from backcheck.formats.article import from_text
from backcheck.lang.align import AlignedPair
from backcheck.pipeline.check import Job, run_checks

# The only backcheck imports of this script.
from backcheck.scoring import fidelity

EVAL = ROOT.parent / "shared" / "eval"
CACHE = ROOT / ".backcheck-cache"
CALIBRATION = ROOT / "src" / "backcheck" / "data" / fidelity.CALIBRATION_FILE
PLOT = ROOT / "docs" / "img" / "fidelity_roc.png"
#: Source languages, one per document (chosen by the document's hash): file suffix, ISO code.
LANGS = [("srp-Latn", "sr"), ("hrv", "hr"), ("bos", "bs")]
PERTURBATIONS = (
    "name_inflected",
    "number_changed",
    "negation_flipped",
    "clause_dropped",
    "clause_added",
    "sentence_replaced",
)
SEED = 13


@dataclass
class Item:
    doc: str
    lang: str
    source: str
    english: str  #: possibly perturbed
    kind: str  #: "clean" or a perturbation
    size: float  #: share of the clean English words edited (0 for clean)


# --- perturbations ---------------------------------------------------------------------------

_WORD = re.compile(r"\S+")
_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|has|have|had|should|must|may|might|does|did|do)\b")
_NEG = re.compile(r"\b(not|never)\s+|n't\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CLAUSE_CUT = re.compile(r",\s+|;\s+|\s+(?=(?:and|but|which|who|while|after|because|when)\s)")
#: South Slavic case endings an MT system copies along with a name.
_ENDINGS = ("a", "u", "om", "e", "ova", "ov")
_FUNCTION = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "If",
    "As",
    "For",
    "Of",
    "To",
    "By",
    "With",
    "From",
    "After",
    "When",
    "While",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}


def edit_size(clean: str, perturbed: str) -> float:
    """Word-level Levenshtein distance over the clean length, capped at 1."""
    a, b = clean.split(), perturbed.split()
    prev = list(range(len(b) + 1))
    for i, wa in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, wb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (wa != wb))
        prev = cur
    return min(1.0, prev[-1] / max(1, len(a)))


def perturb(kind: str, sentence: str, rng: random.Random, same_doc: list[str], other_docs: list[str]) -> str | None:
    """One perturbation of an English sentence, or None where it does not apply."""
    if kind == "name_inflected":
        words = [m for m in _WORD.finditer(sentence)][1:]
        names = [m for m in words if re.fullmatch(r"[A-Z][a-z]{2,}", m.group()) and m.group() not in _FUNCTION]
        if not names:
            return None
        m = rng.choice(names)
        return sentence[: m.end()] + rng.choice(_ENDINGS) + sentence[m.end() :]
    if kind == "number_changed":
        numbers = list(_NUMBER.finditer(sentence))
        if not numbers:
            return None
        m = rng.choice(numbers)
        digits = m.group()
        pos = max(i for i, c in enumerate(digits) if c.isdigit())
        new = digits[:pos] + str((int(digits[pos]) + rng.randint(1, 8)) % 10) + digits[pos + 1 :]
        if rng.random() < 0.5 and len(digits) <= 3:
            new = digits + "0"
        return sentence[: m.start()] + new + sentence[m.end() :]
    if kind == "negation_flipped":
        neg = _NEG.search(sentence)
        if neg:
            return sentence[: neg.start()] + sentence[neg.end() :]
        aux = _AUX.search(sentence)
        if not aux:
            return None
        return sentence[: aux.end()] + " not" + sentence[aux.end() :]
    if kind == "clause_dropped":
        cuts = [0] + [m.start() for m in _CLAUSE_CUT.finditer(sentence)] + [len(sentence)]
        if len(cuts) < 3:
            return None
        i = rng.randrange(1, len(cuts) - 1)
        out = sentence[: cuts[i]] + sentence[cuts[i + 1] :]
        return out if len(out.split()) >= 3 else None
    if kind == "clause_added":
        donor = rng.choice(other_docs)
        parts = [p for p in _CLAUSE_CUT.split(donor) if len(p.split()) >= 4]
        if not parts:
            return None
        clause = re.sub(
            r"(?i)^(and|but|which|who|while|after|because|when)\s+",
            "",
            parts[rng.randrange(len(parts))].strip().strip(".!?\"'”’»"),
        )
        clause = clause[0].lower() + clause[1:] if clause[1:2].islower() else clause
        body = sentence.rstrip()
        end = re.search(r"[.!?\"'”’»)]*$", body).group()
        return body[: len(body) - len(end)] + ", and " + clause + (end or ".")
    if kind == "sentence_replaced":
        others = [s for s in same_doc if s != sentence]
        return rng.choice(others) if others else None
    raise ValueError(kind)


def cpu_now() -> float:
    """CPU seconds of this process (all threads) and of its finished child processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load_items(split: str, per_split: int, eval_dir: Path = EVAL) -> list[Item]:
    """Up to ``per_split`` clean sentences of the documents of ``split`` (tune or test), each with
    its perturbations."""
    data = eval_dir / "ntrex128_bcms"
    english = (data / "newstest2019-src.eng.txt").read_text("utf-8").splitlines()
    doc_ids = (data / "DOCUMENT_IDS.tsv").read_text("utf-8").splitlines()
    sources = {
        code: (data / f"newstest2019-ref.{suffix}.txt").read_text("utf-8").splitlines() for suffix, code in LANGS
    }
    by_doc = defaultdict(list)
    for i, d in enumerate(doc_ids):
        by_doc[d.split("\t")[0]].append(i)

    def h(s: str) -> int:
        return int(hashlib.sha256(s.encode()).hexdigest(), 16)

    member = splits.in_split("ntrex", split)
    docs = sorted(d for d in by_doc if member(d))
    rng = random.Random(f"{SEED}:{split}")
    lines = [i for d in docs for i in by_doc[d] if 3 <= len(english[i].split()) <= 60]
    chosen = sorted(rng.sample(lines, min(per_split, len(lines))))
    doc_of = {i: d.split("\t")[0] for i, d in enumerate(doc_ids)}
    all_docs_lines = [i for d in docs for i in by_doc[d]]
    items = []
    for i in chosen:
        doc = doc_of[i]
        lang = LANGS[h(doc) % len(LANGS)][1]
        src = sources[lang][i]
        items.append(Item(doc, lang, src, english[i], "clean", 0.0))
        same_doc = [english[j] for j in by_doc[doc]]
        other = [english[j] for j in rng.sample(all_docs_lines, 20) if doc_of[j] != doc]
        for kind in PERTURBATIONS:
            out = perturb(kind, english[i], rng, same_doc, other)
            if out is not None and out != english[i]:
                items.append(Item(doc, lang, src, out, kind, edit_size(english[i], out)))
    return items


# --- engine runs, cached ---------------------------------------------------------------------


class Engines:
    """The engines of one kind for each direction, through backcheck's translation cache (kept in
    .backcheck-cache/ so reruns skip decoding); None where that direction has no model."""

    def __init__(self, name: str):
        self.name = name
        self.by_direction = {}
        for lang in sorted({code for _, code in LANGS}):
            for src, tgt in (("en", lang), (lang, "en")):
                try:
                    self.by_direction[src, tgt] = resolve(
                        name, src, tgt, cache_path=CACHE / "evaluate_fidelity.sqlite3"
                    )
                except EngineError as exc:
                    print(f"engine {name} {src}→{tgt}: not available ({exc})", file=sys.stderr)
                    self.by_direction[src, tgt] = None

    @property
    def modes(self) -> tuple[str, ...]:
        """Round trips need every source → English direction."""
        if all(e is not None for (src, _), e in self.by_direction.items() if src != "en"):
            return (fidelity.SOURCE, fidelity.ROUND_TRIP)
        return (fidelity.SOURCE,)

    @property
    def available(self) -> bool:
        return any(e is not None for (src, _), e in self.by_direction.items() if src == "en")

    def time_per_sentence(self, items: list[Item], n: int = 100) -> tuple[float, float]:
        """Uncached back-translation time per sentence (ms wall, ms CPU), on ``n`` sentences."""
        sample = [it for it in items if it.kind == "clean"][:n]
        engine = self.by_direction["en", sample[0].lang].engine  # the engine behind the cache
        t0, c0 = time.perf_counter(), cpu_now()
        engine.translate([it.english for it in sample], "en", sample[0].lang)
        return 1000 * (time.perf_counter() - t0) / len(sample), 1000 * (cpu_now() - c0) / len(sample)


def run_engine(engines: Engines, items: list[Item]) -> dict:
    """Back-translations, round trips and forced-decoding scores per item (batched by language)."""
    out = {"bt": [""] * len(items), "rt": [""] * len(items)}
    by_lang = defaultdict(list)
    for k, it in enumerate(items):
        by_lang[it.lang].append(k)
    forced: dict[str, list] = defaultdict(lambda: [None] * len(items))
    forced_rt: dict[str, list] = defaultdict(lambda: [None] * len(items))
    t0, c0 = time.perf_counter(), cpu_now()
    for lang, idx in by_lang.items():
        forward, reverse = engines.by_direction["en", lang], engines.by_direction[lang, "en"]
        english = [items[k].english for k in idx]
        sources = [items[k].source for k in idx]
        bts = [t.text for t in forward.translate(english, "en", lang)]
        rts = [t.text for t in reverse.translate(bts, lang, "en")] if reverse else [""] * len(bts)
        for k, bt, rt in zip(idx, bts, rts):
            out["bt"][k], out["rt"][k] = bt, rt
        runs = [("src|en", forced, forward, (english, sources, "en", lang))]
        if reverse is not None:
            runs += [
                ("en|src", forced, reverse, (sources, english, lang, "en")),
                ("en|bt", forced_rt, reverse, (bts, english, lang, "en")),
            ]
        for direction, table, engine, args in runs:
            scores = engine.score(*args)
            if scores is not None:
                for k, sc in zip(idx, scores):
                    table[direction][k] = sc
    out["forced"], out["forced_rt"] = dict(forced), dict(forced_rt)
    out["seconds"], out["cpu"] = time.perf_counter() - t0, cpu_now() - c0
    return out


# --- fitting ---------------------------------------------------------------------------------


def raw_features(items: list[Item], run: dict, mode: str, stats: dict) -> list[dict[str, float]]:
    m = fidelity.metrics()
    rows = []
    for k, it in enumerate(items):
        if mode == fidelity.SOURCE:
            values = m.sentence(run["bt"][k], it.source)
            ratio = math.log((len(it.english) + 1) / (len(it.source) + 1))
            forced = {d: v[k].mean for d, v in run["forced"].items() if v[k] is not None}
        else:
            values = m.sentence(run["rt"][k], it.english)
            ratio = math.log((len(run["rt"][k]) + 1) / (len(it.english) + 1))
            forced = {d: v[k].mean for d, v in run["forced_rt"].items() if v[k] is not None}
        z = (ratio - stats["mu"]) / stats["sigma"]
        rows.append(fidelity.features(values, z, forced))
    return rows


def length_stats(items: list[Item], run: dict, mode: str) -> dict[str, float]:
    ratios = [
        math.log((len(it.english) + 1) / (len(it.source) + 1))
        if mode == fidelity.SOURCE
        else math.log((len(run["rt"][k]) + 1) / (len(it.english) + 1))
        for k, it in enumerate(items)
        if it.kind == "clean"
    ]
    return {"mu": round(float(np.mean(ratios)), 5), "sigma": round(float(np.std(ratios)) or 1.0, 5)}


def fit_logistic(X: np.ndarray, y: np.ndarray, weights: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, float]:
    """Weighted L2-regularised logistic regression by Newton's method (IRLS) on standardised X."""
    n, d = X.shape
    A = np.hstack([np.ones((n, 1)), X])
    w = np.zeros(d + 1)
    reg = np.eye(d + 1) * l2
    reg[0, 0] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-A @ w))
        grad = A.T @ (weights * (p - y)) + reg @ w
        hess = (A * (weights * p * (1 - p))[:, None]).T @ A + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[1:], float(w[0])


def expected_sign(feature: str) -> int:
    """Similarity (chrF++, BLEU, forced-decoding log-probs) must raise the score; an unusual
    length must lower it."""
    return -1 if feature == "length_dev" else 1


def fit(items: list[Item], run: dict, mode: str) -> dict:
    """Fit the combination; a feature whose coefficient comes out with the wrong sign (collinear
    with another, or carrying no signal) is dropped and the rest refitted, so the score never
    falls as the back-translation gets closer to the source."""
    stats = length_stats(items, run, mode)
    rows = raw_features(items, run, mode, stats)
    names = sorted(set.intersection(*(set(r) for r in rows)))
    y = np.array([1.0 if it.kind == "clean" else 0.0 for it in items])
    # clean and perturbed pairs weigh the same in total, so 50 is the balanced decision boundary
    weights = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    while True:
        X = np.array([[r[n] for n in names] for r in rows]).reshape(len(rows), len(names))
        mean, scale = X.mean(axis=0), X.std(axis=0)
        scale[scale == 0] = 1.0
        coef, intercept = fit_logistic((X - mean) / scale, y, weights)
        wrong = [i for i, n in enumerate(names) if coef[i] * expected_sign(n) < 0]
        if not wrong:
            break
        names = [n for i, n in enumerate(names) if i != min(wrong, key=lambda i: abs(coef[i]))]
    fitted = 100.0 / (1.0 + np.exp(-(intercept + ((X - mean) / scale) @ coef)))
    # the default low-fidelity threshold: 5% of the clean fit pairs fall below it
    min_fidelity = round(float(np.percentile(fitted[y == 1], 5)), 1)
    # what an editor compares an article's score with: the 10th-90th percentile of the mean
    # fidelity of the clean sentences of each fit document (documents with 2+ sampled sentences)
    by_doc: dict[str, list[float]] = defaultdict(list)
    for it, value in zip(items, fitted):
        if it.kind == "clean":
            by_doc[it.doc].append(float(value))
    doc_means = [sum(v) / len(v) for v in by_doc.values() if len(v) >= 2] or [float(v) for v in fitted[y == 1]]
    typical = [round(float(np.percentile(doc_means, q)), 1) for q in (10, 90)]
    model = {
        "features": names,
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(intercept, 6),
        "length": stats,
        "min_fidelity": min_fidelity,
        "typical_article": typical,
        "pairs": len(items),
        "clean": int(y.sum()),
    }
    return model


# --- evaluation ------------------------------------------------------------------------------


def roc_auc(pos: list[float], neg: list[float]) -> float:
    """P(score of a clean pair > score of a perturbed pair), ties counting half (Mann-Whitney)."""
    if not pos or not neg:
        return float("nan")
    ranks = rankdata(np.array(pos + neg))
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def rankdata(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(1, len(x) + 1)
    for v in np.unique(x):  # average ranks of ties
        tie = x == v
        if tie.sum() > 1:
            ranks[tie] = ranks[tie].mean()
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = rankdata(np.array(a)), rankdata(np.array(b))
    return float(np.corrcoef(ra, rb)[0, 1])


def roc_curve(pos: list[float], neg: list[float]) -> tuple[np.ndarray, np.ndarray]:
    thresholds = np.unique(np.array(pos + neg))[::-1]
    p, n = np.array(pos), np.array(neg)
    tpr = [0.0] + [float((n <= t).mean()) for t in thresholds]  # "detected" = perturbed at or below t
    fpr = [0.0] + [float((p <= t).mean()) for t in thresholds]
    return np.array(fpr), np.array(tpr)


def model_free_flags(items: list[Item]) -> list[bool]:
    """Whether the model-free checks (every registered check except the fidelity ones) flag the pair."""
    config = Config(engine="none")
    out = []
    for it in items:
        doc = from_text(it.english, "<eval>", "en")
        src = from_text(it.source, "<eval-src>", it.lang)
        alignment = [AlignedPair(tuple(s.index for s in src.sentences), tuple(s.index for s in doc.sentences))]
        flags = run_checks(Job(doc, src), config, alignment=alignment)
        out.append(any(not f.check.startswith("fidelity.") for f in flags))
    return out


def table(items: list[Item], scores: list[float], title: str) -> dict[str, float]:
    clean = [s for s, it in zip(scores, items) if it.kind == "clean"]
    print(f"\n{title}")
    print(f"{'perturbation':20} {'pairs':>6} {'ROC AUC':>8} {'mean score':>10} {'Spearman(size)':>15}")
    print(f"{'clean':20} {len(clean):6d} {'':>8} {np.mean(clean):10.1f}")
    aucs = {}
    for kind in PERTURBATIONS:
        bad = [s for s, it in zip(scores, items) if it.kind == kind]
        sub = [(s, it.size) for s, it in zip(scores, items) if it.kind in ("clean", kind)]
        rho = spearman([s for s, _ in sub], [z for _, z in sub])
        aucs[kind] = roc_auc(clean, bad)
        print(f"{kind:20} {len(bad):6d} {aucs[kind]:8.3f} {np.mean(bad):10.1f} {rho:15.3f}")
    bad = [s for s, it in zip(scores, items) if it.kind != "clean"]
    aucs["all"] = roc_auc(clean, bad)
    rho = spearman(scores, [it.size for it in items])
    print(f"{'all perturbed':20} {len(bad):6d} {aucs['all']:8.3f} {np.mean(bad):10.1f} {rho:15.3f}")
    return aucs


def plot(curves: dict[str, dict[str, tuple]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(curves), figsize=(6 * len(curves), 5.2), squeeze=False)
    for ax, (title, by_kind) in zip(axes[0], curves.items()):
        for kind, (fpr, tpr, auc) in by_kind.items():
            ax.plot(fpr, tpr, label=f"{kind} (AUC {auc:.2f})")
        ax.plot([0, 1], [0, 1], color="grey", linestyle=":", linewidth=1)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("clean pairs flagged (false positive rate)")
        ax.set_ylabel("perturbed pairs flagged (true positive rate)")
        ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", action="append", help="engine(s) to measure (default: every one available)")
    ap.add_argument("--per-split", type=int, default=400, help="clean sentences per split (fit, eval)")
    ap.add_argument("--fit", action="store_true", help="refit the calibration on the tune split and save it")
    ap.add_argument("--no-plot", action="store_true")
    ap.add_argument("--no-checks", action="store_true", help="skip the comparison with the model-free checks (slow)")
    ap.add_argument(
        "--split",
        choices=("tune", "test"),
        default="test",
        help="the documents the tables are computed on (default test); the fit is always on tune",
    )
    ap.add_argument("--eval-dir", type=Path, default=EVAL, help=f"evaluation data folder ({EVAL})")
    args = ap.parse_args()
    if not (args.eval_dir / "ntrex128_bcms").exists():
        sys.exit(f"evaluation data not found: {args.eval_dir / 'ntrex128_bcms'}")

    engines = [e for e in (Engines(name) for name in args.engine or ["apertium", "ct2"]) if e.available]
    fit_items = load_items("tune", args.per_split, args.eval_dir)
    eval_items = load_items(args.split, args.per_split, args.eval_dir)
    if args.split == "test":
        assert not {it.doc for it in fit_items} & {it.doc for it in eval_items}
    print(
        f"NTREX-128 reversed: fit (tune split) {sum(it.kind == 'clean' for it in fit_items)} sentences "
        f"({len(fit_items)} pairs), tables on the {args.split} split: "
        f"{sum(it.kind == 'clean' for it in eval_items)} sentences ({len(eval_items)} pairs)"
        + ("; the two share no document" if args.split == "test" else " (the fit data itself: not a measurement)")
    )

    curves: dict[str, dict[str, tuple]] = {}
    summary: dict[str, tuple[dict, dict]] = {}
    checks_flags = None if args.no_checks else model_free_flags(eval_items)
    for engine in engines:
        name = engine.name
        fit_run = run_engine(engine, fit_items)
        if args.fit:
            cal = json.loads(CALIBRATION.read_text("utf-8")) if CALIBRATION.exists() else {"models": {}}
            cal["fitted_by"] = "scripts/evaluate_fidelity.py --fit"
            cal["data"] = "NTREX-128 reversed (BCMS source, English translation), fit half of the documents, perturbed"
            cal["method"] = (
                "weighted L2 logistic regression (clean vs perturbed, classes weighted equally) on "
                "standardised features; features whose coefficient has the wrong sign are dropped "
                "and the rest refitted; fidelity = 100 * P(clean); min_fidelity = 5th percentile "
                "of clean fit pairs; typical_article = 10th-90th percentile of the mean clean fidelity "
                "per fit document; length = mean/sd of log length ratio on clean fit pairs"
            )
            for mode in engine.modes:
                cal["models"][f"{name}:{mode}"] = fit(fit_items, fit_run, mode)
            CALIBRATION.parent.mkdir(parents=True, exist_ok=True)
            CALIBRATION.write_text(json.dumps(cal, indent=1, sort_keys=True) + "\n", "utf-8")
            fidelity.calibration.cache_clear()
            print(f"calibration for {name} written to {CALIBRATION.relative_to(ROOT)}")
        run = run_engine(engine, eval_items)
        for mode in engine.modes:
            t1, c1 = time.perf_counter(), cpu_now()
            pairs = [
                fidelity.Pair((0,), (0,), it.english, it.source if mode == fidelity.SOURCE else it.english)
                for it in eval_items
            ]
            forced = run["forced"] if mode == fidelity.SOURCE else run["forced_rt"]
            hyps = run["bt"] if mode == fidelity.SOURCE else run["rt"]
            result = fidelity.score_pairs(pairs, hyps, mode, name, forced)
            t_score, c_score = time.perf_counter() - t1, cpu_now() - c1
            title = (
                f"engine {name}, mode {mode} ({'source given' if mode == fidelity.SOURCE else 'no source'}); "
                f"calibration {result.signature.split('|')[1]}"
            )
            chrf = [s.metrics["chrf++"] for s in result.sentences]
            if result.document["calibrated"]:
                scores = [s.fidelity for s in result.sentences]
                aucs = table(eval_items, scores, title + ": fidelity")
                chrf_aucs = table(eval_items, chrf, title + ": chrF++ alone, for comparison")
            else:
                print(
                    f"\n{title}: no feature separated clean from perturbed pairs in the tune split, so no "
                    "fidelity is reported in this mode; the raw metric:"
                )
                scores = chrf
                aucs = chrf_aucs = table(eval_items, chrf, title + ": chrF++ of the round trip against the English")
            summary[f"{name}, {mode}"] = (aucs, chrf_aucs)
            print(
                f"  scoring time: {1000 * t_score / len(eval_items):.1f} ms wall, "
                f"{1000 * c_score / len(eval_items):.1f} ms CPU per pair (metrics, features)"
            )
            label = f"{name}, {mode}" + ("" if result.document["calibrated"] else " (chrF++: no calibrated fidelity)")
            curves[label] = {}
            for kind in PERTURBATIONS:
                clean = [s for s, it in zip(scores, eval_items) if it.kind == "clean"]
                bad = [s for s, it in zip(scores, eval_items) if it.kind == kind]
                fpr, tpr = roc_curve(clean, bad)
                curves[label][kind] = (fpr, tpr, aucs[kind])
            if mode == fidelity.SOURCE and checks_flags is not None:
                report_added_value(eval_items, scores, checks_flags, result.min_fidelity)
        wall_ms, cpu_ms = engine.time_per_sentence(eval_items)
        print(
            f"\nengine {name}: back-translation {wall_ms:.1f} ms wall, {cpu_ms:.1f} ms CPU per sentence "
            f"(100 sentences, uncached); this run {run['seconds']:.1f} s wall, {run['cpu']:.1f} s CPU "
            f"for {len(eval_items)} pairs "
            "(back-translation, round trip, forced decoding; cached translations are reused)"
        )
    if summary:
        print(f"\nROC AUC, clean vs perturbed ({args.split} split): fidelity, with chrF++ alone in brackets")
        print("| perturbation | " + " | ".join(summary) + " |")
        print("|---|" + "---|" * len(summary))
        for kind in PERTURBATIONS + ("all",):
            cells = [
                f"{aucs[kind]:.3f}" + (f" ({chrf_aucs[kind]:.3f})" if aucs is not chrf_aucs else " (chrF++ only)")
                for aucs, chrf_aucs in summary.values()
            ]
            print(f"| {kind} | " + " | ".join(cells) + " |")
    if curves and not args.no_plot:
        plot(curves, PLOT)
        print(f"ROC curves written to {PLOT.relative_to(ROOT)}")


def report_added_value(items: list[Item], scores: list[float], checks_flags: list[bool], threshold: float) -> None:
    """Recall of the model-free checks, of fidelity below the default threshold, and of either."""
    low = [s < threshold for s in scores]
    print(f"\nadded value over the model-free checks (fidelity < {threshold:g}; share of pairs flagged)")
    print(f"{'pairs':20} {'checks':>8} {'fidelity':>9} {'either':>8}")
    for kind in ("clean",) + PERTURBATIONS:
        idx = [k for k, it in enumerate(items) if it.kind == kind]
        c = np.mean([checks_flags[k] for k in idx])
        f = np.mean([low[k] for k in idx])
        e = np.mean([checks_flags[k] or low[k] for k in idx])
        print(f"{kind:20} {c:8.3f} {f:9.3f} {e:8.3f}")


if __name__ == "__main__":
    main()
