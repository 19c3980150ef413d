"""Shared fixtures. Tests never read ../shared: a fresh clone has none."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_349c8de6d9ab456e.txt"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def write(tmp_path):
    """Write text (str) or bytes to a file in tmp_path and return its path."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path

    return _write


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path_factory):
    """Tests run model-free unless they ask for an engine, and never touch the user's cache."""
    monkeypatch.setenv("BACKCHECK_ENGINE", "none")
    monkeypatch.setenv("BACKCHECK_CACHE", str(tmp_path_factory.mktemp("cache") / "cache.sqlite3"))
    for var in ("BACKCHECK_MODELS", "BACKCHECK_CONFIG", "BACKCHECK_FAIL_ON"):
        monkeypatch.delenv(var, raising=False)


def write_dictd(directory: Path, name: str, entries: dict[str, list[str] | str]) -> None:
    """Write a FreeDict dictionary in dictd format (``freedict-NAME.index`` and ``.dict.dz``);
    an entry given as a string is the entry's whole text."""
    import gzip

    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def b64(n: int) -> str:
        out = ""
        while True:
            out = alphabet[n % 64] + out
            n //= 64
            if not n:
                return out

    blob, index = b"", []
    for head, translations in entries.items():
        text = translations if isinstance(translations, str) else f"{head} /ipa/\n{', '.join(translations)}\n"
        body = text.encode()
        index.append(f"{head}\t{b64(len(blob))}\t{b64(len(body))}")
        blob += body
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"freedict-{name}.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (directory / f"freedict-{name}.dict.dz").write_bytes(gzip.compress(blob))


#: A small Croatian-English dictionary of the test's own: tests do not depend on which FreeDict
#: dictionaries the machine has installed.
TEST_DICTIONARY = {
    "sud": ["court", "tribunal"],
    "Božić": ["Christmas"],
    "vijeće": ["council"],
    "kuća": ["house", "home"],
    "bijel": ["white"],
    "fond": ["fund", "foundation"],
    "veličanstvo": ["majesty"],
    "zaklada": ["foundation"],
    "ministarstvo": ["ministry"],
    "sabor": ["parliament", "assembly"],
    "međunarodni": ["international"],
    "pravda": ["justice"],
    "donji": ["lower", "bottom"],
    "sjeverni": ["northern", "north"],
    "tok": ["stream", "flow", "course"],
    "zastupnik": ["representative", "deputy"],
    "dom": ["house", "home"],
    "nagrada": ["award", "prize"],
    "velik": ["big", "great", "grand"],
    "dvorana": ["hall"],
    "slavni": ["famous", "famed", "celebrated"],
    "općina": ["municipality", "commune"],
    "usklađen": ["harmonised", "aligned"],
    "neupotrebljiv": ["useless", "unusable"],
    "presuda": ["verdict", "judgment"],
    "ministar": ["minister"],
    "zahtjev": ["request", "demand"],
    "obrana": ["defence", "defense"],
    "odbiti": ["reject", "refuse"],
    "meso": ["meat"],
    "kvar": ["failure", "fault", "breakdown"],
    "bunar": ["well"],
    "židovski": ["Jewish"],
    "šljiva": ["plum"],
    "odvjetnik": ["lawyer"],
}


#: German nouns spelled like English words, and one surname English shares (Green).
TEST_GERMAN = {
    "Kind": ["child", "kid"],
    "See": ["lake", "sea"],
    "Green": ["green"],
}


@pytest.fixture(scope="session")
def _test_dictd(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("dictd")
    write_dictd(directory, "hrv-eng", TEST_DICTIONARY)
    write_dictd(directory, "deu-eng", TEST_GERMAN)
    write_dictd(directory, "spa-eng", {"federal": ["federal"], "investigación": ["investigation"]})
    write_dictd(
        directory, "eng-rus", {"culture": ["культура"], "ministry": ["министерство"], "navy": ["военно-морской флот"]}
    )
    return directory


@pytest.fixture(autouse=True)
def _test_dictionaries(monkeypatch, _test_dictd):
    """Name checks read the test dictionary, never /usr/share/dictd."""
    from backcheck.lang import glosses

    monkeypatch.setenv("BACKCHECK_DICTD", str(_test_dictd))
    glosses.glosses.cache_clear()
    yield
    glosses.glosses.cache_clear()
