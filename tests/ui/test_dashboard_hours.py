"""The overview's "By hour of the day" chart says which hour is which (in
the interface's digits) and what its shading and colours mean."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from guardian.ui.dashboard import local_date

from .conftest import window_language
from .test_findings_loading import add_findings


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_hours_chart_is_labelled_and_explained(qtbot, window, store, shot, lang) -> None:
    add_findings(store, 6, "chat")
    with qtbot.waitSignal(window.findings_loaded, timeout=20000):
        window.refresh()
    with window_language(qtbot, window, lang):
        window.show_tab(1)
        dashboard = window.dashboard
        written = dict(dashboard.hours.hour_labels())
        assert {0, 6, 12, 18} <= set(written)
        if lang == "ar":
            assert written[12] == "١٢" and written[18] == "١٨"      # Arabic-Indic, as elsewhere
            assert local_date(date(2025, 10, 6), "MM-dd") == "١٠-٠٦"   # the timeline's weeks too
            assert "الليل" in dashboard.hours_legend.text()
        else:
            assert written[12] == "12" and written[18] == "18"
            assert local_date(datetime(2025, 10, 6, 21, 5), "yyyy-MM-dd HH:mm") == "2025-10-06 21:05"
            assert "Shaded: night, from 10 pm to 6 am" in dashboard.hours_legend.text()
            assert "12 is noon" in dashboard.hours_legend.text()
        assert dashboard.hours_legend.isVisible()
        shade = dashboard.hours.night_shade()
        assert shade.alpha() > 0
        shot(window, f"32-overview-hours-{lang}")
