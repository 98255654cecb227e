"""Guardian's domain model: the nouns every layer shares.

Importers produce `Conversation` and `Message` values, the store persists
them, analysis turns messages into `Finding`s, and the UI and reports read
findings back.  Nothing here touches Qt, the disk or the network.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Category(str, enum.Enum):
    """The nine harms Guardian flags.  The values are stable identifiers used
    in the database, the model, the CLI's JSON and the reports."""

    INSULT = "insult"
    THREAT = "threat"
    SEXUAL = "sexual"
    BLACKMAIL = "blackmail"
    GROOMING = "grooming"
    RUMOR = "rumor"
    IMPERSONATION = "impersonation"
    EXCLUSION = "exclusion"
    SELF_HARM = "self_harm"


CATEGORY_IDS: tuple[str, ...] = tuple(c.value for c in Category)


class Severity(enum.IntEnum):
    """Ordered so that `max()` over findings gives the worst one."""

    NONE = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def id(self) -> str:
        return self.name.lower()

    @classmethod
    def from_id(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}") from None


class AttachmentKind(str, enum.Enum):
    """What kind of media a message carried.  Guardian never stores or
    copies the media itself, only its kind, file name and hash."""

    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    STICKER = "sticker"
    GIF = "gif"
    DOCUMENT = "document"
    CONTACT = "contact"
    LOCATION = "location"
    OTHER = "other"


class ReviewState(str, enum.Enum):
    """What the parent decided about a finding."""

    NEW = "new"
    REVIEWED = "reviewed"
    NOT_A_PROBLEM = "not_a_problem"
    IMPORTANT = "important"


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who wrote in a conversation, as the export names them."""

    name: str
    is_child: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Conversation:
    """One chat (a direct chat or a group) inside an export.

    `key` identifies the chat within its platform so that a newer export of
    the same chat lands in the same conversation; `owner` is the exporting
    account's name when the format tells (Telegram's own account, an SMS
    backup's phone), the importer's best guess for the child.
    """

    platform: str
    key: str
    title: str
    is_group: bool = False
    owner: str | None = None
    id: int | None = None


@dataclass(slots=True)
class Message:
    """One message as an importer read it.

    `timestamp` is always time zone-aware.  `raw` is the exact line(s) or
    record the message came from, kept unedited as evidence; `position` is
    its line (text formats) or record number (structured formats) in the
    source file, for error messages and the evidence appendix.  Not frozen:
    a million of them are made per big import, and frozen dataclasses
    cost a microsecond more each to build.
    """

    conversation: Conversation
    sender: str
    timestamp: datetime
    text: str
    raw: str
    position: int
    attachment: AttachmentKind | None = None
    attachment_name: str | None = None
    is_system: bool = False
    id: int | None = None

    def __post_init__(self) -> None:
        if self.timestamp.tzinfo is None or self.timestamp.utcoffset() is None:
            raise ValueError("Message.timestamp must be time zone-aware")


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of a message's text that made us flag it."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a finding has its severity, as a rule code with the facts that
    triggered it ("same_sender", {"count": 14, "days": 3}).  The
    explanation engine turns it into words in the parent's language."""

    code: str
    params: tuple[tuple[str, str | int | float], ...] = ()

    @property
    def values(self) -> dict[str, str | int | float]:
        return dict(self.params)

    def as_json(self) -> dict[str, object]:
        return {"code": self.code, **self.values}

    @classmethod
    def make(cls, code: str, **params: str | int | float) -> Reason:
        return cls(code, tuple(sorted(params.items())))

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Reason:
        params = {k: v for k, v in data.items() if k != "code"}
        return cls.make(str(data["code"]), **params)  # type: ignore[arg-type]


@dataclass(slots=True)
class Finding:
    """What analysis concluded about one message."""

    message_id: int
    categories: tuple[str, ...]
    scores: dict[str, float]
    severity: Severity
    spans: tuple[Span, ...] = ()
    explanation: str = ""
    review: ReviewState = ReviewState.NEW
    note: str = ""
    id: int | None = None
    reasons: tuple[Reason, ...] = field(default=())
    cues: tuple[str, ...] = field(default=())   # structural cues found in the message
