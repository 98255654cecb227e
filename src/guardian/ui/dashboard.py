"""The overview: findings over time by kind of harm, by sender, by hour of
the day (late-night contact stands out), and what is new since the last
visit.  Plain QPainter widgets; each also says its numbers in words for
screen readers."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout,
                               QWidget)

from guardian.domain import CATEGORY_IDS, ReviewState
from guardian.ui import labels
from guardian.ui.findings_data import FindingRow

NIGHT_HOURS = {22, 23, 0, 1, 2, 3, 4, 5}


def _rtl(widget: QWidget) -> bool:
    return widget.layoutDirection() == Qt.LayoutDirection.RightToLeft


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)   # reachable, so screen readers read it

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

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
        self.setAccessibleDescription("; ".join(f"{name}: {value}" for name, value, _ in items))
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
            p.setBrush(colour)
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

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        bottom = self.height() - fm.height() - 6
        left, right = 8, self.width() - 8
        slot = (right - left) / 24
        top = max(self.counts) or 1
        for hour in range(24):
            x = self._mirror(left + hour * slot, slot)
            if hour in NIGHT_HOURS:
                p.fillRect(QRectF(x, 4, slot, bottom - 4), QColor(30, 41, 59, 40))
            h = (bottom - 10) * self.counts[hour] / top
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#1e293b") if hour in NIGHT_HOURS else QColor("#2f6f9f"))
            p.drawRect(QRectF(x + 2, bottom - h, slot - 4, h))
            if hour % 3 == 0:
                p.setPen(self._text_colour())
                p.drawText(QRectF(x - slot, bottom + 2, slot * 3, fm.height() + 4),
                           Qt.AlignmentFlag.AlignHCenter, QLocale().toString(hour))
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

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = QFontMetrics(self.font())
        if not self.weeks:
            p.setPen(self._text_colour())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        bottom = self.height() - fm.height() - 6
        left, right = 8, self.width() - 8
        slot = (right - left) / len(self.weeks)
        top = max(sum(c.values()) for _, c in self.weeks) or 1
        step = max(1, int(len(self.weeks) / max(1, (right - left) / (fm.horizontalAdvance("0000-00-00") + 8))))
        for i, (start, counts) in enumerate(self.weeks):
            x = self._mirror(left + i * slot, slot)
            y = bottom
            for cat in CATEGORY_IDS:
                n = counts.get(cat, 0)
                if not n:
                    continue
                h = (bottom - 10) * n / top
                p.fillRect(QRectF(x + 2, y - h, max(2, slot - 4), h), labels.CATEGORY_COLOURS[cat])
                y -= h
            if i % step == 0:
                p.setPen(self._text_colour())
                p.drawText(QRectF(x - slot * 2, bottom + 2, slot * 5, fm.height() + 4),
                           Qt.AlignmentFlag.AlignHCenter, start.strftime("%m-%d"))
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
        grid = QGridLayout()
        charts: list[QWidget] = [self.timeline, self.categories, self.senders, self.hours]
        for i, (title, chart) in enumerate(zip(self.titles, charts)):
            r, c = divmod(i, 2)
            title.setBuddy(chart)
            grid.addWidget(title, r * 3, c)
            grid.addWidget(chart, r * 3 + 1, c)
        grid.addWidget(self.legend, 2, 0)
        grid.addWidget(self.night_note, 5, 1)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.since)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setWidget(inner)
        self.rows: list[FindingRow] = []
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
        self.show_rows(self.rows, self.last_visit)

    def show_rows(self, rows: list[FindingRow], last_visit: datetime | None) -> None:
        self.rows = rows
        self.last_visit = last_visit
        active = [r for r in rows if r.finding.review != ReviewState.NOT_A_PROBLEM]
        loc = QLocale()
        # New since the last visit: findings made after the app was last
        # closed (finding ids grow; the id seen last is kept in settings).
        if last_visit is None:
            self.new_since = sum(r.finding.review == ReviewState.NEW for r in active)
            self.since.setText(self.tr("Welcome. %1 findings need your attention.")
                               .replace("%1", loc.toString(self.new_since)))
        else:
            new = [r for r in active if (r.finding.id or 0) > self.last_seen]
            self.new_since = len(new)
            serious = sum(1 for r in new if r.finding.severity >= 3)
            text = self.tr("Since your last visit (%1): %2 new findings, %3 of them serious.")
            self.since.setText(text.replace("%1", last_visit.strftime("%Y-%m-%d %H:%M"))
                               .replace("%2", loc.toString(self.new_since))
                               .replace("%3", loc.toString(serious)))
        cats = Counter(c for r in active for c in r.finding.categories)
        self.categories.set_items([(labels.category(c), cats[c], labels.CATEGORY_COLOURS[c])
                                   for c in CATEGORY_IDS if cats[c]])
        senders = Counter(r.sender or self.tr("System") for r in active)
        self.senders.set_items([(name, n, QColor("#4b5563")) for name, n in senders.most_common(8)])
        hours = [0] * 24
        for r in active:
            hours[r.time.hour] += 1
        night = sum(hours[h] for h in NIGHT_HOURS)
        night_text = self.tr("%1 findings were sent late at night (10 pm to 6 am, the dark bars).") \
            .replace("%1", loc.toString(night))
        self.night_note.setText(night_text)
        self.hours.set_counts(hours, night_text + " " + ", ".join(
            f"{h}: {hours[h]}" for h in range(24) if hours[h]))
        weeks: dict[datetime, Counter[str]] = defaultdict(Counter)
        for r in active:
            day = r.time.replace(hour=0, minute=0, second=0, microsecond=0)
            start = day - timedelta(days=day.weekday())
            for c in r.finding.categories:
                weeks[start][c] += 1
        if weeks:
            first, last = min(weeks), max(weeks)
            cursor, ordered = first, []
            while cursor <= last and len(ordered) < 520:
                ordered.append((cursor, weeks.get(cursor, Counter())))
                cursor += timedelta(days=7)
        else:
            ordered = []
        self.timeline.set_weeks(ordered, "; ".join(
            f"{start:%Y-%m-%d}: {sum(c.values())}" for start, c in ordered if c))
        self.legend.setText(" ".join(
            f'<span style="color:{labels.CATEGORY_COLOURS[c].name()}">■</span> {labels.category(c)}'
            for c in CATEGORY_IDS if cats[c]))
