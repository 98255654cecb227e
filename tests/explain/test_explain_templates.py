"""assets/explain/templates.json: both languages complete and matching,
every template fills with any name and number, Arabic counted nouns agree."""

from __future__ import annotations

import copy
import json
import string
from typing import Any

import pytest
from explain_helpers import (
    ARABIC_DIGIT,
    ARABIC_LETTER,
    ASCII_DIGIT,
    ASSETS,
    FSI,
    NAMES_AR,
    NAMES_EN,
    PDI,
    strip_isolated,
)

from guardian.explain.templates import (
    TemplateError,
    Templates,
    isolate,
    parse_templates,
    plural_category,
)

RAW = json.loads((ASSETS / "explain" / "templates.json").read_text(encoding="utf-8"))
NUMBERS = (1, 2, 3, 11, 100)
# Keys that are separators or pure formats, not sentences.
_NOT_PROSE = ("format.", "list.", "join.")


def _slot_values(t: Templates, key: str, lang: str, name: str, n: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for slot, noun in t.slots(key, lang).items():
        if noun:
            values[slot] = n
        elif slot in ("sender", "title"):
            values[slot] = t.name(name, lang)
        elif slot in ("name",):
            values[slot] = isolate(name)
        elif slot in ("day", "year", "hour"):
            values[slot] = n
        else:
            values[slot] = f"<{slot}>"
    return values


def test_both_languages_have_the_same_keys() -> None:
    """Fails when a template exists in one language and not the other."""
    ar, en = RAW["languages"]["ar"], RAW["languages"]["en"]
    assert set(ar["text"]) - set(en["text"]) == set(), "only in Arabic"
    assert set(en["text"]) - set(ar["text"]) == set(), "only in English"
    assert set(ar["nouns"]) == set(en["nouns"])


def test_both_languages_use_the_same_slots() -> None:
    ar, en = RAW["languages"]["ar"]["text"], RAW["languages"]["en"]["text"]
    def slots(s: str) -> set[tuple[str, str]]:
        return {(f, spec) for _, f, spec, _ in string.Formatter().parse(s) if f is not None}
    for key in ar:
        assert slots(ar[key]) == slots(en[key]), key


@pytest.mark.parametrize("change", ["drop_en_key", "extra_ar_key", "slot_mismatch", "unknown_noun",
                                    "noun_missing_other", "bad_format"])
def test_loader_refuses_inconsistent_files(change: str) -> None:
    data = copy.deepcopy(RAW)
    ar, en = data["languages"]["ar"], data["languages"]["en"]
    if change == "drop_en_key":
        del en["text"]["what.direct"]
    elif change == "extra_ar_key":
        ar["text"]["new.key"] = "نص"
    elif change == "slot_mismatch":
        en["text"]["what.direct"] = "On {date}, {sender} sent a message."
    elif change == "unknown_noun":
        ar["text"]["reason.pile_on"] = en["text"]["reason.pile_on"] = "{senders:cats}"
    elif change == "noun_missing_other":
        del ar["nouns"]["days_gen"]["other"]
    elif change == "bad_format":
        data["format"] = 99
    with pytest.raises(TemplateError):
        parse_templates(data)


def test_shipped_file_loads(templates: Templates) -> None:
    assert templates.keys("ar") == templates.keys("en")
    assert len(templates.keys("ar")) > 80


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_template_fills_with_names_of_both_genders_and_any_number(templates: Templates,
                                                                         lang: str) -> None:
    names = NAMES_AR + NAMES_EN
    for key in sorted(templates.keys(lang)):
        for name in names:
            for n in NUMBERS:
                out = templates.text(key, lang, **_slot_values(templates, key, lang, name, n))
                assert "{" not in out and "}" not in out, (key, out)
                if key.startswith(_NOT_PROSE):
                    continue
                assert out.strip(), key
                if templates.slots(key, lang) and any(templates.slots(key, lang).values()):
                    digits = ARABIC_DIGIT if lang == "ar" else ASCII_DIGIT
                    if n > 2 or lang == "en" and n > 1:
                        assert digits.search(out), (key, n, out)
                    if lang == "ar":
                        assert not ASCII_DIGIT.search(strip_isolated(out)), (key, out)


def test_arabic_templates_are_arabic_and_english_templates_are_not(templates: Templates) -> None:
    for key in templates.keys("ar"):
        if key.startswith(_NOT_PROSE) or key == "summary.period.day":
            continue
        assert ARABIC_LETTER.search(templates.raw(key, "ar")), key
        assert not ARABIC_LETTER.search(templates.raw(key, "en")), key
    for noun, forms in templates.nouns("en").items():
        assert not any(ARABIC_LETTER.search(f) for f in forms.values()), noun


@pytest.mark.parametrize(("n", "category"), [(0, "zero"), (1, "one"), (2, "two"), (3, "few"), (10, "few"),
                                             (11, "many"), (99, "many"), (100, "other"), (102, "other"),
                                             (103, "few"), (111, "many"), (1000, "other")])
def test_arabic_plural_categories(n: int, category: str) -> None:
    assert plural_category(n, "ar") == category


@pytest.mark.parametrize(("noun", "n", "expected"), [
    ("times_acc", 1, "مرة واحدة"), ("times_acc", 2, "مرتين"), ("times_nom", 2, "مرتان"),
    ("times_acc", 3, "٣ مرات"), ("times_acc", 11, "١١ مرة"), ("times_acc", 100, "١٠٠ مرة"),
    ("days_gen", 1, "يوم واحد"), ("days_gen", 2, "يومين"), ("days_gen", 3, "٣ أيام"),
    ("days_gen", 11, "١١ يومًا"), ("days_gen", 100, "١٠٠ يوم"), ("days_gen", 103, "١٠٣ أيام"),
    ("people_nom", 4, "٤ أشخاص"), ("people_nom", 14, "١٤ شخصًا"), ("messages_nom", 2, "رسالتان"),
])
def test_arabic_counted_nouns(templates: Templates, noun: str, n: int, expected: str) -> None:
    assert templates.counted(n, noun, "ar") == expected


@pytest.mark.parametrize(("noun", "n", "expected"), [
    ("times_acc", 1, "once"), ("times_acc", 2, "twice"), ("times_acc", 14, "14 times"),
    ("days_gen", 1, "one day"), ("days_gen", 3, "3 days"), ("people_nom", 100, "100 people"),
])
def test_english_counted_nouns(templates: Templates, noun: str, n: int, expected: str) -> None:
    assert templates.counted(n, noun, "en") == expected


def test_dates_and_times(templates: Templates) -> None:
    from datetime import datetime
    moment = datetime(2025, 10, 14, 23, 42)
    assert templates.date(moment, "ar") == "١٤ أكتوبر ٢٠٢٥"
    assert templates.time(moment, "ar") == "١١:٤٢ مساءً"
    assert templates.date(moment, "en") == "14 October 2025"
    assert templates.time(moment, "en") == "11:42 pm"
    assert templates.clock(0, 5, "ar") == "١٢:٠٥ بعد منتصف الليل"
    assert templates.clock(0, 5, "en") == "12:05 am"
    assert templates.clock(12, 30, "ar") == "١٢:٣٠ ظهرًا"
    assert templates.clock(9, 0, "ar") == "٩:٠٠ صباحًا"


def test_lists(templates: Templates) -> None:
    assert templates.join(["أ"], "ar") == "أ"
    assert templates.join(["أ", "ب"], "ar") == "أ، وب"
    assert templates.join(["أ", "ب", "ج"], "ar") == "أ، وب، وج"
    assert templates.join(["a", "b", "c"], "en") == "a, b and c"


def test_isolate_removes_bidi_controls_and_wraps_the_name() -> None:
    assert isolate("سارة") == f"{FSI}سارة{PDI}"
    hostile = "\u202eevil\u2069 \u202d\u2066x\u200f\nname"
    out = isolate(hostile)
    assert out.startswith(FSI) and out.endswith(PDI)
    inner = out[1:-1]
    assert not any(c in inner for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
    assert "\n" not in inner and inner == "evil x name"
    long = isolate("ا" * 500)
    assert len(long) <= 62 and long.endswith("…" + PDI)


def test_unknown_language_is_refused(templates: Templates) -> None:
    with pytest.raises(ValueError):
        templates.text("what.direct", "fr")
