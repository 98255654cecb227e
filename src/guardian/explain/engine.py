"""One finding in plain words: what was said, why it matters, why this
severity, and what to do now (each step with its sources).

All words come from ``assets/explain/templates.json`` (see `templates`) and
from the sourced guidance (``assets/guidance``); this module decides which
ones to use and in what order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from guardian.analysis.rules import BASE_SEVERITY, CUE_LABELS, SPECIFIC_THREAT_CUES, STRONG_INSULT
from guardian.domain import CATEGORY_IDS, Category, Finding, Message, Reason, Severity
from guardian.explain.templates import Templates, check_lang, default_templates
from guardian.guidance import Guidance, LocalizedStep

__all__ = [
    "CUE_CATEGORY", "Explanation", "REASON_CODES", "STAGES", "Step", "category_name",
    "explain_finding", "main_category", "ordered_categories", "reason_text", "severity_name",
]

# Most urgent first, for choosing a finding's main category and ordering
# lists of harms; ties in BASE_SEVERITY broken by what needs help soonest.
URGENCY: tuple[str, ...] = ("self_harm", "blackmail", "sexual", "threat", "grooming", "exclusion",
                            "rumor", "impersonation", "insult")
CUE_CATEGORY: Mapping[str, str] = CUE_LABELS
_THREAT_SPECIFICS: tuple[str, ...] = tuple(sorted(SPECIFIC_THREAT_CUES))
_STRONG_INSULT = STRONG_INSULT
_GROOMING_ITEMS: tuple[str, ...] = ("secrecy", "age_or_alone", "private_app", "gift_offer")
_SEXUAL_CUES: tuple[str, ...] = ("image_body_request", "body_request", "image_request")  # strongest first
_BLACKMAIL_CUES: tuple[str, ...] = ("money_leverage", "conditional_publish", "publish_your_photos")
# Cues that only say a category's words are present (and, for insults
# first, that they are aimed at someone): named for a category no stronger
# cue above has described, strongest first.
_WORD_CUES: tuple[str, ...] = ("threat_phrase", "harm_verb", "sexual_talk", "body_words", "publish_verb",
                               "fake_account_words", "rumor_words", "insult_addressed", "insult_words")

# Reason codes the conversation rules emit, most telling first.
REASON_CODES: tuple[str, ...] = (
    "image_after_request", "grooming_sequence", "escalation", "pile_on", "same_sender",
    "child_distressed", "child_refused", "late_night")
# grooming_sequence stages, in the order the rule names them.
STAGES: tuple[str, ...] = ("age", "secrecy", "gifts", "private", "photos", "threats")
_MAX_REASONS = 5
_MAX_HARMS = 3

# ---------------------------------------------------------------- steps
# Each step a finding can show: "u:<id>" is a universal rule, "<category>:<id>"
# a category step in assets/guidance/steps.json.  Urgency tier (1 = someone
# may be in danger now, 2 = stop the harm / don't make it worse, 3 = support
# the child, 4 = keep evidence, 5 = block, report, take down, 6 = police,
# school, professionals, 7 = later) orders what is shown; topics keep two
# steps that say the same thing from both appearing.
_STEP_INFO: Mapping[str, tuple[int, tuple[str, ...]]] = {
    "u:calm-not-your-fault": (3, ("support",)),
    "u:keep-the-device": (3, ("device",)),
    "u:no-reply-no-forward": (2, ("no-reply",)),
    "u:save-evidence-first": (4, ("evidence",)),
    "u:never-keep-sexual-images": (2, ("images",)),
    "u:block-and-report": (5, ("block",)),
    "u:tell-the-school": (6, ("school",)),
    "u:when-police": (6, ("police",)),
    "u:sextortion-rules": (2, ("pay",)),
    "u:care-over-time": (7, ("care",)),
    "insult:listen-first": (3, ("support",)),
    "insult:dont-answer-back": (2, ("no-reply",)),
    "insult:save-block-report": (4, ("evidence", "block")),
    "insult:share-with-school": (6, ("school",)),
    "insult:tighten-privacy": (5, ("privacy",)),
    "insult:escalate-national": (5, ("national",)),
    "insult:watch-changes": (7, ("care",)),
    "threat:emergency-first": (1, ("emergency",)),
    "threat:report-to-police": (6, ("police",)),
    "threat:no-reply-keep-all": (2, ("no-reply",)),
    "threat:write-down-details": (4, ("evidence",)),
    "threat:stalking-police": (6, ("stalking",)),
    "threat:tell-school": (6, ("school",)),
    "sexual:not-in-trouble": (3, ("support",)),
    "sexual:dont-copy-image": (2, ("images",)),
    "sexual:take-it-down": (5, ("takedown",)),
    "sexual:stopncii-adults-only": (7, ("stopncii",)),
    "sexual:iwf-link": (5, ("iwf",)),
    "sexual:report-adult-request": (6, ("police",)),
    "sexual:block-report": (5, ("block",)),
    "sexual:talk-later-forwarding": (7, ("later",)),
    "blackmail:dont-pay": (2, ("pay",)),
    "blackmail:stop-contact": (2, ("no-reply",)),
    "blackmail:block-dont-delete": (4, ("evidence", "block")),
    "blackmail:report-quickly": (5, ("police", "takedown")),
    "blackmail:change-passwords": (5, ("passwords",)),
    "blackmail:criminal-to-blame": (3, ("support",)),
    "blackmail:pattern-warning": (7, ("info",)),
    "grooming:warning-signs": (7, ("signs",)),
    "grooming:how-groomers-work": (7, ("info",)),
    "grooming:move-app-suspicious": (5, ("app",)),
    "grooming:raise-calmly": (3, ("talk",)),
    "grooming:report-even-unsure": (6, ("police",)),
    "grooming:save-stop-responding": (4, ("evidence", "no-reply")),
    "grooming:reassure-support": (3, ("support",)),
    "rumor:it-is-bullying": (7, ("info",)),
    "rumor:fake-sexual-image": (5, ("fake-image",)),
    "rumor:tell-school": (6, ("school",)),
    "rumor:save-report-posts": (4, ("evidence",)),
    "rumor:dont-reply": (2, ("no-reply",)),
    "impersonation:it-is-bullying": (7, ("info",)),
    "impersonation:save-profile": (4, ("evidence",)),
    "impersonation:report-escalate": (5, ("block", "national")),
    "impersonation:hacked-account": (5, ("passwords",)),
    "impersonation:police-identity-theft": (6, ("police",)),
    "exclusion:take-seriously": (3, ("serious",)),
    "exclusion:lean-on-friends": (3, ("friends",)),
    "exclusion:save-report-incitement": (4, ("evidence",)),
    "exclusion:hate-crime": (6, ("hate",)),
    "exclusion:suicide-urging": (6, ("suicide",)),
    "self_harm:emergency-now": (1, ("emergency",)),
    "self_harm:ask-directly": (3, ("ask",)),
    "self_harm:listen-no-judgement": (3, ("support",)),
    "self_harm:limit-means": (1, ("means",)),
    "self_harm:professional-help": (6, ("professional",)),
    "self_harm:take-seriously": (3, ("serious",)),
    "self_harm:look-after-yourself": (7, ("care",)),
}
# Per category, the steps worth showing, most important first (the cut at six
# drops the tail).  Steps missing at a severity (guidance "severities") are
# skipped.  Self-harm deliberately has no "don't reply / block the sender"
# rules: the words are the child's own.
STEP_PLAN: Mapping[str, tuple[str, ...]] = {
    "insult": ("insult:listen-first", "insult:dont-answer-back", "insult:save-block-report",
               "insult:share-with-school", "u:keep-the-device", "insult:escalate-national",
               "insult:watch-changes", "insult:tighten-privacy"),
    "threat": ("threat:emergency-first", "threat:report-to-police", "threat:no-reply-keep-all",
               "threat:write-down-details", "u:calm-not-your-fault", "threat:tell-school",
               "threat:stalking-police", "u:keep-the-device"),
    "sexual": ("u:never-keep-sexual-images", "sexual:not-in-trouble", "sexual:report-adult-request",
               "sexual:take-it-down", "sexual:block-report", "u:keep-the-device",
               "sexual:talk-later-forwarding"),
    "blackmail": ("blackmail:dont-pay", "blackmail:stop-contact", "blackmail:block-dont-delete",
                  "blackmail:report-quickly", "blackmail:criminal-to-blame", "u:never-keep-sexual-images",
                  "blackmail:change-passwords"),
    "grooming": ("grooming:report-even-unsure", "grooming:save-stop-responding", "grooming:reassure-support",
                 "u:keep-the-device", "grooming:raise-calmly", "grooming:move-app-suspicious",
                 "grooming:warning-signs"),
    "rumor": ("rumor:dont-reply", "rumor:save-report-posts", "u:calm-not-your-fault", "rumor:tell-school",
              "rumor:fake-sexual-image", "u:keep-the-device", "rumor:it-is-bullying"),
    "impersonation": ("impersonation:save-profile", "impersonation:report-escalate", "u:calm-not-your-fault",
                      "impersonation:hacked-account", "impersonation:police-identity-theft",
                      "u:no-reply-no-forward", "impersonation:it-is-bullying"),
    "exclusion": ("exclusion:take-seriously", "exclusion:save-report-incitement", "exclusion:lean-on-friends",
                  "u:calm-not-your-fault", "exclusion:suicide-urging", "exclusion:hate-crime",
                  "u:keep-the-device"),
    "self_harm": ("self_harm:emergency-now", "self_harm:ask-directly", "self_harm:listen-no-judgement",
                  "self_harm:limit-means", "self_harm:professional-help", "self_harm:take-seriously",
                  "self_harm:look-after-yourself"),
}
# A finding rated "none" gets no category steps from the guidance; it still
# gets the basics.
_BASICS: tuple[str, ...] = ("u:calm-not-your-fault", "u:save-evidence-first", "u:keep-the-device")
MIN_STEPS, MAX_STEPS = 3, 6


@dataclass(frozen=True, slots=True)
class Step:
    """One thing to do, with the sources it rests on.  `source` is a
    citation ("title — url; title — url"), `url` the first source's URL,
    `id` the guidance reference ("u:keep-the-device", "threat:tell-school")."""

    text: str
    source: str
    url: str = ""
    id: str = ""

    def as_json(self) -> dict[str, str]:
        return {"text": self.text, "source": self.source, "url": self.url}


@dataclass(frozen=True, slots=True)
class Explanation:
    what: str
    why: str
    severity_reason: str
    steps: tuple[Step, ...]

    def as_json(self) -> dict[str, object]:
        """The report contract: {"what", "why", "severity_reason",
        "steps": [{"text", "source", "url"}]}."""
        return {"what": self.what, "why": self.why, "severity_reason": self.severity_reason,
                "steps": [s.as_json() for s in self.steps]}


# ---------------------------------------------------------------- names

def resolve_templates(templates: Templates | None) -> Templates:
    """The given templates, or the app's own (loaded once from the assets)."""
    if templates is not None:
        return templates
    from guardian import paths
    return default_templates(paths.assets_dir())


