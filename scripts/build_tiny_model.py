#!/usr/bin/env python3
"""Build the tiny OPUS-MT-style model the engine tests run on (no download, deterministic).

It generates news-like lines (English and Serbo-Croatian words drawn from small lists with a fixed
seed), trains a SentencePiece model on them with the OPUS-MT target-language labels as user symbols,
writes a Marian model directory (``model.npz`` with ``special:model.yml``, ``vocab.yml``,
``decoder.yml``, ``source.spm``, ``target.spm``) and converts it with backcheck's own converter
(CTranslate2's ``OpusMTConverter``), so the tests exercise the real conversion path.

The weights are not trained but constructed: a one-layer post-norm Transformer whose
cross-attention at decoder step ``t`` looks at encoder position ``t + 1`` (position 0 holds the
``>>label<<``) and copies that token. The model therefore "translates" a sentence into its own
SentencePiece pieces, which lets tests assert exact outputs and compare forced-decoding scores of a
faithful and an unfaithful target.

    .venv/bin/python scripts/build_tiny_model.py                 # rewrites tests/fixtures/tiny_model
    .venv/bin/python scripts/build_tiny_model.py --marian DIR    # only the Marian directory
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "tests" / "fixtures" / "tiny_model"

LABELS = [">>srp_Latn<<", ">>srp_Cyrl<<", ">>hrv<<", ">>bos_Latn<<", ">>cnr_Latn<<"]
MAX_POSITIONS = 256  #: longest input (label + pieces + </s>) the copy model handles
CODE_DIM = 32  #: width of the random ±1 position codes
VOCAB_SIZE = 120
SEED = 20240420

_SUBJECTS = [
    "The minister",
    "The government",
    "Police",
    "The mayor",
    "Parliament",
    "The court",
    "Vlada",
    "Ministar",
    "Policija",
    "Sud",
    "Skupština",
    "Gradonačelnik",
]
_VERBS = [
    "said",
    "announced",
    "denied",
    "confirmed",
    "rejected",
    "je rekao",
    "je saopštila",
    "je potvrdio",
    "nije potvrdio",
    "je odbila",
]
_OBJECTS = [
    "the budget",
    "new elections",
    "the report",
    "a reform",
    "the agreement",
    "budžet",
    "nove izbore",
    "izvještaj",
    "reformu",
    "sporazum",
    "čak 20 ljudi",
    "đake",
]
_TAILS = [
    "on Monday",
    "in 2023",
    "last week",
    "after the vote",
    "u ponedjeljak",
    "prošle sedmice",
    "nakon glasanja",
    "u Beogradu",
    "in Zagreb",
    "u Sarajevu",
    "with 15 votes",
    "sa 1,5 miliona eura",
]
_EXTRA = "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz ČĆŠŽĐ čćšžđ .,:;!?%\"'()-"


def generate_lines(n: int = 400, seed: int = SEED) -> list[str]:
    """News-like lines plus one line per character class, so every character gets a piece."""
    rng = random.Random(seed)
    lines = [
        f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}." for _ in range(n)
    ]
    return lines + _EXTRA.split(" ")


def train_sentencepiece(lines: list[str]) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=VOCAB_SIZE,
        hard_vocab_limit=False,
        user_defined_symbols=LABELS,
        character_coverage=1.0,
        normalization_rule_name="identity",
        num_threads=1,
        minloglevel=2,
        # OPUS-MT vocabularies start with </s>, <unk>; no <s> (Marian starts decoding from zeros)
        bos_id=-1,
        eos_id=0,
        unk_id=1,
    )
    return model.getvalue()


def _position_codes(rng: np.random.Generator) -> np.ndarray:
    """Random ±1 codes: a code's dot product with itself (CODE_DIM) clearly beats any other's."""
    while True:
        codes = rng.choice([-1.0, 1.0], size=(MAX_POSITIONS + 1, CODE_DIM))
        gram = codes @ codes.T
        np.fill_diagonal(gram, -CODE_DIM)
        if gram.max() <= 0.7 * CODE_DIM:
            return codes


def copy_model_weights(vocab_size: int, seed: int = SEED) -> dict[str, np.ndarray]:
    """Marian weights of the copy model. Dimensions: [tokens | code(t) | code(t + 1)]."""
    rng = np.random.default_rng(seed)
    codes = _position_codes(rng)
    d = vocab_size + 2 * CODE_DIM
    tok, here, ahead = slice(0, vocab_size), slice(vocab_size, vocab_size + CODE_DIM), slice(vocab_size + CODE_DIM, d)
    f32 = np.float32

    emb = np.zeros((vocab_size, d), f32)
    emb[:, tok] = np.eye(vocab_size) * 4.0  # tied with the output layer: sharp logits
    pos = np.zeros((MAX_POSITIONS, d), f32)
    pos[:, here] = codes[:MAX_POSITIONS]
    pos[:, ahead] = codes[1:]

    zeros_dd = np.zeros((d, d), f32)
    query = np.zeros((d, d), f32)  # Marian stores W as (in, out)
    query[ahead, here] = np.eye(CODE_DIM) * 20.0  # decoder step t asks for encoder position t + 1
    key = np.zeros((d, d), f32)
    key[here, here] = np.eye(CODE_DIM) * 20.0  # peaked attention despite layer norm and 1/sqrt(d) scaling
    value = np.zeros((d, d), f32)
    value[tok, tok] = np.eye(vocab_size)
    out = np.zeros((d, d), f32)
    out[tok, tok] = np.eye(vocab_size) * 12.0  # the copied token outweighs the previous one

    w: dict[str, np.ndarray] = {"Wemb": emb, "Wpos": pos, "decoder_ff_logit_out_b": np.zeros((1, vocab_size), f32)}
    idle = np.zeros((d, 4), f32), np.zeros((4, d), f32)  # feed-forward blocks that add nothing
    add_attention(w, "encoder_l1_self", zeros_dd, zeros_dd, zeros_dd, zeros_dd)
    add_feed_forward(w, "encoder_l1", *idle)
    add_attention(w, "decoder_l1_self", zeros_dd, zeros_dd, zeros_dd, zeros_dd)
    add_attention(w, "decoder_l1_context", query, key, value, out)
    add_feed_forward(w, "decoder_l1", *idle)
    return w


def add_attention(w: dict[str, np.ndarray], prefix: str, q, k, v, o) -> None:
    """Marian names of one attention block (post-norm: the layer norm follows the output)."""
    d = q.shape[0]
    for name, matrix in (("q", q), ("k", k), ("v", v), ("o", o)):
        w[f"{prefix}_W{name}"] = matrix
        w[f"{prefix}_b{name}"] = np.zeros((1, matrix.shape[1]), np.float32)
    w[f"{prefix}_Wo_ln_scale"], w[f"{prefix}_Wo_ln_bias"] = np.ones((1, d), np.float32), np.zeros((1, d), np.float32)


def add_feed_forward(w: dict[str, np.ndarray], prefix: str, w1, w2) -> None:
    d = w1.shape[0]
    w[f"{prefix}_ffn_W1"], w[f"{prefix}_ffn_b1"] = w1, np.zeros((1, w1.shape[1]), np.float32)
    w[f"{prefix}_ffn_W2"], w[f"{prefix}_ffn_b2"] = w2, np.zeros((1, d), np.float32)
    w[f"{prefix}_ffn_ffn_ln_scale"] = np.ones((1, d), np.float32)
    w[f"{prefix}_ffn_ffn_ln_bias"] = np.zeros((1, d), np.float32)


MARIAN_CONFIG = {
    "type": "transformer",
    "enc-depth": 1,
    "dec-depth": 1,
    "transformer-heads": 1,
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


def write_marian_dir(out: Path, seed: int = SEED) -> Path:
    """Write a complete Marian/OPUS-MT model directory (what a release zip unpacks to)."""
    import sentencepiece as spm

    spm_bytes = train_sentencepiece(generate_lines(seed=seed))
    sp = spm.SentencePieceProcessor(model_proto=spm_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    return save_marian_dir(out, copy_model_weights(len(pieces), seed), MARIAN_CONFIG, pieces, spm_bytes)


def save_marian_dir(
    out: Path, weights: dict[str, np.ndarray], config: dict, vocabulary: list[str], spm_bytes: bytes
) -> Path:
    """``model.npz`` (config embedded as Marian does), ``vocab.yml``, ``decoder.yml`` and the
    SentencePiece model as both ``source.spm`` and ``target.spm``."""
    out.mkdir(parents=True, exist_ok=True)
    for name in ("source.spm", "target.spm"):
        (out / name).write_bytes(spm_bytes)
    with open(out / "opus.spm.vocab.yml", "w", encoding="utf-8") as f:
        for i, piece in enumerate(vocabulary):
            f.write(f"{_yaml_key(piece)}: {i}\n")
    packed = yaml.safe_dump(config).encode() + b"\0"
    np.savez(out / "model.npz", **weights, **{"special:model.yml": np.frombuffer(packed, dtype=np.int8)})
    (out / "decoder.yml").write_text(
        yaml.safe_dump(
            {
                "models": ["model.npz"],
                "vocabs": ["opus.spm.vocab.yml", "opus.spm.vocab.yml"],
                "beam-size": 1,
                "normalize": 1,
            }
        ),
        encoding="utf-8",
    )
    return out


def _yaml_key(piece: str) -> str:
    """Quote a vocabulary entry the way Marian does, so CTranslate2's reader restores it exactly."""
    return '"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="CTranslate2 model directory to (re)write")
    parser.add_argument("--marian", type=Path, help="only write the Marian directory here")
    args = parser.parse_args(argv)
    if args.marian:
        write_marian_dir(args.marian)
        print(f"Marian model directory written to {args.marian}", file=sys.stderr)
        return 0

    sys.path.insert(0, str(REPO / "src"))
    from backcheck.engines.catalog import convert

    with tempfile.TemporaryDirectory() as tmp:
        marian = write_marian_dir(Path(tmp) / "marian")
        if args.out.exists():
            shutil.rmtree(args.out)
        convert(
            marian,
            args.out,
            quantization="int8",
            name="tiny-copy-en-sh",
            source_langs=["en"],
            origin="scripts/build_tiny_model.py (constructed copy model, for tests)",
        )
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"tiny model written to {args.out} ({size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
