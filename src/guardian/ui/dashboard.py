"""The overview: findings over time by kind of harm, by sender, by hour of
the day (late-night contact stands out), and what is new since the last
visit.  Plain QPainter widgets; each also says its numbers in words for
screen readers."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QRectF, QSize, Qt, QTime
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from guardian.domain import CATEGORY_IDS
from guardian.ui import contrast, labels
from guardian.ui.dashboard_data import NIGHT_HOURS, Summary, summarise
from guardian.ui.findings_data import FindingRow

SENDER_COLOUR = QColor("#4b5563")


def _rtl(widget: QWidget) -> bool:
    return widget.layoutDirection() == Qt.LayoutDirection.RightToLeft


# "Since your last visit" as a parent reads it: "٦ أكتوبر ٢٠٢٥ ٩:٠٥ م".
VISIT_PATTERN = "d MMMM yyyy h:mm AP"


def local_date(value: date | datetime, pattern: str) -> str:
    """A date or time in the interface's digits (Arabic-Indic in Arabic),
    as the counts beside it are."""
    day = QDate(value.year, value.month, value.day)
    if isinstance(value, datetime):
        return QLocale().toString(QDateTime(day, QTime(value.hour, value.minute)), pattern)
    return QLocale().toString(day, pattern)

class _Chart(QWidget):
    MARGIN = 8          # pixels left and right of the bars

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)   # reachable, so screen readers read it

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _shape_colour(self, colour: QColor) -> QColor:
        """`colour`, adjusted to stand out (3:1) from this theme's background."""
        return contrast.readable(colour, self.palette().color(QPalette.ColorRole.Window), contrast.GRAPHIC)

    def _mirror(self, x: float, w: float = 0) -> float:
        return self.width() - x - w if _rtl(self) else x


class BarChart(_Chart):
    """Horizontal bars with a label and a count each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[tuple[str, int, QColor]] = []
        self.empty_text = ""

    def set_items(self, items: list[tuple[str, int, QColor]]) -> None:
        self.items = items
        self.setAccessibleDescription("; ".join(f"{name}: {value}" for name, value, _ in items)
                                      or self.empty_text)
        self.setMinimumHeight(max(80, 26 * len(items) + 10))
        self.updateGeometry()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        if not self.items:
            p.setPen(self._text_colour())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        label_w = min(max(fm.horizontalAdvance(n) for n, _, _ in self.items) + 12, self.width() // 2)
        top = max(v for _, v, _ in self.items) or 1
        row_h = max(fm.height() + 8, 24)
        count_w = fm.horizontalAdvance("0000") + 8
        bar_space = max(10, self.width() - label_w - count_w - 8)
        for i, (name, value, colour) in enumerate(self.items):
            y = 4 + i * row_h
            p.setPen(self._text_colour())
            label_rect = QRectF(self._mirror(0, label_w - 6), y, label_w - 6, row_h)
            align = (Qt.AlignmentFlag.AlignLeft if _rtl(self) else Qt.AlignmentFlag.AlignRight)
            p.drawText(label_rect, align | Qt.AlignmentFlag.AlignVCenter,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, int(label_w - 6)))
            w = bar_space * value / top
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._shape_colour(colour))
            p.drawRoundedRect(QRectF(self._mirror(label_w, w), y + 4, w, row_h - 8), 3, 3)
            p.setPen(self._text_colour())
            text_x = label_w + w + 4
            p.drawText(QRectF(self._mirror(text_x, count_w), y, count_w, row_h),
                       (Qt.AlignmentFlag.AlignRight if _rtl(self) else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter, QLocale().toString(value))


class HoursChart(_Chart):
    """24 bars, one per hour; night hours are shaded and drawn darker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts = [0] * 24
        self.night_text = ""

    def set_counts(self, counts: list[int], description: str) -> None:
        self.counts = counts
        self.setAccessibleDescription(description)
        self.update()

    @staticmethod
    def hour_labels() -> list[tuple[int, str]]:
        """The hours written under the bars, every three hours, in the
        interface's digits (Arabic-Indic in Arabic)."""
        return [(hour, QLocale().toString(hour)) for hour in range(0, 24, 3)]

    def night_shade(self) -> QColor:
        shade = QColor(self._text_colour())
        shade.setAlpha(28)
        return shade

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        bottom = self.height() - fm.height() - 6
        left, right = self.MARGIN, self.width() - self.MARGIN
        slot = (right - left) / 24
        top = max(self.counts) or 1
        written = dict(self.hour_labels())
        for hour in range(24):
            x = self._mirror(left + hour * slot, slot)
            if hour in NIGHT_HOURS:
                p.fillRect(QRectF(x, 4, slot, bottom - 4), self.night_shade())
            h = (bottom - 10) * self.counts[hour] / top
            p.setPen(Qt.PenStyle.NoPen)
            # Night bars: darker on a light theme, lighter on a dark one.
            night = self._text_colour() if hour in NIGHT_HOURS else self._shape_colour(QColor("#2f6f9f"))
            p.setBrush(night)
            p.drawRect(QRectF(x + 2, bottom - h, slot - 4, h))
            if hour in written:
                p.setPen(self._text_colour())
                p.drawText(QRectF(x - slot, bottom + 2, slot * 3, fm.height() + 4),
                           Qt.AlignmentFlag.AlignHCenter, written[hour])
        p.setPen(self._text_colour())
        p.drawLine(left, int(bottom), right, int(bottom))


