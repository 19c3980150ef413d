#!/usr/bin/env python3
"""Measure backcheck's checks on the third-party evaluation data in ../shared/eval.

Runs the library (not the CLI), model-free (engine "none"), with every registered check, on one
split of the data (``--split test`` by default; rules are written on ``tune`` only, see
docs/evaluation.md and scripts/splits.py). Every table gives CPU time beside wall time.

* ``demetr``: DEMETR one-error perturbations of MT output, source given (pl, cs, ru, de, fr,
  it, es; ja/zh/hi with --with-cjk): recall per perturbation (any flag of the expected
  categories in the pair; DEMETR marks no span) and false flags on ``mt_sent``/``eng_sent``.
* ``ntrex``: NTREX-128 reversed, the clean professional hr / sr-Latn / sr-Cyrl / bs translation
  as the source and the English original as the translation, document by document, with the
  source and again without it: EVERY flag of a meaning category per 100 sentences.
* ``perturbed``: NTREX-128 sentence pairs with one error planted in the English by the
  independent generators of scripts/perturb.py; recall per family with the source and without
  it (English only); a detection is a flag of a counted category overlapping the planted span.
* ``parlamint``: ParlaMint hr→en and sl→en translations labelled "wrong proper name" vs
  "correct".
* ``wmt22``: WMT22 en→hr reversed (the Croatian as the source): recall on the divergences its
  annotators tagged (NE, MISTRANSLATION, NEGATION, HAL, OMISSION) in eight MT outputs and the
  student reference, by a flag whose source span overlaps the tagged words; false flags on
  untagged segments and, per 100 segments, with the professional reference as the source.

    PYTHONPATH=src .venv/bin/python scripts/evaluate.py --split test
    PYTHONPATH=src .venv/bin/python scripts/evaluate.py --split tune --sets perturbed --limit 20 --show-items

Misses and flags are printed one by one only on the tune split (``--show-items``); on the test
split that takes ``--show-test-items``, for reading a result, never for writing a rule.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import perturb
import splits
from evalkit import (
    MEANING,
    Meter,
    add_protocol_args,
    may_show,
    overlaps,
    pct,
    ratio,
    table,
)

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
#: NTREX file suffix -> the language backcheck is given
NTREX_LANGS = {"hrv": "hr", "srp-Latn": "sr", "srp-Cyrl": "sr", "bos": "bs"}
NTREX_LABEL = {"hrv": "hr", "srp-Latn": "sr-Latn", "srp-Cyrl": "sr-Cyrl", "bos": "bs"}


def categories(flags) -> set[str]:
    return {f.category for f in flags}


def timing_cells(meter: Meter) -> list[str]:
    return [f"{meter.wall:.1f}", f"{meter.cpu:.1f}"]


# --- DEMETR ----------------------------------------------------------------------------------


def _demetr_items(args, name: str) -> dict[str, list]:
    member = splits.in_split("demetr", args.split)
    items = [
        x
        for x in json.loads((args.eval_dir / "demetr" / f"{name}.json").read_text("utf-8"))
        if x["pert_check"] and member(str(x["id"]))
    ]
    by_lang: dict[str, list] = defaultdict(list)
    for x in items:
        lang = DEMETR_LANGS[x["lang_tag"]]
        if lang not in NON_ALPHABETIC or args.with_cjk:
            by_lang[lang].append(x)
    return by_lang


def demetr(args) -> None:
    """Recall per DEMETR perturbation (source given) and false flags on the clean counterparts."""
    meter = Meter()
    clean: dict[tuple[int, str], set[str]] = {}  # (id, which) -> flagged categories
    results: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # hits, items, ff, clean n
    for name, expected in DEMETR_EXPECTED.items():
        for lang, xs in _demetr_items(args, name).items():
            group = "ja/zh/hi" if lang in NON_ALPHABETIC else "alphabetic"
            meter.warm(lang)
            for x in xs[: args.limit]:
                hit = categories(meter.run(x["src_sent"], x["pert_sent"], lang)) & expected
                r = results[(name, group)]
                r[0] += bool(hit)
                r[1] += 1
                if not hit and may_show(args):
                    print(f"MISS {name} {x['id']} {lang}: {x['pert_sent']}")
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
                pct(ratio(hits, n)),
                f"≥{pct(target)}" if target else "",
                pct(ratio(ff, cn)),
                "≤3.0%" if target else "",
            ]
        )
    table(
        f"DEMETR, {args.split} split (source given; {meter.timing()})",
        ["perturbation", "sources", "items", "recall", "target", "false flags (mt+eng)", "target"],
        rows,
    )


# --- NTREX reversed: all meaning categories ----------------------------------------------------


def ntrex_lines(eval_dir: Path, split: str):
    """English lines, the four BCMS sides, and the documents (lists of line indices) of a split."""
    base = eval_dir / "ntrex128_bcms"
    english = (base / "newstest2019-src.eng.txt").read_text("utf-8").splitlines()
    sides = {code: (base / f"newstest2019-ref.{code}.txt").read_text("utf-8").splitlines() for code in NTREX_LANGS}
    member = splits.in_split("ntrex", split)
    docs: dict[str, list[int]] = {}
    for i, doc_id in enumerate(splits.ntrex_doc_of_line(eval_dir)):
        if member(doc_id):
            docs.setdefault(doc_id, []).append(i)
    return english, sides, docs


def _count_flags(flags, counts: Counter, by_check: Counter) -> None:
    for f in flags:
        counts[f.category] += 1
        by_check[f.check] += 1


def _ntrex_row(label: str, meter: Meter, counts: Counter, by_check: Counter) -> list:
    n = meter.sentences
    per100 = [f"{100 * counts[c] / n:.2f}" for c in MEANING]
    total = sum(counts[c] for c in MEANING)
    other = sum(v for c, v in counts.items() if c not in MEANING)
    return [
        label,
        n,
        *per100,
        f"**{100 * total / n:.2f}**",
        f"{100 * other / n:.2f}",
        *timing_cells(meter),
        ", ".join(f"{k}:{v}" for k, v in by_check.most_common(5)),
    ]


def ntrex_reversed(args) -> None:
    """Every flag of a meaning category per 100 clean sentences, with the source (per language)
    and without it (the English is the same for the four languages, so one row)."""
    english, sides, docs = ntrex_lines(args.eval_dir, args.split)
    chosen = list(docs.values())[: args.limit]
    rows = []
    for code, lang in NTREX_LANGS.items():
        meter, counts, by_check = Meter(), Counter(), Counter()
        meter.warm(lang)
        for lines in chosen:
            flags = meter.run("\n".join(sides[code][i] for i in lines), "\n".join(english[i] for i in lines), lang)
            _count_flags(flags, counts, by_check)
            if may_show(args):
                for f in flags:
                    print(f"FLAG {code} {f.check} {f.category}: {f.span.text!r} ({f.message})")
        rows.append(_ntrex_row(f"{NTREX_LABEL[code]} → en, with source", meter, counts, by_check))
    meter, counts, by_check = Meter(), Counter(), Counter()
    for lines in chosen:
        _count_flags(meter.run(None, "\n".join(english[i] for i in lines), "en"), counts, by_check)
    rows.append(_ntrex_row("English only (no source; any language)", meter, counts, by_check))
    table(
        f"NTREX-128 reversed, {args.split} split ({len(chosen)} documents): flags per 100 clean sentences",
        [
            "pair",
            "sentences",
            *MEANING,
            "all meaning",
            "style/quote/boilerplate",
            "wall s",
            "CPU s",
            "most frequent checks",
        ],
        rows,
    )


# --- NTREX perturbed by scripts/perturb.py ------------------------------------------------------


class Cached:
    """The meter's runs, remembered by (source, English): clean pairs and English-only runs of a
    perturbed English shared by several languages are checked once."""

    def __init__(self, meter: Meter) -> None:
        self.meter = meter
        self.memo: dict[tuple, list] = {}

    def run(self, source: str | None, english: str, lang: str) -> list:
        key = (source, english, lang if source is not None else "en")
        if key not in self.memo:
            self.memo[key] = self.meter.run(source, english, lang)
        return self.memo[key]


def detected(p: perturb.Perturbation, flags) -> tuple[bool, bool, bool]:
    """(detected at the planted span, a flag of any meaning category at the span, a counted
    category flagged anywhere in the pair)."""
    counted = [f for f in flags if f.category in perturb.COUNTS[p.family]]
    if p.family in perturb.ANYWHERE:
        return bool(counted), bool(counted), bool(counted)
    return (
        any(overlaps(f, p.start, p.end) for f in counted),
        any(f.category in MEANING and overlaps(f, p.start, p.end) for f in flags),
        bool(counted),
    )


def _planted_items(args, english, sides, docs, family: str):
    """(code, line, perturbation) for up to --limit lines per language where the family applies,
    in an order fixed by the family and language."""
    lines = sorted(i for doc in docs.values() for i in doc)
    doc_of = {i: d for d, doc in docs.items() for i in doc}
    pool = perturb.name_pool([english[i] for i in lines])
    for code, lang in NTREX_LANGS.items():
        order = lines[:]
        random.Random(f"order:{family}:{code}").shuffle(order)
        taken = 0
        for i in order:
            if args.limit and taken >= args.limit:
                break
            donors = [english[j] for j in lines[::7] if doc_of[j] != doc_of[i]]
            p = perturb.perturb(
                family, sides[code][i], english[i], lang, random.Random(f"{family}:{code}:{i}"), pool, donors
            )
            if p is not None and (p.english != english[i] or family in perturb.FALSE_FLAG):
                taken += 1
                yield code, i, p


def perturbed(args) -> None:
    """Recall per family with the source and English-only, and how often the clean pair already
    had a counted flag at the same place (what a detection would be worth by chance)."""
    english, sides, docs = ntrex_lines(args.eval_dir, args.split)
    meter = Meter()
    for lang in set(NTREX_LANGS.values()):
        meter.warm(lang)
    runs = Cached(meter)
    rows = []
    for family in args.families.split(",") if args.families else perturb.FAMILIES:
        n, tally = 0, Counter()
        for code, i, p in _planted_items(args, english, sides, docs, family):
            lang, src = NTREX_LANGS[code], sides[code][i]
            n += 1
            for mode, source in (("src", src), ("en", None)):
                at, any_category, anywhere = detected(p, runs.run(source, p.english, lang))
                tally[mode] += at
                tally[mode + "_cat"] += any_category
                tally[mode + "_any"] += anywhere
                clean = runs.run(source, english[i], lang)
                span_end = p.start + len(p.original)
                tally[mode + "_clean"] += any(
                    f.category in perturb.COUNTS[p.family]
                    and (p.family in perturb.ANYWHERE or overlaps(f, p.start, span_end))
                    for f in clean
                )
                if mode == "src" and at == (family in perturb.FALSE_FLAG) and may_show(args):
                    print(f"MISS {family} {code} {i}: {p.original!r} -> {p.planted!r}: {p.english}")
        rows.append(
            [
                family + (" (NO error: flags are FALSE)" if family in perturb.FALSE_FLAG else ""),
                "/".join(sorted(perturb.COUNTS[family])),
                n,
                *(pct(ratio(tally[mode + k], n)) for mode in ("src", "en") for k in ("", "_cat", "_any", "_clean")),
            ]
        )
    table(
        f"NTREX-128 {args.split} split, one error planted by scripts/perturb.py "
        f"(≤{args.limit or 'all'} per family and language; {meter.timing()})",
        [
            "family",
            "counted",
            "items",
            "recall, source",
            "at span, any category, source",
            "anywhere, source",
            "clean at span, source",
            "recall, English only",
            "at span, any category, English only",
            "anywhere, English only",
            "clean at span, English only",
        ],
        rows,
    )
    clean_sentences(runs, english, sides, sorted(i for doc in docs.values() for i in doc), args.split)


def clean_sentences(runs: Cached, english, sides, lines: list[int], split: str) -> None:
    """Flags of every meaning category per 100 clean sentences, checked one sentence at a time as
    the perturbation track checks them (the clean counterpart of its recall)."""
    rows = []
    for label, code in [
        *((f"{NTREX_LABEL[c]} → en, with source", c) for c in NTREX_LANGS),
        ("English only (no source)", None),
    ]:
        counts: Counter = Counter()
        for i in lines:
            source = sides[code][i] if code else None
            for f in runs.run(source, english[i], NTREX_LANGS[code] if code else "en"):
                counts[f.category] += 1
        total = sum(counts[c] for c in MEANING)
        rows.append(
            [
                label,
                len(lines),
                *(f"{100 * counts[c] / len(lines):.2f}" for c in MEANING),
                f"**{100 * total / len(lines):.2f}**",
            ]
        )
    table(
        f"NTREX-128 {split} split, the same clean sentences one at a time: flags per 100 sentences "
        f"(timing: the perturbation table's meter, {runs.meter.timing()} in all)",
        ["pair", "sentences", *MEANING, "all meaning"],
        rows,
    )


# --- WMT22 en-hr, reversed --------------------------------------------------------------------

WMT22 = "wmt22_en-hr_annotated"
#: the annotated outputs used for recall; the professional reference is the clean set
WMT22_OUTPUTS = (
    "HuaweiTSC.hyp",
    "Lan-Bridge.hyp",
    "NiuTrans.hyp",
    "SRPOL.hyp",
    "online-A.hyp",
    "online-B.hyp",
    "online-G.hyp",
    "online-Y.hyp",
    "stud.ref",
)
#: a tag on the Croatian side -> the categories that detect it with the Croatian as the source
#: (OMISSION there is content the English has more: an addition for us; a hallucination is
#: content the English lacks: an omission). Grammar tags (CASE, GENDER, NUMBER, ...) and
#: UNTRANSLATED (an English word kept in the Croatian) are no divergence in this direction.
WMT22_TAGS = {
    "NE": {"name"},
    "MISTRANSLATION": {"mistranslation"},
    "NEGATION": {"mistranslation"},
    "HAL": {"omission"},
    "OMISSION": {"addition"},
}


def wmt22_segment(line: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The Croatian text of a tagged line and, per tag, the character spans of its tagged words
    (an ``XX|OMISSION`` marker: the point where it stood)."""
    text, spans = "", defaultdict(list)
    for token in line.split():
        word, _, tags = token.rpartition("|")
        tagset = set(tags.split("+")) - {"None"}
        if word == "XX" and "OMISSION" in tagset:
            spans["OMISSION"].append((len(text), len(text)))
            continue
        text += (" " if text else "") + word
        for tag in tagset:
            spans[tag].append((len(text) - len(word), len(text)))
    return text, spans


