"""Fuzz the importers for a long time: the CI fuzz test's targets, more cases.

    python bench/fuzz.py [--examples 5000] [--module whatsapp ...] [--all]
                         [--atheris SECONDS]

Each importer (the registered ones; `--all` adds those written but not
registered yet) gets `--examples` hypothesis cases: mutated fixture files,
structure-aware JSON edits and random bytes, each imported through
`guardian.importing.import_paths` into a throwaway store (see
tests/trust/fuzz_targets.py).  With `--atheris N` (and atheris installed:
`pip install atheris`), each importer then gets N seconds of coverage-guided
fuzzing from its fixtures too.

Prints, per importer, the cases run, how many imported, were refused, and
were bugs (distinct bugs by place), and where the failing inputs were saved
($GUARDIAN_FUZZ_FAILURES, default <tmp>/guardian-fuzz-failures).  Exits 1
if any importer had a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "trust"))

import fuzz_targets  # noqa: E402


def run_hypothesis(module_name: str, examples: int, workdir: Path) -> Counter[str]:
    from hypothesis import HealthCheck, given, settings

    counts: Counter[str] = Counter()
    bugs: dict[str, str] = {}

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(fuzz_targets.hypothesis_strategy(fuzz_targets.seeds_for(module_name)))
    def fuzz(case: tuple[Path | None, bytes]) -> None:
        seed, data = case
        outcome = fuzz_targets.run_case(module_name, seed, data, workdir)
        counts[outcome.kind] += 1
        if outcome.is_bug:
            bugs.setdefault(fuzz_targets.signature(outcome), outcome.saved)

    fuzz()
    for sig, saved in bugs.items():
        print(f"    bug: {sig}\n         input: {saved}")
    counts["distinct bugs"] = len(bugs)
    return counts


def run_atheris(module_name: str, seconds: int, workdir: Path) -> Counter[str] | None:
    """Coverage-guided fuzzing in a child process (atheris owns the process
    it runs in and exits when done)."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("    atheris is not installed (pip install atheris); skipped")
        return None
    import json
    import subprocess
    corpus = workdir / "corpus"
    corpus.mkdir(exist_ok=True)
    for seed in fuzz_targets.seeds_for(module_name):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    stats = workdir / "atheris-stats.json"
    child = f"""
import atheris, json, sys
sys.path[:0] = {[str(ROOT / "src"), str(ROOT / "tests" / "trust")]!r}
with atheris.instrument_imports():
    import guardian.importers.{module_name}
import fuzz_targets
from pathlib import Path
from collections import Counter
seeds = fuzz_targets.seeds_for({module_name!r})
counts = Counter()
def flush():
    Path({str(stats)!r}).write_text(json.dumps(counts))
def one(data):
    seed = seeds[data[0] % len(seeds)] if seeds and data else None
    outcome = fuzz_targets.run_case({module_name!r}, seed, data[1:], Path({str(workdir)!r}))
    counts[outcome.kind] += 1
    if sum(counts.values()) % 50 == 0 or outcome.is_bug:
        flush()
    if outcome.is_bug:
        print("    bug:", fuzz_targets.signature(outcome), "input:", outcome.saved, flush=True)
atheris.Setup([sys.argv[0], "-max_total_time={seconds}", "-max_len=262144", {str(corpus)!r}], one)
import atexit
atexit.register(flush)
atheris.Fuzz()
"""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run([sys.executable, "-c", child], env=env, cwd=workdir,
                   stdout=subprocess.DEVNULL if not os.environ.get("FUZZ_VERBOSE") else None,
                   stderr=subprocess.DEVNULL if not os.environ.get("FUZZ_VERBOSE") else None,
                   timeout=seconds + 600)
    if not stats.exists():
        return Counter()
    return Counter(json.loads(stats.read_text()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="hypothesis cases per importer")
    parser.add_argument("--module", action="append", help="only this importer module (repeatable)")
    parser.add_argument("--all", action="store_true", help="also importers not registered yet")
    parser.add_argument("--atheris", type=int, default=0, metavar="SECONDS",
                        help="then run atheris this long per importer")
    args = parser.parse_args()
    import logging
    logging.disable(logging.CRITICAL)   # the safety net's log.exception is counted, not printed
    modules = args.module or (fuzz_targets.discovered_modules() if args.all
                              else fuzz_targets.registered_modules())
    print(f"failing inputs go to {fuzz_targets.failures_dir()}")
    total_bugs = 0
    for name in modules:
        seeds = fuzz_targets.seeds_for(name)
        with tempfile.TemporaryDirectory(prefix=f"fuzz-{name}-") as tmp:
            started = time.monotonic()
            print(f"{name}: {len(seeds)} seed(s)", flush=True)
            counts = run_hypothesis(name, args.examples, Path(tmp))
            ran = sum(v for k, v in counts.items() if k != "distinct bugs")
            bugs = ran - counts["ok"] - counts["refused"]
            total_bugs += bugs
            print(f"  hypothesis: {ran} cases in {time.monotonic() - started:.0f} s: "
                  f"{counts['ok']} imported, {counts['refused']} refused, {bugs} failures "
                  f"({counts['distinct bugs']} distinct)", flush=True)
            if args.atheris:
                started = time.monotonic()
                found = run_atheris(name, args.atheris, Path(tmp))
                if found is not None:
                    ran = sum(found.values())
                    bugs = ran - found["ok"] - found["refused"]
                    total_bugs += bugs
                    print(f"  atheris: {ran} cases in {time.monotonic() - started:.0f} s: "
                          f"{found['ok']} imported, {found['refused']} refused, {bugs} failures",
                          flush=True)
    print(f"total failures: {total_bugs}")
    return 1 if total_bugs else 0


if __name__ == "__main__":
    sys.exit(main())
