"""Where to get help: the parent's country's helplines (ordered as the
guidance says), and a guess at that country from the system locale."""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping

from guardian.explain.templates import check_lang
from guardian.guidance import INTERNATIONAL, Guidance, Helpline

__all__ = ["guess_country", "help_for", "helpline_json"]

# "ar_SA.UTF-8", "ar-SA", "en_AE@euro", "ar_SA.utf8": language, then region.
_POSIX = re.compile(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})(?:[.@_-]|$)")
# Windows reports locales as "Arabic_Saudi Arabia" (getlocale) and has no LANG.
_WINDOWS = re.compile(r"^[A-Za-z ]+_([A-Za-z ().]+?)(?:\.\d+)?$")
_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")


def help_for(country: str | None, lang: str, guidance: Guidance) -> list[dict[str, str]]:
    """The helplines for `country` (ISO 3166 alpha-2, "ZZ" or None for the
    international services only) in the order to show them, as
    ``{country, name, phone, url, source, checked}`` dicts (the report's
    ``help`` entries).  ``source`` is the page the entry rests on, its
    title first ("NEWS (...)" marks a weaker source), so the report can cite it."""
    check_lang(lang)
    return [helpline_json(h, lang) for h in guidance.helplines_for(country or INTERNATIONAL)]


def helpline_json(h: Helpline, lang: str) -> dict[str, str]:
    return {"country": h.country, "name": h.service(lang), "phone": h.phone, "url": h.url_or_app,
            "source": f"{h.source_title} — {h.source_url}", "checked": h.checked.isoformat()}


def guess_country(environ: Mapping[str, str] | None = None, guidance: Guidance | None = None) -> str:
    """The ISO country of the system locale ("ar_SA.UTF-8" -> "SA"), from
    LC_ALL, LC_MESSAGES or LANG (in that order, as POSIX reads them), then
    Python's `locale.getlocale()`.  Windows-style names ("Arabic_Saudi
    Arabia") are matched against the guidance's country names when
    `guidance` is given.  "ZZ" (international) when nothing tells."""
    env = os.environ if environ is None else environ
    candidates = [env.get(name, "") for name in _ENV]
    if environ is None:
        try:
            candidates.append(locale.getlocale()[0] or "")
        except (ValueError, TypeError):
            pass
    for value in candidates:
        value = (value or "").strip()
        if not value or value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
            continue
        match = _POSIX.match(value)
        if match:
            return match.group(1).upper()
        match = _WINDOWS.match(value)
        if match and guidance is not None:
            name = match.group(1).strip().lower()
            for h in guidance.helplines:
                if not h.international and h.country_en.strip().lower() == name:
                    return h.country
    return INTERNATIONAL
