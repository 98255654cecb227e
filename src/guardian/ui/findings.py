"""The findings list: a table model over the stored findings, a proxy that
sorts and filters (severity, kind of harm, conversation, sender, dates,
review state), and the pane with its filter bar.  Severity is shown by
colour and, for anyone who cannot rely on colour, by a shape and a word."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QGridLayout, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QStackedWidget, QTableView,
                               QVBoxLayout, QWidget)

from guardian.domain import CATEGORY_IDS, ReviewState, Severity
from guardian.ui import labels
from guardian.ui.findings_data import FindingRow
from guardian.ui.illustration import Illustration

COL_SEVERITY, COL_KIND, COL_SENDER, COL_CONVERSATION, COL_TIME, COL_REVIEW = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_icons: dict[int, QIcon] = {}


def severity_icon(sev: Severity) -> QIcon:
    """A coloured badge whose number of bars also tells the level."""
    if int(sev) not in _icons:
        pix = QPixmap(28, 16)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(labels.SEVERITY_COLOURS[sev])
        for i in range(int(sev)):
            h = 4 + 3 * i
            p.drawRect(2 + i * 6, 15 - h, 5, h)
        p.end()
        _icons[int(sev)] = QIcon(pix)
    return _icons[int(sev)]


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FindingRow] = []

    def set_rows(self, rows: list[FindingRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, finding_id: int) -> int:
        for i, r in enumerate(self.rows):
            if r.finding.id == finding_id:
                return i
        return -1

    def update_review(self, finding_id: int, state: ReviewState, note: str) -> None:
        i = self.row_of(finding_id)
        if i < 0:
            return
        self.rows[i].finding.review = state
        self.rows[i].finding.note = note
        self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Severity"), self.tr("Kind of harm"), self.tr("Sender"),
                self.tr("Conversation"), self.tr("Time"), self.tr("Your decision")][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        f = row.finding
        col = index.column()
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == COL_SEVERITY:
                return f"{labels.severity(f.severity)}"
            if col == COL_KIND:
                return "، ".join(labels.category(c) for c in f.categories) \
                    if self._rtl() else ", ".join(labels.category(c) for c in f.categories)
            if col == COL_SENDER:
                return row.sender or self.tr("System")
            if col == COL_CONVERSATION:
                return row.conversation
            if col == COL_TIME:
                # Isolated left-to-right, so the date reads the same in Arabic.
                return "\u2066" + row.time.strftime("%Y-%m-%d %H:%M") + "\u2069"
            if col == COL_REVIEW:
                return labels.review(f.review) + (" ✎" if f.note else "")
        if role == SORT_ROLE:
            if col == COL_SEVERITY:
                # One number Qt can compare: severity first, then the newest.
                return int(f.severity) * 1e11 + row.time.timestamp()
            if col == COL_TIME:
                return row.time.timestamp()
            return str(self.data(index, Qt.ItemDataRole.DisplayRole)).casefold()
        if role == Qt.ItemDataRole.DecorationRole and col == COL_SEVERITY:
            return severity_icon(f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.text[:300]
        if role == Qt.ItemDataRole.FontRole and f.review == ReviewState.NEW:
            font = self.parent().font() if isinstance(self.parent(), QWidget) else None
            if font is not None:
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_SEVERITY:
                return QBrush(labels.SEVERITY_COLOURS[f.severity])
            if f.review == ReviewState.NOT_A_PROBLEM:
                return QBrush(QColor("#6b7280"))
        return None

    def _rtl(self) -> bool:
        from PySide6.QtWidgets import QApplication
        return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


# Review filter choices.
OPEN, ALL = "open", "all"


class FindingsFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_severity = Severity.NONE
        self.category = ""
        self.conversation_id: int | None = None
        self.sender = ""
        self.start: date | None = None
        self.end: date | None = None
        self.review = OPEN
        self.setSortRole(SORT_ROLE)

    def set(self, **values: object) -> None:
        self.beginFilterChange()
        for key, value in values.items():
            if not hasattr(self, key):
                raise AttributeError(key)
            setattr(self, key, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, FindingsModel)
        row = model.rows[source_row]
        f = row.finding
        if f.severity < self.min_severity:
            return False
        if self.category and self.category not in f.categories:
            return False
        if self.conversation_id is not None and row.conversation_id != self.conversation_id:
            return False
        if self.sender and row.sender != self.sender:
            return False
        day = row.time.date()
        if self.start and day < self.start:
            return False
        if self.end and day > self.end:
            return False
        if self.review == OPEN:
            return f.review in (ReviewState.NEW, ReviewState.IMPORTANT)
        if self.review != ALL:
            return f.review.value == self.review
        return True


class FindingsPane(QWidget):
    """The findings with their filters.  Until chats are imported it offers
    the import; when nothing was found, it says so plainly."""

    selected = Signal(object)        # FindingRow or None
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("paneHeading")
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("findingsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_SEVERITY, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CONVERSATION, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree = self.table   # the old name, kept for callers

        # Filters
        self.severity = QComboBox()
        self.category = QComboBox()
        self.conversation = QComboBox()
        self.sender = QComboBox()
        self.review = QComboBox()
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(QDate(2000, 1, 1))
            edit.setDate(edit.minimumDate())
            edit.dateChanged.connect(self._filters_changed)
        self.filter_labels = [QLabel() for _ in range(7)]
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        widgets = [self.severity, self.category, self.review, self.conversation, self.sender,
                   self.start, self.end]
        for i, (label, widget) in enumerate(zip(self.filter_labels, widgets)):
            label.setBuddy(widget)
            r, c = divmod(i, 3) if i < 3 else divmod(i - 3, 4)
            r = 0 if i < 3 else 1
            grid.addWidget(label, r * 2, c)
            grid.addWidget(widget, r * 2 + 1, c)
        grid.addWidget(self.clear_button, 1, 3)
        self.count = QLabel()
        self.count.setObjectName("findingsCount")

        # Empty states
        self.empty = QWidget()
        self.empty_picture = Illustration("drop-files.svg")
        self.empty_picture.setMaximumHeight(180)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_text.setObjectName("emptyText")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_requested)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_picture)
        empty_layout.addWidget(self.empty_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addStretch(1)
        empty_layout.addLayout(row)
        empty_layout.addStretch(2)

        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(grid)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        self._has_chats = False
        self._analysing = False
        self.analysis_problem = ""
        for combo in (self.severity, self.category, self.conversation, self.sender, self.review):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.retranslate()

    # --- text ----------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Findings"))
        self.table.setAccessibleName(self.tr("Findings"))
        names = [self.tr("&Severity"), self.tr("&Kind of harm"), self.tr("Sho&w"),
                 self.tr("Con&versation"), self.tr("Se&nder"), self.tr("Fro&m"), self.tr("&To")]
        for label, name in zip(self.filter_labels, names):
            label.setText(name)
        self.clear_button.setText(self.tr("Show a&ll"))
        any_date = self.tr("any date")
        for edit in (self.start, self.end):
            edit.setSpecialValueText(any_date)
        self._fill(self.severity, [(self.tr("Any"), 0)] + [
            (self.tr("%1 or worse").replace("%1", labels.severity(s)), int(s))
            for s in (Severity.LOW, Severity.MEDIUM, Severity.HIGH)] + [
            (labels.severity(Severity.CRITICAL), int(Severity.CRITICAL))])
        self._fill(self.category, [(self.tr("Any"), "")] + [(labels.category(c), c) for c in CATEGORY_IDS])
        self._fill(self.review, [(self.tr("Needing attention"), OPEN), (self.tr("All findings"), ALL)]
                   + [(labels.review(s), s.value) for s in ReviewState])
        self._refill_people()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self.model.dataChanged.emit(self.model.index(0, 0),
                                    self.model.index(max(0, self.model.rowCount() - 1), 5))
        self.import_button.setText(self.tr("&Import chats…"))
        self._update_state()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _refill_people(self) -> None:
        rows = self.model.rows
        conversations = sorted({(r.conversation_id, r.conversation) for r in rows}, key=lambda x: x[1])
        senders = sorted({r.sender for r in rows if r.sender})
        self._fill(self.conversation, [(self.tr("Any"), -1)] + [(t, cid) for cid, t in conversations])
        self._fill(self.sender, [(self.tr("Anyone"), "")] + [(s, s) for s in senders])

    # --- data ------------------------------------------------------------------

    def set_rows(self, rows: list[FindingRow], has_chats: bool) -> None:
        current = self.current_row()
        self._has_chats = has_chats
        self.model.set_rows(rows)
        self._refill_people()
        self._filters_changed()
        if current is not None:
            self.select_finding(current.finding.id)
        self._update_state()

    def set_analysing(self, analysing: bool) -> None:
        self._analysing = analysing
        self._update_state()

    def show_count(self, count: int) -> None:   # kept for older callers
        self._update_state()

    def _update_state(self) -> None:
        if self.model.rows:
            self.stack.setCurrentWidget(self.list_page)
        else:
            self.stack.setCurrentWidget(self.empty)
        if not self._has_chats:
            self.empty_text.setText(self.tr("No chats yet. Import your child's chats to begin: "
                                            "choose Import chats, or drag the exported files onto "
                                            "this window."))
        elif self._analysing:
            self.empty_text.setText(self.tr("Guardian is reading the chats…"))
        elif self.analysis_problem:
            self.empty_text.setText(self.analysis_problem)
        else:
            self.empty_text.setText(self.tr("Guardian found nothing worrying in the imported chats. "
                                            "It can miss things: keep talking with your child."))
        self.empty.setAccessibleName(self.empty_text.text())
        self.import_button.setVisible(not self._has_chats)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%1 of %2 findings shown").replace("%1", QLocale().toString(shown))
                           .replace("%2", QLocale().toString(total)))

    def _filters_changed(self, *_: object) -> None:
        conv = self.conversation.currentData()
        start = self.start.date()
        end = self.end.date()
        self.proxy.set(min_severity=Severity(int(self.severity.currentData() or 0)),
                       category=self.category.currentData() or "",
                       conversation_id=None if conv in (None, -1) else int(conv),
                       sender=self.sender.currentData() or "",
                       start=None if start == self.start.minimumDate() else start.toPython(),
                       end=None if end == self.end.minimumDate() else end.toPython(),
                       review=self.review.currentData() or OPEN)
        self._update_state()

    def clear_filters(self) -> None:
        for combo in (self.severity, self.category, self.conversation, self.sender):
            combo.setCurrentIndex(0)
        self.review.setCurrentIndex(self.review.findData(ALL))
        self.start.setDate(self.start.minimumDate())
        self.end.setDate(self.end.minimumDate())

    def filter_conversation(self, conversation_id: int | None) -> None:
        index = self.conversation.findData(conversation_id if conversation_id is not None else -1)
        self.conversation.setCurrentIndex(max(index, 0))

    # --- selection -------------------------------------------------------------

    def current_row(self) -> FindingRow | None:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_finding(self, finding_id: int | None) -> bool:
        if finding_id is None:
            return False
        source_row = self.model.row_of(finding_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.selected.emit(current.data(ROW_ROLE) if current.isValid() else None)


def parse_day(value: str) -> date:
    return datetime.strptime(value, "%Y-%m-%d").date()
