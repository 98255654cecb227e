"""Fixtures for the explanation engine tests: the shipped guidance and templates."""

from __future__ import annotations

import pytest
from explain_helpers import ASSETS

from guardian.explain.templates import Templates, load_templates
from guardian.guidance import Guidance, load_guidance


@pytest.fixture(scope="session")
def guidance() -> Guidance:
    return load_guidance(ASSETS)


@pytest.fixture(scope="session")
def templates() -> Templates:
    return load_templates(ASSETS)
