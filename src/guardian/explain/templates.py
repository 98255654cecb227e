"""The explanation texts: load ``assets/explain/templates.json``, check it,
and fill its templates.

A template is a ``str.format`` string with named slots.  A slot may name a
noun, ``{count:times_nom}``: the number then picks that noun's form (Arabic
has six: zero, one, two, few = 3-10, many = 11-99, other, after CLDR; English
one and other) and is written with the language's digits.  Plain ``int``
slots get the language's digits too.  Everything the templates say lives in
the data file; this module only knows how to fill it.

The loader refuses a file whose two languages differ in keys, in the slots of
any template, or in their nouns, so a missing translation is caught when the
app starts (and by the tests), not by a parent reading half a sentence.
"""

from __future__ import annotations

import json
import re
import string
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = [
    "FORMAT", "LANGS", "Templates", "TemplateError", "check_lang", "isolate",
    "load_templates", "plural_category",
]

FORMAT = 1
LANGS: tuple[str, ...] = ("ar", "en")
FILE = Path("explain") / "templates.json"
PLURAL_FORMS = {"ar": ("zero", "one", "two", "few", "many", "other"), "en": ("one", "two", "other")}

# Explicit bidi formatting characters (embeddings, overrides, isolates) and
# the directional marks.  Names come from chats, so they may carry any of
# them; inside our sentence a stray PDI would end our isolate early and an
# RLO would reverse the name, so they are removed before isolating.
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
FSI, PDI = "\u2068", "\u2069"
_NAME_MAX = 60


class TemplateError(ValueError):
    """templates.json is missing, unreadable or inconsistent."""


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use 'ar' or 'en'")
    return lang


def plural_category(n: int, lang: str) -> str:
    """CLDR plural category of an integer (Arabic: zero/one/two/few/many/
    other; English: one/other, plus 'two' where a noun offers "twice")."""
    n = abs(int(n))
    if lang == "ar":
        if n == 0:
            return "zero"
        if n == 1:
            return "one"
        if n == 2:
            return "two"
        if 3 <= n % 100 <= 10:
            return "few"
        if 11 <= n % 100 <= 99:
            return "many"
        return "other"
    return "one" if n == 1 else ("two" if n == 2 else "other")


def isolate(name: str) -> str:
    """A chat name made safe to put inside a sentence: bidi controls and
    other control characters removed, whitespace collapsed, very long names
    shortened, and the result wrapped in FIRST STRONG ISOLATE ... POP
    DIRECTIONAL ISOLATE so an RTL name cannot reorder an LTR sentence (or
    the other way round)."""
    cleaned = _BIDI.sub("", name)
    cleaned = "".join(" " if unicodedata.category(c) == "Cc" else c for c in cleaned)
    cleaned = " ".join(cleaned.split())
    if len(cleaned) > _NAME_MAX:
        cleaned = cleaned[:_NAME_MAX - 1].rstrip() + "…"
    return f"{FSI}{cleaned}{PDI}"


class _Formatter(string.Formatter):
    def __init__(self, lang: "_Lang") -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec:
            return self.lang.counted(int(value), format_spec)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return self.lang.digits(value)
        return str(value)


@dataclass(frozen=True)
class _Lang:
    code: str
    digit_chars: str
    months: tuple[str, ...]
    dayparts: tuple[tuple[int, str], ...]
    nouns: Mapping[str, Mapping[str, str]]
    text: Mapping[str, str]

    def digits(self, value: int | str) -> str:
        return str(value).translate(str.maketrans("0123456789", self.digit_chars))

    def counted(self, n: int, noun: str) -> str:
        try:
            forms = self.nouns[noun]
        except KeyError:
            raise KeyError(f"unknown noun {noun!r} in a template") from None
        form = forms.get(plural_category(n, self.code)) or forms["other"]
        return form.replace("{n}", self.digits(n))


class Templates:
    """The loaded texts.  `text(key, lang, **slots)` fills one template."""

    def __init__(self, langs: Mapping[str, _Lang]) -> None:
        self._langs = MappingProxyType(dict(langs))

    # -- lookup
    def keys(self, lang: str) -> frozenset[str]:
        return frozenset(self._lang(lang).text)

    def has(self, key: str) -> bool:
        return key in self._langs["en"].text

    def raw(self, key: str, lang: str) -> str:
        try:
            return self._lang(lang).text[key]
        except KeyError:
            raise KeyError(f"no template {key!r}") from None

    def text(self, key: str, lang: str, /, **slots: Any) -> str:
        """The template filled in.  A missing slot raises KeyError."""
        return _Formatter(self._lang(lang)).vformat(self.raw(key, lang), (), slots)

    def slots(self, key: str, lang: str) -> dict[str, str]:
        """The slots of a template and their noun (or "")."""
        return {name: spec or "" for _, name, spec, _ in string.Formatter().parse(self.raw(key, lang))
                if name is not None}

    def nouns(self, lang: str) -> Mapping[str, Mapping[str, str]]:
        return self._lang(lang).nouns

    # -- small formatters every explanation needs
    def number(self, n: int, lang: str) -> str:
        return self._lang(lang).digits(n)

    def counted(self, n: int, noun: str, lang: str) -> str:
        return self._lang(lang).counted(n, noun)

    def name(self, name: str, lang: str) -> str:
        """A person's or group's name: isolated, then quoted («…» / “…”)."""
        return self.text("format.name", lang, name=isolate(name))

    def date(self, moment: datetime, lang: str) -> str:
        data = self._lang(lang)
        return self.text("format.date", lang, day=moment.day, month=data.months[moment.month - 1],
                         year=moment.year)

    def time(self, moment: datetime, lang: str) -> str:
        return self.clock(moment.hour, moment.minute, lang)

    def clock(self, hour: int, minute: int, lang: str) -> str:
        data = self._lang(lang)
        part = ""
        for start, label in data.dayparts:
            if hour >= start:
                part = label
        shown = hour % 12 or 12
        return self.text("format.time", lang, hour=shown, minute=data.digits(f"{minute:02d}"),
                         daypart=part).strip()

    def join(self, items: Sequence[str], lang: str) -> str:
        """"a", "a and b", "a, b and c" (Arabic: "أ وب"، "أ، وب، وج")."""
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return items[0] + self.raw("list.pair", lang) + items[1]
        return (self.raw("list.sep", lang).join(items[:-1]) + self.raw("list.last", lang) + items[-1])

    def _lang(self, lang: str) -> _Lang:
        return self._langs[check_lang(lang)]


