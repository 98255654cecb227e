"""Settings, built from the settings registry: language, time zone, country
for helplines, text size, the child's names, notifications, how sensitive
each kind of harm is, where the data lives, connected folders, and
deleting everything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guardian import paths
from guardian.domain import CATEGORY_IDS
from guardian.settings import COUNTRY, LANGUAGE, TIME_ZONE, Settings
from guardian.ui import labels, preferences


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    sensitivity_changed = Signal()
    text_scale_changed = Signal()
    data_deleted = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None, store: Any = None,
                 watcher: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.settings = settings
        self.store = store
        self.watcher = watcher if watcher is not None else getattr(parent, "watcher", None)
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()
        self.language = QComboBox()
        for code, name in (("ar", "العربية"), ("en", "English")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.get(LANGUAGE)))
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItem(self.tr("This computer's time zone"), "")
        from guardian.timezones import all_zone_names
        for name in all_zone_names():
            self.time_zone.addItem(name, name)
        index = self.time_zone.findData(settings.get(TIME_ZONE))
        self.time_zone.setCurrentIndex(max(index, 0))
        self.country = QComboBox()
        self.country.addItem(self.tr("From this computer's settings"), "")
        guidance = getattr(parent, "guidance", None)
        lang = getattr(parent, "language", "ar")
        if guidance is not None:
            names = {h.country: (h.country_ar if lang == "ar" else h.country_en) for h in guidance.helplines}
            for code in guidance.countries():
                self.country.addItem(names.get(code, code), code)
        self.country.setCurrentIndex(max(self.country.findData(settings.get(COUNTRY)), 0))
        self.text_scale = QComboBox()
        for percent in preferences.TEXT_SCALE.choices:
            self.text_scale.addItem(f"{percent}%", percent)
        self.text_scale.setCurrentIndex(self.text_scale.findData(settings.get(preferences.TEXT_SCALE)))
        self.child_names = QLineEdit(settings.get(preferences.CHILD_NAMES))
        self.child_names.setPlaceholderText(self.tr("e.g. Reem, Omar"))
        self.notify = QCheckBox()
        self.notify.setChecked(settings.get(preferences.NOTIFY))
        for setting, widget in ((LANGUAGE, self.language), (TIME_ZONE, self.time_zone),
                                (COUNTRY, self.country), (preferences.TEXT_SCALE, self.text_scale),
                                (preferences.CHILD_NAMES, self.child_names)):
            label = QLabel(preferences.label(setting) + ":")
            label.setBuddy(widget)
            widget.setAccessibleName(preferences.label(setting))
            form.addRow(label, widget)
        self.notify.setText(preferences.label(preferences.NOTIFY))
        form.addRow(self.notify)

        sens_box = QGroupBox(self.tr("How easily Guardian flags each kind of harm"))
        sens_form = QFormLayout(sens_box)
        self.sensitivity: dict[str, QComboBox] = {}
        for cat in CATEGORY_IDS:
            combo = QComboBox()
            combo.addItem(self.tr("Less often (−)"), -1)
            combo.addItem(self.tr("Normal"), 0)
            combo.addItem(self.tr("More often (+)"), 1)
            combo.setCurrentIndex(combo.findData(settings.get(preferences.SENSITIVITY[cat])))
            combo.setAccessibleName(labels.category(cat))
            sens_form.addRow(labels.category(cat) + ":", combo)
            self.sensitivity[cat] = combo

        data_box = QGroupBox(self.tr("Your data"))
        data_layout = QVBoxLayout(data_box)
        folder = paths.current_data_dir()
        self.data_path = QLabel(str(folder) if folder else "")
        self.data_path.setObjectName("dataPath")
        self.data_path.setWordWrap(True)
        open_button = QPushButton(self.tr("&Open the data folder"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        open_button.setEnabled(folder is not None)
        self.delete_button = QPushButton(self.tr("&Delete all data…"))
        self.delete_button.setObjectName("deleteAll")
        self.delete_button.clicked.connect(self.delete_all)
        self.passphrase_button = QPushButton(self.tr("Set or change the &passphrase…"))
        self.passphrase_button.setObjectName("changePassphrase")
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.passphrase_button.setEnabled(store is not None)
        row = QHBoxLayout()
        row.addWidget(open_button)
        row.addWidget(self.passphrase_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        data_layout.addWidget(QLabel(self.tr("Guardian keeps the imported chats, encrypted, in:")))
        data_layout.addWidget(self.data_path)
        data_layout.addLayout(row)

        folders_box = QGroupBox(self.tr("Connected folders"))
        folders_layout = QVBoxLayout(folders_box)
        hint = QLabel(self.tr("Save new exports into a connected folder and Guardian imports them by "
                              "itself while it runs."))
        hint.setWordWrap(True)
        self.folder_list = QListWidget()
        self.folder_list.setAccessibleName(self.tr("Connected folders"))
        self.folder_list.setMaximumHeight(110)
        add = QPushButton(self.tr("&Add a folder…"))
        add.clicked.connect(self.add_folder)
        remove = QPushButton(self.tr("&Remove the folder"))
        remove.clicked.connect(self.remove_folder)
        frow = QHBoxLayout()
        frow.addWidget(add)
        frow.addWidget(remove)
        frow.addStretch(1)
        folders_layout.addWidget(hint)
        folders_layout.addWidget(self.folder_list)
        folders_layout.addLayout(frow)
        folders_box.setEnabled(self.watcher is not None)
        self.show_folders()

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(form)
        inner_layout.addWidget(sens_box)
        inner_layout.addWidget(folders_box)
        inner_layout.addWidget(data_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        # Wide enough for the form at the chosen text size (up to the screen),
        # so large text does not push it under a sideways scroll bar.
        wanted = inner.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 48
        screen = self.screen().availableGeometry().width() if self.screen() else wanted
        self.resize(min(max(640, wanted), screen), 700)

    def show_folders(self) -> None:
        self.folder_list.clear()
        if self.watcher is None:
            return
        for state in self.watcher.folders.states:
            status = {"ok": self.tr("last import %1").replace("%1", state.last_import[:16].replace("T", " ")),
                      "new": self.tr("not checked yet"), "missing": self.tr("folder not found"),
                      "error": self.tr("a file could not be imported")}.get(state.status, state.status)
            item = QListWidgetItem(f"{Path(state.path).name} — {status}")
            item.setToolTip(state.path)
            item.setData(256, state.path)
            self.folder_list.addItem(item)

    def add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder to connect"))
        if folder and self.watcher is not None:
            self.watcher.add(Path(folder))
            self.show_folders()

    def remove_folder(self) -> None:
        item = self.folder_list.currentItem()
        if item is not None and self.watcher is not None:
            self.watcher.remove(Path(item.data(256)))
            self.show_folders()

    def accept(self) -> None:
        s = self.settings
        language = self.language.currentData()
        sensitivity_before = {cat: s.get(preferences.SENSITIVITY[cat]) for cat in CATEGORY_IDS}
        zone = self.time_zone.currentData() if self.time_zone.currentText() == self.time_zone.itemText(
            self.time_zone.currentIndex()) else self.time_zone.currentText().strip()
        s.set(TIME_ZONE, zone or "")
        s.set(COUNTRY, self.country.currentData() or "")
        scale = self.text_scale.currentData()
        changed_scale = scale != s.get(preferences.TEXT_SCALE)
        s.set(preferences.TEXT_SCALE, scale)
        s.set(preferences.CHILD_NAMES, self.child_names.text().strip())
        s.set(preferences.NOTIFY, self.notify.isChecked())
        for cat, combo in self.sensitivity.items():
            s.set(preferences.SENSITIVITY[cat], int(combo.currentData()))
        super().accept()
        if changed_scale:
            self.text_scale_changed.emit()
        if language != s.get(LANGUAGE):
            self.language_changed.emit(language)
        if sensitivity_before != {cat: s.get(preferences.SENSITIVITY[cat]) for cat in CATEGORY_IDS}:
            self.sensitivity_changed.emit()

    def change_passphrase(self) -> None:
        """A new passphrase re-wraps the data key; no message is re-encrypted."""
        from guardian.ui.passphrase import ask
        new = ask(self, creating=True)
        if not new or self.store is None:
            return
        self.store.set_passphrase(new)
        QMessageBox.information(self, self.tr("Passphrase"),
                                self.tr("The new passphrase is set. Keep it somewhere safe: if it is "
                                        "forgotten, the chats cannot be recovered."))

    def delete_all(self) -> None:
        first = QMessageBox.warning(
            self, self.tr("Delete all data"),
            self.tr("This deletes every imported chat, every finding and your notes from this "
                    "computer. It cannot be undone. Continue?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if first != QMessageBox.StandardButton.Yes:
            return
        second = QMessageBox.warning(
            self, self.tr("Delete all data"),
            self.tr("Are you sure? Guardian will close after deleting."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if second != QMessageBox.StandardButton.Yes:
            return
        self.wipe()

    def wipe(self) -> None:
        # The same deletion as `guardian delete-all --yes`: database, backups,
        # caches, logs, settings (connected folders too) and the keyring entry.
        from guardian import logs
        from guardian.store.database import wipe_everything
        if self.store is not None:
            self.store.close()
        logs.shutdown()
        wipe_everything(paths.locations())
        self.data_deleted.emit()
        self.reject()
