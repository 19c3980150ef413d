"""Reading configuration: command-line values, a file and the environment into one :class:`Config`.

Precedence: command-line flags > configuration file > environment > defaults. Every resolved
value remembers where it came from, and the report records both. The file is ``[tool.backcheck]``
in ``pyproject.toml`` or the top level of ``backcheck.toml``; environment variables are
``BACKCHECK_<KEY>``. :func:`resolve` is what the command line calls. Check ids are validated
against the registry here (the configuration module itself imports no check).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from backcheck import files
from backcheck.config import CONFIG_FILE, DEVICES, SOURCE_LANGS, THRESHOLDS, Config
from backcheck.engines import ENGINES
from backcheck.errors import ConfigError, InputError
from backcheck.model.findings import SEVERITIES


class _EntryError(ValueError):
    """A bad entry of a table value: the message can point at the entry's own line."""

    def __init__(self, entry: str, message: str):
        super().__init__(f"{entry}: {message}")
        self.entry = entry


def _str_choice(choices: tuple[str, ...]) -> Callable[[Any], Any]:
    def parse(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(f"expected a string, got {type(value).__name__}")
        if value not in choices:
            raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return parse


def _check_ids(value: Any) -> set[str]:
    from backcheck.checks import all_checks  # the registry: ids known to this build

    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of check ids")
    unknown = sorted(set(value) - set(all_checks()))
    if unknown:
        raise ValueError(f"unknown check {', '.join(map(repr, unknown))} (see `backcheck checks`)")
    return set(value)


def _severities(value: Any) -> dict[str, str]:
    from backcheck.checks import all_checks  # the registry: ids known to this build

    if not isinstance(value, dict):
        raise ValueError("expected a table of check id = severity")
    for check_id, sev in value.items():
        if check_id not in all_checks():
            raise _EntryError(check_id, "unknown check (see `backcheck checks`)")
        if sev not in SEVERITIES:
            raise _EntryError(check_id, f"{sev!r} is not one of {', '.join(SEVERITIES)}")
    return dict(value)


def _thresholds(value: Any) -> dict[str, float]:
    if not isinstance(value, dict):
        raise ValueError("expected a table of name = number")
    for name, number in value.items():
        if name not in THRESHOLDS:
            raise _EntryError(name, f"unknown threshold (known: {', '.join(THRESHOLDS)})")
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise _EntryError(name, f"expected a number, got {type(number).__name__}")
        if not math.isfinite(number):
            raise _EntryError(name, f"{number} is not a finite number")
    return {name: float(number) for name, number in value.items()}


def _str_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        raise ValueError('expected a table of "non-preferred" = "preferred" spellings')
    return dict(value)


def _str_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("expected a list of non-empty strings")
    return list(value)


def _positive_int(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a positive whole number, got {value!r}")
    return value


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("expected a file path")
    if "\0" in value:
        raise ValueError("a file path cannot hold a NUL character")
    return value


def _decisions(value: Any) -> str:
    """A decisions store's path, or false for none (``""``)."""
    if value is False or (isinstance(value, str) and value.lower() in ("off", "false", "none")):
        return ""
    return _path(value)


#: key -> parser. Keys are the file's keys, the ``BACKCHECK_<KEY>`` variables and Config fields.
KEYS: dict[str, Callable[[Any], Any]] = {
    "source_lang": _str_choice(SOURCE_LANGS),
    "engine": _str_choice(ENGINES),
    "fail_on": _str_choice(SEVERITIES),
    "enabled": _check_ids,
    "disabled": _check_ids,
    "severities": _severities,
    "thresholds": _thresholds,
    "glossary": _str_map,
    "never_flag": _str_list,
    "baseline": _path,
    "decisions": _decisions,
    "device": _str_choice(DEVICES),
    "threads": _positive_int,
}
#: keys whose entries merge across sources (a file sets one severity, the command line another)
_MERGED = ("severities", "thresholds", "glossary")


def _key_path(text: str) -> list[str]:
    """Split a TOML dotted key (``a."b.c".d``) into its parts."""
    return [
        m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
        for m in re.finditer(r'\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([A-Za-z0-9_-]+))\s*(?:\.|$)', text)
    ]


def key_line(text: str, wanted: list[str]) -> int | None:
    """Line (1-based) where a key is set in TOML text: tomllib keeps no positions, so scan.

    A table header matches when ``wanted`` is a prefix of it; an assignment matches when its
    full key path (header plus dotted key) and ``wanted`` agree on their common part, so an
    inline table stands for the keys inside it.
    """
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", stripped)
        if header:
            table = _key_path(header.group(1))
            if table[: len(wanted)] == wanted:
                return number
            continue
        assignment = re.match(r'^((?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_.\s-])+?)\s*=', stripped)
        if assignment:
            full = table + _key_path(assignment.group(1))
            common = min(len(full), len(wanted))
            if full[:common] == wanted[:common] and len(full) > len(table):
                return number
    return None


def _locate(path: Path, text: str, keys: list[str]) -> str:
    line = key_line(text, keys)
    return f"{path}:{line}" if line else str(path)


def find_config_file(cwd: Path) -> Path | None:
    """``backcheck.toml`` in ``cwd``, else ``pyproject.toml`` there when it has ``[tool.backcheck]``."""
    own = cwd / CONFIG_FILE
    if own.is_file():
        return own
    pyproject = cwd / "pyproject.toml"
    if pyproject.is_file() and re.search(
        r"^\s*\[\s*tool\s*\.\s*backcheck\b", pyproject.read_text("utf-8", "replace"), re.M
    ):
        return pyproject
    return None


def load_file(path: Path) -> dict[str, tuple[Any, str]]:
    """Parsed, validated values of a configuration file: key -> (value, "file:line")."""
    import tomllib

    try:
        text = files.read_text(path, what="configuration file")
    except InputError as exc:
        raise ConfigError(f"cannot read configuration: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    prefix = ["tool", "backcheck"] if path.name == "pyproject.toml" else []
    for part in prefix:
        data = data.get(part, {})
        if not isinstance(data, dict):
            raise ConfigError(f"{_locate(path, text, prefix)}: [tool.backcheck] must be a table")
    values: dict[str, tuple[Any, str]] = {}
    problems = []
    for key, raw in data.items():
        where = _locate(path, text, prefix + [key])
        if key not in KEYS:
            problems.append(f"{where}: unknown key {key!r} (known: {', '.join(KEYS)})")
            continue
        try:
            value = KEYS[key](raw)
        except _EntryError as exc:
            problems.append(f"{_locate(path, text, prefix + [key, exc.entry])}: {key}.{exc}")
            continue
        except ValueError as exc:
            problems.append(f"{where}: {key}: {exc}")
            continue
        if key == "baseline" or (key == "decisions" and value):
            value = str((path.parent / value).resolve())
        values[key] = (value, where)
    if problems:
        raise ConfigError("; ".join(problems))
    return values


def _parse_env_pairs(text: str) -> dict[str, str]:
    pairs = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"expected name=value, got {item!r}")
        pairs[name.strip()] = value.strip()
    return pairs


def load_env(environ: Mapping[str, str]) -> dict[str, tuple[Any, str]]:
    """Values from ``BACKCHECK_<KEY>`` variables. Lists are comma-separated; tables are
    ``name=value,name=value``. Other ``BACKCHECK_*`` variables belong to other parts (models)."""
    values: dict[str, tuple[Any, str]] = {}
    for key, parse in KEYS.items():
        var = f"BACKCHECK_{key.upper()}"
        if var not in environ:
            continue
        raw: Any = environ[var]
        try:
            if key in ("enabled", "disabled", "never_flag"):
                raw = [part.strip() for part in raw.split(",") if part.strip()]
            elif key == "thresholds":
                raw = {k: float(v) for k, v in _parse_env_pairs(raw).items()}
            elif key in _MERGED:
                raw = _parse_env_pairs(raw)
            value = parse(raw)
        except ValueError as exc:
            raise ConfigError(f"environment variable {var}: {exc}") from None
        if key == "baseline" or (key == "decisions" and value):
            value = str(Path(value).resolve())
        values[key] = (value, f"env {var}")
    return values


def resolve(
    cli_values: Mapping[str, Any],
    cwd: str | os.PathLike = ".",
    config_file: str | os.PathLike | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Build the Config a command runs with: CLI > file > environment > defaults.

    ``cli_values`` holds only what the user gave on the command line (None means not given).
    ``config_file`` is ``--config``; without it ``backcheck.toml`` or ``pyproject.toml`` in
    ``cwd`` is used when present.
    """
    cwd = Path(cwd)
    environ = os.environ if environ is None else environ
    layers: list[dict[str, tuple[Any, str]]] = [load_env(environ)]
    if config_file is not None:
        path = Path(config_file)
        if not path.exists():
            raise ConfigError(f"{path}: configuration file not found")
        layers.append(load_file(path))
    elif (found := find_config_file(cwd)) is not None:
        layers.append(load_file(found))
    cli_layer = {}
    for key, value in cli_values.items():
        if value is None:
            continue
        if key not in KEYS:
            raise ConfigError(f"unknown configuration key {key!r}")
        try:
            value = KEYS[key](value)
        except ValueError as exc:
            raise ConfigError(f"--{key.replace('_', '-')}: {exc}") from None
        if key == "baseline" or (key == "decisions" and value):
            value = str((cwd / value).resolve())
        cli_layer[key] = (value, "cli")
    layers.append(cli_layer)

    fields: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for layer in layers:  # lowest precedence first; later layers win
        for key, (value, origin) in layer.items():
            if key in _MERGED:
                fields.setdefault(key, {}).update(value)
                origins.update({f"{key}.{name}": origin for name in value})
            else:
                fields[key] = value
                origins[key] = origin
    for key in ("fail_on", "engine"):
        origins.setdefault(key, "default")
    from backcheck.checks import all_checks

    config = Config(**fields, origins=origins)
    config.validate(all_checks())
    return config
