"""The parent guidance shipped in assets/guidance: complete, sourced, dated,
ordered as the research notes ask, and refused with a clear error when broken."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from guardian.domain import CATEGORY_IDS, Category, Severity
from guardian.guidance import (
    SEVERITIES_WITH_STEPS,
    SOURCE_KINDS,
    Guidance,
    GuidanceError,
    load_guidance,
)

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
GUIDANCE_DIR = ASSETS / "guidance"
SHARED_GUIDANCE = ROOT.parent / "shared" / "guidance"
ARABIC = re.compile("[\u0621-\u064a]")
PLATFORMS = ("whatsapp", "instagram", "messenger", "snapchat", "tiktok", "telegram", "discord",
             "roblox", "fortnite", "playstation", "xbox", "youtube", "iphone", "android",
             "windows", "macos")


@pytest.fixture(scope="module")
def guidance() -> Guidance:
    return load_guidance(ASSETS)


def _raw(name: str) -> Any:
    return json.loads((GUIDANCE_DIR / name).read_text(encoding="utf-8"))


def _all_step_dicts() -> list[dict[str, Any]]:
    steps = _raw("steps.json")
    out = list(steps["universal"]) + list(steps["evidence"]["steps"])
    for cat in steps["categories"].values():
        out += cat["steps"] + [cat["why"]]
    plats = _raw("platforms.json")
    out += plats["evidence_before_blocking"]
    for p in plats["platforms"].values():
        out += p["warnings"] + [s for steps in p["actions"].values() for s in steps]
    return out


# ------------------------------------------------------------- completeness

@pytest.mark.parametrize("category", CATEGORY_IDS)
@pytest.mark.parametrize("severity", SEVERITIES_WITH_STEPS)
def test_every_category_has_at_least_three_steps_in_both_languages(
        guidance: Guidance, category: str, severity: str) -> None:
    ar = guidance.steps_for(category, severity, "ar")
    en = guidance.steps_for(category, severity, "en")
    assert len(ar) >= 3
    assert [s.id for s in ar] == [s.id for s in en]
    for a, e in zip(ar, en):
        assert ARABIC.search(a.text), f"{category}/{a.id}: Arabic text has no Arabic"
        assert not ARABIC.search(e.text), f"{category}/{e.id}: English text has Arabic"
        assert a.sources and a.sources == e.sources


@pytest.mark.parametrize("category", CATEGORY_IDS)
def test_every_category_has_a_why_and_a_title(guidance: Guidance, category: str) -> None:
    for lang in ("ar", "en"):
        assert len(guidance.why(category, lang)) > 60
        assert guidance.title(category, lang)
    assert ARABIC.search(guidance.why(category, "ar"))
    assert guidance.categories[category].why_sources


def test_no_steps_at_severity_none(guidance: Guidance) -> None:
    assert guidance.steps_for("threat", "none", "ar") == ()
    assert guidance.steps_for(Category.THREAT, Severity.NONE, "en") == ()


def test_enum_and_string_arguments_agree(guidance: Guidance) -> None:
    assert guidance.steps_for(Category.GROOMING, Severity.HIGH, "ar") == \
        guidance.steps_for("grooming", "high", "ar")


def test_stronger_findings_never_show_fewer_category_steps(guidance: Guidance) -> None:
    for category in CATEGORY_IDS:
        counts = [len(guidance.steps_for(category, s, "en")) for s in ("low", "high")]
        assert counts[0] <= counts[1], category


def test_urgent_steps_only_at_high_severity(guidance: Guidance) -> None:
    low = {s.id for s in guidance.steps_for("threat", "low", "en")}
    critical = {s.id for s in guidance.steps_for("threat", "critical", "en")}
    assert "emergency-first" in critical and "emergency-first" not in low
    assert "emergency-now" in {s.id for s in guidance.steps_for("self_harm", "critical", "en")}


def test_universal_rules_and_evidence_standards(guidance: Guidance) -> None:
    universal = guidance.universal_steps("ar")
    assert len(universal) == 10
    assert {"save-evidence-first", "never-keep-sexual-images", "keep-the-device"} <= {s.id for s in universal}
    with_universal = guidance.steps_for("insult", "low", "en", include_universal=True)
    assert len(with_universal) == len(guidance.steps_for("insult", "low", "en")) + 10
    assert len(guidance.evidence_steps("ar")) >= 7


def test_unknown_category_language_or_severity_is_an_error(guidance: Guidance) -> None:
    with pytest.raises(KeyError, match="unknown category"):
        guidance.steps_for("spam", "low", "en")
    with pytest.raises(ValueError, match="unknown language"):
        guidance.why("insult", "fr")
    with pytest.raises(ValueError, match="unknown severity"):
        guidance.steps_for("insult", "urgent", "en")


# ---------------------------------------------------------------- sourcing

def test_every_step_source_exists_in_sources_json() -> None:
    known = set(_raw("sources.json")["sources"])
    for step in _all_step_dicts():
        for key in step["sources"]:
            assert key in known, f"{step.get('id', 'why')}: unknown source {key!r}"


def test_every_guidance_step_has_a_source() -> None:
    steps = _raw("steps.json")
    for step in steps["universal"] + steps["evidence"]["steps"] + [
            s for c in steps["categories"].values() for s in c["steps"]]:
        assert step["sources"], step["id"]


def test_every_source_is_cited_and_dated() -> None:
    sources = _raw("sources.json")["sources"]
    cited = {k for step in _all_step_dicts() for k in step["sources"]}
    assert set(sources) == cited, f"uncited sources: {sorted(set(sources) - cited)}"
    for key, src in sources.items():
        assert src["kind"] in SOURCE_KINDS, key
        assert src["url"].startswith(("http://", "https://")), key
        assert src["title"], key
        date.fromisoformat(src["checked"])
        if key.endswith("*"):  # PLATFORMS.md: a trailing * marks a third-party source
            assert src["kind"] != "official", key


def test_every_helpline_has_a_source_and_a_checked_date(guidance: Guidance) -> None:
    rows = _raw("helplines.json")["helplines"]
    assert len(rows) == len(guidance.helplines) >= 50
    for row in rows:
        assert row["source"]["url"].startswith(("http://", "https://"))
        assert row["source"]["title"]
        date.fromisoformat(row["checked"])
        weak = row["source"]["title"].startswith(("NEWS", "SECONDARY"))
        assert (row["weight"] < 1.0) == weak, row["service_en"]


def test_helplines_match_the_research_table() -> None:
    tsv = SHARED_GUIDANCE / "helplines.tsv"
    if not tsv.exists():
        pytest.skip("shared research notes are not available here")
    with tsv.open(encoding="utf-8", newline="") as fh:
        research = list(csv.DictReader(fh, delimiter="\t"))
    shipped = _raw("helplines.json")["helplines"]
    assert len(research) == len(shipped)
    for src, row in zip(research, shipped):
        assert (row["country"], row["service_en"], row["service_ar"], row["phone"], row["url_or_app"],
                row["hours_note"], row["source"]["url"], row["source"]["title"], row["checked"]) == (
            src["country_iso2"], src["service_en"], src["service_ar"], src["phone"], src["url_or_app"],
            src["hours_note"], src["source_url"], src["source_title"], src["checked"])


# --------------------------------------------------------------- platforms

@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_platform_has_block_and_report_steps(guidance: Guidance, platform: str) -> None:
    p = guidance.platform_steps(platform)
    for action in ("block", "report"):
        steps = p.steps(action)
        assert steps, f"{platform}: no {action} steps"
        for s in steps:
            assert ARABIC.search(s.text("ar")) and s.text("en")
            assert s.sources or s.missing or s.advice
    assert p.name("ar") and p.checked == date(2026, 11, 24)


def test_platform_steps_are_verified_only_with_an_official_source(guidance: Guidance) -> None:
    seen_unverified = False
    for p in guidance.platforms.values():
        for steps in list(p.actions.values()) + [p.warnings]:
            for s in steps:
                official = any(guidance.source(k).official for k in s.sources)
                assert s.verified == (official and not s.advice and not s.missing), s.id
                seen_unverified |= not s.verified
    assert seen_unverified
    assert not guidance.platform_steps("tiktok").steps("block")[0].verified  # third-party only
    assert guidance.platform_steps("whatsapp").steps("block")[0].verified


def test_save_evidence_before_blocking_warnings(guidance: Guidance) -> None:
    general = guidance.evidence_before_blocking
    assert general and general[0].advice
    assert any("FN-UK*" in s.sources and "SC-BLK*" in s.sources for s in general)
    assert guidance.platform_steps("snapchat").warnings
    assert guidance.platform_steps("fortnite").warnings


def test_platform_aliases_and_unknown_platforms(guidance: Guidance) -> None:
    assert guidance.platform_steps("Facebook") is guidance.platform_steps("messenger")
    assert guidance.platform_steps("ipad").id == "iphone"
    with pytest.raises(KeyError, match="no guidance for platform"):
        guidance.platform_steps("myspace")


def test_localized_platform_step_carries_path_and_sources(guidance: Guidance) -> None:
    step = guidance.platform_steps("whatsapp").steps("block")[0]
    shown = guidance.localize_platform_step(step, "ar")
    assert shown.path_en.startswith("Settings >")
    assert shown.sources[0].url.startswith("https://faq.whatsapp.com/")
    assert shown.checked == date(2026, 11, 24)


# ---------------------------------------------------------------- ordering

def test_weak_child_line_puts_emergency_and_international_first(guidance: Guidance) -> None:
    rows = guidance.helplines_for("sa")
    assert rows[0].country == "SA" and rows[0].kind == "emergency"
    first_child = next(i for i, h in enumerate(rows) if h.country == "SA" and h.kind == "child_helpline")
    intl = [i for i, h in enumerate(rows) if h.international]
    assert intl and max(intl) < first_child


def test_strong_child_line_comes_first(guidance: Guidance) -> None:
    for country in ("BH", "JO", "MA"):
        rows = guidance.helplines_for(country)
        assert rows[0].kind == "child_helpline" and not rows[0].weak, country
        assert rows[-1].international, country


def test_weaker_rows_follow_stronger_ones_within_a_country(guidance: Guidance) -> None:
    rows = [h for h in guidance.helplines_for("AE") if h.country == "AE" and h.kind == "police_cyber"]
    weights = [h.weight for h in rows]
    assert weights == sorted(weights, reverse=True)


def test_country_without_child_line_and_unknown_country(guidance: Guidance) -> None:
    syria = guidance.helplines_for("SY")
    assert syria[0].kind == "emergency" and syria[0].country == "SY"
    assert all(h.international for h in syria[1:])
    assert all(h.international for h in guidance.helplines_for("FR"))
    assert guidance.helplines_for(None) == guidance.helplines_for("FR")


# -------------------------------------------------------------- rejection

def _broken(tmp_path: Path, name: str, change: Callable[[Any], None]) -> Path:
    assets = tmp_path / "assets"
    shutil.copytree(GUIDANCE_DIR, assets / "guidance")
    path = assets / "guidance" / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return assets


def test_loader_rejects_an_unknown_source_key(tmp_path: Path) -> None:
    def change(d: Any) -> None:
        d["categories"]["threat"]["steps"][1]["sources"] = ["no-such-source"]
    with pytest.raises(GuidanceError) as err:
        load_guidance(_broken(tmp_path, "steps.json", change))
    msg = str(err.value)
    assert msg.startswith("steps.json: categories.threat.steps[1]")
    assert "'report-to-police'" in msg and "'no-such-source'" in msg


def test_loader_rejects_a_step_without_sources(tmp_path: Path) -> None:
    def change(d: Any) -> None:
        d["universal"][0]["sources"] = []
    with pytest.raises(GuidanceError, match=r"universal\[0\].*no source"):
        load_guidance(_broken(tmp_path, "steps.json", change))


def test_loader_rejects_a_missing_category(tmp_path: Path) -> None:
    def change(d: Any) -> None:
        del d["categories"]["self_harm"]
    with pytest.raises(GuidanceError, match="no guidance for category 'self_harm'"):
        load_guidance(_broken(tmp_path, "steps.json", change))


def test_loader_rejects_a_helpline_without_source_or_date(tmp_path: Path) -> None:
    def no_url(d: Any) -> None:
        d["helplines"][3]["source"]["url"] = ""
    with pytest.raises(GuidanceError, match=r"helplines.json: helplines\[3\].*'url'"):
        load_guidance(_broken(tmp_path / "a", "helplines.json", no_url))

    def bad_date(d: Any) -> None:
        d["helplines"][0]["checked"] = "last week"
    with pytest.raises(GuidanceError, match="'checked' must be a date"):
        load_guidance(_broken(tmp_path / "b", "helplines.json", bad_date))


def test_loader_rejects_a_platform_without_report_steps(tmp_path: Path) -> None:
    def change(d: Any) -> None:
        del d["platforms"]["discord"]["actions"]["report"]
    with pytest.raises(GuidanceError, match=r"platforms.discord: has no 'report' steps"):
        load_guidance(_broken(tmp_path, "platforms.json", change))


def test_loader_rejects_a_falsely_verified_platform_step(tmp_path: Path) -> None:
    def change(d: Any) -> None:
        d["platforms"]["tiktok"]["actions"]["block"][0]["verified"] = True
    with pytest.raises(GuidanceError, match="verified but has no official source"):
        load_guidance(_broken(tmp_path, "platforms.json", change))


def test_loader_rejects_missing_and_malformed_files(tmp_path: Path) -> None:
    assets = tmp_path / "assets"
    shutil.copytree(GUIDANCE_DIR, assets / "guidance")
    (assets / "guidance" / "sources.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GuidanceError, match="sources.json: unreadable"):
        load_guidance(assets)
    (assets / "guidance" / "sources.json").unlink()
    with pytest.raises(GuidanceError, match="sources.json: missing"):
        load_guidance(assets)


def test_loader_rejects_another_format(tmp_path: Path) -> None:
    def change(d: Any) -> None:
        d["format"] = 2
    with pytest.raises(GuidanceError, match="reads format 1"):
        load_guidance(_broken(tmp_path, "platforms.json", change))


def test_guidance_module_does_not_import_qt() -> None:
    code = ("import sys, guardian.guidance; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH", "")) if p))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=False)
    assert result.returncode == 0, result.stderr
