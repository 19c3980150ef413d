"""CTranslate2 + SentencePiece engine for OPUS-MT (Marian) and multilingual (M2M-100, NLLB) models.

OPUS-MT models that serve several target languages pick one with a label token (``>>srp_Latn<<``)
put before the source pieces. CTranslate2 turns an unknown label into ``<unk>`` and translates into
whatever language the model drifts to, so the label is checked against the vocabulary here.
Multilingual models take a source-language token and a target-language prefix instead; the prefix
is dropped from the output and skipped (``offset=1``) when scoring.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from backcheck.engines.base import TokenScores, Translation
from backcheck.engines.catalog import InstalledModel, canonical_lang, open_model, verify_at_load
from backcheck.errors import EngineError, ModelError


class CT2Engine:
    """Back-translation and forced-decoding scores with one CTranslate2 model."""

    name = "ct2"

    def __init__(
        self,
        model: str | Path | InstalledModel,
        *,
        device: str = "cpu",
        compute_type: str | None = None,
        beam_size: int = 2,
        inter_threads: int = 1,
        intra_threads: int = 0,
        max_batch_tokens: int = 4096,
        max_decoding_length: int = 256,
        decoding_options: dict[str, Any] | None = None,
    ) -> None:
        import ctranslate2
        import sentencepiece as spm

        self.model = model if isinstance(model, InstalledModel) else open_model(model)
        verify_at_load(self.model)  # a damaged model must not translate (nor fill the cache)
        manifest = self.model.manifest
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        self.device = device
        self.compute_type = compute_type or ("int8_float16" if device == "cuda" else "int8")
        self.beam_size = beam_size
        self.max_batch_tokens = max_batch_tokens
        self.max_decoding_length = max_decoding_length
        #: further ``translate_batch`` options (sampling, length penalty, ...); part of the signature
        self.decoding_options = dict(decoding_options or {})
        path = self.model.path
        try:
            self.translator = ctranslate2.Translator(
                str(path),
                device=device,
                compute_type=self.compute_type,
                inter_threads=inter_threads,
                intra_threads=intra_threads,
            )
            self.source_sp = spm.SentencePieceProcessor(model_file=str(path / manifest.source_spm))
            self.target_sp = spm.SentencePieceProcessor(model_file=str(path / manifest.target_spm))
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(f"cannot load model {path}: {exc} (check it with `backcheck models verify`)") from None
        self.vocabulary = frozenset(self.model.vocabulary("source"))
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        # Marian-converted models append </s> themselves; Hugging Face-converted ones do not.
        self._append_eos = not config.get("add_source_eos", False)
        self._versions = {"ctranslate2": ctranslate2.__version__, "sentencepiece": spm.__version__}

    # -- tokens ---------------------------------------------------------------------------------

    def _token(self, token: str, what: str) -> str:
        if token not in self.vocabulary:
            raise EngineError(
                f"model {self.model.name}: {what} {token} is not in its vocabulary; "
                "it would be read as <unk> and the model would pick some other language"
            )
        return token

    def _affixes(self, src: str, tgt: str) -> tuple[list[str], list[str] | None]:
        """Tokens before the source pieces, and the target prefix (None for Marian models)."""
        manifest = self.model.manifest
        src, tgt = canonical_lang(src), canonical_lang(tgt)
        if src not in manifest.source_langs or tgt not in manifest.target_langs:
            raise EngineError(
                f"model {manifest.name} translates {'/'.join(manifest.source_langs)} → "
                f"{'/'.join(manifest.target_langs)}, not {src} → {tgt}"
            )
        if manifest.kind == "marian":
            if not manifest.labels:
                return [], None
            if tgt not in manifest.labels:
                raise EngineError(
                    f"model {manifest.name} needs a target-language label and has none for {tgt!r} "
                    f"(labels: {', '.join(f'{k}={v}' for k, v in manifest.labels.items())})"
                )
            return [self._token(manifest.labels[tgt], f"label for {tgt}")], None
        tokens = manifest.lang_tokens
        if src not in tokens or tgt not in tokens:
            raise EngineError(f"model {manifest.name} has no language token for {src if src not in tokens else tgt!r}")
        return (
            [self._token(tokens[src], f"language token for {src}")],
            [self._token(tokens[tgt], f"language token for {tgt}")],
        )

    def _source_tokens(self, sentences: Sequence[str], head: list[str]) -> list[list[str]]:
        tail = ["</s>"] if self._append_eos else []
        return [head + pieces + tail for pieces in self.source_sp.encode(list(sentences), out_type=str)]

    # -- protocol -------------------------------------------------------------------------------

    def translate(self, sentences: Sequence[str], src: str, tgt: str) -> list[Translation]:
        head, prefix = self._affixes(src, tgt)
        # an empty line has nothing to translate, and models must emit at least one token
        todo = [i for i, s in enumerate(sentences) if s.strip()]
        out = [Translation("")] * len(sentences)
        if not todo:
            return out
        source = self._source_tokens([sentences[i] for i in todo], head)
        try:
            results = self.translator.translate_batch(
                source,
                target_prefix=[prefix] * len(source) if prefix else None,
                max_batch_size=self.max_batch_tokens,
                batch_type="tokens",
                beam_size=self.beam_size,
                return_scores=True,
                max_decoding_length=self.max_decoding_length,
                **self.decoding_options,
            )
        except RuntimeError as exc:
            raise EngineError(f"model {self.model.name} failed to translate: {exc}") from None
        for i, result in zip(todo, results):
            pieces = result.hypotheses[0][len(prefix) :] if prefix else result.hypotheses[0]
            out[i] = Translation(self.target_sp.decode(pieces), tuple(pieces), float(result.scores[0]))
        return out

    def score(self, sources: Sequence[str], targets: Sequence[str], src: str, tgt: str) -> list[TokenScores]:
        """Log-probability of each target token given its source (Prism-style forced decoding)."""
        if len(sources) != len(targets):
            raise EngineError(f"score: {len(sources)} sources but {len(targets)} targets")
        if not sources:
            return []
        head, prefix = self._affixes(src, tgt)
        source = self._source_tokens(sources, head)
        target_pieces = self.target_sp.encode(list(targets), out_type=str)
        target = [(prefix or []) + pieces for pieces in target_pieces]
        try:
            results = self.translator.score_batch(
                source,
                target,
                max_batch_size=self.max_batch_tokens,
                batch_type="tokens",
                offset=len(prefix) if prefix else 0,
            )
        except RuntimeError as exc:
            raise EngineError(f"model {self.model.name} failed to score: {exc}") from None
        return [TokenScores(tuple(pieces) + ("</s>",), tuple(r.log_probs)) for pieces, r in zip(target_pieces, results)]

    def signature(self) -> dict[str, Any]:
        # The checksum was verified against the file at load: it names the weights that ran.
        return {
            "name": self.name,
            "model": self.model.name,
            "checksum": self.model.manifest.checksum()[:16],
            "verified": "sha256",
            "compute_type": self.compute_type,
            "beam": self.beam_size,
            "device": self.device,
            **{f"decode.{k}": v for k, v in sorted(self.decoding_options.items())},
            **self._versions,
        }
