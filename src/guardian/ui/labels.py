"""Names shown for categories, severities, review states and platforms,
marked for translation once and looked up by id."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from guardian.domain import ReviewState, Severity

_CTX = "Labels"

CATEGORY_NAMES = {
    "insult": QT_TRANSLATE_NOOP("Labels", "Insults and mockery"),
    "threat": QT_TRANSLATE_NOOP("Labels", "Threats"),
    "sexual": QT_TRANSLATE_NOOP("Labels", "Sexual content"),
    "blackmail": QT_TRANSLATE_NOOP("Labels", "Blackmail"),
    "grooming": QT_TRANSLATE_NOOP("Labels", "Grooming by a stranger"),
    "rumor": QT_TRANSLATE_NOOP("Labels", "Rumours"),
    "impersonation": QT_TRANSLATE_NOOP("Labels", "Impersonation"),
    "exclusion": QT_TRANSLATE_NOOP("Labels", "Exclusion"),
    "self_harm": QT_TRANSLATE_NOOP("Labels", "Self-harm or deep distress"),
}

SEVERITY_NAMES = {
    Severity.NONE: QT_TRANSLATE_NOOP("Labels", "None"),
    Severity.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    Severity.MEDIUM: QT_TRANSLATE_NOOP("Labels", "Medium"),
    Severity.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    Severity.CRITICAL: QT_TRANSLATE_NOOP("Labels", "Critical"),
}

# A shape per severity, so the level reads without colour too.
SEVERITY_MARKS = {Severity.NONE: "", Severity.LOW: "▁", Severity.MEDIUM: "▲",
                  Severity.HIGH: "▲▲", Severity.CRITICAL: "■■■"}

# Dark enough for white text and distinct in grey scale (luminance falls
# with severity), so high-contrast themes and colour-blind parents can read it.
SEVERITY_COLOURS = {Severity.NONE: QColor("#6b7280"), Severity.LOW: QColor("#2f6f9f"),
                    Severity.MEDIUM: QColor("#9a6700"), Severity.HIGH: QColor("#b4461b"),
                    Severity.CRITICAL: QColor("#8b0000")}

REVIEW_NAMES = {
    ReviewState.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
    ReviewState.REVIEWED: QT_TRANSLATE_NOOP("Labels", "Reviewed"),
    ReviewState.NOT_A_PROBLEM: QT_TRANSLATE_NOOP("Labels", "Not a problem"),
    ReviewState.IMPORTANT: QT_TRANSLATE_NOOP("Labels", "Important"),
}

CATEGORY_COLOURS = {
    "insult": QColor("#4e79a7"), "threat": QColor("#e15759"), "sexual": QColor("#b07aa1"),
    "blackmail": QColor("#9c755f"), "grooming": QColor("#f28e2b"), "rumor": QColor("#76b7b2"),
    "impersonation": QColor("#59a14f"), "exclusion": QColor("#edc948"), "self_harm": QColor("#ff9da7"),
}

PLATFORM_NAMES = {
    "whatsapp": QT_TRANSLATE_NOOP("Labels", "WhatsApp"),
    "telegram": QT_TRANSLATE_NOOP("Labels", "Telegram"),
    "instagram": QT_TRANSLATE_NOOP("Labels", "Instagram"),
    "messenger": QT_TRANSLATE_NOOP("Labels", "Messenger"),
    "discord": QT_TRANSLATE_NOOP("Labels", "Discord"),
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS text messages"),
    "snapchat": QT_TRANSLATE_NOOP("Labels", "Snapchat"),
    "signal": QT_TRANSLATE_NOOP("Labels", "Signal"),
    "csv": QT_TRANSLATE_NOOP("Labels", "A table (CSV)"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def category(cat: str) -> str:
    return tr(CATEGORY_NAMES[cat]) if cat in CATEGORY_NAMES else cat


def severity(sev: Severity) -> str:
    return tr(SEVERITY_NAMES[Severity(sev)])


def review(state: ReviewState) -> str:
    return tr(REVIEW_NAMES[ReviewState(state)])


def platform(pid: str) -> str:
    return tr(PLATFORM_NAMES[pid]) if pid in PLATFORM_NAMES else pid


def left_to_right(moment: date | datetime) -> str:
    """An ISO date ("2026-11-24") or time ("2025-10-18 23:52") isolated
    left-to-right: in an Arabic line the bidi algorithm would otherwise
    show it as "24-11-2026", which reads as another date."""
    pattern = "%Y-%m-%d %H:%M" if isinstance(moment, datetime) else "%Y-%m-%d"
    return "\u2066" + moment.strftime(pattern) + "\u2069"
