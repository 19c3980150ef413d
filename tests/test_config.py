"""Configuration: files, environment, command line, their precedence and their errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.config import Config
from backcheck.errors import ConfigError
from backcheck.formats.article import from_text
from backcheck.pipeline.check import Job, run_checks
from backcheck.pipeline.configure import key_line, resolve

PYPROJECT = """[project]
name = "newsroom"

[tool.backcheck]
fail_on = "minor"
engine = "apertium"
source_lang = "hr"
never_flag = ["Hornova"]

[tool.backcheck.severities]
"name.inflected" = "critical"

[tool.backcheck.glossary]
Kiev = "Kyiv"
"""


def test_pyproject_table_is_read_and_origins_name_file_and_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    config = resolve({}, tmp_path, environ={})
    assert (config.fail_on, config.engine, config.source_lang) == ("minor", "apertium", "hr")
    assert config.severities == {"name.inflected": "critical"}
    assert config.glossary == {"Kiev": "Kyiv"}
    assert config.origins["fail_on"] == f"{tmp_path / 'pyproject.toml'}:5"
    assert config.origins["severities.name.inflected"] == f"{tmp_path / 'pyproject.toml'}:10"


def test_backcheck_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "backcheck.toml").write_text('fail_on = "critical"\n')
    config = resolve({}, tmp_path, environ={})
    assert config.fail_on == "critical" and config.engine == "auto"
    assert config.origins["engine"] == "default"


def test_pyproject_without_table_is_ignored(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert resolve({}, tmp_path, environ={}).origins == {"fail_on": "default", "engine": "default"}


@pytest.mark.parametrize(
    "env, file, cli, expected, origin",
    [
        ({}, None, {}, "major", "default"),
        ({"BACKCHECK_FAIL_ON": "critical"}, None, {}, "critical", "env BACKCHECK_FAIL_ON"),
        ({"BACKCHECK_FAIL_ON": "critical"}, 'fail_on = "minor"\n', {}, "minor", "FILE:1"),
        ({"BACKCHECK_FAIL_ON": "critical"}, 'fail_on = "minor"\n', {"fail_on": "major"}, "major", "cli"),
        ({}, None, {"fail_on": None}, "major", "default"),  # an option not given does not count
    ],
)
def test_precedence_cli_over_file_over_env_over_defaults(tmp_path, env, file, cli, expected, origin):
    if file:
        (tmp_path / "backcheck.toml").write_text(file)
    config = resolve(cli, tmp_path, environ=env)
    assert config.fail_on == expected
    assert config.origins["fail_on"] == origin.replace("FILE", str(tmp_path / "backcheck.toml"))


def test_tables_merge_entry_by_entry_across_sources(tmp_path):
    (tmp_path / "backcheck.toml").write_text('[severities]\n"name.inflected" = "minor"\n')
    env = {
        "BACKCHECK_SEVERITIES": "name.inflected=critical,boilerplate.residue=major",
        "BACKCHECK_THRESHOLDS": "omission_ratio=0.4",
        "BACKCHECK_DISABLED": "disclaimer",
    }
    config = resolve({}, tmp_path, environ=env)
    assert config.severities == {"name.inflected": "minor", "boilerplate.residue": "major"}
    assert config.thresholds == {"omission_ratio": 0.4}
    assert config.disabled == {"disclaimer"}
    assert config.origins["severities.boilerplate.residue"] == "env BACKCHECK_SEVERITIES"


@pytest.mark.parametrize(
    "content, line, message",
    [
        ('fail_on = "minor"\nfial_on = "major"\n', 2, "unknown key 'fial_on'"),
        ("fail_on = 3\n", 1, "expected a string"),
        ('engine = "google"\n', 1, "'google' is not one of"),
        ('# newsroom settings\n\n[severities]\n"name.inflected" = "fatal"\n', 4, "'fatal' is not one of"),
        ('[severities]\n"name.nonexistent" = "minor"\n', 2, "unknown check"),
        ('disabled = "disclaimer"\n', 1, "expected a list of check ids"),
        ('[thresholds]\nomission_ratio = "high"\n', 2, "expected a number"),
        ('glossary = ["Kiev", "Kyiv"]\n', 1, "preferred"),
        ('fail_on = "minor\n', 1, "invalid TOML"),
    ],
)
def test_bad_file_names_file_and_line(tmp_path, content, line, message):
    path = tmp_path / "backcheck.toml"
    path.write_text(content)
    with pytest.raises(
        ConfigError, match=rf"backcheck.toml:{line}\b.*{message}|backcheck.toml: invalid TOML.*line {line}"
    ):
        resolve({}, tmp_path, environ={})


def test_bad_config_file_exits_3_with_the_line(tmp_path, sample_path):
    path = tmp_path / "settings.toml"
    path.write_text('fail_on = "minor"\n\nseverity = "major"\n')
    result = CliRunner().invoke(app, ["check", str(sample_path), "--config", str(path)])
    assert result.exit_code == 3
    assert f"{path}:3: unknown key 'severity'" in result.stderr


@pytest.mark.parametrize(
    "var, value",
    [
        ("BACKCHECK_FAIL_ON", "severe"),
        ("BACKCHECK_SEVERITIES", "name.inflected"),
        ("BACKCHECK_THRESHOLDS", "omission_ratio=high"),
        ("BACKCHECK_ENABLED", "name.nonexistent"),
    ],
)
def test_bad_environment_names_the_variable(tmp_path, var, value):
    with pytest.raises(ConfigError, match=var):
        resolve({}, tmp_path, environ={var: value})


def test_missing_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        resolve({}, tmp_path, tmp_path / "nope.toml", environ={})


@pytest.mark.parametrize(
    "wanted, line",
    [
        (["tool", "backcheck", "engine"], 6),
        (["tool", "backcheck", "severities"], 10),
        (["tool", "backcheck", "severities", "name.inflected"], 11),
        (["tool", "backcheck", "glossary", "Kiev"], 14),
        (["tool", "backcheck", "thresholds"], None),
    ],
)
def test_key_line_finds_dotted_keys_and_tables(wanted, line):
    assert key_line(PYPROJECT, wanted) == line


def test_report_records_values_and_origins(tmp_path, sample_path, monkeypatch):
    (tmp_path / "backcheck.toml").write_text('fail_on = "critical"\n[glossary]\nKiev = "Kyiv"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BACKCHECK_SOURCE_LANG", "sr")
    result = CliRunner().invoke(app, ["check", str(sample_path), "--format", "json", "--engine", "none"])
    config = json.loads(result.stdout)["config"]
    assert config["fail_on"] == "critical" and config["glossary"] == {"Kiev": "Kyiv"}
    assert config["origins"]["fail_on"].endswith("backcheck.toml:1")
    assert config["origins"]["engine"] == "cli"
    assert config["origins"]["source_lang"] == "env BACKCHECK_SOURCE_LANG"


def _flags(text: str, config: Config, check: str | None = None):
    flags = run_checks(Job(from_text(text, lang="en")), config)
    return [f for f in flags if check is None or f.check == check]


@pytest.mark.parametrize(
    "sentence, flagged, suggestion",
    [
        ("Talks on a ceasefire resumed in Kiev on Monday.", "Kiev", "Kyiv"),
        ("Kiev's mayor said the shelters were open.", "Kiev", "Kyiv"),
        ("Officials in Kyiv said the talks had resumed.", None, None),
        ("The Kievan Rus period is taught in schools.", None, None),  # a different word
        ("The court ruled that the judgement was final.", "judgement", "judgment"),
        ("Judgement was delivered on Tuesday.", "Judgement", "Judgment"),
    ],
)
def test_glossary_flags_the_non_preferred_spelling(sentence, flagged, suggestion):
    config = Config(glossary={"Kiev": "Kyiv", "judgement": "judgment"})
    flags = _flags(f"Headline\n\n{sentence}\n", config, "style.glossary")
    assert [f.span.text for f in flags] == ([flagged] if flagged else [])
    if flagged:
        assert flags[0].suggestion == suggestion and flags[0].category == "style"


@pytest.mark.parametrize(
    "never_flag, kept",
    [
        ([], True),
        (["Hornova"], False),
        (["hornova"], False),  # case does not matter
        (["Horn"], True),  # a part of the flagged word does not suppress it
    ],
)
def test_never_flag_suppresses_flags_on_accepted_names(never_flag, kept):
    text = "Spokeswoman Emily Horn spoke on Monday.\n\nThe talks were useful, Hornova told reporters in Washington.\n"
    flags = _flags(text, Config(never_flag=never_flag), "name.inflected")
    assert any(f.span.text == "Hornova" for f in flags) == kept
