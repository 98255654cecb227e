"""Protect your child: for each app and device, short steps to block,
report, restrict contact, set filters and export chats, each with its
source and the date it was checked.  Blocking can hide the history, so
the page says first: export or screenshot, then report, then block."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QTextBrowser, QVBoxLayout, QWidget

from guardian.ui import contrast, labels

ACTION_NAMES = {
    "block": QT_TRANSLATE_NOOP("Protect", "Block"),
    "report": QT_TRANSLATE_NOOP("Protect", "Report"),
    "restrict_contact": QT_TRANSLATE_NOOP("Protect", "Limit who can contact your child"),
    "filters": QT_TRANSLATE_NOOP("Protect", "Filters"),
    "supervision": QT_TRANSLATE_NOOP("Protect", "Parental supervision"),
    "export_chats": QT_TRANSLATE_NOOP("Protect", "Save the chats (export)"),
    "minimum_age": QT_TRANSLATE_NOOP("Protect", "Minimum age"),
}
ORDER = ("export_chats", "report", "block", "restrict_contact", "filters", "supervision", "minimum_age")


class ProtectPane(QWidget):
    def __init__(self, guidance: Any, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectPane")
        self.guidance = guidance
        self.language = language
        self.heading = QLabel()
        self.heading.setObjectName("paneHeading")
        self.platforms = QListWidget()
        self.platforms.setObjectName("platformList")
        self.platforms.setMaximumWidth(240)
        for pid in guidance.platforms:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.platforms.addItem(item)
        self.text = QTextBrowser()
        self.text.setObjectName("protectText")
        self.text.setOpenExternalLinks(False)
        self.text.setOpenLinks(False)
        self.platforms.currentItemChanged.connect(lambda *_: self.render())
        row = QHBoxLayout()
        row.addWidget(self.platforms)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row, 1)
        self.platforms.setCurrentRow(0)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Protect your child: block, report and limit contact, app by app"))
        self.platforms.setAccessibleName(self.tr("Apps and devices"))
        self.text.setAccessibleName(self.tr("Steps"))
        for i in range(self.platforms.count()):
            item = self.platforms.item(i)
            item.setText(self.guidance.platforms[item.data(Qt.ItemDataRole.UserRole)].name(self.language))
        self.render()

    def show_platform(self, platform: str) -> None:
        try:
            pid = self.guidance.platform_steps(platform).id
        except KeyError:
            return
        for i in range(self.platforms.count()):
            if self.platforms.item(i).data(Qt.ItemDataRole.UserRole) == pid:
                self.platforms.setCurrentRow(i)
                self.platforms.setFocus()
                return

    def render(self) -> None:
        item = self.platforms.currentItem()
        if item is None:
            return
        lang = self.language
        platform = self.guidance.platforms[item.data(Qt.ItemDataRole.UserRole)]
        esc = html.escape
        muted = contrast.hex_(contrast.muted(self.palette()))
        t = {"before": self.tr("Before you block"), "source": self.tr("Source:"),
             "checked": self.tr("checked"), "advice": self.tr("Guardian’s advice"),
             "unverified": self.tr("not confirmed by the app maker"),
             "footer": self.tr("Checked on %1. Apps change their menus often.")}
        parts = [f"<h2>{esc(platform.name(lang))}</h2>"]
        warnings = list(self.guidance.evidence_before_blocking[:2]) + list(platform.warnings)
        if warnings:
            parts.append("<table width='100%' cellpadding='8' bgcolor='#fff7ed'><tr><td style='color:#000000'>")
            parts.append(f"<b>⚠ {esc(t['before'])}</b><ul>")
            for w in warnings:
                parts.append(f"<li>{esc(w.text(lang))}</li>")
            parts.append("</ul></td></tr></table>")
        for action in ORDER:
            steps = platform.actions.get(action, ())
            if not steps:
                continue
            action_name = QCoreApplication.translate("Protect", ACTION_NAMES[action])
            parts.append(f"<h3>{esc(action_name)}</h3><ol>")
            for step in steps:
                local = self.guidance.localize_platform_step(step, lang)
                extra = ""
                if local.sources:
                    names = ", ".join(s.title for s in local.sources[:2])
                    checked = labels.left_to_right(local.checked) if local.checked else ""
                    extra = (f"<br/><small style='color:{muted}'>{esc(t['source'])} "
                             f"<bdi>{esc(names)}</bdi> · {esc(t['checked'])} {checked}</small>")
                elif step.advice:
                    extra = f"<br/><small style='color:{muted}'>{esc(t['advice'])}</small>"
                unverified = "" if local.verified else f" <small>({esc(t['unverified'])})</small>"
                parts.append(f"<li>{esc(local.text)}{unverified}{extra}</li>")
            parts.append("</ol>")
        footer = t["footer"].replace("%1", labels.left_to_right(platform.checked))
        parts.append(f"<p style='color:{contrast.hex_(contrast.muted(self.palette()))}'>{esc(footer)}</p>")
        self.text.setHtml("".join(parts))
