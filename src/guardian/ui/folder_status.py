"""Connected folders at a glance, without opening Settings: each folder's
state (watching, importing, a problem and why, or missing) and when it was
last imported from.  A panel on the overview page and one line in the
status bar, both redrawn whenever the watcher reports a change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guardian.folders import FolderState
from guardian.ui import labels
from guardian.ui.wizard import plain_problem

WATCHING, IMPORTING, ERROR, MISSING, WAITING = "watching", "importing", "error", "missing", "waiting"

# A sign per state, so the state reads without colour and without the word.
MARKS = {WATCHING: "✓", IMPORTING: "⟳", ERROR: "⚠", MISSING: "✕", WAITING: "…"}


def state_of(folder: FolderState, importing: str | None) -> str:
    if importing == folder.path:
        return IMPORTING
    if folder.status == "missing":
        return MISSING
    if folder.status == "error":
        return ERROR
    if folder.status == "new":
        return WAITING
    return WATCHING


def local_time(iso: str) -> str:
    """The stored UTC time in this computer's time zone, kept left-to-right."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return ""
    return labels.left_to_right(moment)


STATE_COLUMN = 1


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their state's text wrapped to the column's width, so
    a long reason ("… could not be imported: …") is read whole."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def text_height(self, text: str, font_metrics: QFontMetrics, width: int) -> int:
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        bounds = QRect(0, 0, max(20, width - 2 * margin), 100_000)
        return font_metrics.boundingRect(bounds, int(Qt.TextFlag.TextWordWrap), text).height() + 6

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() == STATE_COLUMN:
            text = str(index.data() or "")
            width = self.view.header().sectionSize(STATE_COLUMN)
            size.setHeight(max(size.height(), self.text_height(text, option.fontMetrics, width)))
        return size


class FolderStatusPanel(QWidget):
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderStatus")
        self.watcher: Any = None
        self.heading = QLabel()
        self.heading.setObjectName("chartTitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("folderStatusList")
        self.tree.setColumnCount(3)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        # A long reason wraps onto more lines of its row instead of being cut.
        self.delegate = WrappingDelegate(self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.header().sectionResized.connect(self._state_width_changed)
        self._laid_out_width = -1
        self._fitted_height = -1
        self.tree.installEventFilter(self)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.settings_requested)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.tree)
        self.status_line = QLabel()          # for the main window's status bar
        self.status_line.setObjectName("folderStatusLine")
        self.retranslate()

    def set_watcher(self, watcher: Any) -> None:
        self.watcher = watcher
        watcher.changed.connect(self.show_states)
        self.show_states()

    def retranslate(self) -> None:
        self.heading.setText("<b>" + self.tr("Connected folders") + "</b>")
        self.tree.setHeaderLabels([self.tr("Folder"), self.tr("State"), self.tr("Last import")])
        self.tree.setAccessibleName(self.tr("Connected folders and their state"))
        self.settings_button.setText(self.tr("Connect or remove folders…"))
        self.show_states()

    def state_text(self, folder: FolderState, state: str) -> str:
        if state == IMPORTING:
            return self.tr("Importing new chats…")
        if state == MISSING:
            return self.tr("Folder not found (a removed drive?)")
        if state == WAITING:
            return self.tr("Not checked yet")
        if state == ERROR:
            reason = plain_problem(folder.problem) or folder.problem
            name = folder.problem_file
            head = (self.tr("“%1” could not be imported").replace("%1", name) if name
                    else self.tr("A file could not be imported"))
            return f"{head}: {reason}" if reason else head
        return self.tr("Watching")

    def show_states(self) -> None:
        folders = list(self.watcher.folders.states) if self.watcher is not None else []
        importing = self.watcher.importing if self.watcher is not None else None
        self.setVisible(self.watcher is not None)
        self.tree.clear()
        counts: dict[str, int] = {}
        for folder in folders:
            state = state_of(folder, importing)
            counts[state] = counts.get(state, 0) + 1
            text = self.state_text(folder, state)
            when = local_time(folder.last_import) or self.tr("never")
            item = QTreeWidgetItem([Path(folder.path).name or folder.path, f"{MARKS[state]} {text}", when])
            item.setData(0, Qt.ItemDataRole.UserRole, state)
            item.setToolTip(0, folder.path)
            item.setToolTip(1, text + (f"\n{folder.problem}" if state == ERROR and folder.problem else ""))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(folders))
        self._fit_height()
        if not folders:
            self.summary.setText(self.tr("No folder is connected. Connect the folder where you save "
                                         "your child's chat exports, and Guardian imports new ones "
                                         "by itself while it runs."))
        else:
            self.summary.setText(self.tr("Guardian watches these folders and imports new exports "
                                         "by itself."))
        self.status_line.setText(self._line(folders, counts))
        self.status_line.setVisible(bool(folders))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() in (QEvent.Type.FontChange, QEvent.Type.Show,
                                                     QEvent.Type.Resize):
            QTimer.singleShot(0, self, self._state_width_changed)
        return False

    def _state_width_changed(self, *_: object) -> None:
        # The rows' heights follow the state column's width.
        width = self.tree.header().sectionSize(STATE_COLUMN)
        if width == self._laid_out_width and self.tree.height() == self._fitted_height:
            return
        self._laid_out_width = width
        self.tree.doItemsLayout()
        self._fit_height()

    def row_heights(self) -> list[int]:
        """What each folder's row needs, its state wrapped to the column."""
        fm = self.tree.fontMetrics()
        width = self.tree.header().sectionSize(STATE_COLUMN)
        line = fm.height() + 6
        return [max(line, self.delegate.text_height(self.tree.topLevelItem(i).text(STATE_COLUMN), fm, width))
                for i in range(self.tree.topLevelItemCount())]

    def _fit_height(self) -> None:
        """As tall as its folders' rows (up to five), so an empty list takes
        no room and a long reason is not cut."""
        heights = self.row_heights()[:5] or [self.fontMetrics().height() + 6]
        header = self.tree.header().sizeHint().height()
        frame = 2 * self.tree.frameWidth()
        self._fitted_height = header + frame + sum(heights) + 4
        self.tree.setFixedHeight(self._fitted_height)

    def _line(self, folders: list[FolderState], counts: dict[str, int]) -> str:
        if not folders:
            return ""
        if counts.get(IMPORTING):
            return MARKS[IMPORTING] + " " + self.tr("Folders: importing…")
        problems = counts.get(ERROR, 0) + counts.get(MISSING, 0)
        if problems:
            return MARKS[ERROR] + " " + self.tr("Folders: %n need attention", "", problems)
        return MARKS[WATCHING] + " " + self.tr("Folders: watching %n", "", len(folders))
