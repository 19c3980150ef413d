#!/usr/bin/env python3
"""Fit the name-form model (``src/backcheck/lang/data/name_forms_model.json``) on the TUNE split.

Examples, all from the tune split only:

* positives: names put in a Serbo-Croatian form by the independent generators of
  ``scripts/perturb.py`` (genitive, dative/locative, instrumental, vocative, feminine surname,
  possessive adjective, Serbian phonetic spelling) in the tune documents of NTREX-128, and the name-form errors annotated
  in the tune articles of ``seeds/articles``; the reading whose base is the clean name is the
  positive example (a form the tables cannot read back is counted as uncovered);
* negatives: every reading of every capitalised word of the clean English of the same tune
  documents and articles (a name in its nominative, an English word at a sentence start).

A logistic regression (L2, gradient descent; numpy) per group of readings fits one weight per
evidence feature of ``backcheck.lang.names.forms.evidence``; each group of readings (declensions, phonetic
respellings) gets the lowest threshold at which the clean tune English gets at most its share
(70% / 30%) of ``--max-false`` flags per 100 sentences. The script prints the tune figures it was
fitted to and writes them, the weights and the command into the model file.

    PYTHONPATH=src .venv/bin/python scripts/fit_name_forms.py [--max-false 0.5]
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # ctranslate2 depends on it

import perturb
from backcheck.formats.article import from_text
from backcheck.lang.names import forms as name_forms
from backcheck.lang.names.inventory import build_inventory
from evaluate import NTREX_LANGS, ntrex_lines

MODEL = ROOT / "src" / "backcheck" / "lang" / "data" / "name_forms_model.json"
ARTICLES = ROOT / "seeds" / "articles"
FAMILIES = (
    "case_genitive",
    "case_dative_locative",
    "case_instrumental",
    "case_vocative",
    "feminine_surname",
    "possessive_adjective",
    "phonetic_spelling",
)
ARTICLE_KINDS = ("case_form", "feminine_surname", "possessive_adjective", "phonetic_spelling")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def capitalised(text: str):
    """(word, start, end, context) for each capitalised word of ``text``, the context read by the
    library's own :func:`~backcheck.lang.names.forms.context_at`."""
    for m in _WORD.finditer(text):
        if len(m.group()) >= 3 and m.group()[0].isupper():
            yield m.group(), m.start(), m.end(), name_forms.context_at(text, m.start(), m.end())


def names_in(text: str):
    """The library's own name inventory of ``text`` (what the check sees in an article)."""
    return build_inventory(from_text(text, lang="en"))


def examples_of(token: str, context, inventory, truth: str | None):
    """The features of every reading of one token, and which of them reads the true base; the
    article's evidence comes from its inventory exactly as the check reads it."""
    candidates = name_forms.readings(token)
    nominative = bool(candidates) and inventory.nominative_evidence(token, {r.base for r in candidates})
    out = []
    for reading in candidates:
        if not name_forms.allowed(token, reading, [context], nominative):
            continue  # the analysis's constraints
        features = name_forms.evidence(token, reading, context, inventory.is_name_like, nominative)
        out.append((features, truth is not None and reading.base.lower() == truth.lower()))
    return out


