"""Structural cues: combinations of words, across dialects and Arabizi."""

from __future__ import annotations

import pytest

from guardian.analysis.cues import CUE_NAMES, find_cues
from guardian.analysis.normalize import normalize_text


def cues(text: str) -> set[str]:
    return {hit.name for hit in find_cues(normalize_text(text))}


@pytest.mark.parametrize("text, expected", [
    ("ابعتيلي صورة بدون لبس", "image_body_request"),
    ("دزيلي صورتك وانتي بالشاور", "image_body_request"),
    ("send me a pic in the shower", "image_body_request"),
    ("حقتلك بكرة بعد المدرسة", "harm_with_specifics"),
    ("هكسرلك راسك", "harm_to_you"),
    ("بكرة بعد المدرسة بنشوف مين يحميك\nووالله بنكسر راسك", "harm_with_specifics"),
    ("هنضربك بعد المدرسة", "harm_with_specifics"),
    ("حنكسرلك راسك", "harm_to_you"),
    ("والله لاسمم قطتك", "harm_to_pet"),
    ("بذبح اهلك كلهم", "harm_to_family"),
    ("ya 7mar a2tlak", "harm_to_you"),
    ("هنشر صورك لو ما بعتي", "conditional_publish"),
    ("حولي ٥٠٠ ريال والا انشر صورك", "money_leverage"),
    ("ما تقولي لاحد، كم عمرك؟", "grooming_combo"),
    ("محد يكلمها بكرة", "exclusion_call"),
    ("ودي اختفي من هالدنيا", "self_harm_words"),
    ("يا حيوان يا متخلف", "insult_words"),
    ("يا حيوان يا متخلف", "insult_addressed"),
    ("ya 7mar", "insult_addressed"),
    ("انتي غبية", "insult_addressed"),
    ("يا ام الزفت", "insult_addressed"),
    ("راح تندم والله", "threat_phrase"),
    ("ghadi tchouf", "threat_phrase"),
    ("في حساب وهمي باسمك", "fake_account_words"),
    ("الكل يقول انها مفبركة", "rumor_words"),
    ("ابعتي صورة سكسي", "sexual_talk"),
])
def test_cue_found(text: str, expected: str) -> None:
    assert expected in cues(text)


@pytest.mark.parametrize("text", [
    "ابعتلي صورة الواجب",
    "رح اقتلك بالفيفا الليلة",
    "الامتحان قتلني",
    "قطتي نايمة",
    "مرحبا كيف حالك",
    "نسيت كلمة السر حق الواي فاي",
    "الكلب تبعنا نايم",
    "بسم الله الرحمن الرحيم",
    "حسبي الله ونعم الوكيل",
    "جدتي تسلم عليك وتقول تعال بكرة",
])
def test_ordinary_chat_has_no_strong_cue(text: str) -> None:
    strong = {"image_body_request", "harm_to_family", "harm_to_pet", "conditional_publish",
              "money_leverage", "grooming_combo", "self_harm_words", "exclusion_call", "insult_words",
              "threat_phrase", "fake_account_words", "rumor_words", "sexual_talk"}
    assert not cues(text) & strong


@pytest.mark.parametrize("text", ["انا غبية نسيت الشنطة", "حمار جدي مريض", "صورت كلب الجيران",
                                  "I'm not into stupid games"])
def test_an_insult_word_not_aimed_at_the_reader_is_not_addressed(text: str) -> None:
    assert "insult_addressed" not in cues(text)


def test_the_address_is_read_from_whole_words_before_the_insult() -> None:
    assert "insult_addressed" in cues("ههه " * 40 + "يا غبي")
    # a long word ending in the letters of يا is not the vocative
    assert "insult_addressed" not in cues("ب" * 90 + "يا غبي")


def test_spans_point_at_the_words() -> None:
    text = normalize_text("ابعتيلي صورة بدون لبس")
    [hit] = [h for h in find_cues(text) if h.name == "image_body_request"]
    words = {text[s:e] for s, e in hit.spans}
    assert {"ابعتيلي", "صوره"} <= words


def test_every_cue_has_a_name() -> None:
    assert len(set(CUE_NAMES)) == len(CUE_NAMES) >= 15


def test_we_forms_of_a_harm_verb_need_the_verb_itself() -> None:
    # بنكسر راسك is a threat; "we'll rock (break) the party tomorrow" is not.
    assert "harm_with_specifics" in cues("بنكسر راسك بكرة")
    assert not cues("بنكسر الدنيا بالحفلة بكرة") & {"harm_verb", "harm_to_you", "harm_with_specifics"}
