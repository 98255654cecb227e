"""The severity rules and cue meanings shared by the classifier and the
explanation engine: plain data, cheap to import (no model, no NumPy)."""

from __future__ import annotations

from collections.abc import Mapping

from guardian.domain import Severity

# Which category each structural cue speaks for (evidence and severity).
CUE_LABELS: Mapping[str, str] = {
    "image_request": "sexual", "body_request": "sexual", "image_body_request": "sexual",
    "harm_to_you": "threat", "harm_to_family": "threat", "harm_to_pet": "threat",
    "harm_with_specifics": "threat",
    "conditional_publish": "blackmail", "publish_your_photos": "blackmail", "money_leverage": "blackmail",
    "secrecy": "grooming", "age_or_alone": "grooming", "private_app": "grooming",
    "gift_offer": "grooming", "grooming_combo": "grooming",
    "self_harm_words": "self_harm", "exclusion_call": "exclusion",
    "insult_addressed": "insult", "insult_words": "insult", "sexual_talk": "sexual", "rumor_words": "rumor",
    "fake_account_words": "impersonation", "threat_phrase": "threat", "harm_verb": "threat",
    "publish_verb": "blackmail", "body_words": "sexual",
}

# The severity a category starts at on its own; conversation analysis
# raises it (repetition, pile-ons, specifics, night-time contact).
BASE_SEVERITY: Mapping[str, Severity] = {
    "insult": Severity.LOW, "exclusion": Severity.MEDIUM, "rumor": Severity.MEDIUM,
    "impersonation": Severity.MEDIUM, "grooming": Severity.HIGH, "threat": Severity.HIGH,
    "sexual": Severity.CRITICAL, "blackmail": Severity.CRITICAL, "self_harm": Severity.CRITICAL,
}

# Cues that make a threat critical: it names the family, a pet, a place or a time.
SPECIFIC_THREAT_CUES: frozenset[str] = frozenset({"harm_to_family", "harm_to_pet", "harm_with_specifics"})

# An insult this sure is medium rather than low.
STRONG_INSULT = 0.9
