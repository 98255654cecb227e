"""`guardian import` and `guardian list`."""

from __future__ import annotations

import argparse
import json
import os
from datetime import datetime
from pathlib import Path

from guardian import keys, paths
from guardian.commands.errors import EXIT_BAD_INPUT, EXIT_ERROR, EXIT_OK, EXIT_USAGE, CliError
from guardian.importers.base import BadExport, Cancelled
from guardian.store.database import ConversationSummary, Store, Unlock
from guardian.timezones import UnknownZone


def open_store(args: argparse.Namespace) -> Store:
    """The parent's store, unlocked by the keyring, a passphrase from the
    environment or a file, or a terminal prompt (never without a terminal)."""
    passphrase = keys.passphrase_from_env_or_file(args.passphrase_file)
    loc = paths.locations()
    _check_writable(loc.data, loc.database)
    return Store.open(loc.database, Unlock(passphrase=passphrase, prompt=keys.terminal_prompt),
                      backups=loc.backups)

def _check_writable(folder: Path, database: Path) -> None:
    """SQLite writes journal files beside the database even to read it; in
    a read-only folder it fails with "unable to open database file", which
    would wrongly suggest a damaged database."""
    for path in (folder, database):
        if path.exists() and not os.access(path, os.W_OK):
            raise CliError(f"{path}: Guardian's data is read-only here, so it cannot be opened "
                           "(make the folder writable, or use --data-dir); nothing was changed",
                           EXIT_ERROR)


def cmd_import(args: argparse.Namespace) -> int:
    from guardian import timezones
    from guardian.importing import ChildNotFound, import_paths
    try:
        tz_name, tz = timezones.resolve(args.tz)
    except UnknownZone as exc:
        raise CliError(f"--tz: {exc}", EXIT_USAGE) from None
    for path in args.paths:
        if not path.exists():
            raise BadExport(str(path), "the file or folder does not exist")
    with open_store(args) as store:
        try:
            report = import_paths(store, args.paths, tz=tz, tz_name=tz_name, child=args.child)
        except ChildNotFound as exc:
            raise CliError(str(exc), EXIT_BAD_INPUT) from None
        except Cancelled:
            raise CliError("import cancelled; nothing was changed", EXIT_ERROR) from None
        findings = 0
        if not args.no_analyse and report.conversation_ids:
            # Analyse what was imported, so `guardian report` has findings.
            from guardian.scanning import load_classifier, scan_store
            findings = scan_store(store, load_classifier(), conversation_ids=report.conversation_ids).findings
        conversations = [c for c in store.conversations() if c.id in set(report.conversation_ids)]
    if args.json:
        print(json.dumps({"sources": [s.as_json() for s in report.sources],
                          "conversations": [conversation_json(c) for c in conversations]},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    for s in report.sources:
        print(f"{s.path}: {s.format}, {s.messages} messages read, {s.added} new")
    if not args.no_analyse:
        print(f"analysed: {findings} findings (see them with `guardian report` or in the app)")
        for line, reason in s.skipped:
            print(f"  skipped line {line}: {reason}")
    for c in conversations:
        child = c.child or "(not set: use --child NAME)"
        print(f"[{c.id}] {c.title} — {c.messages} messages, child: {child}")
    return EXIT_OK


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def conversation_json(c: ConversationSummary) -> dict[str, object]:
    return {"id": c.id, "title": c.title, "platform": c.platform, "participants": list(c.participants),
            "child": c.child, "messages": c.messages, "first": _iso(c.first), "last": _iso(c.last)}


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        conversations = store.conversations()
    if args.json:
        print(json.dumps({"conversations": [conversation_json(c) for c in conversations]},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if not conversations:
        print("No conversations yet. Import an export with: guardian import PATH")
    for c in conversations:
        period = f"{c.first:%Y-%m-%d} … {c.last:%Y-%m-%d}" if c.first and c.last else "empty"
        print(f"[{c.id}] {c.title} ({c.platform}) — {c.messages} messages, {period}, "
              f"child: {c.child or 'not set'}")
    return EXIT_OK


def cmd_delete_all(args: argparse.Namespace) -> int:
    """What the GUI's twice-confirmed delete does: the database and its
    backups, caches, logs, settings and the keyring entry."""
    from guardian import logs
    from guardian.store.database import wipe_everything
    if not args.yes:
        raise CliError("delete-all deletes every imported chat and finding for good; "
                       "add --yes to confirm", EXIT_USAGE)
    logs.shutdown()  # the log file is deleted too
    removed = wipe_everything(paths.locations())
    print(f"Deleted Guardian's data: {', '.join(str(p) for p in removed) or 'nothing was stored'}")
    return EXIT_OK


def cmd_passphrase(args: argparse.Namespace) -> int:
    """Set or change the data passphrase; with --passphrase-only, remove the
    OS keyring's copy of the key so that only the passphrase opens the data."""
    new = _new_passphrase(args)
    with open_store(args) as store:
        store.set_passphrase(new)
        if args.passphrase_only:
            store.forget_keyring()
        mode = store.lock_mode()
    how = "the passphrase only" if mode == {"passphrase"} else "the passphrase or the OS keyring"
    print(f"The passphrase is set; the data now opens with {how}. "
          "If the passphrase is forgotten (and no keyring holds the key), the data cannot be recovered.")
    return EXIT_OK


def _new_passphrase(args: argparse.Namespace) -> str:
    if args.new_passphrase_file is not None:
        try:
            value = args.new_passphrase_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CliError(f"{args.new_passphrase_file}: cannot read it ({exc.strerror or exc})",
                           EXIT_BAD_INPUT) from None
        if not value:
            raise CliError(f"{args.new_passphrase_file}: the file is empty", EXIT_BAD_INPUT)
        return value
    value = keys.terminal_prompt(True)
    if not value:
        raise CliError("no new passphrase: give --new-passphrase-file FILE, or run this in a terminal",
                       EXIT_USAGE)
    return value
