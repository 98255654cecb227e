"""The whole path on the demo export, as a parent would walk it: first
run, the import wizard, the findings, a review decision and its undo, the
overview and the protection steps; with screenshots of every screen, in
Arabic and in English."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from guardian.domain import ReviewState
from guardian.ui import preferences
from guardian.ui.first_run import FirstRunWizard
from guardian.ui.wizard import P_CHILD, P_DONE, P_FILES, P_RUN, P_STEPS

from .conftest import demo_export


def test_first_run_asks_language_promise_names_and_passphrase(qtbot, session, settings, shot) -> None:
    wizard = FirstRunWizard(settings, session.switch_language, "ar", need_passphrase=True)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    shot(wizard, "01-first-run-language-ar")
    wizard.language_page.english.setChecked(True)
    qtbot.waitUntil(lambda: wizard.windowTitle() == "Guardian: getting started")
    shot(wizard, "01-first-run-language-en")
    wizard.language_page.arabic.setChecked(True)
    qtbot.waitUntil(lambda: wizard.windowTitle() != "Guardian: getting started")
    wizard.next()
    assert "هذا الحاسوب" in wizard.about_page.text.text()
    shot(wizard, "02-first-run-promise-ar")
    wizard.next()
    wizard.child_page.names.setText("ريم")
    shot(wizard, "03-first-run-child-ar")
    wizard.next()
    page = wizard.passphrase_page
    assert page is not None and not page.isComplete()
    page.first.setText("long enough passphrase")
    page.second.setText("long enough passphrase")
    assert page.isComplete()
    shot(wizard, "04-first-run-passphrase-ar")
    wizard.accept()
    assert settings.get(preferences.FIRST_RUN_DONE) is True
    assert preferences.child_names(settings) == ["ريم"]
    assert wizard.passphrase() == "long enough passphrase"


def import_demo(qtbot, window, shot, lang: str):
    wizard = window.open_import()
    qtbot.waitExposed(wizard)
    shot(wizard, f"10-wizard-apps-{lang}")
    wizard.app_page.apps.setCurrentRow(0)   # WhatsApp
    wizard.next()
    assert wizard.currentId() == P_STEPS
    assert wizard.steps_page.tabs.count() == 2
    shot(wizard, f"11-wizard-steps-android-{lang}")
    wizard.steps_page.tabs.setCurrentIndex(1)
    shot(wizard, f"12-wizard-steps-iphone-{lang}")
    wizard.next()
    assert wizard.currentId() == P_FILES
    wizard.files_page.add_paths([demo_export()])
    shot(wizard, f"13-wizard-files-{lang}")
    wizard.next()
    assert wizard.currentId() == P_RUN
    qtbot.waitUntil(lambda: wizard.currentId() == P_CHILD, timeout=30000)
    combo = wizard.child_page.combos[0][1]
    assert combo.currentData() == "ريم"      # from the child's name given at first run
    shot(wizard, f"14-wizard-child-{lang}")
    wizard.next()
    assert wizard.currentId() == P_DONE
    assert "200" in wizard.done_page.summary.text() or "٢٠٠" in wizard.done_page.summary.text()
    shot(wizard, f"15-wizard-summary-{lang}")
    with qtbot.waitSignal(window.analysis_finished, timeout=60000):
        wizard.accept()
    return wizard


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_import_findings_review_overview(qtbot, session, window, store, shot, lang, tmp_path,
                                        monkeypatch) -> None:
    if lang == "en":
        window.switch_language("en")
        qtbot.waitUntil(lambda: window.windowTitle() == "Guardian")
    shot(window, f"05-main-empty-{lang}")
    assert window.findings.import_button.isVisible()
    import_demo(qtbot, window, shot, lang)
    conv = store.conversations()[0]
    assert conv.child == "ريم"
    assert window.findings.model.rowCount() >= 5
    window.focus_findings()
    row = window.findings.current_row()
    assert row is not None
    # Sorted by severity: the worst comes first.
    assert row.finding.severity == max(r.finding.severity for r in window.findings.model.rows)
    assert "background-color:#fde68a" in window.chat.toHtml() or row.finding.spans == ()
    shot(window, f"20-findings-{lang}")

    # Review, then undo and redo.
    fid = row.finding.id
    window.review.important.click()
    assert {f.id: f.review for f in store.findings()}[fid] == ReviewState.IMPORTANT
    window.undo_stack.undo()
    assert {f.id: f.review for f in store.findings()}[fid] == ReviewState.NEW
    window.undo_stack.redo()
    assert {f.id: f.review for f in store.findings()}[fid] == ReviewState.IMPORTANT
    window.review.note.setPlainText("تحدثت معها")
    window.review.save_note.click()
    assert {f.id: f.note for f in store.findings()}[fid] == "تحدثت معها"
    shot(window, f"21-reviewed-{lang}")

    window.show_tab(1)
    assert window.dashboard.hours.counts[0] + sum(window.dashboard.hours.counts) > 0
    shot(window, f"30-overview-{lang}")
    window.show_tab(2)
    window.protect.show_platform("whatsapp")
    # A checked-on date stays left-to-right in an Arabic line ("2026-11-24", not "24-11-2026").
    assert re.search("\u2066\\d{4}-\\d\\d-\\d\\d\u2069", window.protect.text.toPlainText())
    shot(window, f"40-protect-{lang}")
    window.show_tab(0)

    window.open_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    shot(dialog, f"50-settings-{lang}")
    dialog.reject()

    # Export the report: options, then the file, written off the GUI thread.
    from PySide6.QtWidgets import QDialog

    from guardian.ui import report_export
    target = tmp_path / f"report-{lang}.pdf"
    monkeypatch.setattr(report_export.ReportOptionsDialog, "exec",
                        lambda self: (shot(self, f"60-export-{lang}"), QDialog.DialogCode.Accepted)[1])
    monkeypatch.setattr(report_export, "ask_target", lambda parent, fmt: target)
    assert window.export_report() is not None
    qtbot.waitUntil(lambda: target.exists() and window.report_action.isEnabled(), timeout=60000)
    assert target.read_bytes().startswith(b"%PDF")


def test_filters(qtbot, window, shot) -> None:
    import_demo(qtbot, window, shot, "ar-filters")
    pane = window.findings
    total = pane.proxy.rowCount()
    pane.category.setCurrentIndex(pane.category.findData("threat"))
    assert 0 < pane.proxy.rowCount() < total
    pane.clear_filters()
    pane.severity.setCurrentIndex(pane.severity.findData(4))
    assert all(r.finding.severity == 4 for r in
               (pane.proxy.index(i, 0).data(Qt.ItemDataRole.UserRole + 2) for i in range(pane.proxy.rowCount())))
    pane.clear_filters()
    sender = pane.sender
    sender.setCurrentIndex(1)
    name = sender.currentData()
    assert all(pane.proxy.index(i, 0).data(Qt.ItemDataRole.UserRole + 2).sender == name
               for i in range(pane.proxy.rowCount()))


def test_language_switch_retranslates_the_open_window(qtbot, window) -> None:
    assert window.findings.heading.text() == "التنبيهات"
    window.switch_language("en")
    qtbot.waitUntil(lambda: window.findings.heading.text() == "Findings")
    assert window.tabs.tabText(1) == "&Overview"
    assert window.findings.model.headerData(0, Qt.Orientation.Horizontal) == "Severity"
    assert window.review.not_problem.text() == "&Not a problem"
    window.switch_language("ar")
    qtbot.waitUntil(lambda: window.findings.heading.text() == "التنبيهات")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_a_bad_file_is_explained_and_changes_nothing(qtbot, window, store, tmp_path, shot) -> None:
    bad = tmp_path / "صورة.txt"
    bad.write_text("hello, this is not a chat\n", encoding="utf-8")
    wizard = window.open_import([bad])
    qtbot.waitUntil(lambda: wizard.run_page.outcome is not None, timeout=20000)
    text = wizard.run_page.error.text()
    assert "صورة.txt" in text and "لم يتغير شيء" in text
    shot(wizard, "16-wizard-error-ar")
    assert store.message_count() == 0
    wizard.reject()


def test_a_cancelled_import_changes_nothing(qtbot, window, store, tmp_path) -> None:
    big = tmp_path / "big.txt"
    lines = [f"1/2/24, 10:{i % 60:02d} - Sami: message number {i}" for i in range(60000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    wizard = window.open_import([big])
    page = wizard.run_page
    qtbot.waitUntil(lambda: page.handle is not None)
    page.cancel()
    qtbot.waitUntil(lambda: page.handle is None, timeout=30000)
    assert page.outcome is None or page.outcome.report is None or store.message_count() > 0
    if page.outcome is None:
        assert store.message_count() == 0
        assert "لم يتغير شيء" in page.status_label.text()
    wizard.reject()


def test_csv_columns_are_mapped(qtbot, window, store, tmp_path, shot) -> None:
    from guardian.ui.wizard import P_CSV
    table = tmp_path / "messages.csv"
    table.write_text("التاريخ,المرسل,النص\n2024-03-01 10:00,سامي,مرحبا\n2024-03-01 10:01,ريم,اهلا\n",
                     encoding="utf-8")
    wizard = window.open_import()
    wizard.app_page.apps.setCurrentRow(wizard.app_page.apps.count() - 1)   # CSV
    wizard.next()
    wizard.next()
    wizard.files_page.add_paths([table])
    wizard.next()
    assert wizard.currentId() == P_CSV
    page = wizard.csv_page
    assert page.combos["timestamp"].currentData() == "التاريخ"
    assert page.combos["sender"].currentData() == "المرسل"
    assert page.combos["text"].currentData() == "النص"
    shot(wizard, "17-wizard-csv-ar")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == P_CHILD, timeout=20000)
    assert store.message_count() == 2
    wizard.reject()


def test_dropping_files_starts_the_import(qtbot, window, store) -> None:
    wizard = window.open_import([demo_export()])
    assert wizard.currentId() == P_RUN
    qtbot.waitUntil(lambda: wizard.currentId() == P_CHILD, timeout=30000)
    assert store.message_count() > 0
    wizard.reject()


def _combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]
