"""Reproductions of what a hostile or careless user broke (hardening issue), one test each.

Every test here failed on the code before its fix. Device nodes are made inside tmp_path, never
the machine's own /dev entries: a regression must not be able to damage the test machine.
"""

from __future__ import annotations

import os
import stat
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backcheck.cli.app import app
from backcheck.engines import catalog as models
from backcheck.errors import ExitCode, ModelError, OutputError
from backcheck.formats.output import write_atomic

TINY = Path(__file__).parent / "fixtures" / "tiny_model"


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


# -- 1. --output replaces whatever is at the path -------------------------------------------------


@pytest.mark.skipif(os.geteuid() != 0, reason="making a character device needs root")
def test_output_to_a_character_device_writes_into_it(tmp_path):
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a private /dev/null
    write_atomic(node, "report\n")
    assert stat.S_ISCHR(node.stat().st_mode)  # still the device, not a regular file


def test_output_to_a_fifo_writes_into_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "report\n")
    reader.join(5)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_output_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("{}")
    target.chmod(0o644)
    write_atomic(target, "[]")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_new_output_file_honours_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


@pytest.mark.parametrize("make", ["directory", "empty"])
def test_output_that_cannot_be_a_file_is_an_output_error(tmp_path, make):
    path = tmp_path / "d" if make == "directory" else ""
    if make == "directory":
        path.mkdir()
    with pytest.raises(OutputError):
        write_atomic(path, "x")


