"""The report as JSON: the exact contract of `document.py`, UTF-8, Arabic
written as itself (not \\u escapes), but control and bidi characters
escaped so no viewer can be tricked by them (the file stays lossless)."""

from __future__ import annotations

import json
from pathlib import Path

from guardian.atomic import write_bytes_atomic
from guardian.reports.document import ReportDocument, to_json
from guardian.reports.safety import json_escape_unsafe


def render_json(doc: ReportDocument) -> bytes:
    text = json.dumps(to_json(doc), ensure_ascii=False, indent=1)
    return (json_escape_unsafe(text) + "\n").encode("utf-8")


def write_json(doc: ReportDocument, target: Path) -> None:
    write_bytes_atomic(Path(target), render_json(doc))
