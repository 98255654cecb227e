"""Import speed and memory on a large Arabic-locale WhatsApp export.

    python bench/import_bench.py [--messages 1000000] [--locale ar|en] [--beside-media] [--runs N]
                                 [--whatstk PYTHON]

Generates an Android Arabic-locale export (Arabic-Indic digits, RLM marks,
Arabic comma, ص/م; or, with `--locale en`, the English-locale lines
whatstk's figure below was measured on: "1/1/24, 2:07 PM - Name: text"),
then prints, for the same file:
  - a plain line-splitting loop (the floor: reading the bytes, nothing else),
  - Guardian's parser alone,
  - Guardian's full import (parse, encrypt, store in SQLite),
each as messages per second and peak memory, measured in a fresh process
so one run's memory cannot hide in another's.  On a shared machine the
figures vary from run to run: `--runs N` measures the import N times and
prints the range.
For scale (measured on this kind of machine): whatstk 0.9.1 parses a
1,000,000-message English-locale export at about 140,000 messages/s with a
1 GB peak.  Target: beat that while parsing, encrypting and storing, with
peak memory under 200 MB.  A big export is imported by a process per core
(`guardian.split_import`); its peak is the importing process's plus each
worker's, and the figure printed is that sum.

This machine's speed drifts from hour to hour, so the fair comparison is
whatstk on the same file in the same run: `--whatstk PYTHON` names a Python
with whatstk 0.9.1 installed (`python -m venv W && W/bin/pip install
whatstk==0.9.1`) and, after each import, times whatstk's parse of the file
with its header format given (its fastest way, as in the figure above;
use `--locale en`: whatstk misreads the Arabic locale).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
WHATSTK_HFORMAT = "%m/%d/%y, %I:%M %p - %name:"   # the lines `generate` writes with locale "en"
SENDERS = ["ريم", "سارة العتيبي", "نورة", "~ جود", "+966 50 123 4567", "لمى", "هيا", "دانة"]
WORDS = ["مرحبا", "كيفك", "اليوم", "الواجب", "الامتحان", "بكرة", "المدرسة", "هههه", "والله",
         "صدق", "تمام", "اوكي", "شفتي", "المعلمة", "الرياضيات", "الفسحة", "حلو", "جدا", "ليش",
         "مدري", "يلا", "نلعب", "فورتنايت", "😂", "❤️", "👍", "ok", "lol"]


def _header(english: bool, day: int, month: int, year: int, hour24: int, mins: int) -> str:
    """A message line's date and time as the phone's locale writes them."""
    hour12 = hour24 % 12 or 12
    if english:
        return f"{month}/{day}/{year % 100:02d}, {hour12}:{mins:02d} {'AM' if hour24 < 12 else 'PM'}"
    date = f"{day}\u200f/{month}\u200f/{year}".translate(ARABIC_DIGITS)
    clock = f"{hour12}:{mins:02d}".translate(ARABIC_DIGITS)
    return f"{date}\u060c {clock} {'ص' if hour24 < 12 else 'م'}"


def generate(path: Path, count: int, seed: int = 7, locale: str = "ar") -> int:
    rng = random.Random(seed)
    minute = 0
    english = locale == "en"
    media = "<Media omitted>" if english else "<تم استبعاد الوسائط>"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("1/1/24, 12:00 AM - Messages and calls are end-to-end encrypted.\n" if english else
                "١\u200f/١\u200f/٢٠٢٤، ١٢:٠٠ ص - \u200fالرسائل والمكالمات مشفرة تمامًا بين الطرفين.\n")
        for i in range(count):
            minute += rng.choice((0, 0, 1, 1, 2, 5))
            day, rest = divmod(minute, 24 * 60)
            hour24, mins = divmod(rest, 60)
            month, dom = divmod(day, 28)
            year = 2024 + month // 12
            month = month % 12 + 1
            body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 12)))
            if i % 50 == 0:
                body += "\n" + " ".join(rng.choice(WORDS) for _ in range(4))
            if i % 97 == 0:
                body = media
            header = _header(english, dom + 1, month, year, hour24, mins)
            f.write(f"{header} - {rng.choice(SENDERS)}: {body}\n")
    return count


def _child(mode: str, path: str) -> None:
    """Runs in a fresh process; prints {"seconds", "messages", "peak_mb"}."""
    import resource
    from zoneinfo import ZoneInfo
    start = time.perf_counter()
    workers = 0
    if mode == "lines":
        messages = 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line[:1].isdigit():
                    messages += 1
    elif mode == "parse":
        from guardian.importers import whatsapp
        from guardian.importers.base import ParseContext
        from guardian.importers.testing import source_from_path
        messages = sum(1 for _ in whatsapp.parse(source_from_path(Path(path)),
                                                 ParseContext(tz=ZoneInfo("Asia/Riyadh"))))
    elif mode == "whatstk":          # run by the --whatstk interpreter, without Guardian
        from whatstk import df_from_whatsapp
        messages = len(df_from_whatsapp(path, hformat=WHATSTK_HFORMAT, max_size=None))
    else:
        from guardian.importing import import_paths
        from guardian.store.database import Store, Unlock
        with tempfile.TemporaryDirectory() as folder:
            store = Store.open(Path(folder) / "bench.sqlite3", Unlock(ephemeral=True))
            report = import_paths(store, [Path(path)], tz=ZoneInfo("Asia/Riyadh"), tz_name="Asia/Riyadh")
            messages = report.sources[0].messages
            workers = report.sources[0].parts if report.sources[0].parts > 1 else 0
            store.close()
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The largest worker process (none unless the import was split).
    worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "messages": messages,
                      "peak_mb": (peak_kb + workers * worker_kb) / 1024, "workers": workers}))


def measure(mode: str, path: Path, python: str = sys.executable) -> dict[str, float]:
    out = subprocess.run([python, __file__, "--child", mode, str(path)], capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--locale", choices=("ar", "en"), default="ar",
                        help="ar: Arabic-locale lines (default); en: English-locale lines, like for "
                             "like with the whatstk figure")
    parser.add_argument("--beside-media", action="store_true",
                        help="put a media file next to the export, as in a zip exported with "
                             "media or a downloads folder (the importer then checks bodies "
                             "against the file names)")
    parser.add_argument("--runs", type=int, default=1,
                        help="measure the full import this many times (default 1)")
    parser.add_argument("--whatstk", metavar="PYTHON",
                        help="a Python with whatstk 0.9.1: time it on the same file after each import")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "WhatsApp Chat with bench.txt"
        generate(path, args.messages, locale=args.locale)
        if args.beside_media:
            (Path(folder) / "IMG-20240101-WA0001.jpg").write_bytes(b"\xff\xd8\xff\xd9")
        size_mb = path.stat().st_size / 1e6
        print(f"export: {args.messages:,} messages, {size_mb:.0f} MB (Android, "
              f"{'English' if args.locale == 'en' else 'Arabic'} locale"
              f"{', next to a media file' if args.beside_media else ''})")
        floor = None
        imports = []
        ratios = []
        runs = [("import", "Guardian import (parse + encrypt + store)")]
        if args.whatstk:
            runs.append(("whatstk", "whatstk 0.9.1 parse (header format given)"))
        for mode, label in (("lines", "plain line splitting"), ("parse", "Guardian parser only"),
                            *runs * args.runs):
            r = measure(mode, path, args.whatstk if mode == "whatstk" else sys.executable)
            rate = r["messages"] / r["seconds"]
            floor = floor or rate
            workers = f", {r['workers']:.0f} workers" if r.get("workers") else ""
            print(f"{label:<45} {r['messages']:>9,} msgs {r['seconds']:7.2f} s "
                  f"{rate:>11,.0f} msgs/s  peak {r['peak_mb']:6.0f} MB  ({rate / floor:.2f}x floor{workers})")
            if mode == "import":
                imports.append((rate, r["peak_mb"]))
            elif mode == "whatstk":
                ratios.append(imports[-1][0] / rate)
                print(f"{'':<45} Guardian import / whatstk: {ratios[-1]:.2f}x")
        if len(imports) > 1:
            rates, peaks = [rate for rate, _ in imports], [peak for _, peak in imports]
            print(f"import over {len(imports)} runs: {min(rates):,.0f} - {max(rates):,.0f} msgs/s, "
                  f"peak {min(peaks):.0f} - {max(peaks):.0f} MB")
        if len(ratios) > 1:
            print(f"Guardian import / whatstk over {len(ratios)} runs: {min(ratios):.2f}x - {max(ratios):.2f}x "
                  f"(median {statistics.median(ratios):.2f}x)")


if __name__ == "__main__":
    main()
