"""Helpers for the explanation engine tests: paths, patterns, and small
builders for messages and findings (fixtures are in conftest.py)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from guardian.domain import Conversation, Finding, Message, Reason, Severity

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "assets"
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
ARABIC_DIGIT = re.compile("[\u0660-\u0669]")
ASCII_DIGIT = re.compile("[0-9]")
FSI, PDI = "\u2068", "\u2069"
RIYADH = timezone(timedelta(hours=3))
# Names of both genders, in Arabic and Latin script.
NAMES_AR = ("سارة", "أحمد", "نورة العتيبي", "خالد")
NAMES_EN = ("Sara", "Ahmed")


def conversation(title: str = "سارة", *, group: bool = False) -> Conversation:
    return Conversation("whatsapp", "chat-1", title, is_group=group)


def message(sender: str = "سارة", when: datetime | None = None, *, mid: int = 1,
            conv: Conversation | None = None, text: str = "نص") -> Message:
    return Message(conv or conversation(), sender, when or datetime(2025, 10, 14, 23, 42, tzinfo=RIYADH),
                   text, text, mid, id=mid)


def finding(categories: tuple[str, ...], severity: Severity, *, mid: int = 1, fid: int | None = None,
            reasons: tuple[Reason, ...] = (), scores: dict[str, float] | None = None) -> Finding:
    return Finding(mid, categories, scores or {c: 0.8 for c in categories}, severity, reasons=reasons,
                   id=fid if fid is not None else mid + 100)


def strip_isolated(text: str) -> str:
    """The text with every isolated name (FSI…PDI) removed."""
    return re.sub(f"{FSI}[^{PDI}]*{PDI}", "", text)
