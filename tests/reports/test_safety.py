"""Hostile chat text: controls, bidi tricks, formulas; and redaction."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from report_helpers import CHILD, make_document

from guardian.reports import safety
from guardian.reports.document import Finding, Span, replace, to_json
from guardian.reports.html_report import render_html

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
OPENERS = "\u202a\u202b\u202d\u202e\u2066\u2067\u2068"


def balanced(text: str) -> bool:
    for line in text.split("\n"):
        stack = []
        for ch in line:
            if ch in OPENERS:
                stack.append(ch)
            elif ch == "\u202c":
                if not stack or stack[-1] in "\u2066\u2067\u2068":
                    return False
                stack.pop()
            elif ch == "\u2069":
                if not stack or stack[-1] not in "\u2066\u2067\u2068":
                    return False
                stack.pop()
        if stack:
            return False
    return True


chat_text = st.text(alphabet=st.one_of(
    st.characters(), st.sampled_from(list(OPENERS + "\u202c\u2069\u200e\u200f\u061c\n\r=+-@\t")),
    st.sampled_from(list("سارة كلب غبي "))), max_size=60)


@given(chat_text)
@settings(max_examples=300, deadline=None)
def test_clean_and_balance_properties(text):
    cleaned = safety.clean(text)
    assert not FORBIDDEN.search(cleaned)
    assert "\r" not in cleaned
    b = safety.balance_bidi(cleaned)
    assert balanced(b)
    assert safety.balance_bidi(b) == b
    assert not any(ch in safety.BIDI_CONTROLS for ch in safety.pdf_text(text))
    cell = safety.csv_cell(text)
    visible = cell.lstrip(" \t\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                          "\u2060\u2066\u2067\u2068\u2069\u061c\ufeff\n")
    assert not visible or visible[0] not in "=+-@\t\r\uff1d\uff0b\uff0d\uff20" or cell.startswith("'")


def test_balance_examples():
    assert safety.balance_bidi("a\u202eb") == "ab"
    assert safety.balance_bidi("a\u202eb\u202cc") == "a\u202eb\u202cc"
    assert safety.balance_bidi("\u2067x\u202ay\u2069") == "\u2067xy\u2069"
    assert safety.balance_bidi("\u202cx\u2069") == "x"
    assert safety.balance_bidi("\u202ex\ny\u202c") == "x\ny"


def test_csv_cells():
    for bad in ("=HYPERLINK(\"http://x\")", "+cmd", "-2+3", "@SUM(1)", "\t=1", "\r=1", "\u202e=1", " =1", "＝1"):
        assert safety.csv_cell(bad).startswith("'"), bad
    assert safety.csv_cell("سلام = 1") == "سلام = 1"
    assert safety.csv_cell("a\x00b\x85c") == "abc"


def test_html_text_escapes():
    assert safety.html_chat('<img src=x onerror="a">') == \
        "<bdi>&lt;img src=x onerror=&quot;a&quot;&gt;</bdi>"
    assert safety.safe_url("javascript:alert(1)") is None
    assert safety.safe_url("https://takeitdown.ncmec.org") == "https://takeitdown.ncmec.org"


def test_json_escape_unsafe_is_lossless():
    value = {"t": "a\u202eb\x85c\ud800d\u2028"}
    text = safety.json_escape_unsafe(json.dumps(value, ensure_ascii=False))
    assert not re.search("[\u202e\x85\ud800\u2028]", text)
    assert json.loads(text) == value


def test_mask_phone():
    assert safety.mask_phone("+966 55 123 4567") == "+966 5• ••• ••67"
    assert safety.mask_phone("0551234567") == "0•••••••67"
    assert "4567" not in safety.mask_phone("٠٥٥١٢٣٤٥٦٧")


def _with_extra_finding(doc):
    text = "يا نوف انتي غبية، كلمي ريم العتيبي على 0551234567 او reem.otb@gmail.com"
    start = text.index("غبية")
    name_start = text.index("ريم العتيبي")
    extra = replace(doc.findings[0], id="x1", text=text,
                    spans=(Span(start, start + 4, "insult"), Span(name_start, name_start + 11, "insult")))
    return replace(doc, findings=doc.findings + (extra,))


def test_redact_replaces_names_everywhere():
    doc = _with_extra_finding(make_document())
    red, mapping = safety.redact_with_mapping(doc)
    assert set(mapping) == {"ريم العتيبي", "نوف", "+966 55 123 4567", "هند", "ماجد", "Kh4lid_99"}
    assert mapping["ريم العتيبي"] == "مشارك ١"
    assert red.child == CHILD
    dumped = json.dumps(to_json(red), ensure_ascii=False)
    html = render_html(red)
    for out in (dumped, html):
        for name in ("ريم", "العتيبي", "نوف", "ماجد", "هند"):
            # As a word ("ريم" inside "جريمة" is not a name).
            assert not re.search(f"(?<!\\w)[وفبلك]?{name}(?!\\w)", out), name
        for name in ("Kh4lid", "4567", "0551234567", "reem.otb", "gmail"):
            assert name not in out, name
        assert CHILD in out
        assert "مشارك ١" in out
        assert "•••@•••" in out
        assert "+966 5• ••• ••67" in out
    assert red.report.redacted is True
    # The mapping itself is never written.
    assert "mapping" not in dumped


def test_redact_spans_follow_the_words():
    doc = _with_extra_finding(make_document())
    red = safety.redact(doc)
    for before, after in zip(doc.findings, red.findings):
        assert len(before.spans) == len(after.spans)
        for s0, s1 in zip(before.spans, after.spans):
            old = before.text[s0.start:s0.end]
            new = after.text[s1.start:s1.end]
            if old == "ريم العتيبي":
                assert new == "مشارك ١"
            else:
                assert new == old, (before.id, old, new)
    x = red.findings[-1]
    assert x.text.startswith("يا مشارك ٢ انتي غبية")


def test_redact_english_pseudonyms_and_word_boundaries():
    doc = make_document("en")
    f = replace(doc.findings[0], text="عليك يا ماجد، وماجد قال", spans=())
    doc = replace(doc, findings=(f,) + doc.findings[1:])
    red, mapping = safety.redact_with_mapping(doc)
    assert mapping["ماجد"].startswith("Participant ")
    assert red.findings[0].text == f"عليك يا {mapping['ماجد']}، و{mapping['ماجد']} قال"


@given(st.text(alphabet="ab ماجد", max_size=30), st.text(alphabet="xy ", max_size=10))
@settings(max_examples=200, deadline=None)
def test_spans_move_with_rewrites(prefix, word):
    text = prefix + " ماجد " + "WORD" + word
    start = text.index("WORD")
    doc = make_document()
    f = replace(doc.findings[0], text=text, spans=(Span(start, start + 4, "insult"),))
    red = safety.redact(replace(doc, findings=(f,)))
    s = red.findings[0].spans[0]
    assert red.findings[0].text[s.start:s.end] == "WORD"


def test_segments_and_clean_with_spans():
    text = "ab\x00cd\r\nef"
    new, spans = safety.clean_with_spans(text, [Span(3, 5, "x")])
    assert new == "abcd\nef"
    assert new[spans[0].start:spans[0].end] == "cd"
    assert safety.segments("abcdef", [Span(1, 3, "x"), Span(2, 4, "y")]) == [("a", False), ("bcd", True), ("ef", False)]
    assert safety.segments("", []) == [("", False)]


def test_finding_type_is_plain_data():
    assert Finding.__dataclass_params__.frozen  # type: ignore[attr-defined]
