"""What the install must and must not bring."""

from __future__ import annotations

import subprocess
import sys

# Every camel-tools module the app uses; camel-tools is installed without
# its declared dependencies, so each must import with six, emoji and regex.
CAMEL_MODULES = [
    "camel_tools.utils.normalize",
    "camel_tools.utils.dediac",
    "camel_tools.utils.charmap",
    "camel_tools.utils.charsets",
    "camel_tools.tokenizers.word",
]


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_camel_tools_modules_import_without_torch() -> None:
    loaded = _modules_after("\n".join(f"import {m}" for m in CAMEL_MODULES))
    assert set(CAMEL_MODULES) <= loaded
    assert not {m for m in loaded if m.split(".")[0] in ("torch", "transformers")}


def test_torch_is_not_installed() -> None:
    import importlib.util
    assert importlib.util.find_spec("torch") is None
    assert importlib.util.find_spec("transformers") is None


def test_core_packages_do_not_import_qt() -> None:
    loaded = _modules_after("import guardian.store.database, guardian.importing, guardian.keys")
    assert not {m for m in loaded if m.startswith("PySide6")}


def test_pyside_is_the_pinned_essentials() -> None:
    from importlib.metadata import distributions, version
    assert version("PySide6-Essentials").startswith("6.11.")
    names = {d.metadata["Name"].lower() for d in distributions()}
    assert "pyside6-addons" not in names
