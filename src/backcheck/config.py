"""Configuration: what decides. Checks measure; this says which checks run, how severe each
finding is, and at what severity a build fails.

Precedence: command-line flags > configuration file > environment > defaults. Every resolved
value remembers where it came from, and the report records both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .checks.base import SEVERITIES
from .errors import ConfigError

DEFAULT_FAIL_ON = "major"


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
    #: where each value came from: "default", "cli", "env", or a file path
    origins: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        from .checks import all_checks

        known = all_checks()
        problems = []
        if self.fail_on not in SEVERITIES:
            problems.append(f"fail_on: {self.fail_on!r} is not one of {', '.join(SEVERITIES)}")
        for check_id, sev in self.severities.items():
            if check_id not in known:
                problems.append(f"severities: unknown check {check_id!r}")
            if sev not in SEVERITIES:
                problems.append(f"severities.{check_id}: {sev!r} is not one of {', '.join(SEVERITIES)}")
        for check_id in (self.enabled or set()) | self.disabled:
            if check_id not in known:
                problems.append(f"unknown check {check_id!r} (see `backcheck checks`)")
        if problems:  # all at once, as CTranslate2's converters do
            raise ConfigError("invalid configuration: " + "; ".join(problems))

    def severity_for(self, check_id: str, default: str) -> str:
        return self.severities.get(check_id, default)

    def is_enabled(self, check_id: str) -> bool:
        if check_id in self.disabled:
            return False
        return self.enabled is None or check_id in self.enabled

    def threshold(self, name: str, default: float) -> float:
        return self.thresholds.get(name, default)

    def to_dict(self) -> dict[str, Any]:
        return {
            "fail_on": self.fail_on,
            "severities": dict(sorted(self.severities.items())),
            "enabled": sorted(self.enabled) if self.enabled is not None else None,
            "disabled": sorted(self.disabled),
            "thresholds": dict(sorted(self.thresholds.items())),
            "origins": dict(sorted(self.origins.items())),
        }
