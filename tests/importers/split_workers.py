"""Stand-ins for `split_import._work` that misbehave, for
tests/importers/test_whatsapp_split.py.  They run in spawned worker
processes, so they live in a module those processes can import."""

from __future__ import annotations

import os
from multiprocessing.connection import Connection


def dies_at_once(pipe: Connection, job: object) -> None:
    os._exit(3)


def sends_nonsense(pipe: Connection, job: object) -> None:
    pipe.send(("rows", b"not a packed record"))
    pipe.send(("done", None))
