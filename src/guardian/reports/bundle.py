"""The counsellor bundle: one .zip with the report in every format and a
manifest of SHA-256 hashes, so anyone can check later that nothing in it
was changed, removed or added.

``manifest.json``::

    {"format": 1, "report_id", "app_version", "created",
     "files": {"report.pdf": {"sha256", "size"}, ...},
     "sources": [{"path", "sha256"}]}     # hashes of the original exports
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from guardian.atomic import write_atomic
from guardian.reports.csv_report import render_csv
from guardian.reports.document import ReportDocument
from guardian.reports.html_report import render_html
from guardian.reports.json_report import render_json
from guardian.reports.pdf_report import render_pdf
from guardian.reports.safety import json_escape_unsafe

MANIFEST = "manifest.json"
RENDERERS: dict[str, Callable[[ReportDocument], bytes]] = {
    "report.pdf": render_pdf,
    "report.html": lambda doc: render_html(doc).encode("utf-8"),
    "findings.csv": render_csv,
    "report.json": render_json,
}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _zip_time(created: str) -> tuple[int, int, int, int, int, int]:
    try:
        t = datetime.fromisoformat(created)
        if t.year >= 1980:
            return (t.year, t.month, t.day, t.hour, t.minute, t.second)
    except ValueError:
        pass
    return (1980, 1, 1, 0, 0, 0)


def manifest(doc: ReportDocument, files: dict[str, bytes]) -> dict[str, object]:
    return {
        "format": 1,
        "report_id": doc.report.id,
        "app_version": doc.report.app_version,
        "created": doc.report.created,
        "files": {name: {"sha256": _sha256(data), "size": len(data)} for name, data in files.items()},
        "sources": [{"path": s.path, "sha256": s.sha256} for s in doc.sources],
    }


def write_bundle(doc: ReportDocument, out_zip: Path) -> dict[str, object]:
    """Render every format and write them with the manifest into `out_zip`
    (atomically).  Returns the manifest."""
    files = {name: render(doc) for name, render in RENDERERS.items()}
    meta = manifest(doc, files)
    meta_bytes = (json_escape_unsafe(json.dumps(meta, ensure_ascii=False, indent=1)) + "\n").encode("utf-8")
    when = _zip_time(doc.report.created)

    def write(f: BinaryIO) -> None:
        with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for name, data in [*files.items(), (MANIFEST, meta_bytes)]:
                info = zipfile.ZipInfo(name, date_time=when)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data)

    write_atomic(Path(out_zip), write)
    return meta


@dataclass
class VerifyResult:
    """What `verify_bundle` found.  `ok` only when every file listed in the
    manifest is present with its hash and nothing else was added."""

    report_id: str = ""
    app_version: str = ""
    verified: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.changed or self.missing or self.added or self.problems)

    def lines(self) -> list[str]:
        out = []
        if self.report_id:
            out.append(f"Report {self.report_id} (Guardian {self.app_version})")
        out += [f"PROBLEM  {p}" for p in self.problems]
        out += [f"CHANGED  {n} (its SHA-256 no longer matches the manifest)" for n in self.changed]
        out += [f"MISSING  {n} (listed in the manifest, not in the bundle)" for n in self.missing]
        out += [f"ADDED    {n} (in the bundle, not in the manifest)" for n in self.added]
        out += [f"OK       {n}" for n in self.verified]
        out.append("Bundle is intact." if self.ok else "Bundle was modified or is damaged.")
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def verify_bundle(path: Path) -> VerifyResult:
    """Re-hash every file in the bundle against its manifest."""
    result = VerifyResult()
    try:
        with zipfile.ZipFile(path) as z:
            names = [i.filename for i in z.infolist() if not i.is_dir()]
            dupes = sorted({n for n in names if names.count(n) > 1})
            for n in dupes:
                result.problems.append(f"{n} appears more than once in the bundle")
            if MANIFEST not in names:
                result.problems.append(f"{MANIFEST} is missing: nothing to check against")
                result.added = sorted(set(names))
                return result
            try:
                meta = json.loads(z.read(MANIFEST).decode("utf-8"))
                listed = meta["files"]
                if not isinstance(listed, dict):
                    raise TypeError("files is not an object")
                result.report_id = str(meta.get("report_id", ""))
                result.app_version = str(meta.get("app_version", ""))
            except (ValueError, KeyError, TypeError, UnicodeDecodeError) as e:
                result.problems.append(f"{MANIFEST} cannot be read ({e})")
                return result
            present = set(names)
            for name, entry in sorted(listed.items()):
                if name not in present:
                    result.missing.append(name)
                    continue
                try:
                    data = z.read(name)
                except (zipfile.BadZipFile, OSError) as e:  # CRC error: damaged
                    result.problems.append(f"{name} cannot be read ({e})")
                    continue
                expected = entry.get("sha256") if isinstance(entry, dict) else None
                if _sha256(data) == expected:
                    result.verified.append(name)
                else:
                    result.changed.append(name)
            result.added = sorted(present - set(listed) - {MANIFEST})
    except (zipfile.BadZipFile, OSError) as e:
        result.problems.append(f"not a readable zip file ({e})")
    return result
