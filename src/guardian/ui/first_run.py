"""The first start: language, what Guardian does and does not do, the
child's name(s), and, where the computer has no keyring, the passphrase
with the plain warning that forgetting it loses the data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from guardian.settings import LANGUAGE, Settings
from guardian.ui import preferences


class LanguagePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.arabic = QRadioButton("العربية")
        self.english = QRadioButton("English")
        self.arabic.setObjectName("firstRunArabic")
        self.english.setObjectName("firstRunEnglish")
        group = QButtonGroup(self)
        group.addButton(self.arabic)
        group.addButton(self.english)
        (self.arabic if wizard.language == "ar" else self.english).setChecked(True)
        self.arabic.toggled.connect(lambda on: on and wizard.choose_language("ar"))
        self.english.toggled.connect(lambda on: on and wizard.choose_language("en"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.arabic)
        layout.addWidget(self.english)
        layout.addStretch(1)

    def retranslate(self) -> None:
        # Both names stay in their own language; the title follows the choice.
        self.setTitle(self.tr("Welcome to Guardian. Choose your language"))


class AboutPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("firstRunAbout")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("What Guardian does, and what it does not do"))
        points = [
            self.tr("Guardian reads the chats you export from your child's apps and points out "
                    "messages that may be bullying, threats, grooming, blackmail or deep distress."),
            self.tr("Everything stays on this computer. Nothing is sent anywhere: no internet, no "
                    "cloud, no statistics. The chats are stored encrypted."),
            self.tr("Guardian can be wrong, in both directions. A finding is a reason for a calm "
                    "conversation with your child, not a verdict."),
            self.tr("Guardian does not spy on the phone and does not read anything you have not "
                    "imported yourself."),
        ]
        self.text.setText("<ul>" + "".join(f"<li style='margin-bottom:8px'>{p}</li>" for p in points) + "</ul>")


class ChildPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.names = QLineEdit()
        self.names.setObjectName("firstRunChildNames")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.label = QLabel()
        self.label.setBuddy(self.names)
        form = QFormLayout(self)
        form.addRow(self.hint)
        form.addRow(self.label, self.names)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your child"))
        self.hint.setText(self.tr("Write your child's first name as it appears in their chats. "
                                  "For more than one child, separate the names with commas. "
                                  "Guardian uses it only to find your child in the chats."))
        self.label.setText(self.tr("&Name(s):"))
        self.names.setPlaceholderText(self.tr("e.g. Reem, Omar"))
        self.names.setAccessibleName(self.tr("Your child's names"))


class PassphrasePage(QWizardPage):
    """The parent lock.  A passphrase is asked for each time Guardian opens;
    where the computer has a keyring, the parent may choose that instead."""

    def __init__(self, keyring_available: bool) -> None:
        super().__init__()
        self.keyring_available = keyring_available
        self.use_keyring = QCheckBox()
        self.use_keyring.setObjectName("firstRunUseKeyring")
        self.use_keyring.setVisible(keyring_available)
        self.use_keyring.toggled.connect(self._keyring_toggled)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.first.setObjectName("firstRunPassphrase")
        self.second.setObjectName("firstRunPassphrase2")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setObjectName("warning")
        self.error = QLabel()
        self.labels = (QLabel(), QLabel())
        self.labels[0].setBuddy(self.first)
        self.labels[1].setBuddy(self.second)
        form = QFormLayout(self)
        form.addRow(self.warning)
        form.addRow(self.use_keyring)
        form.addRow(self.labels[0], self.first)
        form.addRow(self.labels[1], self.second)
        form.addRow(self.error)
        self.first.textChanged.connect(lambda *_: self.completeChanged.emit())
        self.second.textChanged.connect(lambda *_: self.completeChanged.emit())

    def _keyring_toggled(self, checked: bool) -> None:
        for field in (self.first, self.second):
            field.setEnabled(not checked)
        self.completeChanged.emit()

    def passphrase(self) -> str | None:
        return None if self.use_keyring.isChecked() else self.first.text()

    def retranslate(self) -> None:
        self.setTitle(self.tr("A passphrase for your data"))
        if self.keyring_available:
            self.warning.setText(self.tr(
                "A passphrase locks the chats: Guardian asks for it each time it opens. Write it down "
                "somewhere safe: if you forget it, the imported chats are gone for good; nobody can "
                "recover them."))
        else:
            self.warning.setText(self.tr(
                "This computer has no system keyring, so a passphrase protects the chats. Write it "
                "down somewhere safe: if you forget it, the imported chats are gone for good; nobody "
                "can recover them."))
        self.use_keyring.setText(self.tr("Instead, open without a passphrase whenever I am logged in to "
                                         "this computer (the key is kept in the system keyring)"))
        self.labels[0].setText(self.tr("&Passphrase:"))
        self.labels[1].setText(self.tr("&Repeat:"))
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))

    def isComplete(self) -> bool:
        if self.use_keyring.isChecked():
            self.error.clear()
            return True
        ok = len(self.first.text()) >= 8 and self.first.text() == self.second.text()
        if self.first.text() and len(self.first.text()) < 8:
            self.error.setText(self.tr("At least 8 characters, please."))
        elif self.second.text() and self.first.text() != self.second.text():
            self.error.setText(self.tr("The two passphrases differ."))
        else:
            self.error.clear()
        return ok


class FirstRunWizard(QWizard):
    def __init__(self, settings: Settings, switch_language: Callable[[str], None], language: str,
                 need_passphrase: bool, parent: QWidget | None = None,
                 keyring_available: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.settings = settings
        self.language = language
        self._switch = switch_language
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.language_page = LanguagePage(self)
        self.about_page = AboutPage()
        self.child_page = ChildPage()
        self.passphrase_page = PassphrasePage(keyring_available) if need_passphrase else None
        for page in (self.language_page, self.about_page, self.child_page, self.passphrase_page):
            if page is not None:
                self.addPage(page)
        self.resize(640, 460)
        self.retranslate()

    def choose_language(self, language: str) -> None:
        self.language = language
        self._switch(language)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guardian: getting started"))
        for page in (self.language_page, self.about_page, self.child_page, self.passphrase_page):
            if page is not None:
                page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def passphrase(self) -> str | None:
        return self.passphrase_page.passphrase() if self.passphrase_page else None

    def accept(self) -> None:
        self.settings.set(LANGUAGE, self.language)
        self.settings.set(preferences.CHILD_NAMES, self.child_page.names.text().strip())
        self.settings.set(preferences.FIRST_RUN_DONE, True)
        super().accept()



