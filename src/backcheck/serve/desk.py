"""The editor's desk behind ``backcheck serve``: articles open in the server, their check reports,
the editor's decisions and the corrected text. No web framework here: :mod:`backcheck.serve.app`
is the HTTP layer over it.

An article on the desk is keyed by the fingerprint of the English as it was opened
(:func:`~backcheck.pipeline.decisions.article_fingerprint`); every decision taken on the page is
recorded under that key, so reopening the same text (after a reload or a server restart) brings
them back. The page shows the text with the accepted suggestions applied, re-checked: accepts are
applied in rounds (check, apply the accepted flags found, check the result again) because a flag
accepted on an already corrected sentence has that sentence's fingerprint. Dismissed flags of the
corrected text are also recorded under the corrected text's own fingerprint, so ``backcheck check``
on the exported file honours them.

Resources load once per server: one worker thread runs every check (the word lists, dictionaries
and gazetteers stay loaded in the process), and the engines it resolves are held for the life of
the desk instead of being opened again for each check.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from backcheck.errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    from backcheck.config import Config
    from backcheck.model.report import DocumentReport, Flag, Report
    from backcheck.pipeline.decisions import Decision, DecisionStore

T = TypeVar("T")

#: files listed from ``--folder`` and openable by name
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_LISTED = 500  #: files listed from the folder (the first ones by name)
MAX_ROUNDS = 8  #: rounds of applying accepted flags (each round a re-check of the corrected text)
_KEPT_REPORTS = 64  #: check reports kept per server (an edit re-checks only the new text)
WARM_UP_TEXT = (
    "The minister said on Tuesday that the new bridge in the capital would open in March.\n\n"
    "About 1,500 people attended the ceremony, the city council said."
)


class NotFound(InputError):
    """An article that is not open on the desk, or a file that is not in the folder."""


@dataclass
class Article:
    """An article open on the desk: the English as opened, and its source when there is one."""

    key: str  #: the fingerprint of ``english``: the key of its decisions
    name: str  #: what the editor called it (file name or "pasted article")
    english: str
    source: str | None = None
    source_lang: str | None = None


@dataclass
class State:
    """What the page shows for an article: the corrected text, re-checked, with decisions."""

    article: Article
    text: str  #: the English with the accepted suggestions applied
    report: Report  #: the report of ``text``, dismissed flags left out
    raw: DocumentReport  #: the report of ``text`` before the dismissed flags were left out
    decisions: dict[str, Decision]
    #: flag fingerprint -> the flag it names, from every round (to show decided flags)
    decided_flags: dict[str, Flag] = field(default_factory=dict)
    applied: list[Any] = field(default_factory=list)  #: pipeline.fix.Applied, in order

    @property
    def document(self) -> DocumentReport:
        return self.report.documents[0]

    @property
    def fingerprints(self) -> list[str]:
        return self.document.fingerprints()

    def flag(self, fingerprint: str) -> Flag | None:
        for flag, fp in zip(self.document.flags, self.fingerprints):
            if fp == fingerprint:
                return flag
        return None


# --- the folder ----------------------------------------------------------------------------------


def folder_file(folder: Path, name: str) -> Path:
    """The file called ``name`` inside ``folder``, refused (``NotFound``) when the name is absolute,
    climbs out (``..``), holds a backslash or NUL, or resolves (through a symlink) outside it."""
    if not name or "\x00" in name or "\\" in name or len(name) > 1024:
        raise NotFound("no such article in the folder")
    pure = PurePosixPath(name)
    if pure.is_absolute() or name.startswith("~") or any(part in ("..", ".", "") for part in name.split("/")):
        raise NotFound("no such article in the folder")
    root = folder.resolve()
    try:
        target = (root / pure).resolve(strict=True)
    except (OSError, RuntimeError):
        raise NotFound(f"no article called {name!r} in the folder") from None
    if not target.is_relative_to(root) or not target.is_file():
        raise NotFound(f"no article called {name!r} in the folder")
    return target


def folder_listing(folder: Path) -> list[str]:
    """Article files in ``folder`` (and its subfolders), as names relative to it; hidden files,
    other suffixes and anything a symlink takes outside the folder are left out."""
    root = folder.resolve()
    names = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith(".") or not filename.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(dirpath) / filename
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):
                continue
            if real.is_relative_to(root) and real.is_file():
                names.append(path.relative_to(root).as_posix())
            if len(names) >= MAX_LISTED:
                return names
    return names


# --- the desk ------------------------------------------------------------------------------------


class Desk:
    """Articles open in one server, checked with one configuration and engine."""

    def __init__(
        self,
        config: Config,
        *,
        engine: str = "none",
        store: DecisionStore,
        folder: Path | None = None,
        models_dir: str | None = None,
        max_bytes: int = 2_000_000,
    ) -> None:
        if hasattr(config, "decisions"):
            config = replace(config, decisions="")  # the desk applies decisions itself
        self.config = config
        self.engine = engine
        self.store = store
        self.folder = folder.resolve() if folder is not None else None
        self.models_dir = models_dir
        self.max_bytes = max_bytes
        self.articles: dict[str, Article] = {}
        self._reports: OrderedDict[tuple, Report] = OrderedDict()
        self._engines: dict = {}
        self._sources: dict[tuple, Any] = {}
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backcheck-desk")
        self._lock = threading.Lock()

    # -- running on the worker ---------------------------------------------------------------------

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``fn(*args)`` on the desk's one worker thread (every check runs there)."""
        return self._worker.submit(fn, *args)

    def close(self) -> None:
        """Close the held engines (on the worker, whose thread opened them) and the store."""

        def close_engines() -> None:
            for engine in self._engines.values():
                cache = getattr(engine, "cache", None)
                with contextlib.suppress(Exception):
                    cache.close()  # type: ignore[union-attr]
            self._engines.clear()

        self._worker.submit(close_engines).result()
        self._worker.shutdown(wait=True)
        self.store.close()

    # -- articles --------------------------------------------------------------------------------

    def open_text(
        self, english: str | None, source: str | None = None, source_lang: str | None = None, name: str | None = None
    ) -> Article:
        """Put an article on the desk (pasted or uploaded); returns it with its key."""
        from backcheck.pipeline.decisions import article_fingerprint

        english = (english or "").replace("\r\n", "\n")
        if not english.strip():
            raise InputError("paste or upload the English article: it is empty")
        source = source.replace("\r\n", "\n") if source and source.strip() else None
        if len(english.encode("utf-8", "surrogatepass")) > self.max_bytes:
            raise InputError(f"the article is larger than the limit of {self.max_bytes} bytes")
        if source_lang in ("", "auto"):
            source_lang = None
        key = article_fingerprint(english)
        article = Article(
            key, (name or "pasted article").strip()[:200] or "pasted article", english, source, source_lang
        )
        with self._lock:
            self.articles[key] = article
        return article

    def open_file(self, name: str, source_name: str | None = None, source_lang: str | None = None) -> Article:
        """Put an article from ``--folder`` on the desk, by its name there (and its source's)."""
        from backcheck.formats.encoding import read_decoded

        if self.folder is None:
            raise NotFound("this server has no folder of articles (start it with --folder DIR)")
        english = read_decoded(folder_file(self.folder, name), self.max_bytes).text
        source = read_decoded(folder_file(self.folder, source_name), self.max_bytes).text if source_name else None
        return self.open_text(english, source, source_lang, name=name)

    def article(self, key: str) -> Article:
        with self._lock:
            found = self.articles.get(key)
        if found is None:
            raise NotFound("this article is not open on this server (it restarted?): paste or open it again")
        return found

    # -- checking --------------------------------------------------------------------------------

    def check_text(self, article: Article, text: str) -> Report:
        """The report of ``text`` as ``article``'s English (kept: the same text is checked once)."""
        key = (text, article.source, article.source_lang, article.name)
        with self._lock:
            if key in self._reports:
                self._reports.move_to_end(key)
                return self._reports[key]
        from backcheck.formats.article import from_text
        from backcheck.pipeline.check import Job, check_jobs

        path = article.name if Path(article.name).suffix.lower() in ARTICLE_SUFFIXES else f"{article.name}.txt"
        document = from_text(text, path=path, lang="en")
        source = self._source_document(article) if article.source else None
        # engines resolve once per desk (a model, the Apertium pipelines, the cache's connection)
        report = check_jobs(
            [Job(document, source)], self.config, self.engine, models_dir=self.models_dir, engines=self._engines
        )
        with self._lock:
            self._reports[key] = report
            while len(self._reports) > _KEPT_REPORTS:
                self._reports.popitem(last=False)
        return report

    def _source_document(self, article: Article):
        """The source, segmented once per article (an edit changes only the English)."""
        from backcheck.formats.article import from_text
        from backcheck.lang.langid import resolve_source_lang

        assert article.source is not None
        key = (article.source, article.source_lang)
        if key not in self._sources:
            lang = resolve_source_lang(article.source_lang or self.config.source_lang, article.source)
            self._sources[key] = from_text(article.source, path="source.txt", lang=lang)
            while len(self._sources) > _KEPT_REPORTS:
                del self._sources[next(iter(self._sources))]
        return self._sources[key]

    def state(self, key: str) -> State:
        """The page's state of article ``key``: its accepted flags applied (in rounds), the
        corrected text re-checked, its dismissed flags left out. Runs on the worker."""
        from backcheck.pipeline.decisions import ACCEPT, DISMISS, apply_decisions, article_fingerprint
        from backcheck.pipeline.fix import apply_fixes

        article = self.article(key)
        decisions = self.store.decisions(key)
        accepted = {fp: d for fp, d in decisions.items() if d.action == ACCEPT}
        text = article.english
        done: set[str] = set()
        applied: list[Any] = []
        decided: dict[str, Flag] = {}
        report = self.check_text(article, text)
        for _ in range(MAX_ROUNDS):
            doc = report.documents[0]
            fingerprints = doc.fingerprints()
            decided.update({fp: f for f, fp in zip(doc.flags, fingerprints) if fp in decisions and fp not in decided})
            todo = {fp for fp in fingerprints if fp in accepted and fp not in done}
            if not todo:
                break
            done |= todo
            replacements = {fp: d.replacement for fp, d in accepted.items() if fp in todo and d.replacement is not None}
            new_text, new = apply_fixes(doc, lambda _flag, fp: fp in todo, replacements)
            applied.extend(new)
            if new_text == text:
                break
            text = new_text
            report = self.check_text(article, text)
        doc = report.documents[0]
        shown = apply_decisions(doc, decisions)
        if text != article.english:
            self._carry_dismissals(doc, decisions, article_fingerprint(text), article.name, DISMISS)
        return State(
            article=article,
            text=text,
            report=replace(report, documents=[shown]),
            raw=doc,
            decisions=decisions,
            decided_flags=decided,
            applied=applied,
        )

    def _carry_dismissals(
        self, doc: DocumentReport, decisions: dict[str, Decision], corrected_key: str, name: str, dismiss: str
    ) -> None:
        """Record the dismissals that still name a flag of the corrected text under that text's
        own fingerprint, so that ``check`` on the exported file leaves them out too."""
        present = set(doc.fingerprints())
        wanted = {fp: d for fp, d in decisions.items() if d.action == dismiss and fp in present}
        if not wanted:
            return
        already = self.store.decisions(corrected_key)
        for fp, decision in wanted.items():
            if already.get(fp) != decision:
                self.store.record(corrected_key, decision, name=name)

    def decide(
        self, key: str, flag: str, action: str, reason: str | None = None, replacement: str | None = None
    ) -> State:
        """Record the editor's decision on ``flag`` (a fingerprint shown on the page) and return
        the new state (re-checked). Runs on the worker."""
        from backcheck.pipeline.decisions import ACCEPT, DISMISS, Decision

        state = self.state(key)
        target = state.flag(flag)
        if target is None:
            raise NotFound("that flag is no longer in the article (reload the page)")
        reason = (reason or "").strip() or None
        if action == DISMISS:
            if reason is None:
                raise InputError("say why you dismiss this flag (a few words)")
            decision = Decision(flag, DISMISS, reason=reason)
        elif action == ACCEPT:
            if replacement is not None:
                replacement = replacement.replace("\r\n", "\n")
            if replacement == target.suggestion or (replacement == "" and target.suggestion is None):
                replacement = None
            if replacement is None and target.suggestion is None:
                raise InputError("this flag has no suggestion: type the text to write instead, or dismiss it")
            decision = Decision(flag, ACCEPT, replacement=replacement)
        else:
            raise InputError(f"unknown action {action!r} (accept or dismiss)")
        self.store.record(key, decision, name=state.article.name)
        return self.state(key)

    def forget(self, key: str, flag: str) -> State:
        """Undo the decision on ``flag``. Runs on the worker."""
        self.article(key)
        self.store.forget(key, flag)
        return self.state(key)

    def warm_up(self) -> None:
        """Load the word lists, dictionaries and the engine before the first request."""
        article = Article("warm-up", "warm-up.txt", WARM_UP_TEXT)
        self.check_text(article, WARM_UP_TEXT)
        with self._lock:
            self._reports.clear()