def _wmt22_hit(tag: str, spans: list[tuple[int, int]], flags) -> tuple[bool, bool]:
    """(a counted flag whose source span overlaps a tagged word, a counted flag anywhere in the
    pair); an omission marker is matched by any addition flag of the pair."""
    counted = [f for f in flags if f.category in WMT22_TAGS[tag]]
    if tag == "OMISSION":
        return bool(counted), bool(counted)
    at = any(
        f.source_span is not None and any(f.source_span.start < b and a < f.source_span.end for a, b in spans)
        for f in counted
    )
    return at, bool(counted)


def wmt22(args) -> None:
    """WMT22 en-hr reversed: recall on the tagged divergences of eight MT outputs and the student
    reference, false flags on their untagged segments and on the professional reference."""
    base = args.eval_dir / WMT22
    english = (base / "en.src").read_text("utf-8").splitlines()
    member = splits.in_split("wmt22", args.split)
    lines = [i for i, doc in enumerate(splits.wmt22_doc_of_line(args.eval_dir)) if member(doc)][: args.limit]
    meter = Meter()
    meter.warm("hr")
    runs = Cached(meter)
    tally: dict[str, Counter] = defaultdict(Counter)
    for output in WMT22_OUTPUTS:
        tagged = (base / f"annotated.en-hr.{output}").read_text("utf-8").splitlines()
        for i in lines:
            source, spans = wmt22_segment(tagged[i])
            flags = runs.run(source, english[i], "hr")
            if not spans:
                tally["untagged"]["n"] += 1
                tally["untagged"]["flagged"] += any(f.category in MEANING for f in flags)
            for tag in WMT22_TAGS:
                if spans.get(tag):
                    at, anywhere = _wmt22_hit(tag, spans[tag], flags)
                    tally[tag]["n"] += 1
                    tally[tag]["at"] += at
                    tally[tag]["any"] += anywhere
                    if not at and may_show(args):
                        print(f"MISS wmt22 {output} {i} {tag}: {source} || {english[i]}")
    rows = [
        [tag, "/".join(sorted(WMT22_TAGS[tag])), t["n"], pct(ratio(t["at"], t["n"])), pct(ratio(t["any"], t["n"]))]
        for tag, t in tally.items()
        if tag != "untagged"
    ]
    u = tally["untagged"]
    rows.append(["(no tag at all)", "any meaning flag = false", u["n"], "", pct(ratio(u["flagged"], u["n"]))])
    table(
        f"WMT22 en-hr reversed, {args.split} split ({len(lines)} segments × {len(WMT22_OUTPUTS)} outputs): "
        f"tagged divergences ({meter.timing()})",
        ["tag on the Croatian", "counted", "segments", "recall (source span at the tag)", "anywhere in the pair"],
        rows,
    )
    wmt22_clean(args, base, english, lines, runs)


