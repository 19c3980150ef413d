"""Batch checking on Ray: the documents, journal, reports and exit codes of the local executor,
with the work spread over a Ray cluster (``backcheck batch --executor ray [--address ADDRESS]``).

Ray Core tasks and actors (docs/scale.md says why not Ray Data)::

    driver: discover -> journal (skip what is done) -> at most ``in_flight`` documents submitted
      load task      read and segment one document
      engine actor   back-translation, alignment and fidelity scoring of a group of documents:
                     the model is loaded once per actor (one GPU each when the cluster has GPUs)
                     and the group's sentences go to it in one batch
      check task     the checks, severities and the document's report
    driver: ray.wait -> as each document finishes: its journal row and its report (on_document)

Without an engine a document is read and checked in one task (shipping the segmented document
between two workers would cost more than it saves). The driver alone writes the journal and the
reports. A task whose worker dies is retried (``max_retries``); an actor that dies is restarted,
loads its model again and runs the call again (``max_restarts``, ``max_task_retries``); the
driver takes each document's result once, so a crash loses nothing and writes nothing twice. A
driver killed mid-run leaves every finished document in the journal, and a rerun resumes there.

Ray is an optional extra (``pip install 'backcheck[ray]'``), imported only when this executor runs.
"""

from __future__ import annotations

import logging
import os
import signal
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from backcheck.config import Config
from backcheck.errors import BackcheckError, ConfigError
from backcheck.model.report import DocumentReport
from backcheck.pipeline.batch import BatchItem, Pending, Progress, check_model_free, load_item

INSTALL = "pip install 'backcheck[ray]'"
#: documents per engine-actor call: their sentences are translated in one batch
ENGINE_GROUP = 16
#: a task whose worker dies is run again this many times, an engine actor restarted as often
RETRIES = 3
#: fault drills: a directory whose files name the stages whose next worker is to be killed
FAULTS_ENV = "BACKCHECK_RAY_FAULTS"


def import_ray():
    """The ``ray`` module, or a ConfigError that says how to install it."""
    try:
        import ray
    except ImportError:
        raise ConfigError(f"the Ray executor needs Ray, which is not installed: {INSTALL}") from None
    return ray


# --- what travels between the stages ----------------------------------------------------------------


@dataclass
class Outcome:
    """One document's result as the driver receives it."""

    doc: DocumentReport | None = None
    error: str | None = None  #: the document cannot be read: reported, and the run goes on
    fatal: BackcheckError | None = None  #: the engine cannot run: the run stops, as it does locally
    score_signatures: list[str] = field(default_factory=list)


def _fault(stage: str) -> None:
    """Fault drill: when ``$BACKCHECK_RAY_FAULTS`` names a directory holding a file called
    ``stage`` (``document``, ``load``, ``engine``, ``check``), the first worker to reach that
    stage takes the file and kills its own process with SIGKILL, as a crash or the OOM killer
    would. The tests use it to show that Ray runs the work again and nothing is lost or doubled."""
    directory = os.environ.get(FAULTS_ENV)
    if not directory:
        return
    try:
        os.rename(os.path.join(directory, stage), os.path.join(directory, f"{stage}.fired"))
    except OSError:
        return
    os.kill(os.getpid(), signal.SIGKILL)


# --- the stages (plain functions and a plain class: ray.remote wraps them when the run starts) -------


def _document_task(item: BatchItem, config: Config) -> Outcome:
    """Model-free: read and check one document."""
    _fault("document")
    doc, error = check_model_free(item, config)
    return Outcome(doc, error)


def _load_task(item: BatchItem, config: Config):
    """Read and segment one document for the engine: (Job, None) or (None, message)."""
    _fault("load")
    return load_item(item, config)


def _check_task(loaded, part, config: Config) -> Outcome:
    """The checks of one document, given what its engine actor made of it (an EngineResults for
    that one document, or the engine's error): ``check_jobs``, the local executor's own path."""
    from backcheck.pipeline.check import check_jobs

    _fault("check")
    job, error = loaded
    if job is None:
        return Outcome(error=error)
    if isinstance(part, BackcheckError):
        return Outcome(fatal=part)
    doc = check_jobs([job], config, config.engine, computed=part).documents[0]
    scores = part.fidelity[0][0]
    return Outcome(doc, score_signatures=[scores.signature] if scores is not None else [])


