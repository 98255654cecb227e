"""Words the report files print around the data: category, severity,
review-state and attachment names, and section headings, in Arabic and
English.  A data module (no logic beyond lookup)."""

from __future__ import annotations

from guardian.domain import CATEGORY_IDS
from guardian.explain import category_name, severity_name

# Category and severity names come from the explanation templates
# (assets/explain/templates.json), the one place they are written.
CATEGORY_ORDER: tuple[str, ...] = CATEGORY_IDS

# Worst first, for summaries.
SEVERITY_ORDER: tuple[str, ...] = ("critical", "high", "medium", "low", "none")

REVIEW_STATES: dict[str, dict[str, str]] = {
    "new": {"ar": "لم تُراجَع بعد", "en": "Not reviewed yet"},
    "reviewed": {"ar": "تمت مراجعتها", "en": "Reviewed"},
    "not_a_problem": {"ar": "ليست مشكلة", "en": "Not a problem"},
    "important": {"ar": "مهمة", "en": "Important"},
}

ATTACHMENTS: dict[str, dict[str, str]] = {
    "image": {"ar": "صورة", "en": "Image"},
    "video": {"ar": "فيديو", "en": "Video"},
    "audio": {"ar": "مقطع صوتي", "en": "Audio"},
    "sticker": {"ar": "ملصق", "en": "Sticker"},
    "gif": {"ar": "صورة متحركة", "en": "GIF"},
    "document": {"ar": "مستند", "en": "Document"},
    "contact": {"ar": "جهة اتصال", "en": "Contact"},
    "location": {"ar": "موقع", "en": "Location"},
    "other": {"ar": "مرفق", "en": "Attachment"},
}

TEXT: dict[str, dict[str, str]] = {
    "title": {"ar": "تقرير حارس", "en": "Guardian report"},
    "subtitle": {"ar": "تقرير سري للمرشد أو المختص", "en": "Confidential report for a counsellor"},
    "child": {"ar": "الطفل", "en": "Child"},
    "period": {"ar": "الفترة", "en": "Period"},
    "from_to": {"ar": "من {first} إلى {last}", "en": "from {first} to {last}"},
    "created": {"ar": "تاريخ الإنشاء", "en": "Created"},
    "app_version": {"ar": "إصدار حارس", "en": "Guardian version"},
    "report_id": {"ar": "رقم التقرير", "en": "Report ID"},
    "redacted": {"ar": "الأسماء وأرقام الهواتف والعناوين البريدية في هذه النسخة مموّهة.",
                 "en": "Names, phone numbers and e-mail addresses in this copy are masked."},
    "sources": {"ar": "الملفات المصدر", "en": "Source files"},
    "path": {"ar": "الملف", "en": "File"},
    "format": {"ar": "الصيغة", "en": "Format"},
    "imported": {"ar": "وقت الاستيراد", "en": "Imported"},
    "importer": {"ar": "إصدار المستورد", "en": "Importer version"},
    "sha256": {"ar": "البصمة (SHA-256)", "en": "SHA-256"},
    "summary": {"ar": "ملخص المحادثات", "en": "Conversation summaries"},
    "conversation": {"ar": "المحادثة", "en": "Conversation"},
    "participants": {"ar": "المشاركون", "en": "Participants"},
    "involved": {"ar": "المشاركون في الرسائل المرصودة", "en": "People in the findings"},
    "by_category": {"ar": "حسب النوع", "en": "By category"},
    "by_severity": {"ar": "حسب الخطورة", "en": "By severity"},
    "patterns": {"ar": "أنماط لوحظت", "en": "Patterns found"},
    "read_first": {"ar": "ابدأ بقراءة", "en": "Read first"},
    "findings": {"ar": "الرسائل المرصودة", "en": "Findings"},
    "finding": {"ar": "رسالة مرصودة", "en": "Finding"},
    "no_findings": {"ar": "لم يُرصد شيء.", "en": "Nothing was found."},
    "what_said": {"ar": "ما قيل", "en": "What was said"},
    "sender": {"ar": "المرسل", "en": "Sender"},
    "time": {"ar": "الوقت", "en": "Time"},
    "categories": {"ar": "النوع", "en": "Category"},
    "evidence_words": {"ar": "الكلمات الدالة", "en": "Evidence words"},
    "attachment": {"ar": "مرفق (لم يُحفظ ولم يُعرض)", "en": "Attachment (not kept, not shown)"},
    "empty_message": {"ar": "(رسالة فارغة)", "en": "(empty message)"},
    "context": {"ar": "سياق المحادثة", "en": "Context"},
    "child_reply": {"ar": "ردّ الطفل", "en": "Child's reply"},
    "what": {"ar": "ما الذي رُصد", "en": "What we found"},
    "why": {"ar": "لماذا يهم", "en": "Why it matters"},
    "severity": {"ar": "الخطورة", "en": "How serious"},
    "severity_reason": {"ar": "سبب تقدير الخطورة", "en": "Why this severity"},
    "steps": {"ar": "ماذا تفعل الآن", "en": "What to do now"},
    "source": {"ar": "المصدر", "en": "Source"},
    "review": {"ar": "المراجعة", "en": "Review"},
    "note": {"ar": "ملاحظة الوالدين", "en": "Parent's note"},
    "recommended": {"ar": "الخطوات الموصى بها", "en": "Recommended steps"},
    "help": {"ar": "جهات المساعدة", "en": "Where to get help"},
    "help_note": {"ar": "لم تُجرَّب هذه الأرقام بالاتصال؛ تأكد منها قبل الاعتماد عليها.",
                  "en": "These numbers were not call-tested; confirm them before relying on them."},
    "country": {"ar": "البلد", "en": "Country"},
    "name": {"ar": "الجهة", "en": "Service"},
    "phone": {"ar": "الهاتف", "en": "Phone"},
    "url": {"ar": "الموقع", "en": "Website"},
    "checked": {"ar": "تاريخ التحقق", "en": "Checked"},
    "appendix": {"ar": "ملحق الأدلة", "en": "Evidence appendix"},
    "appendix_note": {"ar": "السطر أو السجل الأصلي كما ورد في ملف التصدير، دون تعديل.",
                      "en": "The original line or record as it appears in the export, unedited."},
    "raw": {"ar": "النص الأصلي", "en": "Raw record"},
    "position": {"ar": "الموضع في الملف", "en": "Position in file"},
    "page": {"ar": "صفحة {n} من {total}", "en": "Page {n} of {total}"},
    "placeholder_note": {"ar": "¤ = رمز لا يمكن عرضه في هذا الملف (مثل الرموز التعبيرية).",
                         "en": "¤ = a symbol this file cannot show (such as an emoji)."},
    "none": {"ar": "لا يوجد", "en": "None"},
}


def text(key: str, lang: str) -> str:
    """A heading or phrase; English when the language is not covered."""
    entry = TEXT[key]
    return entry.get(lang) or entry["en"]


def _lookup(table: dict[str, dict[str, str]], key: str, lang: str) -> str:
    entry = table.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]


def category(key: str, lang: str) -> str:
    try:
        return category_name(key, lang)
    except KeyError:       # a label from another tool's report: shown as is
        return key


def severity(key: str, lang: str) -> str:
    try:
        return severity_name(key, lang)
    except ValueError:
        return key


def review_state(key: str, lang: str) -> str:
    return _lookup(REVIEW_STATES, key, lang)


def attachment(key: str, lang: str) -> str:
    return _lookup(ATTACHMENTS, key, lang)
