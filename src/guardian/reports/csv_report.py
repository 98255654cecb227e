"""The findings as CSV for a spreadsheet: UTF-8 with a BOM (so Excel reads
Arabic correctly), one row per finding, every field flattened, and no cell
a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from guardian.atomic import write_bytes_atomic
from guardian.reports.document import Finding, ReportDocument
from guardian.reports.safety import balance_bidi, clean, clean_with_spans, csv_cell

COLUMNS: tuple[str, ...] = (
    "id", "conversation", "conversation_title", "sender", "time", "text", "labels",
    "severity", "spans", "what", "why", "severity_reason", "steps", "context",
    "review_state", "review_note", "evidence_source_sha256", "evidence_raw",
    "evidence_position", "attachment_kind", "attachment_name", "attachment_sha256",
)


def _steps(f: Finding) -> str:
    lines = []
    for i, s in enumerate(f.explanation.steps, 1):
        cited = "; ".join(x for x in (s.source, s.url) if x)
        lines.append(f"{i}. {s.text}" + (f" [{cited}]" if cited else ""))
    return "\n".join(lines)


def _row(doc: ReportDocument, f: Finding) -> list[str]:
    conv = doc.conversation(f.conversation)
    a = f.attachment
    # The text cell is cleaned of control characters: move the spans with it.
    text, spans = clean_with_spans(f.text, f.spans, lambda t: balance_bidi(clean(t)))
    values: list[object] = [
        f.id, f.conversation, conv.title if conv else "", f.sender, f.time, text,
        "; ".join(f.labels), f.severity,
        json.dumps([{"start": s.start, "end": s.end, "label": s.label} for s in spans],
                   ensure_ascii=False),
        f.explanation.what, f.explanation.why, f.explanation.severity_reason, _steps(f),
        json.dumps([{"sender": c.sender, "time": c.time, "text": c.text, "is_child": c.is_child}
                    for c in f.context], ensure_ascii=False),
        f.review.state, f.review.note, f.evidence.source_sha256, f.evidence.raw,
        "" if f.evidence.position is None else f.evidence.position,
        a.kind if a else "", a.name if a else "", a.sha256 if a else "",
    ]
    return [csv_cell(v) for v in values]


def render_csv(doc: ReportDocument) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for f in doc.findings_in_time_order():
        writer.writerow(_row(doc, f))
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def write_csv(doc: ReportDocument, target: Path) -> None:
    write_bytes_atomic(Path(target), render_csv(doc))
