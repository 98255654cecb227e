"""Classification speed, model load time and model size.

    python bench/classify_bench.py [--messages 20000] [--repeat 1] [--baseline-python PATH] [--model DIR]
                                   [--save-texts FILE | --texts FILE]

Classifies the same batch of Arabic tweets/chat lines on one core with
Guardian's classifier (normalise -> features -> model -> labels, no
evidence spans: those are computed only for flagged messages) and prints
messages per second, the model's load time and file size.  With
`--baseline-python` pointing at a Python that has the `arabic-toxic`
package installed (e.g. `python -m venv /tmp/at && /tmp/at/bin/pip install
arabic-toxic`), it runs that package on the same texts in the same run and
prints the ratio.  `--repeat N` times each side N times and keeps the
fastest run (the machine may be shared; Guardian's word caches are warm
after the first run, as they are a few thousand messages into a chat).
The texts are sampled from the corpus, which grows: to compare two
versions on the same texts, `--save-texts` the sample once and pass it to
each with `--texts` (one message per line).
Targets: at least 5x arabic-toxic, load < 0.5 s, model file < 20 MB.
(arabic-toxic loads a joblib pickle; it runs only in that separate
interpreter, never inside Guardian.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

os.environ.setdefault("OMP_NUM_THREADS", "1")        # one core, as the target says
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

_BASELINE = """
import json, sys, time
import arabic_toxic
texts = json.load(open(sys.argv[1], encoding="utf-8"))
arabic_toxic.predict_proba(texts[:10])          # load the model first
best = float("inf")
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    arabic_toxic.predict_proba(texts)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"seconds": best}))
"""


def texts_for_bench(count: int) -> list[str]:
    """Real text when ../shared/data is present, else our own corpus."""
    from guardian.analysis import corpus
    pool = [ex.text for ex in corpus.our_corpus()]
    shared = corpus.SHARED_DATA / "train" / "osact2020_train.tsv"
    if shared.is_file():
        pool += [ex.text for ex in corpus.osact2020("train")]
    rng = random.Random(1)
    # Distinct texts where the pool allows: `classify` classifies each
    # distinct message once, so repeats would flatter our figure.
    pool = list(dict.fromkeys(pool))
    if count <= len(pool):
        return rng.sample(pool, count)
    return [rng.choice(pool) for _ in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per side; the fastest counts")
    parser.add_argument("--baseline-python", help="a Python with arabic-toxic installed")
    parser.add_argument("--model", type=Path, default=ROOT / "assets" / "model",
                        help="model folder (default: the shipped model)")
    parser.add_argument("--save-texts", type=Path, metavar="FILE", help="write the sampled texts here")
    parser.add_argument("--texts", type=Path, metavar="FILE",
                        help="classify these texts (one per line) instead of a sample")
    args = parser.parse_args()
    if args.texts:
        texts = [line for line in args.texts.read_text(encoding="utf-8").split("\n") if line]
    else:
        texts = texts_for_bench(args.messages)
    if args.save_texts:
        # one message per line: corpus texts are single lines
        args.save_texts.write_text("\n".join(texts) + "\n", encoding="utf-8")

    from guardian.analysis.classify import Classifier
    from guardian.analysis.model import MODEL_STEM, Model
    folder = args.model
    Model.load(folder)                       # warm the imports and the OS file cache
    start = time.perf_counter()
    model = Model.load(folder)
    load_seconds = time.perf_counter() - start
    classifier = Classifier(model)
    classifier.classify(texts[:100])
    seconds = float("inf")
    for _ in range(max(args.repeat, 1)):
        start = time.perf_counter()
        predictions = classifier.classify(texts, with_spans=False)
        seconds = min(seconds, time.perf_counter() - start)
    ours = len(texts) / seconds
    flagged = sum(1 for p in predictions if p.labels)
    size_mb = (folder / f"{MODEL_STEM}.npz").stat().st_size / 1e6
    print(f"texts: {len(texts):,}  flagged: {flagged:,}")
    print(f"Guardian classify (one core, no spans): {ours:,.0f} messages/s")
    start = time.perf_counter()
    classifier.classify(texts[:2000], with_spans=True)
    print(f"Guardian classify with evidence spans:  {2000 / (time.perf_counter() - start):,.0f} messages/s")
    print(f"model load: {load_seconds:.3f} s   model file: {size_mb:.1f} MB")
    if args.baseline_python:
        with tempfile.TemporaryDirectory() as folder_:
            data = Path(folder_) / "texts.json"
            data.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
            command = [args.baseline_python, "-c", _BASELINE, str(data), str(max(args.repeat, 1))]
            out = subprocess.run(command, capture_output=True, text=True, check=True, env={**os.environ}).stdout
        baseline = len(texts) / json.loads(out.strip().splitlines()[-1])["seconds"]
        print(f"arabic-toxic predict_proba:             {baseline:,.0f} messages/s")
        print(f"ratio: {ours / baseline:.1f}x (target >= 5x)")
    else:
        print("(pass --baseline-python to compare with the arabic-toxic package in the same run)")


if __name__ == "__main__":
    main()
