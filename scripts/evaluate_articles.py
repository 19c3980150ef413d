#!/usr/bin/env python3
"""Measure backcheck on fresh annotated articles (seeds/articles/*.json), written for this
evaluation after the rules were, so that no rule was tuned to them.

Each article is checked twice, model-free: with its BCMS source, and English only. Printed:

* recall by error kind, with the source and English only (the English-only column counts only
  errors marked ``visible_in_english``); a detection is a flag of a counted category
  (:data:`KIND_COUNTS`) whose English span overlaps the annotated erroneous text; an omission
  (``english`` null) is detected by an omission flag whose source span overlaps the dropped
  source text, or, when that text is not found in the source, by any omission flag of the
  article ("anywhere" columns: a counted flag anywhere in the article);
* suggestion accuracy where ``correct`` is given: detected errors whose matching flag suggests
  exactly the correct text;
* false flags per 100 sentences: flags of a meaning category that overlap no annotated error
  (in any meaning category: a flag pointing at a real error under another category is not
  false), per category and in all;
* CPU and wall seconds per article, with the source and English only.

Article format: {"id", "lang" (cnr|sr|sr-Cyrl|hr|bs), "topic", "split", "source", "english",
"errors": [{"kind", "english" (exact erroneous text, or null for an omission), "nth" (1-based
occurrence of that text), "source", "correct", "visible_in_english", "note"}]}.

    PYTHONPATH=src .venv/bin/python scripts/evaluate_articles.py --split test
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

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

ARTICLES = Path(__file__).resolve().parent.parent / "seeds" / "articles"
#: Article language -> the source language backcheck is given (Montenegrin is "cnr" there too).
LANGS = {"cnr": "cnr", "sr": "sr", "sr-Cyrl": "sr", "hr": "hr", "bs": "bs"}
_NAME, _NUMBER, _MISTRANSLATION = {"name"}, {"number"}, {"mistranslation"}
#: Error kind -> the report categories whose flag counts as detecting it.
KIND_COUNTS: dict[str, set[str]] = {
    "case_form": _NAME,
    "feminine_surname": _NAME,
    "possessive_adjective": _NAME,
    "phonetic_spelling": _NAME,
    "name_replaced": _NAME,
    "exonym_left": {"name", "untranslated"},
    "number_changed": _NUMBER,
    "separator": {"number", "style"},
    "date_changed": _NUMBER,
    "weekday_changed": _NUMBER,
    "unit_changed": _NUMBER,
    "currency_changed": _NUMBER,
    "approximation_dropped": _NUMBER,
    "negation_flipped": _MISTRANSLATION,
    "false_friend": _MISTRANSLATION,
    "office_changed": _MISTRANSLATION,
    "result_reversed": _MISTRANSLATION,
    "speaker_gender": _MISTRANSLATION,
    "hedge_dropped": _MISTRANSLATION,
    "modality_changed": _MISTRANSLATION,
    "omission": {"omission"},
    "addition": {"addition"},
    "untranslated": {"untranslated"},
}


@dataclass
class Error:
    kind: str
    visible: bool
    correct: str | None
    start: int | None  #: span in the English (None: an omission, or text not found)
    end: int | None
    source_start: int | None  #: the annotated source text, located in the source
    source_end: int | None


@dataclass
class Tally:
    """Counts over the articles of the split."""

    kinds: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    false: dict[str, Counter] = field(default_factory=lambda: {"src": Counter(), "en": Counter()})
    #: the same false flags by check id (a count per check, never the items: safe on the test split)
    false_checks: dict[str, Counter] = field(default_factory=lambda: {"src": Counter(), "en": Counter()})
    sentences: int = 0
    timing: list[list] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def nth_occurrence(text: str, needle: str, nth: int) -> int | None:
    at = -1
    for _ in range(max(1, nth)):
        at = text.find(needle, at + 1)
        if at < 0:
            return None
    return at


def locate(article: dict) -> tuple[list[Error], list[str]]:
    """The annotated errors with their spans, and a note for each one that cannot be located."""
    errors, problems = [], []
    for k, e in enumerate(article.get("errors", [])):
        start = end = s_start = s_end = None
        if e.get("english"):
            start = nth_occurrence(article["english"], e["english"], e.get("nth") or 1)
            if start is None:
                problems.append(f"{article['id']} error {k + 1} ({e['kind']}): English text not found")
            else:
                end = start + len(e["english"])
        if e.get("source"):
            s_start = nth_occurrence(article["source"], e["source"], 1)
            s_end = None if s_start is None else s_start + len(e["source"])
        if e["kind"] not in KIND_COUNTS:
            problems.append(f"{article['id']} error {k + 1}: unknown kind {e['kind']!r} (never counted detected)")
        errors.append(Error(e["kind"], bool(e.get("visible_in_english")), e.get("correct"), start, end, s_start, s_end))
    return errors, problems


def _source_overlap(flag, error: Error) -> bool:
    span = flag.source_span
    return (
        span is not None
        and error.source_start is not None
        and span.start < error.source_end
        and error.source_start < span.end
    )


def matches(flag, error: Error, with_source: bool, any_category: bool = False) -> bool:
    """Does this flag detect this error (see the module docstring)? ``any_category``: a flag of
    any meaning category at the error's place counts too (a looser, extra column)."""
    if flag.category not in (MEANING if any_category else KIND_COUNTS.get(error.kind, set())):
        return False
    if error.start is not None:
        return overlaps(flag, error.start, error.end)
    if error.kind == "omission":
        if with_source and error.source_start is not None:
            return _source_overlap(flag, error)
        return flag.category == "omission"  # the dropped text is not located: any omission flag
    return False


