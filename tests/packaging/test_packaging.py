"""The installers' sources, checked without building anything.

What the frozen app bundles (packaging/datafiles.py, used by the spec)
against what the code reads; the Linux desktop files; the version in every
place that repeats it; what the spec includes and excludes.  The frozen
build itself is checked by packaging/smoke_test.py.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import plistlib
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

import guardian

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "guardian.spec"
DESKTOP = PACKAGING / "linux" / "org.guardian.Guardian.desktop"
METAINFO = PACKAGING / "linux" / "org.guardian.Guardian.metainfo.xml"
ISS = PACKAGING / "windows" / "guardian.iss"
INFO_PLIST = PACKAGING / "macos" / "Info.plist"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load(name: str) -> ModuleType:
    """A module of packaging/ by path ("build" and "datafiles" are also PyPI names)."""
    module_spec = importlib.util.spec_from_file_location(f"guardian_packaging_{name}", PACKAGING / f"{name}.py")
    assert module_spec and module_spec.loader
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[module_spec.name] = module
    module_spec.loader.exec_module(module)
    return module


datafiles = load("datafiles")


def committed_assets() -> list[str]:
    """Files under assets/ in git, or on disk when this is not a git checkout."""
    git = shutil.which("git")
    if git and (ROOT / ".git").exists():
        result = subprocess.run([git, "-c", "core.quotepath=off", "ls-files", "-z", "assets"], cwd=ROOT,
                                capture_output=True, text=True)
        if result.returncode == 0:
            return sorted(name for name in result.stdout.split("\0") if name)
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "assets").rglob("*") if p.is_file())


def bundled_sources() -> set[str]:
    return {src.relative_to(ROOT).as_posix() for src, _dest in datafiles.files(ROOT)}


# --- what the frozen app carries --------------------------------------------------

def test_every_committed_asset_is_bundled() -> None:
    bundled = bundled_sources()
    missing = [name for name in committed_assets()
               if name not in bundled and (ROOT / name).is_file() and "__pycache__" not in name]
    assert not missing, f"committed but not in packaging/datafiles.py DATA: {missing}"


def test_every_asset_folder_the_code_reads_is_bundled() -> None:
    # `assets_dir() / "fonts"`, `Path(assets_dir) / "guidance"`, ...
    pattern = re.compile(r"assets_dir\)?(?:\(\))?\)?\s*/\s*[\"'](\w+)[\"']")
    read = {match for path in (ROOT / "src" / "guardian").rglob("*.py")
            for match in pattern.findall(path.read_text(encoding="utf-8"))}
    assert {"fonts", "model", "demo"} <= read, f"the pattern no longer finds what the code reads: {read}"
    bundled = {entry.dest.split("/", 1)[1] for entry in datafiles.DATA if entry.dest.startswith("assets/")}
    assert read <= bundled, f"the code reads assets/{sorted(read - bundled)} but the build does not bundle them"
    on_disk = {p.name for p in (ROOT / "assets").iterdir() if p.is_dir() and not p.name.startswith(".")}
    assert on_disk - {"model"} <= bundled, f"asset folders not bundled: {sorted(on_disk - bundled)}"


def test_the_model_folder_is_bundled_whole() -> None:
    entry = next(e for e in datafiles.DATA if e.source == "assets/model")
    assert entry.dest == "assets/model" and entry.pattern == "**/*"
    assert set(datafiles.MODEL_FILES) == {"assets/model/guardian-model.npz", "assets/model/guardian-model.json",
                                          "assets/model/MODEL_CARD.md"}
    assert set(datafiles.MODEL_FILES) <= set(datafiles.REQUIRED_SOURCES)


def test_missing_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "assets" / "model").mkdir(parents=True)
    assert set(datafiles.MODEL_FILES) <= set(datafiles.missing(tmp_path))


def test_translations_are_bundled_where_the_app_looks() -> None:
    languages = sorted(p.stem.removeprefix("guardian_") for p in (ROOT / "translations").glob("guardian_*.ts"))
    assert languages == ["ar", "en"]
    assert sorted(datafiles.QM_FILES) == [f"src/guardian/i18n/guardian_{lang}.qm" for lang in languages]
    for qm in datafiles.QM_FILES:
        # guardian.paths.translations_dir() is the package's i18n folder.
        assert datafiles.frozen_path(qm) == f"guardian/i18n/{Path(qm).name}"
    assert datafiles.QT_TRANSLATIONS == ("qtbase_ar.qm", "qtbase_en.qm")


def test_frozen_layout_matches_paths_module() -> None:
    # guardian.paths.assets_dir() is _MEIPASS/assets when frozen.
    source = (ROOT / "src" / "guardian" / "paths.py").read_text(encoding="utf-8")
    assert 'Path(frozen_root) / "assets"' in source
    for entry in datafiles.DATA:
        if entry.source.startswith("assets/"):
            assert entry.dest == entry.source


def test_training_stays_out_of_the_installer() -> None:
    assert not any(name.startswith(("training/", "tests/", "bench/")) for name in bundled_sources())
    assert not any(entry.source.split("/")[0] in datafiles.NEVER_SHIPPED for entry in datafiles.DATA)
    assert "training" in datafiles.NEVER_SHIPPED


def test_third_party_data_the_app_reads_exists() -> None:
    assert set(datafiles.REQUIRED_PACKAGES) <= set(datafiles.PACKAGE_DATA)
    for name, patterns in datafiles.PACKAGE_DATA.items():
        spec = importlib.util.find_spec(name)
        if spec is None and name not in datafiles.REQUIRED_PACKAGES:
            continue  # bundled when installed (see the spec)
        assert spec and spec.origin, f"{name} is not installed"
        package = Path(spec.origin).parent
        for pattern in patterns:
            assert list(package.glob(pattern)), f"{name}/{pattern} matches nothing"


# --- the spec ---------------------------------------------------------------------------

def spec_strings(name: str) -> set[str]:
    """The string constants assigned to `name` in the spec (lists, +, sorted(...))."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    values: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            values |= {c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)
                       and isinstance(c.value, str)}
    assert values, f"the spec assigns no {name}"
    return values


