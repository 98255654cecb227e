"""The report as one self-contained, printable HTML file.

No scripts, no external requests (a Content-Security-Policy says so too),
the Amiri font embedded as base64, every chat-supplied string escaped and
isolated in ``<bdi>``.  Sections: cover, conversation summaries, findings
in time order (message with the evidence words in ``<mark>``, context with
the child's replies marked, why it matters, severity and why, steps with
their sources, review state and note), recommended steps, helplines,
evidence appendix.  Media is never embedded: attachments appear as kind,
file name and hash only.
"""

from __future__ import annotations

import base64
import functools
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from guardian import paths
from guardian.atomic import write_bytes_atomic
from guardian.reports import labels as L
from guardian.reports.document import Finding, ReportDocument, Step, display_time
from guardian.reports.safety import html_chat, html_text, safe_url, segments

CSP = ("default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
       "base-uri 'none'; form-action 'none'")

SEVERITY_COLOURS = {"critical": "#8b0000", "high": "#c0392b", "medium": "#d35400",
                    "low": "#7f8c8d", "none": "#95a5a6"}


@functools.cache
def _font_base64(file_name: str) -> str:
    return base64.b64encode((paths.assets_dir() / "fonts" / file_name).read_bytes()).decode("ascii")


def _css() -> str:
    regular = _font_base64("Amiri-Regular.ttf")
    bold = _font_base64("Amiri-Bold.ttf")
    sev = "".join(f".sev-{k}{{border-inline-start-color:{v}}}.badge-{k}{{background:{v}}}"
                  for k, v in SEVERITY_COLOURS.items())
    return (
        f'@font-face{{font-family:"Guardian Amiri";font-weight:400;'
        f'src:url(data:font/ttf;base64,{regular}) format("truetype")}}'
        f'@font-face{{font-family:"Guardian Amiri";font-weight:700;'
        f'src:url(data:font/ttf;base64,{bold}) format("truetype")}}'
        """
body{font-family:"Guardian Amiri",serif;font-size:13pt;line-height:1.6;color:#1b1b1b;
 max-width:60em;margin:0 auto;padding:1.5em;background:#fff}
h1{font-size:2em;margin:.2em 0}h2{border-bottom:2px solid #444;margin-top:2em}
h3{margin:.6em 0 .3em}h4{margin:.8em 0 .2em;font-size:1em;color:#333}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.25em .5em;text-align:start;vertical-align:top}
th{background:#f0f0f0}
.ltr{direction:ltr;unicode-bidi:isolate}
.hash{font-size:.8em;word-break:break-all}
.cover{border-bottom:3px double #444;padding-bottom:1em}
.cover dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}
.cover dt{font-weight:700}.cover dd{margin:0}
.notice{background:#fff4ce;border:1px solid #e0c060;padding:.4em .8em}
.finding{border-inline-start:6px solid #999;padding:.2em 1em 1em;margin:1.5em 0}
.badge{color:#fff;border-radius:.3em;padding:0 .4em;font-size:.9em}
.msg{white-space:pre-wrap;font-size:1.15em;background:#fafafa;border:1px solid #ddd;
 padding:.5em .8em;margin:.3em 0;display:block;overflow-wrap:anywhere}
mark{background:#ffe066;color:inherit;padding:0 .1em}
.meta{color:#444;font-size:.95em}
.context{list-style:none;padding:0;margin:.3em 0}
.context li{border:1px solid #e3e3e3;padding:.3em .6em;margin:.2em 0;overflow-wrap:anywhere}
.context li.child{background:#e8f1fb;border-color:#8fb3de;border-inline-start:5px solid #2f6db5}
.context .who{font-weight:700}.context .tag{color:#2f6db5;font-weight:700}
.context bdi.text{white-space:pre-wrap}
.steps li{margin:.2em 0}.cite{color:#555;font-size:.9em}
.raw{white-space:pre-wrap;font-size:.9em;background:#f6f6f6;padding:.3em .5em;display:block;
 overflow-wrap:anywhere}
.empty{color:#777;font-style:italic}
"""
        + sev +
        """
@page{size:A4;margin:16mm}
@media print{body{max-width:none;padding:0;font-size:11.5pt}
 .finding{break-before:page;break-inside:auto}
 section.findings>h2{break-after:avoid}
 .recommended,.help,.appendix{break-before:page}
 thead{display:table-header-group}tr{break-inside:avoid}
 a{color:inherit;text-decoration:none}}
""")