def test_check_refuses_an_output_equal_to_its_input(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    result = invoke("check", article, "-o", article)
    assert result.exit_code == ExitCode.INPUT
    assert "is an input file" in result.stderr
    assert article.read_text() == "The minister said nothing.\n"


def test_check_to_a_directory_exits_3_with_one_line(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    result = invoke("check", article, "-o", tmp_path)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith("backcheck: error:") and result.stderr.count("\n") == 1


# -- 2. models convert --force / models remove delete outside the models folder --------------------


@pytest.fixture
def models_dir(tmp_path) -> Path:
    import shutil

    directory = tmp_path / "models"
    shutil.copytree(TINY, directory / "tiny-copy-en-sh")
    (directory / "catalog.toml").write_text("# kept\n")
    return directory


@pytest.mark.parametrize("name", ["", ".", "..", "../outside", "/abs/x", "a/b", ".hidden"])
def test_model_names_must_be_one_plain_segment(name):
    with pytest.raises(ModelError):
        models.check_name(name)


def test_convert_dot_with_force_does_not_wipe_the_models_folder(models_dir, monkeypatch):
    monkeypatch.chdir(models_dir)
    result = invoke("models", "convert", ".", "--force", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "catalog.toml").read_text() == "# kept\n"
    assert (models_dir / "tiny-copy-en-sh" / "model.bin").is_file()


@pytest.mark.parametrize("name", ["../victim", "/tmp/../victim", "..", ""])
def test_convert_with_a_path_name_never_deletes_another_tree(models_dir, tmp_path, name):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.txt").write_text("keep me")
    result = invoke("models", "convert", TINY, "--name", name, "--force", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (victim / "precious.txt").read_text() == "keep me"


def test_convert_force_refuses_to_replace_a_folder_that_is_not_a_model(models_dir):
    (models_dir / "notes").mkdir()
    (models_dir / "notes" / "todo.txt").write_text("mine")
    result = invoke("models", "convert", TINY, "--name", "notes", "--force", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert "not a model backcheck installed" in result.stderr
    assert (models_dir / "notes" / "todo.txt").read_text() == "mine"


@pytest.mark.parametrize("name", ["..", "../models", ".", "", "/etc"])
def test_remove_refuses_names_outside_the_models_folder(models_dir, name):
    result = invoke("models", "remove", name, "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "tiny-copy-en-sh" / "model.bin").is_file()
    assert (models_dir / "catalog.toml").is_file()


def test_remove_refuses_a_folder_without_a_manifest(models_dir):
    (models_dir / "half").mkdir()
    (models_dir / "half" / "model.bin").write_bytes(b"\0")
    result = invoke("models", "remove", "half", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "half" / "model.bin").is_file()


def test_remove_refuses_a_symlink_to_a_model(models_dir, tmp_path):
    (models_dir / "alias").symlink_to(models_dir / "tiny-copy-en-sh")
    result = invoke("models", "remove", "alias", "--models-dir", models_dir)
    assert result.exit_code == ExitCode.ENGINE
    assert (models_dir / "tiny-copy-en-sh" / "model.bin").is_file()


def test_remove_deletes_an_installed_model(models_dir):
    result = invoke("models", "remove", "tiny-copy-en-sh", "--models-dir", models_dir)
    assert result.exit_code == 0
    assert not (models_dir / "tiny-copy-en-sh").exists()
    assert (models_dir / "catalog.toml").is_file()


# -- 3. quadratic segmentation --------------------------------------------------------------------


def test_a_long_paragraph_is_segmented_in_pieces_with_the_same_sentences():
    from backcheck.lang.segment import CHUNK_CHARS, _chunks, split_sentences

    unit = "The council met on Friday in Tivat. Dr. Ana Kovač said the budget was 3.5 million euros! "
    text = unit * (3 * CHUNK_CHARS // len(unit))
    pieces = _chunks(text)
    assert len(pieces) >= 3 and "".join(p for _, p in pieces) == text
    assert all(len(p) <= CHUNK_CHARS for _, p in pieces)
    spans = split_sentences(text, "en")
    assert [text[a:b].strip() for a, b in spans][:4] == [
        "The council met on Friday in Tivat.",
        "Dr. Ana Kovač said the budget was 3.5 million euros!",
    ] * 2
    assert len(spans) == 2 * text.count("Tivat.")
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:]))


def test_a_paragraph_without_any_space_is_cut_at_the_limit():
    from backcheck.lang.segment import CHUNK_CHARS, _chunks

    text = "x" * (2 * CHUNK_CHARS + 7)
    assert [len(p) for _, p in _chunks(text)] == [CHUNK_CHARS, CHUNK_CHARS, 7]


# -- 4. non-regular files and size limits ---------------------------------------------------------


def test_a_fifo_as_the_article_is_refused_at_once(tmp_path):
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = invoke("check", fifo)
    assert result.exit_code == ExitCode.INPUT
    assert "is a FIFO, not a regular file" in result.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="making a character device needs root")
@pytest.mark.parametrize("option", ["article", "--source", "--baseline", "--config"])
def test_a_device_is_refused_everywhere_a_file_is_read(tmp_path, option):
    zero = tmp_path / "zero"
    os.mknod(zero, 0o666 | stat.S_IFCHR, os.makedev(1, 5))  # a private /dev/zero
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    args = [zero] if option == "article" else [article, option, zero]
    result = invoke("check", *args)
    assert result.exit_code == ExitCode.INPUT
    assert "is a device" in result.stderr


def test_the_batch_digest_refuses_a_file_over_the_limit(tmp_path):
    from backcheck.errors import InputError
    from backcheck.files import digest

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    assert len(digest(big, 5000)) == 64
    with pytest.raises(InputError, match="over the"):
        digest(big, 4999)


@pytest.mark.parametrize("value", ["0", "-1"])
def test_max_bytes_must_be_positive(tmp_path, value):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    result = invoke("check", article, "--max-bytes", value)
    assert result.exit_code == ExitCode.USAGE


# -- 9. one bad byte in a UTF-8 file --------------------------------------------------------------


def test_utf8_with_one_bad_byte_stays_utf8_with_a_note(tmp_path):
    from backcheck.formats.article import load

    text = "Ministarka Šaković je u četvrtak posjetila Žabljak i Đurđevića Taru.\n" * 3
    data = text.encode("utf-8").replace(b" je ", b" je \xff", 1)
    path = tmp_path / "izvor.txt"
    path.write_bytes(data)
    doc = load(str(path), lang="sr")
    assert doc.encoding == "utf-8"
    assert "Šaković" in doc.text and "\ufffd" in doc.text
    assert len(doc.notes) == 1 and "1 byte(s) are not valid UTF-8" in doc.notes[0]


def test_a_windows_1250_file_is_still_read_as_windows_1250():
    from backcheck.formats.encoding import decode_bytes

    text = "Ministarka Šaković je u četvrtak posjetila Žabljak.\n"
    decoded = decode_bytes(text.encode("cp1250"))
    assert (decoded.text, decoded.encoding, decoded.notes) == (text, "cp1250", ())


# -- 7. batch resume keyed on what decides the results ------------------------------------------


def test_run_key_changes_with_the_baseline_content_and_the_engine(tmp_path):
    from backcheck.config import Config
    from backcheck.pipeline.batch import run_key

    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"findings": []}')
    config = Config(baseline=str(baseline))
    first = run_key(config)
    baseline.write_text('{"findings": [{"fingerprint": "abc"}]}')
    assert run_key(config) != first
    engine_a = [{"lang": "sr", "name": "ct2", "model": "m", "checksum": "1"}]
    engine_b = [{"lang": "sr", "name": "ct2", "model": "m", "checksum": "2"}]
    assert run_key(config, engine_a) != run_key(config, engine_b)


# -- 8. --jobs unbounded ---------------------------------------------------------------------------


def test_worker_count_is_capped_by_documents_and_cpus():
    from backcheck.pipeline.batch import worker_count

    assert worker_count(100000, 3) == min(3, os.cpu_count() or 1)
    assert worker_count(100000, 100000) == (os.cpu_count() or 1)
    assert worker_count(4, 0) == 1


# -- 5. HTML paragraphs with invisible characters --------------------------------------------------

_PAGE = """<html><head><title>Council</title></head><body><article><h1>Council approves the budget</h1>
<p>The city council of Pljevlja approved the budget on Tuesday after a long debate.</p>
<p>{middle}</p>
<p>The opposition said it would appeal against the decision in court next week.</p></article></body></html>"""


@pytest.mark.parametrize(
    "invisible", ["\u00ad", "\u200b", "\u200d", "\u200f", "\u202e", "\ufeff", "\u2060", "&#7;", "&shy;"]
)
def test_a_paragraph_with_an_invisible_character_is_kept(invisible):
    from backcheck.formats.article import from_text

    middle = f"The mayor said the bud{invisible}get was balanced and fair to every district."
    doc = from_text(_PAGE.format(middle=middle), path="page.html")
    assert "The mayor said the bud" in doc.text
    assert len(doc.article_sentences) == 4
    assert doc.notes == []


# -- 6. a damaged model ----------------------------------------------------------------------------


def test_a_same_size_damaged_model_is_refused_at_load(tmp_path, monkeypatch):
    import shutil

    from backcheck.engines.ct2 import CT2Engine

    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path / "cache" / "cache.sqlite3"))
    model = tmp_path / "tiny"
    shutil.copytree(TINY, model)
    CT2Engine(model)  # intact: loads, and its verification is recorded
    weights = model / "model.bin"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its recorded SHA-256"):
        CT2Engine(model)
    shutil.copy2(TINY / "model.bin", weights)  # repaired
    assert CT2Engine(model).signature()["verified"] == "sha256"


