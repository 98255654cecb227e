"""Refresh the translation sources from the code, and compile them.

    python translations/update.py            # lupdate: add new strings to the .ts files
    python translations/update.py --release  # lrelease: .ts -> src/guardian/i18n/*.qm

English is the source language, so guardian_en.ts gets every new string
translated as itself, except strings with a count (`tr(text, "", n)`), whose
English singular and plural are written by people, as are all Arabic strings
(six forms for a count: 0, 1, 2, 3 to 10, 11 to 99, 100 and more), in the .ts
file (Qt Linguist or any editor); the test suite fails while any is missing.
The compiled .qm files are build output and are never committed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "translations"
QM_DIR = ROOT / "src" / "guardian" / "i18n"
SOURCES = ROOT / "src" / "guardian"
LANGUAGES = ("ar", "en")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the running environment."""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}", Path(sys.executable).parent / f"pyside6-{name}.exe"]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials first")
    return found


def python_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py")
                  if "tr(" in p.read_text(encoding="utf-8") or "QT_TRANSLATE_NOOP" in p.read_text(encoding="utf-8"))


def lupdate(ts_files: list[Path], language: str) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    *python_sources(), "-target-language", language,
                    "-ts", *[str(p) for p in ts_files]], check=True, cwd=ROOT)


def fill_english(ts_file: Path) -> None:
    tree = ET.parse(ts_file)
    for message in tree.iter("message"):
        if message.get("numerus") == "yes":
            continue        # "%n finding" / "%n findings": a person writes both
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and (translation.get("type") == "unfinished" or not translation.text):
            translation.text = source
            translation.attrib.pop("type", None)
    _write(tree, ts_file)


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def written(message: ET.Element) -> list[str] | None:
    """A message's finished translation: its text, or every form of a count
    ("%n finding", "%n findings"); None while any of it is unwritten."""
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.findall("numerusform")]
        return forms if forms and all(form.strip() for form in forms) else None
    return [translation.text] if translation.text else None


def missing(ts_file: Path) -> list[str]:
    return [message.findtext("source") or "" for message in ET.parse(ts_file).iter("message")
            if written(message) is None]


def release(out_dir: Path = QM_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    produced = []
    for language in LANGUAGES:
        ts = TS_DIR / f"guardian_{language}.ts"
        qm = out_dir / f"guardian_{language}.qm"
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        produced.append(qm)
    return produced


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="compile .ts into .qm")
    args = parser.parse_args()
    if args.release:
        for qm in release():
            print(f"wrote {qm.relative_to(ROOT)}")
        return 0
    for language in LANGUAGES:
        ts = TS_DIR / f"guardian_{language}.ts"
        lupdate([ts], language)
        if language == "en":
            fill_english(ts)
    todo = [(language, source) for language in LANGUAGES
            for source in missing(TS_DIR / f"guardian_{language}.ts")]
    for language, source in todo:
        print(f"{language}: untranslated: {source}")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
