"""One pause of the cycle collector shared by every thread: it is off while
any pause runs and ends as the first pause found it."""

from __future__ import annotations

import gc
import threading

import pytest

from guardian.collector import collector_paused

pytestmark = pytest.mark.usefixtures("collector_enabled")


def test_paused_within_the_block_even_when_it_fails() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_overlapping_pauses_on_two_threads_keep_it_off_until_the_last_ends() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def second() -> None:
        first_in.wait()
        with collector_paused():
            second_in.set()
            first_out.wait()
            seen.append(gc.isenabled())     # the first pause has ended: still off

    worker = threading.Thread(target=second)
    worker.start()
    with collector_paused():
        first_in.set()
        second_in.wait()
    first_out.set()
    worker.join()
    assert seen == [False]
    assert gc.isenabled()


def test_freeze_after_moves_survivors_out_of_collections() -> None:
    before = gc.get_freeze_count()
    try:
        with collector_paused(freeze_after=True):
            kept = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()
