"""Which message identities an import has already met, in little memory.

A message's identity (see `ImportSession.queue_rows`) is a 16-byte keyed
digest that covers its conversation and time, so two messages can share
one only when they have the same conversation and time: the same *group*.
A set of every identity of a million-message import holds about 90 MB of
Python objects; this keeps the same answers in about 16 MB.

Exports list a conversation's messages in time order (or in reverse
order), so a message nearly always opens a new group, whose time lies
outside every time the conversation has had so far in this source, or
belongs to the group just before it.  Only that current group's
identities need a set; earlier groups are kept as 16 raw bytes each in
one bytearray.  When a conversation comes back to a time within the range
it has already covered (an export not in time order), the kept bytes
become one set of everything met, which answers every later question the
way a set of all identities did before: exact in every order, compact in
the usual one.
"""

from __future__ import annotations

IDENTITY_BYTES = 16


class _Timeline:
    """One conversation's times so far and its current group."""

    __slots__ = ("current", "high", "low", "time")

    def __init__(self, ts_ms: int) -> None:
        self.low = self.high = self.time = ts_ms
        self.current: set[bytes] = set()


class SeenIdentities:
    """`group(conversation_id, ts_ms)` gives the set of identities already
    met in that group; the caller adds each new identity to it.  Call it
    again whenever the conversation or the time changes."""

    __slots__ = ("_everything", "_kept", "_timelines")

    def __init__(self) -> None:
        self._timelines: dict[int, _Timeline] = {}
        self._kept = bytearray()              # identities of closed groups, 16 bytes each
        self._everything: set[bytes] | None = None

    def __bool__(self) -> bool:
        """True once any identity was met."""
        return bool(self._kept or self._everything
                    or any(line.current for line in self._timelines.values()))

    def group(self, conversation_id: int, ts_ms: int) -> set[bytes]:
        line = self._timelines.get(conversation_id)
        if line is not None and ts_ms > line.high:
            # The usual case, kept short: time moves on past every earlier time.
            current = line.current
            self._kept += b"".join(current)
            current.clear()
            line.high = line.time = ts_ms
            return current
        return self._other_group(conversation_id, ts_ms, line)

    def _other_group(self, conversation_id: int, ts_ms: int, line: _Timeline | None) -> set[bytes]:
        if self._everything is not None:
            return self._everything
        if line is None:
            line = self._timelines[conversation_id] = _Timeline(ts_ms)
            return line.current
        if ts_ms == line.time:
            return line.current
        if ts_ms >= line.low:            # within the times covered so far
            return self._meet_everything()
        current = line.current           # before every earlier time: reverse order
        self._kept += b"".join(current)
        current.clear()
        line.low = line.time = ts_ms
        return current

    def _meet_everything(self) -> set[bytes]:
        """Switch to one set of every identity met (the time order broke)."""
        kept = self._kept
        for line in self._timelines.values():
            kept += b"".join(line.current)
        self._everything = {bytes(kept[at:at + IDENTITY_BYTES])
                            for at in range(0, len(kept), IDENTITY_BYTES)}
        self._kept = bytearray()
        self._timelines.clear()
        return self._everything