def category_name(category: str | Category, lang: str, *, templates: Templates | None = None) -> str:
    cid = category.value if isinstance(category, Category) else category
    if cid not in CATEGORY_IDS:
        raise KeyError(f"unknown category {category!r}")
    return resolve_templates(templates).text(f"category.{cid}", lang)


def severity_name(severity: Severity | str, lang: str, *, templates: Templates | None = None) -> str:
    sev = severity if isinstance(severity, Severity) else Severity.from_id(severity)
    return resolve_templates(templates).text(f"severity.{sev.id}", lang)


def ordered_categories(categories: Sequence[str]) -> list[str]:
    """Most urgent first; unknown ids dropped."""
    return [c for c in URGENCY if c in categories]


def main_category(finding: Finding) -> str | None:
    """The category the explanation leads with: the highest base severity,
    then the highest score, then the most urgent."""
    cats = ordered_categories(finding.categories)
    if not cats:
        return None
    return max(cats, key=lambda c: (BASE_SEVERITY[c], finding.scores.get(c, 0.0), -URGENCY.index(c)))


# ---------------------------------------------------------------- explain

def explain_finding(finding: Finding, message: Message, *, lang: str, guidance: Guidance,
                    cues: Sequence[str] = (), child: str | None = None,
                    templates: Templates | None = None) -> Explanation:
    """Explain one finding about `message` to a parent, in `lang` ("ar" or
    "en").  `cues` are the message's cue names from classification
    (guardian.analysis.cues.CUE_NAMES), when the caller has them; `child` is
    the child's name in this chat, when known."""
    check_lang(lang)
    t = resolve_templates(templates)
    main = main_category(finding)
    cats = ordered_categories(finding.categories)
    if main is not None:
        cats = [main] + [c for c in cats if c != main]
    from_child = bool(child) and message.sender == child
    return Explanation(
        what=_what(t, finding, message, cats, lang, from_child),
        why=_why(t, guidance, cats, lang),
        severity_reason=_severity_reason(t, finding, message, main, cues, lang, from_child),
        steps=_steps(guidance, cats, finding.severity, lang),
    )