def score(errors: list[Error], flags, mode: str, tally: Tally) -> None:
    """Add one run (mode "src" or "en") of one article to the tally."""
    with_source = mode == "src"
    for error in errors:
        if mode == "en" and not error.visible:
            continue
        row = tally.kinds[error.kind]
        row[mode + "_n"] += 1
        hits = [f for f in flags if matches(f, error, with_source)]
        row[mode] += bool(hits)
        row[mode + "_any"] += any(f.category in KIND_COUNTS.get(error.kind, set()) for f in flags)
        row[mode + "_cat"] += any(matches(f, error, with_source, any_category=True) for f in flags)
        if with_source and error.correct and hits:
            row["sugg_n"] += 1
            row["sugg"] += any((f.suggestion or "").strip() == error.correct.strip() for f in hits)
    for f in flags:  # a flag of any meaning category on an annotated error is not a false one
        if f.category in MEANING and not any(matches(f, e, with_source, any_category=True) for e in errors):
            tally.false[mode][f.category] += 1
            tally.false_checks[mode][f.check] += 1


def load_articles(directory: Path, split: str) -> tuple[list[dict], list[str]]:
    articles, problems = [], []
    for path in sorted(directory.glob("*.json")):
        try:
            article = json.loads(path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:  # another helper may be writing it right now
            problems.append(f"{path.name}: not read ({exc})")
            continue
        if article.get("lang") not in LANGS:
            problems.append(f"{path.name}: unknown lang {article.get('lang')!r}")
        elif article.get("split") == split:
            articles.append(article)
    return articles, problems


def run_article(article: dict, tally: Tally, show: bool) -> None:
    """Check one article with its source and English only; time both runs."""
    errors, problems = locate(article)
    tally.problems += problems
    lang = LANGS[article["lang"]]
    cells = []
    for mode, source in (("src", article["source"]), ("en", None)):
        meter = Meter()
        flags = meter.run(source, article["english"], lang)
        score(errors, flags, mode, tally)
        cells += [f"{meter.wall:.3f}", f"{meter.cpu:.3f}"]
        if mode == "src":
            tally.sentences += meter.sentences
            sentences = meter.sentences
        if show:
            for k, e in enumerate(errors):
                if (mode == "src" or e.visible) and not any(matches(f, e, mode == "src") for f in flags):
                    raw = article["errors"][k]
                    print(
                        f"{article['id']} {mode} MISSED {e.kind} {raw.get('english')!r} (source {raw.get('source')!r})"
                    )
            for f in flags:
                hit = [e.kind for e in errors if matches(f, e, mode == "src")]
                print(
                    f"{article['id']} {mode} {f.check} {f.category} {f.span.text!r} -> {f.suggestion!r} "
                    f"{'= ' + ','.join(hit) if hit else '(no planted error)'}"
                )
    tally.timing.append([article["id"], article["lang"], sentences, len(errors), *cells])


def _kind_row(kind: str, row: Counter) -> list:
    counted = "/".join(sorted(KIND_COUNTS.get(kind, {"?"}))) if not kind.startswith("*") else ""
    cells = []
    for mode in ("src", "en"):
        n = row[mode + "_n"]
        cells += ([n] if mode == "en" else []) + [pct(ratio(row[mode + k], n)) for k in ("", "_cat", "_any")]
    return [kind, counted, row["src_n"], *cells, f"{row['sugg']}/{row['sugg_n']}"]


def report(tally: Tally, split: str, n_articles: int) -> None:
    rows = []
    total = Counter()
    for kind in sorted(tally.kinds):
        row = tally.kinds[kind]
        total.update(row)
        rows.append(_kind_row(kind, row))
    rows.append(_kind_row("**all**", total))
    table(
        f"Fresh articles, {split} split ({n_articles} articles, {tally.sentences} English sentences): recall by "
        "error kind",
        [
            "kind",
            "counted",
            "errors",
            "recall, source",
            "at span, any category, source",
            "anywhere, source",
            "visible in English",
            "recall, English only",
            "at span, any category, English only",
            "anywhere, English only",
            "suggestion = correct (of detected with a correct form)",
        ],
        rows,
    )
    n = tally.sentences or 1
    rows = [
        [
            label,
            *(f"{100 * tally.false[mode][c] / n:.2f}" for c in MEANING),
            f"**{100 * sum(tally.false[mode][c] for c in MEANING) / n:.2f}**",
            sum(tally.false[mode][c] for c in MEANING),
        ]
        for label, mode in (("with source", "src"), ("English only", "en"))
    ]
    table(
        f"Fresh articles, {split} split: flags on no annotated error, per 100 sentences",
        ["run", *MEANING, "all meaning", "flags"],
        rows,
    )
    print(
        "False flags by check: with source "
        + (", ".join(f"{k} {v}" for k, v in tally.false_checks["src"].most_common()) or "none")
        + "; English only "
        + (", ".join(f"{k} {v}" for k, v in tally.false_checks["en"].most_common()) or "none")
        + "\n"
    )
    timing = tally.timing
    mean = [f"{sum(float(r[k]) for r in timing) / len(timing):.3f}" for k in range(4, 8)] if timing else ["-"] * 4
    table(
        f"Fresh articles, {split} split: seconds per article (model-free, one process, 2-core machine)",
        [
            "article",
            "lang",
            "sentences",
            "errors",
            "wall, source",
            "CPU, source",
            "wall, English only",
            "CPU, English only",
        ],
        [*timing, ["**mean**", "", "", "", *mean]],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=ARTICLES, help=f"folder of article JSON files ({ARTICLES})")
    add_protocol_args(parser)
    args = parser.parse_args()
    articles, problems = load_articles(args.articles, args.split)
    if not articles:
        print(f"no {args.split} articles in {args.articles}", file=sys.stderr)
        return 2
    meter = Meter()
    for lang in sorted({LANGS[a["lang"]] for a in articles}):
        meter.warm(lang)
    tally = Tally(problems=problems)
    for article in articles:
        run_article(article, tally, may_show(args))
    print(
        f"# backcheck on fresh articles (model-free; split={args.split}; {len(articles)} articles from "
        f"{args.articles.name}/)"
    )
    report(tally, args.split, len(articles))
    for problem in tally.problems:
        print(f"note: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
