"""Conversation rules over single-message predictions (no model needed)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from guardian.analysis.classify import Prediction
from guardian.analysis.conversation import analyse
from guardian.domain import CATEGORY_IDS, AttachmentKind, Conversation, Message, Severity

TZ = ZoneInfo("Asia/Riyadh")
CONV = Conversation("whatsapp", "class", "الصف", is_group=True)
START = datetime(2025, 10, 5, 19, 0, tzinfo=TZ)


def msg(i: int, sender: str, text: str = "", minutes: float = 0, attachment: AttachmentKind | None = None) -> Message:
    return Message(conversation=CONV, sender=sender, timestamp=START + timedelta(minutes=minutes),
                   text=text, raw=text, position=i + 1, attachment=attachment, id=i + 1)


def pred(text: str = "", labels: tuple[str, ...] = (), severity: Severity = Severity.NONE,
         cues: tuple[str, ...] = (), score: float = 0.95) -> Prediction:
    scores = {c: (score if c in labels else 0.01) for c in CATEGORY_IDS}
    return Prediction(text, labels, scores, severity, (), cues)


INSULT = dict(labels=("insult",), severity=Severity.LOW)


def codes(finding) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in finding.reasons}


def test_pile_on_by_three_senders_in_one_evening_is_high() -> None:
    messages = [msg(0, "لين", minutes=0), msg(1, "سارة", minutes=20), msg(2, "دانة", minutes=45),
                msg(3, "ريم", minutes=50)]
    preds = [pred(**INSULT), pred(**INSULT), pred(**INSULT), pred()]
    findings = analyse(messages, preds, child="ريم")
    assert len(findings) == 3
    assert all(f.severity == Severity.HIGH and "pile_on" in codes(f) for f in findings)


def test_the_same_sender_again_and_again() -> None:
    messages = [msg(i, "لين", minutes=i * 600) for i in range(4)]
    findings = analyse(messages, [pred(**INSULT) for _ in messages], child="ريم")
    assert all("same_sender" in codes(f) for f in findings)
    assert all(f.severity >= Severity.MEDIUM for f in findings)
    reason = next(r for r in findings[-1].reasons if r.code == "same_sender")
    assert reason.values["count"] == 4 and reason.values["sender"] == "لين"


def test_late_night_grooming_is_high() -> None:
    late = Message(conversation=CONV, sender="+966500000427", timestamp=datetime(2025, 10, 6, 1, 30, tzinfo=TZ),
                   text="x", raw="x", position=1, id=1)
    [finding] = analyse([late], [pred(labels=("grooming",), severity=Severity.MEDIUM)], child="ريم")
    assert finding.severity == Severity.HIGH and "late_night" in codes(finding)


def test_grooming_sequence_from_mild_messages() -> None:
    stranger = "+966500000427"
    messages = [msg(0, stranger, minutes=0), msg(1, stranger, minutes=10), msg(2, stranger, minutes=20),
                msg(3, stranger, minutes=30)]
    preds = [pred(cues=("age_or_alone",)), pred(cues=("secrecy",)), pred(cues=("gift_offer",)),
             pred(cues=("private_app",))]
    findings = analyse(messages, preds, child="ريم")
    assert len(findings) == 4
    assert all(f.categories == ("grooming",) and "grooming_sequence" in codes(f) for f in findings)
    assert all(f.severity == Severity.HIGH for f in findings)


def test_picture_sent_right_after_a_request_is_critical() -> None:
    messages = [msg(0, "غريب", "ابعتي صورة", minutes=0),
                msg(1, "ريم", minutes=4, attachment=AttachmentKind.IMAGE)]
    preds = [pred(labels=("sexual",), severity=Severity.HIGH), pred()]
    [finding] = analyse(messages, preds, child="ريم")
    assert finding.severity == Severity.CRITICAL and "image_after_request" in codes(finding)


def test_child_refusal_raises_the_message_it_answers() -> None:
    messages = [msg(0, "لين", minutes=0), msg(1, "ريم", "لا اتركيني", minutes=1)]
    [finding] = analyse(messages, [pred(**INSULT), pred()], child="ريم")
    assert finding.severity == Severity.MEDIUM and "child_refused" in codes(finding)


def test_self_harm_from_someone_else_is_abuse_not_the_childs_distress() -> None:
    messages = [msg(0, "لين", "روحي موتي"), msg(1, "ريم", "ودي اختفي", minutes=3)]
    preds = [pred(labels=("self_harm",), severity=Severity.CRITICAL),
             pred(labels=("self_harm",), severity=Severity.CRITICAL)]
    first, second = analyse(messages, preds, child="ريم")
    assert "self_harm" not in first.categories and "insult" in first.categories
    assert second.categories == ("self_harm",) and second.severity == Severity.CRITICAL


def test_ordinary_chat_gives_no_findings() -> None:
    messages = [msg(i, "سارة", minutes=i) for i in range(5)]
    assert analyse(messages, [pred() for _ in messages], child="ريم") == []


def test_escalation_never_goes_past_critical() -> None:
    first = msg(0, "غريب", minutes=0)
    later = Message(conversation=CONV, sender="غريب", timestamp=START + timedelta(days=2), text="", raw="",
                    position=2, id=2)
    preds = [pred(labels=("threat",), severity=Severity.HIGH),
             pred(labels=("blackmail",), severity=Severity.CRITICAL)]
    findings = analyse([first, later], preds, child="ريم")
    assert findings[-1].severity == Severity.CRITICAL and "escalation" in codes(findings[-1])
