"""`SeenIdentities` answers exactly what a set of every identity met
answered, in any order of conversations and times."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guardian.store.identities import SeenIdentities

# (conversation, time, text): a few values each, so groups and repeats recur.
MESSAGES = st.lists(st.tuples(st.integers(1, 3), st.integers(0, 6), st.sampled_from("abc")),
                    max_size=80)


def _identity(conversation: int, ts_ms: int, text: str) -> bytes:
    return hashlib.blake2b(f"{conversation}/{ts_ms}/{text}".encode(), digest_size=16).digest()


def _repeat_numbers(messages: list[tuple[int, int, str]], by_set_of_everything: bool) -> list[int]:
    """How many identical messages came before each one, the way
    `ImportSession.queue_rows` counts them; with `in_order`, by the set of
    every identity met (as before it)."""
    everything: set[bytes] = set()
    seen = SeenIdentities()
    repeats: dict[bytes, int] = {}
    numbers = []
    for conversation, ts_ms, text in messages:
        identity = _identity(conversation, ts_ms, text)
        met = everything if by_set_of_everything else seen.group(conversation, ts_ms)
        if identity in met:
            n = repeats.get(identity, 1)
            repeats[identity] = n + 1
        else:
            met.add(identity)
            n = 0
        numbers.append(n)
    return numbers


@settings(max_examples=400, deadline=None)
@given(MESSAGES)
def test_same_answers_as_a_set_of_everything(messages: list[tuple[int, int, str]]) -> None:
    assert (_repeat_numbers(messages, by_set_of_everything=False)
            == _repeat_numbers(messages, by_set_of_everything=True))


@settings(max_examples=100, deadline=None)
@given(MESSAGES)
def test_same_answers_in_time_order_and_reverse(messages: list[tuple[int, int, str]]) -> None:
    for ordered in (sorted(messages, key=lambda m: m[1]), sorted(messages, key=lambda m: -m[1])):
        assert (_repeat_numbers(ordered, by_set_of_everything=False)
                == _repeat_numbers(ordered, by_set_of_everything=True))


@pytest.mark.parametrize("times", [range(1000), range(999, -1, -1)], ids=["in order", "reversed"])
def test_time_order_keeps_only_the_current_group_in_a_set(times: range) -> None:
    seen = SeenIdentities()
    for ts_ms in times:
        seen.group(1, ts_ms).add(_identity(1, ts_ms, "a"))
        seen.group(2, ts_ms).add(_identity(2, ts_ms, "a"))
    assert seen._everything is None
    assert len(seen._kept) == 2 * 999 * 16
    assert seen
    assert not SeenIdentities()


def test_going_back_in_time_switches_to_a_set_of_everything() -> None:
    seen = SeenIdentities()
    for ts_ms in (5, 9, 3, 7):                 # 3 extends the range; 7 lies inside it
        seen.group(1, ts_ms).add(_identity(1, ts_ms, "a"))
    assert seen._everything is not None
    assert _identity(1, 5, "a") in seen.group(1, 5)
    assert len(seen.group(2, 0)) == 4