def ntrex_examples(eval_dir: Path, limit: int | None):
    english, sides, docs = ntrex_lines(eval_dir, "tune")
    lines = sorted(i for doc in docs.values() for i in doc)
    doc_of = {i: d for d, doc in docs.items() for i in doc}
    doc_names = {d: names_in("\n".join(english[i] for i in doc)) for d, doc in docs.items()}
    pos, neg, uncovered, sentences = [], [], 0, len(lines)
    for i in lines:  # negatives: the clean English
        for token, _, _, context in capitalised(english[i]):
            neg.append(examples_of(token, context, doc_names[doc_of[i]], None))
    for family in FAMILIES:
        taken = 0
        order = lines[:]
        random.Random(f"fit:{family}").shuffle(order)
        for i in order:
            if limit and taken >= limit:
                break
            code = "hrv"
            p = perturb.perturb(
                family, sides[code][i], english[i], NTREX_LANGS[code], random.Random(f"fit:{family}:{i}")
            )
            if p is None or p.english == english[i]:
                continue
            taken += 1
            context = next((c for w, s, _, c in capitalised(p.english) if s == p.start), name_forms.Context())
            # the article as the reader gets it: this line perturbed, the others clean
            names = names_in("\n".join(p.english if j == i else english[j] for j in docs[doc_of[i]]))
            found = examples_of(p.planted, context, names, p.original)
            uncovered += not any(true for _, true in found)
            pos.append(found)
            if family == "phonetic_spelling":
                pos += transcribed(p, names_in, docs[doc_of[i]], english, i)
    return pos, neg, uncovered, sentences


def transcribed(p, names_of, doc, english, i):
    """The planted name as Serbian transcribes its pronunciation (CMUdict: Macron -> Makron,
    Mitchell -> Mičel), beside perturb.py's letter-by-letter spelling: the form a Serbian
    source really writes, and so the form an MT system copies. Training examples only: the
    evaluation keeps perturb.py's independent spelling."""
    from backcheck.lang.pronounce import transcriptions

    out = []
    for spoken in transcriptions(p.original)[:1]:
        form = spoken[:1].upper() + spoken[1:]
        if form in (p.original, p.planted) or not form.isalpha():
            continue
        changed = p.english[: p.start] + form + p.english[p.end :]
        context = name_forms.context_at(changed, p.start, p.start + len(form))
        names = names_of("\n".join(changed if j == i else english[j] for j in doc))
        out.append(examples_of(form, context, names, p.original))
        # the whole name transcribed, as a source writes it and an MT system copies it (Džejk
        # Salivan): the first name before it too, when it has a pronunciation
        before = re.search(r"([A-Z][a-z]+) $", changed[: p.start])
        spoken_first = transcriptions(before.group(1)) if before else ()
        if before and spoken_first and spoken_first[0].capitalize() != before.group(1):
            first = spoken_first[0][:1].upper() + spoken_first[0][1:]
            both = changed[: before.start(1)] + first + changed[before.end(1) :]
            shift = len(first) - len(before.group(1))
            names = names_of("\n".join(both if j == i else english[j] for j in doc))
            for word, at, truth in ((first, before.start(1), before.group(1)), (form, p.start + shift, p.original)):
                out.append(examples_of(word, name_forms.context_at(both, at, at + len(word)), names, truth))
    return out


def article_examples():
    pos, neg, uncovered, sentences = [], [], 0, 0
    for path in sorted(ARTICLES.glob("*.json")):
        article = json.loads(path.read_text("utf-8"))
        if article["split"] != "tune":
            continue
        text = article["english"]
        sentences += len(re.findall(r"[.!?](?:\s|$)", text))
        planted = planted_spans(text, article["errors"])
        names = names_in(text)
        for token, start, end, context in capitalised(text):
            error = next(((s, e, err) for s, e, err in planted if s <= start and end <= e), None)
            if error is None:
                neg.append(examples_of(token, context, names, None))
                continue
            truth = _truth(token, text[error[0] : error[1]], error[2])
            if error[2]["kind"] in ARTICLE_KINDS and truth is not None:
                found = examples_of(token, context, names, truth)
                uncovered += not any(true for _, true in found)
                pos.append(found)
            # a token inside another error, or a right word inside a name-form error's span
            # (Hansen of "Mikel Hansen"), is neither a clean example nor a planted one
        pos += local_forms(text, names)
    return pos, neg, uncovered, sentences


