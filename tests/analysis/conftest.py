"""Fixtures shared by the analysis tests."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from types import ModuleType

import pytest

from guardian.analysis import corpus


@pytest.fixture
def bench_script() -> Callable[[str], ModuleType]:
    """Loads a script of bench/ by name (bench/ is not a package)."""
    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(f"guardian_bench_{name}", corpus.REPO / "bench" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load
