"""Export a counsellor-ready report from the GUI: the same document and
files as `guardian report`, built off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from guardian.store.database import Store

FORMATS = (("pdf", "PDF", "*.pdf"), ("html", "HTML", "*.html"), ("csv", "CSV", "*.csv"),
           ("json", "JSON", "*.json"), ("bundle", "ZIP", "*.zip"))


class ReportOptionsDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a report"))
        intro = QLabel(self.tr("A report for a school counsellor or the police: every finding with what "
                               "was said, why it matters, what to do, and the original lines as evidence. "
                               "Pictures and videos are never included."))
        intro.setWordWrap(True)
        self.format = QComboBox()
        names = {"pdf": self.tr("PDF (to print or send)"), "html": self.tr("Web page (HTML)"),
                 "csv": self.tr("Spreadsheet (CSV)"), "json": self.tr("Data (JSON)"),
                 "bundle": self.tr("Evidence bundle (ZIP with all formats and checksums)")}
        for code, _label, _pattern in FORMATS:
            self.format.addItem(names[code], code)
        self.format.setAccessibleName(self.tr("Report format"))
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if language == "ar" else 1)
        self.language.setAccessibleName(self.tr("Report language"))
        self.redact = QCheckBox(self.tr("Hide other people's names, phone numbers and e-mails "
                                        "(for sharing outside the family)"))
        self.include_dismissed = QCheckBox(self.tr("Include findings marked \"not a problem\""))
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Language:"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.redact)
        layout.addWidget(self.include_dismissed)
        layout.addWidget(buttons)

    def choice(self) -> dict[str, Any]:
        return {"format": self.format.currentData(), "lang": self.language.currentData(),
                "redact": self.redact.isChecked(), "include_dismissed": self.include_dismissed.isChecked()}


def ask_target(parent: QWidget, fmt: str) -> Path | None:
    pattern = next(p for code, _l, p in FORMATS if code == fmt)
    name, _ = QFileDialog.getSaveFileName(parent, parent.tr("Save the report"),
                                          str(Path.home() / f"guardian-report{pattern[1:]}"), pattern)
    return Path(name) if name else None


def export_job(open_store: Callable[[], Store], target: Path, choice: dict[str, Any],
               country: str) -> Callable[[Callable[[int, int], None], threading.Event], Any]:
    """The background work: read the store, build the document, write the
    file atomically.  Runs on a worker thread with its own connection."""
    def job(progress: Callable[[int, int], None], cancel: threading.Event) -> Any:
        from guardian.reports import bundle, csv_report, html_report, json_report, pdf_report
        from guardian.reports.assemble import ReportOptions, build_report
        from guardian.reports.safety import redact
        store = open_store()
        try:
            doc = build_report(store, ReportOptions(lang=choice["lang"], country=country,
                                                    include_dismissed=choice["include_dismissed"]))
        finally:
            store.close()
        if cancel.is_set():
            return None
        if choice["redact"]:
            doc = redact(doc)
        writers = {"pdf": pdf_report.write_pdf, "html": html_report.write_html, "csv": csv_report.write_csv,
                   "json": json_report.write_json, "bundle": bundle.write_bundle}
        writers[choice["format"]](doc, target)
        return target
    return job
