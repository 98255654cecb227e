"""Import chats, step by step: which app, how to export from it, which
files, (for a table) which column is which, the import itself with a
progress bar and Cancel, which participant is the child, and what was
imported.  The import runs off the GUI thread; a cancelled or failed import
changes nothing."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from guardian.settings import TIME_ZONE, Settings
from guardian.store.database import Store
from guardian.tasks import TaskHandle, run_task, writer_pool
from guardian.ui import export_steps, labels, preferences
from guardian.ui.illustration import Illustration
from guardian.ui.import_job import ImportOutcome, ImportStatus, run_import
from guardian.ui.storeaccess import StoreFactory

P_APP, P_STEPS, P_FILES, P_CSV, P_RUN, P_CHILD, P_DONE = range(7)


def local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


# Skipped-line reasons come from the importers in English; the common ones
# are shown in the parent's language, the rest as they are.
_SKIP_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^text before the first"), "text-before"),
    (re.compile(r"^the time .* could not be read"), "time"),
    (re.compile(r"impossible date"), "date"),
    (re.compile(r"fewer columns"), "columns"),
    (re.compile(r"not readable CSV"), "csv"),
    (re.compile(r"damaged or cut off"), "damaged"),
]


class AppPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.apps = QListWidget()
        self.apps.setObjectName("appList")
        self.apps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.apps.setSpacing(2)
        for app in export_steps.APPS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, app)
            self.apps.addItem(item)
        self.apps.currentItemChanged.connect(lambda *_: self.completeChanged.emit())
        self.apps.itemDoubleClicked.connect(lambda *_: wizard.next())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.apps)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Which app are the chats in?"))
        self.intro.setText(self.tr("Choose the app your child uses. The next page shows how to save "
                                   "its chats to a file. You can also drop files on the main window "
                                   "at any time."))
        for i in range(self.apps.count()):
            item = self.apps.item(i)
            item.setText(labels.platform(item.data(Qt.ItemDataRole.UserRole)))
        self.apps.setAccessibleName(self.tr("Chat apps"))

    def initializePage(self) -> None:
        if self.apps.currentRow() < 0:
            self.apps.setCurrentRow(0)   # WhatsApp, the most common
        self.apps.setFocus()

    def app(self) -> str:
        item = self.apps.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def isComplete(self) -> bool:
        return bool(self.app())


class StepsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.tabs = QTabWidget()
        self.tabs.setObjectName("deviceTabs")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("note")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)

    def initializePage(self) -> None:
        self.render()

    def render(self) -> None:
        app = self._wizard.app()
        if not app:
            return
        guide = export_steps.GUIDES[app]
        self.setTitle(self.tr("How to save the chats from %1").replace("%1", labels.platform(app)))
        self.setSubTitle(self.tr("Follow these steps on your child's device. Take your time: "
                                 "nothing is sent anywhere."))
        current = self.tabs.currentIndex()
        self.tabs.clear()
        for device in guide.devices:
            page = QWidget()
            row = QHBoxLayout(page)
            picture = Illustration(device.illustration)
            picture.setAccessibleName(self.tr("Picture of the steps"))
            steps = QLabel()
            steps.setWordWrap(True)
            steps.setTextFormat(Qt.TextFormat.RichText)
            steps.setAlignment(Qt.AlignmentFlag.AlignTop)
            steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
            items = "".join(f"<li style='margin-bottom:6px'>{html.escape(self._t(s))}</li>"
                            for s in device.steps)
            steps.setText(f"<ol>{items}</ol>")
            steps.setAccessibleName(self._t(export_steps.DEVICE_NAMES[device.device]))
            row.addWidget(picture, 2)
            row.addWidget(steps, 3)
            self.tabs.addTab(page, self._t(export_steps.DEVICE_NAMES[device.device]))
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)
        self.note.setText(self._t(guide.note) if guide.note else "")
        self.note.setVisible(bool(guide.note))

    @staticmethod
    def _t(text: str) -> str:
        return QCoreApplication.translate("ExportSteps", text)


class DropList(QListWidget):
    """The chosen files; also accepts files dropped on it."""

    def __init__(self, on_drop: Callable[[list[Path]], None]) -> None:
        super().__init__()
        self._on_drop = on_drop
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if local_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        found = local_paths(event)
        if found:
            event.acceptProposedAction()
            self._on_drop(found)


class FilesPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.paths: list[Path] = []
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.picture = Illustration("drop-files.svg")
        self.picture.setMinimumSize(120, 100)
        self.picture.setMaximumHeight(140)
        self.list = DropList(self.add_paths)
        self.list.setObjectName("chosenFiles")
        self.files_button = QPushButton()
        self.folder_button = QPushButton()
        self.remove_button = QPushButton()
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for b in (self.files_button, self.folder_button, self.remove_button):
            b.setAutoDefault(False)   # Enter still means "Next"
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.hint, 3)
        top.addWidget(self.picture, 1)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose the exported files"))
        self.hint.setText(self.tr("Choose the file you saved from the app: a .txt, .json, .html, "
                                  ".xml or .csv file, a .zip file, or a whole folder. You can also "
                                  "drag them into the list below."))
        self.files_button.setText(self.tr("Choose &files…"))
        self.folder_button.setText(self.tr("Choose a f&older…"))
        self.remove_button.setText(self.tr("&Remove from the list"))
        self.list.setAccessibleName(self.tr("Files to import"))

    def initializePage(self) -> None:
        self.folder_button.setVisible(self._wizard.app() != "csv")
        self.files_button.setFocus()

    def add_paths(self, new: list[Path]) -> None:
        if self._wizard.app() == "csv":
            self.paths = new[-1:]
        else:
            self.paths.extend(p for p in new if p not in self.paths)
        self.list.clear()
        for p in self.paths:
            item = QListWidgetItem(p.name)
            item.setToolTip(str(p))
            self.list.addItem(item)
        self.completeChanged.emit()

    def choose_files(self) -> None:
        if self._wizard.app() == "csv":
            name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the table"), "",
                                                  self.tr("Tables (*.csv *.tsv *.txt);;All files (*)"))
            chosen = [name] if name else []
        else:
            chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose the exported chats"))
        self.add_paths([Path(c) for c in chosen])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the export folder"))
        if folder:
            self.add_paths([Path(folder)])

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.paths):
            del self.paths[row]
            self.add_paths([])

    def isComplete(self) -> bool:
        return bool(self.paths)

    def nextId(self) -> int:
        return P_CSV if self._wizard.app() == "csv" else P_RUN


class CsvPage(QWizardPage):
    """Which column holds the time, the sender and the text."""

    FIELDS = ("timestamp", "sender", "text", "conversation")

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.combos = {name: QComboBox() for name in self.FIELDS}
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(lambda *_: self.completeChanged.emit())
        self.time_format = QLineEdit()
        self.time_format.setPlaceholderText("%d/%m/%Y %H:%M")
        self.form = QFormLayout()
        self.form_labels = {name: QLabel() for name in (*self.FIELDS, "format")}
        for name in self.FIELDS:
            self.form_labels[name].setBuddy(self.combos[name])
            self.form.addRow(self.form_labels[name], self.combos[name])
        self.form_labels["format"].setBuddy(self.time_format)
        self.form.addRow(self.form_labels["format"], self.time_format)
        self.picture = Illustration("table-columns.svg")
        self.picture.setMaximumHeight(140)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        self.header: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Which column is which?"))
        self.setSubTitle(self.tr("Guardian guessed from the column names; check and correct."))
        self.form_labels["timestamp"].setText(self.tr("&Time:"))
        self.form_labels["sender"].setText(self.tr("&Sender:"))
        self.form_labels["text"].setText(self.tr("Te&xt:"))
        self.form_labels["conversation"].setText(self.tr("&Conversation (optional):"))
        self.form_labels["format"].setText(self.tr("Time &format (only if times are not read):"))

    def initializePage(self) -> None:
        from guardian.importers import generic_csv
        from guardian.importers.base import BadExport
        from guardian.importers.sources import expand
        self.error.clear()
        self.header = []
        path = self._wizard.files_page.paths[0]
        try:
            _picked, source = next(iter(expand(path)))
            self.header = generic_csv.read_header(source)
            suggestion = generic_csv.suggest_mapping(source)
        except (BadExport, StopIteration) as exc:
            self.error.setText(self._wizard.describe_error(getattr(exc, "path", str(path)),
                                                           getattr(exc, "problem", "")))
            suggestion = None
        none = self.tr("(none)")
        for name, combo in self.combos.items():
            combo.clear()
            if name == "conversation":
                combo.addItem(none, "")
            for column in self.header:
                combo.addItem(column, column)
            wanted = getattr(suggestion, name, None) if suggestion else None
            index = combo.findData(wanted) if wanted else -1
            combo.setCurrentIndex(index if index >= 0 else (0 if name == "conversation" else -1))
        self.completeChanged.emit()

    def mapping(self) -> object:
        from guardian.importers.generic_csv import CsvMapping
        return CsvMapping(timestamp=self.combos["timestamp"].currentData(),
                          sender=self.combos["sender"].currentData(),
                          text=self.combos["text"].currentData(),
                          conversation=self.combos["conversation"].currentData() or None,
                          timestamp_format=self.time_format.text().strip() or None)

    def isComplete(self) -> bool:
        chosen = [self.combos[n].currentData() for n in ("timestamp", "sender", "text")]
        return all(chosen) and len(set(chosen)) == 3


class RunPage(QWizardPage):
    """The import itself: progress with counts, and Cancel."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("importStatus")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setAutoDefault(False)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                           | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.handle: TaskHandle | None = None
        self.outcome: ImportOutcome | None = None
        self.status = ImportStatus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Importing"))
        self.cancel_button.setText(self.tr("&Cancel import"))
        self.bar.setAccessibleName(self.tr("Import progress"))

    def initializePage(self) -> None:
        self.outcome = None
        self.error.clear()
        self.status = ImportStatus()
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.status_label.setText(self.tr("Reading the files…"))
        self.setCommitPage(False)
        wizard = self._wizard
        paths = list(wizard.chosen_paths())
        explicit = None
        if wizard.app() == "csv":
            from guardian.importers import generic_csv
            mapping = wizard.csv_page.mapping()
            explicit = (generic_csv,
                        lambda source, ctx: generic_csv.parse_with_mapping(source, ctx, mapping))
        tz_name = wizard.settings.get(TIME_ZONE) if wizard.settings else ""
        names = preferences.child_names(wizard.settings) if wizard.settings else []
        status = self.status

        def job(progress: Callable[[int, int], None], cancel: threading.Event) -> ImportOutcome:
            return run_import(wizard.store_factory, paths, tz_name=tz_name, child_names=names,
                              explicit=explicit, status=status, progress=progress, cancel=cancel)

        wizard.busy_changed(True)
        self.handle = run_task(job, on_done=self._done, on_error=self._failed,
                               on_progress=self._progress, on_cancelled=self._cancelled,
                               pool=writer_pool())
        self.completeChanged.emit()

    def _progress(self, _done: int, _total: int) -> None:
        s = self.status
        text = self.tr("%n messages read so far (file %1 of %2).", "", s.messages)
        locale = QLocale()
        self.status_label.setText(text.replace("%1", locale.toString(min(s.files_done + 1, s.files)))
                                  .replace("%2", locale.toString(s.files)))
        if s.files > 1:
            self.bar.setRange(0, s.files)
            self.bar.setValue(s.files_done)

    def _finish(self) -> None:
        self.handle = None
        self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self._wizard.busy_changed(False)

    def _done(self, outcome: ImportOutcome) -> None:
        self._finish()
        self.outcome = outcome
        if outcome.error:
            self.bar.setValue(0)
            self.status_label.setText(self.tr("Nothing was imported."))
            self.error.setText(self._wizard.describe_error(outcome.error_path, outcome.error))
        else:
            self.bar.setValue(1)
            report = outcome.report
            assert report is not None
            self.status_label.setText(self.tr("Done: %n new messages.", "", report.added))
            self.setCommitPage(True)
            self._wizard.imported(outcome)
        self.completeChanged.emit()
        if not outcome.error:
            self._wizard.next()

    def _failed(self, message: str) -> None:
        self._finish()
        self.status_label.setText(self.tr("Nothing was imported."))
        self.error.setText(self._wizard.describe_error("", message))
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self._finish()
        self.status_label.setText(self.tr("The import was cancelled. Nothing was changed."))
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self.handle is not None:
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))
            self.handle.cancel()

    def isComplete(self) -> bool:
        return self.outcome is not None and not self.outcome.error

    def cleanupPage(self) -> None:
        self.cancel()


