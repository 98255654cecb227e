"""What to tell a parent: sourced guidance, helplines and platform steps.

The data lives in ``assets/guidance/*.json`` (built from the research notes in
``shared/guidance``); this module only loads and checks it.  Every step carries
the keys of its sources, every helpline its source URL and the date it was
checked, so the UI can always show where advice comes from and how old it is.
A file that breaks those rules is refused at load time with a
`GuidanceError` naming the file and the entry.

No Qt, no network, nothing at import time: call `load_guidance(assets_dir)`
once (the caller passes ``guardian.paths.assets_dir()``) and keep the result.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from guardian.domain import CATEGORY_IDS, Category, Severity

__all__ = [
    "ACTIONS", "FORMAT", "LANGS", "SEVERITIES_WITH_STEPS", "SOURCE_KINDS",
    "CategoryGuidance", "Guidance", "GuidanceError", "Helpline", "LocalizedStep",
    "Platform", "PlatformStep", "Source", "Step", "load_guidance",
]

FORMAT = 1
Lang = Literal["ar", "en"]
LANGS: tuple[str, ...] = ("ar", "en")
SEVERITIES_WITH_STEPS: tuple[str, ...] = ("low", "medium", "high", "critical")
SOURCE_KINDS: tuple[str, ...] = ("official", "third_party", "news", "secondary")
HELPLINE_KINDS: tuple[str, ...] = (
    "child_helpline", "emergency", "online_report", "police_cyber", "extortion_report")
ACTIONS: tuple[str, ...] = (
    "block", "report", "restrict_contact", "filters", "supervision", "export_chats", "minimum_age")
REQUIRED_ACTIONS: tuple[str, ...] = ("block", "report")
INTERNATIONAL = "ZZ"
FILES = ("sources.json", "steps.json", "helplines.json", "platforms.json")


class GuidanceError(ValueError):
    """A guidance file is missing, unreadable or breaks the sourcing rules."""

    def __init__(self, file: str, where: str, problem: str) -> None:
        self.file, self.where, self.problem = file, where, problem
        super().__init__(f"{file}: {where}: {problem}" if where else f"{file}: {problem}")


# ---------------------------------------------------------------- data types

@dataclass(frozen=True, slots=True)
class Source:
    key: str
    title: str
    url: str
    kind: str          # one of SOURCE_KINDS
    checked: date
    note: str = ""

    @property
    def official(self) -> bool:
        return self.kind == "official"


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    en: str
    ar: str
    sources: tuple[str, ...]
    severities: frozenset[str] = frozenset(SEVERITIES_WITH_STEPS)

    def text(self, lang: str) -> str:
        return self.ar if _lang(lang) == "ar" else self.en


@dataclass(frozen=True, slots=True)
class LocalizedStep:
    """A step in one language with its sources resolved, ready to show."""
    id: str
    text: str
    sources: tuple[Source, ...]
    path_en: str = ""       # platform steps: the menu path as the source wrote it
    verified: bool = True   # platform steps: False when no official source backs it

    @property
    def checked(self) -> date | None:
        return min((s.checked for s in self.sources), default=None)


@dataclass(frozen=True, slots=True)
class CategoryGuidance:
    id: str
    title_en: str
    title_ar: str
    why_en: str
    why_ar: str
    why_sources: tuple[str, ...]
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Helpline:
    country: str            # ISO 3166-1 alpha-2; "ZZ" = international
    country_en: str
    country_ar: str
    service_en: str
    service_ar: str
    kind: str               # one of HELPLINE_KINDS
    phone: str
    url_or_app: str
    hours_note: str         # English only, as researched
    source_url: str
    source_title: str
    source_mark: str        # OFFICIAL / NEWS / SECONDARY / NGO ...
    source_kind: str        # one of SOURCE_KINDS
    checked: date
    weight: float           # lower for rows resting on news or secondary pages

    @property
    def international(self) -> bool:
        return self.country == INTERNATIONAL

    @property
    def weak(self) -> bool:
        """Rests on a news or secondary page: show it, but below the rest."""
        return self.weight < 1.0

    def service(self, lang: str) -> str:
        return self.service_ar if _lang(lang) == "ar" else self.service_en


@dataclass(frozen=True, slots=True)
class PlatformStep:
    id: str
    en: str
    ar: str
    sources: tuple[str, ...]
    verified: bool
    path_en: str = ""
    advice: bool = False    # Guardian's own advice, no external source
    missing: bool = False   # placeholder: no sourced steps exist yet

    def text(self, lang: str) -> str:
        return self.ar if _lang(lang) == "ar" else self.en


@dataclass(frozen=True, slots=True)
class Platform:
    id: str
    kind: str               # app / console / device
    name_en: str
    name_ar: str
    checked: date
    actions: Mapping[str, tuple[PlatformStep, ...]]
    warnings: tuple[PlatformStep, ...]
    unverified: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.name_ar if _lang(lang) == "ar" else self.name_en

    def steps(self, action: str) -> tuple[PlatformStep, ...]:
        if action not in ACTIONS:
            raise KeyError(f"unknown platform action {action!r}; known: {', '.join(ACTIONS)}")
        return self.actions.get(action, ())


@dataclass(frozen=True, slots=True)
class Guidance:
    sources: Mapping[str, Source]
    universal: tuple[Step, ...]
    categories: Mapping[str, CategoryGuidance]
    evidence: tuple[Step, ...]
    helplines: tuple[Helpline, ...]
    platforms: Mapping[str, Platform]
    aliases: Mapping[str, str] = field(default_factory=dict)
    evidence_before_blocking: tuple[PlatformStep, ...] = ()

    # -- steps
    def steps_for(self, category: str | Category, severity: str | Severity,
                  lang: str, *, include_universal: bool = False) -> tuple[LocalizedStep, ...]:
        """The category's steps shown at this severity (none for 'none'),
        optionally followed by the universal rules."""
        sev = _severity(severity)
        cat = self._category(category)
        if sev not in SEVERITIES_WITH_STEPS:
            return ()
        steps = [s for s in cat.steps if sev in s.severities]
        if include_universal:
            steps += [s for s in self.universal if sev in s.severities]
        return tuple(self._localize(s, lang) for s in steps)

    def universal_steps(self, lang: str) -> tuple[LocalizedStep, ...]:
        return tuple(self._localize(s, lang) for s in self.universal)

    def evidence_steps(self, lang: str) -> tuple[LocalizedStep, ...]:
        return tuple(self._localize(s, lang) for s in self.evidence)

    def why(self, category: str | Category, lang: str) -> str:
        cat = self._category(category)
        return cat.why_ar if _lang(lang) == "ar" else cat.why_en

    def title(self, category: str | Category, lang: str) -> str:
        cat = self._category(category)
        return cat.title_ar if _lang(lang) == "ar" else cat.title_en

    # -- helplines
    def helplines_for(self, country_iso2: str | None) -> tuple[Helpline, ...]:
        """The country's services plus the international ones, in the order
        shown to parents.  Within each group, rows resting on news or
        secondary pages come after the others (stable otherwise).

        * If the country has a child line that rests on an official (or NGO)
          page: its child lines, its emergency numbers, its other services,
          then the international services.
        * If its child line is only secondary (every child line rests on a
          news or secondary page) or it has none: the emergency number first,
          then the international services, then the rest of the country's rows.
        """
        code = (country_iso2 or "").strip().upper()
        intl = [h for h in self.helplines if h.international]
        local = [h for h in self.helplines if h.country == code and not h.international]

        def ranked(rows: Iterable[Helpline]) -> list[Helpline]:
            return sorted(rows, key=lambda h: -h.weight)  # sorted() is stable

        child = [h for h in local if h.kind == "child_helpline"]
        emergency = [h for h in local if h.kind == "emergency"]
        other = [h for h in local if h.kind not in ("child_helpline", "emergency")]
        if any(not h.weak for h in child):
            ordered = ranked(child) + ranked(emergency) + ranked(other) + ranked(intl)
        else:
            ordered = ranked(emergency) + ranked(intl) + ranked(child + other)
        return tuple(ordered)

    def countries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(h.country for h in self.helplines if not h.international))

    # -- platforms
    def platform_steps(self, platform: str) -> Platform:
        key = platform.strip().lower()
        key = self.aliases.get(key, key)
        try:
            return self.platforms[key]
        except KeyError:
            raise KeyError(f"no guidance for platform {platform!r}; known: "
                           f"{', '.join(sorted(self.platforms))}") from None

    def localize_platform_step(self, step: PlatformStep, lang: str) -> LocalizedStep:
        return LocalizedStep(step.id, step.text(lang), tuple(self.sources[k] for k in step.sources),
                             step.path_en, step.verified)

    def source(self, key: str) -> Source:
        return self.sources[key]

    # -- helpers
    def _category(self, category: str | Category) -> CategoryGuidance:
        key = category.value if isinstance(category, Category) else category
        try:
            return self.categories[key]
        except KeyError:
            raise KeyError(f"unknown category {category!r}; known: {', '.join(CATEGORY_IDS)}") from None

    def _localize(self, step: Step, lang: str) -> LocalizedStep:
        return LocalizedStep(step.id, step.text(lang), tuple(self.sources[k] for k in step.sources))


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use 'ar' or 'en'")
    return lang


def _severity(severity: str | Severity) -> str:
    if isinstance(severity, Severity):
        return severity.id
    return Severity.from_id(severity).id


# ------------------------------------------------------------------- loading

def load_guidance(assets_dir: Path) -> Guidance:
    """Load and check ``assets_dir/guidance/*.json``.  Raises `GuidanceError`."""
    folder = Path(assets_dir) / "guidance"
    raw = {name: _read(folder / name) for name in FILES}
    sources = _sources(raw["sources.json"])
    universal, categories, evidence = _steps(raw["steps.json"], sources)
    helplines = _helplines(raw["helplines.json"])
    platforms, aliases, general = _platforms(raw["platforms.json"], sources)
    return Guidance(
        sources=MappingProxyType(sources), universal=universal,
        categories=MappingProxyType(categories), evidence=evidence, helplines=helplines,
        platforms=MappingProxyType(platforms), aliases=MappingProxyType(aliases),
        evidence_before_blocking=general)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GuidanceError(path.name, "", f"missing (looked in {path.parent})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GuidanceError(path.name, "", f"unreadable: {exc}") from None
    if not isinstance(data, dict):
        raise GuidanceError(path.name, "", "top level must be a JSON object")
    if data.get("format") != FORMAT:
        raise GuidanceError(path.name, "format",
                            f"is {data.get('format')!r}, this Guardian reads format {FORMAT}")
    return data


class _Check:
    """Field access that turns every problem into a GuidanceError naming the entry."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, where: str, problem: str) -> GuidanceError:
        return GuidanceError(self.file, where, problem)

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be an object")
        return value

    def lst(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "must be a list")
        return value

    def text(self, entry: Mapping[str, Any], key: str, where: str, *, empty: bool = False) -> str:
        value = entry.get(key)
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(where, f"{key!r} must be a non-empty string")
        return value

    def day(self, entry: Mapping[str, Any], key: str, where: str) -> date:
        value = self.text(entry, key, where)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(where, f"{key!r} must be a date like 2026-11-24, not {value!r}") from None

    def url(self, entry: Mapping[str, Any], key: str, where: str) -> str:
        value = self.text(entry, key, where)
        if not value.startswith(("https://", "http://")):
            raise self.fail(where, f"{key!r} must be an http(s) URL, not {value!r}")
        return value

    def keys(self, entry: Mapping[str, Any], where: str, known: Mapping[str, Source],
             *, required: bool = True) -> tuple[str, ...]:
        keys = self.lst(entry.get("sources"), f"{where}.sources")
        if required and not keys:
            raise self.fail(where, "has no source; every step needs at least one source key")
        for k in keys:
            if k not in known:
                raise self.fail(where, f"unknown source key {k!r} (not in sources.json)")
        return tuple(keys)


def _sources(data: dict[str, Any]) -> dict[str, Source]:
    c = _Check("sources.json")
    out: dict[str, Source] = {}
    for key, entry in c.obj(data.get("sources"), "sources").items():
        where = f"sources[{key!r}]"
        entry = c.obj(entry, where)
        kind = c.text(entry, "kind", where)
        if kind not in SOURCE_KINDS:
            raise c.fail(where, f"kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
        out[key] = Source(key, c.text(entry, "title", where), c.url(entry, "url", where), kind,
                          c.day(entry, "checked", where), entry.get("note") or "")
    if not out:
        raise c.fail("sources", "is empty")
    return out


def _step(c: _Check, entry: Any, where: str, sources: Mapping[str, Source],
          *, severities: bool = True) -> Step:
    entry = c.obj(entry, where)
    sid = c.text(entry, "id", where)
    where = f"{where} ({sid!r})"
    sev: frozenset[str] = frozenset(SEVERITIES_WITH_STEPS)
    if severities and "severities" in entry:
        listed = c.lst(entry["severities"], f"{where}.severities")
        bad = [s for s in listed if s not in SEVERITIES_WITH_STEPS]
        if bad or not listed:
            raise c.fail(where, f"severities must be a non-empty subset of {SEVERITIES_WITH_STEPS}, got {listed}")
        sev = frozenset(listed)
    return Step(sid, c.text(entry, "en", where), c.text(entry, "ar", where),
                c.keys(entry, where, sources), sev)


def _unique(c: _Check, steps: Iterable[Step | PlatformStep], where: str) -> None:
    seen: set[str] = set()
    for s in steps:
        if s.id in seen:
            raise c.fail(where, f"step id {s.id!r} appears twice")
        seen.add(s.id)


def _steps(data: dict[str, Any], sources: Mapping[str, Source]
           ) -> tuple[tuple[Step, ...], dict[str, CategoryGuidance], tuple[Step, ...]]:
    c = _Check("steps.json")
    universal = tuple(_step(c, e, f"universal[{i}]", sources)
                      for i, e in enumerate(c.lst(data.get("universal"), "universal")))
    _unique(c, universal, "universal")
    cats = c.obj(data.get("categories"), "categories")
    unknown = sorted(set(cats) - set(CATEGORY_IDS))
    if unknown:
        raise c.fail("categories", f"unknown category ids {unknown}")
    categories: dict[str, CategoryGuidance] = {}
    for cid in CATEGORY_IDS:
        if cid not in cats:
            raise c.fail("categories", f"no guidance for category {cid!r}")
        where = f"categories.{cid}"
        entry = c.obj(cats[cid], where)
        title = c.obj(entry.get("title"), f"{where}.title")
        why = c.obj(entry.get("why"), f"{where}.why")
        steps = tuple(_step(c, e, f"{where}.steps[{i}]", sources)
                      for i, e in enumerate(c.lst(entry.get("steps"), f"{where}.steps")))
        if not steps:
            raise c.fail(where, "has no steps")
        _unique(c, steps, where)
        categories[cid] = CategoryGuidance(
            cid, c.text(title, "en", f"{where}.title"), c.text(title, "ar", f"{where}.title"),
            c.text(why, "en", f"{where}.why"), c.text(why, "ar", f"{where}.why"),
            c.keys(why, f"{where}.why", sources), steps)
    ev = c.obj(data.get("evidence"), "evidence")
    evidence = tuple(_step(c, e, f"evidence.steps[{i}]", sources, severities=False)
                     for i, e in enumerate(c.lst(ev.get("steps"), "evidence.steps")))
    return universal, categories, evidence


def _helplines(data: dict[str, Any]) -> tuple[Helpline, ...]:
    c = _Check("helplines.json")
    out = []
    for i, entry in enumerate(c.lst(data.get("helplines"), "helplines")):
        where = f"helplines[{i}]"
        entry = c.obj(entry, where)
        country = c.text(entry, "country", where)
        where = f"helplines[{i}] ({country} {entry.get('service_en', '?')!r})"
        if len(country) != 2 or not country.isascii() or not country.isupper():
            raise c.fail(where, f"country must be an upper-case ISO code, not {country!r}")
        kind = c.text(entry, "kind", where)
        if kind not in HELPLINE_KINDS:
            raise c.fail(where, f"kind {kind!r} is not one of {', '.join(HELPLINE_KINDS)}")
        src = entry.get("source")
        if not isinstance(src, dict):
            raise c.fail(where, "has no source; every helpline needs a source url and title")
        src_kind = c.text(src, "kind", where)
        if src_kind not in SOURCE_KINDS:
            raise c.fail(where, f"source kind {src_kind!r} is not one of {', '.join(SOURCE_KINDS)}")
        weight = entry.get("weight")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 1:
            raise c.fail(where, f"weight must be a number in (0, 1], not {weight!r}")
        phone = c.text(entry, "phone", where, empty=True)
        url_or_app = c.text(entry, "url_or_app", where, empty=True)
        if not phone.strip() and not url_or_app.strip():
            raise c.fail(where, "has neither a phone number nor a url/app")
        out.append(Helpline(
            country, c.text(entry, "country_en", where), c.text(entry, "country_ar", where),
            c.text(entry, "service_en", where), c.text(entry, "service_ar", where), kind,
            phone, url_or_app, c.text(entry, "hours_note", where, empty=True),
            c.url(src, "url", f"{where}.source"), c.text(src, "title", f"{where}.source"),
            c.text(src, "mark", f"{where}.source"), src_kind,
            c.day(entry, "checked", where), float(weight)))
    if not any(h.international for h in out):
        raise c.fail("helplines", "has no international (ZZ) services")
    return tuple(out)


def _pstep(c: _Check, entry: Any, where: str, sources: Mapping[str, Source]) -> PlatformStep:
    entry = c.obj(entry, where)
    sid = c.text(entry, "id", where)
    where = f"{where} ({sid!r})"
    advice, missing = bool(entry.get("advice")), bool(entry.get("missing"))
    keys = c.keys(entry, where, sources, required=not (advice or missing))
    verified = entry.get("verified")
    if not isinstance(verified, bool):
        raise c.fail(where, "'verified' must be true or false")
    if verified and not any(sources[k].official for k in keys):
        raise c.fail(where, "is marked verified but has no official source")
    if verified and (advice or missing):
        raise c.fail(where, "advice and placeholders cannot be verified")
    return PlatformStep(sid, c.text(entry, "en", where), c.text(entry, "ar", where), keys,
                        verified, entry.get("path_en") or "", advice, missing)


def _platforms(data: dict[str, Any], sources: Mapping[str, Source]
               ) -> tuple[dict[str, Platform], dict[str, str], tuple[PlatformStep, ...]]:
    c = _Check("platforms.json")
    out: dict[str, Platform] = {}
    for pid, entry in c.obj(data.get("platforms"), "platforms").items():
        where = f"platforms.{pid}"
        entry = c.obj(entry, where)
        name = c.obj(entry.get("name"), f"{where}.name")
        actions: dict[str, tuple[PlatformStep, ...]] = {}
        for action, steps in c.obj(entry.get("actions"), f"{where}.actions").items():
            if action not in ACTIONS:
                raise c.fail(where, f"unknown action {action!r}; known: {', '.join(ACTIONS)}")
            actions[action] = tuple(_pstep(c, e, f"{where}.{action}[{i}]", sources)
                                    for i, e in enumerate(c.lst(steps, f"{where}.{action}")))
        for action in REQUIRED_ACTIONS:
            if not actions.get(action):
                raise c.fail(where, f"has no {action!r} steps (use a 'missing' placeholder if none are sourced)")
        warnings = tuple(_pstep(c, e, f"{where}.warnings[{i}]", sources)
                         for i, e in enumerate(c.lst(entry.get("warnings", []), f"{where}.warnings")))
        all_steps = [s for steps in actions.values() for s in steps] + list(warnings)
        _unique(c, all_steps, where)
        unverified = c.lst(entry.get("unverified", []), f"{where}.unverified")
        out[pid] = Platform(pid, c.text(entry, "kind", where), c.text(name, "en", f"{where}.name"),
                            c.text(name, "ar", f"{where}.name"), c.day(entry, "checked", where),
                            MappingProxyType(actions), warnings, tuple(str(u) for u in unverified))
    aliases = {str(k): str(v) for k, v in c.obj(data.get("aliases", {}), "aliases").items()}
    for alias, target in aliases.items():
        if target not in out:
            raise c.fail(f"aliases[{alias!r}]", f"points to unknown platform {target!r}")
    general = tuple(_pstep(c, e, f"evidence_before_blocking[{i}]", sources)
                    for i, e in enumerate(c.lst(data.get("evidence_before_blocking", []),
                                                "evidence_before_blocking")))
    return out, aliases, general
