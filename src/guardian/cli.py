"""The `guardian` command.

With no subcommand it opens the app.  Exit codes: 0 ok, 1 unexpected
error, 2 usage, 3 bad input (the message names the file and the problem),
4 locked (no key for the encrypted data), 5 no display for the window.
Errors are one line on stderr; chat content is never printed to logs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from guardian import __version__, keys, paths
from guardian.importers.base import BadExport, Cancelled
from guardian.keys import LockedError, WrongPassphrase
from guardian.store.database import Store, StoreError, Unlock
from guardian.timezones import UnknownZone

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_LOCKED = 4
EXIT_NO_DISPLAY = 5


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="guardian",
        description="Guardian (حارس): find bullying, threats and grooming in a child's chats, "
                    "privately, on this computer.")
    parser.add_argument("--version", action="version", version=f"Guardian {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="keep all data, logs and settings under DIR "
                             f"(default: the platform's folders; ${paths.ENV_HOME} also sets it)")
    parser.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        help="read the data passphrase from FILE (anyone who can read FILE can read "
                             f"the chats; ${keys.ENV_PASSPHRASE} works the same way)")
    parser.add_argument("--lang", choices=("ar", "en"), help="interface language for this run")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("demo", help="open the app on the bundled demo export (a throwaway store)")

    imp = sub.add_parser("import", help="import chat exports (files, .zip files or folders)")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--child", metavar="NAME", help="which participant is the child")
    imp.add_argument("--tz", metavar="ZONE", help="time zone of the export's times "
                                                  "(e.g. Asia/Riyadh; default: this computer's)")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")

    lst = sub.add_parser("list", help="list imported conversations")
    lst.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help/--version
        return int(exc.code or 0)
    try:
        return _dispatch(args)
    except CliError as exc:
        print(f"guardian: {exc}", file=sys.stderr)
        return exc.code
    except BadExport as exc:
        print(f"guardian: {exc.path}: {exc.problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (LockedError, WrongPassphrase) as exc:
        print(f"guardian: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except StoreError as exc:
        print(f"guardian: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("guardian: interrupted; nothing was changed", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    locations = paths.init(args.data_dir)
    from guardian import logs
    logs.setup(locations.logs)
    log.info("guardian %s starting: %s", __version__, args.command or "gui")
    if args.command is None:
        return _run_gui(args, demo=False)
    if args.command == "demo":
        return _run_gui(args, demo=True)
    if args.command == "import":
        return _cmd_import(args)
    if args.command == "list":
        return _cmd_list(args)
    raise CliError(f"unknown command {args.command}", EXIT_USAGE)


# --- opening the store ------------------------------------------------------

def _unlock(args: argparse.Namespace) -> Unlock:
    passphrase = keys.passphrase_from_env_or_file(args.passphrase_file)
    return Unlock(passphrase=passphrase, prompt=keys.terminal_prompt)


def open_store(args: argparse.Namespace) -> Store:
    loc = paths.locations()
    return Store.open(loc.database, _unlock(args), backups=loc.backups)


# --- commands -----------------------------------------------------------------

def _cmd_import(args: argparse.Namespace) -> int:
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
        conversations = [c for c in store.conversations() if c.id in set(report.conversation_ids)]
    if args.json:
        print(json.dumps({"sources": [s.as_json() for s in report.sources],
                          "conversations": [_conversation_json(c) for c in conversations]},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    for s in report.sources:
        print(f"{s.path}: {s.format}, {s.messages} messages read, {s.added} new")
        for line, reason in s.skipped:
            print(f"  skipped line {line}: {reason}")
    for c in conversations:
        child = c.child or "(not set: use --child NAME)"
        print(f"[{c.id}] {c.title} — {c.messages} messages, child: {child}")
    return EXIT_OK


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _conversation_json(c: object) -> dict[str, object]:
    from guardian.store.database import ConversationSummary
    assert isinstance(c, ConversationSummary)
    return {"id": c.id, "title": c.title, "platform": c.platform, "participants": list(c.participants),
            "child": c.child, "messages": c.messages, "first": _iso(c.first), "last": _iso(c.last)}


def _cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        conversations = store.conversations()
    if args.json:
        print(json.dumps({"conversations": [_conversation_json(c) for c in conversations]},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if not conversations:
        print("No conversations yet. Import an export with: guardian import PATH")
    for c in conversations:
        period = f"{c.first:%Y-%m-%d} … {c.last:%Y-%m-%d}" if c.first and c.last else "empty"
        print(f"[{c.id}] {c.title} ({c.platform}) — {c.messages} messages, {period}, "
              f"child: {c.child or 'not set'}")
    return EXIT_OK


# --- the window -----------------------------------------------------------------

def display_problem() -> str | None:
    """Why no window can open here, or None when one can."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return ("no display found: Guardian is a desktop app. On a machine without a screen, "
                    "run it under a virtual display, e.g. `xvfb-run -a guardian demo` "
                    "(install it with `apt-get install xvfb`), or connect with `ssh -X`.")
    return None


def _run_gui(args: argparse.Namespace, demo: bool) -> int:
    problem = display_problem()
    if problem:
        raise CliError(problem, EXIT_NO_DISPLAY)
    from guardian.ui.app import run
    return run(demo=demo, lang=args.lang, passphrase=keys.passphrase_from_env_or_file(args.passphrase_file))