class TimelineChart(_Chart):
    """Findings per week, stacked by kind of harm."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: list[tuple[datetime, Counter[str]]] = []
        self.empty_text = ""

    def set_weeks(self, weeks: list[tuple[datetime, Counter[str]]], description: str) -> None:
        self.weeks = weeks
        self.setAccessibleDescription(description)
        self.update()

    def week_names(self) -> list[str]:
        """Each week by its first day as a parent says it ("٦ أكتوبر",
        "6 Oct"), with the year when the weeks span more than one: numbers
        alone ("10-06") read as another date in Arabic."""
        if not self.weeks:
            return []
        pattern = "d MMM" if self.weeks[0][0].year == self.weeks[-1][0].year else "d MMM yyyy"
        return [local_date(start, pattern) for start, _ in self.weeks]

    @staticmethod
    def name_width(fm: QFontMetrics, names: list[str]) -> int:
        return max((fm.horizontalAdvance(name) for name in names), default=0) + 12

    def label_step(self, name_width: int) -> int:
        """Name every n-th week, so that no two names overlap however many
        weeks there are and however narrow the chart is."""
        room = self.width() - 2 * self.MARGIN
        return max(1, math.ceil(len(self.weeks) * name_width / max(1, room)))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        if not self.weeks:
            p.setPen(self._text_colour())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        bottom = self.height() - fm.height() - 6
        left, right = self.MARGIN, self.width() - self.MARGIN
        slot = (right - left) / len(self.weeks)
        top = max(sum(c.values()) for _, c in self.weeks) or 1
        names = self.week_names()
        widest = self.name_width(fm, names)
        step = self.label_step(widest)
        for i, (start, counts) in enumerate(self.weeks):
            x = self._mirror(left + i * slot, slot)
            y = bottom
            for cat in CATEGORY_IDS:
                n = counts.get(cat, 0)
                if not n:
                    continue
                h = (bottom - 10) * n / top
                p.fillRect(QRectF(x + 2, y - h, max(2, slot - 4), h),
                           self._shape_colour(labels.CATEGORY_COLOURS[cat]))
                y -= h
            if i % step == 0:
                p.setPen(self._text_colour())
                centred = min(max(x + slot / 2 - widest / 2, 0), self.width() - widest)   # inside the chart
                p.drawText(QRectF(centred, bottom + 2, widest, fm.height() + 4),
                           Qt.AlignmentFlag.AlignHCenter, names[i])
        p.setPen(self._text_colour())
        p.drawLine(left, int(bottom), right, int(bottom))


class Dashboard(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.since = QLabel()
        self.since.setObjectName("sinceLastVisit")
        self.since.setWordWrap(True)
        self.titles = [QLabel() for _ in range(4)]
        for t in self.titles:
            t.setObjectName("chartTitle")
        self.timeline = TimelineChart()
        self.categories = BarChart()
        self.senders = BarChart()
        self.hours = HoursChart()
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.night_note = QLabel()
        self.night_note.setWordWrap(True)
        # What the shading and the two bar colours of the hours chart mean.
        self.hours_legend = QLabel()
        self.hours_legend.setObjectName("hoursLegend")
        self.hours_legend.setWordWrap(True)
        grid = QGridLayout()
        charts: list[QWidget] = [self.timeline, self.categories, self.senders, self.hours]
        for i, (title, chart) in enumerate(zip(self.titles, charts)):
            r, c = divmod(i, 2)
            title.setBuddy(chart)
            grid.addWidget(title, r * 3, c)
            grid.addWidget(chart, r * 3 + 1, c)
        grid.addWidget(self.legend, 2, 0)
        hours_notes = QVBoxLayout()
        hours_notes.setContentsMargins(0, 0, 0, 0)
        hours_notes.addWidget(self.hours_legend)
        hours_notes.addWidget(self.night_note)
        grid.addLayout(hours_notes, 5, 1)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.since)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(inner)
        self.rows: list[FindingRow] = []
        self._summary: Summary | None = None
        self.last_visit: datetime | None = None
        self.new_since: int = 0
        self.last_seen = 0
        self.retranslate()

    def retranslate(self) -> None:
        names = [self.tr("Findings per week, by kind of harm"), self.tr("By kind of harm"),
                 self.tr("By sender"), self.tr("By hour of the day")]
        for title, name in zip(self.titles, names):
            title.setText(f"<b>{name}</b>")
        self.timeline.setAccessibleName(names[0])
        self.categories.setAccessibleName(names[1])
        self.senders.setAccessibleName(names[2])
        self.hours.setAccessibleName(names[3])
        none = self.tr("Nothing to show yet.")
        self.timeline.empty_text = none
        self.categories.empty_text = none
        self.senders.empty_text = none
        if self._summary is not None or self.isVisible():
            self._show()       # the counts stay; only the words change

    def show_rows(self, rows: list[FindingRow], last_visit: datetime | None,
                  summary: Summary | None = None) -> None:
        """New data.  Counting tens of thousands of findings takes a moment,
        so without a ready `summary` it is counted when the page is shown."""
        self.rows = rows
        self.last_visit = last_visit
        self._summary = summary
        if summary is not None or self.isVisible():
            self._show()

    def showEvent(self, event: QShowEvent) -> None:
        if self._summary is None:
            self._show()
        super().showEvent(event)

    def summary(self) -> Summary:
        if self._summary is None:
            self._summary = summarise(self.rows, self.last_visit, self.last_seen)
        return self._summary

    def _show(self) -> None:
        summary = self.summary()
        self.new_since = summary.new_since
        last_visit = self.last_visit
        if last_visit is None:
            self.since.setText(self.tr("Welcome. %n findings need your attention.", "", summary.new_since))
        else:
            text = self.tr("Since your last visit (%1): %n new findings.", "", summary.new_since) \
                .replace("%1", local_date(last_visit, VISIT_PATTERN))
            if summary.serious_new:
                text += " " + self.tr("%n of them serious.", "", summary.serious_new)
            self.since.setText(text)
        cats = summary.categories
        self.categories.set_items([(labels.category(c), cats[c], labels.CATEGORY_COLOURS[c])
                                   for c in CATEGORY_IDS if cats[c]])
        self.senders.set_items([(name or self.tr("System"), n, SENDER_COLOUR) for name, n in summary.senders])
        hours = summary.hours
        night_text = self.tr("%n findings were sent late at night (10 pm to 6 am, the dark bars).", "",
                             summary.night)
        self.night_note.setText(night_text)
        self.hours.set_counts(hours, night_text + " " + ", ".join(
            f"{h}: {hours[h]}" for h in range(24) if hours[h]))
        ordered = summary.weeks
        self.timeline.set_weeks(ordered, "; ".join(
            f"{start:%Y-%m-%d}: {sum(c.values())}" for start, c in ordered if c))
        self._show_legend()
        self._show_hours_legend()

    def _show_hours_legend(self) -> None:
        window = self.palette().color(QPalette.ColorRole.Window)
        shade = self.hours.night_shade()
        alpha = shade.alphaF()
        # The shading as it looks on the page (a label cannot blend).
        seen = QColor.fromRgbF(*(alpha * a + (1 - alpha) * b for a, b in
                                 zip(shade.getRgbF()[:3], window.getRgbF()[:3])))
        day = self.hours._shape_colour(QColor("#2f6f9f"))
        night = self.hours._text_colour()
        loc = QLocale()
        swatch = '<span style="color:{0}; background-color:{0}">&nbsp;■&nbsp;</span>'
        # A no-break space keeps each square with its words when the line wraps.
        parts = [swatch.format(seen.name()) + "&nbsp;" + self.tr("Shaded: night, from 10 pm to 6 am"),
                 f'<span style="color:{night.name()}">■</span>&nbsp;' + self.tr("Findings at night"),
                 f'<span style="color:{day.name()}">■</span>&nbsp;' + self.tr("Findings in the day")]
        hours = self.tr("Hours: %1 is midnight, %2 is noon.").replace("%1", loc.toString(0)) \
            .replace("%2", loc.toString(12))
        self.hours_legend.setText("&nbsp;&nbsp; ".join(parts) + "<br>" + hours)

    def _show_legend(self) -> None:
        cats = self.summary().categories
        window = self.palette().color(QPalette.ColorRole.Window)
        self.legend.setText(" ".join(
            f'<span style="color:{contrast.readable(labels.CATEGORY_COLOURS[c], window, contrast.GRAPHIC).name()}">'
            f"■</span> {labels.category(c)}" for c in CATEGORY_IDS if cats[c]))