def wmt22_clean(args, base: Path, english: list[str], lines: list[int], runs: Cached) -> None:
    """Every meaning flag per 100 segments with the professional reference as the source."""
    tagged = (base / "annotated.en-hr.prof.ref").read_text("utf-8").splitlines()
    rows = []
    for label, with_source in (("prof.ref → en, with source", True), ("English only (no source)", False)):
        counts: Counter = Counter()
        for i in lines:
            source = wmt22_segment(tagged[i])[0] if with_source else None
            for f in runs.run(source, english[i], "hr"):
                counts[f.category] += 1
        total = sum(counts[c] for c in MEANING)
        rows.append(
            [
                label,
                len(lines),
                *(f"{100 * counts[c] / len(lines):.2f}" for c in MEANING),
                f"**{100 * total / len(lines):.2f}**",
            ]
        )
    table(
        f"WMT22 en-hr reversed, {args.split} split: the professional reference as the source, flags per "
        f"100 segments ({runs.meter.timing()} in all)",
        ["pair", "segments", *MEANING, "all meaning"],
        rows,
    )


# --- ParlaMint -------------------------------------------------------------------------------


def _parlamint_items(eval_dir: Path, split: str):
    member = splits.in_split("parlamint", split)
    for doc, lang, row in splits.parlamint_rows(eval_dir):
        if not member(doc):
            continue
        source = re.sub(r"^ParlaMint\S*\s+", "", row[0])
        for col in range(1, len(row) - 1, 2):
            translation = re.sub(r"^(ParlaMint|Parlamint)\S*(\s+@-@\s+\S+)*\s+", "", row[col])
            label = row[col + 1].strip().lower()
            if translation.strip():
                yield lang, source, translation, label


