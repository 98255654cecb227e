"""Localized strings WhatsApp writes into its text exports: media
placeholders, attachment markers, system phrases and chat-file name
prefixes (SPEC.md sections 1.1 and 1.5).

Pure data plus the small functions that look bodies up in it, so the
parser in `whatsapp.py` stays about line structure.  Strings marked
UNVERIFIED come from other parsers' tables, not from a real export we
could read; they are kept because a miss only costs a missed label.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from guardian.domain import AttachmentKind as K

# --- media placeholders (exports "without media") ------------------------------

# Whole-body placeholders, matched exactly after one leading LRM/RLM is
# dropped.  Android writes one generic string; iOS names the kind.
EXACT_PLACEHOLDERS: dict[str, K] = {
    # Android, generic ("<Media omitted>" and its translations).
    "<Media omitted>": K.OTHER,
    "<media omitted>": K.OTHER,
    "<تم استبعاد الوسائط>": K.OTHER,
    "<Medien ausgeschlossen>": K.OTHER,
    "<Médias omis>": K.OTHER,
    "<Medya atlanmış>": K.OTHER,
    "<Multimedia omitido>": K.OTHER,        # UNVERIFIED
    "<Mídia oculta>": K.OTHER,              # UNVERIFIED
    "<Media omessi>": K.OTHER,              # UNVERIFIED
    "<Media tidak disertakan>": K.OTHER,    # UNVERIFIED
    "<رسانه حذف شد>": K.OTHER,
    "<میڈیا چھوڑ دیا گیا>": K.OTHER,
    # iOS, English UI.
    "image omitted": K.IMAGE,
    "video omitted": K.VIDEO,
    "audio omitted": K.AUDIO,
    "sticker omitted": K.STICKER,
    "GIF omitted": K.GIF,
    "document omitted": K.DOCUMENT,
    "Contact card omitted": K.CONTACT,
    # iOS, Arabic UI (UNVERIFIED, SPEC 1.5).
    "لم يتم إدراج الصورة": K.IMAGE,
    "لم يتم إدراج الفيديو": K.VIDEO,
    "لم يتم إدراج الفيديوهات": K.VIDEO,
    "لم يتم إدراج المقطع الصوتي": K.AUDIO,
    "لم يتم إدراج المقاطع الصوتية": K.AUDIO,
    "لم يتم إدراج المستند": K.DOCUMENT,
    "لم يتم إدراج صورة GIF": K.GIF,
    "لم يتم إدراج بطاقة جهة اتصال": K.CONTACT,
    "لم يتم إدراج الملصق": K.STICKER,
    "تم حذف الملصقات": K.STICKER,
    # iOS, other UIs seen in issues.
    "görüntü dahil edilmedi": K.IMAGE,
    "Bild weggelassen": K.IMAGE,            # UNVERIFIED
}

# Case varies between versions ("<media omitted>" in some exports).
_LOWER_PLACEHOLDERS = {k.lower(): v for k, v in EXACT_PLACEHOLDERS.items() if k[:1] == "<"}

# Android "<name> (file attached)" with the localized suffix.
_FILE_ATTACHED = re.compile(
    r"[\u200e\u200f]?(?P<name>[^\n]+?)\s\((?:file attached|الملف مرفق|Datei angehängt"
    r"|archivo adjunto|fichier joint|arquivo anexado|file allegato|dosya ekli)\)")
# iOS "<attached: name>", localized label before the colon; "<name eklendi>"
# (tr); very old iOS "name <‎attached>".  A caption may follow on the line.
_IOS_ATTACHED = re.compile(
    r"<\u200e?(?:attached|Anhang|مرفق|adjunto|pièce jointe|allegato|anexo|bijlage)"
    r":\s(?P<name>[^<>\n]+)>(?:\s(?P<caption>.*))?", re.S)
_IOS_ATTACHED_NUMBERED = re.compile(r"<[^<>:\n]{1,40}:\s(?P<name>\d{8}-[A-Za-z]+-[^<>\n]+)>")
_TR_ATTACHED = re.compile(r"<(?P<name>[^<>\n]+\.\w{2,5}) eklendi>")
_OLD_IOS_ATTACHED = re.compile(r"(?P<name>\S+\.\w{2,5}) <\u200e?attached>")
_DOCUMENT_OMITTED = re.compile(r"(?P<name>.+?)\s•\s.*\bdocument omitted")
_LOCATION = re.compile(r"(?:location|Location|الموقع|موقع):\s*https?://\S*(?:maps|goo\.gl)\S*")
_EDITED = (" <This message was edited>", " <تم تعديل هذه الرسالة>",
           " <Diese Nachricht wurde bearbeitet>", " <Questo messaggio è stato modificato>")

# File-name tags WhatsApp uses: iOS "00000003-PHOTO-…", Android "IMG-…".
_NAME_TAGS = {"PHOTO": K.IMAGE, "IMG": K.IMAGE, "VIDEO": K.VIDEO, "VID": K.VIDEO,
              "AUDIO": K.AUDIO, "AUD": K.AUDIO, "PTT": K.AUDIO, "STICKER": K.STICKER,
              "STK": K.STICKER, "GIF": K.GIF, "DOC": K.DOCUMENT, "CONTACT": K.CONTACT}
_NAME_TAG = re.compile(r"(?:\d{8}-)?([A-Z]{3,7})-")
_EXTENSIONS = {
    **dict.fromkeys(("jpg", "jpeg", "png", "heic", "bmp"), K.IMAGE),
    **dict.fromkeys(("mp4", "mov", "3gp", "mkv", "avi"), K.VIDEO),
    **dict.fromkeys(("opus", "ogg", "m4a", "mp3", "aac", "amr", "wav"), K.AUDIO),
    "webp": K.STICKER, "gif": K.GIF, "vcf": K.CONTACT,
    **dict.fromkeys(("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "zip",
                     "rtf", "odt", "csv", "apk"), K.DOCUMENT),
}


def kind_of_file(name: str) -> K:
    """Guess the media kind from a WhatsApp media file name."""
    tag = _NAME_TAG.match(name)
    if tag and tag.group(1) in _NAME_TAGS:
        return _NAME_TAGS[tag.group(1)]
    return _EXTENSIONS.get(PurePosixPath(name).suffix[1:].lower(), K.OTHER)


def needs_attachment_check(body: str) -> bool:
    """Cheap gate before `attachment()`: every marker it knows starts with
    '<' or ends with '>', ')', 'omitted', or names a maps link."""
    if not body:
        return False
    last = body[-1]
    return (last == ">" or last == ")" or body[0] == "<" or body.endswith("omitted")
            or "maps" in body or "attached>" in body)


def attachment(body: str) -> tuple[K, str | None, str] | None:
    """(kind, file name, remaining text) when the first line of a body is a
    media marker; None for ordinary text.  The remaining text is a caption
    written on the same line (iOS), '' for a pure placeholder, or the body
    itself for a location (whose link is content worth keeping)."""
    generic = _LOWER_PLACEHOLDERS.get(body.lower()) if body[:1] == "<" else None
    if generic is not None:
        return generic, None, ""
    for pattern in (_FILE_ATTACHED, _IOS_ATTACHED_NUMBERED, _TR_ATTACHED, _OLD_IOS_ATTACHED):
        found = pattern.fullmatch(body)
        if found:
            name = found.group("name").strip("\u200e\u200f ")
            return kind_of_file(name), name, ""
    found = _IOS_ATTACHED.fullmatch(body)
    if found:
        name = found.group("name").strip("\u200e\u200f ")
        return kind_of_file(name), name, found.group("caption") or ""
    found = _DOCUMENT_OMITTED.fullmatch(body)
    if found:
        return K.DOCUMENT, found.group("name").strip(), ""
    if _LOCATION.fullmatch(body):
        return K.LOCATION, None, body
    return None


def strip_edited(body: str) -> str:
    """Drop the trailing "<This message was edited>" marker WhatsApp adds:
    it is not something the sender wrote."""
    for marker in _EDITED:
        if body.endswith(marker):
            return body[: -len(marker)]
    return body


# --- system messages -----------------------------------------------------------

# Unmarked system text (iOS lines that lost their leading LRM in copied or
# re-typed exports, SPEC I5; Android files written by hand).  Kept strict on
# purpose: a typed message must never be taken for a system line.
# Notices: recognised as the whole body.
_NOTICE = re.compile(
    r"(?:Messages and calls are end-to-end encrypted\..*"
    r"|Messages (?:to this group|you send to this (?:group|chat)|to this chat and calls) are now secured.*"
    r"|Your security code with .+ changed\..*"
    r"|You were added|Missed (?:group )?(?:voice|video) call)$", re.S)
# Events: recognised only when the body starts with the author's own name
# or "You" ("~ AK: ~ AK created this group"), never in "who created this group".
_EVENT = re.compile(
    r".*\b(?:created group [\"“«].*[\"”»]|created this group"
    r"|joined using this group['’]s invite link"
    r"|changed the (?:subject|group name) (?:from .+ )?to [\"“«].*[\"”»]"
    r"|changed this group['’]s icon)$")
# How an unmarked notice or event can begin or end (a cheap gate first).
STRONG_STARTS = ("Messages", "Your ", "You ", "Missed")
STRONG_ENDS = ('"', "\u201d", "\u00bb", "group", "link", "icon", "added", "call")

# Phrases that are system text only when WhatsApp marked the body as its
# own (iOS body with a leading LRM; Android lines without author are system
# anyway): "Sara left" typed by a person is an ordinary message.
_WEAK = re.compile(
    r"(?:.+ (?:left|added .+|removed .+|added you)|You left|You['’]re now an admin"
    r"|.*\bchanged (?:the group description|their phone number|this group['’]s settings).*"
    r"|.*\bdeleted this group['’]s icon"
    r"|.*security code changed.*|Disappearing messages.*|.*\bturned (?:on|off) disappearing messages.*"
    r"|This chat is with a business account.*|Waiting for this message.*"
    # Arabic UI (UNVERIFIED apart from the encryption notice, SPEC 1.5).
    r"|الرسائل والمكالمات مشفرة.*"
    r"|.*(?:أنشأ|أنشأت|إنشاء|انضم|انضممت|غيّر|غيرت|تغيير).*المجموعة.*"
    r"|.*(?:أضافك|تمت إضافتك|غادر|أضاف|أزال|مشرف).*|مكالمة (?:صوتية|فيديو|جماعية).*فائتة.*"
    r"|.*رمز الأمان.*)$", re.S)

# First and last characters of every body that `attachment()`,
# `strip_edited()`, EXACT_PLACEHOLDERS or an unmarked system phrase can
# concern: the parser looks closer only at bodies that start or end with
# one of them.  iOS placeholders and system text start with LRM (or RLM),
# Android placeholders with "<", iOS English placeholders end in "omitted".
SPECIAL_FIRST = frozenset("\u200e\u200f<lL" + "".join(s[0] for s in STRONG_STARTS))
SPECIAL_LAST = frozenset(">)d" + "".join(s[-1] for s in STRONG_ENDS))


# Events that only happen in groups (joins, leaves, subjects, icons).
_GROUP_EVENT = re.compile(
    r"group|\b(?:added|left|removed|joined)\b|المجموعة|مجموعة|أضاف|غادر|أزال|انضم")
# Group subject in "created group "X"", "changed the subject from "A" to "B"":
# the last quoted string on the line is the current subject.
_SUBJECT_EVENT = re.compile(r"created group|changed the (?:subject|group name)|المجموعة")
_LAST_QUOTED = re.compile(r"[\"“«]([^\"“”«»]+)[\"”»]\s*$")

DELETED_BODIES = frozenset({
    "This message was deleted", "This message was deleted.", "You deleted this message",
    "You deleted this message.", "تم حذف هذه الرسالة", "تم حذف هذه الرسالة.",
    "لقد حذفت هذه الرسالة", "لقد حذفت هذه الرسالة.", "حذفت هذه الرسالة",
})


def is_system_phrase(body: str, marked: bool, author: str = "") -> bool:
    """Whether a body is WhatsApp's own text.  `marked` says WhatsApp
    flagged it (leading LRM on iOS), which admits the weaker phrases;
    `author` is the line's sender, for events told in the actor's name."""
    if body in DELETED_BODIES:
        return False
    if _NOTICE.match(body):
        return True
    if marked:
        return _EVENT.match(body) is not None or _WEAK.match(body) is not None
    actor_first = body.startswith(("You ", "~")) or bool(author and body.startswith(author))
    return actor_first and _EVENT.match(body) is not None


def is_group_event(text: str) -> bool:
    return _GROUP_EVENT.search(text) is not None and not text.startswith(
        ("Messages and calls", "الرسائل والمكالمات"))


def subject_of(text: str) -> str | None:
    """The group subject a system line sets, if it sets one."""
    if not _SUBJECT_EVENT.search(text):
        return None
    found = _LAST_QUOTED.search(text)
    return found.group(1).strip() if found else None


# --- chat names from file names ------------------------------------------------

_TITLE_PREFIX = re.compile(
    r"(?:WhatsApp[ -]Chat (?:with|mit|met|con|avec|-)|Chat de WhatsApp con|Discussion WhatsApp avec"
    r"|Conversa do WhatsApp com|Chat WhatsApp con|Чат WhatsApp с|WhatsApp Sohbeti:?"
    r"|(?:دردشة|محادثة) (?:واتساب|واتس اب|WhatsApp) مع|(?:دردشة|محادثة) (?:واتساب|WhatsApp) -)"
    r"\s*", re.IGNORECASE)
_DUPLICATE_SUFFIX = re.compile(r"\s*\(\d{1,3}\)$")
# File stems that name no chat at all ("_chat.txt" outside its zip,
# "export.txt"): using them as a key would merge unrelated chats.
_GENERIC_STEMS = frozenset({"_chat", "chat", "export", "whatsapp", "whatsapp chat",
                            "messages", "untitled", "دردشة", "محادثة"})


def chat_name_from_hint(hint: str) -> str | None:
    """The chat's name from a file or zip stem ("WhatsApp Chat with Sara"
    -> "Sara"), or None when the stem names no chat."""
    name = _DUPLICATE_SUFFIX.sub("", " ".join(hint.split()))
    prefixed = _TITLE_PREFIX.match(name)
    if prefixed:
        name = name[prefixed.end():].strip()
    if not name or name.casefold() in _GENERIC_STEMS:
        return None
    return name
