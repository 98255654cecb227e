"""The findings list: a table model over the stored findings, a proxy that
sorts and filters (severity, kind of harm, conversation, sender, dates,
review state), and the pane with its filter bar.  Severity is shown by
colour and, for anyone who cannot rely on colour, by a shape and a word."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from guardian.domain import CATEGORY_IDS, ReviewState, Severity
from guardian.ui import contrast, labels
from guardian.ui.findings_data import FindingRow
from guardian.ui.illustration import Illustration

COL_SEVERITY, COL_KIND, COL_SENDER, COL_CONVERSATION, COL_TIME, COL_REVIEW = range(6)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_icons: dict[tuple[int, str], QIcon] = {}


def severity_icon(sev: Severity, background: QColor | None = None) -> QIcon:
    """A coloured badge whose number of bars also tells the level; its colour
    is adjusted to stand out from `background` (dark or high-contrast themes)."""
    colour = labels.SEVERITY_COLOURS[sev]
    if background is not None:
        colour = contrast.readable(colour, background, contrast.GRAPHIC)
    key = (int(sev), colour.name())
    if key not in _icons:
        pix = QPixmap(28, 16)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        for i in range(int(sev)):
            h = 4 + 3 * i
            p.drawRect(2 + i * 6, 15 - h, 5, h)
        p.end()
        _icons[key] = QIcon(pix)
    return _icons[key]


class FindingsModel(QAbstractTableModel):
    """Every finding, in the order the store gave them; `FindingsFilter`
    decides which are shown and in what order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FindingRow] = []
        self._index_of: dict[int, int] = {}

    def set_rows(self, rows: list[FindingRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._index_of = {r.finding.id: i for i, r in enumerate(rows) if r.finding.id is not None}
        self.endResetModel()

    def row_of(self, finding_id: int) -> int:
        return self._index_of.get(finding_id, -1)

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

    def display(self, row: FindingRow, col: int) -> str:
        f = row.finding
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
            return labels.left_to_right(row.time)
        return labels.review(f.review) + (" ✎" if f.note else "")

    def sort_key(self, col: int) -> Callable[[FindingRow], object]:
        """What a column sorts by: severity, then the newest; times; else the text."""
        if col == COL_SEVERITY:
            return lambda r: (int(r.finding.severity), r.stamp or r.time.timestamp())
        if col == COL_TIME:
            return lambda r: r.stamp or r.time.timestamp()
        return lambda r: self.display(r, col).casefold()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        f = row.finding
        col = index.column()
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display(row, col)
        if role == SORT_ROLE:
            return self.sort_key(col)(row)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_SEVERITY:
            return severity_icon(f.severity, _base_colour(self.parent()))
        if role == Qt.ItemDataRole.ToolTipRole:
            # Names may be elided in a narrow list: the tooltip has them whole.
            if col in (COL_KIND, COL_SENDER, COL_CONVERSATION):
                return self.display(row, col) + "\n\n" + row.text[:300]
            return row.text[:300]
        if role == Qt.ItemDataRole.FontRole and f.review == ReviewState.NEW:
            font = self.parent().font() if isinstance(self.parent(), QWidget) else None
            if font is not None:
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole:
            base = _base_colour(self.parent())
            if col == COL_SEVERITY:
                return QBrush(contrast.readable(labels.SEVERITY_COLOURS[f.severity], base))
            if f.review == ReviewState.NOT_A_PROBLEM:
                return QBrush(contrast.muted(self.parent().palette() if isinstance(self.parent(), QWidget)
                                             else QApplication.palette()))
        return None

    def _rtl(self) -> bool:
        return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def _base_colour(widget: object) -> QColor:
    palette = widget.palette() if isinstance(widget, QWidget) else QApplication.palette()
    return palette.color(QPalette.ColorRole.Base)


# Review filter choices.
OPEN, ALL = "open", "all"


class FindingsFilter(QAbstractProxyModel):
    """The findings the filters let through, in the chosen order.

    Filtering and sorting happen in Python over the whole list at once
    (a list comprehension and one `list.sort`), not row by row through
    QSortFilterProxyModel's C++-to-Python callbacks: with tens of thousands
    of findings those callbacks took seconds on the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_severity = Severity.NONE
        self.category = ""
        self.conversation_id: int | None = None
        self.sender = ""
        self.start: date | None = None
        self.end: date | None = None
        self.review = OPEN
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._visible: list[int] = []        # source rows, in display order
        self._position: list[int] = []       # source row -> display row, or -1

    # --- the source ---------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # type: ignore[override]
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections(old):
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        for signal, slot in self._connections(model):
            signal.connect(slot)
        self._compute()
        self.endResetModel()

    def _connections(self, model: QAbstractItemModel) -> list[tuple[Any, Callable[..., None]]]:
        return [(model.modelAboutToBeReset, self.beginResetModel),
                (model.modelReset, self._source_reset),
                (model.dataChanged, self._source_data_changed),
                (model.headerDataChanged, self.headerDataChanged)]

    def _source_reset(self) -> None:
        self._compute()
        self.endResetModel()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                             roles: list[int] = []) -> None:   # noqa: B006 - Qt's signature
        # A review decision may take a row out of "needing attention" or
        # move it in the order: the same as changing a filter.
        self._rebuild()
        first, last = self._visible_range(top_left.row(), bottom_right.row())
        if first is not None:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _visible_range(self, first: int, last: int) -> tuple[int | None, int]:
        shown = [self._position[r] for r in range(max(first, 0), min(last + 1, len(self._position)))
                 if self._position[r] >= 0]
        return (min(shown), max(shown)) if shown else (None, 0)

    # --- filters and order ----------------------------------------------------

    def set(self, **values: object) -> None:
        changed = False
        for key, value in values.items():
            if not hasattr(self, key) or key.startswith("_"):
                raise AttributeError(key)
            changed = changed or getattr(self, key) != value
            setattr(self, key, value)
        if changed:
            self._rebuild()

    def accepts(self, row: FindingRow) -> bool:
        f = row.finding
        if f.severity < self.min_severity:
            return False
        if self.category and self.category not in f.categories:
            return False
        if self.conversation_id is not None and row.conversation_id != self.conversation_id:
            return False
        if self.sender and row.sender != self.sender:
            return False
        if self.start or self.end:
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

    def _only_review_filter(self) -> bool:
        return (self.min_severity <= Severity.NONE and not self.category and self.conversation_id is None
                and not self.sender and not self.start and not self.end)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._rebuild()

    def _source(self) -> FindingsModel | None:
        model = self.sourceModel()
        return model if isinstance(model, FindingsModel) else None

    def _compute(self) -> None:
        model = self._source()
        rows = model.rows if model is not None else []
        if self._only_review_filter():
            # The usual case, without a Python call per row.
            if self.review == OPEN:
                wanted = {ReviewState.NEW, ReviewState.IMPORTANT}
            else:
                wanted = set(ReviewState) if self.review == ALL else {ReviewState(self.review)}
            visible = [i for i, row in enumerate(rows) if row.finding.review in wanted]
        else:
            visible = [i for i, row in enumerate(rows) if self.accepts(row)]
        if model is not None and 0 <= self.sort_column < model.columnCount():
            keys = list(map(model.sort_key(self.sort_column), rows))
            visible.sort(key=keys.__getitem__, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        position = [-1] * len(rows)
        for shown, source in enumerate(visible):
            position[source] = shown
        self._visible, self._position = visible, position

    def _rebuild(self) -> None:
        """Recompute, keeping the selection and the current row on the same
        findings (persistent indexes follow them; hidden ones go invalid)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [(self._visible[i.row()] if 0 <= i.row() < len(self._visible) else -1, i.column())
                   for i in persistent]
        self._compute()
        moved = [self.index(self._position[src], col) if 0 <= src < len(self._position)
                 and self._position[src] >= 0 else QModelIndex() for src, col in sources]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def visible_rows(self) -> list[int]:
        """The source rows shown, in display order."""
        return self._visible

    # --- QAbstractProxyModel -----------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._visible)) or not (0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and bool(self._visible)

    def mapToSource(self, proxy_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy_index.isValid() or proxy_index.row() >= len(self._visible):
            return QModelIndex()
        return model.index(self._visible[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not source_index.isValid() or source_index.row() >= len(self._position):
            return QModelIndex()
        shown = self._position[source_index.row()]
        return self.index(shown, source_index.column()) if shown >= 0 else QModelIndex()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        model = self.sourceModel()
        if model is None or orientation != Qt.Orientation.Horizontal:
            return None
        return model.headerData(section, orientation, role)


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
        # The columns share the width by `_fit_columns` (short fixed words in
        # full, names elided), not by Qt's resize modes: ResizeToContents
        # left the conversation a sliver, and it measures every row.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.setResizeContentsPrecision(0)     # a double-click measures the rows on screen only
        header.sectionResized.connect(self._section_resized)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header.setHighlightSections(False)
        self._fitting = False
        self._sized_by_hand = False
        self.table.viewport().installEventFilter(self)
        self.table.installEventFilter(self)
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
        self.loading_label = QLabel()
        self.loading_label.setObjectName("findingsLoading")
        self.loading_label.hide()

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
        count_row = QHBoxLayout()
        count_row.addWidget(self.count, 1)
        count_row.addWidget(self.loading_label)
        list_layout.addLayout(count_row)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        self._has_chats = False
        self._analysing = False
        self._loading = False
        self._loaded_once = False
        self._restoring = False
        self._current_id: int | None = None
        self._current_position = -1
        self.proxy.layoutChanged.connect(self._after_layout_change)
        self.analysis_problem = ""
        for combo in (self.severity, self.category, self.conversation, self.sender, self.review):
            combo.currentIndexChanged.connect(self._filters_changed)
        # Short fixed choices are never cut, even with large text; names of
        # people and chats may be long and are elided instead.
        for combo in (self.severity, self.review):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.installEventFilter(self)
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
        self._sized_by_hand = False
        self._fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
            return False
        if watched is self.table and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                                                      QEvent.Type.LayoutDirectionChange):
            self._sized_by_hand = False
            QTimer.singleShot(0, self, self._fit_columns)
            return False
        # A grid shrinks a combo box to its minimum, which cuts its text; the
        # minimum follows the text size instead (View ▸ Text size).
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.Show) and isinstance(watched, QComboBox):
            # After the combo box itself has seen the event (and dropped its
            # old size hint): the filter runs first.
            QTimer.singleShot(0, lambda combo=watched: _fit_minimum(combo))
        return False

    # --- column widths -------------------------------------------------------------

    # The columns that give way when the list is narrow (their text is
    # elided, the whole of it in the tooltip), and how the spare width is shared.
    _ELASTIC: ClassVar[dict[int, float]] = {COL_KIND: 1.0, COL_SENDER: 1.0, COL_CONVERSATION: 1.5}
    _SAMPLE_ROWS = 60

    def column_minimum(self, col: int) -> int:
        """No column is narrower than its heading (with the sort arrow) or
        than about nine characters, whatever the text size."""
        header = self.table.horizontalHeader()
        heading = header.sectionSizeFromContents(col).width()
        return max(heading, header.fontMetrics().horizontalAdvance("0") * 9)

    def content_width(self, col: int) -> int:
        """The widest cell among the rows on screen, in bold (new findings
        are bold), with the severity's icon: a sample of the rows, measured
        with font metrics rather than the delegate, so a reload of tens of
        thousands of findings is not held up."""
        model, proxy = self.model, self.proxy
        first = max(self.table.rowAt(0), 0)
        last = min(proxy.rowCount(), first + self._SAMPLE_ROWS)
        font = self.table.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        visible, rows = proxy.visible_rows(), model.rows
        widest = max((metrics.horizontalAdvance(model.display(rows[visible[r]], col))
                      for r in range(first, last)), default=0)
        style = self.table.style()
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        if col == COL_SEVERITY:
            icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.table)
            widest += max(icon, 28) + margin
        return widest + 2 * margin

    def _fit_columns(self) -> None:
        """Share the list's width: severity, time and decision in full, the
        kind of harm, sender and conversation from what they need down to
        their minimum, spare width to the conversation first.  When even the
        minimums do not fit (very large text), a sideways scroll bar."""
        if self._sized_by_hand or self._fitting:
            return
        columns = self.model.columnCount()
        available = self.table.viewport().width()
        if available <= 0:
            return
        minimum = [self.column_minimum(c) for c in range(columns)]
        want = [max(minimum[c], self.content_width(c)) for c in range(columns)]
        elastic = [c for c in range(columns) if c in self._ELASTIC]
        fixed = sum(want[c] for c in range(columns) if c not in self._ELASTIC)
        widths = list(want)
        for c in elastic:           # no name takes more than a third
            widths[c] = max(minimum[c], min(want[c], available // 3))
        spare = available - fixed - sum(widths[c] for c in elastic)
        if spare >= 0:
            weight = sum(self._ELASTIC.values())
            for c in elastic:
                widths[c] += int(spare * self._ELASTIC[c] / weight)
        else:
            # The conversation gives way first (it is also in the filter and
            # the list beside), down to about eighteen characters.
            comfortable = max(minimum[COL_CONVERSATION],
                              self.table.fontMetrics().horizontalAdvance("0") * 18)
            cut = min(-spare, max(0, widths[COL_CONVERSATION] - comfortable))
            widths[COL_CONVERSATION] -= cut
            spare += cut
            give = sum(widths[c] - minimum[c] for c in elastic)
            share = max(0.0, 1 + spare / give) if give else 0.0
            for c in elastic:
                widths[c] = minimum[c] + int((widths[c] - minimum[c]) * share)
        rest = available - sum(widths)
        if 0 < rest < columns:      # rounding: the last pixels to the conversation
            widths[COL_CONVERSATION] += rest
        self._fitting = True
        try:
            header = self.table.horizontalHeader()
            for c, width in enumerate(widths):
                header.resizeSection(c, width)
        finally:
            self._fitting = False

    def _section_resized(self, *_: object) -> None:
        if not self._fitting and QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._sized_by_hand = True     # the parent dragged a column: keep it

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
        if combo.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContents:
            _fit_minimum(combo)

    def _refill_people(self) -> None:
        rows = self.model.rows
        conversations = sorted({(r.conversation_id, r.conversation) for r in rows}, key=lambda x: x[1])
        senders = sorted({r.sender for r in rows if r.sender})
        self._fill(self.conversation, [(self.tr("Any"), -1)] + [(t, cid) for cid, t in conversations])
        self._fill(self.sender, [(self.tr("Anyone"), "")] + [(s, s) for s in senders])

    # --- data ------------------------------------------------------------------

    def set_rows(self, rows: list[FindingRow], has_chats: bool) -> None:
        """Show a new list, keeping the filters and the selected finding.
        `selected` is only emitted when the selection really changed, so a
        reload does not redraw the conversation the parent is reading."""
        current_id = self._current_id
        self._has_chats = has_chats
        self._loaded_once = True
        self._restoring = True
        try:
            self.model.set_rows(rows)
            self._refill_people()
            self._filters_changed()
            kept = self.select_finding(current_id)
            self._current_position = self.table.currentIndex().row()
        finally:
            self._restoring = False
        self._fit_columns()
        if not kept:
            self._current_changed(self.table.currentIndex(), QModelIndex())
        self._update_state()

    def set_loading(self, loading: bool) -> None:
        """A reload is on its way: the list stays usable meanwhile."""
        self._loading = loading
        self._update_state()

    @property
    def loading(self) -> bool:
        return self._loading

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
        self.loading_label.setText(self.tr("Updating the list…"))
        self.loading_label.setVisible(self._loading)
        if self._loading and not self._loaded_once:
            self.empty_text.setText(self.tr("Reading the findings…"))
        elif not self._has_chats:
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
        self.import_button.setVisible(not self._has_chats and self._loaded_once)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%1 of %n findings shown", "", total).replace("%1", QLocale().toString(shown)))

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
        if self._restoring:
            return
        row = current.data(ROW_ROLE) if current.isValid() else None
        self._current_id = row.finding.id if row is not None else None
        self._current_position = current.row() if current.isValid() else -1
        self.selected.emit(row)

    def _after_layout_change(self) -> None:
        """A filter or a decision hid the selected finding: move to the one
        that took its place, as a list that loses a row does."""
        if self._restoring or self._current_id is None or self.table.currentIndex().isValid():
            if self.table.currentIndex().isValid():
                self._current_position = self.table.currentIndex().row()
            return
        rows = self.proxy.rowCount()
        if rows:
            self.table.setCurrentIndex(self.proxy.index(min(self._current_position, rows - 1), 0))
        else:
            self._current_changed(QModelIndex(), QModelIndex())


def _fit_minimum(combo: QComboBox) -> None:
    combo.setMinimumWidth(0)
    combo.setMinimumWidth(combo.sizeHint().width())


def parse_day(value: str) -> date:
    return datetime.strptime(value, "%Y-%m-%d").date()
