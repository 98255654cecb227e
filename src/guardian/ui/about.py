"""About Guardian: version and the privacy promise."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guardian import __version__, paths


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Guardian"))
        text = QLabel()
        text.setWordWrap(True)
        text.setTextFormat(text.textFormat().RichText)
        text.setOpenExternalLinks(False)
        data = paths.current_data_dir()
        # tr() calls stand alone (not inside f-strings) so lupdate finds them.
        name = self.tr("Guardian")
        purpose = self.tr("Guardian helps parents find out, early and privately, that their child is "
                          "being bullied, threatened or preyed on in chat, and what to do about it.")
        privacy_title = self.tr("Your privacy")
        privacy = self.tr("Everything stays on this computer. Guardian makes no network connections, "
                          "sends no statistics and uses no online services. Imported chats are stored "
                          "encrypted, with a key kept in the system keyring or protected by your "
                          "passphrase. Messages never appear in log files.")
        caution = self.tr("Guardian can be wrong. Treat a finding as a reason to talk with your child, "
                          "not as a verdict.")
        folder_label = self.tr("Data folder:")
        esc = html.escape
        parts = [f"<h2>{esc(name)} {esc(__version__)}</h2>", f"<p>{esc(purpose)}</p>",
                 f"<h3>{esc(privacy_title)}</h3>", f"<p>{esc(privacy)}</p>", f"<p>{esc(caution)}</p>"]
        if data is not None:
            parts.append(f"<p>{esc(folder_label)} <bdi>{esc(str(data))}</bdi></p>")
        text.setText("".join(parts))
        text.setAccessibleName(self.tr("About Guardian"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(520, 360)
