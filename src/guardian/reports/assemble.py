"""Gather a report from the encrypted store: findings with their
explanations, context and evidence, conversation summaries, helplines.

The result is a `ReportDocument` built through the report JSON contract
(`document.from_json`), so every renderer sees exactly what the JSON says.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from guardian import __version__, paths
from guardian.domain import Finding, Message, ReviewState
from guardian.explain import explain_finding, help_for, summarize_conversation
from guardian.guidance import Guidance, load_guidance
from guardian.reports.document import ReportDocument, from_json
from guardian.scanning import context_of, finding_index
from guardian.store.database import SourceRecord, Store


@dataclass(frozen=True)
class ReportOptions:
    lang: str = "ar"
    conversation_ids: Sequence[int] | None = None
    since: date | None = None
    until: date | None = None
    include_dismissed: bool = False
    country: str = "ZZ"


def new_report_id() -> str:
    return f"GR-{datetime.now(timezone.utc):%Y%m%d}-{secrets.token_hex(3).upper()}"


def _in_period(message: Message, options: ReportOptions) -> bool:
    day = message.timestamp.date()
    return (options.since is None or day >= options.since) and (options.until is None or day <= options.until)


def _wanted(finding: Finding, options: ReportOptions) -> bool:
    return options.include_dismissed or finding.review is not ReviewState.NOT_A_PROBLEM


def build_report(store: Store, options: ReportOptions, guidance: Guidance | None = None) -> ReportDocument:
    guidance = guidance or load_guidance(paths.assets_dir())
    lang = options.lang
    findings_by_message = {f.message_id: f for f in store.findings()}
    sources = {s.id: s for s in store.sources()}
    conversations_json: list[dict[str, object]] = []
    findings_json: list[dict[str, object]] = []
    children: list[str] = []
    used_sources: set[int] = set()
    for conv in store.conversations():
        if options.conversation_ids is not None and conv.id not in options.conversation_ids:
            continue
        messages = store.messages(conv.id)
        message_source = store.message_sources(conv.id)
        used_sources.update(message_source.values())
        if conv.child and conv.child not in children:
            children.append(conv.child)
        chosen: list[tuple[int, Finding]] = []
        for message_id, i in finding_index(messages).items():
            finding = findings_by_message.get(message_id)
            if finding and _in_period(messages[i], options) and _wanted(finding, options):
                chosen.append((i, finding))
        chosen.sort(key=lambda pair: pair[0])   # messages are in time order
        by_id = {m.id: m for m in messages if m.id is not None}
        summary = summarize_conversation(conv.title, by_id, [f for _i, f in chosen], lang)
        conversations_json.append({"id": str(conv.id), "title": conv.title,
                                   "participants": list(conv.participants), "summary": summary.as_json()})
        for index, finding in chosen:
            message = messages[index]
            source = sources.get(message_source.get(message.id or 0, -1))
            findings_json.append(_finding_json(finding, message, messages, index, conv.id, conv.child,
                                               source, lang, guidance))
    findings_json.sort(key=lambda f: str(f["time"]))
    return from_json({
        "report": {"id": new_report_id(), "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   "app_version": __version__, "lang": lang, "redacted": False},
        "child": "، ".join(children) if lang == "ar" else ", ".join(children),
        "sources": [{"path": s.path, "sha256": s.sha256, "format": s.format, "imported": s.imported_at,
                     "importer_version": s.importer_version}
                    for sid, s in sorted(sources.items()) if sid in used_sources],
        "conversations": conversations_json,
        "findings": findings_json,
        "help": help_for(options.country, lang, guidance),
    })


def _finding_json(finding: Finding, message: Message, messages: list[Message], index: int,
                  conversation_id: int, child: str | None, source: SourceRecord | None, lang: str,
                  guidance: Guidance) -> dict[str, object]:
    explanation = explain_finding(finding, message, lang=lang, guidance=guidance, cues=finding.cues,
                                  child=child)
    attachment = None
    if message.attachment is not None:
        attachment = {"kind": message.attachment.value, "name": message.attachment_name or "", "sha256": ""}
    return {
        "id": str(finding.id),
        "conversation": str(conversation_id),
        "sender": message.sender,
        "time": message.timestamp.isoformat(),
        "text": message.text,
        "labels": list(finding.categories),
        "severity": finding.severity.id,
        "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in finding.spans],
        "explanation": explanation.as_json(),
        "context": [{"sender": c.sender, "time": c.timestamp.isoformat(), "text": c.text,
                     "is_child": bool(child) and c.sender == child}
                    for c in context_of(messages, index)],
        "review": {"state": finding.review.value, "note": finding.note},
        "evidence": {"source_sha256": source.sha256 if source else "", "raw": message.raw,
                     "position": message.position},
        "attachment": attachment,
    }
