"""The PDF: shaped right-to-left Arabic that extracts back, embedded fonts,
page numbers and report id on every page, and hostile input survives."""

from __future__ import annotations

import re

import numpy as np
import pypdfium2 as pdfium
import pytest

from guardian.reports.pdf_report import (
    MARGIN_X,
    PAGE_W,
    _pdf_clean,
    bidi_runs,
    explained,
    render_pdf,
    renderable,
    write_pdf,
)

ARABIC = re.compile("[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def arabic_pdf(tmp_path_factory):
    from report_helpers import make_document
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    write_pdf(make_document("ar"), path)
    return path


def _pages(path):
    pdf = pdfium.PdfDocument(str(path))
    return pdf, [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def _norm(text: str) -> str:
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def test_arabic_extracts_back(arabic_pdf, doc):
    _, texts = _pages(arabic_pdf)
    everything = _norm(" ".join(texts))
    for f in doc.findings:
        if f.text and not re.search("[A-Za-z]", f.text):
            assert _norm(_pdf_clean(f.text)) in everything, f.text
        for m in f.context:
            assert _norm(m.text) in everything or not ARABIC.search(m.text)
    # Mixed Latin/Arabic/emoji: the Arabic part still extracts.
    assert "روحي العبي مع البنات يا فاشلة" in everything
    assert "كلمت المدرسة يوم الأربعاء" in everything
    for s in doc.sources:
        assert s.sha256 in everything.replace(" ", "")


def test_header_footer_on_every_page(arabic_pdf):
    _, texts = _pages(arabic_pdf)
    total = len(texts)
    assert total > 10
    for n, text in enumerate(texts, 1):
        assert f"صفحة {n} من {total}" in text
        assert "GRD-2025-03-10-7F3A" in text


def test_fonts_are_embedded(arabic_pdf):
    data = arabic_pdf.read_bytes()
    assert data.count(b"/FontFile2") == 2
    assert b"/ToUnicode" in data
    for base_font in re.findall(rb"/BaseFont\s*/([A-Za-z0-9+\-]+)", data):
        assert b"Amiri" in base_font, base_font  # no non-embedded standard fonts


def _line_box(page, textpage, needle):
    """Pixel box (left, top, right, bottom) at 72 dpi of the first match."""
    searcher = textpage.search(needle)
    found = searcher.get_next()
    assert found, needle
    index, count = found
    boxes = [textpage.get_charbox(i) for i in range(index, index + count)]
    return (min(b[0] for b in boxes), max(b[3] for b in boxes), max(b[2] for b in boxes), min(b[1] for b in boxes))


def _ink(image, top_px, bottom_px):
    """Leftmost and rightmost dark pixel between two rows."""
    gray = np.asarray(image.convert("L"))[top_px:bottom_px]
    xs = np.nonzero((gray < 110).any(axis=0))[0]
    return int(xs.min()), int(xs.max())


def test_arabic_paragraphs_align_right_and_tables_flow_rtl(arabic_pdf, tmp_path):
    pdf, texts = _pages(arabic_pdf)
    index = next(i for i, t in enumerate(texts) if "ما قيل" in t)
    page = pdf[index]
    scale = 2
    image = page.render(scale=scale).to_pil()
    image.save(tmp_path / "findings.png")
    height_pt = page.get_height()
    mm = 72 / 25.4
    for needle in ("ما قيل", "لماذا يهم", "خلاص اتركوني"):
        left, top, right, bottom = _line_box(page, page.get_textpage(), needle)
        y0, y1 = int((height_pt - top) * scale), int((height_pt - bottom) * scale) + 1
        ink_left, ink_right = _ink(image, y0, y1)
        right_margin_px = (PAGE_W - MARGIN_X) * mm * scale
        assert abs(ink_right - right_margin_px) < 4 * mm * scale, needle   # flush right
        assert ink_left > image.width / 2, needle                           # nowhere near the left
    # The sources table: first column (file) on the right, hash on the left.
    cover = pdf[0]
    tp = cover.get_textpage()
    file_box = _line_box(cover, tp, "الملف")
    hash_box = _line_box(cover, tp, "البصمة")
    assert file_box[0] > hash_box[2]


def test_evidence_is_highlighted(arabic_pdf):
    pdf, texts = _pages(arabic_pdf)
    index = next(i for i, t in enumerate(texts) if "انتي غبية" in t)
    pixels = np.asarray(pdf[index].render(scale=1).to_pil().convert("RGB")).astype(int)
    r, g, b = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    assert ((r > 240) & (g > 200) & (g < 235) & (b < 130)).sum() > 100


def test_english_is_left_to_right(doc_en, tmp_path):
    path = tmp_path / "en.pdf"
    write_pdf(doc_en, path)
    pdf, texts = _pages(path)
    assert all(f"Page {n} of {len(texts)}" in t for n, t in enumerate(texts, 1))
    index = next(i for i, t in enumerate(texts) if "What we found" in t)
    page = pdf[index]
    image = page.render(scale=2).to_pil()
    left, top, right, bottom = _line_box(page, page.get_textpage(), "What we found")
    h = page.get_height()
    ink_left, ink_right = _ink(image, int((h - top) * 2), int((h - bottom) * 2) + 1)
    assert abs(ink_left - MARGIN_X * 72 / 25.4 * 2) < 4 * 72 / 25.4 * 2
    assert ink_right < image.width / 2


def test_hostile_document_renders(hostile, tmp_path):
    path = tmp_path / "hostile.pdf"
    write_pdf(hostile, path)
    pdf, texts = _pages(path)
    everything = " ".join(texts)
    assert "\x00" not in everything and "\x07" not in everything
    assert "يا حلوة" in everything            # Arabic around the emoji
    assert "¤" in everything                  # emoji shown as a placeholder
    assert "<script>alert(1)</script>" in everything  # markup is just text
    assert "بعد" in everything and "قبلNULBEL" in everything.replace("\r\n", "")
    long_pages = [i for i, t in enumerate(texts) if "هذه رسالة طويلة جدا" in t]
    assert len(long_pages) >= 2               # a 5,000-character message wraps across pages
    assert any("xxxxxxxx" in t for t in texts)  # and so does one without spaces
    assert "(رسالة فارغة)" in everything or "رسالة فارغة" in everything
    for n, text in enumerate(texts, 1):
        assert f"صفحة {n} من {len(texts)}" in text
    image = pdf[1].render(scale=1).to_pil()
    assert image.width > 0


def test_bidi_runs():
    assert bidi_runs("abc", False) == [(0, 3, 0)]
    assert bidi_runs("سلام", True) == [(0, 4, 1)]
    runs = bidi_runs("قال hello 123 اليوم", True)
    assert [r[2] for r in runs] == [1, 2, 1]
    assert runs[0][0] > runs[-1][0]  # visual order: the first Arabic word is rightmost (last)


def test_explanations_keep_the_isolates_around_names():
    from guardian.explain.templates import isolate
    sentence = "Repeated hurtful messages from “" + isolate("لين\u202e") + "”: 3 times."
    text = explained(sentence)
    assert "\u202e" not in text       # the name is still cleaned
    runs = bidi_runs(text, False)
    # the Arabic name is a run of its own; the count stays in the English run
    assert [text[a:b].strip("\u2068\u2069") for a, b, level in runs if level] == ["لين"]
    three = text.index("3")
    assert any(a <= three < b and level == 0 for a, b, level in runs)


def test_renderable_placeholders():
    assert renderable("😂😂👍🏽❤️‍🔥 🇸🇦 👨‍👩‍👧 يا حلوة") == "¤¤¤¤ ¤ ¤ يا حلوة"
    assert renderable("a\tb") == "a    b"
    assert renderable("中文") == "¤¤"


def test_empty_and_tiny_documents(doc, tmp_path):
    from guardian.reports.document import replace
    empty = replace(doc, findings=(), conversations=(), help=(), sources=())
    data = render_pdf(empty)
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    assert "شيء" in " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def _find(textpage, needle):
    """The box (left, bottom, right, top) of `needle`'s last character, or None."""
    hit = textpage.search(needle).get_next()
    return None if hit is None else textpage.get_charbox(hit[0] + hit[1] - 1)


def test_findings_continue_on_a_page_the_summary_barely_used(doc_en):
    from guardian.reports.document import replace
    seen = set()
    for extra in range(0, 72, 4):
        c3 = doc_en.conversations[-1]
        patterns = c3.summary.patterns + tuple(f"Extra pattern {k:02d} of {extra:02d}" for k in range(extra))
        c3 = replace(c3, summary=replace(c3.summary, patterns=patterns))
        pdf = pdfium.PdfDocument(render_pdf(replace(doc_en, conversations=doc_en.conversations[:-1] + (c3,))))
        pages = [pdf[i].get_textpage() for i in range(len(pdf))]
        tail = patterns[-1]
        summary_page, tail_box = next((i, box) for i, tp in enumerate(pages) if (box := _find(tp, tail)))
        findings_page = next(i for i in range(summary_page, len(pages))
                             if re.search(r"(?:^|\n)Findings", pages[i].get_text_range()))
        # How far down the page the summary's last line ends (0 top, 1 bottom);
        # near a third of the writing area it depends on line gaps, so skip.
        depth = 1 - tail_box[1] / pdf[summary_page].get_height()
        if 0.32 < depth < 0.44:
            continue
        tail_in_top_third = depth < 0.38
        seen.add(tail_in_top_third)
        assert findings_page == summary_page + (0 if tail_in_top_third else 1), extra
    assert seen == {True, False}
