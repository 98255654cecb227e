"""Structural cues: combinations of words that a linear model over n-grams
cannot see on its own, found in normalised text with the words' positions.

Each cue is a named conjunction of word lists from `lexicon` ("a request
verb and an image word and a body word in one message").  The classifier
uses the cues as extra features; the explanation engine uses their names
and spans to say why a message was flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from guardian.analysis import lexicon
from guardian.analysis.normalize import normalize_text

# Particles glued to the front of a word: and/so, with/for/like, the;
# and future or continuous markers glued to a verb (حقتلك، هضربك، بقتلك).
_WORD_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "فب", "و", "ف", "ب", "ل", "ك")
_VERB_PREFIXES = ("رح", "را", "ح", "ه", "ب", "س", "ن", "غا", "و")
# "We" before a future or present marker, glued: بنكسر راسك (Gulf, Levantine),
# هنضربك (Egyptian), حنكسرك; a group's threat is the commonest kind.  The
# lists spell the first person singular, whose alef drops after ن.
_WE_PREFIXES = ("بن", "هن", "حن", "ون")
# A suffix pointing at "you" (ك، كي، ج، كم) or "her/him", Arabic or Arabizi.
_YOU_SUFFIX = re.compile(r"(?:ك|كي|ج|كم|كو|ها|ek|ak|ik|lek|lak)$")
_VERB_LISTS = frozenset({"HARM_VERBS", "PUBLISH_VERBS"})
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_PHRASE = 3
_LISTS = ("REQUEST_VERBS", "IMAGE_WORDS", "BODY_WORDS", "HARM_VERBS", "FAMILY_WORDS", "PET_WORDS",
          "PLACE_TIME_WORDS", "CONDITIONALS", "PUBLISH_VERBS", "MONEY_WORDS", "YOUR_PHOTOS",
          "SECRECY", "AGE_ALONE", "PRIVATE_APPS", "GIFTS", "FLATTERY", "SELF_HARM", "NOBODY",
          "ENGAGE_VERBS", "REMOVE_VERBS", "INSULT_WORDS", "SEXUAL_TALK", "RUMOR_WORDS",
          "FAKE_ACCOUNT_WORDS", "THREAT_PHRASES")


@dataclass(frozen=True)
class CueHit:
    name: str
    spans: tuple[tuple[int, int], ...]   # in the normalised text


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[str]]:
    """Normalised word or phrase -> the lexicon lists it belongs to, with
    every glued-particle form of the first word spelled out in advance, so
    matching a message is one dictionary lookup per word."""
    index: dict[str, set[str]] = {}
    for name in _LISTS:
        is_verb_list = name in _VERB_LISTS
        prefixes = ("",) + _WORD_PREFIXES + (_VERB_PREFIXES if is_verb_list else ())
        for entry in getattr(lexicon, name):
            form = " ".join(normalize_text(entry.replace("_", " ")).split()).lower()
            if not form:
                continue
            stems = [form]
            if is_verb_list and " " not in form and form.endswith("ك"):
                # The same "you" aimed at a girl or a group: اقتلك -> اقتلكي، اقتلكم.
                stems += [form + "ي", form + "م"]
            # First-person alef drops after a future marker: هقتلك، حكسرك.
            without_alef = [stem[1:] for stem in stems] if is_verb_list and form.startswith("ا") else []
            stems += without_alef
            for stem in stems:
                for prefix in prefixes:
                    index.setdefault(prefix + stem, set()).add(name)
            for stem in without_alef:
                for prefix in _WE_PREFIXES:
                    index.setdefault(prefix + stem, set()).add(name)
    return {form: frozenset(names) for form, names in index.items()}


Found = dict[str, list[tuple[int, int]]]


def lexicon_hits(text: str) -> Found:
    """Which lexicon lists occur in a normalised text, and where: one pass
    over the words, dictionary lookups only; two- and three-word phrases are
    tried only after a word that starts one."""
    index, heads = _index(), _phrase_heads()
    if text.lower() == text:
        # Normalised text is its own lower case, and so is every word in
        # it: look the bare words up, and find word positions only for a
        # message with a hit (most have none, and many none at all of the
        # words looked up).
        bare = _WORD.findall(text)
        if _lookup_words().isdisjoint(bare):
            return {}
        hits = _word_hits(bare, index, heads, _phrase_seconds())
        if not hits:
            return {}
        spans = [m.span() for m in _WORD.finditer(text)]
        found_fast: Found = {}
        for names, first, last in hits:
            for name in names:
                found_fast.setdefault(name, []).append((spans[first][0], spans[last][1]))
        return found_fast
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    found: Found = {}
    for i, (start, end, word) in enumerate(words):
        names = index.get(word)
        if names:
            for name in names:
                found.setdefault(name, []).append((start, end))
        if word in heads:
            phrase = word
            for j in range(i + 1, min(i + _MAX_PHRASE, len(words))):
                phrase = f"{phrase} {words[j][2]}"
                for name in index.get(phrase, ()):
                    found.setdefault(name, []).append((start, words[j][1]))
    return found


def _word_hits(words: list[str], index: dict[str, frozenset[str]], heads: frozenset[str],
               seconds: frozenset[str]) -> list[tuple[frozenset[str], int, int]]:
    """The loop of `lexicon_hits` on bare words: (lists, first word, last
    word) of every word or phrase found, in the order found.  A phrase is
    spelled out only when the next word can continue one: heads such as
    يا, من and ما are in most messages."""
    hits = []
    count = len(words)
    last = count - 1
    for i, word in enumerate(words):
        names = index.get(word)
        if names:
            hits.append((names, i, i))
        if word in heads and i < last and words[i + 1] in seconds:
            phrase = word
            for j in range(i + 1, min(i + _MAX_PHRASE, count)):
                phrase = f"{phrase} {words[j]}"
                names = index.get(phrase)
                if names:
                    hits.append((names, i, j))
    return hits


@lru_cache(maxsize=1)
def _phrase_heads() -> frozenset[str]:
    return frozenset(form.split(" ", 1)[0] for form in _index() if " " in form)


@lru_cache(maxsize=1)
def _phrase_seconds() -> frozenset[str]:
    """Every word that is second in a phrase."""
    return frozenset(form.split(" ")[1] for form in _index() if " " in form)


@lru_cache(maxsize=1)
def _lookup_words() -> frozenset[str]:
    """Every word `lexicon_hits` looks at further: a form or a phrase head."""
    return frozenset(_index()) | _phrase_heads()


Spans = list[tuple[int, int]] | None


@dataclass(frozen=True)
class _Rule:
    """A cue's test over the lexicon lists found in a message.  `lists`
    are the lists it reads: where none of them was found it finds nothing,
    so `find_cues` does not ask it."""
    lists: frozenset[str]
    find: Callable[[str, Found], Spans]


def _all_of(*names: str) -> _Rule:
    def find(text: str, found: Found) -> Spans:
        if not all(name in found for name in names):
            return None
        return [span for name in names for span in found[name]]
    return _Rule(frozenset(names), find)


def _reads(*names: str) -> Callable[[Callable[[str, Found], Spans]], _Rule]:
    """A rule written out as a function, reading the lists `names`."""
    return lambda find: _Rule(frozenset(names), find)


@_reads("HARM_VERBS")
def _harm_you(text: str, found: Found) -> Spans:
    spans = [(s, e) for s, e in found.get("HARM_VERBS", ()) if _YOU_SUFFIX.search(text[s:e])]
    return spans or None


# Words that aim what follows at the reader: the vocative and "you", in
# Arabic script and in Arabizi or English left as typed.
_ADDRESS_WORDS = frozenset({"يا", "ي", "انت", "انتي", "انتا", "انتو", "انتم", "انتوا", "نتا", "نتي", "انتيا",
                            "نتيا", "نتوما", "ya", "you", "u", "ur", "youre", "enta", "enti", "inta", "inti",
                            "ento", "nta", "nti"})
_ADDRESS_REACH = 2     # words before the insult: "يا ام الزفت", "انت واحد حمار"
_ADDRESS_WINDOW = 64   # characters searched for them


@_reads("INSULT_WORDS")
def _insult_addressed(text: str, found: Found) -> Spans:
    """An insult aimed at the reader ("يا حمار", "انت غبي", "you idiot"),
    which "انا غبية" (the child about herself) or "حمار جدي" (grandpa's
    donkey) are not, though they share the word."""
    spans = []
    for s, e in found.get("INSULT_WORDS", ()):
        # The words just before, from a window rather than the whole text
        # (a long message may hold many insults); a word the window cuts
        # in two is left out.
        start = max(0, s - _ADDRESS_WINDOW)
        before = _WORD.findall(text, start, s)
        if start and before and _WORD.match(text, start - 1, start):
            before = before[1:]
        if text.startswith("يا", s) or not _ADDRESS_WORDS.isdisjoint(before[-_ADDRESS_REACH:]):
            spans.append((s, e))
    return spans or None


_GROOMING_LISTS = ("SECRECY", "AGE_ALONE", "PRIVATE_APPS", "GIFTS", "FLATTERY")


@_reads(*_GROOMING_LISTS)
def _grooming_combo(text: str, found: Found) -> Spans:
    present = [found[n] for n in _GROOMING_LISTS if n in found]
    if len(present) < 2:
        return None
    return [span for spans in present for span in spans]


@_reads("NOBODY", "ENGAGE_VERBS", "REMOVE_VERBS")
def _exclusion(text: str, found: Found) -> Spans:
    if "NOBODY" in found and "ENGAGE_VERBS" in found:
        return found["NOBODY"] + found["ENGAGE_VERBS"]
    return found.get("REMOVE_VERBS") or None


@_reads("MONEY_WORDS", "PUBLISH_VERBS", "YOUR_PHOTOS")
def _money_leverage(text: str, found: Found) -> Spans:
    leverage = found.get("PUBLISH_VERBS", []) + found.get("YOUR_PHOTOS", [])
    if "MONEY_WORDS" in found and leverage:
        return found["MONEY_WORDS"] + leverage
    return None


RULES: dict[str, _Rule] = {
    "image_request": _all_of("REQUEST_VERBS", "IMAGE_WORDS"),
    "body_request": _all_of("REQUEST_VERBS", "BODY_WORDS"),
    "image_body_request": _all_of("REQUEST_VERBS", "IMAGE_WORDS", "BODY_WORDS"),
    "harm_to_you": _harm_you,
    "harm_to_family": _all_of("HARM_VERBS", "FAMILY_WORDS"),
    "harm_to_pet": _all_of("HARM_VERBS", "PET_WORDS"),
    "harm_with_specifics": _all_of("HARM_VERBS", "PLACE_TIME_WORDS"),
    "conditional_publish": _all_of("CONDITIONALS", "PUBLISH_VERBS"),
    "publish_your_photos": _all_of("PUBLISH_VERBS", "YOUR_PHOTOS"),
    "money_leverage": _money_leverage,
    "secrecy": _all_of("SECRECY"),
    "age_or_alone": _all_of("AGE_ALONE"),
    "private_app": _all_of("PRIVATE_APPS"),
    "gift_offer": _all_of("GIFTS"),
    "grooming_combo": _grooming_combo,
    "self_harm_words": _all_of("SELF_HARM"),
    "exclusion_call": _exclusion,
    "insult_addressed": _insult_addressed,
    # One list on its own: weak evidence, weighed by the model, but it
    # knows spellings the training corpus may never have used.
    "insult_words": _all_of("INSULT_WORDS"),
    "sexual_talk": _all_of("SEXUAL_TALK"),
    "rumor_words": _all_of("RUMOR_WORDS"),
    "fake_account_words": _all_of("FAKE_ACCOUNT_WORDS"),
    "threat_phrase": _all_of("THREAT_PHRASES"),
    "harm_verb": _all_of("HARM_VERBS"),
    "publish_verb": _all_of("PUBLISH_VERBS"),
    "body_words": _all_of("BODY_WORDS"),
}
CUE_NAMES: tuple[str, ...] = tuple(RULES)


@lru_cache(maxsize=1)
def _rules_by_list() -> dict[str, tuple[str, ...]]:
    """Lexicon list -> the rules that read it, in `RULES` order."""
    return {name: tuple(rule for rule in RULES if name in RULES[rule].lists) for name in _LISTS}


_RULE_ORDER = {name: i for i, name in enumerate(RULES)}


def find_cues(normalised: str) -> list[CueHit]:
    """Every cue present in a normalised message, with its word spans, in
    `RULES` order."""
    found = lexicon_hits(normalised)
    hits: list[CueHit] = []
    if not found:
        return hits
    # Ask only the rules that read a list found here: most messages touch
    # one or two lists, and there are dozens of rules.
    by_list = _rules_by_list()
    asked = {rule for name in found for rule in by_list[name]}
    for name in sorted(asked, key=_RULE_ORDER.__getitem__):
        spans = RULES[name].find(normalised, found)
        if spans:
            hits.append(CueHit(name, tuple(sorted(set(spans)))))
    return hits