def planted_spans(text: str, errors: list[dict]) -> list[tuple[int, int, dict]]:
    """(start, end, error) of each annotated error's English span (its nth occurrence)."""
    out = []
    for error in errors:
        needle, at = error.get("english"), -1
        if not needle:
            continue
        for _ in range(error.get("nth", 1)):
            at = text.find(needle, at + 1)
            if at < 0:
                break
        if at >= 0:
            out.append((at, at + len(needle), error))
    return out


def _truth(token: str, span: str, error: dict) -> str | None:
    """The right word for ``token`` of an error's span: the word in the same place of the
    correction ("Žoao Fereira" / "João Ferreira": Fereira -> Ferreira); None when the token is
    right as it is or the correction does not line up word by word."""
    correct = (error.get("correct") or "").removesuffix("'s")
    words, right = _WORD.findall(span), _WORD.findall(correct)
    if not correct or len(words) != len(right) or token not in words:
        return None
    truth = right[words.index(token)]
    return None if truth == token else truth


def local_forms(text: str, names):
    """Planted tokens made from the article's own names (local surnames and places, which NTREX's
    international news lacks): each name, and each two-word full name as a whole (Dragana
    Vukotića), put in each case by perturb.py's tables, in its place."""
    out = []
    words = [(t, s, e, c) for t, s, e, c in capitalised(text) if not c.initial and names.is_name_like(t)]
    for k, (token, start, end, _) in enumerate(words):
        pair = words[k + 1] if k + 1 < len(words) and text[end : words[k + 1][1]] == " " else None
        for case in ("genitive", "dative", "instrumental", "vocative"):
            form = perturb.decline(token, case)
            if not form or form == token:
                continue
            changed = text[:start] + form + text[end:]
            out.append(
                examples_of(form, name_forms.context_at(changed, start, start + len(form)), names_in(changed), token)
            )
            second = perturb.decline(pair[0], case) if pair else None
            if pair and second and second != pair[0]:  # the full name declined: both words are planted
                shift = len(form) - len(token)
                both = changed[: pair[1] + shift] + second + changed[pair[2] + shift :]
                inventory = names_in(both)
                for word, s0, truth in ((form, start, token), (second, pair[1] + shift, pair[0])):
                    context = name_forms.context_at(both, s0, s0 + len(word))
                    out.append(examples_of(word, context, inventory, truth))
    return out


