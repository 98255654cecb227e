"""How often each Arabic word occurs in our chat corpus, so that `arabizi`
can choose between the Arabic letters one Latin letter may stand for.

Arabizi written without digits loses letters: "h" is ه or ح, "s" س or ص,
"t" ت or ط, "d" د or ض, "k" ك or ق (Maghrebi "nektlek"), and a first "a"
is ا or ع.  Letter by letter, "jarraht" becomes جرهت and "andi" اندي;
the spelling our Arabic-script chat actually uses (جرحت, عندي) is the one
to keep.  The counts come from the Arabic-script lines of our own corpus
(`training/corpus`, written by the Guardian team; no licensed data), words
taken from the original text before any transliteration, so the list never
depends on the Arabizi reading it steers.

    python -m guardian.analysis.arabic_words

rewrites data/arabic_words.txt from training/corpus.  Rerun it after adding
corpus files, then `guardian train`: the list changes normalisation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "arabic_words.txt"
MIN_COUNT = 2          # words seen once are as often typos as words
_ARABIC_RUN = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652\u0640]+")
_HEADER = ("# Arabic words of Guardian's own chat corpus (training/corpus, Arabic-script words only) and how\n"
           "# often each occurs, in normalised forms.  Regenerate with `python -m guardian.analysis.arabic_words`.\n")


@lru_cache(maxsize=1)
def _counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                word, _, count = line.rstrip("\n").partition("\t")
                counts[word] = int(count)
    return counts


def frequency(word: str) -> int:
    """How often `word` (normalised Arabic) occurs in our corpus; 0 if
    fewer than MIN_COUNT times."""
    return _counts().get(word, 0)


def count_words(texts: Iterable[str]) -> Counter[str]:
    """Normalised Arabic words of the texts' Arabic-script runs.  Each run is
    normalised alone, so Latin words next to it are never transliterated
    into the counts."""
    from guardian.analysis.normalize import normalize_text
    counts: Counter[str] = Counter()
    for text in texts:
        for run in _ARABIC_RUN.findall(text):
            counts.update(word for word in normalize_text(run).split() if len(word) > 1)
    return counts


def listed_counts(texts: Iterable[str]) -> dict[str, int]:
    """What the list holds for these texts: their words seen MIN_COUNT
    times or more."""
    return {w: n for w, n in count_words(texts).items() if n >= MIN_COUNT}


def write(corpus_dir: Path | None = None, out: Path = DATA) -> int:
    """Rewrite the list from the corpus; how many words it holds."""
    from guardian.analysis import corpus
    examples = corpus.our_corpus(corpus_dir or corpus.CORPUS_DIR)
    kept = sorted(listed_counts(ex.text for ex in examples).items(), key=lambda wn: (-wn[1], wn[0]))
    out.write_text(_HEADER + "".join(f"{w}\t{n}\n" for w, n in kept), encoding="utf-8")
    _counts.cache_clear()
    return len(kept)


if __name__ == "__main__":
    print(write(), "words")