def _what(t: Templates, finding: Finding, message: Message, cats: list[str], lang: str,
          from_child: bool) -> str:
    harms = [t.text(f"harm.{c}", lang) for c in cats[:_MAX_HARMS]]
    slots = {"date": t.date(message.timestamp, lang), "time": t.time(message.timestamp, lang),
             "harm": t.join(harms, lang) if harms else t.text("harm.insult", lang)}
    if from_child:
        return t.text("what.child", lang, **slots)
    sender = t.name(message.sender, lang) if message.sender.strip() else t.text("name.unknown", lang)
    title = message.conversation.title.strip()
    if message.conversation.is_group and title:
        return t.text("what.group", lang, sender=sender, title=t.name(title, lang), **slots)
    return t.text("what.direct", lang, sender=sender, **slots)


def _why(t: Templates, guidance: Guidance, cats: list[str], lang: str) -> str:
    if not cats:
        return ""
    text = guidance.why(cats[0], lang).strip()
    for other in cats[1:2]:
        line = _first_sentence(guidance.why(other, lang))
        if line and line not in text:
            text += " " + t.text("why.also", lang, harm=t.text(f"harm.{other}", lang), line=line)
    return text


def _first_sentence(text: str) -> str:
    text = text.strip()
    for end in (". ", ".\n"):
        cut = text.find(end)
        if cut != -1:
            return text[:cut + 1]
    return text