def _ltr(value: str, cls: str = "") -> str:
    """Chat-free technical text (times, hashes, numbers) kept left-to-right."""
    extra = f" {cls}" if cls else ""
    return f'<bdi dir="ltr" class="ltr{extra}">{html_text(value)}</bdi>'


def _time(value: str) -> str:
    return _ltr(display_time(value)) if value else ""


def _message(f: Finding, lang: str) -> str:
    if not f.text:
        return f'<p class="msg empty">{html_text(L.text("empty_message", lang))}</p>'
    parts = []
    for piece, marked in segments(f.text, f.spans):
        escaped = html_text(piece)
        parts.append(f"<mark>{escaped}</mark>" if marked else escaped)
    return f'<p><bdi class="msg">{"".join(parts)}</bdi></p>'


def _step_html(s: Step, lang: str) -> str:
    cite = []
    if s.source:
        cite.append(html_chat(s.source))
    url = safe_url(s.url) if s.url else None
    if url:
        cite.append(f'<a href="{html_text(url)}">{_ltr(url)}</a>')
    elif s.url:
        cite.append(_ltr(s.url))
    cited = f' <span class="cite">({L.text("source", lang)}: {" — ".join(cite)})</span>' if cite else ""
    return f"<li>{html_chat(s.text)}{cited}</li>"


def _finding_html(n: int, f: Finding, doc: ReportDocument) -> str:
    lang = doc.lang
    t = functools.partial(L.text, lang=lang)
    conv = doc.conversation(f.conversation)
    cats = "، ".join(L.category(c, lang) for c in f.labels) if lang == "ar" else \
        ", ".join(L.category(c, lang) for c in f.labels)
    out = [f'<article class="finding sev-{html_text(f.severity)}" id="finding-{n}">',
           f'<h3>{t("finding")} {n}: {html_text(cats)} '
           f'<span class="badge badge-{html_text(f.severity)}">{html_text(L.severity(f.severity, lang))}</span></h3>',
           f'<h4>{t("what_said")}</h4>',
           f'<p class="meta">{t("sender")}: <strong>{html_chat(f.sender)}</strong> · {t("time")}: {_time(f.time)}'
           + (f" · {t('conversation')}: {html_chat(conv.title)}" if conv else
              f" · {t('conversation')}: {html_chat(f.conversation)}") + "</p>",
           _message(f, lang)]
    words = [piece for piece, marked in segments(f.text, f.spans) if marked and piece.strip()]
    if words:
        out.append(f'<p class="meta">{t("evidence_words")}: '
                   + "، ".join(f"<mark>{html_chat(w)}</mark>" for w in dict.fromkeys(words)) + "</p>")
    if f.attachment:
        a = f.attachment
        out.append(f'<p class="meta">{t("attachment")}: {html_text(L.attachment(a.kind, lang))}'
                   + (f" — {html_chat(a.name)}" if a.name else "")
                   + (f" — SHA-256: {_ltr(a.sha256, 'hash')}" if a.sha256 else "") + "</p>")
    if f.context:
        out.append(f'<h4>{t("context")}</h4><ol class="context">')
        for m in f.context:
            is_child = m.is_child or m.sender == doc.child
            tag = f' <span class="tag">[{t("child_reply")}]</span>' if is_child else ""
            out.append(f'<li class="{"child" if is_child else "other"}">'
                       f'<span class="who">{html_chat(m.sender)}</span>{tag} '
                       f'<span class="meta">{_time(m.time) if m.time else ""}</span><br>'
                       f'<bdi class="text">{html_text(m.text)}</bdi></li>')
        out.append("</ol>")
    e = f.explanation
    if e.what:
        out.append(f'<h4>{t("what")}</h4><p>{html_chat(e.what)}</p>')
    if e.why:
        out.append(f'<h4>{t("why")}</h4><p>{html_chat(e.why)}</p>')
    out.append(f'<h4>{t("severity")}</h4><p><span class="badge badge-{html_text(f.severity)}">'
               f'{html_text(L.severity(f.severity, lang))}</span>'
               + (f" — {html_chat(e.severity_reason)}" if e.severity_reason else "") + "</p>")
    if e.steps:
        out.append(f'<h4>{t("steps")}</h4><ol class="steps">'
                   + "".join(_step_html(s, lang) for s in e.steps) + "</ol>")
    out.append(f'<h4>{t("review")}</h4><p>{html_text(L.review_state(f.review.state, lang))}'
               + (f'<br>{t("note")}: {html_chat(f.review.note)}' if f.review.note else "") + "</p>")
    out.append("</article>")
    return "\n".join(out)