def fit(pos_tokens, neg_tokens, l2: float = 0.001, steps: int = 6000, rate: float = 1.0):
    """Weights for P(reading is right): the true reading of a planted token is a positive, every
    reading of a clean token a negative (the other readings of a planted token are left out)."""
    pos = [f for token in pos_tokens for f, true in token if true]
    neg = [f for token in neg_tokens for f, _ in token]
    names = sorted(pos[0])
    x = np.array([[f[n] for n in names] for f in pos + neg])
    y = np.array([1.0] * len(pos) + [0.0] * len(neg))
    weight = np.where(y == 1, len(neg) / len(pos), 1.0)  # balanced classes
    w = np.zeros(len(names))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ ((p - y) * weight) / weight.sum() + l2 * w * (np.array(names) != "bias")
        w -= rate * grad
    return dict(zip(names, (round(float(v), 4) for v in w)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=400, help="planted errors per family")
    parser.add_argument("--max-false", type=float, default=0.5, help="flags per 100 clean tune sentences")
    parser.add_argument(
        "--groups",
        default="declension,respelling",
        help="groups of readings to refit; the others keep their weights and threshold from the model file",
    )
    args = parser.parse_args()
    groups = [g for g in args.groups.split(",") if g]
    kept = json.loads(MODEL.read_text()) if MODEL.exists() else {"weights": {}, "thresholds": {}, "provenance": ""}
    cpu, wall = time.process_time(), time.perf_counter()
    pos, neg, uncovered, sentences = ntrex_examples(args.eval_dir, args.limit)
    apos, aneg, auncovered, asentences = article_examples()
    pos, neg, uncovered, sentences = pos + apos, neg + aneg, uncovered + auncovered, sentences + asentences
    # each group of readings gets weights of its own: a respelling's evidence (how closely the
    # token spells an English name) means nothing for a declension, and the reverse
    weights = {
        group: fit(
            [[(f, t) for f, t in token if _group(f) == group] for token in pos],
            [[(f, t) for f, t in token if _group(f) == group] for token in neg],
        )
        if group in groups
        else kept["weights"][group]
        for group in ("declension", "respelling")
    }
    model = name_forms.Model(weights, {}, "")
    # one threshold per group of readings, each spending a share of the false-flag budget
    thresholds = {}
    for group, share in (("declension", 0.7), ("respelling", 0.3)):
        if group not in groups:
            thresholds[group] = kept["thresholds"][group]
            continue
        clean = [max((model.probability(f) for f, _ in t if _group(f) == group), default=0.0) for t in neg]
        thresholds[group] = _threshold([p for p in clean if p], sentences, args.max_false * share)
    model = name_forms.Model(weights, thresholds, "")

    def flagged(token) -> tuple[bool, bool]:
        """(flagged, with the right base) for a token's readings, as analyse() chooses."""
        scored = [(model.probability(f) - thresholds[_group(f)], true) for f, true in token]
        if not scored:
            return False, False
        margin, true = max(scored, key=lambda x: x[0])
        return margin >= 0, margin >= 0 and true

    clean_flagged = sum(flagged(t)[0] for t in neg)
    results = [flagged(t) for t in pos]
    recall = sum(f for f, _ in results) / len(pos)
    right_base = sum(r for _, r in results) / max(1, sum(f for f, _ in results))
    false = clean_flagged / sentences * 100
    provenance = (
        f"scripts/fit_name_forms.py --limit {args.limit} --max-false {args.max_false} --groups {args.groups}, "
        f"{datetime.date.today().isoformat()}: tune split only (NTREX-128 tune documents with "
        f"scripts/perturb.py name forms, {len(pos)} planted tokens ({uncovered} forms uncovered), "
        f"{len(neg)} clean tokens in {sentences} sentences, and the tune articles); at the "
        f"thresholds, tune recall {recall:.1%} of planted tokens, {false:.2f} false flags per 100 "
        "clean sentences"
    )
    if set(groups) != {"declension", "respelling"}:
        provenance += f"; the other group's weights kept from: {kept['provenance']}"
    MODEL.write_text(
        json.dumps({"weights": weights, "thresholds": thresholds, "provenance": provenance}, indent=2) + "\n"
    )
    print(
        "| weight | declension | respelling |\n|---|---|---|\n"
        + "\n".join(
            f"| {k} | {weights['declension'].get(k, 0.0):+.3f} | {weights['respelling'].get(k, 0.0):+.3f} |"
            for k in sorted(set(weights["declension"]) | set(weights["respelling"]))
        )
    )
    print(
        f"\nthresholds {thresholds}; tune recall {recall:.1%} of planted tokens (of them with the right base: "
        f"{right_base:.1%}); {false:.2f} false flags per 100 clean sentences"
    )
    print(f"{len(pos)} planted tokens ({uncovered} uncovered), {len(neg)} clean tokens, {sentences} sentences")
    print(f"CPU {time.process_time() - cpu:.1f} s, wall {time.perf_counter() - wall:.1f} s; wrote {MODEL}")
    return 0


def _group(features: dict[str, float]) -> str:
    return "respelling" if features.get("form_respelling") else "declension"


def _threshold(clean: list[float], sentences: int, max_false: float) -> float:
    allowed = int(max_false * sentences / 100)
    ranked = sorted(clean, reverse=True)
    if allowed >= len(ranked):
        return 0.2
    return round(min(0.99, max(0.2, ranked[allowed] + 1e-3)), 3)


if __name__ == "__main__":
    raise SystemExit(main())
