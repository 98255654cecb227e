"""Conversation analysis: what single messages cannot show.

On top of each message's prediction: the same sender again and again,
several senders piling on the child in one evening, escalation over days,
contact late at night, a stranger's grooming sequence (age, secrecy, gifts,
camera, threats) even when each message alone is mild, the child's own
replies (distress, refusal), and a picture sent by the child right after a
request.  Every severity change carries a `Reason` a parent can read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from guardian.analysis.classify import Classifier, Prediction
from guardian.domain import CATEGORY_IDS, AttachmentKind, Finding, Message, Reason, Severity

# Harms aimed at the child by others, the ones that pile up.
_HOSTILE = {"insult", "threat", "exclusion", "rumor", "impersonation"}
# A message this sure of a grooming stage counts towards a sequence even
# when it stays below the flagging threshold on its own.
_STAGE_SCORE = 0.25
_GROOMING_STAGES = {
    "age_or_alone": "age",
    "secrecy": "secrecy",
    "gift_offer": "gifts",
    "private_app": "private",
    "image_request": "photos",
    "body_request": "photos",
    "image_body_request": "photos",
}
_REPEAT_MIN = 3
_REPEAT_WINDOW = timedelta(days=7)
_PILE_ON_MIN = 3
_PILE_ON_WINDOW = timedelta(hours=6)
_IMAGE_AFTER_REQUEST = timedelta(minutes=30)
_LATE_START, _LATE_END = 0, 5         # midnight to five in the morning
_REFUSALS = ("لا", "لأ", "ما ابي", "مابي", "ما بدي", "مش عايز", "مش عاوزة", "بطل", "خلاص", "وقف",
             "اتركني", "اتركيني", "سيبني", "خليني", "stop", "no", "leave me")


@dataclass
class _Flag:
    index: int
    labels: set[str]
    severity: Severity
    reasons: list[Reason]


def _raise(flag: _Flag, to: Severity, reason: Reason) -> None:
    flag.severity = max(flag.severity, to)
    if reason not in flag.reasons:
        flag.reasons.append(reason)


def _one_more(severity: Severity) -> Severity:
    return Severity(min(int(severity) + 1, int(Severity.CRITICAL)))


def _is_late(message: Message) -> bool:
    return _LATE_START <= message.timestamp.hour < _LATE_END


def analyse(messages: Sequence[Message], predictions: Sequence[Prediction],
            child: str | None) -> list[Finding]:
    """Findings for one conversation.  `messages` are in time order and
    `predictions` are their single-message results, one for one."""
    if len(messages) != len(predictions):
        raise ValueError("one prediction per message is needed")
    flags: dict[int, _Flag] = {}
    for i, (msg, pred) in enumerate(zip(messages, predictions)):
        if pred.labels and not msg.is_system:
            labels = set(pred.labels)
            # Self-harm is about the child's own words; from others it is abuse.
            if "self_harm" in labels and child and msg.sender != child:
                labels.discard("self_harm")
                labels.add("insult")
            flags[i] = _Flag(i, labels, pred.severity, [])
    _grooming_sequences(messages, predictions, child, flags)
    _repetition(messages, child, flags)
    _pile_on(messages, child, flags)
    _escalation(messages, child, flags)
    _late_night(messages, child, flags)
    _child_replies(messages, predictions, child, flags)
    _image_after_request(messages, child, flags)
    findings = []
    for i in sorted(flags):
        flag, pred, msg = flags[i], predictions[i], messages[i]
        labels = tuple(label for label in CATEGORY_IDS if label in flag.labels)
        spans = tuple(s for s in pred.spans if s.label in flag.labels)
        findings.append(Finding(message_id=msg.id or 0, categories=labels, scores=pred.scores,
                                severity=flag.severity, spans=spans, reasons=tuple(flag.reasons),
                                cues=pred.cues))
    return findings


def _from_others(messages: Sequence[Message], child: str | None, i: int) -> bool:
    return not child or messages[i].sender != child


def _repetition(messages: Sequence[Message], child: str | None, flags: dict[int, _Flag]) -> None:
    by_sender: dict[str, list[int]] = defaultdict(list)
    for i, flag in flags.items():
        if flag.labels & _HOSTILE and _from_others(messages, child, i):
            by_sender[messages[i].sender].append(i)
    for sender, indices in by_sender.items():
        indices.sort()
        for i in indices:
            window = [j for j in indices if timedelta(0) <= messages[i].timestamp - messages[j].timestamp
                      <= _REPEAT_WINDOW]
            if len(window) >= _REPEAT_MIN:
                days = max(1, (messages[i].timestamp - messages[window[0]].timestamp).days + 1)
                reason = Reason.make("same_sender", sender=sender, count=len(window), days=days)
                for j in window:
                    _raise(flags[j], Severity.MEDIUM if len(window) < 6 else Severity.HIGH, reason)


def _pile_on(messages: Sequence[Message], child: str | None, flags: dict[int, _Flag]) -> None:
    hostile = sorted(i for i, f in flags.items()
                     if f.labels & _HOSTILE and _from_others(messages, child, i) and messages[i].sender)
    for pos, i in enumerate(hostile):
        window = [j for j in hostile[pos:] if messages[j].timestamp - messages[i].timestamp <= _PILE_ON_WINDOW]
        senders = {messages[j].sender for j in window}
        if len(senders) >= _PILE_ON_MIN:
            hours = max(1, round((messages[window[-1]].timestamp - messages[i].timestamp).total_seconds() / 3600))
            reason = Reason.make("pile_on", senders=len(senders), hours=hours)
            for j in window:
                _raise(flags[j], Severity.HIGH, reason)


def _escalation(messages: Sequence[Message], child: str | None, flags: dict[int, _Flag]) -> None:
    """A sender whose harm grows over several days: later, worse messages."""
    by_sender: dict[str, list[int]] = defaultdict(list)
    for i in sorted(flags):
        if _from_others(messages, child, i) and messages[i].sender:
            by_sender[messages[i].sender].append(i)
    for sender, indices in by_sender.items():
        days = {messages[i].timestamp.date() for i in indices}
        if len(days) < 2:
            continue
        first, last = indices[0], indices[-1]
        if flags[last].severity > flags[first].severity or (flags[last].labels - flags[first].labels) & {
                "threat", "blackmail", "sexual"}:
            reason = Reason.make("escalation", sender=sender, days=len(days))
            _raise(flags[last], _one_more(flags[last].severity), reason)


def _late_night(messages: Sequence[Message], child: str | None, flags: dict[int, _Flag]) -> None:
    late = [i for i in flags if _is_late(messages[i]) and _from_others(messages, child, i)]
    for i in late:
        flag = flags[i]
        reason = Reason.make("late_night", time=messages[i].timestamp.strftime("%H:%M"))
        bump = Severity.HIGH if flag.labels & {"grooming", "sexual", "threat"} else flag.severity
        _raise(flag, bump, reason)


def _grooming_sequences(messages: Sequence[Message], predictions: Sequence[Prediction],
                        child: str | None, flags: dict[int, _Flag]) -> None:
    """A sender who goes through several grooming stages is grooming, even
    when each message is mild."""
    stages: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, (msg, pred) in enumerate(zip(messages, predictions)):
        if msg.is_system or not msg.sender or not _from_others(messages, child, i):
            continue
        for cue in pred.cues:
            if cue in _GROOMING_STAGES:
                stages[msg.sender][_GROOMING_STAGES[cue]].append(i)
        if pred.scores.get("grooming", 0.0) >= _STAGE_SCORE and not pred.cues:
            stages[msg.sender]["contact"].append(i)
        if i in flags and flags[i].labels & {"threat", "blackmail"}:
            stages[msg.sender]["threats"].append(i)
        if i in flags and "sexual" in flags[i].labels:
            stages[msg.sender]["photos"].append(i)
    for sender, found in stages.items():
        named = [s for s in ("age", "secrecy", "gifts", "private", "photos", "threats") if s in found]
        if len(named) < 3:
            continue
        reason = Reason.make("grooming_sequence", sender=sender, stages=",".join(named))
        severity = Severity.CRITICAL if {"photos", "threats"} & set(named) else Severity.HIGH
        for indices in found.values():
            for i in indices:
                flag = flags.setdefault(i, _Flag(i, set(), Severity.NONE, []))
                flag.labels.add("grooming")
                _raise(flag, severity, reason)


def _child_replies(messages: Sequence[Message], predictions: Sequence[Prediction], child: str | None,
                   flags: dict[int, _Flag]) -> None:
    """The child answering a harmful message with distress or a refusal
    makes that message weigh more."""
    if not child:
        return
    for i in sorted(flags):
        if messages[i].sender == child:
            continue
        for j in range(i + 1, min(i + 4, len(messages))):
            reply = messages[j]
            if reply.sender != child or reply.timestamp - messages[i].timestamp > timedelta(hours=2):
                continue
            text = reply.text.strip().lower()
            distressed = "self_harm" in predictions[j].labels or predictions[j].scores.get("self_harm", 0) > 0.3
            refused = any(text == r or text.startswith(r + " ") for r in _REFUSALS)
            if distressed or refused:
                code = "child_distressed" if distressed else "child_refused"
                _raise(flags[i], _one_more(flags[i].severity), Reason.make(code))
                break


def _image_after_request(messages: Sequence[Message], child: str | None, flags: dict[int, _Flag]) -> None:
    if not child:
        return
    requests = [i for i, f in flags.items() if "sexual" in f.labels and messages[i].sender != child]
    for i in requests:
        for j in range(i + 1, len(messages)):
            gap = messages[j].timestamp - messages[i].timestamp
            if gap > _IMAGE_AFTER_REQUEST:
                break
            if messages[j].sender == child and messages[j].attachment in (AttachmentKind.IMAGE,
                                                                           AttachmentKind.VIDEO):
                minutes = max(1, int(gap.total_seconds() // 60))
                _raise(flags[i], Severity.CRITICAL, Reason.make("image_after_request", minutes=minutes))
                break


def analyse_messages(messages: Sequence[Message], classifier: Classifier, child: str | None,
                     progress: Callable[[int], None] | None = None,
                     should_stop: Callable[[], bool] = lambda: False) -> list[Finding]:
    """Classify a conversation's messages and analyse them together."""
    texts = [m.text if not m.is_system else "" for m in messages]
    predictions = classifier.classify(texts, progress=progress, should_stop=should_stop)
    if len(predictions) < len(messages):
        return []
    return analyse(messages, predictions, child)
