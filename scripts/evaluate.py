#!/usr/bin/env python3
"""Measure backcheck's checks on the third-party evaluation data in ../shared/eval.

Runs the library (not the CLI), model-free, with every registered check, and prints one table
per data set: items, recall (items whose error is flagged in the expected categories),
false-flag rate (clean counterparts flagged in those categories) and throughput.

* DEMETR: one-error perturbations of MT output, source given; Latin/Cyrillic-script sources
  (pl, cs, ru, de, fr, it, es) and ja/zh/hi reported apart.
* NTREX-128 reversed: professional hr / sr-Latn / sr-Cyrl / bs translations as the source, the
  English original as the translation, one document at a time: false flags per 100 sentences.
* NTREX-128 perturbed: controlled errors applied to the English side of sentence pairs.
* ParlaMint hr→en and sl→en: translations labelled "wrong proper name" vs "correct".

    .venv/bin/python scripts/evaluate.py --limit 200
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from backcheck.config import Config
from backcheck.formats.article import from_text
from backcheck.pipeline.check import Job, run_checks

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

DEMETR_LANGS = {
    "polish": "pl",
    "czech": "cs",
    "russian": "ru",
    "german": "de",
    "french": "fr",
    "italian": "it",
    "spanish": "es",
    "japanese": "ja",
    "chinese_simple": "zh",
    "hindi": "hi",
}
NON_ALPHABETIC = {"ja", "zh", "hi"}
#: DEMETR perturbation -> flag categories that count as detecting it
DEMETR_EXPECTED = {
    "critical_id9_ne_replaced": {"name"},
    "critical_id25_ne_removed": {"name", "omission"},
    "critical_id10_numbers_replaced": {"number"},
    "critical_id4_codemix": {"untranslated"},
    "critical_id8_negation": {"mistranslation"},
    "critical_id6_addition": {"addition"},
    "critical_id21_adj_adv_removed": {"omission"},
    "critical_id22_verb_removed": {"omission"},
    "critical_id23_noun_removed": {"omission"},
    "critical_id24_subj_removed": {"omission"},
}
TARGETS = {
    "critical_id9_ne_replaced": 0.90,
    "critical_id25_ne_removed": 0.80,
    "critical_id10_numbers_replaced": 0.95,
    "critical_id4_codemix": 0.85,
    "critical_id8_negation": 0.80,
}
NTREX_LANGS = {"hrv": "hr", "srp-Latn": "sr", "srp-Cyrl": "sr", "bos": "bs"}

CONFIG = Config()


#: A pair of the script's own, run untimed to load a language's resources.
_WARM_UP = (
    "Vlada je u ponedjeljak objavila da će Marko Horvat voditi pregovore u Bruxellesu 3. svibnja.",
    "The government announced on Monday that Marko Horvat will lead the talks in Brussels on May 3.",
)


class Meter:
    """Counts pairs and time spent in the library."""

    def __init__(self) -> None:
        self.pairs = 0
        self.seconds = 0.0

    def run(self, source: str, translation: str, lang: str) -> list:
        start = time.perf_counter()
        job = Job(from_text(translation, lang="en"), from_text(source, lang=lang))
        flags = run_checks(job, CONFIG)
        self.seconds += time.perf_counter() - start
        self.pairs += len(job.document.article_sentences)
        return flags

    def warm(self, lang: str) -> None:
        """Load what a language needs (word lists, dictionaries, exonyms) before the clock runs:
        the rate is the steady state; start-up is measured by scripts/bench_startup.py. The
        sentence is not from any data set, so no evaluated sentence is cached by it."""
        run_checks(Job(from_text(_WARM_UP[1], lang="en"), from_text(_WARM_UP[0], lang=lang)), CONFIG)

    @property
    def rate(self) -> float:
        return self.pairs / self.seconds if self.seconds else 0.0


def categories(flags) -> set[str]:
    return {f.category for f in flags}


def pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def table(title: str, header: list[str], rows: list[list]) -> None:
    print(f"\n## {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")


# --- DEMETR ----------------------------------------------------------------------------------


def demetr(limit: int | None, with_cjk: bool = False) -> None:
    meter = Meter()
    clean: dict[tuple[int, str], set[str]] = {}  # (id, which) -> flagged categories
    results: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # hits, items, ff, clean n
    for name, expected in DEMETR_EXPECTED.items():
        items = [x for x in json.loads((EVAL / "demetr" / f"{name}.json").read_text()) if x["pert_check"]]
        by_lang: dict[str, list] = defaultdict(list)
        for x in items:
            by_lang[DEMETR_LANGS[x["lang_tag"]]].append(x)
        for lang, xs in by_lang.items():
            if lang in NON_ALPHABETIC and not with_cjk:
                continue
            group = "ja/zh/hi" if lang in NON_ALPHABETIC else "alphabetic"
            meter.warm(lang)
            for x in xs[:limit]:
                hit = categories(meter.run(x["src_sent"], x["pert_sent"], lang)) & expected
                r = results[(name, group)]
                r[0] += bool(hit)
                r[1] += 1
                for which in ("mt_sent", "eng_sent"):
                    key = (x["id"], which)
                    if key not in clean:
                        clean[key] = categories(meter.run(x["src_sent"], x[which], lang))
                    r[2] += bool(clean[key] & expected)
                    r[3] += 1
    rows = []
    for (name, group), (hits, n, ff, cn) in sorted(results.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        target = TARGETS.get(name)
        rows.append(
            [
                name,
                group,
                n,
                pct(hits / n),
                f"≥{pct(target).strip()}" if target else "",
                pct(ff / cn),
                "≤3.0%" if target else "",
            ]
        )
    table(
        f"DEMETR (source given; {meter.pairs} pairs, {meter.rate:.0f} pairs/s)",
        ["perturbation", "sources", "items", "recall", "target", "false flags (mt+eng)", "target"],
        rows,
    )


# --- NTREX -----------------------------------------------------------------------------------


def _ntrex_docs(limit: int | None):
    base = EVAL / "ntrex128_bcms"
    ids = (base / "DOCUMENT_IDS.tsv").read_text().splitlines()
    english = (base / "newstest2019-src.eng.txt").read_text().splitlines()
    sides = {code: (base / f"newstest2019-ref.{code}.txt").read_text().splitlines() for code in NTREX_LANGS}
    docs: dict[str, list[int]] = {}
    for i, doc_id in enumerate(ids):
        docs.setdefault(doc_id, []).append(i)
    chosen = list(docs.values())[:limit]
    return english, sides, chosen


def ntrex_reversed(limit: int | None) -> None:
    english, sides, docs = _ntrex_docs(limit)
    watched = ("name", "number", "untranslated")
    rows = []
    for code, lang in NTREX_LANGS.items():
        meter = Meter()
        meter.warm(lang)
        counts: Counter = Counter()
        by_check: Counter = Counter()
        for lines in docs:
            flags = meter.run("\n".join(sides[code][i] for i in lines), "\n".join(english[i] for i in lines), lang)
            for f in flags:
                counts[f.category] += 1
                by_check[f.check] += 1
        per100 = {c: 100 * counts[c] / meter.pairs for c in watched}
        rows.append(
            [
                f"{code} → en",
                meter.pairs,
                *(f"{per100[c]:.2f}" for c in watched),
                f"{sum(per100.values()):.2f}",
                f"{meter.rate:.0f}",
                ", ".join(f"{k}:{v}" for k, v in by_check.most_common(6)),
            ]
        )
    table(
        "NTREX-128 reversed (BCMS source, English original): flags per 100 sentences (target ≤ 2 in total)",
        ["pair", "sentences", "name", "number", "untranslated", "total", "pairs/s", "flags by check"],
        rows,
    )


_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|had|must|may|might)\b(?! not\b)")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _perturb(kind: str, src: str, en: str, lang: str, rng: random.Random) -> str | None:
    """The English sentence with one controlled error of ``kind``, or None if it does not apply."""
    from backcheck.lang.names.correspondence import correspondence, english_tokens, exonyms, source_tokens
    from backcheck.lang.text import to_latin

    if kind == "inflected surname":
        # An MT system that copies a declined name copies the source's case form.
        latin = to_latin(src).text
        table_ = exonyms(lang)
        stoks = source_tokens(latin, 0, len(latin), lang, table_)
        for t in english_tokens(en, 0, len(en)):
            if not t.name or t.initial or len(t.text) < 4:
                continue
            for s in stoks:
                if s.name and correspondence(t, s, table_) == "case" and not s.text.isupper():
                    return en[: t.start] + s.text + en[t.end :]
        return None
    if kind == "changed number":
        nums = list(re.finditer(r"\b\d+\b", en))
        if not nums:
            return None
        m = rng.choice(nums)
        value = int(m.group())
        new = str(value + rng.choice([1, 2, 3, 10]) if value < 1000 else value * 10)
        return en[: m.start()] + new + en[m.end() :]
    if kind == "changed date":
        months = [m for m in re.finditer(r"\b(" + "|".join(_MONTHS) + r")\b", en)]
        if not months:
            return None
        m = rng.choice(months)
        other = rng.choice([x for x in _MONTHS if x != m.group()])
        return en[: m.start()] + other + en[m.end() :]
    if kind == "dropped clause":
        clauses = [m for m in re.finditer(r",[^,]+(?=,|\.$)", en) if re.search(r"\d|\s[A-Z][a-z]", m.group())]
        if not clauses:
            return None
        m = rng.choice(clauses)
        return en[: m.start()] + en[m.end() :]
    if kind == "untranslated phrase":
        src_words = re.findall(r"\b[^\W\d_]{4,}\b", to_latin(src).text)
        src_words = [w for w in src_words if w.islower()]
        en_words = list(re.finditer(r"\b[a-z]{4,}\b", en))
        if len(src_words) < 2 or len(en_words) < 2:
            return None
        i = rng.randrange(len(src_words) - 1)
        j = rng.randrange(len(en_words) - 1)
        return en[: en_words[j].start()] + " ".join(src_words[i : i + 2]) + en[en_words[j + 1].end() :]
    if kind == "negated verb":
        aux = list(_AUX.finditer(en))
        if not aux:
            return None
        m = rng.choice(aux)
        return en[: m.end()] + " not" + en[m.end() :]
    raise ValueError(kind)


PERTURBATIONS = {
    "inflected surname": {"name"},
    "changed number": {"number"},
    "changed date": {"number"},
    "dropped clause": {"omission", "name", "number"},
    "untranslated phrase": {"untranslated"},
    "negated verb": {"mistranslation"},
}


def ntrex_perturbed(limit: int | None) -> None:
    english, sides, docs = _ntrex_docs(None)
    rng = random.Random(20191)
    meter = Meter()
    for lang in NTREX_LANGS.values():
        meter.warm(lang)
    rows = []
    lines = [i for doc in docs for i in doc]
    for kind, expected in PERTURBATIONS.items():
        hits = n = clean_flags = 0
        for code, lang in NTREX_LANGS.items():
            done = 0
            for i in lines:
                if limit and done >= limit:
                    break
                src, en = sides[code][i], english[i]
                bad = _perturb(kind, src, en, lang, rng)
                if bad is None or bad == en:
                    continue
                done += 1
                n += 1
                hits += bool(categories(meter.run(src, bad, lang)) & expected)
                clean_flags += bool(categories(meter.run(src, en, lang)) & expected)
        rows.append([kind, n, pct(hits / n) if n else "-", "≥90.0%", pct(clean_flags / n) if n else "-"])
    table(
        f"NTREX-128 with controlled perturbations of the English side ({meter.rate:.0f} pairs/s)",
        ["perturbation", "items", "recall", "target", "clean flagged"],
        rows,
    )


# --- ParlaMint -------------------------------------------------------------------------------


def _parlamint_items():
    base = EVAL / "parlamint_mt_hr-sl_en"
    for fname, lang in (
        ("DERIVED_HR__MT-models-comparison-Croatian.tsv", "hr"),
        ("DERIVED_SL__Parlamint-MT-comparison.tsv", "sl"),
    ):
        with open(base / fname, newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
        header = rows[0]
        for row in rows[1:]:
            if not row or not row[0].strip():
                continue
            source = re.sub(r"^ParlaMint\S*\s+", "", row[0])
            for col in range(1, len(header) - 1, 2):
                if col + 1 >= len(row):
                    break
                translation = re.sub(r"^(ParlaMint|Parlamint)\S*(\s+@-@\s+\S+)*\s+", "", row[col])
                label = row[col + 1].strip().lower()
                if translation.strip():
                    yield lang, source, translation, label


def parlamint(limit: int | None) -> None:
    meter = Meter()
    for lang in ("hr", "sl"):
        meter.warm(lang)
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for lang, source, translation, label in _parlamint_items():
        if label not in ("wrong proper name", "correct"):
            continue
        s = stats[lang]
        if limit and s[1] + s[3] >= limit:
            continue
        flagged = "name" in categories(meter.run(source, translation, lang))
        if label == "wrong proper name":
            s[0] += flagged
            s[1] += 1
        else:
            s[2] += flagged
            s[3] += 1
    rows = [
        [f"{lang} → en", n, pct(h / n) if n else "-", "≥70%", cn, pct(ff / cn) if cn else "-", "≤5%"]
        for lang, (h, n, ff, cn) in sorted(stats.items())
    ]
    table(
        f"ParlaMint proper names ({meter.rate:.0f} pairs/s)",
        ["pair", "wrong-name items", "recall", "aim", "correct items", "false flags", "aim"],
        rows,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="items per language and perturbation (DEMETR, NTREX perturbed), documents "
        "(NTREX reversed) or items per language (ParlaMint)",
    )
    parser.add_argument(
        "--with-cjk",
        action="store_true",
        help="also run DEMETR's ja/zh/hi sources (needs wordfreq's jieba/mecab extras)",
    )
    parser.add_argument(
        "--sets",
        default="demetr,ntrex,perturbed,parlamint",
        help="comma-separated: demetr, ntrex, perturbed, parlamint",
    )
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"evaluation data not found at {EVAL}", file=sys.stderr)
        return 2
    print(f"# backcheck evaluation (model-free; limit={args.limit})")
    runners = {"demetr": demetr, "ntrex": ntrex_reversed, "perturbed": ntrex_perturbed, "parlamint": parlamint}
    for name in args.sets.split(","):
        start = time.perf_counter()
        runners[name](args.limit, args.with_cjk) if name == "demetr" else runners[name](args.limit)
        print(f"\n({name}: {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
