"""explain_finding: every category, severity and language gives a complete,
sourced explanation; Reasons and cues become words; names are isolated."""

from __future__ import annotations

from datetime import datetime

import pytest
from explain_helpers import (
    ARABIC_DIGIT,
    ARABIC_LETTER,
    ASCII_DIGIT,
    FSI,
    NAMES_AR,
    NAMES_EN,
    PDI,
    RIYADH,
    conversation,
    finding,
    message,
    strip_isolated,
)

from guardian.domain import CATEGORY_IDS, Reason, Severity
from guardian.explain import Explanation, category_name, engine, explain_finding, reason_text, severity_name
from guardian.explain.templates import Templates
from guardian.guidance import Guidance

LANGS = ("ar", "en")
REASON_SAMPLES = {
    "same_sender": {"sender": "ريم", "count": 14, "days": 3},
    "pile_on": {"senders": 4, "hours": 3},
    "escalation": {"sender": "Omar", "days": 5},
    "late_night": {"time": "02:15"},
    "grooming_sequence": {"sender": "نور", "stages": "age,secrecy,photos"},
    "child_distressed": {},
    "child_refused": {},
    "image_after_request": {"minutes": 4},
}


def _explain(g: Guidance, t: Templates, cats: tuple[str, ...], sev: Severity, lang: str,
             **kw: object) -> Explanation:
    sender = str(kw.pop("sender", "سارة"))
    msg = kw.pop("msg", None) or message(sender)
    return explain_finding(finding(cats, sev, **kw), msg, lang=lang, guidance=g,  # type: ignore[arg-type]
                           templates=t)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("severity", list(Severity))
@pytest.mark.parametrize("category", CATEGORY_IDS)
def test_every_category_severity_and_language_is_explained(guidance: Guidance, templates: Templates,
                                                           category: str, severity: Severity,
                                                           lang: str) -> None:
    e = _explain(guidance, templates, (category,), severity, lang)
    assert e.what.strip() and e.why.strip() and e.severity_reason.strip()
    assert 3 <= len(e.steps) <= 6, [s.id for s in e.steps]
    assert all(s.text.strip() and s.source.strip() and s.url.startswith("http") for s in e.steps)
    assert len({s.text for s in e.steps}) == len(e.steps), "duplicate steps"
    tiers = [engine._STEP_INFO[s.id][0] for s in e.steps]
    assert tiers == sorted(tiers), "steps not in urgency order"
    for text in (e.what, e.severity_reason):
        assert "{" not in text and "}" not in text
    if lang == "ar":
        assert ARABIC_LETTER.search(e.what) and ARABIC_LETTER.search(e.severity_reason)
        assert ARABIC_DIGIT.search(e.what)
        assert not ASCII_DIGIT.search(strip_isolated(e.what + e.severity_reason))
        assert all(ARABIC_LETTER.search(s.text) for s in e.steps)
    else:
        for text in (e.what, e.why, e.severity_reason, *(s.text for s in e.steps)):
            assert not ARABIC_LETTER.search(strip_isolated(text)), text
            assert not ARABIC_DIGIT.search(strip_isolated(text)), text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("category", CATEGORY_IDS)
def test_secondary_categories_keep_three_to_six_steps(guidance: Guidance, templates: Templates,
                                                      category: str, lang: str) -> None:
    for other in CATEGORY_IDS:
        for severity in (Severity.LOW, Severity.CRITICAL):
            cats = tuple(c for c in CATEGORY_IDS if c in (category, other))
            e = _explain(guidance, templates, cats, severity, lang)
            assert 3 <= len(e.steps) <= 6
            assert len({s.id for s in e.steps}) == len(e.steps)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("code", engine.REASON_CODES)
def test_every_reason_code_renders(templates: Templates, code: str, lang: str) -> None:
    text = reason_text(Reason.make(code, **REASON_SAMPLES[code]), lang, templates=templates)
    assert text.strip() and "{" not in text and "}" not in text
    assert not text.startswith(templates.raw("reason.unknown", lang)[:10])
    if lang == "ar":
        assert ARABIC_LETTER.search(strip_isolated(text))
        assert not ASCII_DIGIT.search(strip_isolated(text))
    else:
        assert not ARABIC_LETTER.search(strip_isolated(text))
    for value in REASON_SAMPLES[code].values():
        if isinstance(value, str) and code != "grooming_sequence" and value.isalpha():
            assert f"{FSI}{value}{PDI}" in text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("n", [1, 2, 3, 11, 100])
