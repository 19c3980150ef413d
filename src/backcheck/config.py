"""Configuration: what decides. Checks measure; this says which checks run, how severe each
finding is, at what severity a build fails, and the thresholds the checks compare against.

Every threshold is registered in :data:`THRESHOLDS` with its unit, its meaning and its
provenance (which script fitted it, on which data): a check never carries a bare cut-off of its
own, and an unknown threshold name in a configuration is an error. Reading configuration files
and the environment is the pipeline's job (:mod:`backcheck.pipeline.configure`): this module does
no IO and imports no check.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from backcheck.engines import ENGINES
from backcheck.errors import ConfigError
from backcheck.lang.languages import BCMS
from backcheck.model.findings import SEVERITIES

DEFAULT_FAIL_ON = "major"
DEFAULT_ENGINE = "auto"
DEVICES = ("auto", "cpu", "cuda")
#: What a configuration may give as the source language: the BCMS variants, or auto (detected).
SOURCE_LANGS = (*BCMS, "auto")
CONFIG_FILE = "backcheck.toml"


@dataclass(frozen=True)
class Threshold:
    """One number a check compares a measurement against."""

    name: str
    default: float | None  #: None: the engine's calibration supplies it (``data/fidelity_calibration.json``)
    unit: str
    meaning: str
    provenance: str  #: the script that fitted it and the data it was fitted on


THRESHOLDS: dict[str, Threshold] = {
    t.name: t
    for t in (
        Threshold(
            "number_words_below",
            10,
            "whole number",
            "house style of suggested numbers: whole numbers below this are spelled out (seven), the "
            "rest in digits with a thousands comma (1,450); 0 writes digits always",
            "AP Stylebook and Reuters Handbook: spell out one to nine (the default); newsrooms set their own",
        ),
        Threshold(
            "omission_ratio",
            0.5,
            "content letters, English / source",
            "an aligned pair whose English keeps less than this share of the source's content is an omission",
            "scripts/calibrate_omission.py: 0.5th percentile of 7,000 clean NTREX-128 reversed pairs "
            "(hr, sr-Latn, sr-Cyrl, bs; median 0.88); fitted before the tune/test split existed",
        ),
        Threshold(
            "addition_ratio",
            1.4,
            "content letters, English / source",
            "an aligned pair whose English has more than this share of the source's content is an addition",
            "scripts/calibrate_omission.py: 99.5th percentile of the same clean pairs is 1.28 (1.5 was tried: "
            "on the tune articles 8 fewer false flags for 2 misses, but the planted NTREX-128 added clauses "
            "fell from 21.0% to 13.5%)",
        ),
        Threshold(
            "clause_omission_ratio",
            0.6,
            "content letters, English / source",
            "a pair below this ratio whose missing part carries all of a clause's names and numbers "
            "is a dropped clause",
            "scripts/calibrate_omission.py clause sweep, NTREX-128 tune split (hrv + srp-Latn): with 0.6/0.9 "
            "0.77% of clean pairs and 43.2% of generated clause drops flagged (0.7/1.1: 1.84% and 48.6%)",
        ),
        Threshold(
            "clause_rest_ratio",
            0.9,
            "content letters, English / rest of the source",
            "with the dropped clause removed, the rest of the source must match the English this well",
            "scripts/calibrate_omission.py, fitted together with clause_omission_ratio",
        ),
        Threshold(
            "merged_sentence_min_words",
            3,
            "content words with a dictionary translation",
            "in a bead of several source sentences and one English sentence, a source sentence with at "
            "least this many content words the dictionary translates, none of them rendered in the "
            "English, is a dropped sentence (while the others are rendered)",
            "seeds/articles tune split: no clean merged sentence of three or more such words has none "
            "rendered; 5 of the 6 annotated sentence omissions in merged beads have none",
        ),
        Threshold(
            "name_form_probability",
            None,
            "probability, 0-1",
            "a capitalised word whose best reading as a Serbo-Croatian form of a name is at least this "
            "probable is flagged name.inflected (configured, it overrides both fitted group thresholds)",
            "scripts/fit_name_forms.py on the tune split: per group of readings, the lowest probability at "
            "which the clean tune English gets at most its share of 0.5 false flags per 100 sentences "
            "(lang/data/name_forms_model.json records the fit)",
        ),
        Threshold(
            "min_fidelity",
            None,
            "calibrated fidelity, 0-100",
            "a sentence whose back-translation scores below this is flagged fidelity.low",
            "scripts/evaluate_fidelity.py: per engine, the score below which 5% of clean pairs fall",
        ),
        Threshold(
            "min_round_trip_fidelity",
            None,
            "calibrated fidelity, 0-100",
            "the same for a round trip (no source given): fidelity.round_trip",
            "scripts/evaluate_fidelity.py, round-trip calibration per engine",
        ),
        Threshold(
            "fidelity_length_z",
            2.0,
            "|z| of the length ratio",
            "beyond this a low-fidelity pair is called an omission (short) or an addition (long)",
            "two standard deviations of the length model in data/fidelity_calibration.json (a convention, not fitted)",
        ),
        Threshold(
            "fidelity_token_logprob",
            -5.0,
            "log-probability",
            "a word whose least likely piece scores at or below this under forced decoding (about 1 in "
            "150) is unsupported and narrows a fidelity span",
            "chosen by hand on the tiny test model and OPUS-MT output (not fitted)",
        ),
    )
}


@dataclass
class Config:
    fail_on: str = DEFAULT_FAIL_ON
    #: check id -> severity, overriding the check's default
    severities: dict[str, str] = field(default_factory=dict)
    #: if set, only these check ids run; ``disabled`` always wins
    enabled: set[str] | None = None
    disabled: set[str] = field(default_factory=set)
    #: named numeric thresholds used by checks and scores (e.g. ``min_fidelity``)
    thresholds: dict[str, float] = field(default_factory=dict)
    #: language of the source articles (None: given per job, or the loader's default)
    source_lang: str | None = None
    engine: str = DEFAULT_ENGINE
    #: where the neural engine runs: cpu, cuda, or auto (CUDA when a GPU is present)
    device: str = "auto"
    #: CPU threads per translation (None: CTranslate2's default); keep it at or below the cores
    threads: int | None = None
    #: non-preferred spelling -> preferred spelling (``style.glossary`` flags the former)
    glossary: dict[str, str] = field(default_factory=dict)
    #: names and terms never to flag: a flag whose span contains one as a whole word is dropped
    never_flag: list[str] = field(default_factory=list)
    #: accepted findings (``backcheck baseline create``); known ones are dropped from reports
    baseline: str | None = None
    #: the editors' decisions store (``backcheck serve``, ``backcheck fix``): flags an editor dismissed
    #: for an article are dropped from its report. None: the default store when it exists; "": none
    decisions: str | None = None
    #: where each value came from: "default", "cli", "env BACKCHECK_…", or "file:line"
    origins: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.validate()

    def validate(self, known_checks: Collection[str] | None = None) -> None:
        """Raise ConfigError naming every problem at once (as CTranslate2's converters do).

        Check ids are validated when ``known_checks`` is given: the pipeline passes the registry,
        so that this module never imports the checks."""
        problems = []
        if self.fail_on not in SEVERITIES:
            problems.append(f"fail_on: {self.fail_on!r} is not one of {', '.join(SEVERITIES)}")
        for check_id, sev in self.severities.items():
            if known_checks is not None and check_id not in known_checks:
                problems.append(f"severities: unknown check {check_id!r}")
            if sev not in SEVERITIES:
                problems.append(f"severities.{check_id}: {sev!r} is not one of {', '.join(SEVERITIES)}")
        for check_id in sorted((self.enabled or set()) | self.disabled):
            if known_checks is not None and check_id not in known_checks:
                problems.append(f"unknown check {check_id!r} (see `backcheck checks`)")
        for name, value in self.thresholds.items():
            if name not in THRESHOLDS:
                problems.append(f"thresholds: unknown threshold {name!r} (known: {', '.join(THRESHOLDS)})")
            elif not math.isfinite(value):
                problems.append(f"thresholds.{name}: {value} is not a finite number")
        if self.source_lang is not None and self.source_lang not in SOURCE_LANGS:
            problems.append(f"source_lang: {self.source_lang!r} is not one of {', '.join(SOURCE_LANGS)}")
        if self.device not in DEVICES:
            problems.append(f"device: {self.device!r} is not one of {', '.join(DEVICES)}")
        if self.threads is not None and (
            isinstance(self.threads, bool) or not isinstance(self.threads, int) or self.threads < 1
        ):
            problems.append(f"threads: {self.threads!r} is not a positive whole number")
        if self.engine not in ENGINES:
            problems.append(f"engine: {self.engine!r} is not one of {', '.join(ENGINES)}")
        if problems:  # all at once, as CTranslate2's converters do
            raise ConfigError("invalid configuration: " + "; ".join(problems))

    def severity_for(self, check_id: str, default: str) -> str:
        return self.severities.get(check_id, default)

    def is_enabled(self, check_id: str) -> bool:
        if check_id in self.disabled:
            return False
        return self.enabled is None or check_id in self.enabled

    def threshold(self, name: str, calibrated: float | None = None) -> float:
        """The configured value of a registered threshold, else its default (for a calibrated
        one, ``calibrated``: the value the engine's calibration gives)."""
        default = THRESHOLDS[name].default  # KeyError: a check asked for an unregistered threshold
        if name in self.thresholds:
            return self.thresholds[name]
        value = default if default is not None else calibrated
        if value is None:
            raise ValueError(f"threshold {name} has no default: pass the calibrated value")
        return value

    def never_flagged(self, text: str) -> bool:
        """Whether flagged text contains a term the newsroom accepts as written (whole words)."""
        return any(_whole_word(term).search(text) for term in self.never_flag)

    def to_dict(self) -> dict[str, Any]:
        return {
            "fail_on": self.fail_on,
            "severities": dict(sorted(self.severities.items())),
            "enabled": sorted(self.enabled) if self.enabled is not None else None,
            "disabled": sorted(self.disabled),
            "thresholds": dict(sorted(self.thresholds.items())),
            "source_lang": self.source_lang,
            "engine": self.engine,
            "device": self.device,
            "threads": self.threads,
            "glossary": dict(sorted(self.glossary.items())),
            "never_flag": list(self.never_flag),
            "baseline": self.baseline,
            "decisions": self.decisions,
            "origins": dict(sorted(self.origins.items())),
        }


def _whole_word(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
