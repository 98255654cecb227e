"""Beside the findings list: the conversation around the selected finding
as chat bubbles with the evidence words highlighted, and the report pane
with what the finding means, what to do, and the parent's decision."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QUndoCommand
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guardian.domain import Finding, Message, ReviewState, Severity, Span
from guardian.explain import reason_text
from guardian.ui import contrast, labels
from guardian.ui.findings_data import FindingRow

_BUBBLE_LIMIT = 2000


def highlighted(text: str, spans: tuple[Span, ...]) -> str:
    """HTML of `text` with the spans marked (offsets into the text)."""
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        start, end = max(span.start, pos), min(span.end, len(text))
        if start >= end:
            continue
        out.append(html.escape(text[pos:start]))
        out.append('<span style="background-color:#fde68a; color:#000000; font-weight:bold;'
                   ' text-decoration:underline">' + html.escape(text[start:end]) + "</span>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br/>")


def _muted(widget: QWidget) -> str:
    """Secondary text readable on the theme's background, light or dark."""
    return contrast.hex_(contrast.muted(widget.palette()))


def _accent(widget: QWidget) -> str:
    """The flagged bubble's frame: amber, kept visible on dark themes."""
    return contrast.hex_(contrast.readable(QColor("#b45309"), widget.palette().color(QPalette.ColorRole.Base),
                                           contrast.GRAPHIC))


def _rtl() -> bool:
    return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