# -- 10. tracebacks exit 1 -------------------------------------------------------------------------


def test_jsonl_nested_very_deep_is_an_input_error(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"source": "Vijeće je zasjedalo.", "target": ' + "[" * 100000 + "]" * 100000 + "}\n")
    result = invoke("check", path)
    assert result.exit_code == ExitCode.INPUT
    assert "nested too deeply" in result.stderr


def test_a_lone_surrogate_in_jsonl_renders_as_html(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        '{"source": "Vijeće je u utorak usvojilo budžet.", '
        '"target": "The council adopted the \\ud800 budget on Tuesday."}\n'
    )
    result = invoke("check", path, "--format", "html", "--fail-on", "critical")
    assert result.exit_code == ExitCode.OK
    assert "\ufffd" in result.stdout


def test_an_unknown_engine_is_a_usage_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    result = invoke("check", article, "--engine", "google")
    assert result.exit_code == ExitCode.USAGE


def test_an_unexpected_exception_exits_70_in_one_line(tmp_path, monkeypatch):
    import subprocess
    import sys

    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    code = (
        "import sys, backcheck.pipeline.check as p\n"
        "def boom(*a, **k): raise RuntimeError('boom')\n"
        "p.check = boom\n"
        "from backcheck.cli.app import main\n"
        f"sys.argv = ['backcheck', 'check', {str(article)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == ExitCode.INTERNAL == 70
    assert done.stderr.count("\n") == 1 and "internal error: RuntimeError: boom" in done.stderr
    assert "Traceback" not in done.stderr


# -- 11. terminal escape injection -----------------------------------------------------------------


def test_control_and_bidi_characters_are_escaped_in_the_text_and_github_reports(tmp_path):
    article = tmp_path / "article\x1b]0;pwned\x07.txt"
    article.write_text(
        "The \x1b]52;c;ZXZpbA==\x07 minister met Hornovaa\u202e in the capital.\r\n"
        "Disclaimer: the translations are mostly done through AI translator.\n"
    )
    for fmt in ("text", "github"):
        result = invoke("check", article, "--format", fmt, "--fail-on", "critical")
        assert result.exit_code == ExitCode.OK
        for raw in ("\x1b", "\x07", "\u202e"):
            assert raw not in result.stdout and raw not in result.stderr
    assert "\\x1b" in invoke("check", article, "--format", "text").stdout


def test_safe_shows_every_control_character():
    from backcheck.render.safe import safe

    assert safe("a\x1b[2Jb\rc\u202ed\te") == "a\\x1b[2Jb\\x0dc\\u202ed\te"


# -- 12. readers that crashed on fuzzed input (tests/test_readers_properties.py) -------------------


@pytest.mark.parametrize(
    "row, message",
    [
        ({"translation": ["a.txt"]}, "'translation' must be a string, got list"),
        ({"translation": "a.txt", "source": 1}, "'source' must be a string, got int"),
        ({"translation": "a.txt", "source_lang": 1}, "'source_lang' must be a string, got int"),
    ],
)
def test_a_batch_manifest_field_that_is_not_a_string_is_an_input_error(tmp_path, row, message):
    import json

    (tmp_path / "a.txt").write_text("The minister said nothing.\n")
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps(row) + "\n")
    result = invoke("batch", manifest)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"backcheck: error: {manifest}:1: {message}\n"


def _fuzzed_model(tmp_path, **changes) -> Path:
    import json

    model = tmp_path / "fuzzed"
    model.mkdir()
    for name in ("model.bin", "config.json", "source.spm", "target.spm"):
        (model / name).write_bytes(b"xyz")
    manifest = {"name": "fuzzed", "kind": "marian", "source_langs": ["en"], "target_langs": ["sr"]}
    (model / models.MANIFEST).write_text(json.dumps({**manifest, **changes}))
    return model


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"files": {"model.bin": None}}, "model.bin: expected {sha256, size}"),
        ({"files": None}, "files must map file names to their sha256 and size"),
        ({"source_spm": []}, "source_spm must be a file name inside the model directory"),
        ({"target_spm": None}, "target_spm must be a file name inside the model directory"),
        ({"source_spm": "../../etc/passwd"}, "source_spm must be a file name inside the model directory"),
        ({"files": {"../x": {"sha256": "", "size": 3}}}, "'../x' is not a file name inside the model directory"),
        ({"files": {"model.bin": {"sha256": "", "size": "3"}}}, "model.bin: size must be a whole number of bytes"),
        ({"labels": []}, "labels and lang_tokens must map languages to strings"),
        ({"source_langs": "en"}, "source_langs and target_langs must be lists of language codes"),
    ],
)
def test_a_model_manifest_of_the_wrong_shape_is_a_model_error(tmp_path, changes, problem):
    model = _fuzzed_model(tmp_path, **changes)
    with pytest.raises(ModelError) as caught:
        models.open_model(model)
    assert str(caught.value) == f"model {model}: {models.MANIFEST} is invalid ({problem}); reinstall the model"
    result = invoke("models", "verify", model)
    assert result.exit_code == ExitCode.ENGINE
    assert "Traceback" not in result.output and problem in result.output


