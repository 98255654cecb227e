"""The report document: everything a counsellor report says, as plain
frozen values that mirror the report JSON exactly.

The JSON contract (other tools depend on these key names)::

    {"report": {"id", "created", "app_version", "lang"},
     "child": str,
     "sources": [{"path", "sha256", "format", "imported"}],
     "conversations": [{"id", "title", "participants", "summary"}],
     "findings": [{"id", "conversation", "sender", "time", "text", "labels",
                   "severity", "spans",
                   "explanation": {"what", "why", "severity_reason",
                                   "steps": [{"text", "source"}]},
                   "context": [{"sender", "time", "text"}],
                   "review": {"state", "note"},
                   "evidence": {"source_sha256", "raw"}}],
     "help": [{"country", "name", "phone", "url", "source"}]}

Extra keys, always written so the shape never varies: ``report.redacted``,
``sources[].importer_version``, ``conversations[].summary`` (see
`Summary`), ``findings[].attachment`` (null or ``{"kind", "name",
"sha256"}``), ``findings[].context[].is_child``,
``findings[].evidence.position``, ``findings[].explanation.steps[].url``
and ``help[].checked``.  Times are ISO 8601 strings with their UTC offset;
``spans`` are ``{"start", "end", "label"}`` Python str offsets into
``text``; ``finding.conversation`` is a ``conversations[].id``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

__all__ = [
    "Attachment", "ContextMessage", "Conversation", "Evidence", "Explanation",
    "Finding", "Helpline", "Period", "ReportDocument", "ReportMeta", "Review",
    "Source", "Span", "Step", "Summary", "from_json", "to_json", "replace",
    "sort_key", "display_time",
]


@dataclass(frozen=True)
class ReportMeta:
    id: str
    created: str
    app_version: str
    lang: str = "ar"
    redacted: bool = False


@dataclass(frozen=True)
class Source:
    """One imported export file; `sha256` is the hash of the file as it was
    imported, `imported` the import time."""

    path: str
    sha256: str
    format: str
    imported: str
    importer_version: str = ""


@dataclass(frozen=True)
class Period:
    first: str = ""
    last: str = ""


@dataclass(frozen=True)
class Summary:
    """A conversation at a glance.  `participants` are the people involved
    in its findings; `read_first` holds up to three finding ids."""

    period: Period = Period()
    participants: tuple[str, ...] = ()
    by_category: Mapping[str, int] = field(default_factory=dict)
    by_severity: Mapping[str, int] = field(default_factory=dict)
    patterns: tuple[str, ...] = ()
    read_first: tuple[str, ...] = ()
    messages: int | None = None


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str
    participants: tuple[str, ...] = ()
    summary: Summary = Summary()


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of the finding's text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Step:
    text: str
    source: str = ""
    url: str = ""


@dataclass(frozen=True)
class Explanation:
    what: str = ""
    why: str = ""
    severity_reason: str = ""
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class ContextMessage:
    sender: str
    time: str
    text: str
    is_child: bool = False


@dataclass(frozen=True)
class Review:
    state: str = "new"
    note: str = ""


@dataclass(frozen=True)
class Evidence:
    """`raw` is the exact line(s) or record from the export; `position` its
    line or record number there."""

    source_sha256: str
    raw: str
    position: int | None = None


@dataclass(frozen=True)
class Attachment:
    """Media is never embedded: only its kind, file name and hash."""

    kind: str
    name: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Finding:
    id: str
    conversation: str
    sender: str
    time: str
    text: str
    labels: tuple[str, ...]
    severity: str
    spans: tuple[Span, ...] = ()
    explanation: Explanation = Explanation()
    context: tuple[ContextMessage, ...] = ()
    review: Review = Review()
    evidence: Evidence = Evidence("", "")
    attachment: Attachment | None = None


@dataclass(frozen=True)
class Helpline:
    country: str
    name: str
    phone: str = ""
    url: str = ""
    source: str = ""
    checked: str = ""


@dataclass(frozen=True)
class ReportDocument:
    report: ReportMeta
    child: str
    sources: tuple[Source, ...] = ()
    conversations: tuple[Conversation, ...] = ()
    findings: tuple[Finding, ...] = ()
    help: tuple[Helpline, ...] = ()

    @property
    def lang(self) -> str:
        return self.report.lang

    def conversation(self, conversation_id: str) -> Conversation | None:
        for c in self.conversations:
            if c.id == conversation_id:
                return c
        return None

    def source(self, sha256: str) -> Source | None:
        for s in self.sources:
            if s.sha256 == sha256:
                return s
        return None

    def findings_in_time_order(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: sort_key(f.time))

    def period(self) -> Period:
        times = [t for c in self.conversations for t in (c.summary.period.first, c.summary.period.last) if t]
        times += [f.time for f in self.findings if f.time]
        if not times:
            return Period()
        times.sort(key=sort_key)
        return Period(times[0], times[-1])


def sort_key(time: str) -> tuple[float, str]:
    """Order ISO times by the instant they name (offsets differ between
    sources); unparseable times go last, in text order."""
    try:
        return (datetime.fromisoformat(time).timestamp(), time)
    except (ValueError, TypeError, OverflowError, OSError):
        return (float("inf"), str(time))


def display_time(time: str) -> str:
    """``2025-03-04T21:15:07+03:00`` -> ``2025-03-04 21:15:07 (UTC+03:00)``;
    anything unparseable is shown as it is."""
    try:
        moment = datetime.fromisoformat(time)
    except (ValueError, TypeError):
        return time
    shown = moment.strftime("%Y-%m-%d %H:%M:%S")
    offset = moment.strftime("%z")
    if offset:
        shown += f" (UTC{offset[:3]}:{offset[3:5]})"
    return shown


# -- to JSON ---------------------------------------------------------------

def _summary_json(s: Summary) -> dict[str, Any]:
    return {
        "period": {"first": s.period.first, "last": s.period.last},
        "participants": list(s.participants),
        "by_category": dict(s.by_category),
        "by_severity": dict(s.by_severity),
        "patterns": list(s.patterns),
        "read_first": list(s.read_first),
        "messages": s.messages,
    }


def _finding_json(f: Finding) -> dict[str, Any]:
    e = f.explanation
    return {
        "id": f.id,
        "conversation": f.conversation,
        "sender": f.sender,
        "time": f.time,
        "text": f.text,
        "labels": list(f.labels),
        "severity": f.severity,
        "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in f.spans],
        "explanation": {
            "what": e.what, "why": e.why, "severity_reason": e.severity_reason,
            "steps": [{"text": s.text, "source": s.source, "url": s.url} for s in e.steps],
        },
        "context": [{"sender": c.sender, "time": c.time, "text": c.text, "is_child": c.is_child}
                    for c in f.context],
        "review": {"state": f.review.state, "note": f.review.note},
        "evidence": {"source_sha256": f.evidence.source_sha256, "raw": f.evidence.raw,
                     "position": f.evidence.position},
        "attachment": None if f.attachment is None else {
            "kind": f.attachment.kind, "name": f.attachment.name, "sha256": f.attachment.sha256},
    }


def to_json(doc: ReportDocument) -> dict[str, Any]:
    """The document as JSON-ready dicts and lists, keys in contract order."""
    r = doc.report
    return {
        "report": {"id": r.id, "created": r.created, "app_version": r.app_version,
                   "lang": r.lang, "redacted": r.redacted},
        "child": doc.child,
        "sources": [{"path": s.path, "sha256": s.sha256, "format": s.format,
                     "imported": s.imported, "importer_version": s.importer_version}
                    for s in doc.sources],
        "conversations": [{"id": c.id, "title": c.title, "participants": list(c.participants),
                           "summary": _summary_json(c.summary)} for c in doc.conversations],
        "findings": [_finding_json(f) for f in doc.findings],
        "help": [{"country": h.country, "name": h.name, "phone": h.phone, "url": h.url,
                  "source": h.source, "checked": h.checked} for h in doc.help],
    }


# -- from JSON -------------------------------------------------------------

class _Reader:
    """Typed access to one JSON object with error messages that name the
    path of the bad value ("findings[3].spans[0].start")."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, Mapping):
            raise ValueError(f"{path or 'document'}: expected an object")
        self.data = data
        self.path = path

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, required: bool) -> object:
        if key not in self.data:
            if required:
                raise ValueError(f"{self._where(key)}: missing")
            return None
        return self.data[key]

    def str(self, key: str, required: bool = True, default: str = "") -> str:
        value = self._get(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise ValueError(f"{self._where(key)}: expected a string")
        return str(value)

    def int(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{self._where(key)}: expected an integer")
        return value

    def bool(self, key: str) -> bool:
        value = self._get(key, False)
        return bool(value) if value is not None else False

    def obj(self, key: str, required: bool = True) -> _Reader | None:
        value = self._get(key, required)
        if value is None:
            return None
        return _Reader(value, self._where(key))

    def list(self, key: str, required: bool = True) -> Sequence[object]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValueError(f"{self._where(key)}: expected a list")
        return value

    def objs(self, key: str, required: bool = True) -> list[_Reader]:
        return [_Reader(v, f"{self._where(key)}[{i}]")
                for i, v in enumerate(self.list(key, required))]

    def strs(self, key: str, required: bool = True) -> tuple[str, ...]:
        out = []
        for i, v in enumerate(self.list(key, required)):
            if isinstance(v, bool) or not isinstance(v, (str, int)):
                raise ValueError(f"{self._where(key)}[{i}]: expected a string")
            out.append(str(v))
        return tuple(out)

    def counts(self, key: str) -> dict[str, int]:
        value = self._get(key, False)
        if value is None:
            return {}
        if not isinstance(value, Mapping) or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in value.values()):
            raise ValueError(f"{self._where(key)}: expected an object of counts")
        return {str(k): int(v) for k, v in value.items()}


def _summary(r: _Reader | None) -> Summary:
    if r is None:
        return Summary()
    period = r.obj("period", required=False)
    return Summary(
        period=Period(period.str("first", False), period.str("last", False)) if period else Period(),
        participants=r.strs("participants", required=False),
        by_category=r.counts("by_category"),
        by_severity=r.counts("by_severity"),
        patterns=r.strs("patterns", required=False),
        read_first=r.strs("read_first", required=False),
        messages=r.int("messages", required=False),
    )


def _finding(r: _Reader) -> Finding:
    e = r.obj("explanation")
    rev = r.obj("review")
    ev = r.obj("evidence")
    att = r.obj("attachment", required=False)
    assert e is not None and rev is not None and ev is not None
    spans = []
    for s in r.objs("spans"):
        start, end = s.int("start"), s.int("end")
        assert start is not None and end is not None
        spans.append(Span(start, end, s.str("label")))
    return Finding(
        id=r.str("id"),
        conversation=r.str("conversation"),
        sender=r.str("sender"),
        time=r.str("time"),
        text=r.str("text"),
        labels=r.strs("labels"),
        severity=r.str("severity"),
        spans=tuple(spans),
        explanation=Explanation(
            what=e.str("what"), why=e.str("why"), severity_reason=e.str("severity_reason"),
            steps=tuple(Step(s.str("text"), s.str("source"), s.str("url", False))
                        for s in e.objs("steps"))),
        context=tuple(ContextMessage(c.str("sender"), c.str("time"), c.str("text"), c.bool("is_child"))
                      for c in r.objs("context")),
        review=Review(rev.str("state"), rev.str("note")),
        evidence=Evidence(ev.str("source_sha256"), ev.str("raw"), ev.int("position", required=False)),
        attachment=None if att is None else Attachment(
            att.str("kind"), att.str("name", False), att.str("sha256", False)),
    )


def from_json(data: Mapping[str, Any]) -> ReportDocument:
    """Read a document written by `to_json` (or by another tool keeping the
    contract).  Raises ValueError naming the first missing or mistyped
    key; unknown extra keys are ignored."""
    root = _Reader(data, "")
    meta = root.obj("report")
    assert meta is not None
    return ReportDocument(
        report=ReportMeta(meta.str("id"), meta.str("created"), meta.str("app_version"),
                          meta.str("lang"), meta.bool("redacted")),
        child=root.str("child"),
        sources=tuple(Source(s.str("path"), s.str("sha256"), s.str("format"), s.str("imported"),
                             s.str("importer_version", False)) for s in root.objs("sources")),
        conversations=tuple(Conversation(c.str("id"), c.str("title"), c.strs("participants"),
                                         _summary(c.obj("summary")))
                            for c in root.objs("conversations")),
        findings=tuple(_finding(f) for f in root.objs("findings")),
        help=tuple(Helpline(h.str("country"), h.str("name"), h.str("phone"), h.str("url"),
                            h.str("source"), h.str("checked", False)) for h in root.objs("help")),
    )
