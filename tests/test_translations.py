"""Every user-visible string is in both catalogues and translated."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "translations"))
import update  # noqa: E402


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    result = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") is None and translation.text
            result[(name, message.findtext("source") or "")] = translation.text if finished else None
    return result


@pytest.mark.parametrize("language", ["ar", "en"])
def test_catalogue_is_complete(language: str) -> None:
    messages = _messages(ROOT / "translations" / f"guardian_{language}.ts")
    assert messages
    untranslated = [source for (_ctx, source), text in messages.items() if not text]
    assert untranslated == []


def test_arabic_translations_are_arabic() -> None:
    for (_ctx, source), text in _messages(ROOT / "translations" / "guardian_ar.ts").items():
        assert text and any("\u0600" <= ch <= "\u06ff" for ch in text), source


def test_catalogues_match_the_code(tmp_path: Path) -> None:
    """lupdate run on the code now finds exactly the strings the .ts files hold."""
    fresh = tmp_path / "fresh.ts"
    update.lupdate([fresh], "ar")
    in_code = set(_messages(fresh))
    for language in ("ar", "en"):
        in_catalogue = set(_messages(ROOT / "translations" / f"guardian_{language}.ts"))
        assert in_code - in_catalogue == set(), f"strings missing from guardian_{language}.ts"
        assert in_catalogue - in_code == set(), f"stale strings in guardian_{language}.ts"


def test_compiled_catalogues_exist() -> None:
    for language in ("ar", "en"):
        assert (ROOT / "src" / "guardian" / "i18n" / f"guardian_{language}.qm").is_file()