def test_a_model_manifest_that_is_not_an_object_is_a_model_error(tmp_path):
    model = _fuzzed_model(tmp_path)
    (model / models.MANIFEST).write_text("[1, 2]")
    with pytest.raises(ModelError, match=r"is unreadable \(expected a JSON object\)"):
        models.open_model(model)


# -- 13. model downloads: size, checksum, unpacking ------------------------------------------------


class _Response:
    def __init__(self, body: bytes, length: int | None = None):
        self.body = body
        self.headers = {"Content-Length": str(length)} if length is not None else {}

    def read(self, n: int) -> bytes:
        chunk, self.body = self.body[:n], self.body[n:]
        return chunk

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture
def no_dns(monkeypatch):
    from backcheck.engines import install

    monkeypatch.setattr(install.socket, "getaddrinfo", lambda *a: [])
    return install


def test_a_download_stops_past_its_limit_while_streaming(tmp_path, monkeypatch, no_dns):
    monkeypatch.setattr(no_dns.urllib.request, "urlopen", lambda *a, **k: _Response(b"x" * (3 << 20)))
    dest = tmp_path / "model.zip"
    with pytest.raises(ModelError) as caught:
        no_dns.download("https://example.org/m.zip", dest, max_bytes=2 << 20)
    assert str(caught.value) == "https://example.org/m.zip sent more than 2 MB, the limit for this model; stopped"
    assert not dest.exists() and not (tmp_path / "model.zip.part").exists()


