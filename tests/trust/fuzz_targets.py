"""The fuzzing harness shared by `test_fuzz_importers.py` (a few hundred
cases per importer in CI) and `bench/fuzz.py` (as many as you like, plus
atheris).

A target is an importer module.  Its seeds are the fixture files under
tests/fixtures/ that the importer's own `sniff` claims (so a new importer
with fixtures is fuzzed from real files automatically); every case is a
mutated seed or random bytes, imported through the real entry point
`guardian.importing.import_paths` into a throwaway store.  Success and
`BadExport` are the only acceptable outcomes.  Anything else, a case that
only the importing safety net turned into `BadExport` (an importer raising
ValueError and the like), or a case slower than `SLOW_SECONDS` is a bug:
the input is saved to the failures folder with its traceback.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import logging
import os
import pkgutil
import shutil
import tempfile
import time
import traceback
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SLOW_SECONDS = 20.0
MAX_SEED_BYTES = 256 * 1024          # bigger fixtures make slow cases, not better ones

# Marks that are invisible in text but change how it is read, and bytes
# that trip decoders.
BIDI_AND_FRIENDS = ("\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                    "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufeff", "\u200b",
                    "\u200d", "\x00", "\u2028", "\u2029", "\r", "\n", "\x85")
NASTY_BYTES = (b"\x00", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80", b"\xc0\x80",
               b"\xf4\x90\x80\x80", b"\xe2\x80", b"\\u0000", b"\\ud800", b"&#xD800;", b"]]>",
               b"\"", b"{", b"[", b"<", b"&", b",", b"\r\n", b"\n\n")


def registered_modules() -> tuple[str, ...]:
    """What the app really dispatches to, read now (not at import)."""
    from guardian.importers import registry
    return tuple(registry.IMPORTER_MODULES) + tuple(registry.EXPLICIT_MODULES)


def discovered_modules() -> tuple[str, ...]:
    """Every importer module in the package, registered or not yet."""
    import guardian.importers as package
    found = []
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_") or info.name in ("base", "registry", "sources", "testing"):
            continue
        module = importlib.import_module(f"guardian.importers.{info.name}")
        if all(hasattr(module, attr) for attr in ("FORMAT", "sniff", "parse")):
            found.append(info.name)
    return tuple(sorted(found))


@functools.lru_cache(maxsize=None)
def seeds_for(module_name: str) -> tuple[Path, ...]:
    """Fixture files this importer claims."""
    from guardian.importers.testing import source_from_path
    module = importlib.import_module(f"guardian.importers.{module_name}")
    seeds = []
    for path in sorted(FIXTURES.rglob("*")):
        if not path.is_file() or path.stat().st_size > MAX_SEED_BYTES:
            continue
        try:
            if module.sniff(source_from_path(path)):
                seeds.append(path)
        except Exception:  # a sniffer that raises is the fuzzer's business, not the seed finder's
            continue
    if not seeds:
        # Formats the parent picks explicitly never sniff: their fixtures
        # live under tests/fixtures/<FORMAT>/.
        folder = FIXTURES / str(module.FORMAT)
        seeds = [p for p in sorted(folder.rglob("*")) if p.is_file()] if folder.is_dir() else []
    return tuple(seeds)


@dataclass(frozen=True)
class Outcome:
    kind: str            # "ok", "refused", or a bug: "crash", "net", "slow"
    detail: str = ""
    saved: str = ""

    @property
    def is_bug(self) -> bool:
        return self.kind not in ("ok", "refused")


class _NetCatcher(logging.Handler):
    """Hears the importing safety net ("importer %s failed")."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.caught: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("importer ") and record.exc_info:
            self.caught.append("".join(traceback.format_exception(*record.exc_info)))


def failures_dir() -> Path:
    folder = Path(os.environ.get("GUARDIAN_FUZZ_FAILURES")
                  or Path(tempfile.gettempdir()) / "guardian-fuzz-failures")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def run_case(module_name: str, seed: Path | None, data: bytes, workdir: Path) -> Outcome:
    """Import `data` (in place of `seed`, beside its sibling files) and
    classify what happened."""
    from guardian.importers import registry
    from guardian.importers.base import BadExport, Cancelled
    from guardian.importers.testing import source_from_path
    from guardian.importing import import_paths
    from guardian.store.database import Store, Unlock

    module = importlib.import_module(f"guardian.importers.{module_name}")
    case = workdir / "case"
    shutil.rmtree(case, ignore_errors=True)
    case.mkdir(parents=True)
    if seed is not None:
        for sibling in seed.parent.iterdir():
            if sibling.is_file() and sibling != seed:
                shutil.copy(sibling, case / sibling.name)
        path = case / seed.name
    else:
        path = case / "export.bin"
    path.write_bytes(data)
    db = workdir / "fuzz.sqlite3"
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)

    explicit = None
    if module_name not in registry.IMPORTER_MODULES:
        explicit = (module, module.parse)
        if module_name not in registry.EXPLICIT_MODULES:
            # Not registered yet: behave as if it were, i.e. parse only
            # what its sniffer claims.
            try:
                claimed = module.sniff(source_from_path(path))
            except Exception:
                return _bug(module_name, "crash", "sniff raised:\n" + traceback.format_exc(), data)
            if not claimed:
                return Outcome("refused", "not claimed")

    catcher = _NetCatcher()
    importing_log = logging.getLogger("guardian.importing")
    importing_log.addHandler(catcher)
    started = time.monotonic()
    try:
        with Store.open(db, Unlock(ephemeral=True)) as store:
            import_paths(store, [path], tz=timezone.utc, tz_name="UTC", explicit=explicit)
            assert store.integrity_ok()
        outcome = Outcome("ok")
    except BadExport as exc:
        outcome = Outcome("refused", exc.problem)
    except Cancelled:
        outcome = Outcome("crash", "Cancelled without a cancel request")
    except Exception:
        outcome = Outcome("crash", traceback.format_exc())
    finally:
        importing_log.removeHandler(catcher)
    elapsed = time.monotonic() - started
    if catcher.caught:
        outcome = Outcome("net", "the importing safety net caught:\n" + catcher.caught[0])
    elif not outcome.is_bug and elapsed > SLOW_SECONDS:
        outcome = Outcome("slow", f"took {elapsed:.1f} s")
    if outcome.is_bug:
        return _bug(module_name, outcome.kind, outcome.detail, data)
    return outcome


