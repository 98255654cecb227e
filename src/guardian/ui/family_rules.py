"""What "not a problem" teaches Guardian, for this family only (no Qt).

When the parent marks a finding "not a problem", Guardian remembers the
pair (who wrote it, what was written): a keyed fingerprint of the sender's
name and a keyed fingerprint of the normalised text, plus the categories
and the severity the finding had.  On the next scan, a finding on a message
with the same sender AND the same normalised text is dropped, unless it is
now worse (a higher severity or a category the parent never saw on it).
The same words from anybody else are still flagged, and a different
message from the same sender is still flagged.

The rules are stored in the encrypted store (the `meta` table, one
AES-GCM blob; fingerprints are keyed, so they say nothing without the key).
Undoing the "not a problem" decision removes exactly its rule.

This is the UI-side stand-in for a store table and a `scan_store(...,
allow=)` parameter proposed to the store and analysis owners (see the
report); it wraps the store given to `scan_store` rather than editing it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from guardian.domain import Finding, Message
from guardian.store.database import Store

log = logging.getLogger(__name__)

META_KEY = "ui.family_allowlist.v1"


@dataclass(frozen=True)
class Rule:
    finding_id: int
    sender_fp: str
    text_fp: str
    categories: tuple[str, ...]
    severity: int


def _normalise(text: str) -> str:
    try:
        from guardian.analysis.normalize import normalize_text
        return normalize_text(text)
    except ImportError:  # pragma: no cover - analysis ships with the app
        return " ".join(text.split()).casefold()


def message_key(store: Store, message: Message) -> tuple[str, str]:
    cipher = store.cipher
    return (cipher.fingerprint("allow-sender", message.sender).hex(),
            cipher.fingerprint("allow-text", _normalise(message.text)).hex())


class FamilyRules:
    """The allow-list of one store.  Read and written with that store's
    connection (so one instance per thread)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.rules: dict[int, Rule] = {}
        row = store.connection.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
        if row is not None:
            data = json.loads(store.cipher.decrypt(bytes(row[0])).decode("utf-8"))
            for item in data:
                rule = Rule(int(item["finding_id"]), item["sender"], item["text"],
                            tuple(item["categories"]), int(item["severity"]))
                self.rules[rule.finding_id] = rule

    def _save(self) -> None:
        data: list[dict[str, Any]] = [
            {"finding_id": r.finding_id, "sender": r.sender_fp, "text": r.text_fp,
             "categories": list(r.categories), "severity": r.severity} for r in self.rules.values()]
        blob = self._store.cipher.encrypt(json.dumps(data).encode("utf-8"))
        con = self._store.connection
        con.execute("BEGIN IMMEDIATE")
        try:
            con.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (META_KEY, blob))
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    def add(self, finding: Finding, message: Message) -> None:
        assert finding.id is not None
        sender, text = message_key(self._store, message)
        self.rules[finding.id] = Rule(finding.id, sender, text, tuple(finding.categories),
                                      int(finding.severity))
        self._save()
        log.info("family rule added (%d in all)", len(self.rules))

    def remove(self, finding_id: int) -> None:
        if self.rules.pop(finding_id, None) is not None:
            self._save()
            log.info("family rule removed (%d in all)", len(self.rules))

    def allows(self, key: tuple[str, str], finding: Finding) -> bool:
        """True when the parent already said this very thing from this very
        sender is not a problem, and the new finding is no worse."""
        for rule in self.rules.values():
            if (rule.sender_fp, rule.text_fp) == key \
                    and int(finding.severity) <= rule.severity \
                    and set(finding.categories) <= set(rule.categories):
                return True
        return False

    def __len__(self) -> int:
        return len(self.rules)


class _RuledStore:
    """The store as `scan_store` sees it, with findings the family rules
    allow taken out before they are saved."""

    def __init__(self, store: Store, rules: FamilyRules) -> None:
        self._store = store
        self._rules = rules
        self._messages: dict[int, Message] = {}
        self.dropped = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def messages(self, conversation_id: int, **kwargs: Any) -> list[Message]:
        messages = self._store.messages(conversation_id, **kwargs)
        self._messages = {m.id: m for m in messages if m.id is not None}
        return messages

    def replace_findings(self, conversation_id: int, findings: list[Finding], model_version: str) -> int:
        kept = []
        for f in findings:
            message = self._messages.get(f.message_id)
            if message is not None and self._rules.rules \
                    and self._rules.allows(message_key(self._store, message), f):
                self.dropped += 1
                continue
            kept.append(f)
        return self._store.replace_findings(conversation_id, kept, model_version)


def scan_with_rules(store: Store, classifier: Any, *, conversation_ids: Iterable[int] | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    should_stop: Callable[[], bool] = lambda: False) -> Any:
    """`scanning.scan_store` with this family's "not a problem" rules applied."""
    from guardian.scanning import scan_store
    ruled = _RuledStore(store, FamilyRules(store))
    result = scan_store(ruled, classifier,  # type: ignore[arg-type]
                        conversation_ids=list(conversation_ids) if conversation_ids is not None else None,
                        progress=progress, should_stop=should_stop)
    if ruled.dropped:
        log.info("family rules set aside %d findings", ruled.dropped)
    return result


__all__ = ["FamilyRules", "Rule", "message_key", "scan_with_rules"]