def test_reasons_with_any_number_and_both_genders(templates: Templates, lang: str, n: int) -> None:
    for name in NAMES_AR + NAMES_EN:
        for code in ("same_sender", "pile_on", "escalation", "image_after_request"):
            params = {"sender": name, "count": n, "days": n, "senders": n, "hours": n, "minutes": n}
            text = reason_text(Reason.make(code, **params), lang, templates=templates)
            assert "{" not in text and "}" not in text


def test_unknown_reason_code_still_says_something(templates: Templates) -> None:
    for lang in LANGS:
        assert "new_rule" in reason_text(Reason.make("new_rule", x=1), lang, templates=templates)


def test_grooming_stages_in_order(templates: Templates) -> None:
    text = reason_text(Reason.make("grooming_sequence", sender="x", stages="photos,age,threats"), "ar",
                       templates=templates)
    assert text.index("العمر") < text.index("طلب صور") < text.index("تهديد أو ابتزاز")


def test_what_sentence_arabic(guidance: Guidance, templates: Templates) -> None:
    e = _explain(guidance, templates, ("threat",), Severity.HIGH, "ar")
    assert e.what == ("في ١٤ أكتوبر ٢٠٢٥ الساعة ١١:٤٢ مساءً، وصلت إلى طفلك رسالة من "
                      f"«{FSI}سارة{PDI}» فيها تهديد.")


def test_what_sentence_english(guidance: Guidance, templates: Templates) -> None:
    e = _explain(guidance, templates, ("threat",), Severity.HIGH, "en", sender="Sara")
    assert e.what == f"On 14 October 2025 at 11:42 pm, “{FSI}Sara{PDI}” sent your child a message containing a threat."


def test_what_in_a_group_names_the_group(guidance: Guidance, templates: Templates) -> None:
    msg = message("أحمد", conv=conversation("صف ٣ب", group=True))
    e = _explain(guidance, templates, ("insult",), Severity.LOW, "ar", msg=msg)
    assert f"«{FSI}صف ٣ب{PDI}»" in e.what and f"«{FSI}أحمد{PDI}»" in e.what


def test_child_own_message(guidance: Guidance, templates: Templates) -> None:
    msg = message("ليان")
    f = finding(("self_harm",), Severity.CRITICAL)
    e = explain_finding(f, msg, lang="ar", guidance=guidance, cues=("self_harm_words",), child="ليان",
                        templates=templates)
    assert "كتب طفلك" in e.what and "ليان" not in e.what
    assert "كلمات طفلك نفسه عن إيذاء النفس" in e.severity_reason
    ids = [s.id for s in e.steps]
    assert ids[0] == "self_harm:emergency-now"
    assert not any(i in ids for i in ("u:no-reply-no-forward", "u:block-and-report"))


def test_unknown_sender(guidance: Guidance, templates: Templates) -> None:
    e = _explain(guidance, templates, ("insult",), Severity.LOW, "ar", sender="  ")
    assert "مرسل غير معروف" in e.what


@pytest.mark.parametrize("lang", LANGS)
def test_names_with_bidi_controls_are_isolated(guidance: Guidance, templates: Templates, lang: str) -> None:
    evil = "\u202eevil\u2069 name"
    msg = message(evil, conv=conversation("\u202bgroup\u202c", group=True))
    f = finding(("insult",), Severity.HIGH, reasons=(Reason.make("same_sender", sender=evil, count=6, days=2),))
    e = explain_finding(f, msg, lang=lang, guidance=guidance, templates=templates)
    for text in (e.what, e.severity_reason):
        assert "\u202e" not in text and "\u202b" not in text and "\u202c" not in text
        assert f"{FSI}evil name{PDI}" in text
        assert text.count(FSI) == text.count(PDI)
    assert f"{FSI}group{PDI}" in e.what