class EngineWorker:
    """An engine actor: its engines are loaded on first use and kept, so a model is read once
    per actor, not once per call."""

    def __init__(self, config: Config, models_dir: str | None, use_cache: bool) -> None:
        self.config, self.models_dir, self.use_cache = config, models_dir, use_cache
        self.forward: dict[str, Any] = {}  #: by target language
        self.reverse: dict[str, object] = {}  #: source -> English engines, as score_fidelity keeps them

    def info(self) -> dict[str, Any]:
        return {"pid": os.getpid(), "cuda_visible_devices": os.environ.get("CUDA_VISIBLE_DEVICES")}

    def process(self, *loaded) -> Any:
        """One EngineResults per loaded document (None where it did not load), or the engine's
        error for each; one value when given one document (Ray's ``num_returns=1``)."""
        _fault("engine")
        jobs = [job for job, _ in loaded if job is not None]
        try:
            parts: list[Any] = self._parts(jobs)
        except BackcheckError as exc:
            parts = [exc] * len(jobs)
        answers = iter(parts)
        out = [next(answers) if job is not None else None for job, _ in loaded]
        return out[0] if len(out) == 1 else out

    def _engine(self, lang: str):
        if lang not in self.forward:
            from backcheck.engines import resolve

            self.forward[lang] = resolve(
                self.config.engine,
                "en",
                lang,
                models_dir=self.models_dir,
                use_cache=self.use_cache,
                device=self.config.device,
                threads=self.config.threads,
            )
        return self.forward[lang]

    def _parts(self, jobs: list) -> list:
        """Per job, an EngineResults for that job alone: ``pipeline.check.back_translate`` with
        this actor's engine (the sentences of all the jobs in one batch), then ``score_fidelity``."""
        from backcheck.lang.align import align
        from backcheck.pipeline.check import DEFAULT_BACK_LANG, EngineResults, score_fidelity

        if not jobs:
            return []
        langs = [job.source.lang if job.source else DEFAULT_BACK_LANG for job in jobs]
        engine = self._engine(langs[0])
        per_job: list[dict[int, str] | None] = [None] * len(jobs)
        warnings: list[str] = []
        if engine is not None:
            per_job = [{} for _ in jobs]
            for lang in dict.fromkeys(langs):
                members = [i for i, job_lang in enumerate(langs) if job_lang == lang]
                sentences = [(i, s) for i in members for s in jobs[i].document.article_sentences]
                unique = list(dict.fromkeys(s.text for _, s in sentences))
                translated = dict(zip(unique, engine.translate(unique, "en", lang)))
                for i, sentence in sentences:
                    per_job[i][sentence.index] = translated[sentence.text].text  # type: ignore[index]
            cache = getattr(engine, "cache", None)
            if cache is not None:  # a warning (a rebuilt cache) goes to the documents of this call
                warnings = list(cache.warnings)
                cache.warnings.clear()
        signature = engine.signature() if engine is not None else None
        parts = []
        for job, backtranslations in zip(jobs, per_job):
            alignment = align(job.source, job.document, backtranslations) if job.source is not None else None
            fidelity = score_fidelity(
                job, engine, backtranslations, alignment, self.config, self.reverse, self.models_dir, self.use_cache
            )
            parts.append(EngineResults(signature, [backtranslations], warnings, [fidelity]))
        return parts


# --- the executor --------------------------------------------------------------------------------------


def _cuda_devices() -> int:
    """GPUs CTranslate2 can use on this machine (0 without CUDA)."""
    try:
        import ctranslate2

        return int(ctranslate2.get_cuda_device_count())
    except (ImportError, RuntimeError):
        return 0


