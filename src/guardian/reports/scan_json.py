"""The JSON document `guardian scan` writes (an exact contract other tools
depend on): sources, then findings in time order with their context."""

from __future__ import annotations

from guardian.domain import Message
from guardian.importing import ImportReport
from guardian.scanning import context_of, finding_index
from guardian.store.database import Store


def _message_json(m: Message) -> dict[str, object]:
    return {"sender": m.sender, "time": m.timestamp.isoformat(), "text": m.text}


def scan_json(store: Store, report: ImportReport) -> dict[str, object]:
    findings_by_message = {f.message_id: f for f in store.findings()}
    findings = []
    for conv in store.conversations():
        messages = store.messages(conv.id)
        index = finding_index(messages)
        for message_id, position in index.items():
            finding = findings_by_message.get(message_id)
            if finding is None:
                continue
            m = messages[position]
            findings.append({
                "conversation": conv.title,
                "sender": m.sender,
                "time": m.timestamp.isoformat(),
                "text": m.text,
                "labels": list(finding.categories),
                "scores": {k: round(v, 4) for k, v in finding.scores.items()},
                "severity": finding.severity.id,
                "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in finding.spans],
                "context": [_message_json(c) for c in context_of(messages, position)],
            })
    findings.sort(key=lambda f: str(f["time"]))
    return {
        "sources": [{"path": s.path, "sha256": s.sha256, "format": s.format, "messages": s.messages}
                    for s in report.sources],
        "findings": findings,
    }
