"""The importers Guardian knows, in the order they are asked to claim a file.

Detection is by content only: each importer's `sniff()` looks at the head
of the file.  Specific formats come before generic ones so that, say, a
Discord JSON export is never taken for some other JSON.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from guardian.importers.base import Source

# Module names under guardian.importers, most specific first.
IMPORTER_MODULES: tuple[str, ...] = (
    "telegram_json",
    "telegram_html",
    "instagram",
    "messenger",
    "discord",
    "discord_csv",
    "sms_xml",
    "snapchat",
    "signal_json",
    # signal-export's chat.md lines look like WhatsApp's iOS lines; ask first.
    "signal_md",
    "whatsapp",
)

# Formats the user picks explicitly (they never claim a file on their own).
EXPLICIT_MODULES: tuple[str, ...] = ("generic_csv",)

# When one folder holds the same chat in two formats, keep the richer one:
# signal-export writes chat.md and data.json side by side.
SUPERSEDED: dict[str, str] = {"signal_md": "signal_jsonl"}


def importers() -> list[ModuleType]:
    return [importlib.import_module(f"guardian.importers.{name}") for name in IMPORTER_MODULES]


def by_format(format_id: str) -> ModuleType:
    for name in IMPORTER_MODULES + EXPLICIT_MODULES:
        module = importlib.import_module(f"guardian.importers.{name}")
        if module.FORMAT == format_id:
            return module
    raise KeyError(format_id)


def detect(source: Source) -> ModuleType | None:
    """The importer whose sniffer claims this source, or None."""
    for module in importers():
        if module.sniff(source):
            return module
    return None
