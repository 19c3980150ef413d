"""The model catalogue and the models directory: list, install, convert, verify, remove.

Models live in one directory, one sub-directory per model: ``--models-dir``, else
``$BACKCHECK_MODELS``, else ``models/`` in a checkout, else ``$XDG_DATA_HOME/backcheck/models``
(``~/.local/share/backcheck/models``). Each model directory holds a CTranslate2 model
(``model.bin``, ``config.json``, vocabulary), its SentencePiece model(s) and ``backcheck-model.json``:
the languages, labels and the SHA-256 of every file, recorded when it was installed or converted.
Downloading a catalogued model is :mod:`backcheck.engines.install`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from backcheck.errors import ModelError

MANIFEST = "backcheck-model.json"
CHECKOUT = Path(__file__).resolve().parents[3]
CATALOG = CHECKOUT / "models" / "catalog.toml"

#: OPUS-MT target labels and the language each selects (read from a model's vocabulary)
LABEL_LANGS = {
    ">>srp_Latn<<": "sr",
    ">>srp_Cyrl<<": "sr-Cyrl",
    ">>hrv<<": "hr",
    ">>bos_Latn<<": "bs",
    ">>cnr_Latn<<": "cnr",
    ">>cnr<<": "cnr",
    ">>srp<<": "sr",
    ">>bos<<": "bs",
}
_LANG_ALIASES = {
    "sr-latn": "sr",
    "srp": "sr",
    "sr-cyrl": "sr-Cyrl",
    "hrv": "hr",
    "bos": "bs",
    "me": "cnr",
    "cnr-latn": "cnr",
    "eng": "en",
}


def canonical_lang(code: str) -> str:
    """``sr``, ``sr-Cyrl``, ``hr``, ``bs``, ``cnr``, ``en`` from the spellings people use."""
    low = code.strip().replace("_", "-").lower()
    return _LANG_ALIASES.get(low, low if "-" not in low else code)


@dataclass(frozen=True)
class CatalogEntry:
    name: str
    kind: str
    description: str
    source_langs: tuple[str, ...]
    target_langs: tuple[str, ...]
    licence: str
    labels: dict[str, str] = field(default_factory=dict)
    lang_tokens: dict[str, str] = field(default_factory=dict)
    marian_url: str | None = None
    hf_repo: str | None = None
    size_mb: int | None = None
    sha256: str | None = None  #: of the release archive (``marian_url``), checked before unpacking
    quality: str | None = None
    recommended: bool = False


def load_catalog(path: Path = CATALOG) -> dict[str, CatalogEntry]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"model catalogue {path} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ModelError(f"model catalogue {path} is not valid TOML: {exc}") from None
    entries = {}
    for name, raw in data.get("models", {}).items():
        raw = dict(raw)
        raw["source_langs"] = tuple(raw.get("source_langs", ()))
        raw["target_langs"] = tuple(raw.get("target_langs", ()))
        entries[name] = CatalogEntry(name=name, **raw)
    return entries


def models_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    if os.environ.get("BACKCHECK_MODELS"):
        return Path(os.environ["BACKCHECK_MODELS"]).expanduser()
    if CATALOG.exists():
        return CATALOG.parent
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "backcheck" / "models"


@dataclass
class Manifest:
    """What ``backcheck-model.json`` records about one installed model."""

    name: str
    kind: str  #: marian | m2m100 | nllb
    source_langs: list[str]
    target_langs: list[str]
    labels: dict[str, str] = field(default_factory=dict)  #: language -> >>label<< (marian)
    lang_tokens: dict[str, str] = field(default_factory=dict)  #: language -> token (m2m100, nllb)
    source_spm: str = "source.spm"
    target_spm: str = "target.spm"
    origin: str = ""
    licence: str = ""
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  #: file -> {sha256, size}

    def checksum(self) -> str:
        return self.files.get("model.bin", {}).get("sha256", "")


@dataclass
class InstalledModel:
    path: Path
    manifest: Manifest

    @property
    def name(self) -> str:
        return self.manifest.name

    def vocabulary(self, side: str = "target") -> list[str]:
        for candidate in ("shared_vocabulary.json", f"{side}_vocabulary.json"):
            if (self.path / candidate).exists():
                return json.loads((self.path / candidate).read_text(encoding="utf-8"))
        for candidate in ("shared_vocabulary.txt", f"{side}_vocabulary.txt"):
            if (self.path / candidate).exists():
                return (self.path / candidate).read_text(encoding="utf-8").splitlines()
        raise ModelError(f"model {self.path}: no vocabulary file (shared_vocabulary.json or {side}_vocabulary.json)")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _plain_file_name(name: object) -> bool:
    return isinstance(name, str) and bool(name) and name not in (".", "..") and not any(c in name for c in "/\\\0")


def _manifest_problem(manifest: Manifest) -> str | None:
    """What is wrong with the types of a manifest read from JSON (None: nothing). A file name is
    one plain name: a manifest must never make backcheck read or hash a file outside the model."""

    def strings(value: object) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    def string_map(value: object) -> bool:
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())

    if not isinstance(manifest.name, str) or not isinstance(manifest.kind, str):
        return "name and kind must be strings"
    if not strings(manifest.source_langs) or not strings(manifest.target_langs):
        return "source_langs and target_langs must be lists of language codes"
    if not string_map(manifest.labels) or not string_map(manifest.lang_tokens):
        return "labels and lang_tokens must map languages to strings"
    for key in ("source_spm", "target_spm"):
        if not _plain_file_name(getattr(manifest, key)):
            return f"{key} must be a file name inside the model directory"
    if not isinstance(manifest.files, dict):
        return "files must map file names to their sha256 and size"
    for name, info in manifest.files.items():
        if not _plain_file_name(name):
            return f"{name!r} is not a file name inside the model directory"
        if not isinstance(info, dict) or not isinstance(info.get("sha256"), str):
            return f"{name}: expected {{sha256, size}}"
        if not isinstance(info.get("size"), int) or isinstance(info.get("size"), bool) or info["size"] < 0:
            return f"{name}: size must be a whole number of bytes"
    return None


def required_files(manifest: Manifest | None) -> list[str]:
    spm = [manifest.source_spm, manifest.target_spm] if manifest else ["source.spm", "target.spm"]
    return ["model.bin", "config.json", *dict.fromkeys(spm)]


def open_model(path: str | os.PathLike) -> InstalledModel:
    """Read a model directory, raising ModelError that names the first missing or damaged file.

    Checks presence and recorded sizes (cheap, at every load); ``verify`` also checks SHA-256.
    """
    path = Path(path)
    if not path.is_dir():
        raise ModelError(f"model directory {path} does not exist")
    manifest_path = path / MANIFEST
    if not manifest_path.exists():
        raise ModelError(
            f"model {path} is incomplete: missing {MANIFEST} "
            f"(install it with `backcheck models install` or `backcheck models convert`)"
        )
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest = Manifest(**data) if isinstance(data, dict) else None
    except (ValueError, TypeError, RecursionError) as exc:
        raise ModelError(f"model {path}: {MANIFEST} is unreadable ({exc})") from None
    if manifest is None:
        raise ModelError(f"model {path}: {MANIFEST} is unreadable (expected a JSON object)")
    problem = _manifest_problem(manifest)
    if problem:
        raise ModelError(f"model {path}: {MANIFEST} is invalid ({problem}); reinstall the model")
    missing = [f for f in required_files(manifest) if not (path / f).is_file()]
    if missing:
        raise ModelError(
            f"model {path} is incomplete: missing {', '.join(missing)} "
            f"(reinstall it with `backcheck models install {manifest.name}`)"
        )
    for name, info in manifest.files.items():
        if (path / name).is_file() and (path / name).stat().st_size != info.get("size"):
            raise ModelError(
                f"model {path}: {name} has {(path / name).stat().st_size} bytes, "
                f"{info.get('size')} were recorded (partial copy?); reinstall it"
            )
    return InstalledModel(path, manifest)


def _verified_store() -> Path:
    from backcheck.paths import cache_path

    return cache_path().parent / "verified-models.json"


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev]


def verify_at_load(model: InstalledModel) -> None:
    """Raise ModelError when a file of ``model`` no longer has its recorded SHA-256.

    A damaged ``model.bin`` of the right size loads and translates garbage; its output must never
    reach a report or the translation cache. Hashing a few hundred MB at every start would cost
    seconds, so a file whose size, mtime, inode and device are as when it was last verified is
    trusted (the record lives beside the translation cache; any write to the file changes its
    mtime)."""
    store = _verified_store()
    try:
        known = json.loads(store.read_text(encoding="utf-8"))
        if not isinstance(known, dict):
            known = {}
    except (OSError, ValueError):
        known = {}
    changed = False
    for name, info in model.manifest.files.items():
        path = (model.path / name).resolve()
        entry = known.get(str(path))
        key = _stat_key(path)
        if isinstance(entry, dict) and entry.get("stat") == key and entry.get("sha256") == info.get("sha256"):
            continue
        if _sha256(path) != info.get("sha256"):
            raise ModelError(
                f"model {model.path}: {name} does not match its recorded SHA-256 (damaged or "
                f"replaced); reinstall it (`backcheck models install {model.manifest.name} --force`)"
            )
        known[str(path)] = {"stat": key, "sha256": info.get("sha256")}
        changed = True
    if changed:
        _write_record(store, known)


def _write_record(store: Path, known: dict[str, Any]) -> None:
    """Best effort: a read-only cache directory only means hashing again next time."""
    tmp = None
    try:
        store.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".verified.", dir=store.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(known, fh)
        os.replace(tmp, store)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def verify(path: str | os.PathLike) -> list[str]:
    """Every problem with one model directory (empty list: good), checksums included."""
    try:
        model = open_model(path)
    except ModelError as exc:
        return [str(exc)]
    problems = []
    for name, info in model.manifest.files.items():
        if _sha256(model.path / name) != info.get("sha256"):
            problems.append(f"model {model.path}: {name} does not match its recorded SHA-256")
    return problems


def installed(directory: Path) -> list[Path]:
    """Model directories under ``directory`` (anything holding a model or a manifest)."""
    if not directory.is_dir():
        return []
    return sorted(
        p
        for p in directory.iterdir()
        if p.is_dir() and any((p / f).exists() for f in (MANIFEST, "model.bin", "config.json"))
    )


def find_model(directory: Path, src: str, tgt: str) -> InstalledModel | None:
    """The first intact installed model that translates ``src`` → ``tgt``.

    When none is intact but some directory is damaged, its error is raised: a model the user
    installed and broke should be reported, not silently replaced by a weaker engine."""
    src, tgt = canonical_lang(src), canonical_lang(tgt)
    damaged: list[ModelError] = []
    for path in installed(directory):
        try:
            model = open_model(path)
        except ModelError as exc:
            damaged.append(exc)
            continue
        if src in model.manifest.source_langs and tgt in model.manifest.target_langs:
            return model
    if damaged:
        raise damaged[0]
    return None


# -- conversion -----------------------------------------------------------------------------------


def convert(
    src: str | os.PathLike,
    out: str | os.PathLike,
    *,
    quantization: str = "int8",
    name: str | None = None,
    entry: CatalogEntry | None = None,
    source_langs: list[str] | None = None,
    target_langs: list[str] | None = None,
    origin: str = "",
    force: bool = False,
) -> InstalledModel:
    """Convert a Marian/OPUS-MT directory (``decoder.yml``, ``*.npz``, ``*.spm``) or a Hugging Face
    checkpoint directory to CTranslate2, copy its SentencePiece models and record checksums."""
    import ctranslate2  # noqa: F401  (fail early with a clear error if it is missing)

    src, out = Path(src), Path(out)
    check_name(out.name)
    if not src.is_dir():
        raise ModelError(f"cannot convert {src}: not a directory")
    exists = out.exists() or out.is_symlink()
    if exists and not force:
        raise ModelError(f"{out} already exists (remove it first: `backcheck models remove {out.name}`)")
    if exists and not _deletable(out):
        raise ModelError(
            f"{out} exists and holds no {MANIFEST}: it is not a model backcheck installed, "
            f"so --force will not replace it"
        )
    if exists and (src.resolve() == out.resolve() or out.resolve() in src.resolve().parents):
        raise ModelError(f"cannot convert {src} onto itself ({out}); convert it under another --name")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    shutil.rmtree(tmp)  # the converters create their output directory themselves
    try:
        if (src / "decoder.yml").exists():
            kind, spm_files = _convert_marian(src, tmp, quantization)
        elif (src / "config.json").exists() and (src / "model.bin").exists():
            kind, spm_files = _copy_ct2(src, tmp)
        elif (src / "config.json").exists():
            kind, spm_files = _convert_transformers(src, tmp, quantization)
        else:
            raise ModelError(f"cannot convert {src}: no decoder.yml (Marian) or config.json (Hugging Face)")
        manifest = _manifest(
            tmp,
            entry.kind if entry else kind,
            spm_files,
            name or (entry.name if entry else out.name),
            entry,
            source_langs,
            target_langs,
            origin or str(src),
        )
        (tmp / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if out.exists():
            if not _deletable(out):  # checked above; re-checked right before deleting
                raise ModelError(f"{out} is no longer a backcheck model; not replacing it")
            shutil.rmtree(out)
        os.replace(tmp, out)  # a half-converted model never appears under its final name
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return open_model(out)


def _convert_marian(src: Path, out: Path, quantization: str) -> tuple[str, list[str]]:
    from ctranslate2.converters import OpusMTConverter

    spm_files = [f for f in ("source.spm", "target.spm") if (src / f).exists()]
    if len(spm_files) < 2:
        raise ModelError(f"cannot convert {src}: missing {', '.join({'source.spm', 'target.spm'} - set(spm_files))}")
    try:
        OpusMTConverter(str(src)).convert(str(out), quantization=quantization, force=True)
    except (OSError, KeyError, ValueError, RuntimeError) as exc:
        raise ModelError(f"converting the Marian model in {src} failed: {exc}") from None
    for f in spm_files:
        shutil.copy2(src / f, out / f)
    return "marian", spm_files


def _copy_ct2(src: Path, out: Path) -> tuple[str, list[str]]:
    """An already converted CTranslate2 directory: adopt it (record its languages and checksums).

    A symbolic link inside ``src`` is copied as the file it points to only when that file is
    inside ``src`` too; a link out of the folder (``model.bin -> /etc/shadow``) is refused, so
    converting never copies, and records the checksum of, a file the user did not give."""
    root = src.resolve()
    for link in (p for p in src.rglob("*") if p.is_symlink()):
        target = link.resolve()
        if target != root and root not in target.parents:
            raise ModelError(
                f"cannot adopt {src}: {link.relative_to(src)} is a symbolic link to {os.readlink(link)}, "
                f"outside the folder; copy the file itself into {src}"
            )
    shutil.copytree(src, out)
    (out / MANIFEST).unlink(missing_ok=True)
    spm = sorted(p.name for p in out.iterdir() if p.suffix in (".spm", ".model"))
    if not spm:
        raise ModelError(f"cannot adopt {src}: no SentencePiece model (*.spm or *.model) beside model.bin")
    return "marian", spm if len(spm) > 1 else spm * 2


def _convert_transformers(src: Path, out: Path, quantization: str) -> tuple[str, list[str]]:
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ModelError(
            f"{src} is a Hugging Face checkpoint; converting it needs `pip install transformers torch`, "
            f"or convert it where they are installed: `ct2-transformers-converter --model {src} "
            f"--output_dir OUT --quantization {quantization} --copy_files sentencepiece.bpe.model`"
        ) from None
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    model_type = config.get("model_type", "")
    spm = sorted(p.name for p in src.iterdir() if p.suffix in (".spm", ".model"))
    try:
        TransformersConverter(str(src), copy_files=spm).convert(str(out), quantization=quantization, force=True)
    except (OSError, ValueError, RuntimeError) as exc:
        raise ModelError(f"converting the Hugging Face model in {src} failed: {exc}") from None
    kind = {"m2m_100": "m2m100", "marian": "marian"}.get(
        model_type, "nllb" if "nllb" in str(src).lower() else model_type
    )
    if kind == "marian":
        return kind, ["source.spm", "target.spm"]
    return kind, spm if len(spm) > 1 else spm * 2


def _manifest(
    out: Path,
    kind: str,
    spm_files: list[str],
    name: str,
    entry: CatalogEntry | None,
    source_langs: list[str] | None,
    target_langs: list[str] | None,
    origin: str,
) -> Manifest:
    labels = dict(entry.labels) if entry else {}
    if kind == "marian" and not labels:
        vocab = InstalledModel(out, Manifest(name, kind, [], [])).vocabulary("source")
        labels = {LABEL_LANGS[t]: t for t in vocab if t in LABEL_LANGS}
    targets = target_langs or (list(entry.target_langs) if entry else sorted(labels))
    sources = source_langs or (list(entry.source_langs) if entry else [])
    if not sources or not targets:
        raise ModelError(f"say which languages {name} translates: --src and --tgt (e.g. --src en --tgt sr,hr,bs)")
    files = {p.name: {"sha256": _sha256(p), "size": p.stat().st_size} for p in sorted(out.iterdir()) if p.is_file()}
    return Manifest(
        name=name,
        kind=kind,
        source_langs=[canonical_lang(x) for x in sources],
        target_langs=[canonical_lang(x) for x in targets],
        labels=labels,
        lang_tokens=dict(entry.lang_tokens) if entry else {},
        source_spm=spm_files[0],
        target_spm=spm_files[-1],
        origin=origin,
        licence=entry.licence if entry else "",
        files=files,
    )


# -- remove ---------------------------------------------------------------------------------------


def check_name(name: str) -> str:
    """A model name is one plain path segment: it can never point outside the models directory."""
    bad = (
        not name
        or name in (".", "..")
        or name.startswith(".")
        or "\0" in name
        or any(sep in name for sep in ("/", "\\"))
        or Path(name).is_absolute()
    )
    if bad:
        raise ModelError(
            f"{name!r} is not a valid model name: use one plain name such as opus-mt-en-zls "
            f"(no '/', no leading '.', not empty)"
        )
    return name


def _deletable(target: Path) -> bool:
    """Only a real directory holding a backcheck manifest is ever deleted."""
    return target.is_dir() and not target.is_symlink() and (target / MANIFEST).is_file()


def remove(name: str, directory: Path) -> Path:
    target = directory / check_name(name)
    if not target.exists() and not target.is_symlink():
        raise ModelError(f"{name} is not installed in {directory}")
    if not _deletable(target):
        raise ModelError(
            f"{target} holds no {MANIFEST}: it is not a model backcheck installed, so it is "
            f"left alone (delete it yourself if you are sure)"
        )
    shutil.rmtree(target)
    return target
