"""What the frozen app carries besides Python code, in one list.

`packaging/guardian.spec` bundles exactly this, `packaging/build.py` checks it
before freezing, `packaging/smoke_test.py` checks the frozen folder against
it, and `tests/packaging/` compares it with what the code reads.  Plain
Python: no PyInstaller import, so CI can use it without a build.

Destinations are relative to the frozen app's root (PyInstaller's
`sys._MEIPASS`), where `guardian.paths.assets_dir()` expects `assets/` and
`guardian.paths.translations_dir()` expects `guardian/i18n/` (and
`guardian.analysis.english_words` and `guardian.analysis.arabic_words` their
lists in `guardian/analysis/data/`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.guardian.Guardian"


@dataclass(frozen=True)
class Data:
    source: str     # folder relative to the repository root
    dest: str       # folder relative to the frozen root
    pattern: str    # which files in it (recursive glob)
    why: str        # who reads it


DATA: tuple[Data, ...] = (
    Data("assets/fonts", "assets/fonts", "**/*",
         "UI fonts with the emoji fallback (guardian.ui.fonts) and report fonts, "
         "with their OFL licences and README"),
    Data("assets/icons", "assets/icons", "**/*",
         "window icon (guardian.ui.app)"),
    Data("assets/model", "assets/model", "**/*",
         "the classifier: weights, metadata and model card (guardian.scanning.model_dir)"),
    Data("assets/demo", "assets/demo", "**/*",
         "the demo export opened by `guardian demo` (guardian.demo)"),
    Data("assets/guidance", "assets/guidance", "**/*",
         "what-to-do steps, platforms and helplines (guardian.guidance.load_guidance)"),
    Data("assets/explain", "assets/explain", "**/*",
         "the plain-Arabic explanation templates for findings (guardian.explain.templates)"),
    Data("assets/illustrations", "assets/illustrations", "**/*",
         "SVG pictures in the how-to-export steps (guardian.ui.illustration)"),
    Data("src/guardian/analysis/data", "guardian/analysis/data", "*.txt",
         "English words that Arabizi reading leaves alone, with their licence "
         "(guardian.analysis.english_words), and the Arabic word counts that settle "
         "its ambiguous letters (guardian.analysis.arabic_words)"),
    Data("src/guardian/i18n", "guardian/i18n", "*.qm",
         "compiled translations (guardian.paths.translations_dir); "
         "built by `translations/update.py --release`, never committed"),
)

# Files the build refuses to go without.  The model is trained separately
# (`guardian train`) and may be absent from a checkout; then the build stops.
MODEL_FILES: tuple[str, ...] = (
    "assets/model/guardian-model.npz",
    "assets/model/guardian-model.json",
    "assets/model/MODEL_CARD.md",
)
QM_FILES: tuple[str, ...] = (
    "src/guardian/i18n/guardian_ar.qm",
    "src/guardian/i18n/guardian_en.qm",
)
REQUIRED_SOURCES: tuple[str, ...] = MODEL_FILES + QM_FILES + (
    "assets/fonts/NotoSans-Regular.ttf",
    "assets/fonts/NotoSans-Bold.ttf",
    "assets/fonts/NotoSansArabic-Regular.ttf",
    "assets/fonts/NotoSansArabic-Bold.ttf",
    "assets/fonts/Amiri-Regular.ttf",
    "assets/fonts/Amiri-Bold.ttf",
    "assets/fonts/NotoColorEmoji.ttf",
    "assets/fonts/NotoColorEmoji-COPYRIGHT.txt",
    "assets/fonts/Noto-COPYRIGHT.txt",
    "assets/fonts/Amiri-COPYRIGHT.txt",
    "assets/icons/guardian.svg",
    "assets/guidance/steps.json",
    "assets/guidance/platforms.json",
    "assets/guidance/helplines.json",
    "assets/guidance/sources.json",
    "src/guardian/analysis/data/english_words.txt",
    "src/guardian/analysis/data/english_words-COPYRIGHT.txt",
    "src/guardian/analysis/data/arabic_words.txt",
)

# Data files of third-party packages, read at run time (relative to each
# package).  PyInstaller bundles their code, not their data.
PACKAGE_DATA: dict[str, tuple[str, ...]] = {
    # camel_tools/__init__.py reads VERSION at import, and
    # CharMapper.builtin_mapper() reads utils/charmaps/<name>_map.json.
    "camel_tools": ("VERSION", "utils/charmaps/*.json"),
    # fpdf2 (the PDF report) embeds this ICC colour profile in PDF/A output.
    "fpdf": ("data/**/*",),
}
CAMEL_TOOLS_DATA: tuple[str, ...] = PACKAGE_DATA["camel_tools"]
# Packages whose data the app cannot run without; the others are bundled
# when installed (the PDF report's fpdf2 may come later than the spec).
REQUIRED_PACKAGES: tuple[str, ...] = ("camel_tools",)

# Qt's own catalogues for stock buttons and dialogs (guardian.ui.i18n);
# every other language PySide6 ships is dropped from the build.
QT_TRANSLATIONS: tuple[str, ...] = ("qtbase_ar.qm", "qtbase_en.qm")

# Never in the installer: the reproducible training set-up and its corpus
# stay in the repository, as does anything developer-only.
NEVER_SHIPPED: tuple[str, ...] = ("training", "tests", "bench", "translations", ".ci")


def _skipped(path: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in path.parts)


def files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """Every bundled file as (absolute source, destination folder), sorted."""
    result = []
    for entry in DATA:
        base = root / entry.source
        for path in sorted(base.glob(entry.pattern)):
            rel = path.relative_to(base)
            if path.is_file() and not _skipped(rel):
                result.append((path, (Path(entry.dest) / rel.parent).as_posix()))
    return result


def frozen_path(source: str) -> str:
    """Where the repository file `source` ends up under the frozen root."""
    for entry in DATA:
        prefix = entry.source + "/"
        if source.startswith(prefix):
            return entry.dest + "/" + source[len(prefix):]
    raise KeyError(f"{source} is not bundled (see packaging/datafiles.py DATA)")


def missing(root: Path = ROOT) -> list[str]:
    """Required files that are not in the checkout."""
    return [name for name in REQUIRED_SOURCES if not (root / name).is_file()]


def read_version(root: Path = ROOT) -> str:
    """`guardian.__version__`, read from the source without importing it."""
    init = root / "src" / "guardian" / "__init__.py"
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__version__" for t in node.targets):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise ValueError(f"{init}: no __version__ = '...' found")