def test_spec_excludes_torch_and_transformers() -> None:
    excludes = spec_strings("excludes")
    assert {"torch", "transformers"} <= excludes
    includes = spec_strings("hiddenimports")
    assert not {name for name in includes if name.split(".")[0] in ("torch", "transformers")}


def test_spec_includes_the_camel_tools_modules_we_use() -> None:
    includes = spec_strings("hiddenimports")
    assert {"camel_tools.utils.normalize", "camel_tools.utils.dediac", "camel_tools.utils.charmap",
            "camel_tools.utils.charsets", "camel_tools.tokenizers.word"} <= includes


def test_spec_excludes_qt_modules_we_do_not_use() -> None:
    excludes = spec_strings("excludes")
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
            "PySide6.QtMultimedia"} <= excludes
    used = set()
    for path in (ROOT / "src" / "guardian").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert not {f"PySide6.{m}" for m in used} & excludes, "the spec excludes a Qt module the code imports"


def test_every_hidden_import_and_exclusion_has_a_reason() -> None:
    lines = SPEC.read_text(encoding="utf-8").splitlines()
    for name in ("hiddenimports", "excludes"):
        start = next(i for i, line in enumerate(lines) if line.startswith(f"{name} = "))
        end = next(i for i in range(start, len(lines)) if lines[i] == "]")
        block = lines[start + 1:end]
        # Every run of entries is preceded by a comment.
        previous = ""
        for line in block:
            stripped = line.strip()
            if stripped.startswith('"'):
                assert previous.startswith(('"', "#")), f"{name}: {stripped} has no comment saying why"
            previous = stripped


def test_spec_and_build_use_the_shared_data_list() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    assert "datafiles.files(ROOT)" in spec and "datafiles.missing(ROOT)" in spec
    assert "raise SystemExit" in spec  # a missing model stops the build
    build = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert "datafiles.missing(ROOT)" in build and "translations\" / \"update.py\"), \"--release\"" in build


# --- the version, from one place ------------------------------------------------------------

def test_datafiles_reads_the_package_version() -> None:
    assert datafiles.read_version(ROOT) == guardian.__version__