def test_threat_with_family_and_place_is_explained(guidance: Guidance, templates: Templates) -> None:
    f = finding(("threat",), Severity.CRITICAL)
    msg = message()
    cues = ("harm_to_you", "harm_to_family", "harm_with_specifics")
    ar = explain_finding(f, msg, lang="ar", guidance=guidance, cues=cues, templates=templates)
    en = explain_finding(f, msg, lang="en", guidance=guidance, cues=cues, templates=templates)
    assert ar.severity_reason == "الخطورة حرجة: تهديد يذكر عائلتك، ومكانًا أو وقتًا محددًا."
    assert en.severity_reason == "Rated critical: a threat that mentions your family and a specific place or time."
    assert ar.steps[0].id == "threat:emergency-first"
    assert "threat:report-to-police" in [s.id for s in ar.steps]


def test_word_cues_speak_only_where_nothing_stronger_did(guidance: Guidance, templates: Templates) -> None:
    f = finding(("threat",), Severity.CRITICAL)
    strong = explain_finding(f, message(), lang="en", guidance=guidance, templates=templates,
                             cues=("harm_to_family", "threat_phrase", "harm_verb"))
    assert "your family" in strong.severity_reason and "threatening phrase" not in strong.severity_reason
    weak = explain_finding(finding(("threat", "insult"), Severity.HIGH), message(), lang="en", guidance=guidance,
                           templates=templates, cues=("threat_phrase", "harm_verb", "insult_words"))
    assert "a threatening phrase" in weak.severity_reason
    assert "physical harm" not in weak.severity_reason      # one phrase per category


def test_base_rule_when_nothing_else_applies(guidance: Guidance, templates: Templates) -> None:
    for cat in CATEGORY_IDS:
        e = _explain(guidance, templates, (cat,), engine.BASE_SEVERITY[cat], "ar")
        assert templates.text(f"severity.base.{cat}", "ar") in e.severity_reason
        assert e.severity_reason.startswith("الخطورة " + templates.text(
            f"severity.inline.{engine.BASE_SEVERITY[cat].id}", "ar"))


def test_strong_insult(guidance: Guidance, templates: Templates) -> None:
    e = _explain(guidance, templates, ("insult",), Severity.MEDIUM, "ar", scores={"insult": 0.95})
    assert "إهانة صريحة وجارحة" in e.severity_reason
    assert "دون تكرار" not in e.severity_reason


def test_raised_severity_is_explained_by_its_reasons(guidance: Guidance, templates: Templates) -> None:
    reasons = (Reason.make("same_sender", sender="ريم", count=14, days=3),
               Reason.make("same_sender", sender="ريم", count=4, days=1),
               Reason.make("pile_on", senders=4, hours=3),
               Reason.make("late_night", time="00:30"))
    e = _explain(guidance, templates, ("insult",), Severity.HIGH, "ar", reasons=reasons)
    assert e.severity_reason == (
        "الخطورة عالية: إساءة جماعية من ٤ أشخاص خلال ٣ ساعات؛ "
        f"رسائل مسيئة من المرسل نفسه «{FSI}ريم{PDI}»، ١٤ مرة خلال ٣ أيام؛ "
        "رسالة في ساعة متأخرة (١٢:٣٠ بعد منتصف الليل).")
    en = _explain(guidance, templates, ("insult",), Severity.HIGH, "en", reasons=reasons)
    assert "14 times in 3 days" in en.severity_reason and " 4 times" not in en.severity_reason


def test_blackmail_and_sexual_steps(guidance: Guidance, templates: Templates) -> None:
    e = _explain(guidance, templates, ("sexual", "blackmail"), Severity.CRITICAL, "en",
                 scores={"sexual": 0.7, "blackmail": 0.9})
    ids = [s.id for s in e.steps]
    assert ids[:2] == ["blackmail:dont-pay", "blackmail:stop-contact"]
    assert "u:never-keep-sexual-images" in ids
    assert any("Take It Down" in s.text for s in e.steps)
    assert "blackmail:criminal-to-blame" in ids
    sexual = _explain(guidance, templates, ("sexual",), Severity.CRITICAL, "en")
    sexual_ids = [s.id for s in sexual.steps]
    assert "u:never-keep-sexual-images" in sexual_ids and "sexual:not-in-trouble" in sexual_ids
    assert "sexual:dont-copy-image" not in sexual_ids   # same topic as never-keep