def test_a_download_announcing_too_many_bytes_is_refused_at_once(tmp_path, monkeypatch, no_dns):
    monkeypatch.setattr(no_dns.urllib.request, "urlopen", lambda *a, **k: _Response(b"", length=500 << 20))
    with pytest.raises(ModelError, match=r"is 500 MB, over the 160 MB limit for this model"):
        no_dns.download("https://example.org/m.zip", tmp_path / "m.zip", max_bytes=no_dns.download_limit(_entry()))


def _entry(**changes):
    from backcheck.engines.catalog import load_catalog

    return replace(load_catalog()["opus-mt-tc-base-en-sh"], **changes)  # size_mb = 80


def test_install_checks_the_catalogued_sha256_before_unpacking(tmp_path, monkeypatch, no_dns):
    import zipfile

    entry = _entry(sha256="0" * 64)
    monkeypatch.setattr(no_dns, "load_catalog", lambda: {entry.name: entry})

    def fake_download(url, dest, progress=None, timeout=None, max_bytes=None):
        with zipfile.ZipFile(dest, "w") as z:
            z.writestr("../outside.txt", "x")
        return dest

    monkeypatch.setattr(no_dns, "download", fake_download)
    with pytest.raises(ModelError, match="does not match the SHA-256 in the catalogue"):
        no_dns.install(entry.name, tmp_path / "models")
    assert not (tmp_path / "outside.txt").exists()


def _zip(path: Path, entries: dict[str, bytes], link: str | None = None) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
        if link is not None:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, "/etc/passwd")
    return path


