"""The `guardian` command.

With no subcommand it opens the app.  Exit codes: 0 ok, 1 unexpected
error, 2 usage, 3 bad input (the message names the file and the problem),
4 locked (no key for the encrypted data), 5 no display for the window.
Errors are one line on stderr; chat content is never printed to logs.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from guardian import __version__, keys, paths
from guardian.analysis.errors import ModelError
from guardian.commands.errors import (  # noqa: F401
    EXIT_BAD_INPUT,
    EXIT_ERROR,
    EXIT_LOCKED,
    EXIT_NO_DISPLAY,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
)
from guardian.importers.base import BadExport
from guardian.keys import LockedError, WrongPassphrase
from guardian.store.database import StoreError

log = logging.getLogger(__name__)


def _usable_cores() -> int:
    """Cores this process may run on (a container or `taskset` may allow
    fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(len(os.sched_getaffinity(0)), 1)
    return os.cpu_count() or 1


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


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
    parser.add_argument("--self-test", action="store_true",
                        help="open the window, close it as soon as it shows, exit 0 (for installers' "
                             "smoke tests; use with demo)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("demo", help="open the app on the bundled demo export (a throwaway store)")

    imp = sub.add_parser("import", help="import chat exports (files, .zip files or folders)")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--child", metavar="NAME", help="which participant is the child")
    imp.add_argument("--tz", metavar="ZONE", help="time zone of the export's times "
                                                  "(e.g. Asia/Riyadh; default: this computer's)")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument("--no-analyse", action="store_true",
                     help="import only; by default the imported chats are analysed right away")

    lst = sub.add_parser("list", help="list imported conversations")
    lst.add_argument("--json", action="store_true", help="print the result as JSON")

    sub.add_parser("classify", help="classify messages: one per line on stdin, one JSON object per line out")

    scan = sub.add_parser("scan", help="import into a throwaway store, analyse, write the findings as JSON")
    scan.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    scan.add_argument("--child", metavar="NAME", help="which participant is the child")
    scan.add_argument("--tz", metavar="ZONE", help="time zone of the export's times")
    scan.add_argument("--json", required=True, metavar="OUT", help="where to write the JSON ('-': stdout)")

    train = sub.add_parser("train", help="rebuild the model from the repository's corpus "
                                         "(plus ../shared/data/train when present)")
    train.add_argument("--out", metavar="DIR", help="write the model here instead of assets/model")
    train.add_argument("--no-shared", action="store_true", help="train on our corpus only")
    train.add_argument("--save-oof", metavar="FILE.npz",
                       help="also write the held-out scores, to study threshold rules without refitting")
    train.add_argument("--jobs", type=_positive_int, default=_usable_cores(), metavar="N",
                       help="fits to run at once, one core each (default: every usable core, here "
                            "%(default)s; the model is the same whatever N)")

    rep = sub.add_parser("report", help="export a counsellor-ready report of the findings")
    rep.add_argument("--conversation", action="append", metavar="ID",
                     help="only this conversation (repeatable; ids from `guardian list`)")
    rep.add_argument("--since", metavar="DATE", help="only findings on or after DATE (YYYY-MM-DD)")
    rep.add_argument("--until", metavar="DATE", help="only findings on or before DATE (YYYY-MM-DD)")
    rep.add_argument("--lang", dest="report_lang", choices=("ar", "en"),
                     help="report language (default: ar)")
    rep.add_argument("--redact", action="store_true",
                     help="replace everyone but the child with a pseudonym; mask phone numbers and e-mails")
    rep.add_argument("--include-dismissed", action="store_true",
                     help="include findings marked \"not a problem\"")
    rep.add_argument("--format", required=True, choices=("pdf", "html", "csv", "json", "bundle"))
    rep.add_argument("--out", required=True, metavar="FILE")

    ver = sub.add_parser("verify", help="check a report bundle against its manifest")
    ver.add_argument("bundle", metavar="BUNDLE")

    pw = sub.add_parser("passphrase", help="set or change the passphrase that protects the data")
    pw.add_argument("--new-passphrase-file", type=Path, metavar="FILE",
                    help="read the new passphrase from FILE instead of asking in the terminal")
    pw.add_argument("--passphrase-only", action="store_true",
                    help="from now on only the passphrase opens the data (the OS keyring copy is removed)")

    delete = sub.add_parser("delete-all", help="delete every imported chat, finding, backup, log and the "
                                              "keyring entry (cannot be undone)")
    delete.add_argument("--yes", action="store_true", help="confirm; without it nothing is deleted")

    ev = sub.add_parser("eval", help="print per-category precision, recall and F1 on labelled TSV files")
    ev.add_argument("files", metavar="FILE.tsv", nargs="+")
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
    except ModelError as exc:
        print(f"guardian: the classifier model cannot be used: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("guardian: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one line, details in the log
        _log_unexpected(exc)
        print(f"guardian: unexpected error ({type(exc).__name__}); details are in the log file",
              file=sys.stderr)
        return EXIT_ERROR


def _log_unexpected(exc: BaseException) -> None:
    # The stack, not the message: an exception's text may quote chat content.
    import traceback
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("unexpected %s\n%s", type(exc).__name__, frames)


def _dispatch(args: argparse.Namespace) -> int:
    locations = paths.init(args.data_dir)
    from guardian import logs
    logs.setup(locations.logs)
    log.info("guardian %s starting: %s", __version__, args.command or "gui")
    if args.command is None:
        return _run_gui(args, demo=False)
    if args.command == "demo":
        return _run_gui(args, demo=True)
    from guardian.commands import analysis, report, store
    commands = {"import": store.cmd_import, "list": store.cmd_list, "classify": analysis.cmd_classify,
                "scan": analysis.cmd_scan, "train": analysis.cmd_train, "eval": analysis.cmd_eval,
                "delete-all": store.cmd_delete_all, "passphrase": store.cmd_passphrase,
                "report": report.cmd_report,
                "verify": report.cmd_verify}
    return commands[args.command](args)


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
    return run(demo=demo, lang=args.lang, passphrase=keys.passphrase_from_env_or_file(args.passphrase_file),
               self_test=args.self_test)
