"""An export next to other files (a zip with its media, a Downloads folder)
reads every message exactly as `_Reader._special` would: the hot loop sends
a body there only when `whatsapp._needs_special` says it could matter."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from guardian.importers import whatsapp
from guardian.importers.base import ParseContext, Reread
from guardian.importers.testing import source_from_bytes

RIYADH = ZoneInfo("Asia/Riyadh")
RLM = "\u200f"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "whatsapp"

_BODIES = [
    "مرحبا كيفك",
    "IMG-20240101-WA0001.jpg",                       # a media file next to the export
    "IMG-20240101-WA0002.jpg",                       # named, but not in the folder
    "لم يتم إدراج الصورة",                           # Arabic placeholder, plain letters at both ends
    "تم حذف الملصقات",
    "الموقع: https://maps.google.com/?q=24.7,46.6",  # Arabic location
    "موقع: https://goo.gl/maps/abc",
    "شوفي maps هنا",
    "<تم استبعاد الوسائط>",
    "ok lol",
    "",
]


def _export() -> bytes:
    lines = [f"١{RLM}/١{RLM}/٢٠٢٤، ١٢:٠٠ ص - {RLM}الرسائل والمكالمات مشفرة تمامًا بين الطرفين."]
    for i, body in enumerate(_BODIES * 3):
        lines.append(f"{1 + i % 27}{RLM}/1{RLM}/2024، {1 + i % 12}:{i % 60:02d} م - "
                     f"{['ريم', '~ جود'][i % 2]}: {body}")
        if i % 4 == 0:
            lines.append("سطر ثان")
    return ("\n".join(lines) + "\n").encode()


def _rows(data: bytes, siblings: dict[str, bytes], speculate: bool) -> list[Any]:
    source = source_from_bytes(data, name="WhatsApp Chat with ريم.txt", title_hint="WhatsApp Chat with ريم",
                               siblings=siblings)
    ctx = ParseContext(tz=RIYADH)
    rows: list[Any] = []
    try:
        rows.extend(whatsapp.parse_rows(source, ctx, speculate))
    except Reread:
        rows.append("reread")      # a guess of the one-pass reader was wrong
    return [rows, list(ctx.skipped)]


CASES = {"generated": _export(), **{path.name: path.read_bytes() for path in sorted(FIXTURES.glob("*.txt"))}}


@pytest.mark.parametrize("speculate", [False, True])
@pytest.mark.parametrize("name", sorted(CASES))
def test_siblings_shortcut_matches_special(name: str, speculate: bool,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    siblings = {"IMG-20240101-WA0001.jpg": b"\xff\xd8", "notes.txt": b"x"}
    fast = _rows(CASES[name], siblings, speculate)
    monkeypatch.setattr(whatsapp, "_needs_special", lambda body, siblings: True)
    assert fast == _rows(CASES[name], siblings, speculate)


def test_sibling_file_named_in_a_body_is_an_attachment() -> None:
    blocks = _rows(_export(), {"IMG-20240101-WA0001.jpg": b"\xff\xd8"}, False)[0]
    rows = [row for _, block in blocks for row in block]
    named = [row for row in rows if row[3].endswith(": IMG-20240101-WA0001.jpg")]
    assert named and all(row[6] == "IMG-20240101-WA0001.jpg" and row[5] is not None for row in named)
    unnamed = [row for row in rows if row[3].endswith(": IMG-20240101-WA0002.jpg")]
    assert unnamed and all(row[5] is None and row[2] == "IMG-20240101-WA0002.jpg" for row in unnamed)


@pytest.mark.parametrize("siblings", [{}, {"notes.txt": b"x"}], ids=["alone", "beside a file"])
def test_arabic_placeholders_and_locations_without_media(siblings: dict[str, bytes]) -> None:
    """An export on its own (no media beside it) still reads the Arabic
    placeholders that start and end with letters, and location links."""
    blocks = _rows(_export(), siblings, False)[0]
    rows = [row for _, block in blocks for row in block]
    placeholders = [row for row in rows if row[3].endswith(": لم يتم إدراج الصورة")]
    assert placeholders and all(row[5] is not None and row[2] == "" for row in placeholders)
    locations = [row for row in rows if "maps.google.com" in row[3]]
    assert locations and all(row[5] is not None for row in locations)
    plain = [row for row in rows if row[3].endswith(": شوفي maps هنا")]
    assert plain and all(row[5] is None and row[2] == "شوفي maps هنا" for row in plain)