@pytest.mark.parametrize(
    "entries, link, message",
    [
        ({"../evil.txt": b"x"}, None, "entry '../evil.txt' points outside the folder it unpacks to; refused"),
        ({"model/../../evil.txt": b"x"}, None, "points outside the folder it unpacks to; refused"),
        ({"/tmp/evil.txt": b"x"}, None, "entry '/tmp/evil.txt' has an absolute name; refused"),
        ({"model/decoder.yml": b"x"}, "model/link", "entry 'model/link' is a symbolic link; refused"),
    ],
)
def test_unpacking_refuses_entries_that_escape_the_folder(tmp_path, entries, link, message, no_dns):
    archive = _zip(tmp_path / "m.zip", entries, link)
    target = tmp_path / "out" / "unpacked"
    with pytest.raises(ModelError) as caught:
        no_dns.unpack(archive, target)
    assert str(caught.value).startswith("m.zip: ") and message in str(caught.value)
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path / "out").exists()


def test_unpacking_refuses_a_zip_bomb(tmp_path, no_dns):
    archive = _zip(tmp_path / "bomb.zip", {f"part{i}.bin": b"\0" * (1 << 20) for i in range(3)})
    assert archive.stat().st_size < 100_000
    with pytest.raises(ModelError) as caught:
        no_dns.unpack(archive, tmp_path / "out", max_bytes=2 << 20)
    assert str(caught.value) == "bomb.zip would unpack to more than 2 MB (a zip bomb?); refused"
    assert not any((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


def test_unpacking_a_safe_archive_keeps_its_tree(tmp_path, no_dns):
    archive = _zip(tmp_path / "m.zip", {"release/decoder.yml": b"a", "release/sub/x.spm": b"b"})
    no_dns.unpack(archive, tmp_path / "out")
    assert (tmp_path / "out" / "release" / "sub" / "x.spm").read_bytes() == b"b"


# -- 14. models convert follows a symlink out of the source folder --------------------------------


def test_convert_refuses_a_symlink_out_of_the_source_folder(tmp_path, models_dir):
    secret = tmp_path / "secret.bin"
    secret.write_bytes(b"not yours")
    src = tmp_path / "ct2"
    src.mkdir()
    for name in ("config.json", "source.spm"):
        (src / name).write_text("{}")
    (src / "model.bin").symlink_to(secret)
    result = invoke(
        "models", "convert", src, "--name", "adopted", "--src", "en", "--tgt", "sr", "--models-dir", models_dir
    )
    assert result.exit_code == ExitCode.ENGINE
    assert result.stderr == (
        f"backcheck: error: cannot adopt {src}: model.bin is a symbolic link to {secret}, outside the folder; "
        f"copy the file itself into {src}\n"
    )
    assert not (models_dir / "adopted").exists()


def test_convert_copies_a_symlink_inside_the_source_folder(tmp_path):
    from backcheck.engines.catalog import _copy_ct2

    src = tmp_path / "ct2"
    src.mkdir()
    (src / "real.spm").write_text("spm")
    (src / "source.spm").symlink_to(src / "real.spm")
    _copy_ct2(src, tmp_path / "out")
    assert (tmp_path / "out" / "source.spm").read_text() == "spm"


# -- 15. --source-lang auto on a language backcheck does not read ---------------------------------


@pytest.mark.parametrize(
    "text, lang",
    [
        (
            "O governo aprovou na quinta-feira o projeto de orçamento para o próximo ano, e a oposição "
            "disse que votaria contra no parlamento.",
            "pt",
        ),
        ("הממשלה אישרה ביום חמישי את הצעת התקציב לשנה הבאה, והאופוזיציה אמרה שתצביע נגדה בכנסת.", "he"),
        ("政府周四通过了明年的预算草案，反对派表示将在议会投票反对。政府表示，预算将增加对学校的支出。", "zh"),
    ],
)
def test_auto_source_lang_refuses_an_unsupported_language(tmp_path, text, lang):
    article = tmp_path / "article.txt"
    article.write_text("The government adopted the budget on Thursday.\n")
    source = tmp_path / "source.txt"
    source.write_text(text + "\n")
    result = invoke("check", article, "--source", source, "--source-lang", "auto")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith(f"backcheck: error: unsupported language: the source looks like '{lang}'")
    assert result.stderr.count("\n") == 1


def test_auto_source_lang_still_reads_short_serbo_croatian():
    from backcheck.lang.langid import resolve_source_lang

    assert resolve_source_lang("auto", "Sud je odbio žalbu.") in {"hr", "bs", "sr"}
    assert resolve_source_lang("auto", "Vlada je pala.") in {"hr", "bs", "sr"}


# -- 16. the HTML report grew with characters x flags -------------------------------------------


def test_the_html_report_of_many_flags_renders_in_linear_time():
    import time

    from backcheck.checks import all_checks
    from backcheck.checks.base import Finding
    from backcheck.config import Config
    from backcheck.formats.article import from_text
    from backcheck.model.report import DocumentReport, Report
    from backcheck.pipeline.decide import decide
    from backcheck.render import render

    paragraph = "Finance secretary Dragana Kovač told reporters that the plan raises spending on schools."
    text = "\n\n".join(f"{i}. {paragraph}" for i in range(1500)) + "\n"
    doc = from_text(text, path="many.txt")
    starts = [i for i in range(len(doc.text)) if doc.text.startswith("Kovač", i)]
    findings = [
        Finding("name.inflected", s, s + 5 + (40 if k % 10 == 0 else 0), f"flag {k}") for k, s in enumerate(starts)
    ]
    flags = decide(findings, all_checks(), doc, None, Config())
    sentence_scores = [{"index": s.index, "fidelity": 70} for s in doc.sentences]
    document = DocumentReport(
        "many.txt", None, None, "en", False, None, {}, flags, [], sentences=len(doc.sentences),
        sentence_scores=sentence_scores, original_text=text, document=doc,
    )  # fmt: skip
    started = time.process_time()
    html = render(Report([document], Config(), "sig"), "html")
    assert time.process_time() - started < 8  # 1,500 flags: about 0.7 s now, 56 s before
    assert html.count("<mark ") >= 1500 and 'href="#d0-n1500"' in html


# -- 17. more reader crashes found by the property tests and the fuzzer ---------------------------


def test_a_configuration_nested_too_deeply_is_a_config_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    config = tmp_path / "deep.toml"
    config.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n")
    result = invoke("check", article, "--config", config)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"backcheck: error: {config}: invalid TOML: nested too deeply\n"


def test_a_baseline_nested_too_deeply_is_an_input_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    deep = tmp_path / "baseline.json"
    deep.write_text('{"schema": "backcheck-baseline/1", "findings": ' + "[" * 100000 + "]" * 100000 + "}")
    result = invoke("check", article, "--baseline", deep)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"backcheck: error: {deep}: invalid baseline JSON (nested too deeply)\n"


def test_a_batch_manifest_row_nested_too_deeply_is_an_input_error(tmp_path):
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text('{"translation": "a.txt"}\n{"translation": ' + "[" * 100000 + "]" * 100000 + "}\n")
    (tmp_path / "a.txt").write_text("The minister said nothing.\n")
    result = invoke("batch", manifest)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == f"backcheck: error: {manifest}:2: JSON nested too deeply\n"


def test_a_batch_manifest_path_too_long_for_the_file_system_is_an_input_error(tmp_path):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("translation\n" + "a" * 300 + "\n")
    result = invoke("batch", manifest)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == (f"backcheck: error: {manifest}:2: translation file {'a' * 80!r}: File name too long\n")


@pytest.mark.parametrize(
    "report, message",
    [
        ('{"documents": 5, "fingerprint": 1}', "not a backcheck JSON report (no list of documents with flags)"),
        ('{"documents": [{"flags": {"fingerprint": "x"}}]}', "not a backcheck JSON report (no list of documents with flags)"),
        ('{"fingerprint": ' + "[" * 100000 + "]" * 100000 + "}", "not a backcheck JSON or JSONL report (nested too deeply)"),
        ('{"fingerprint": "a", "check": "x"}\n{"fingerprint": ["b"], "check": "x"}', "2: flag without a fingerprint"),
    ],
)  # fmt: skip
def test_a_saved_report_of_the_wrong_shape_is_an_input_error(tmp_path, report, message):
    path = tmp_path / "report.json"
    path.write_text(report)
    result = invoke("baseline", "create", path, "-o", tmp_path / "baseline.json")
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr.startswith(f"backcheck: error: {path}") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_baseline_from_a_report_with_a_lone_surrogate_can_be_written(tmp_path):
    import json

    path = tmp_path / "report.jsonl"
    path.write_text(
        '{"fingerprint": "f1", "check": "x", "span": {"line": "one", "text": "a \\ud800 b"}}\n'
        '{"fingerprint": "f2", "check": "x", "span": {"line": 2, "text": "c"}}\n'
    )
    out = tmp_path / "baseline.json"
    result = invoke("baseline", "create", path, "-o", out)
    assert result.exit_code == ExitCode.OK, result.stderr
    first, second = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert first["fingerprint"] == "f1" and first["text"] == "a \ud800 b" and first["line"] is None
    assert second["line"] == 2


def test_a_configured_baseline_path_with_a_nul_is_a_config_error(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The minister said nothing.\n")
    config = tmp_path / "backcheck.toml"
    config.write_text('baseline = "a\\u0000b"\n')
    result = invoke("check", article, "--config", config)
    assert result.exit_code == ExitCode.INPUT
    assert result.stderr == (f"backcheck: error: {config}:1: baseline: a file path cannot hold a NUL character\n")


def test_a_jsonl_report_of_one_flag_makes_a_baseline_of_one_finding(tmp_path):
    import json

    report = tmp_path / "report.jsonl"
    report.write_text(
        '{"path": "a.txt", "check": "glossary", "fingerprint": "f1", "span": {"line": 3, "text": "Kiev"}}\n'
    )
    out = tmp_path / "baseline.json"
    result = invoke("baseline", "create", report, "-o", out)
    assert result.exit_code == ExitCode.OK
    assert result.stderr == f"backcheck: baseline of 1 finding(s) written to {out}\n"
    assert [e["fingerprint"] for e in json.loads(out.read_text())["findings"]] == ["f1"]


# -- minor: configuration values that used to be accepted -----------------------------------------


@pytest.mark.parametrize(
    "content, message",
    [
        ("[thresholds]\nomision_ratio = 0.4\n", "unknown threshold"),
        ("[thresholds]\nomission_ratio = nan\n", "not a finite number"),
        ("[thresholds]\naddition_ratio = inf\n", "not a finite number"),
        ('[glossary]\n"" = "Kyiv"\n', "preferred"),
    ],
)
def test_bad_threshold_names_values_and_glossary_keys_are_config_errors(tmp_path, content, message):
    from backcheck.errors import ConfigError
    from backcheck.pipeline.configure import resolve

    (tmp_path / "backcheck.toml").write_text(content)
    with pytest.raises(ConfigError, match=message):
        resolve({}, tmp_path, environ={})


def test_a_config_object_with_an_unknown_threshold_is_refused():
    from backcheck.config import Config
    from backcheck.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown threshold 'fidelity_min'"):
        Config(thresholds={"fidelity_min": 50.0})


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="Linux: the kernel's parent-death signal")
def test_batch_workers_die_with_a_killed_parent(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from backcheck.pipeline.batch import _die_with_parent\n"
        "pool = ProcessPoolExecutor(max_workers=2, initializer=_die_with_parent)\n"
        "pids = {f.result() for f in [pool.submit(os.getpid) for _ in range(4)]}\n"
        "print(' '.join(map(str, sorted(pids))), flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in workers):
        time.sleep(0.1)
    alive = [
        pid
        for pid in workers
        if Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    ]
    assert alive == []