def test_main_category_and_why(guidance: Guidance, templates: Templates) -> None:
    e = _explain(guidance, templates, ("insult", "threat"), Severity.HIGH, "ar")
    assert e.why.startswith(guidance.why("threat", "ar"))
    assert "وفي الرسالة أيضًا إهانة أو سخرية" in e.why
    assert e.what.endswith("فيها تهديد، وإهانة أو سخرية.")


def test_step_sources_cite_title_and_url(guidance: Guidance, templates: Templates) -> None:
    e = _explain(guidance, templates, ("grooming",), Severity.HIGH, "ar")
    for step in e.steps:
        for part in step.source.split("; "):
            title, _, url = part.rpartition(" — ")
            assert title and url.startswith("http")
        assert step.url == step.source.split(" — ")[1].split("; ")[0]


def test_as_json_matches_the_report_contract(guidance: Guidance, templates: Templates) -> None:
    data = _explain(guidance, templates, ("rumor",), Severity.MEDIUM, "ar").as_json()
    assert set(data) == {"what", "why", "severity_reason", "steps"}
    assert all(set(s) == {"text", "source", "url"} for s in data["steps"])  # type: ignore[union-attr]


def test_date_is_the_message_wall_clock(guidance: Guidance, templates: Templates) -> None:
    msg = message(when=datetime(2025, 3, 1, 0, 5, tzinfo=RIYADH))
    e = _explain(guidance, templates, ("insult",), Severity.LOW, "en", msg=msg)
    assert e.what.startswith("On 1 March 2025 at 12:05 am,")


def test_names(templates: Templates) -> None:
    assert category_name("threat", "ar", templates=templates) == "تهديد"
    assert category_name("self_harm", "en", templates=templates) == "Self-harm"
    assert severity_name(Severity.CRITICAL, "ar", templates=templates) == "حرجة"
    assert severity_name("low", "en", templates=templates) == "Low"
    with pytest.raises(KeyError):
        category_name("nope", "ar", templates=templates)
    with pytest.raises(ValueError):
        category_name("threat", "fr", templates=templates)


def test_default_templates_load_from_assets() -> None:
    assert category_name("insult", "ar") == "تنمر وإهانة"


# -------------------------------------------------- consistency with the rest of Guardian

def test_urgency_orders_every_category_by_base_severity() -> None:
    assert set(engine.URGENCY) == set(CATEGORY_IDS)
    order = [engine.BASE_SEVERITY[c] for c in engine.URGENCY]
    assert order == sorted(order, reverse=True)


def test_every_cue_has_words(guidance: Guidance, templates: Templates) -> None:
    from guardian.analysis.cues import CUE_NAMES
    for cue in CUE_NAMES:
        keys = (f"cue.{cue}", f"cue.item.{cue}")
        assert any(templates.has(k) for k in keys), cue
    for cue in CUE_NAMES:
        cat = engine.CUE_CATEGORY[cue]
        f = finding((cat,), Severity.HIGH)
        for lang in LANGS:
            e = explain_finding(f, message(), lang=lang, guidance=guidance, cues=(cue,), templates=templates)
            assert "{" not in e.severity_reason and e.severity_reason.count(";") < 2


def test_reason_codes_match_the_conversation_rules() -> None:
    import inspect

    from guardian.analysis import conversation as rules
    source = inspect.getsource(rules)
    emitted = set(__import__("re").findall(r'Reason\.make\(\s*"(\w+)"', source))
    emitted |= {"child_distressed", "child_refused"}   # made from a variable
    assert emitted == set(engine.REASON_CODES)
    assert set(engine.STAGES) >= set(rules._GROOMING_STAGES.values()) | {"threats"}


def test_step_plan_refers_to_real_guidance_steps(guidance: Guidance) -> None:
    universal = {s.id for s in guidance.universal}
    for cat, plan in engine.STEP_PLAN.items():
        assert cat in CATEGORY_IDS
        for ref in plan:
            scope, _, sid = ref.partition(":")
            ids = universal if scope == "u" else {s.id for s in guidance.categories[scope].steps}
            assert sid in ids, ref
            assert ref in engine._STEP_INFO, ref
    assert set(engine.STEP_PLAN) == set(CATEGORY_IDS)