def _counts(counts: dict[str, int], names: Iterable[str], label: object) -> str:
    shown = [(k, counts[k]) for k in names if counts.get(k)]
    shown += [(k, v) for k, v in counts.items() if k not in dict(shown) and v]
    return "، ".join(f"{html_text(label(k))}: {v}" for k, v in shown)  # type: ignore[operator]


def recommended_steps(doc: ReportDocument) -> list[tuple[Step, int]]:
    """Every distinct step with how many findings it goes with, most
    common first (then in the order they first appear)."""
    counts: Counter[Step] = Counter()
    order: dict[Step, int] = {}
    for f in doc.findings:
        for s in dict.fromkeys(f.explanation.steps):
            counts[s] += 1
            order.setdefault(s, len(order))
    return sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]]))


def render_html(doc: ReportDocument) -> str:
    lang = doc.lang
    t = functools.partial(L.text, lang=lang)
    direction = "rtl" if lang == "ar" else "ltr"
    findings = doc.findings_in_time_order()
    number = {f.id: n for n, f in enumerate(findings, 1)}
    period = doc.period()
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html_text(lang)}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{t('title')} — {html_text(doc.report.id)}</title>",
        f"<style>{_css()}</style>",
        "</head>",
        "<body>",
        '<header class="cover">',
        f"<h1>{t('title')}</h1><p>{t('subtitle')}</p>",
        "<dl>",
        f"<dt>{t('child')}</dt><dd>{html_chat(doc.child)}</dd>",
        f"<dt>{t('period')}</dt><dd>"
        + (t("from_to").format(first=_time(period.first), last=_time(period.last))
           if period.first else t("none")) + "</dd>",
        f"<dt>{t('created')}</dt><dd>{_time(doc.report.created)}</dd>",
        f"<dt>{t('app_version')}</dt><dd>{_ltr(doc.report.app_version)}</dd>",
        f"<dt>{t('report_id')}</dt><dd>{_ltr(doc.report.id)}</dd>",
        "</dl>",
    ]
    if doc.report.redacted:
        out.append(f'<p class="notice">{t("redacted")}</p>')
    out.append(f"<h2>{t('sources')}</h2><table><thead><tr><th>{t('path')}</th><th>{t('format')}</th>"
               f"<th>{t('imported')}</th><th>{t('sha256')}</th></tr></thead><tbody>")
    for s in doc.sources:
        out.append(f"<tr><td>{html_chat(s.path)}</td><td>{html_chat(s.format)}</td>"
                   f"<td>{_time(s.imported)}</td><td>{_ltr(s.sha256, 'hash')}</td></tr>")
    out.append("</tbody></table></header>")

    out.append(f'<section class="summary"><h2>{t("summary")}</h2>')
    for c in doc.conversations:
        s = c.summary
        out.append(f"<h3>{html_chat(c.title)}</h3><ul>")
        if s.period.first:
            out.append(f"<li>{t('period')}: "
                       + t("from_to").format(first=_time(s.period.first), last=_time(s.period.last)) + "</li>")
        if c.participants:
            out.append(f"<li>{t('participants')}: " + "، ".join(html_chat(p) for p in c.participants) + "</li>")
        if s.participants:
            out.append(f"<li>{t('involved')}: " + "، ".join(html_chat(p) for p in s.participants) + "</li>")
        if s.by_category:
            out.append(f"<li>{t('by_category')}: "
                       + _counts(dict(s.by_category), L.CATEGORY_ORDER, lambda k: L.category(k, lang)) + "</li>")
        if s.by_severity:
            out.append(f"<li>{t('by_severity')}: "
                       + _counts(dict(s.by_severity), L.SEVERITY_ORDER, lambda k: L.severity(k, lang)) + "</li>")
        out.append("</ul>")
        if s.patterns:
            out.append(f"<h4>{t('patterns')}</h4><ul>"
                       + "".join(f"<li>{html_chat(p)}</li>" for p in s.patterns) + "</ul>")
        if s.read_first:
            links = []
            for fid in s.read_first:
                if fid in number:
                    links.append(f'<a href="#finding-{number[fid]}">{t("finding")} {number[fid]}</a>')
                else:
                    links.append(html_chat(fid))
            out.append(f"<p>{t('read_first')}: " + "، ".join(links) + "</p>")
    out.append("</section>")

    out.append(f'<section class="findings"><h2>{t("findings")}</h2>')
    if not findings:
        out.append(f"<p>{t('no_findings')}</p>")
    for n, f in enumerate(findings, 1):
        out.append(_finding_html(n, f, doc))
    out.append("</section>")

    steps = recommended_steps(doc)
    if steps:
        out.append(f'<section class="recommended"><h2>{t("recommended")}</h2><ol class="steps">')
        for s, count in steps:
            out.append(_step_html(s, lang).replace(
                "</li>", f' <span class="cite">({count}/{len(findings)})</span></li>'))
        out.append("</ol></section>")

    out.append(f'<section class="help"><h2>{t("help")}</h2><p>{t("help_note")}</p>')
    if doc.help:
        out.append(f"<table><thead><tr><th>{t('country')}</th><th>{t('name')}</th><th>{t('phone')}</th>"
                   f"<th>{t('url')}</th><th>{t('source')}</th><th>{t('checked')}</th></tr></thead><tbody>")
        for h in doc.help:
            url = safe_url(h.url) if h.url else None
            link = (f'<a href="{html_text(url)}">{_ltr(url)}</a>' if url else _ltr(h.url) if h.url else "")
            out.append(f"<tr><td>{html_chat(h.country)}</td><td>{html_chat(h.name)}</td>"
                       f"<td>{_ltr(h.phone) if h.phone else ''}</td><td>{link}</td>"
                       f"<td>{html_chat(h.source)}</td><td>{_ltr(h.checked) if h.checked else ''}</td></tr>")
        out.append("</tbody></table>")
    out.append("</section>")

    out.append(f'<section class="appendix"><h2>{t("appendix")}</h2><p>{t("appendix_note")}</p>')
    for n, f in enumerate(findings, 1):
        src = doc.source(f.evidence.source_sha256)
        out.append(f'<h3>{t("finding")} {n}</h3><ul>'
                   f'<li>{t("raw")}: <bdi class="raw">{html_text(f.evidence.raw)}</bdi></li>'
                   f'<li>{t("sha256")}: {_ltr(f.evidence.source_sha256, "hash")}</li>')
        if f.evidence.position is not None:
            out.append(f"<li>{t('position')}: {_ltr(str(f.evidence.position))}</li>")
        if src:
            out.append(f"<li>{t('path')}: {html_chat(src.path)}</li>"
                       f"<li>{t('imported')}: {_time(src.imported)}</li>")
            if src.importer_version:
                out.append(f"<li>{t('importer')}: {html_chat(src.importer_version)}</li>")
        if f.attachment:
            a = f.attachment
            out.append(f"<li>{t('attachment')}: {html_text(L.attachment(a.kind, lang))}"
                       + (f" — {html_chat(a.name)}" if a.name else "")
                       + (f" — SHA-256: {_ltr(a.sha256, 'hash')}" if a.sha256 else "") + "</li>")
        out.append("</ul>")
    out.append("</section>")
    out.append(f'<footer><p class="meta">{t("report_id")}: {_ltr(doc.report.id)} · '
               f'{t("app_version")}: {_ltr(doc.report.app_version)}</p></footer>')
    out.append("</body></html>\n")
    return "\n".join(out)


def write_html(doc: ReportDocument, target: Path) -> None:
    write_bytes_atomic(Path(target), render_html(doc).encode("utf-8"))
