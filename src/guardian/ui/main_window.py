"""The main window: conversations, the findings list, the conversation
around the selected finding and the report pane; an overview tab and the
"Protect your child" tab.  Right-to-left in Arabic, left-to-right in
English; every string goes through tr() and is re-translated on a language
switch.  Importing and analysis run off the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guardian import paths
from guardian.domain import ReviewState, Severity
from guardian.settings import Settings
from guardian.store.database import ConversationSummary, Store
from guardian.tasks import TaskHandle, run_task, writer_pool
from guardian.ui import labels, preferences
from guardian.ui.about import AboutDialog
from guardian.ui.dashboard import Dashboard
from guardian.ui.detail import ChatView, ReportPane, ReviewBar, ReviewCommand
from guardian.ui.family_rules import FamilyRules, scan_with_rules
from guardian.ui.findings import FindingsPane
from guardian.ui.findings_data import FindingRow
from guardian.ui.findings_loader import FindingsLoader, LastVisit, Snapshot, release_gradually
from guardian.ui.folder_status import FolderStatusPanel
from guardian.ui.storeaccess import StoreFactory, reopener
from guardian.ui.wizard import ImportWizard, local_paths

log = logging.getLogger(__name__)

# Kept for callers of the old module.
PLATFORM_NAMES = {k: k.capitalize() for k in labels.PLATFORM_NAMES}

ClassifierFactory = Callable[[dict[str, float]], Any]


def default_classifier(sensitivity: dict[str, float]) -> Any:
    from guardian.scanning import load_classifier
    return load_classifier(sensitivity)


class ConversationsPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("paneHeading")
        self.tree = QTreeWidget()
        self.tree.setObjectName("conversationTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        self._conversations: list[ConversationSummary] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Conversations"))
        self.tree.setHeaderLabels([self.tr("Conversation"), self.tr("Messages")])
        self.tree.setAccessibleName(self.tr("Imported conversations"))
        self.show_conversations(self._conversations)

    def show_conversations(self, conversations: list[ConversationSummary]) -> None:
        current = self.current_id()
        self._conversations = conversations
        self.tree.blockSignals(True)
        self.tree.clear()
        everything = QTreeWidgetItem([self.tr("All conversations"),
                                      QLocale().toString(sum(c.messages for c in conversations))])
        everything.setData(0, Qt.ItemDataRole.UserRole, -1)
        self.tree.addTopLevelItem(everything)
        for conv in conversations:
            platform = labels.platform(conv.platform)
            item = QTreeWidgetItem([conv.title or platform, QLocale().toString(conv.messages)])
            item.setData(0, Qt.ItemDataRole.UserRole, conv.id)
            child = conv.child or self.tr("not chosen")
            your_child = self.tr("Your child:")
            item.setToolTip(0, f"{platform} · {your_child} {child}")
            self.tree.addTopLevelItem(item)
            if conv.id == current:
                self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        value = int(item.data(0, Qt.ItemDataRole.UserRole))
        return None if value < 0 else value


class MainWindow(QMainWindow):
    # Emitted once the findings list shows the result (after its reload).
    analysis_finished = Signal()
    import_finished = Signal()
    findings_loaded = Signal()

    def __init__(self, store: Store, switch_language: Callable[[str], None], language: str,
                 demo: bool = False, settings: Settings | None = None,
                 classifier_factory: ClassifierFactory | None = None,
                 store_factory: StoreFactory | None = None) -> None:
        super().__init__()
        self._store = store
        self.store = store
        self._switch_language = switch_language
        self.language = language
        self._demo = demo
        if settings is None and paths.current_data_dir() is not None:
            settings = Settings(paths.locations().settings_file)
        self.settings = settings
        self.classifier_factory = classifier_factory or default_classifier
        self.store_factory = store_factory or reopener(store)
        self.rules = FamilyRules(store)
        self.undo_stack = QUndoStack(self)
        self.busy = False                       # an import holds the database
        self.scan_handle: TaskHandle | None = None
        self.last_scan: Any = None
        self.notify: Callable[[str, str], None] | None = None
        self._rows: list[FindingRow] = []
        self._child_by_conversation: dict[int, str | None] = {}
        # Run once the reload in flight lands (e.g. "analysis finished").
        self._after_load: list[Callable[[], None]] = []
        self.loader = FindingsLoader(self.store_factory, self)
        self.loader.loaded.connect(self._show_snapshot)
        self.loader.failed.connect(self._load_failed)
        self._previous_serious: set[int] | None = None
        self._closing = False
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)

        self.conversations = ConversationsPane()
        self.findings = FindingsPane()
        self.chat = ChatView()
        self.report = ReportPane()
        self.review = ReviewBar()
        self.guidance = self._load_guidance()
        self.report.guidance = self.guidance
        self.report.country = self._country()
        self.report.language = language
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.chat)
        report_box = QWidget()
        report_layout = QVBoxLayout(report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.report, 1)
        report_layout.addWidget(self.review)
        right.addWidget(report_box)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.conversations)
        splitter.addWidget(self.findings)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        # The findings list gets the most: six columns must stay readable.
        splitter.setSizes([180, 660, 440])
        self.splitter = splitter
        self.dashboard = Dashboard()
        self.folder_status = FolderStatusPanel()
        self.folder_status.settings_requested.connect(self.open_settings)
        self.folder_status.hide()
        self.dashboard.widget().layout().insertWidget(0, self.folder_status)
        self.watcher: Any = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.dashboard, "")
        self.protect = self._make_protect()
        if self.protect is not None:
            self.tabs.addTab(self.protect, "")
        self.setCentralWidget(self.tabs)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setObjectName("analysisProgress")
        self.progress.hide()
        self.progress_label = QLabel()
        self.cancel_scan_button = QPushButton()
        self.cancel_scan_button.hide()
        self.cancel_scan_button.clicked.connect(self.cancel_scan)
        self.statusBar().addPermanentWidget(self.folder_status.status_line)
        self.folder_status.status_line.hide()
        self.statusBar().addPermanentWidget(self.progress_label)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_scan_button)

        self._build_menus(language)
        self.conversations.tree.currentItemChanged.connect(self._conversation_selected)
        self.findings.selected.connect(self._finding_selected)
        self.findings.import_requested.connect(self.open_import)
        self.review.decided.connect(self.decide)
        self.report.link_activated.connect(self._link)
        self.resize(1280, 800)
        self.retranslate()
        self.apply_text_scale()
        self.refresh()
        self._set_tab_order()

    # --- construction ----------------------------------------------------------

    def _country(self) -> str:
        """The parent's country for helplines: the setting, else the system's."""
        from guardian.explain import guess_country
        from guardian.settings import COUNTRY
        chosen = self.settings.get(COUNTRY) if self.settings else ""
        return chosen or guess_country(guidance=self.guidance)

    def _load_guidance(self) -> Any:
        try:
            from guardian.guidance import load_guidance
            return load_guidance(paths.assets_dir())
        except (OSError, ValueError) as exc:
            log.warning("guidance unavailable: %s", type(exc).__name__)
            return None

    def _make_protect(self) -> QWidget | None:
        if self.guidance is None:
            return None
        from guardian.ui.protect import ProtectPane
        pane = ProtectPane(self.guidance, self.language)
        return pane

    def _build_menus(self, language: str) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.open_import)
        self.scan_action = QAction(self)
        self.scan_action.setShortcut(QKeySequence("F5"))
        self.scan_action.triggered.connect(self.start_scan)
        self.report_action = QAction(self)
        self.report_action.setShortcut(QKeySequence("Ctrl+E"))
        self.report_action.triggered.connect(self.export_report)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (self.import_action, self.scan_action, self.report_action, self.settings_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.mark_reviewed = QAction(self)
        self.mark_reviewed.setShortcut(QKeySequence("Ctrl+R"))
        self.mark_reviewed.triggered.connect(lambda: self.decide(ReviewState.REVIEWED, None))
        self.mark_not_problem = QAction(self)
        self.mark_not_problem.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.mark_not_problem.triggered.connect(lambda: self.decide(ReviewState.NOT_A_PROBLEM, None))
        self.mark_important = QAction(self)
        self.mark_important.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.mark_important.triggered.connect(lambda: self.decide(ReviewState.IMPORTANT, None))
        for action in (self.mark_reviewed, self.mark_not_problem, self.mark_important):
            self.edit_menu.addAction(action)

        self.view_menu = bar.addMenu("")
        self.tab_actions = []
        for i in range(3):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _c=False, i=i: self.show_tab(i))
            self.view_menu.addAction(action)
            self.tab_actions.append(action)
        self.focus_list_action = QAction(self)
        self.focus_list_action.setShortcut(QKeySequence("Ctrl+L"))
        self.focus_list_action.triggered.connect(self.focus_findings)
        self.view_menu.addAction(self.focus_list_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        group.setExclusive(True)
        # Each language is named in itself, so a parent who cannot read the
        # current language still finds their own.
        self.arabic_action = QAction("العربية", self, checkable=True)
        self.english_action = QAction("English", self, checkable=True)
        for action, code in ((self.arabic_action, "ar"), (self.english_action, "en")):
            group.addAction(action)
            self.language_menu.addAction(action)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
        self.text_menu = self.view_menu.addMenu("")
        self.larger_action = QAction(self)
        self.larger_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.larger_action.triggered.connect(lambda: self.step_text_scale(+1))
        self.smaller_action = QAction(self)
        self.smaller_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.smaller_action.triggered.connect(lambda: self.step_text_scale(-1))
        self.normal_action = QAction(self)
        self.normal_action.setShortcut(QKeySequence("Ctrl+0"))
        self.normal_action.triggered.connect(lambda: self.set_text_scale(100))
        for action in (self.larger_action, self.smaller_action, self.normal_action):
            self.text_menu.addAction(action)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _set_tab_order(self) -> None:
        f = self.findings
        chain = [self.conversations.tree, f.severity, f.category, f.review, f.clear_button,
                 f.conversation, f.sender, f.start, f.end, f.table, self.chat, self.report,
                 self.review.reviewed, self.review.not_problem, self.review.important,
                 self.review.note, self.review.save_note]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    # --- text --------------------------------------------------------------------

    def retranslate(self) -> None:
        title = self.tr("Guardian")
        self.setWindowTitle(self.tr("Guardian — demo") if self._demo else title)
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("&Import chats…"))
        self.scan_action.setText(self.tr("&Analyse again"))
        self.report_action.setText(self.tr("&Export a report…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.undo_action.setText(self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo"))
        self.mark_reviewed.setText(self.tr("Mark as &reviewed"))
        self.mark_not_problem.setText(self.tr("Mark as &not a problem"))
        self.mark_important.setText(self.tr("Mark as &important"))
        self.view_menu.setTitle(self.tr("&View"))
        tab_names = [self.tr("&Findings"), self.tr("&Overview"), self.tr("&Protect your child")]
        for i, (action, name) in enumerate(zip(self.tab_actions, tab_names)):
            action.setText(name)
            if i < self.tabs.count():
                self.tabs.setTabText(i, name)
        self.focus_list_action.setText(self.tr("Go to the findings &list"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.text_menu.setTitle(self.tr("&Text size"))
        self.larger_action.setText(self.tr("&Larger"))
        self.smaller_action.setText(self.tr("&Smaller"))
        self.normal_action.setText(self.tr("&Normal"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Guardian"))
        self.cancel_scan_button.setText(self.tr("Stop"))
        self.progress.setAccessibleName(self.tr("Analysis progress"))
        self.conversations.retranslate()
        self.findings.retranslate()
        self.chat.retranslate()
        self.report.retranslate()
        self.review.retranslate()
        self.dashboard.retranslate()
        self.folder_status.retranslate()
        if self.protect is not None:
            self.protect.retranslate()  # type: ignore[attr-defined]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def switch_language(self, language: str) -> None:
        self.language = language
        self.report.language = language
        if self.protect is not None:
            self.protect.language = language  # type: ignore[attr-defined]
        self._switch_language(language)

    # --- text size ---------------------------------------------------------------

    def text_scale(self) -> int:
        return self.settings.get(preferences.TEXT_SCALE) if self.settings else 100

    def set_text_scale(self, percent: int) -> None:
        if self.settings is not None:
            self.settings.set(preferences.TEXT_SCALE, percent)
        self.apply_text_scale()

    def step_text_scale(self, step: int) -> None:
        choices = list(preferences.TEXT_SCALE.choices)
        current = self.text_scale()
        index = choices.index(current) if current in choices else choices.index(100)
        self.set_text_scale(choices[max(0, min(len(choices) - 1, index + step))])

    def apply_text_scale(self) -> None:
        """Scale the whole interface's text from the app font the system gave."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        base = app.property("guardianBasePointSize")
        if not base:
            base = app.font().pointSizeF()
            app.setProperty("guardianBasePointSize", base)
        font = app.font()
        font.setPointSizeF(float(base) * self.text_scale() / 100)
        app.setFont(font)
        self.setFont(font)

    # --- data --------------------------------------------------------------------

    def set_watcher(self, watcher: Any) -> None:
        """Connected folders: their state shows on the overview and in the
        status bar, and follows the watcher live."""
        self.watcher = watcher
        self.folder_status.set_watcher(watcher)

    @property
    def loading(self) -> bool:
        return self.loader.loading

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Reload the conversations and findings in the background; `then`
        runs once they are shown.  The list stays usable meanwhile."""
        if then is not None:
            self._after_load.append(then)
        if self._closing:
            return
        self.findings.set_loading(True)
        self.loader.reload(self._last_visit())

    def _load_failed(self, _message: str) -> None:
        self.findings.set_loading(False)
        self.statusBar().showMessage(self.tr("The findings could not be read. Try Analyse again."), 8000)
        self._run_after_load()

    def _run_after_load(self) -> None:
        pending, self._after_load = self._after_load, []
        for callback in pending:
            callback()

    def _show_snapshot(self, snapshot: Snapshot) -> None:
        conversations = snapshot.conversations
        self.conversations.show_conversations(conversations)
        self._child_by_conversation = {c.id: c.child for c in conversations}
        replaced, self._rows = self._rows, snapshot.rows
        self.findings.set_loading(False)
        self.findings.set_rows(self._rows, has_chats=bool(conversations))
        visit = self._last_visit()
        self.dashboard.last_seen = visit.newest_seen
        self.dashboard.show_rows(self._rows, visit.when, snapshot.summary)
        if replaced is not self._rows:
            # The list, the overview and the window have let go of the old rows.
            release_gradually(replaced, self)
        del replaced
        self.findings_loaded.emit()
        self._run_after_load()

    def _last_visit(self) -> LastVisit:
        if self.settings is None:
            return LastVisit()
        when = None
        if self.settings.get(preferences.LAST_VISIT):
            try:
                when = datetime.fromisoformat(self.settings.get(preferences.LAST_VISIT))
            except ValueError:
                when = None
        return LastVisit(when, self.settings.get(preferences.LAST_SEEN_FINDING))

    def _conversation_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        cid = int(current.data(0, Qt.ItemDataRole.UserRole))
        self.findings.filter_conversation(None if cid < 0 else cid)
        if cid >= 0:
            messages = self._store.messages(cid, limit=2000)
            self.chat.show_messages(messages, self._child_by_conversation.get(cid))

    def _finding_selected(self, row: FindingRow | None) -> None:
        self.review.set_finding(row.finding if row else None)
        if row is None:
            self.report.clear_view()
            return
        around = self._store.messages_around(row.conversation_id, row.finding.message_id)
        child = self._child_by_conversation.get(row.conversation_id)
        self.chat.show_messages(around, child, focus_id=row.finding.message_id, spans=row.finding.spans)
        self.report.show_finding(row, around, child)

    # --- review ------------------------------------------------------------------

    def decide(self, state: ReviewState, note: str | None) -> None:
        row = self.findings.current_row()
        if row is None:
            return
        if self.busy:
            self.statusBar().showMessage(self.tr("Please wait until the import has finished."), 5000)
            return
        note = row.finding.note if note is None else note
        if (state, note) == (row.finding.review, row.finding.note):
            return
        text = self.tr("Mark “%1” as %2").replace("%1", labels.category(row.finding.categories[0])
                                                   if row.finding.categories else "") \
            .replace("%2", labels.review(state))
        self.undo_stack.push(ReviewCommand(row.finding, state, note, self._apply_review, text))

    def _apply_review(self, finding_id: int, state: ReviewState, note: str, previous: ReviewState) -> None:
        self._store.set_review(finding_id, state, note)
        i = self.findings.model.row_of(finding_id)
        row = self.findings.model.rows[i] if i >= 0 else None
        if state == ReviewState.NOT_A_PROBLEM and row is not None:
            from guardian.domain import Message
            message = Message(conversation=None, sender=row.sender, timestamp=row.time,  # type: ignore[arg-type]
                              text=row.text, raw="", position=0)
            self.rules.add(row.finding, message)
        elif previous == ReviewState.NOT_A_PROBLEM:
            self.rules.remove(finding_id)
        self.findings.model.update_review(finding_id, state, note)
        current = self.findings.current_row()
        if current is not None and current.finding.id == finding_id:
            self.review.set_finding(current.finding)
        self.findings._update_state()
        self.dashboard.show_rows(self._rows, self.dashboard.last_visit)
        self.statusBar().showMessage(self.tr("Saved: %1").replace("%1", labels.review(state)), 4000)

    # --- import ------------------------------------------------------------------

    def open_import(self, paths_: list[Path] | None = None) -> ImportWizard | None:
        if self.busy:
            self.statusBar().showMessage(self.tr("An import is already running."), 5000)
            return None
        wizard = ImportWizard(self._store, self.store_factory, self.settings, self,
                              paths=paths_ or None, busy_changed=self._set_busy)
        wizard.on_imported.append(lambda _outcome: self.refresh())
        wizard.finished.connect(lambda result: self._wizard_closed(wizard, result))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _wizard_closed(self, wizard: ImportWizard, _result: int) -> None:
        if wizard.outcome is not None and wizard.outcome.report is not None and not self._closing:
            self.refresh(then=self.import_finished.emit)
            self.start_scan(wizard.outcome.report.conversation_ids or None)
        self.wizard = None
        wizard.deleteLater()
        self.activateWindow()
        self.findings.table.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.import_action.setEnabled(not busy)
        self.scan_action.setEnabled(not busy)
        self.review.setEnabled(not busy)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event) and not self.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        found = local_paths(event)
        if found:
            event.acceptProposedAction()
            self.open_import(found)

    # --- analysis ----------------------------------------------------------------

    def sensitivity(self) -> dict[str, float]:
        return preferences.sensitivity(self.settings) if self.settings else {}

    def start_scan(self, conversation_ids: list[int] | None = None) -> TaskHandle | None:
        if self.scan_handle is not None or self.busy:
            return None
        factory, open_store = self.classifier_factory, self.store_factory
        sensitivity = self.sensitivity()
        ids = list(conversation_ids) if conversation_ids else None

        def job(progress: Callable[[int, int], None], cancel: threading.Event) -> Any:
            try:
                classifier = factory(sensitivity)
            except Exception as exc:  # noqa: BLE001 - a missing or bad model file, shown plainly
                return exc
            store = open_store()
            try:
                return scan_with_rules(store, classifier, conversation_ids=ids, progress=progress,
                                       should_stop=cancel.is_set)
            finally:
                store.close()

        self.findings.set_analysing(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_scan_button.show()
        self.progress_label.setText(self.tr("Reading the chats for signs of harm…"))
        self.scan_action.setEnabled(False)
        self.scan_handle = run_task(job, on_done=self._scan_done, on_error=self._scan_failed,
                                    on_progress=self._scan_progress, on_cancelled=self._scan_ended,
                                    pool=writer_pool())
        return self.scan_handle

    def cancel_scan(self) -> None:
        if self.scan_handle is not None:
            self.scan_handle.cancel()

    def _scan_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress_label.setText(self.tr("Reading the chats: %1 of %n messages", "", total)
                                        .replace("%1", QLocale().toString(done)))

    def _scan_ended(self) -> None:
        self.scan_handle = None
        self.progress.hide()
        self.cancel_scan_button.hide()
        self.progress_label.clear()
        self.scan_action.setEnabled(not self.busy)
        self.findings.set_analysing(False)
        self.refresh(then=self.analysis_finished.emit)

    def _scan_done(self, result: Any) -> None:
        if isinstance(result, Exception):
            self.findings.analysis_problem = self.tr(
                "Guardian cannot analyse the chats: its analysis model is missing or damaged. "
                "Reinstall Guardian. (The imported chats are safe.)")
            log.error("analysis unavailable: %s", type(result).__name__)
        else:
            self.findings.analysis_problem = ""
            self.last_scan = result
        # Announce from the reloaded list, before "finished" is signalled.
        self._after_load.append(self._announce_serious)
        self._scan_ended()

    def _scan_failed(self, message: str) -> None:
        self.findings.analysis_problem = self.tr("The analysis stopped with an error. The imported "
                                                 "chats are safe; try Analyse again.")
        self._scan_ended()

    def _announce_serious(self) -> None:
        serious = {r.finding.id for r in self._rows
                   if r.finding.severity >= Severity.HIGH and r.finding.review == ReviewState.NEW}
        previous = self._previous_serious
        self._previous_serious = serious
        new = serious - previous if previous is not None else serious
        if new and self.notify is not None:
            self.notify(self.tr("Guardian"), self.tr("%n new serious findings. Open Guardian to read them.",
                                                     "", len(new)))

    # --- other -----------------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        if index < self.tabs.count():
            self.tabs.setCurrentIndex(index)
            self.tabs.currentWidget().setFocus()

    def focus_findings(self) -> None:
        self.show_tab(0)
        self.findings.table.setFocus()
        if not self.findings.table.currentIndex().isValid() and self.findings.proxy.rowCount():
            self.findings.table.setCurrentIndex(self.findings.proxy.index(0, 0))

    def _link(self, url: str) -> None:
        if url.startswith("guardian:protect/") and self.protect is not None:
            self.show_tab(2)
            self.protect.show_platform(url.split("/", 1)[1])  # type: ignore[attr-defined]

    def export_report(self) -> TaskHandle | None:
        """Ask for the options and the file, then build and write the report
        off the GUI thread."""
        from guardian.ui.report_export import ReportOptionsDialog, ask_target, export_job
        dialog = ReportOptionsDialog(self.language, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
        target = ask_target(self, choice["format"])
        if target is None:
            return None
        country = self._country()
        self.progress_label.setText(self.tr("Writing the report…"))
        self.report_action.setEnabled(False)

        def done(result: Any) -> None:
            self.report_action.setEnabled(True)
            self.progress_label.setText(self.tr("Report saved: %1").replace("%1", str(result)) if result else "")

        def failed(message: str) -> None:
            self.report_action.setEnabled(True)
            self.progress_label.clear()
            QMessageBox.warning(self, self.tr("Export a report"),
                                self.tr("The report could not be written; nothing was changed. (%1)")
                                .replace("%1", message))

        return run_task(export_job(self.store_factory, target, choice, country), on_done=done,
                        on_error=failed)

    def open_settings(self) -> None:
        if self.settings is None:
            return
        from guardian.ui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.settings, self, self._store)
        dialog.language_changed.connect(self.switch_language)
        dialog.sensitivity_changed.connect(lambda: self.start_scan())
        dialog.text_scale_changed.connect(self.apply_text_scale)
        self.settings_dialog = dialog
        dialog.open()

    def show_about(self) -> None:
        AboutDialog(self).exec()

    def remember_visit(self) -> None:
        if self.settings is None:
            return
        self.settings.set(preferences.LAST_VISIT, datetime.now(timezone.utc).isoformat(timespec="seconds"))
        newest = max((r.finding.id or 0 for r in self._rows), default=0)
        self.settings.set(preferences.LAST_SEEN_FINDING, max(newest, self.dashboard.last_seen))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:
            answer = QMessageBox.question(
                self, self.tr("Guardian"),
                self.tr("An import is running. Stop it and quit? Nothing of it will be kept."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self._closing = True
        if getattr(self, "wizard", None) is not None:
            self.wizard.reject()
        self.cancel_scan()
        self.loader.cancel()
        from guardian.tasks import drain
        drain()
        self.remember_visit()
        super().closeEvent(event)


__all__ = ["ConversationsPane", "MainWindow", "ReportPane", "FindingsPane"]