def _severity_reason(t: Templates, finding: Finding, message: Message, main: str | None,
                     cues: Sequence[str], lang: str, from_child: bool) -> str:
    """ "الخطورة حرجة: a; b; c."  In order: message cues that set the rating
    (a threat with specifics, a very strong insult); the category's base rule
    when nothing raised the rating above it; the conversation rules' Reasons,
    most telling first; then cues that describe the message, the main
    category's first."""
    cats = set(finding.categories)
    cue_set = {c for c in cues if CUE_CATEGORY.get(c) in cats}
    setting: list[str] = []
    described: list[tuple[str, str]] = []     # (category, phrase)
    if "threat" in cats:
        specifics = [c for c in _THREAT_SPECIFICS if c in cue_set]
        if specifics:
            items = [t.text(f"cue.item.{c}", lang) for c in specifics]
            setting.append(t.text("cue.threat_mentions", lang, items=t.join(items, lang)))
        elif "harm_to_you" in cue_set and not message.conversation.is_group:
            described.append(("threat", t.text("cue.harm_to_you", lang)))
    if (tuple(finding.categories) == ("insult",) and finding.scores.get("insult", 0.0) >= _STRONG_INSULT
            and finding.severity >= Severity.MEDIUM):
        setting.append(t.text("severity.insult_strong", lang))
    for c in _SEXUAL_CUES:
        if c in cue_set:
            described.append(("sexual", t.text(f"cue.{c}", lang)))
            break
    described += [("blackmail", t.text(f"cue.{c}", lang)) for c in _BLACKMAIL_CUES if c in cue_set]
    grooming = [t.text(f"cue.item.{c}", lang) for c in _GROOMING_ITEMS if c in cue_set]
    if grooming:
        described.append(("grooming", t.text("cue.grooming_signs", lang, items=t.join(grooming, lang))))
    elif "grooming_combo" in cue_set:
        described.append(("grooming", t.text("cue.grooming_combo", lang)))
    if "self_harm_words" in cue_set:
        described.append(("self_harm", t.text("cue.self_harm_words.child" if from_child
                                              else "cue.self_harm_words", lang)))
    if "exclusion_call" in cue_set:
        described.append(("exclusion", t.text("cue.exclusion_call", lang)))
    covered = {category for category, _ in described}
    if any(c in cue_set for c in _THREAT_SPECIFICS):
        covered.add("threat")
    for c in _WORD_CUES:
        if c in cue_set and CUE_CATEGORY[c] not in covered:
            described.append((CUE_CATEGORY[c], t.text(f"cue.{c}", lang)))
            covered.add(CUE_CATEGORY[c])
    reasons = [reason_text(r, lang, templates=t) for r in _distinct_reasons(finding.reasons)]

    phrases = list(setting)
    base = BASE_SEVERITY.get(main or "", Severity.NONE)
    if main is not None and (not setting and not reasons or finding.severity <= base):
        phrases.append(t.text(f"severity.base.{main}", lang))
    phrases += reasons
    described.sort(key=lambda item: item[0] != main)
    phrases += [phrase for _, phrase in described]
    phrases = list(dict.fromkeys(p for p in phrases if p))[:_MAX_REASONS]
    if not phrases:
        phrases = [t.text("severity.base.insult", lang)]
    joined = t.raw("join.reasons", lang).join(phrases)
    if finding.severity == Severity.NONE:
        return t.text("severity.sentence.none", lang, reasons=joined)
    return t.text("severity.sentence", lang,
                  severity=t.text(f"severity.inline.{finding.severity.id}", lang), reasons=joined)


