"""Explain every finding in plain words, Arabic first, English second.

Qt-free and light: it imports the domain model and the guidance loader,
never Qt and never the classifier.  Every sentence comes from
``assets/explain/templates.json`` (slots filled here) or from the sourced
guidance in ``assets/guidance``; no user-facing text is written in Python.

API
---
``explain_finding(finding, message, *, lang, guidance, cues=(), child=None,
templates=None) -> Explanation``
    ``Explanation(what, why, severity_reason, steps)``; ``as_json()`` gives the
    report contract ``{"what", "why", "severity_reason", "steps": [{"text",
    "source", "url"}]}``.

    * ``what``: when, from whom, what kind of harm ("في ١٤ أكتوبر ٢٠٢٥ الساعة
      ١١:٤٢ مساءً، وصلت إلى طفلك رسالة من «سارة» فيها تهديد.").  Dates in the
      message's own wall-clock time, Arabic-Indic digits in Arabic.  Names are
      quoted and wrapped in FSI…PDI isolates after their own bidi controls are
      removed (`templates.isolate`).  The message text itself is not repeated:
      the renderers show it and highlight ``finding.spans``.
    * ``why``: the guidance ``why`` of the main category (highest base
      severity, then score), plus the first sentence for one more category.
    * ``severity_reason``: "الخطورة حرجة: …" built from the finding's Reasons
      (conversation rules), the message's ``cues`` (pass
      ``Prediction.cues``; findings do not store them) and, when nothing
      raised the rating, the category's base rule.
    * ``steps``: three to six ``Step(text, source, url, id)``: the main
      category's plan (`engine.STEP_PLAN`) plus the most important step of up
      to two further categories, filtered by the guidance's severities,
      de-duplicated by topic and ordered by urgency (danger now, stop the harm,
      support the child, evidence, block/report, police/school, later).
      ``source`` cites every source as "title — url" joined by "; ".

``summarize_conversation(conversation_title, messages_by_id, findings, lang,
*, templates=None) -> Summary``
    Period (ISO first/last and a localized ``period_text``), participants (the
    findings' senders, most findings first), ``by_category`` /
    ``by_severity`` counts, ``patterns`` (sentences from the Reasons:
    picture after a request, grooming sequence, escalation, pile-on,
    repetition, the child's distress, late-night contact, the child's
    refusal), ``read_first`` (three finding ids: highest severity, then most
    recent) and an ``overview`` line.  ``as_json()`` matches the report's
    ``conversations[].summary``.

``help_for(country, lang, guidance) -> list[dict]``
    The country's helplines in the guidance's order, each ``{country, name,
    phone, url, source, checked}``.  ``guess_country()`` reads LC_ALL /
    LC_MESSAGES / LANG, then ``locale.getlocale()`` ("ar_SA.UTF-8" -> "SA");
    "ZZ" (international) when it cannot tell.

``category_name(id, lang)``, ``severity_name(severity, lang)``, ``reason_text(reason, lang)``
    Display names and single Reason phrases.

Every function takes ``lang`` "ar" or "en" (anything else is a ValueError)
and an optional ``templates`` (default: loaded once from
``guardian.paths.assets_dir()`` on first use, never at import).
"""

from __future__ import annotations

from guardian.explain.engine import (
    Explanation,
    Step,
    category_name,
    explain_finding,
    main_category,
    reason_text,
    severity_name,
)
from guardian.explain.help import guess_country, help_for
from guardian.explain.summary import Summary, summarize_conversation
from guardian.explain.templates import TemplateError, Templates, isolate, load_templates

__all__ = [
    "Explanation", "Step", "Summary", "TemplateError", "Templates", "category_name",
    "explain_finding", "guess_country", "help_for", "isolate", "load_templates",
    "main_category", "reason_text", "severity_name", "summarize_conversation",
]