# ------------------------------------------------------------------ loading

def load_templates(assets_dir: Path) -> Templates:
    """Read and check ``<assets_dir>/explain/templates.json``."""
    path = Path(assets_dir) / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"{FILE}: missing (looked in {path.parent})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TemplateError(f"{FILE}: unreadable: {exc}") from None
    return parse_templates(data)


@lru_cache(maxsize=4)
def default_templates(assets_dir: Path) -> Templates:
    return load_templates(assets_dir)


def parse_templates(data: Any) -> Templates:
    def fail(problem: str) -> TemplateError:
        return TemplateError(f"{FILE}: {problem}")

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise fail(f"format must be {FORMAT}")
    langs = data.get("languages")
    if not isinstance(langs, dict) or set(langs) != set(LANGS):
        raise fail(f"'languages' must have exactly {', '.join(LANGS)}")
    out: dict[str, _Lang] = {}
    for code in LANGS:
        entry = langs[code]
        where = f"languages.{code}"
        if not isinstance(entry, dict):
            raise fail(f"{where} must be an object")
        digits = entry.get("digits")
        if not isinstance(digits, str) or len(digits) != 10:
            raise fail(f"{where}.digits must be ten characters")
        months = entry.get("months")
        if not _strings(months) or len(months) != 12:
            raise fail(f"{where}.months must be twelve names")
        parts = entry.get("dayparts")
        if (not isinstance(parts, list) or not parts
                or not all(isinstance(p, list) and len(p) == 2 and isinstance(p[0], int)
                           and isinstance(p[1], str) for p in parts)
                or parts[0][0] != 0 or [p[0] for p in parts] != sorted(p[0] for p in parts)):
            raise fail(f"{where}.dayparts must be [start_hour, label] pairs from hour 0, in order")
        nouns = entry.get("nouns")
        if not isinstance(nouns, dict):
            raise fail(f"{where}.nouns must be an object")
        for noun, forms in nouns.items():
            if (not isinstance(forms, dict) or "other" not in forms or not _strings(forms.values())
                    or set(forms) - set(PLURAL_FORMS[code])):
                raise fail(f"{where}.nouns.{noun} needs an 'other' form and only {PLURAL_FORMS[code]}")
        text = entry.get("text")
        if not isinstance(text, dict) or not _strings(text.values()):
            raise fail(f"{where}.text must map keys to strings")
        for key, value in text.items():
            if not value.strip() and not key.startswith(("list.", "join.")):
                raise fail(f"{where}.text[{key!r}] is empty")
            try:
                fields = list(string.Formatter().parse(value))
            except ValueError as exc:
                raise fail(f"{where}.text[{key!r}]: {exc}") from None
            for _, name, spec, conv in fields:
                if name is None:
                    continue
                if not name.isidentifier() or conv:
                    raise fail(f"{where}.text[{key!r}]: bad slot {{{name}}}")
                if spec and spec not in nouns:
                    raise fail(f"{where}.text[{key!r}]: unknown noun {spec!r}")
        out[code] = _Lang(code, digits, tuple(months), tuple((int(a), b) for a, b in parts),
                          MappingProxyType({k: MappingProxyType(dict(v)) for k, v in nouns.items()}),
                          MappingProxyType(dict(text)))
    ar, en = out["ar"], out["en"]
    for a, b, what in ((ar.text, en.text, "text keys"), (ar.nouns, en.nouns, "nouns")):
        only_ar, only_en = sorted(set(a) - set(b)), sorted(set(b) - set(a))
        if only_ar or only_en:
            raise fail(f"{what} differ between languages: only in ar {only_ar}, only in en {only_en}")
    for key in ar.text:
        slots_ar = _slots(ar.text[key])
        slots_en = _slots(en.text[key])
        if slots_ar != slots_en:
            raise fail(f"template {key!r} has slots {sorted(slots_ar)} in ar but {sorted(slots_en)} in en")
    return Templates(out)


def _strings(values: Any) -> bool:
    return isinstance(values, Iterable) and not isinstance(values, (str, bytes)) and all(
        isinstance(v, str) for v in values)


def _slots(template: str) -> set[tuple[str, str]]:
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(template) if name is not None}
