"""The bundled demo export looks like a real Android WhatsApp export made on a
phone set to Arabic (SPEC.md §1.2 row A10, §1.3-1.5), and the harmful lines
that assets/demo/README.md lists are where it says."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

DEMO_DIR = Path(__file__).resolve().parents[1] / "assets" / "demo"

ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
D = "[\u0660-\u0669]"
# d\u200f/M\u200f/yyyy\u060c h:mm ص|م - rest   (Android, CLDR `ar_*` with arab digits)
HEADER = re.compile(
    rf"^(?P<day>{D}{{1,2}})\u200f/(?P<month>{D}{{1,2}})\u200f/(?P<year>{D}{{4}})"
    rf"\u060c (?P<hour>{D}{{1,2}}):(?P<minute>{D}{{2}}) (?P<ampm>[صم]) - (?P<rest>.+)$"
)
# Anything that starts like a header but is not a full one is a formatting slip.
HEADER_START = re.compile(rf"^\s*[\u200e\u200f]?(?:{D}|\d)+\s*[\u200f/]")

MEDIA = "<تم استبعاد الوسائط>"
DELETED = "تم حذف هذه الرسالة"
ENCRYPTION = "الرسائل والمكالمات مشفرة تمامًا بين الطرفين"

# line -> (category, text the line must contain); keep in step with README.md
HARMFUL = {
    75: ("insult", "شكلك متل الضفدع"),
    127: ("exclusion", "ولا حدا يحكي مع ريم"),
    128: ("exclusion", "محدش يكلم ريم"),
    129: ("exclusion", "لا أحد يرد عليها"),
    130: ("exclusion", "اطلعي من القروب"),
    146: ("rumor", "انطردت من مدرستها القديمة"),
    155: ("threat", "يا ريم اذا تكلمتي"),
    167: ("impersonation", "أنا ريم، وأنا كذابة"),
    184: ("grooming", "كم عمرك؟"),
    187: ("grooming", "ضيفيني سناب"),
    204: ("self_harm", "تعبت من كل شي، ما ابي اروح المدرسة"),
    205: ("self_harm", "ودي اختفي"),
}
HARD_NEGATIVES = {
    44: "ابعتلي صورة الواجب",
    47: "رح اقتلك بالفيفا الليلة 😂",
    57: "الامتحان قتلني",
    67: "بذبحك اذا ما عزمتيني",
    95: "قطتي ماتت من الضحك",
    99: "جمعة مباركة",
    111: "انتي غبية بس احبك",
}


@pytest.fixture(scope="module")
def export() -> Path:
    files = sorted(DEMO_DIR.glob("*.txt"))
    assert len(files) == 1, f"expected exactly one demo export in {DEMO_DIR}, found {files}"
    return files[0]


@pytest.fixture(scope="module")
def raw(export: Path) -> bytes:
    return export.read_bytes()


@pytest.fixture(scope="module")
def lines(raw: bytes) -> list[str]:
    return raw.decode("utf-8").split("\n")[:-1]  # the file ends with "\n"


@pytest.fixture(scope="module")
def headers(lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    return [(n, m) for n, line in enumerate(lines, 1) if (m := HEADER.match(line))]


def _timestamp(m: re.Match[str]) -> datetime:
    f = {k: int(v.translate(ARABIC_DIGITS)) for k, v in m.groupdict().items()
         if k not in ("ampm", "rest")}
    assert 1 <= f["hour"] <= 12
    hour = f["hour"] % 12 + (12 if m["ampm"] == "م" else 0)
    return datetime(f["year"], f["month"], f["day"], hour, f["minute"])


def test_file_name_looks_like_an_arabic_android_export(export: Path) -> None:
    assert export.name.startswith("دردشة واتساب مع ")
    assert (DEMO_DIR / "README.md").is_file()


def test_utf8_without_bom_with_lf_endings(raw: bytes) -> None:
    raw.decode("utf-8")  # strict
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n")


def test_about_two_hundred_messages(headers: list[tuple[int, re.Match[str]]]) -> None:
    assert 190 <= len(headers) <= 210


def test_every_line_is_a_header_or_a_continuation(lines: list[str]) -> None:
    assert HEADER.match(lines[0]), "the first line must be a header"
    for n, line in enumerate(lines, 1):
        if not HEADER.match(line):
            assert line.strip(), f"line {n} is empty"
            assert not HEADER_START.match(line), f"line {n} looks like a broken header: {line!r}"


def test_multiline_messages_exist(lines: list[str], headers: list[tuple[int, re.Match[str]]]) -> None:
    assert len(lines) - len(headers) >= 2


def test_timestamps_never_go_back(headers: list[tuple[int, re.Match[str]]]) -> None:
    stamps = [_timestamp(m) for _, m in headers]
    assert all(a <= b for a, b in zip(stamps, stamps[1:]))
    span = stamps[-1] - stamps[0]
    assert 12 <= span.days <= 16
    late = [t for t in stamps if t.hour < 5 or t.hour >= 23]
    assert len(late) >= 5, "the demo needs a few late-night messages"


def test_arabic_locale_markers(raw: bytes, headers: list[tuple[int, re.Match[str]]]) -> None:
    text = raw.decode("utf-8")
    assert "\u200f" in text
    assert "\u060c" in text
    assert re.search("[\u0660-\u0669]", text)
    assert not re.search(r"[0-9]", "".join(m.group(0)[: m.start("rest")] for _, m in headers))
    ampm = {m["ampm"] for _, m in headers}
    assert ampm == {"ص", "م"}


def test_system_lines_and_placeholders(lines: list[str], headers: list[tuple[int, re.Match[str]]]) -> None:
    first = HEADER.match(lines[0])
    assert first and first["rest"].startswith(ENCRYPTION)
    bodies = [m["rest"] for _, m in headers]
    assert any(b.endswith(": " + MEDIA) for b in bodies)
    assert any(b.endswith(": " + DELETED) for b in bodies)
    system = [b for b in bodies if ": " not in b]
    assert any("بإنشاء المجموعة" in b for b in system)
    assert any("بإضافتك" in b for b in system)
    assert any("رابط الدعوة" in b for b in system)
    assert any(b.startswith("غادر ") for b in system)


def test_harmful_lines_are_where_the_readme_says(lines: list[str]) -> None:
    readme = (DEMO_DIR / "README.md").read_text(encoding="utf-8")
    for n, (category, snippet) in HARMFUL.items():
        assert HEADER.match(lines[n - 1]), f"line {n} is not a message header"
        assert snippet in lines[n - 1], f"line {n} should contain {snippet!r}"
        assert re.search(rf"^\| {n}(?:–\d+)? \|[^\n]*\| {category} \|", readme, re.M), \
            f"README.md does not list line {n} as {category}"
    for n, snippet in HARD_NEGATIVES.items():
        assert snippet in lines[n - 1], f"line {n} should contain {snippet!r}"
    assert {c for c, _ in HARMFUL.values()} >= {
        "insult", "exclusion", "rumor", "threat", "impersonation", "grooming", "self_harm"}


def test_the_child_and_the_stranger_are_present(headers: list[tuple[int, re.Match[str]]]) -> None:
    authors = {m["rest"].split(": ", 1)[0] for _, m in headers if ": " in m["rest"]}
    assert "ريم" in authors
    assert any(a.strip("\u202a\u202c").startswith("+966 5") for a in authors)
