"""The overview's "By hour of the day" chart says which hour is which (in
the interface's digits) and what its shading and colours mean."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontMetrics

from guardian.ui.dashboard import VISIT_PATTERN, TimelineChart, local_date

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
            # Weeks by their Monday as a parent says it, not "٠٢-٢٦" (read as another date).
            assert dashboard.timeline.week_names() == ["٢٦ فبراير"]
            assert local_date(datetime(2025, 10, 6, 21, 5), VISIT_PATTERN) == "٦ أكتوبر ٢٠٢٥ ٩:٠٥ م"
            assert "الليل" in dashboard.hours_legend.text()
        else:
            assert written[12] == "12" and written[18] == "18"
            assert dashboard.timeline.week_names() == ["26 Feb"]
            assert local_date(datetime(2025, 10, 6, 21, 5), VISIT_PATTERN) == "6 October 2025 9:05 PM"
            assert "Shaded: night, from 10 pm to 6 am" in dashboard.hours_legend.text()
            assert "12 is noon" in dashboard.hours_legend.text()
        assert dashboard.hours_legend.isVisible()
        shade = dashboard.hours.night_shade()
        assert shade.alpha() > 0
        shot(window, f"32-overview-hours-{lang}")


def test_weeks_name_their_year_when_they_span_two(qtbot) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    try:
        chart.set_weeks([(datetime(2025, 12, 29), Counter(insult=1)), (datetime(2026, 1, 5), Counter())], "")
        assert chart.week_names() == ["29 Dec 2025", "5 Jan 2026"]
        chart.set_weeks([(datetime(2026, 1, 5), Counter(insult=1))], "")
        assert chart.week_names() == ["5 Jan"]
    finally:
        QLocale.setDefault(before)


def test_week_names_never_overlap(qtbot) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.set_weeks([(datetime(2026, 1, 5) + timedelta(weeks=i), Counter(insult=1)) for i in range(52)], "")
    width = TimelineChart.name_width(QFontMetrics(chart.font()), chart.week_names())
    margins = 2 * TimelineChart.MARGIN
    for chart_width in (700, 300, margins, 4):     # margins: no room at all between them
        chart.resize(chart_width, 200)
        step = chart.label_step(width)
        assert step >= 1
        if chart_width > margins:
            assert step * (chart_width - margins) / 52 >= width      # a name's slot holds it
