"""JSON, CSV and HTML on the realistic Arabic document and on the hostile one."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from report_helpers import CHILD, HOSTILE_TEXTS, make_document, make_hostile_document

from guardian.reports import safety
from guardian.reports.csv_report import COLUMNS, render_csv, write_csv
from guardian.reports.html_report import render_html, write_html
from guardian.reports.json_report import render_json, write_json

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


# -- JSON --------------------------------------------------------------------

def test_json_is_utf8_arabic_and_safe(hostile):
    data = render_json(hostile)
    text = data.decode("utf-8")
    assert "سارة" in text  # not \u escaped
    assert not CONTROL.search(text)
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", text)
    assert json.loads(text)["findings"][0]["text"] == HOSTILE_TEXTS["script"]


# -- CSV ---------------------------------------------------------------------

def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_csv_has_every_field(doc):
    rows = _rows(render_csv(doc))
    assert len(rows) == len(doc.findings)
    assert list(rows[0]) == list(COLUMNS)
    first = rows[0]
    assert first["id"] == "f01"
    assert first["text"] == "انتي غبية ومحد يبيك في القروب"
    assert first["conversation_title"] == "الصف الثاني متوسط ب"
    assert first["labels"] == "insult; exclusion"
    spans = json.loads(first["spans"])
    assert first["text"][spans[0]["start"]:spans[0]["end"]] == "غبية"
    assert "missingkids.org" in first["steps"] and "1. " in first["steps"]
    context = json.loads(first["context"])
    assert [c["is_child"] for c in context] == [False, True, False, True]
    assert first["evidence_raw"].startswith("[02/03/2025, 19:04:11] ريم العتيبي:")
    assert len(first["evidence_source_sha256"]) == 64
    important = next(r for r in rows if r["id"] == "f04")
    assert important["review_state"] == "important" and "المدرسة" in important["review_note"]
    assert next(r for r in rows if r["id"] == "f11")["attachment_name"] == "IMG-20250309-WA0007.jpg"


def test_csv_neutralises_formulas_and_controls(hostile):
    data = render_csv(hostile)
    text = data.decode("utf-8")
    assert not CONTROL.search(text.replace("\r\n", ""))
    rows = _rows(data)
    for row in rows:
        for value in row.values():
            stripped = value.lstrip(" \u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
            assert not stripped or stripped[0] not in "=+-@\t\r" or value.startswith("'"), value
    by_id = {r["id"].split("-", 1)[1]: r for r in rows}
    assert by_id["hyperlink"]["text"] == "'" + HOSTILE_TEXTS["hyperlink"]
    assert by_id["minus"]["text"] == "'-2+3"
    assert by_id["cmd"]["text"].startswith("'+cmd")
    assert by_id["at"]["text"].startswith("'@SUM")
    assert by_id["tab"]["text"] == "'\t=1+1"
    assert by_id["cr"]["text"] == "'\n=1+1"
    assert by_id["controls"]["text"] == "قبلNULBELESCDELNELC1 بعد"
    assert by_id["empty"]["text"] == ""
    assert len(by_id["long"]["text"]) == 5000
    assert by_id["img"]["sender"].startswith("'=cmd")


def test_csv_round_trips_through_the_csv_module(doc):
    rows = _rows(render_csv(doc))
    assert [r["text"] for r in rows] == [f.text for f in doc.findings_in_time_order()]


# -- HTML --------------------------------------------------------------------

class Tree(HTMLParser):
    """Records tags, attributes, and every text node with its open tags."""

    VOID = {"meta", "br", "link", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.texts.append((data, tuple(self.stack)))


def parse(text: str) -> Tree:
    tree = Tree()
    tree.feed(text)
    tree.close()
    return tree


def chat_strings(doc) -> list[str]:
    out = [doc.child]
    for c in doc.conversations:
        out += [c.title, *c.participants, *c.summary.participants, *c.summary.patterns]
    for s in doc.sources:
        out.append(s.path)
    for f in doc.findings:
        out += [f.sender, f.text, f.evidence.raw, f.review.note, f.explanation.what,
                f.explanation.why, f.explanation.severity_reason]
        out += [m.sender for m in f.context] + [m.text for m in f.context]
        if f.attachment:
            out.append(f.attachment.name)
    return [s for s in out if s]


@pytest.mark.parametrize("make", [make_document, make_hostile_document])
def test_html_is_self_contained_and_isolates_chat(make):
    doc = make()
    text = render_html(doc)
    tree = parse(text)
    root = next(attrs for tag, attrs in tree.tags if tag == "html")
    assert root == {"lang": "ar", "dir": "rtl"}
    assert not any(tag in ("script", "iframe", "object", "embed", "link", "img", "base", "form")
                   for tag, _ in tree.tags)
    for tag, attrs in tree.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "srcset", "poster", "data", "background"):
                raise AssertionError(f"resource attribute {tag}.{name}")
            if name == "href":
                assert tag == "a" and re.match(r"^(https?://|#finding-\d+$)", value or ""), value
    style = "".join(t for t, stack in tree.texts if stack and stack[-1] == "style")
    assert "@font-face" in style and "data:font/ttf;base64," in style and "@media print" in style
    assert not re.search(r"url\((?!data:)", style)
    assert "@import" not in style
    assert "Content-Security-Policy" in text
    # No text outside <bdi> carries a piece of a chat string.
    outside = "\n".join(t for t, stack in tree.texts if "bdi" not in stack and "style" not in stack)
    for s in chat_strings(doc):
        visible = safety.balance_bidi(safety.clean(s))
        for line in visible.split("\n"):
            for piece in re.split(r"\s{2,}", line.strip()):
                if len(piece) >= 5:
                    assert piece not in outside, piece
    # Every bidi control left is balanced, inside bdi.
    for t, stack in tree.texts:
        if re.search("[\u202a-\u202e\u2066-\u2069]", t):
            assert "bdi" in stack and safety.balance_bidi(t) == t


def test_html_escapes_hostile_markup(hostile):
    text = render_html(hostile)
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img src=x" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "javascript:" not in re.sub(r">[^<]*<", "><", text)  # never in markup, only as text
    assert "\x00" not in text and "\ud800" not in text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    assert not CONTROL.search(text)
    tree = parse(text)
    texts = "".join(t for t, _ in tree.texts)
    assert HOSTILE_TEXTS["script"] in texts
    assert "قبلNULBELESCDELNELC1 بعد" in texts


def test_html_contents(doc):
    text = render_html(doc)
    tree = parse(text)
    marks = [t for t, stack in tree.texts if "mark" in stack]
    assert "غبية" in marks and "لأوريك بكرة بعد المدرسة" in marks
    # Findings in time order, each printable on its own page.
    articles = [a for tag, a in tree.tags if tag == "article"]
    assert len(articles) == 11 and "break-before:page" in text
    assert text.index("انتي غبية") < text.index("والله لأوريك")
    # Child's replies are marked.
    assert any(tag == "li" and a.get("class") == "child" for tag, a in tree.tags)
    assert "ردّ الطفل" in text
    for s in doc.sources:
        assert s.sha256 in text
    assert "GRD-2025-03-10-7F3A" in text and "0.1.0" in text
    assert "116111" in text and "https://takeitdown.ncmec.org" in text and "2026-11-24" in text
    assert "IMG-20250309-WA0007.jpg" in text and "whatsapp-txt 1" in text
    assert "كلمت المدرسة يوم الأربعاء" in text
    assert "الخطوات الموصى بها" in text and "ملحق الأدلة" in text
    assert CHILD in text


def test_english_html_is_ltr(doc_en):
    tree = parse(render_html(doc_en))
    assert next(a for tag, a in tree.tags if tag == "html") == {"lang": "en", "dir": "ltr"}


def test_writers_are_atomic(doc, tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    write_json(doc, tmp_path / "r.json")
    write_csv(doc, tmp_path / "f.csv")
    write_html(doc, tmp_path / "r.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.csv", "r.html", "r.json"]
    good = (tmp_path / "r.html").read_bytes()
    import guardian.reports.html_report as h

    def boom(_doc):
        raise RuntimeError("disk full")
    monkeypatch.setattr(h, "render_html", boom)
    with pytest.raises(RuntimeError):
        h.write_html(doc, tmp_path / "r.html")
    assert (tmp_path / "r.html").read_bytes() == good
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())