def test_metainfo_newest_release_is_the_package_version() -> None:
    build = load("build")
    assert build.metainfo_release(METAINFO) == guardian.__version__, (
        "add a <release> for the new version at the top of packaging/linux/org.guardian.Guardian.metainfo.xml")


def test_inno_script_takes_the_version_and_both_languages() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    assert "#ifndef AppVersion" in text and "AppVersion={#AppVersion}" in text
    assert re.search(r'^Name: "en"; MessagesFile: "compiler:Default\.isl"', text, re.MULTILINE)
    assert re.search(r'^Name: "ar"; MessagesFile: "\{#ArabicIsl\}"', text, re.MULTILINE)
    assert "PrivilegesRequired=lowest" in text
    assert r"DefaultDirName={localappdata}\Programs\Guardian" in text
    assert "ar.AppShortName=حارس" in text and "en.AppShortName=Guardian" in text
    assert "ar.AskDeleteData=" in text and "en.AskDeleteData=" in text
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf"), "Inno Setup needs the BOM to read Arabic as UTF-8"
    assert 'f"/DAppVersion={version}"' in (PACKAGING / "build.py").read_text(encoding="utf-8")


def test_info_plist_template_takes_the_version_and_both_languages() -> None:
    text = INFO_PLIST.read_text(encoding="utf-8")
    plist = plistlib.loads(text.replace("@VERSION@", guardian.__version__).encode())
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == guardian.__version__
    assert plist["CFBundleIdentifier"] == "org.guardian.Guardian"
    assert plist["CFBundleDevelopmentRegion"] == "en"
    assert plist["CFBundleLocalizations"] == ["ar", "en"]
    assert plist["LSMinimumSystemVersion"] == "12.0"
    assert plist["NSHighResolutionCapable"] is True
    strings = {lang: (PACKAGING / "macos" / f"{lang}.lproj" / "InfoPlist.strings").read_text(encoding="utf-8")
               for lang in ("ar", "en")}
    assert '"CFBundleDisplayName" = "حارس";' in strings["ar"]
    assert '"CFBundleDisplayName" = "Guardian";' in strings["en"]
    plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())


# --- Linux desktop integration ------------------------------------------------------------------

def test_desktop_file_has_arabic_and_english_names() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Guardian" and entry["Name[ar]"] == "حارس"
    assert entry["Comment"] and "Comment[ar]" in entry
    assert entry["Icon"] == "org.guardian.Guardian"
    assert entry["Exec"].split()[0] == "guardian"


def test_metainfo_is_valid_xml_with_arabic_and_english() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "org.guardian.Guardian"
    names = {el.get(XML_LANG, "en"): el.text for el in root.findall("name")}
    assert names == {"en": "Guardian", "ar": "حارس"}
    summaries = {el.get(XML_LANG, "en") for el in root.findall("summary")}
    assert summaries == {"en", "ar"}
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    assert root.findtext("project_license") == "GPL-3.0-or-later"


@pytest.mark.parametrize("tool, args", [
    ("desktop-file-validate", [str(DESKTOP)]),
    ("appstreamcli", ["validate", "--no-net", str(METAINFO)]),
])
def test_desktop_files_pass_the_freedesktop_validators(tool: str, args: list[str]) -> None:
    exe = shutil.which(tool)
    if not exe:
        pytest.skip(f"{tool} is not installed (apt-get install desktop-file-utils appstream)")
    result = subprocess.run([exe, *args], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --- the smoke test's plan ------------------------------------------------------------------------------

def test_smoke_test_steps_are_known_and_the_report_step_is_ready() -> None:
    smoke = load("smoke_test")
    assert smoke.STEPS[:4] == ["files", "version", "scan", "self-test"] and "delete-all" in smoke.STEPS
    assert set(smoke.STEPS) <= set(smoke.STEP_FUNCTIONS)
    assert "report" in smoke.STEP_FUNCTIONS
    for line in ("Traceback (most recent call last):", "ModuleNotFoundError: No module named 'x'",
                 "qt.qpa.plugin: Could not load the Qt platform plugin \"xcb\"",
                 "QFont::fromString: invalid description", "font file missing"):
        assert smoke.BAD_STDERR.search(line), line
    assert not smoke.BAD_STDERR.search("This plugin does not support propagateSizeHints()")
