"""Importing one big WhatsApp export with a process per processor core.

One Python process tops out at about 100,000 messages a second: the
parser, the fingerprints and the encryption all hold the interpreter.  For
a big export the file is cut into parts (`importers.whatsapp_split`) and
each part is read, fingerprinted, encrypted and packed by its own process
(`RowPacker`, as in the importing process); this process only writes the
packed records to the database (`ImportSession.submit_packed`) and gives
the workers the participant ids they ask for, so every row still lands in
the import's one transaction.

The workers are started with "spawn", never "fork": the app may have a GUI
and threads running, which a forked child must not inherit.  Each gets the
data key through its pipe, never on a command line or in a file.

Any trouble (a guess that turns out wrong, a worker that fails or dies)
raises `Reread`: the caller undoes what the parts stored and reads the
file in one pass, which gives the same messages and reports any problem
the usual way.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import tzinfo
from multiprocessing.connection import Connection, wait
from types import ModuleType

from guardian.importers import whatsapp, whatsapp_split
from guardian.importers.base import Origin, ParseContext, Reread, Source
from guardian.importers.sources import open_origin
from guardian.importers.whatsapp_split import PartSummary, Plan
from guardian.importers.whatsapp_survey import Survey
from guardian.store.database import ImportSession

log = logging.getLogger(__name__)

# Each worker peaks at about 60 MB; two keep a big import under 200 MB
# together with this process, whose SQLite writer keeps a third core busy
# where there is one.
MAX_PROCESSES = 2
_POLL_S = 0.1          # how often a waiting import checks for cancel


@dataclass(frozen=True)
class _Job:
    """What a worker needs to read one part (sent through its pipe)."""

    key: bytes
    origin: Origin
    name: str
    display_path: str
    size: int
    siblings: tuple[str, ...]
    title_hint: str
    plan: Plan
    index: int
    tz: tzinfo
    conversation_id: int
    source_id: int


def processes() -> int:
    """How many processes may share an import: the cores this process may
    run on, at most MAX_PROCESSES."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:            # not on Linux
        cores = os.cpu_count() or 1
    return min(cores, MAX_PROCESSES)


def store_in_parts(session: ImportSession, importer: ModuleType, source: Source, ctx: ParseContext,
                   source_id: int, on_progress: Callable[[int], None],
                   ) -> tuple[int, list[tuple[int, str]], int] | None:
    """Import `source` in parts: how many messages it read, the lines it
    skipped and the number of parts; or None when the file is read in one
    pass instead (too small,
    not a WhatsApp file on disk, no place to cut, one core).  Raises
    `Reread` when the parts' rows must be undone and the file read in one
    pass; `Cancelled` when the parent cancels."""
    if importer is not whatsapp:
        return None
    count = processes()
    guessed = whatsapp_split.guess(source, ctx, count)
    if guessed is None:
        return None
    assert source.origin is not None
    spawn = multiprocessing.get_context("spawn")
    workers: list[multiprocessing.process.BaseProcess] = []
    pipes: dict[Connection, int] = {}
    try:
        # The workers start before the plan is made: a new Python process
        # takes about as long to start as the plan takes to count the
        # lines before each cut, so the two overlap.
        for index in range(count):
            ours, theirs = spawn.Pipe()
            worker = spawn.Process(target=_start, args=(theirs, _work), daemon=True,
                                   name=f"guardian-import-part-{index}")
            worker.start()
            theirs.close()
            workers.append(worker)
            pipes[ours] = index
        plan = whatsapp_split.plan(source, count, guessed)
        if plan is None:
            return None                  # the workers are stopped below
        cid = session.conversation_id(plan.guessed)
        for pipe, index in pipes.items():
            pipe.send(_Job(session.data_key(), source.origin, source.name, source.display_path,
                           source.size, tuple(source.siblings), source.title_hint, plan, index,
                           ctx.tz, cid, source_id))
        summaries = _serve(session, pipes, ctx, source_id, on_progress)
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        for pipe in pipes:
            pipe.close()
    finished = whatsapp_split.finish(plan, source, summaries)
    if finished is None:
        log.info("whatsapp: the parts' guesses did not hold; reading in one pass")
        raise Reread()
    session.refresh_conversation(finished.conversation)
    return sum(s.messages for s in summaries), finished.skipped, len(plan.parts)


def _serve(session: ImportSession, pipes: dict[Connection, int], ctx: ParseContext, source_id: int,
           on_progress: Callable[[int], None]) -> list[PartSummary]:
    """Store what the workers send and answer their questions until each
    has sent its summary."""
    summaries: list[PartSummary | None] = [None] * len(pipes)
    waiting = dict(pipes)
    messages = 0
    while waiting:
        ctx.check_cancelled()
        for pipe in wait(list(waiting), timeout=_POLL_S):
            assert isinstance(pipe, Connection)
            try:
                message = pipe.recv()
            except (EOFError, OSError):
                log.warning("an import worker stopped without finishing; reading in one pass")
                raise Reread() from None
            kind = message[0] if isinstance(message, tuple) and message else None
            if kind == "rows" and isinstance(message[1], bytes):
                session.submit_packed(source_id, message[1])
            elif kind == "progress":
                messages += message[1]
                on_progress(messages)
            elif kind == "participant":
                pipe.send(session.participant_id(message[1], message[2]))
            elif kind == "done" and isinstance(message[1], PartSummary):
                summaries[waiting.pop(pipe)] = message[1]
            else:                               # "reread", "failed", or a bug
                log.info("an import worker gave up (%s); reading in one pass",
                         message[1] if kind in ("reread", "failed") else "an unexpected message")
                raise Reread()
    return summaries  # type: ignore[return-value]


def _start(pipe: Connection, work: Callable[[Connection, _Job], None]) -> None:
    """A worker process: wait for its job, then do it (`work` is `_work`,
    named here so that tests can swap it); a parent that finds no plan
    stops it first."""
    try:
        job = pipe.recv()
    except (EOFError, OSError):
        return
    work(pipe, job)


def _work(pipe: Connection, job: _Job) -> None:
    """A worker: read, fingerprint, encrypt and pack one part, sending the
    packed records home."""
    from guardian.store.crypto import Cipher
    from guardian.store.packing import RowPacker

    def participant(conversation_id: int, name: str) -> int:
        pipe.send(("participant", conversation_id, name))
        return int(pipe.recv())

    try:
        # Only the parts of this source are read (`whatsapp_split.part_source`).
        source = Source(name=job.name, display_path=job.display_path, size=job.size,
                        _opener=lambda _member: open_origin(job.origin, job.size),
                        siblings=job.siblings, title_hint=job.title_hint, origin=job.origin)
        ctx = ParseContext(tz=job.tz)
        packer = RowPacker(Cipher(job.key), participant, lambda _sid, blob: pipe.send(("rows", blob)))
        summary = PartSummary(tally=Survey(), skipped=[])
        for rows in whatsapp_split.read_part(source, ctx, job.plan, job.index, summary):
            packer.pack(job.conversation_id, rows, job.source_id)
            pipe.send(("progress", len(rows)))
        packer.flush()
        pipe.send(("done", summary))
    except Reread:
        pipe.send(("reread", "a guess failed"))
    except Exception as exc:  # noqa: BLE001 - told home by kind only: never the child's text
        pipe.send(("failed", type(exc).__name__))
    finally:
        pipe.close()
