"""The CTranslate2 engine on the tiny committed model (tests/fixtures/tiny_model).

That model is built by scripts/build_tiny_model.py: a one-layer Transformer whose weights copy the
SentencePiece pieces after the target label, so a correct pipeline (tokenise, label, batch,
translate, detokenise) gives the input sentence back, and forced decoding prefers the faithful
target over a changed one.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from backcheck.engines.cache import CachedEngine, TranslationCache
from backcheck.engines.ct2 import CT2Engine
from backcheck.errors import EngineError, ExitCode, ModelError

TINY = Path(__file__).parent / "fixtures" / "tiny_model"

NEWS = [
    "The minister said on Monday that 15 people were hurt in the fire.",
    "Parliament rejected the budget after the vote.",
    "Vlada je u ponedjeljak odbila izvještaj o reformi.",
    "Police confirmed that 1,5 miliona eura nije isplaćeno.",
    "Gradonačelnik Zagreba nije potvrdio nove izbore.",
]


@pytest.fixture(scope="module")
def engine() -> CT2Engine:
    return CT2Engine(TINY, beam_size=1)


def test_engine_keeps_the_protocol_contract(engine):
    """What the pipeline relies on, called for real: one Translation per input (empty input gives
    empty output without decoding), forced-decoding scores per target piece, a signature naming
    the model and its checksum."""
    first, empty = engine.translate(["The minister said nothing.", "  "], "en", "sr")
    assert isinstance(first.text, str) and first.text and first.tokens and isinstance(first.score, float)
    assert (empty.text, empty.tokens) == ("", ())
    [scored] = engine.score(["The minister said nothing."], [first.text], "en", "sr")
    assert len(scored.log_probs) == len(scored.tokens) > 0 and all(lp <= 0 for lp in scored.log_probs)
    signature = engine.signature()
    assert signature["name"] == "ct2" and len(signature["checksum"]) == 16


@pytest.mark.parametrize("sentence", NEWS)
@pytest.mark.parametrize("lang", ["sr", "hr", "bs", "cnr"])
def test_translation_goes_through_tokenise_label_decode(engine, sentence, lang):
    [result] = engine.translate([sentence], "en", lang)
    assert result.text == sentence  # the copy model returns the pieces it was given
    assert "".join(result.tokens).replace("▁", " ").strip() == sentence
    assert result.score is not None and result.score <= 0


def test_source_tokens_carry_the_label_first(engine):
    head, prefix = engine._affixes("en", "hr")
    assert head == [">>hrv<<"] and prefix is None
    [tokens] = engine._source_tokens(["Sud je odbio."], head)
    assert tokens[0] == ">>hrv<<" and ">>hrv<<" not in tokens[1:]
    assert "</s>" not in tokens  # Marian-converted models append it themselves (add_source_eos)


def test_batch_across_documents_keeps_order(engine):
    batch = NEWS * 6
    small = CT2Engine(TINY, beam_size=2, max_batch_tokens=64)  # many token-based batches
    assert [t.text for t in small.translate(batch, "en", "sr")] == batch


def test_empty_sentences_are_not_sent_to_the_model(engine):
    out = engine.translate(["", "Sud je odbio.", "   "], "en", "sr")
    assert [t.text for t in out] == ["", "Sud je odbio.", ""]


@pytest.mark.parametrize(
    "faithful,changed",
    [
        ("The minister said 15 people were hurt.", "The minister said 51 people were hurt."),
        ("Vlada je odbila budžet.", "Vlada nije odbila budžet."),
        ("Police confirmed the report on Monday.", "Police denied the report on Monday."),
    ],
)
def test_forced_decoding_prefers_the_faithful_target(engine, faithful, changed):
    good, bad = engine.score([faithful, faithful], [faithful, changed], "en", "sr")
    assert good.tokens[-1] == "</s>" and len(good.log_probs) == len(good.tokens)
    assert good.mean > bad.mean + 1.0
    worst = min(range(len(bad.log_probs)), key=bad.log_probs.__getitem__)
    assert bad.log_probs[worst] < -5.0  # the changed piece is where the model objects


def test_score_needs_as_many_targets_as_sources(engine):
    with pytest.raises(EngineError):
        engine.score(["a", "b"], ["a"], "en", "sr")


def test_unsupported_language_is_an_engine_error(engine):
    with pytest.raises(EngineError, match="not en → de"):
        engine.translate(["The court ruled."], "en", "de")


def test_label_missing_from_the_vocabulary_is_an_error(tmp_path):
    model = shutil.copytree(TINY, tmp_path / "tiny")
    manifest = json.loads((model / "backcheck-model.json").read_text())
    manifest["labels"]["sr"] = ">>srp_Latn_xx<<"  # a label the model was never trained with
    (model / "backcheck-model.json").write_text(json.dumps(manifest))
    engine = CT2Engine(model)
    with pytest.raises(EngineError, match=">>srp_Latn_xx<< is not in its vocabulary") as info:
        engine.translate(["The court ruled."], "en", "sr")
    assert info.value.exit_code == ExitCode.ENGINE
    assert engine.translate(["The court ruled."], "en", "hr")[0].text == "The court ruled."


@pytest.mark.parametrize("missing", ["model.bin", "source.spm", "target.spm", "config.json", "backcheck-model.json"])
def test_partial_model_directory_names_the_missing_file(tmp_path, missing):
    model = shutil.copytree(TINY, tmp_path / "tiny")
    (model / missing).unlink()
    with pytest.raises(ModelError, match=missing.replace(".", r"\.")) as info:
        CT2Engine(model)
    assert info.value.exit_code == ExitCode.ENGINE


def test_truncated_model_is_detected_at_load(tmp_path):
    model = shutil.copytree(TINY, tmp_path / "tiny")
    data = (model / "model.bin").read_bytes()
    (model / "model.bin").write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="model.bin has .* bytes"):
        CT2Engine(model)


def test_signature_names_model_checksum_and_settings(engine):
    sig = engine.signature()
    manifest = json.loads((TINY / "backcheck-model.json").read_text())
    assert sig["name"] == "ct2" and sig["model"] == "tiny-copy-en-sh"
    assert manifest["files"]["model.bin"]["sha256"].startswith(sig["checksum"])
    assert sig["compute_type"] == "int8" and sig["beam"] == 1
    assert sig["ctranslate2"] and sig["sentencepiece"]


class _Counting:
    """Counts what reaches the real engine, to tell cache hits from misses."""

    def __init__(self, engine):
        self.engine, self.name, self.seen = engine, engine.name, []

    def translate(self, sentences, src, tgt):
        self.seen.append(list(sentences))
        return self.engine.translate(sentences, src, tgt)

    def score(self, *args):
        return self.engine.score(*args)

    def signature(self):
        return self.engine.signature()


def test_cache_hit_skips_the_model(engine, tmp_path):
    counting = _Counting(engine)
    cached = CachedEngine(counting, TranslationCache(tmp_path / "cache.sqlite3"))
    first = cached.translate(NEWS[:3], "en", "sr")
    second = cached.translate(NEWS[:3] + NEWS[:1], "en", "sr")
    assert counting.seen == [NEWS[:3]]  # the second call was answered from the cache
    assert [t.text for t in second] == NEWS[:3] + NEWS[:1]
    assert second[0] == first[0]  # tokens and score survive the round trip
    cached.translate(NEWS[:1], "en", "hr")  # another direction is another key
    assert counting.seen[-1] == NEWS[:1]


def test_cache_is_keyed_by_signature(engine, tmp_path):
    path = tmp_path / "cache.sqlite3"
    CachedEngine(engine, TranslationCache(path)).translate(NEWS[:2], "en", "sr")
    other = _Counting(CT2Engine(TINY, beam_size=4))  # different beam: different signature
    CachedEngine(other, TranslationCache(path)).translate(NEWS[:2], "en", "sr")
    assert other.seen == [NEWS[:2]]


def test_multilingual_models_use_language_tokens_and_drop_the_prefix(tmp_path):
    """M2M-100/NLLB style: source-language token first, target-language token as decoder prefix.
    The tiny copy model, given a prefix, continues one position later, so its output is the
    source pieces without the first one: the prefix itself must not reach the text."""
    model = shutil.copytree(TINY, tmp_path / "multi")
    manifest = json.loads((model / "backcheck-model.json").read_text())
    manifest.update(
        kind="m2m100",
        labels={},
        source_langs=["en", "hr"],
        target_langs=["en", "hr"],
        lang_tokens={"en": ">>bos_Latn<<", "hr": ">>hrv<<"},
    )
    (model / "backcheck-model.json").write_text(json.dumps(manifest))
    engine = CT2Engine(model, beam_size=1)
    sentence = "Sud je odbio žalbu."
    [result] = engine.translate([sentence], "en", "hr")
    pieces = engine.source_sp.encode(sentence, out_type=str)
    assert result.tokens == tuple(pieces[1:]) and ">>hrv<<" not in result.text
    [scored] = engine.score([sentence], [sentence], "en", "hr")
    assert scored.tokens == (*pieces, "</s>") and len(scored.log_probs) == len(scored.tokens)
    with pytest.raises(EngineError, match="no language token"):
        manifest["lang_tokens"].pop("hr")
        (model / "backcheck-model.json").write_text(json.dumps(manifest))
        CT2Engine(model).translate([sentence], "en", "hr")