class ChatView(QTextBrowser):
    """Messages as bubbles: the child's on one side, everybody else's on
    the other, the flagged message framed, its evidence highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatView")
        self.setOpenLinks(False)
        self._render: Callable[[], None] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Conversation"))
        self.setAccessibleDescription(self.tr(
            "Chat bubbles: your child's messages on one side, everyone else's on the other. "
            "The message Guardian flagged is framed and starts with the word “flagged”."))
        if self._render:
            self._render()
        else:
            self._hint()

    def _hint(self) -> None:
        hint = self.tr("Choose a finding or a conversation to read it here.")
        self.setHtml(f"<p style='color:{_muted(self)}'>{html.escape(hint)}</p>")

    def clear_view(self) -> None:
        self._render = None
        self._hint()

    def show_messages(self, messages: list[Message], child: str | None,
                      focus_id: int | None = None, spans: tuple[Span, ...] = ()) -> None:
        def render() -> None:
            rtl = _rtl()
            start, end = ("right", "left") if rtl else ("left", "right")
            parts = []
            for m in messages:
                when = labels.left_to_right(m.timestamp)
                if m.is_system:
                    parts.append(f'<p align="center" style="color:{_muted(self)}">{html.escape(m.text)} '
                                 f'<small>{when}</small></p>')
                    continue
                mine = bool(child) and m.sender == child
                align = end if mine else start
                bubble, ink = contrast.bubble_colours(self.palette(), mine)
                colour = contrast.hex_(bubble)
                focused = m.id is not None and m.id == focus_id
                border = f' border="2" style="border-color:{_accent(self)}; border-style:solid"' if focused else ""
                body = highlighted(m.text, spans) if focused else html.escape(m.text).replace("\n", "<br/>")
                if not m.text and m.attachment:
                    body = html.escape(self.tr("[attachment]"))
                sender = html.escape(m.sender or self.tr("System"))
                if mine:
                    sender += " · " + html.escape(self.tr("your child"))
                mark = ("<b>⚑ " + html.escape(self.tr("flagged")) + "</b><br/>") if focused else ""
                anchor = '<a name="focus"></a>' if focused else ""
                parts.append(
                    f'{anchor}<table width="80%" align="{align}" cellpadding="8" cellspacing="0"{border}'
                    f' bgcolor="{colour}"><tr><td style="color:{contrast.hex_(ink)}">{mark}<b>{sender}</b> '
                    f'<span style="color:{_muted(self)}">{when}</span><br/>{body}</td></tr></table>'
                    f'<p style="margin:0"> </p>')
            if not parts:
                empty = self.tr("This conversation has no messages.")
                parts.append(f"<p>{html.escape(empty)}</p>")
            self.setHtml("".join(parts))
            if focus_id is not None:
                self.scrollToAnchor("focus")
        self._render = render
        render()


class ReportPane(QTextBrowser):
    """What the selected finding means and what to do.  Renders the
    explanation from `guardian.explain` when that package is present;
    otherwise the finding's facts."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_activated.emit(url.toString()))
        self._render: Callable[[], None] | None = None
        self.guidance: Any = None
        self.language = "ar"
        self.country = "ZZ"
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Report"))
        if self._render:
            self._render()
        else:
            hint = self.tr("Choose a finding to see what it means and what to do.")
            self.setHtml(f"<p style='color:{_muted(self)}'>{html.escape(hint)}</p>")

    def clear_view(self) -> None:
        self._render = None
        self.retranslate()

    # Kept for the conversation list: a whole transcript.
    def show_transcript(self, store: object, conversation_id: int) -> None:
        self.clear_view()

    def show_finding(self, row: FindingRow, context: list[Message], child: str | None) -> None:
        def render() -> None:
            self.setHtml(self._html(row, context, child))
        self._render = render
        render()

    def _explanation(self, row: FindingRow, context: list[Message], child: str | None) -> str | None:
        """The explanation engine's words: what was said, why it matters, how
        serious and why, what to do now (with sources), where to get help."""
        from guardian.explain import explain_finding, help_for
        message = next((m for m in context if m.id == row.finding.message_id), None)
        if message is None or self.guidance is None:
            return None
        explanation = explain_finding(row.finding, message, lang=self.language,
                                      guidance=self.guidance, cues=row.finding.cues, child=child)
        esc = html.escape
        t = {"what": self.tr("What was said"), "why": self.tr("Why it matters"),
             "serious": self.tr("How serious"), "todo": self.tr("What to do now"),
             "source": self.tr("Source:"), "help": self.tr("Where to get help"),
             "checked": self.tr("checked on %1")}
        parts = [f"<h3>{esc(t['what'])}</h3><p>{esc(explanation.what)}</p>",
                 f"<h3>{esc(t['why'])}</h3><p>{esc(explanation.why)}</p>",
                 f"<h3>{esc(t['serious'])}</h3><p>{esc(explanation.severity_reason)}</p>",
                 f"<h3>{esc(t['todo'])}</h3><ol>"]
        for step in explanation.steps:
            parts.append(f"<li>{esc(step.text)}<br/><small style='color:{_muted(self)}'>{esc(t['source'])} "
                         f"<bdi>{esc(step.source)}</bdi></small></li>")
        parts.append("</ol>")
        helplines = help_for(self.country, self.language, self.guidance)[:4]
        if helplines:
            parts.append(f"<h3>{esc(t['help'])}</h3><ul>")
            for h in helplines:
                contact = " · ".join(x for x in (h.get("phone", ""), h.get("url", "")) if x)
                checked = (t["checked"].replace("%1", labels.left_to_right(date.fromisoformat(h["checked"])))
                           if h.get("checked") else "")
                parts.append(f"<li><b>{esc(h['name'])}</b> <bdi>{esc(contact)}</bdi>"
                             f"<br/><small style='color:{_muted(self)}'>{esc(checked)}</small></li>")
            parts.append("</ul>")
        return "".join(parts)

    def _html(self, row: FindingRow, context: list[Message], child: str | None) -> str:
        f = row.finding
        esc = html.escape
        t = {"why": self.tr("Why Guardian flagged it"), "sure": self.tr("How sure Guardian is:"),
             "todo": self.tr("What to do now"), "block": self.tr("Block and report"),
             "before": self.tr("Before you block:"),
             "export": self.tr("export or screenshot the chat first. Blocking or leaving can hide "
                               "the history."),
             "how": self.tr("How to block and report on %1"),
             "wrong": self.tr("Guardian can be wrong. Use this to start a calm conversation with "
                              "your child, not as a verdict.")}
        colour = contrast.readable(labels.SEVERITY_COLOURS[f.severity],
                                   self.palette().color(QPalette.ColorRole.Base)).name()
        sev = labels.severity(f.severity)
        parts = [f'<h2><span style="color:{colour}">{esc(labels.SEVERITY_MARKS[f.severity])}</span> '
                 f'{esc(sev)} · {esc(", ".join(labels.category(c) for c in f.categories))}</h2>']
        who = esc(row.sender or self.tr("System"))
        parts.append("<p>" + esc(self.tr("From %1 in %2, %3.")).replace("%1", f"<b>{who}</b>")
                     .replace("%2", f"<bdi>{esc(row.conversation)}</bdi>")
                     .replace("%3", labels.left_to_right(row.time)) + "</p>")
        explained = self._explanation(row, context, child)
        if explained:
            parts.append(explained)
        else:
            if f.reasons:
                parts.append(f"<h3>{esc(t['why'])}</h3><ul>")
                for reason in f.reasons:
                    parts.append(f"<li>{esc(reason_text(reason, self.language))}</li>")
                parts.append("</ul>")
            scores = ", ".join(f"{labels.category(c)} {round(100 * f.scores.get(c, 0))}%"
                               for c in f.categories)
            if scores:
                parts.append(f"<p style='color:{_muted(self)}'>{esc(t['sure'])} "
                             f"{esc(scores)}</p>")
        guidance = self.guidance
        if not explained and guidance is not None and f.severity > Severity.NONE:
            steps = []
            for cat in f.categories[:2]:
                try:
                    steps.extend(guidance.steps_for(cat, f.severity, self.language))  # type: ignore[attr-defined]
                except (KeyError, ValueError):
                    continue
            if steps:
                parts.append(f"<h3>{esc(t['todo'])}</h3><ol>")
                for step in steps[:4]:
                    parts.append(f"<li>{esc(step.text)}</li>")
                parts.append("</ol>")
        platform = row.platform if row.platform != "sms" else "android"
        if platform and platform != "csv":
            how = t["how"].replace("%1", labels.platform(row.platform))
            parts.append(f"<h3>{esc(t['block'])}</h3>")
            # A fixed light background, so the text on it is fixed black.
            parts.append(f"<p style='background-color:#fff7ed; color:#000000'><b>{esc(t['before'])}</b> "
                         f"{esc(t['export'])}</p>")
            parts.append(f'<p><a href="guardian:protect/{esc(platform)}">'
                         f'{esc(how)}'
                         f"</a></p>")
        parts.append(f"<p style='color:{_muted(self)}'><i>{esc(t['wrong'])}</i></p>")
        return "".join(parts)


