"""Fixtures for the report tests; the builders live in report_helpers.py."""

from __future__ import annotations

import pytest
from report_helpers import make_document, make_hostile_document

from guardian.reports.document import ReportDocument


@pytest.fixture
def doc() -> ReportDocument:
    return make_document("ar")


@pytest.fixture
def doc_en() -> ReportDocument:
    return make_document("en")


@pytest.fixture
def hostile() -> ReportDocument:
    return make_hostile_document("ar")
