#!/usr/bin/env python3
"""Document-level tune/test splits of the evaluation data, written to ``scripts/splits/*.tsv``.

Every data set is split by DOCUMENT, so that no sentence of a test document, and no sentence
sharing a document (and its names, numbers and topic) with one, is ever used to write or tune a
rule. A document goes to ``tune`` when the first 8 hex digits of sha256("<set>:<doc id>") read
as an integer are below 60% of 16**8, else to ``test``: deterministic, no random state, stable
when documents are added.

What a "document" is, per set:

* ``demetr``: a DEMETR source item id (1-1000); all 35 perturbations of one source sentence,
  and its ``mt_sent`` and ``eng_sent``, go to the same side.
* ``ntrex``: a document of NTREX-128's ``DOCUMENT_IDS.tsv`` (123 news articles); the same
  document in hr, sr-Latn, sr-Cyrl and bs goes to the same side.
* ``wmt22``: a document of WMT22 en-hr's ``annotated.en-hr.ids`` (100 reviews and news
  articles), with every system's translation of it and both references.
* ``parlamint``: Slovenian rows belong to the ParlaMint utterance (``ParlaMint-SI_…u5``) whose
  id opens them or the nearest row above; the Croatian file has no ids, so each Croatian source
  sentence (data row ``hr:row007``) is its own document, with every system's translation of it.

The committed TSV files are what the evaluation scripts read (``doc_id<TAB>split``); this
script only (re)writes them, and ``--check`` verifies that they match the data.

    python scripts/splits.py [--eval-dir ../shared/eval] [--check]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"
SPLITS = HERE / "splits"
TUNE_SHARE = 0.60
SETS = ("demetr", "ntrex", "parlamint", "wmt22")
PARLAMINT_FILES = (
    ("DERIVED_HR__MT-models-comparison-Croatian.tsv", "hr"),
    ("DERIVED_SL__Parlamint-MT-comparison.tsv", "sl"),
)


def assign(dataset: str, doc_id: str) -> str:
    """``tune`` or ``test`` for one document, from a hash of its set and id."""
    value = int(hashlib.sha256(f"{dataset}:{doc_id}".encode()).hexdigest()[:8], 16)
    return "tune" if value < TUNE_SHARE * 16**8 else "test"


def demetr_ids(eval_dir: Path) -> list[str]:
    ids: set[int] = set()
    for path in sorted((eval_dir / "demetr").glob("*.json")):
        ids |= {item["id"] for item in json.loads(path.read_text("utf-8"))}
    return [str(i) for i in sorted(ids)]


def ntrex_doc_of_line(eval_dir: Path) -> list[str]:
    """The NTREX document id of each line (0-based line index -> id)."""
    lines = (eval_dir / "ntrex128_bcms" / "DOCUMENT_IDS.tsv").read_text("utf-8").splitlines()
    return [line.split("\t")[0].strip() for line in lines]


def ntrex_ids(eval_dir: Path) -> list[str]:
    return list(dict.fromkeys(ntrex_doc_of_line(eval_dir)))


def parlamint_rows(eval_dir: Path):
    """(document id, language, row) for every data row of the two ParlaMint comparison files."""
    base = eval_dir / "parlamint_mt_hr-sl_en"
    for fname, lang in PARLAMINT_FILES:
        with open(base / fname, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh, delimiter="\t"))
        utterance = f"{lang}:start"
        for n, row in enumerate(rows[1:], 1):
            if not row or not row[0].strip():
                continue
            if lang == "hr":
                yield f"hr:row{n:03d}", lang, row
                continue
            m = re.match(r"(ParlaMint\S*)", row[0])
            if m:
                utterance = f"sl:{m.group(1)}"
            yield utterance, lang, row


def parlamint_ids(eval_dir: Path) -> list[str]:
    return list(dict.fromkeys(doc for doc, _, _ in parlamint_rows(eval_dir)))


def wmt22_doc_of_line(eval_dir: Path) -> list[str]:
    """The WMT22 en-hr document id of each segment (0-based line index -> id)."""
    lines = (eval_dir / "wmt22_en-hr_annotated" / "annotated.en-hr.ids").read_text("utf-8").splitlines()
    return [re.match(r'doc="?([^"\s]+)', line).group(1) for line in lines]


def wmt22_ids(eval_dir: Path) -> list[str]:
    return list(dict.fromkeys(wmt22_doc_of_line(eval_dir)))


ENUMERATORS = {"demetr": demetr_ids, "ntrex": ntrex_ids, "parlamint": parlamint_ids, "wmt22": wmt22_ids}


def render(dataset: str, eval_dir: Path) -> str:
    rows = [f"{doc}\t{assign(dataset, doc)}" for doc in ENUMERATORS[dataset](eval_dir)]
    return "doc_id\tsplit\n" + "\n".join(rows) + "\n"


def load(dataset: str) -> dict[str, str]:
    """The committed split of ``dataset``: document id -> ``tune`` / ``test``."""
    path = SPLITS / f"{dataset}.tsv"
    lines = path.read_text("utf-8").splitlines()[1:]
    return dict(line.split("\t") for line in lines if line.strip())


def in_split(dataset: str, split: str):
    """A predicate on document ids: True for those of ``split`` (``tune``, ``test`` or ``all``).
    An id missing from the committed file is an error: the data changed, rerun this script."""
    table = load(dataset)

    def member(doc_id: str) -> bool:
        if doc_id not in table:
            raise KeyError(f"{dataset}: document {doc_id!r} is in no split file; run scripts/splits.py")
        return split == "all" or table[doc_id] == split

    return member


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL)
    parser.add_argument("--check", action="store_true", help="verify the committed files; write nothing")
    args = parser.parse_args()
    SPLITS.mkdir(exist_ok=True)
    status = 0
    for dataset in SETS:
        text = render(dataset, args.eval_dir)
        path = SPLITS / f"{dataset}.tsv"
        counts = {s: sum(line.endswith("\t" + s) for line in text.splitlines()) for s in ("tune", "test")}
        if args.check:
            same = path.exists() and path.read_text("utf-8") == text
            status |= not same
            print(f"{dataset}: {'ok' if same else 'DIFFERS from the data'} ({counts})")
        else:
            path.write_text(text, "utf-8")
            print(f"{path.relative_to(HERE.parent)}: {counts['tune']} tune, {counts['test']} test documents")
    return status


if __name__ == "__main__":
    sys.exit(main())