class ReviewCommand(QUndoCommand):
    """One decision about one finding, undoable.  `apply(finding_id, state,
    note)` writes it (the store, the family rules, the list)."""

    def __init__(self, finding: Finding, state: ReviewState, note: str,
                 apply: Callable[[int, ReviewState, str, ReviewState], None], text: str) -> None:
        super().__init__(text)
        assert finding.id is not None
        self.finding_id = finding.id
        self.old = (finding.review, finding.note)
        self.new = (state, note)
        self._apply = apply

    def redo(self) -> None:
        self._apply(self.finding_id, self.new[0], self.new[1], self.old[0])

    def undo(self) -> None:
        self._apply(self.finding_id, self.old[0], self.old[1], self.new[0])


class ReviewBar(QWidget):
    """The parent's decision about the selected finding, and a note."""

    decided = Signal(object, str)   # ReviewState, note

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.title = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("reviewState")
        self.reviewed = QPushButton()
        self.not_problem = QPushButton()
        self.important = QPushButton()
        self.reviewed.clicked.connect(lambda: self._decide(ReviewState.REVIEWED))
        self.not_problem.clicked.connect(lambda: self._decide(ReviewState.NOT_A_PROBLEM))
        self.important.clicked.connect(lambda: self._decide(ReviewState.IMPORTANT))
        self.note = QPlainTextEdit()
        self.note.setObjectName("reviewNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        self.save_note = QPushButton()
        self.save_note.clicked.connect(self._save_note)
        self.note_label = QLabel()
        self.note_label.setBuddy(self.note)
        buttons = QHBoxLayout()
        for b in (self.reviewed, self.not_problem, self.important):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.save_note, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.state_label)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.note_label)
        layout.addLayout(note_row)
        self._finding: Finding | None = None
        self.retranslate()
        self.set_finding(None)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Your decision"))
        self.reviewed.setText(self.tr("&Reviewed"))
        self.reviewed.setToolTip(self.tr("I have read it (Alt+R)"))
        self.not_problem.setText(self.tr("&Not a problem"))
        self.not_problem.setToolTip(self.tr("Guardian was wrong here; it will not flag the same "
                                            "message from the same person again (Alt+N)"))
        self.important.setText(self.tr("Im&portant"))
        self.important.setToolTip(self.tr("Keep this for the report and for follow-up (Alt+P)"))
        self.note_label.setText(self.tr("N&ote (only on this computer):"))
        self.note.setAccessibleName(self.tr("Note about this finding"))
        self.save_note.setText(self.tr("&Save note"))
        self._show_state()

    def set_finding(self, finding: Finding | None) -> None:
        self._finding = finding
        for w in (self.reviewed, self.not_problem, self.important, self.note, self.save_note):
            w.setEnabled(finding is not None)
        self.note.setPlainText(finding.note if finding else "")
        self._show_state()

    def _show_state(self) -> None:
        f = self._finding
        self.state_label.setText(labels.review(f.review) if f else "")

    def _decide(self, state: ReviewState) -> None:
        if self._finding is not None:
            self.decided.emit(state, self.note.toPlainText())

    def _save_note(self) -> None:
        if self._finding is not None:
            self.decided.emit(self._finding.review, self.note.toPlainText())


__all__ = ["ChatView", "ReportPane", "ReviewBar", "ReviewCommand", "highlighted"]
