"""Pausing Python's cycle collector around bursts of allocation.

Importing a big export, classifying a batch of messages and reading a
snapshot of findings each make hundreds of thousands of small objects that
hold no reference cycles.  While the collector is on, those allocations
keep starting collections, and now and then one walks the whole heap while
holding the GIL: up to a tenth of an import, a fifth of classification,
and the worst stall of the findings list.  Reference counting still frees
the objects; only cyclic garbage made meanwhile waits for the collector to
run again.

Every pause in the process shares one count, so threads that pause at the
same time (an import while the findings list reloads) never switch the
collector back on under each other, and the last to finish leaves it as
the first found it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0              # pauses running now, on any thread
_was_enabled = True      # the collector's state when the first of them began


@contextmanager
def collector_paused(freeze_after: bool = False) -> Iterator[None]:
    """No cyclic collection inside the block.  `freeze_after`: move every
    object alive at its end out of later collections (`gc.freeze`), for
    long-lived results such as the rows on screen."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if freeze_after:
                gc.freeze()
            if _pauses == 0 and _was_enabled:
                gc.enable()