def parlamint(args) -> None:
    """Recall on translations labelled "wrong proper name", false flags on those labelled "correct"."""
    meter = Meter()
    for lang in ("hr", "sl"):
        meter.warm(lang)
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for lang, source, translation, label in _parlamint_items(args.eval_dir, args.split):
        if label not in ("wrong proper name", "correct"):
            continue
        s = stats[lang]
        if args.limit and s[1] + s[3] >= args.limit:
            continue
        flagged = "name" in categories(meter.run(source, translation, lang))
        s[0 if label != "correct" else 2] += flagged
        s[1 if label != "correct" else 3] += 1
    rows = [
        [f"{lang} → en", n, pct(ratio(h, n)), "≥70%", cn, pct(ratio(ff, cn)), "≤5%"]
        for lang, (h, n, ff, cn) in sorted(stats.items())
    ]
    table(
        f"ParlaMint proper names, {args.split} split ({meter.timing()})",
        ["pair", "wrong-name items", "recall", "aim", "correct items", "false flags", "aim"],
        rows,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="items per language and perturbation (DEMETR), documents (NTREX reversed), "
        "items per family and language (perturbed), items per language (ParlaMint), segments (WMT22)",
    )
    parser.add_argument(
        "--with-cjk",
        action="store_true",
        help="also run DEMETR's ja/zh/hi sources (needs wordfreq's jieba/mecab extras)",
    )
    parser.add_argument(
        "--sets",
        default="demetr,ntrex,perturbed,parlamint,wmt22",
        help="comma-separated: demetr, ntrex, perturbed, parlamint, wmt22",
    )
    parser.add_argument(
        "--families",
        default=None,
        help="comma-separated families of scripts/perturb.py for the perturbed set (default: all)",
    )
    add_protocol_args(parser)
    args = parser.parse_args()
    if not args.eval_dir.is_dir():
        print(f"evaluation data not found at {args.eval_dir}", file=sys.stderr)
        return 2
    print(f"# backcheck evaluation (model-free; split={args.split}; limit={args.limit})")
    runners = {
        "demetr": demetr,
        "ntrex": ntrex_reversed,
        "perturbed": perturbed,
        "parlamint": parlamint,
        "wmt22": wmt22,
    }
    for name in args.sets.split(","):
        wall, cpu = time.perf_counter(), time.process_time()
        runners[name](args)
        print(
            f"\n({name}: {time.perf_counter() - wall:.0f} s wall, {time.process_time() - cpu:.0f} s CPU)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
