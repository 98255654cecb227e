"""The main window: conversations on one side, findings in the middle, the
report pane beside them.  Right-to-left in Arabic, left-to-right in English;
every string goes through tr() and is re-translated on a language switch."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QHeaderView, QLabel, QMainWindow, QSplitter, QStackedWidget,
                               QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from guardian.store.database import ConversationSummary, Store
from guardian.ui.about import AboutDialog

# Plain-language names of platform ids, for the conversations list.
PLATFORM_NAMES = {"whatsapp": "WhatsApp", "telegram": "Telegram", "instagram": "Instagram",
                  "messenger": "Messenger", "discord": "Discord", "sms": "SMS",
                  "snapchat": "Snapchat", "signal": "Signal", "csv": "CSV"}

_BUBBLE_LIMIT = 2000   # messages shown at once in the transcript view


class ConversationsPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("paneHeading")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Conversations"))
        self.tree.setHeaderLabels([self.tr("Conversation"), self.tr("Messages")])
        self.tree.setAccessibleName(self.tr("Imported conversations"))

    def show_conversations(self, conversations: list[ConversationSummary]) -> None:
        self.tree.clear()
        for conv in conversations:
            platform = PLATFORM_NAMES.get(conv.platform, conv.platform)
            item = QTreeWidgetItem([conv.title or platform, str(conv.messages)])
            item.setData(0, Qt.ItemDataRole.UserRole, conv.id)
            item.setToolTip(0, platform)
            self.tree.addTopLevelItem(item)


class FindingsPane(QWidget):
    """The findings of the analysis.  Until chats are analysed it says so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("paneHeading")
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setRootIsDecorated(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Findings"))
        self.empty.setText(self.tr("No findings to show. Findings appear here once Guardian has "
                                   "analysed the imported chats."))
        self.tree.setHeaderLabels([self.tr("Severity"), self.tr("Kind of harm"),
                                   self.tr("Sender"), self.tr("Time")])
        self.tree.setAccessibleName(self.tr("Findings"))

    def show_count(self, count: int) -> None:
        self.stack.setCurrentWidget(self.tree if count else self.empty)


class ReportPane(QTextBrowser):
    """Shows the selected conversation as a transcript; later the
    explanation of the selected finding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.setOpenLinks(False)
        self._render: Callable[[], None] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Report"))
        if self._render:
            self._render()
        else:
            hint = self.tr("Choose a conversation to read it here.")
            self.setHtml(f"<p>{html.escape(hint)}</p>")

    def show_transcript(self, store: Store, conversation_id: int) -> None:
        def render() -> None:
            parts = []
            messages = store.messages(conversation_id, limit=_BUBBLE_LIMIT)
            rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            align = "right" if rtl else "left"
            for m in messages:
                when = m.timestamp.strftime("%Y-%m-%d %H:%M")
                body = html.escape(m.text) if m.text else html.escape(self._attachment_label(m.attachment))
                sender = html.escape(m.sender) if m.sender else html.escape(self.tr("System"))
                parts.append(f'<p dir="auto" align="{align}"><b>{sender}</b> '
                             f'<span style="color:#555">{when}</span><br/>'
                             f'{body.replace(chr(10), "<br/>")}</p>')
            if not parts:
                empty = self.tr("This conversation has no messages.")
                parts.append(f"<p>{html.escape(empty)}</p>")
            self.setHtml("".join(parts))
        self._render = render
        render()

    def _attachment_label(self, kind: object) -> str:
        return self.tr("[attachment]") if kind else ""


class MainWindow(QMainWindow):
    def __init__(self, store: Store, switch_language: Callable[[str], None], language: str,
                 demo: bool = False) -> None:
        super().__init__()
        self._store = store
        self._switch_language = switch_language
        self._demo = demo
        self.setObjectName("mainWindow")
        self.conversations = ConversationsPane()
        self.findings = FindingsPane()
        self.report = ReportPane()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.conversations)
        splitter.addWidget(self.findings)
        splitter.addWidget(self.report)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        self.setCentralWidget(splitter)
        self._build_menus(language)
        self.conversations.tree.currentItemChanged.connect(self._conversation_selected)
        self.resize(1200, 760)
        self.retranslate()
        self.refresh()

    def _build_menus(self, language: str) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = bar.addMenu("")
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
            action.triggered.connect(lambda _checked=False, c=code: self._switch_language(c))

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        title = self.tr("Guardian")
        self.setWindowTitle(self.tr("Guardian — demo") if self._demo else title)
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Guardian"))
        self.conversations.retranslate()
        self.findings.retranslate()
        self.report.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.conversations.show_conversations(self._store.conversations())
        self.findings.show_count(len(self._store.findings()))

    def _conversation_selected(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        self.report.show_transcript(self._store, int(current.data(0, Qt.ItemDataRole.UserRole)))

    def show_about(self) -> None:
        AboutDialog(self).exec()