class ChildPage(QWizardPage):
    """Which participant is the child, per conversation."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.combos: list[tuple[int, QComboBox]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.area, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Which one is your child?"))
        self.intro.setText(self.tr("Guardian needs to know who your child is in each chat, to tell "
                                   "what was said to them from what they said. Guardian's guess "
                                   "is already chosen; change it if it is wrong."))

    def initializePage(self) -> None:
        outcome = self._wizard.outcome
        holder = QWidget()
        layout = QVBoxLayout(holder)
        self.combos = []
        reasons = {"owner": self.tr("The export names its owner."),
                   "marked": self.tr("Chosen before."),
                   "name": self.tr("The name matches your child's name."),
                   "most_frequent": self.tr("Guessed: the person who writes most in this chat."),
                   "": self.tr("Guardian could not guess; please choose.")}
        for choice in outcome.choices if outcome else []:
            conv = choice.conversation
            box = QGroupBox(conv.title or labels.platform(conv.platform))
            form = QFormLayout(box)
            combo = QComboBox()
            combo.addItem(self.tr("My child is not in this chat"), None)
            for name in sorted(conv.participants, key=lambda n: -choice.counts.get(n, 0)):
                count = choice.counts.get(name, 0)
                combo.addItem(self.tr("%1 (%n messages)", "", count).replace("%1", name), name)
            index = combo.findData(choice.guess) if choice.guess else 0
            combo.setCurrentIndex(max(index, 0))
            combo.setAccessibleName(self.tr("Your child in %1").replace("%1", box.title()))
            hint = QLabel(reasons.get(choice.reason, ""))
            hint.setWordWrap(True)
            label = QLabel(self.tr("Your &child:"))
            label.setBuddy(combo)
            form.addRow(label, combo)
            form.addRow(hint)
            layout.addWidget(box)
            self.combos.append((conv.id, combo))
        if not self.combos:
            layout.addWidget(QLabel(self.tr("No new conversations were found in these files.")))
        layout.addStretch(1)
        self.area.setWidget(holder)

    def validatePage(self) -> bool:
        for cid, combo in self.combos:
            self._wizard.main_store.set_child(cid, combo.currentData())
        return True


class DonePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setObjectName("skippedTree")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Imported"))
        self.tree.setHeaderLabels([self.tr("File or line"), self.tr("What happened")])
        self.tree.setAccessibleName(self.tr("What was imported and what was skipped"))

    def initializePage(self) -> None:
        outcome = self._wizard.outcome
        report = outcome.report if outcome else None
        self.tree.clear()
        if report is None:
            return
        loc = QLocale()
        skipped = sum(len(s.skipped) for s in report.sources)
        # One count per sentence part: Arabic words a count differently for
        # 1, 2, 3 to 10, 11 to 99 and 100 or more (Qt's plural forms).
        text = self.tr("%n new messages", "", report.added) + " " \
            + self.tr("from %n files.", "", len(report.sources)) + " "
        if report.added:
            text += self.tr("Guardian now reads them for signs of harm; the findings appear in the main window "
                            "in a moment.")
        else:
            text += self.tr("Everything in them was imported before, so nothing was added twice.")
        if skipped:
            text += " " + self.tr("%n lines could not be read; they are listed below with the reason.", "",
                                  skipped)
        else:
            text += " " + self.tr("Every line was read.")
        self.summary.setText(text)
        for s in report.sources:
            top = QTreeWidgetItem([Path(s.path).name, self.tr("%n messages read, %1 new", "", s.messages)
                                   .replace("%1", loc.toString(s.added))])
            top.setToolTip(0, s.path)
            for line, reason in s.skipped:
                top.addChild(QTreeWidgetItem([self.tr("line %1").replace("%1", loc.toString(line)),
                                              self.skip_reason(reason)]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        for ignored in report.ignored:
            self.tree.addTopLevelItem(QTreeWidgetItem([Path(ignored).name,
                                                       self.tr("not a chat; passed over")]))
        self.tree.resizeColumnToContents(0)

    def skip_reason(self, reason: str) -> str:
        texts = {"text-before": self.tr("text before the first message; ignored"),
                 "time": self.tr("the time could not be read"),
                 "date": self.tr("the date is impossible"),
                 "columns": self.tr("the row has fewer columns than the header"),
                 "csv": self.tr("the row is not readable"),
                 "damaged": self.tr("the file is damaged or cut off here")}
        for pattern, key in _SKIP_PATTERNS:
            if pattern.search(reason):
                return texts[key]
        return reason


class ImportWizard(QWizard):
    def __init__(self, store: Store, store_factory: StoreFactory, settings: Settings | None,
                 parent: QWidget | None = None, paths: list[Path] | None = None,
                 busy_changed: Callable[[bool], None] = lambda busy: None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.main_store = store
        self.store_factory = store_factory
        self.settings = settings
        self.busy_changed = busy_changed
        self.outcome: ImportOutcome | None = None
        self.dropped = list(paths or [])
        self.on_imported: list[Callable[[ImportOutcome], None]] = []
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.app_page = AppPage(self)
        self.steps_page = StepsPage(self)
        self.files_page = FilesPage(self)
        self.csv_page = CsvPage(self)
        self.run_page = RunPage(self)
        self.child_page = ChildPage(self)
        self.done_page = DonePage(self)
        for pid, page in ((P_APP, self.app_page), (P_STEPS, self.steps_page),
                          (P_FILES, self.files_page), (P_CSV, self.csv_page), (P_RUN, self.run_page),
                          (P_CHILD, self.child_page), (P_DONE, self.done_page)):
            self.setPage(pid, page)
        if self.dropped:
            self.setStartId(P_RUN)
        self.resize(820, 600)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import chats"))
        for page in (self.app_page, self.files_page, self.csv_page, self.run_page,
                     self.child_page, self.done_page):
            page.retranslate()
        if self.currentId() == P_STEPS:
            self.steps_page.render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def app(self) -> str:
        return self.app_page.app()

    def chosen_paths(self) -> list[Path]:
        return self.dropped if self.dropped else self.files_page.paths

    def imported(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        for callback in self.on_imported:
            callback(outcome)

    def describe_error(self, path: str, problem: str) -> str:
        name = Path(path).name if path else ""
        head = (self.tr("The file “%1” could not be imported.").replace("%1", name) if name
                else self.tr("The import failed."))
        keep = self.tr("Nothing was changed: everything imported before is still here.")
        detail = self.tr("The problem: %1").replace("%1", self.problem_text(problem))
        return f"{head}\n{keep}\n{detail}"

    def problem_text(self, problem: str) -> str:
        """The importers' common problems in the parent's language."""
        plain = plain_problem(problem)
        if plain is None:
            return problem
        return plain + "\n" + self.tr("Technical detail: %1").replace("%1", problem)

    def reject(self) -> None:
        if self.run_page.handle is not None:
            self.run_page.cancel()
        super().reject()


def plain_problem(problem: str) -> str | None:
    """An importer's problem (English, technical) in the parent's words, or
    None when it is not one of the common ones.  Also used by the connected
    folders' status, hence a function and not a wizard method."""
    known = [("no chat export Guardian can read", QCoreApplication.translate("ImportWizard",
              "this is not a chat export Guardian can read. Check that you chose the file "
              "the app saved (WhatsApp: a .txt or .zip file).")),
             ("the file is empty", QCoreApplication.translate("ImportWizard", "the file is empty.")),
             ("does not exist", QCoreApplication.translate("ImportWizard", "the file or folder is no longer there.")),
             ("cannot be read", QCoreApplication.translate(
                 "ImportWizard", "the file cannot be opened (is it still being copied, or on a removed drive?).")),
             ("not a regular file", QCoreApplication.translate("ImportWizard", "this is not an ordinary file.")),
             ("disk is full", QCoreApplication.translate(
                 "ImportWizard", "the disk is full; free some space and try again.")),
             ("damaged", QCoreApplication.translate(
                 "ImportWizard", "the file is damaged or incomplete; export it again."))]
    return next((text for needle, text in known if needle in problem), None)