def _reachable(address: str, timeout: float = 5.0) -> None:
    """A ``host:port`` or ``ray://host:port`` that takes no connection is an error now: Ray itself
    keeps retrying for minutes."""
    import socket

    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # "auto" and other forms Ray resolves itself
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise ConfigError(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from None


class RayExecutor:
    """Runs a batch on Ray: at ``address`` (``ray://`` or ``host:port``), else at
    ``$RAY_ADDRESS``, else on a Ray runtime started for the run on this machine. ``actors``
    engine actors (default: one per GPU, else one per four CPUs); at most ``in_flight``
    documents submitted and not yet collected."""

    name = "ray"

    def __init__(
        self,
        address: str | None = None,
        *,
        actors: int | None = None,
        in_flight: int | None = None,
        group: int = ENGINE_GROUP,
    ) -> None:
        self.address, self.actors, self.in_flight, self.group = address, actors, in_flight, max(1, group)
        self.stats: dict[str, Any] = {}  #: what the last run used (actors, GPUs, in flight)

    def check(
        self, pending: list[Pending], config: Config, progress: Progress, *, models_dir: str | None, use_cache: bool
    ) -> None:
        import contextlib
        import sys

        ray = import_ray()
        # Ray prints the cluster's messages (a worker died, a task is retried) on stdout, where a
        # combined report may be going: they go to stderr for the run instead
        with contextlib.redirect_stdout(sys.stderr):
            started = self._connect(ray)
            try:
                _Run(ray, self, config, progress, models_dir, use_cache).run(pending)
            finally:
                if started:
                    ray.shutdown()

    def _connect(self, ray) -> bool:
        """Join the cluster (True when this call started a Ray runtime, to shut down after)."""
        address = self.address or os.environ.get("RAY_ADDRESS") or "local"
        if address != "local":
            _reachable(address)
        if ray.is_initialized():  # the caller joined a cluster already (a notebook, a test)
            return False
        options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
        if address == "local":
            options["include_dashboard"] = False
            gpus = _cuda_devices()
            if gpus:
                options["num_gpus"] = gpus
        try:
            ray.init(address=address, **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ConfigError(f"cannot join the Ray cluster at {address}: {exc}") from None
        return True


class _Run:
    """One run's driver loop: submit up to the in-flight bound, collect as documents finish."""

    def __init__(self, ray, executor: RayExecutor, config: Config, progress: Progress, models_dir, use_cache) -> None:
        self.ray, self.config, self.progress = ray, config, progress
        self.group = executor.group
        resources = ray.cluster_resources()
        cpus, gpus = int(resources.get("CPU", 1)), int(resources.get("GPU", 0))
        self.engine = config.engine != "none"
        use_gpu = self.engine and gpus > 0 and config.engine != "apertium" and config.device != "cpu"
        actors = executor.actors or (gpus if use_gpu else max(1, cpus // 4))
        default_in_flight = 3 * self.group * actors if self.engine else 4 * max(1, cpus)
        self.in_flight = max(1, executor.in_flight or default_in_flight)
        self.config_ref = ray.put(config)
        self.document = ray.remote(max_retries=RETRIES)(_document_task)
        self.load = ray.remote(max_retries=RETRIES)(_load_task)
        self.check_task = ray.remote(max_retries=RETRIES)(_check_task)
        self.actors = []
        if self.engine:
            # an actor holds its GPU but no CPU: the load and check tasks run beside it (an actor
            # holding a CPU would starve them on a node of one or two CPUs)
            worker = ray.remote(EngineWorker).options(
                max_restarts=RETRIES, max_task_retries=RETRIES, num_cpus=0, num_gpus=1 if use_gpu else 0
            )
            # the configuration by value: a restarted actor must not depend on an object that may be gone
            self.actors = [worker.remote(config, models_dir, use_cache) for _ in range(actors)]
        executor.stats = {"actors": len(self.actors), "gpu_actors": use_gpu, "in_flight": self.in_flight, "cpus": cpus}
        self.turn = 0
        self.signatures: dict[int, list[str]] = {}
        self.engine_info: dict[str, Any] | None = None

    def submit(self, queue: deque[Pending], inflight: dict) -> None:
        if not self.engine:
            entry = queue.popleft()
            inflight[self.document.remote(entry[1], self.config_ref)] = entry
            return
        group = [queue.popleft() for _ in range(min(self.group, len(queue)))]
        loads = [self.load.remote(item, self.config_ref) for _, item, _ in group]
        actor = self.actors[self.turn % len(self.actors)]
        self.turn += 1
        parts = actor.process.options(num_returns=len(loads)).remote(*loads)
        parts = parts if isinstance(parts, list) else [parts]
        for entry, load, part in zip(group, loads, parts):
            inflight[self.check_task.remote(load, part, self.config_ref)] = entry

    def run(self, pending: list[Pending]) -> None:
        ray = self.ray
        queue: deque[Pending] = deque(pending)
        inflight: dict[Any, Pending] = {}
        try:
            while queue or inflight:
                while queue and len(inflight) < self.in_flight:
                    self.submit(queue, inflight)
                ready, rest = ray.wait(list(inflight), num_returns=1)
                if rest:
                    ready += ray.wait(rest, num_returns=len(rest), timeout=0)[0]
                for ref in ready:
                    self.collect(inflight.pop(ref), ref)
        finally:
            for ref in inflight:
                ray.cancel(ref)
            for actor in self.actors:
                ray.kill(actor)
        if self.engine_info is not None:
            from backcheck.pipeline.check import signature

            scores = [s for i in sorted(self.signatures) for s in self.signatures[i]]
            self.progress.result.report.signature = signature(self.config, self.engine_info, scores)

    def collect(self, entry: Pending, ref) -> None:
        index, item, digest = entry
        outcome = self.outcome(ref)
        if outcome.fatal is not None:
            raise outcome.fatal
        if outcome.doc is not None and outcome.doc.engine is not None:
            self.engine_info = outcome.doc.engine
            self.signatures[index] = outcome.score_signatures
        self.progress.finish(index, item, digest, outcome.doc, outcome.error)

    def outcome(self, ref) -> Outcome:
        """The task's Outcome; a document whose worker died past its retries is an error of that
        document (not journalled: a rerun tries it again); an exception in a task is a bug."""
        exceptions = self.ray.exceptions
        try:
            return self.ray.get(ref)
        except exceptions.RayTaskError as exc:
            cause = getattr(exc, "cause", None)
            raise (cause if isinstance(cause, Exception) else exc) from None
        except exceptions.RayError as exc:
            return Outcome(error=f"lost on the Ray cluster after {RETRIES} retries ({type(exc).__name__})")
