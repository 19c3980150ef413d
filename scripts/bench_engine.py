#!/usr/bin/env python3
"""Benchmark backcheck's CTranslate2 engine against raw CTranslate2 on an OPUS-MT-sized model.

Builds a transformer-base Marian model (6+6 layers, d_model 512, 8 heads, FFN 2048, 32k
vocabulary) with random weights, converts it with backcheck's converter (int8), and translates the
sentences of the sample article and of a larger set (the English side of NTREX-128 in
../shared/eval when present, else generated sentences) with a fixed output length
(``min_decoding_length == max_decoding_length``), so every system produces the same number of
tokens. Prints output tokens per second for raw ``translate_batch`` (pre-tokenised input), for
backcheck's engine (SentencePiece, label, batching, detokenising included), for the engine behind
the translation cache (cold: translating and writing; warm: a rerun) and, when torch and
transformers are importable, Hugging Face ``MarianMTModel.generate`` with the same configuration.
Peak memory is the resident-set high-water mark of each phase.

    .venv/bin/python scripts/bench_engine.py [--sentences 1000] [--length 16] [--beam 2] [--chunk 100]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "scripts"))

# The only backcheck imports of this script.
from backcheck.engines.cache import CachedEngine, TranslationCache
from backcheck.engines.catalog import convert
from backcheck.engines.ct2 import CT2Engine
from backcheck.formats.article import load
from build_tiny_model import LABELS, add_attention, add_feed_forward, save_marian_dir  # noqa: E402

SAMPLE = REPO / "seeds" / "000_349c8de6d9ab456e.txt"
NTREX = REPO.parent / "shared" / "eval" / "ntrex128_bcms" / "newstest2019-src.eng.txt"
VOCAB, D_MODEL, HEADS, FFN, LAYERS = 32000, 512, 8, 2048, 6
SPM_VOCAB = 8000


def larger_set(n: int) -> tuple[list[str], str]:
    if NTREX.exists():
        lines = [ln.strip() for ln in NTREX.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if len(lines) >= n:
            return lines[:n], f"NTREX-128 English, first {n} lines"
    rng = random.Random(7)
    words = (
        "the government minister said on Monday that new elections would be held after police "
        "confirmed 15 people were arrested in the capital while parliament rejected budget"
    ).split()
    return [
        " ".join(rng.choices(words, k=rng.randint(8, 30))).capitalize() + "." for _ in range(n)
    ], f"{n} generated sentences"


def train_spm(lines: list[str]) -> bytes:
    import io

    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=SPM_VOCAB,
        hard_vocab_limit=False,
        user_defined_symbols=LABELS,
        bos_id=-1,
        eos_id=0,
        unk_id=1,
        num_threads=os.cpu_count(),
        minloglevel=2,
    )
    return model.getvalue()


def random_transformer_base(vocab: int, seed: int = 1) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)

    def matrix(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols), dtype=np.float32) / np.sqrt(rows)).astype(np.float32)

    w = {"Wemb": matrix(vocab, D_MODEL), "decoder_ff_logit_out_b": np.zeros((1, vocab), np.float32)}
    for side in ("encoder", "decoder"):
        for layer in range(1, LAYERS + 1):
            blocks = ["self"] + (["context"] if side == "decoder" else [])
            for block in blocks:
                add_attention(w, f"{side}_l{layer}_{block}", *(matrix(D_MODEL, D_MODEL) for _ in range(4)))
            add_feed_forward(w, f"{side}_l{layer}", matrix(D_MODEL, FFN), matrix(FFN, D_MODEL))
    return w


MARIAN_CONFIG = {
    "type": "transformer",
    "enc-depth": LAYERS,
    "dec-depth": LAYERS,
    "transformer-heads": HEADS,
    "transformer-ffn-activation": "relu",
    "transformer-preprocess": "",
    "transformer-postprocess": "dan",
    "transformer-postprocess-emb": "d",
    "transformer-postprocess-top": "",
    "transformer-decoder-autoreg": "self-attention",
    "transformer-no-projection": False,
    "transformer-guided-alignment-layer": "last",
    "tied-embeddings-all": True,
}


def build_model(workdir: Path, lines: list[str]) -> Path:
    import sentencepiece as spm

    spm_bytes = train_spm(lines)
    sp = spm.SentencePieceProcessor(model_proto=spm_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    vocabulary = pieces + [f"<extra_{i}>" for i in range(VOCAB - len(pieces))]  # 32k like OPUS-MT
    marian = save_marian_dir(workdir / "marian", random_transformer_base(VOCAB), MARIAN_CONFIG, vocabulary, spm_bytes)
    model = convert(
        marian,
        workdir / "models" / "bench-base",
        quantization="int8",
        name="bench-base",
        source_langs=["en"],
        origin="scripts/bench_engine.py (random weights)",
    )
    return model.path


class Peak:
    """Resident-set high-water mark of one phase (Linux: /proc/self/clear_refs resets it)."""

    def __enter__(self) -> Peak:
        try:
            Path("/proc/self/clear_refs").write_text("5")
            self.reset = True
        except OSError:
            self.reset = False
        return self

    def __exit__(self, *exc) -> None:
        self.mib = _vm_hwm_kib() / 1024 if self.reset else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _vm_hwm_kib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return float(line.split()[1])
    return float(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def timed(fn):
    """(tokens, wall seconds, CPU seconds of every thread of this process, peak RSS MiB)."""
    with Peak() as peak:
        start, cpu = time.perf_counter(), time.process_time()
        tokens = fn()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return tokens, seconds, cpu, peak.mib


HF_NAME = "transformers MarianMTModel.generate"


def transformers_baseline(sp, length, beam, threads):
    """A chunk runner for MarianMTModel.generate with the same architecture (its own random
    weights: at a fixed output length the speed does not depend on the values), or None when
    torch and transformers are not installed."""
    try:
        import torch
        from transformers import MarianConfig, MarianMTModel
    except ImportError:
        return None

    torch.set_num_threads(threads)
    config = MarianConfig(
        vocab_size=VOCAB,
        d_model=D_MODEL,
        encoder_layers=LAYERS,
        decoder_layers=LAYERS,
        encoder_attention_heads=HEADS,
        decoder_attention_heads=HEADS,
        encoder_ffn_dim=FFN,
        decoder_ffn_dim=FFN,
        activation_function="relu",
        pad_token_id=VOCAB - 1,
        eos_token_id=0,
        decoder_start_token_id=VOCAB - 1,
        max_position_embeddings=512,
    )
    model = MarianMTModel(config).eval()

    def run(chunk):
        produced = 0
        with torch.inference_mode():
            for i in range(0, len(chunk), 32):
                batch = [[LABELS[0]] + p + ["</s>"] for p in sp.encode(chunk[i : i + 32], out_type=str)]
                ids = [[sp.piece_to_id(t) for t in row] for row in batch]
                width = max(map(len, ids))
                input_ids = torch.tensor([row + [VOCAB - 1] * (width - len(row)) for row in ids])
                mask = (input_ids != VOCAB - 1).long()
                out = model.generate(
                    input_ids=input_ids,
                    attention_mask=mask,
                    num_beams=beam,
                    min_new_tokens=length,
                    max_new_tokens=length,
                )
                produced += int((out[:, 1:] != VOCAB - 1).sum())
        return produced

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--length", type=int, default=16, help="output tokens per sentence (fixed)")
    parser.add_argument("--beam", type=int, default=2)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--chunk", type=int, default=100, help="sentences per interleaved measurement")
    args = parser.parse_args(argv)

    import ctranslate2
    import sentencepiece as spm

    article = [s.text for s in load(str(SAMPLE), lang="en").article_sentences]
    bulk, bulk_name = larger_set(args.sentences)
    sets = [("sample article", article), (bulk_name, bulk)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        model_dir = build_model(Path(tmp), bulk + article)
        build_s = time.perf_counter() - started
        size_mb = sum(p.stat().st_size for p in model_dir.iterdir()) / 1e6
        options = dict(
            beam_size=args.beam,
            max_batch_size=4096,
            batch_type="tokens",
            min_decoding_length=args.length,
            max_decoding_length=args.length,
        )
        raw = ctranslate2.Translator(
            str(model_dir), device="cpu", compute_type="int8", inter_threads=1, intra_threads=args.threads
        )
        sp = spm.SentencePieceProcessor(model_file=str(model_dir / "source.spm"))
        engine = CT2Engine(
            model_dir,
            beam_size=args.beam,
            intra_threads=args.threads,
            max_batch_tokens=4096,
            max_decoding_length=args.length,
            decoding_options={"min_decoding_length": args.length},
        )
        engine.translate(article[:2], "en", "sr")  # warm-up: first-call allocations
        hf_run = transformers_baseline(sp, args.length, args.beam, args.threads)
        for set_name, sentences in sets:
            cached = CachedEngine(engine, TranslationCache(Path(tmp) / f"cache-{len(rows)}.sqlite3"))

            def run_raw(chunk):
                tokens = [[">>srp_Latn<<"] + p for p in sp.encode(chunk, out_type=str)]
                return sum(len(r.hypotheses[0]) for r in raw.translate_batch(tokens, **options))

            def run_engine(chunk, e=engine):
                return sum(len(t.tokens) for t in e.translate(chunk, "en", "sr"))

            systems = {
                "raw CTranslate2 translate_batch": run_raw,
                "backcheck CT2Engine": run_engine,
                "CT2Engine + cache, cold": lambda chunk: run_engine(chunk, cached),
            }
            if hf_run is not None:
                systems[HF_NAME] = hf_run
            totals = {name: [0, 0.0, 0.0, 0.0] for name in systems}
            # Interleaved chunks, in rotating order: on a shared machine, load changes hit every
            # system alike instead of whichever runs last.
            order = list(systems)
            for i in range(0, len(sentences), args.chunk):
                print(f"{set_name}: sentences {i}-{min(i + args.chunk, len(sentences))}", file=sys.stderr, flush=True)
                order = order[1:] + order[:1]
                for name in order:
                    fn = systems[name]
                    produced, seconds, cpu, peak = timed(lambda: fn(sentences[i : i + args.chunk]))
                    total = totals[name]
                    total[:] = [total[0] + produced, total[1] + seconds, total[2] + cpu, max(total[3], peak)]
            totals["CT2Engine + cache, warm rerun"] = list(timed(lambda: run_engine(sentences, cached)))
            rows += [(set_name, len(sentences), name, *total) for name, total in totals.items()]
            if hf_run is None:
                rows.append((set_name, len(sentences), HF_NAME, None, None, None, None))

    print(
        f"model: transformer-base {LAYERS}+{LAYERS}, d_model {D_MODEL}, {HEADS} heads, FFN {FFN}, "
        f"vocabulary {VOCAB}, random weights, int8 ({size_mb:.0f} MB on disk, built in {build_s:.0f} s)"
    )
    print(
        f"settings: beam {args.beam}, output length fixed at {args.length} tokens, {args.threads} threads, "
        f"ctranslate2 {ctranslate2.__version__}, CPU cores {os.cpu_count()}"
    )
    print()
    print(
        f"| {'set':36} | {'sent.':>5} | {'system':36} | {'tokens':>7} | {'wall s':>8} | {'CPU s':>8} "
        f"| {'tokens/s':>9} | {'vs raw':>7} | {'peak RSS MiB':>12} |"
    )
    print(f"|{'-' * 38}|{'-' * 7}|{'-' * 38}|{'-' * 9}|{'-' * 10}|{'-' * 10}|{'-' * 11}|{'-' * 9}|{'-' * 14}|")
    raw_rate = {}
    for set_name, n, system, produced, seconds, cpu, peak in rows:
        if produced is None:
            print(f"| {set_name:36} | {n:5} | {system:36} | n/a: torch and transformers are not installed |")
            continue
        rate = produced / seconds
        raw_rate.setdefault(set_name, rate)
        print(
            f"| {set_name:36} | {n:5} | {system:36} | {produced:7} | {seconds:8.3f} | {cpu:8.3f} | {rate:9.1f} "
            f"| {rate / raw_rate[set_name]:6.2f}x | {peak:12.0f} |"
        )
    print("\n(tokens/s by the wall clock; CPU s: every thread of this process, intra-op threads included)")
    print()
    for set_name, _ in sets:
        by = {system: seconds for s, _, system, _, seconds, _, _ in rows if s == set_name and seconds}
        ratio = by["backcheck CT2Engine"] and by["raw CTranslate2 translate_batch"] / by["backcheck CT2Engine"]
        speedup = by["CT2Engine + cache, cold"] / by["CT2Engine + cache, warm rerun"]
        print(
            f"{set_name}: engine/raw throughput {ratio:.2f} (target >= 0.90); "
            f"warm cache {speedup:.0f}x faster than cold (target >= 20x)"
            + (
                f"; engine {by[HF_NAME] / by['backcheck CT2Engine']:.1f}x faster than transformers (target >= 3x)"
                if HF_NAME in by
                else ""
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
