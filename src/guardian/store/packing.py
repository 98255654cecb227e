"""Turning an import's rows into packed, encrypted records for `store.bulk`.

This is the import's hot path outside the parser: each message gets its
identity (a keyed fingerprint), its content sealed with AES-GCM and its
fields appended to a `MessageBatch`.  It needs the cipher and, for each new
sender, the participant's database id, but never the database itself, so
it runs the same in the importing process (`ImportSession`) and in a
process that reads part of a big file (`guardian.split_import`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from guardian.store.bulk import (
    PLAIN_FLAGS,
    MessageBatch,
    attachment_field,
    flags_field,
    people_field,
    time_field,
)
from guardian.store.crypto import Cipher
from guardian.store.identities import SeenIdentities

# A message as `RowPacker.pack` takes it: an importers.base.Row.
Row = tuple[Any, ...]
# (conversation id, sender name) -> the participant's id (0: none).
ParticipantLookup = Callable[[int, str], int]
# (source id, packed records): hands a full batch over for inserting.
BatchSink = Callable[[int, bytes], None]


class RowPacker:
    """Fingerprints, encrypts and packs rows, a batch of `WRITE_ROWS` at a
    time, handing each full batch to `sink`.

    A message's identity is its conversation, sender, time, content and
    how many identical messages came before it in the same source, so a
    re-import or an overlapping newer export adds nothing twice while two
    genuinely repeated "ok"s in one minute both stay.  The identity is the
    keyed fingerprint of those parts in netstring form
    (`Cipher.fingerprint`); the parts that repeat from message to message
    (conversation and sender, time) are encoded once."""

    WRITE_ROWS = 8192      # rows per INSERT statement (a few MB of blob)

    def __init__(self, cipher: Cipher, participant: ParticipantLookup, sink: BatchSink) -> None:
        self._cipher = cipher
        self._participant = participant
        self._sink = sink
        # conversation id -> sender -> (the record's conversation and
        # participant fields, the start of the fingerprint input:
        # conversation id and sender as netstrings)
        self._senders: dict[int, dict[str, tuple[bytes, bytes]]] = {}
        self._seen = SeenIdentities()          # identities met in this source
        self._repeats: dict[bytes, int] = {}
        self._pending: MessageBatch | None = None

    def new_source(self) -> None:
        """Repeats are counted within one source, so two exports of one
        chat imported together match message for message, as they do when
        imported one after the other."""
        self.flush()
        self._seen = SeenIdentities()
        self._repeats.clear()

    def flush(self) -> None:
        """Hand the batch being filled to the sink."""
        batch, self._pending = self._pending, None
        if batch is not None and batch.rows:
            self._sink(batch.source_id, batch.blob())

    def discard(self) -> None:
        """Forget the batch being filled and what this source has met."""
        self._pending = None
        self._seen = SeenIdentities()
        self._repeats.clear()

    def known_senders(self) -> dict[int, dict[str, tuple[bytes, bytes]]]:
        """A copy of the sender cache, for `restore_senders`."""
        return {cid: dict(names) for cid, names in self._senders.items()}

    def restore_senders(self, senders: dict[int, dict[str, tuple[bytes, bytes]]]) -> None:
        self._senders = senders

    def _sender(self, conversation_id: int, name: str) -> tuple[bytes, bytes]:
        """The record's conversation and participant fields (participant 0:
        none) and the fingerprint prefix for a sender."""
        pid = self._participant(conversation_id, name) if name else 0
        cid = str(conversation_id)
        prefix = f"{len(cid)}:{cid}{len(name)}:{name}".encode("utf-8", "surrogatepass")
        value = self._senders.setdefault(conversation_id, {})[name] = (
            people_field(conversation_id, pid), prefix)
        return value

    def pack(self, cid: int, rows: Iterable[Row], source_id: int) -> None:
        """Fingerprint, encrypt and pack one conversation's messages given as
        `importers.base.Row` tuples."""
        cipher = self._cipher
        fingerprint, seal = cipher.fingerprint_bytes, cipher.seal_message
        seen, repeats = self._seen, self._repeats
        plain_flags = PLAIN_FLAGS
        row_limit = self.WRITE_ROWS
        senders = self._senders.setdefault(cid, {})
        batch = self._batch(source_id)
        values = batch.values
        room = row_limit - batch.rows
        content_bytes = 0
        last_stamp: tuple[Any, ...] | None = None
        ts_ms = 0
        when = b""
        ts_part = b""
        met: set[bytes] = set()     # identities already met at this time (see `SeenIdentities`)
        count = 0
        for sender, stamp, text, raw, position, attachment, name, is_system in rows:
            known = senders.get(sender)
            people, prefix = known if known is not None else self._sender(cid, sender)
            if stamp is not last_stamp:
                last_stamp = stamp
                ts_ms = stamp[0]
                when = time_field(ts_ms, stamp[1])
                ts_text = b"%d" % ts_ms
                ts_part = b"%d:%b" % (len(ts_text), ts_text)
                met = seen.group(cid, ts_ms)
            text_bytes = text.encode("utf-8", "surrogatepass")
            if attachment is None and name is None:
                flags = plain_flags[is_system]
                identity = fingerprint(b"%b%b%d:%b0:0:" % (prefix, ts_part, len(text), text_bytes))
            else:
                value = attachment.value if attachment else ""
                flags = flags_field(attachment_field(value), is_system)
                name_part = name or ""
                identity = fingerprint(
                    b"%b%b%d:%b" % (prefix, ts_part, len(text), text_bytes)
                    + f"{len(value)}:{value}{len(name_part)}:{name_part}".encode("utf-8", "surrogatepass"))
            if identity in met:
                n = repeats.get(identity, 1)
                repeats[identity] = n + 1
                fp = cipher.fingerprint(identity.hex(), str(n))
            else:
                met.add(identity)
                fp = identity
            # Most raw lines end with the text: store only the part before it.
            if raw.endswith(text):
                content = seal(text_bytes, raw[:len(raw) - len(text)].encode("utf-8", "surrogatepass"), name,
                               raw_is_head=True)
            else:
                content = seal(text_bytes, raw.encode("utf-8", "surrogatepass"), name)
            size = len(content)
            content_bytes += size
            # MessageBatch.add, inlined
            values += (fp, people, when, position, flags, size, content)
            count += 1
            if count == room:
                batch.rows += count
                batch.content_bytes += content_bytes
                count, room, content_bytes = 0, row_limit, 0
                batch = self._batch(source_id, full=True)
                values = batch.values
        batch.rows += count
        batch.content_bytes += content_bytes

    def _batch(self, source_id: int, full: bool = False) -> MessageBatch:
        """The batch to add rows to; a full one (or another source's) goes
        to the sink first."""
        if full or (self._pending is not None and self._pending.source_id != source_id):
            self.flush()
        if self._pending is None:
            self._pending = MessageBatch(source_id)
        return self._pending
