"""Every user-visible string is in both catalogues and translated."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "translations"))
import update  # noqa: E402


def _messages(ts: Path) -> dict[tuple[str, str], list[str] | None]:
    """(context, source) -> the finished translation's text or count forms."""
    return {(context.findtext("name") or "", message.findtext("source") or ""): update.written(message)
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_catalogue_is_complete(language: str) -> None:
    messages = _messages(ROOT / "translations" / f"guardian_{language}.ts")
    assert messages
    untranslated = [source for (_ctx, source), forms in messages.items() if not forms]
    assert untranslated == []


def test_arabic_translations_are_arabic() -> None:
    for (_ctx, source), forms in _messages(ROOT / "translations" / "guardian_ar.ts").items():
        assert forms and all(any("\u0600" <= ch <= "\u06ff" for ch in form) for form in forms), source


def test_counts_have_every_plural_form() -> None:
    """Arabic words a count in six ways (0, 1, 2, 3 to 10, 11 to 99, 100 and
    more), English in two; a form that drops the number must say it in words."""
    for language, count in (("ar", 6), ("en", 2)):
        counted = 0
        for message in ET.parse(ROOT / "translations" / f"guardian_{language}.ts").getroot().iter("message"):
            if message.get("numerus") != "yes":
                continue
            counted += 1
            forms = [form.text or "" for form in message.findall("translation/numerusform")]
            assert len(forms) == count, message.findtext("source")
            # Many and other (11 and more) always show the number.
            assert all("%Ln" in form for form in forms[-2:]), message.findtext("source")
        assert counted >= 10


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
