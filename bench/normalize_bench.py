"""Speed of text normalisation on short chat messages, one core.

    python bench/normalize_bench.py [--messages 200000] [--tracked 20000]

Builds a fixed mix of short messages (Gulf, Egyptian, Levantine, Maghrebi
Arabic, Arabizi, English, emoji, diacritics, elongation, obfuscation) and
prints messages per second for `normalize_text` (the fast path used for
training and scoring; target > 50,000/s) and for `normalize` (with the map
back to the original; runs only on flagged messages).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SAMPLES = [
    "وين انت؟ صار لي ساعة انتظرك",
    "هههههههه والله انك فلة 😂😂",
    "يا كلب والله لأوريك بكرة بعد المدرسة",
    "إنتَ مِش فاهِم حاجة خالص",
    "ابعتلي صورتك دلوقتي ومتقولش لحد",
    "شو عم تعمل؟ تعا نلعب فورتنايت",
    "ya 7mar enta msh fahem 7aga",
    "ib3atli sortak w ma t2olish l7ad",
    "send me a pic rn lol",
    "ok see you tomorrow at school 👍",
    "ك ل ب  انت و اهلك",
    "ش.ر.م.و.ط.ة",
    "n9tlek ila ma jitich",
    "لا تقولين لأحد، هذا سر بيني وبينك 🤫",
    "انا تعبانة ومابي اعيش خلاص 💔",
    "الحين رح انشر صورك بالقروب اذا ما دفعتي",
    "كلببببب 😡😡😡",
    "gg ez noob 😂",
    "ana ba7ebak ya 7abibi ❤️",
    "یا حیوان کلب",
    "أهلاً وسهلاً، كيف حالك اليوم؟",
    "Where r u?? mama is looking for u",
    "١٢ ساعة و ٣٠ دقيقة",
    "اوكي",
]


def corpus(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(SAMPLES) + rng.choice(("", "", " ", "!", " 😂", "؟")) for _ in range(count)]


def rate(function, messages: list[str], repeats: int = 3) -> float:
    """Best of `repeats` runs, in CPU time (other processes do not count)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        for message in messages:
            function(message)
        best = min(best, time.process_time() - start)
    return len(messages) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--tracked", type=int, default=20_000)
    args = parser.parse_args()

    start = time.perf_counter()
    from guardian.analysis.normalize import normalize, normalize_text
    print(f"import guardian.analysis.normalize: {time.perf_counter() - start:.2f} s")

    messages = corpus(args.messages)
    normalize_text(messages[0])
    chars = sum(map(len, messages)) / len(messages)
    print(f"messages: {len(messages):,}, mean length {chars:.0f} characters")
    print(f"normalize_text: {rate(normalize_text, messages):,.0f} messages/s")
    print(f"normalize:      {rate(normalize, messages[:args.tracked]):,.0f} messages/s")


if __name__ == "__main__":
    main()