def _bug(module_name: str, kind: str, detail: str, data: bytes) -> Outcome:
    digest = hashlib.sha1(data).hexdigest()[:12]
    folder = failures_dir()
    saved = folder / f"{module_name}-{kind}-{digest}.bin"
    saved.write_bytes(data)
    (folder / f"{module_name}-{kind}-{digest}.txt").write_text(detail, encoding="utf-8")
    return Outcome(kind, detail, str(saved))


def signature(outcome: Outcome) -> str:
    """Where a bug happens (exception type and the innermost Guardian
    frame), to count distinct bugs rather than cases."""
    lines = [line.strip() for line in outcome.detail.splitlines()]
    frames = [line for line in lines if line.startswith('File "') and "/guardian/" in line]
    last = lines[-1] if lines else ""
    return f"{outcome.kind}: {last.split(':')[0]} at {frames[-1] if frames else '?'}"


# --- mutations ----------------------------------------------------------------------


def mutate(data: bytes, ops: list[tuple[str, int, int, bytes]]) -> bytes:
    """Apply (operation, position, length, payload) edits; positions wrap."""
    buf = bytearray(data)
    for op, pos, length, payload in ops:
        size = len(buf)
        at = pos % (size + 1)
        if op == "flip" and size:
            buf[at % size] ^= 1 << (length % 8)
        elif op == "truncate":
            del buf[at:]
        elif op == "duplicate" and size:
            chunk = buf[at:at + length]
            buf[at:at] = chunk * (1 + length % 3)
        elif op == "delete":
            del buf[at:at + length]
        elif op == "insert":
            buf[at:at] = payload
        elif op == "replace":
            buf[at:at + len(payload)] = payload
    return bytes(buf)


def hypothesis_strategy(seeds: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    """(seed or None, bytes): a mutated seed, or random bytes."""
    from hypothesis import strategies as st

    unicode_payload = st.text(
        alphabet=st.one_of(st.sampled_from(BIDI_AND_FRIENDS), st.characters(codec="utf-8")),
        min_size=1, max_size=40).map(lambda s: s.encode("utf-8"))
    payload = st.one_of(unicode_payload, st.sampled_from(NASTY_BYTES), st.binary(min_size=1, max_size=64))
    op = st.tuples(st.sampled_from(["flip", "truncate", "duplicate", "delete", "insert", "replace",
                                    "insert", "flip"]),
                   st.integers(0, 2**31), st.integers(0, 4096), payload)
    random_bytes = st.tuples(st.none(), st.binary(max_size=8192))
    if not seeds:
        return random_bytes
    contents = {seed: seed.read_bytes() for seed in seeds}
    mutated = st.tuples(st.sampled_from(seeds), st.lists(op, min_size=1, max_size=4)).map(
        lambda pair: (pair[0], mutate(contents[pair[0]], pair[1])))
    choices = [mutated, mutated, random_bytes]
    documents = {seed: _json_or_none(data) for seed, data in contents.items()}
    json_seeds = [seed for seed, doc in documents.items() if doc is not None]
    if json_seeds:
        # Byte edits almost always break JSON, so the importer never gets
        # past json.loads; these edits keep the document valid and change
        # what is in it.
        text = st.text(alphabet=st.one_of(st.sampled_from(BIDI_AND_FRIENDS), st.characters()),
                       max_size=30)
        leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-2**70, 2**70),
                         st.floats(allow_nan=False, allow_infinity=False), text)
        value = st.recursive(leaf, lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(text, inner, max_size=3)), max_leaves=6)
        edit = st.tuples(st.integers(0, 2**31), st.sampled_from(["set", "set", "drop"]), value)
        structural = st.tuples(st.sampled_from(json_seeds), st.lists(edit, min_size=1, max_size=4)).map(
            lambda pair: (pair[0], edit_json(documents[pair[0]], pair[1])))
        choices += [structural, structural, structural]
    return st.one_of(*choices)


def _json_or_none(data: bytes) -> object:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None


def edit_json(document: object, edits: list[tuple[int, str, object]]) -> bytes:
    """Replace or drop values at chosen places of a JSON document."""
    doc = json.loads(json.dumps(document))
    for pick, action, value in edits:
        places: list[tuple[object, object]] = []

        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key in list(node):
                    places.append((node, key))
                    walk(node[key])
            elif isinstance(node, list):
                for index in range(len(node)):
                    places.append((node, index))
                    walk(node[index])

        walk(doc)
        if not places:
            doc = value
            continue
        parent, key = places[pick % len(places)]
        if action == "drop":
            del parent[key]  # type: ignore[index, attr-defined]
        else:
            parent[key] = value  # type: ignore[index]
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