def _distinct_reasons(reasons: Sequence[Reason]) -> list[Reason]:
    """One reason per rule (and per sender), the strongest kept, most telling
    rule first.  A message inside several repetition windows carries one
    same_sender reason per window; the parent needs the largest."""
    best: dict[tuple[str, str], Reason] = {}
    for r in reasons:
        v = r.values
        key = (r.code, str(v.get("sender", "")))
        weight = number(v.get("count", v.get("senders", v.get("days", 0))))
        if key not in best or weight > number(best[key].values.get(
                "count", best[key].values.get("senders", best[key].values.get("days", 0)))):
            best[key] = r
    order = {code: i for i, code in enumerate(REASON_CODES)}
    return sorted(best.values(), key=lambda r: order.get(r.code, len(order)))


def number(value: object) -> int:
    """A Reason parameter as an int (0 when it is not a number)."""
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def reason_text(reason: Reason, lang: str, *, templates: Templates | None = None) -> str:
    """One Reason as a short phrase ("المرسل نفسه «X»: ١٤ مرة خلال ٣ أيام")."""
    t = resolve_templates(templates)
    v = reason.values
    code = reason.code
    key = f"reason.{code}"
    if code not in REASON_CODES or not t.has(key):
        return t.text("reason.unknown", lang, code=code)
    slots: dict[str, object] = {}
    for name, noun in t.slots(key, lang).items():
        if name == "sender":
            sender = str(v.get("sender", "")).strip()
            slots[name] = t.name(sender, lang) if sender else t.text("name.unknown", lang)
        elif name == "time":
            slots[name] = _clock(t, str(v.get("time", "")), lang)
        elif name == "stages":
            slots[name] = stages_text(str(v.get("stages", "")), lang, templates=t)
        elif noun:
            slots[name] = max(0, number(v.get(name, 0)))
        else:
            slots[name] = v.get(name, "")
    return t.text(key, lang, **slots)


def stages_text(stages: str, lang: str, *, templates: Templates | None = None) -> str:
    t = resolve_templates(templates)
    named = [s.strip() for s in stages.split(",") if s.strip()]
    return t.join([t.text(f"stage.{s}", lang) for s in STAGES if s in named], lang)


def _clock(t: Templates, hhmm: str, lang: str) -> str:
    try:
        moment = datetime.strptime(hhmm.strip(), "%H:%M")
    except ValueError:
        return hhmm
    return t.clock(moment.hour, moment.minute, lang)


# ---------------------------------------------------------------- steps

def _steps(guidance: Guidance, cats: list[str], severity: Severity, lang: str) -> tuple[Step, ...]:
    available = _available(guidance, cats, severity, lang)
    chosen: list[str] = []
    topics: set[str] = set()

    def take(ref: str) -> bool:
        if ref in chosen or ref not in available:
            return False
        info = _STEP_INFO.get(ref, (7, ()))
        if topics & set(info[1]):
            return False
        chosen.append(ref)
        topics.update(info[1])
        return True

    if severity > Severity.NONE and cats:
        main, secondary = cats[0], cats[1:]
        main_plan = STEP_PLAN.get(main, ())
        budget = MAX_STEPS - min(len(secondary), 2)
        for ref in main_plan:
            if len(chosen) >= budget:
                break
            take(ref)
        for other in secondary:
            if len(chosen) >= MAX_STEPS:
                break
            for ref in STEP_PLAN.get(other, ()):
                if take(ref):
                    break
        for ref in main_plan:
            if len(chosen) >= MAX_STEPS:
                break
            take(ref)
    for ref in _BASICS:
        if len(chosen) >= MIN_STEPS:
            break
        take(ref)
    chosen.sort(key=lambda ref: _STEP_INFO.get(ref, (7, ()))[0])   # stable: importance within a tier
    return tuple(_step(available[ref], ref) for ref in chosen[:MAX_STEPS])


def _available(guidance: Guidance, cats: list[str], severity: Severity,
               lang: str) -> dict[str, LocalizedStep]:
    """Every step this finding may show at its severity, by reference."""
    out: dict[str, LocalizedStep] = {}
    sev = severity.id
    universal = {s.id: s for s in guidance.universal}
    for step in guidance.universal_steps(lang):
        if severity == Severity.NONE or sev in universal[step.id].severities:
            out[f"u:{step.id}"] = step
    for cat in cats:
        for step in guidance.steps_for(cat, severity, lang):
            out[f"{cat}:{step.id}"] = step
    return out


def _step(step: LocalizedStep, ref: str) -> Step:
    source = "; ".join(f"{s.title} — {s.url}" for s in step.sources)
    url = step.sources[0].url if step.sources else ""
    return Step(step.text, source, url, ref)
