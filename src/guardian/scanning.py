"""Analyse stored conversations and keep the findings.

Reads each conversation from the store, runs the classifier and the
conversation analysis (pure functions), and saves the findings in one
transaction per conversation, keeping the parent's earlier review
decisions.  Long work takes plain progress and cancel callables.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from guardian import paths
from guardian.analysis.classify import Classifier
from guardian.analysis.conversation import analyse_messages
from guardian.domain import Finding, Message
from guardian.store.database import Store

log = logging.getLogger(__name__)

CONTEXT_BEFORE = 3
CONTEXT_AFTER = 3


def model_dir() -> Path:
    return paths.assets_dir() / "model"


@lru_cache(maxsize=4)
def _cached_classifier(folder: str, sensitivity: tuple[tuple[str, float], ...]) -> Classifier:
    return Classifier.load(Path(folder), dict(sensitivity))


def load_classifier(sensitivity: dict[str, float] | None = None) -> Classifier:
    return _cached_classifier(str(model_dir()), tuple(sorted((sensitivity or {}).items())))


@dataclass
class ScanResult:
    conversations: int = 0
    messages: int = 0
    findings: int = 0


def scan_store(store: Store, classifier: Classifier, *, conversation_ids: list[int] | None = None,
               progress: Callable[[int, int], None] | None = None,
               should_stop: Callable[[], bool] = lambda: False) -> ScanResult:
    result = ScanResult()
    conversations = [c for c in store.conversations()
                     if conversation_ids is None or c.id in conversation_ids]
    total = sum(c.messages for c in conversations)
    done = 0
    for conv in conversations:
        if should_stop():
            break
        messages = store.messages(conv.id)
        findings = analyse_messages(messages, classifier, conv.child,
                                    progress=(lambda n, base=done: progress(base + n, total)) if progress else None,
                                    should_stop=should_stop)
        if should_stop():
            break
        store.replace_findings(conv.id, findings, classifier.model.version)
        done += len(messages)
        result.conversations += 1
        result.messages += len(messages)
        result.findings += len(findings)
    log.info("scanned %d conversations, %d messages, %d findings",
             result.conversations, result.messages, result.findings)
    return result


def context_of(messages: list[Message], index: int) -> list[Message]:
    """The messages around a finding, including the child's own replies."""
    start = max(0, index - CONTEXT_BEFORE)
    return messages[start:index] + messages[index + 1:index + 1 + CONTEXT_AFTER]


def finding_index(messages: list[Message]) -> dict[int, int]:
    return {m.id: i for i, m in enumerate(messages) if m.id is not None}


__all__ = ["Finding", "ScanResult", "context_of", "finding_index", "load_classifier", "scan_store"]
