"""summarize_conversation, help_for, guess_country, and the package staying Qt-free."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from explain_helpers import (
    ARABIC_DIGIT,
    ASCII_DIGIT,
    FSI,
    PDI,
    RIYADH,
    ROOT,
    finding,
    message,
    strip_isolated,
)

from guardian.domain import CATEGORY_IDS, Reason, Severity
from guardian.explain import guess_country, help_for, summarize_conversation
from guardian.explain.summary import PATTERN_CODES
from guardian.explain.templates import Templates
from guardian.guidance import Guidance

T0 = datetime(2025, 3, 1, 18, 0, tzinfo=RIYADH)


def _conversation() -> tuple[dict[int, object], list[object]]:
    msgs = {i: message(sender, T0 + timedelta(hours=h), mid=i)
            for i, (sender, h) in enumerate([("ريم", 0), ("ريم", 5), ("Omar", 30), ("نور", 50),
                                             ("ريم", 70), ("غريب", 80), ("ليان", 81)], start=1)}
    findings = [
        finding(("insult",), Severity.LOW, mid=1),
        finding(("insult",), Severity.MEDIUM, mid=2, reasons=(
            Reason.make("same_sender", sender="ريم", count=3, days=1),)),
        finding(("threat",), Severity.CRITICAL, mid=3, reasons=(Reason.make("late_night", time="01:10"),)),
        finding(("insult", "exclusion"), Severity.HIGH, mid=4, reasons=(
            Reason.make("pile_on", senders=4, hours=3), Reason.make("child_distressed"))),
        finding(("insult",), Severity.HIGH, mid=5, reasons=(
            Reason.make("same_sender", sender="ريم", count=14, days=3),
            Reason.make("same_sender", sender="ريم", count=5, days=2),
            Reason.make("escalation", sender="ريم", days=3), Reason.make("late_night", time="02:00"))),
        finding(("sexual", "grooming"), Severity.CRITICAL, mid=6, reasons=(
            Reason.make("grooming_sequence", sender="غريب", stages="age,secrecy,photos"),
            Reason.make("image_after_request", minutes=4))),
        finding(("self_harm",), Severity.HIGH, mid=7),
    ]
    return msgs, findings  # type: ignore[return-value]


def test_read_first_is_highest_severity_then_most_recent(templates: Templates) -> None:
    msgs, findings = _conversation()
    s = summarize_conversation("صف ٣ب", msgs, findings, "ar", templates=templates)  # type: ignore[arg-type]
    # Two critical (6 newer than 3), then the most recent high (7).
    assert s.read_first == (106, 103, 107)
    assert s.as_json()["read_first"] == ["106", "103", "107"]


def test_read_first_with_fewer_findings_and_unsaved_ids(templates: Templates) -> None:
    msgs = {1: message(mid=1)}
    f = finding(("insult",), Severity.LOW, mid=1)
    f.id = None
    s = summarize_conversation("x", msgs, [f], "en", templates=templates)
    assert s.read_first == (1,)
    assert summarize_conversation("x", {}, [], "en", templates=templates).read_first == ()


def test_counts_period_and_participants(templates: Templates) -> None:
    msgs, findings = _conversation()
    s = summarize_conversation("صف ٣ب", msgs, findings, "ar", templates=templates)  # type: ignore[arg-type]
    assert s.by_category == {"insult": 4, "threat": 1, "sexual": 1, "grooming": 1, "exclusion": 1,
                             "self_harm": 1}
    assert list(s.by_category) == [c for c in CATEGORY_IDS if c in s.by_category]
    assert s.by_severity == {"critical": 2, "high": 3, "medium": 1, "low": 1}
    assert list(s.by_severity) == ["critical", "high", "medium", "low"]
    assert s.participants[0] == "ريم" and set(s.participants) == {"ريم", "Omar", "نور", "غريب", "ليان"}
    assert s.period_first == "2025-03-01T18:00:00+03:00"
    assert s.period_last == "2025-03-05T03:00:00+03:00"
    assert s.period_text == "من ١ مارس ٢٠٢٥ إلى ٥ مارس ٢٠٢٥"
    assert s.overview == "رُصدت في هذه المحادثة ٧ رسائل، وأعلى درجة خطورة فيها: حرجة."
    assert s.messages == 7


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_patterns(templates: Templates, lang: str) -> None:
    msgs, findings = _conversation()
    s = summarize_conversation("t", msgs, findings, lang, templates=templates)  # type: ignore[arg-type]
    assert len(s.patterns) == 7     # one each: picture, grooming, escalation, pile-on, repeat, distress, night
    for p in s.patterns:
        assert p.endswith(".") and "{" not in p
        if lang == "ar":
            assert not ASCII_DIGIT.search(strip_isolated(p))
        else:
            assert not ARABIC_DIGIT.search(p)
    if lang == "ar":
        assert list(s.patterns) == [
            "أُرسلت صورة من حساب طفلك بعد ٤ دقائق من طلب صور.",
            f"ظهرت في رسائل «{FSI}غريب{PDI}» مراحل استدراج معروفة: أسئلة عن العمر أو عن وجود أحد بالقرب، "
            "وطلب الكتمان، وطلب صور.",
            f"اشتدّت رسائل «{FSI}ريم{PDI}» على مدى ٣ أيام.",
            "اجتمع على الإساءة ٤ أشخاص خلال ٣ ساعات.",
            f"تكررت الإساءة من «{FSI}ريم{PDI}» ١٤ مرة خلال ٣ أيام.",
            "ظهر الضيق في ردّ طفلك على رسالة واحدة.",
            "وصلت رسالتان بعد منتصف الليل.",
        ]
    else:
        assert "After midnight, 2 messages arrived." in s.patterns
        assert f"Repeated hurtful messages from “{FSI}ريم{PDI}”: 14 times within 3 days." in s.patterns


def test_pattern_order_is_declared() -> None:
    assert set(PATTERN_CODES) == {"image_after_request", "grooming_sequence", "escalation", "pile_on",
                                  "same_sender", "child_distressed", "late_night", "child_refused"}


def test_summary_json_reads_back_as_a_report_summary(templates: Templates) -> None:
    from guardian.reports import document
    msgs, findings = _conversation()
    s = summarize_conversation("t", msgs, findings, "ar", templates=templates)  # type: ignore[arg-type]
    back = document._summary(document._Reader(s.as_json(), "summary"))
    assert back.read_first == ("106", "103", "107")
    assert back.patterns == s.patterns
    assert back.period.first == s.period_first
    assert dict(back.by_severity) == dict(s.by_severity)


def test_single_day_period(templates: Templates) -> None:
    msgs = {1: message(mid=1)}
    s = summarize_conversation("x", msgs, [finding(("insult",), Severity.LOW)], "en", templates=templates)
    assert s.period_text == "14 October 2025"
    assert s.overview == "Flagged in this conversation: one message. The most serious is rated low."


# ------------------------------------------------------------------ help

@pytest.mark.parametrize("country", ["SA", "AE", "EG", "JO", "ZZ", "FR"])
def test_help_for_keeps_the_guidance_order(guidance: Guidance, country: str) -> None:
    rows = help_for(country, "ar", guidance)
    expected = guidance.helplines_for(country)
    assert [(r["country"], r["name"]) for r in rows] == [(h.country, h.service("ar")) for h in expected]
    for r in rows:
        assert set(r) == {"country", "name", "phone", "url", "source", "checked"}
        assert r["name"] and r["source"] and (r["phone"] or r["url"]) and r["checked"]
        assert " — http" in r["source"]
    if country in ("ZZ", "FR"):
        assert all(r["country"] == "ZZ" for r in rows)


def test_help_for_weak_child_line_puts_emergency_first(guidance: Guidance) -> None:
    rows = help_for("SA", "en", guidance)
    assert rows[0]["phone"] == "911"
    assert rows[1]["country"] == "ZZ"
    assert help_for(None, "en", guidance) == help_for("ZZ", "en", guidance)


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "ar_SA.UTF-8"}, "SA"),
    ({"LC_ALL": "ar_EG.utf8", "LANG": "ar_SA.UTF-8"}, "EG"),
    ({"LC_MESSAGES": "en_AE", "LANG": "C"}, "AE"),
    ({"LANG": "ar-jo"}, "JO"),
    ({"LANG": "C.UTF-8"}, "ZZ"),
    ({"LANG": "ar"}, "ZZ"),
    ({}, "ZZ"),
])
def test_guess_country_from_environment(env: dict[str, str], expected: str) -> None:
    assert guess_country(env) == expected


def test_guess_country_windows_name(guidance: Guidance) -> None:
    assert guess_country({"LANG": "Arabic_Saudi Arabia.1256"}, guidance) == "SA"
    assert guess_country({"LANG": "Arabic_Saudi Arabia.1256"}) == "ZZ"


def test_guess_country_from_the_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "ar_KW.UTF-8")
    assert guess_country() == "KW"


# ------------------------------------------------------------------ no Qt

def test_package_is_qt_free_and_light() -> None:
    code = (
        "import sys\n"
        "from datetime import datetime, timezone\n"
        "from guardian import paths\n"
        "from guardian.guidance import load_guidance\n"
        "from guardian.domain import Conversation, Message, Finding, Severity\n"
        "import guardian.explain as ex\n"
        "g = load_guidance(paths.assets_dir())\n"
        "m = Message(Conversation('w', 'k', 't'), 'a', datetime(2025, 1, 1, tzinfo=timezone.utc), 'x', 'x', 1, id=1)\n"
        "f = Finding(1, ('threat',), {}, Severity.HIGH)\n"
        "ex.explain_finding(f, m, lang='ar', guidance=g)\n"
        "ex.summarize_conversation('t', {1: m}, [f], 'en')\n"
        "ex.help_for(ex.guess_country(), 'ar', g)\n"
        "light = {'guardian.analysis', 'guardian.analysis.rules'}  # shared plain-data rules\n"
        "bad = [n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'guardian.analysis', 'numpy'))\n"
        "       and n not in light]\n"
        "assert not bad, bad\n"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
