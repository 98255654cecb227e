"""`guardian report` and `guardian verify`."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from guardian.commands.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, CliError
from guardian.commands.store import open_store

FORMATS = ("pdf", "html", "csv", "json", "bundle")


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{flag} {value}: expected a date like 2025-10-31", EXIT_USAGE) from None


def cmd_report(args: argparse.Namespace) -> int:
    from guardian import paths
    from guardian.explain import guess_country
    from guardian.guidance import load_guidance
    from guardian.reports import bundle, csv_report, html_report, json_report, pdf_report
    from guardian.reports.assemble import ReportOptions, build_report
    from guardian.reports.safety import redact
    from guardian.settings import COUNTRY, Settings
    guidance = load_guidance(paths.assets_dir())
    country = Settings(paths.locations().settings_file).get(COUNTRY) or guess_country(guidance=guidance)
    options = ReportOptions(lang=args.report_lang or args.lang or "ar",
                            conversation_ids=[int(c) for c in args.conversation] if args.conversation else None,
                            since=_date(args.since, "--since"), until=_date(args.until, "--until"),
                            include_dismissed=args.include_dismissed, country=country)
    with open_store(args) as store:
        known = {c.id for c in store.conversations()}
        missing = [c for c in options.conversation_ids or () if c not in known]
        if missing:
            raise CliError(f"--conversation {missing[0]}: no such conversation (see `guardian list`)",
                           EXIT_BAD_INPUT)
        doc = build_report(store, options, guidance)
    if args.redact:
        doc = redact(doc)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CliError(f"{out}: the folder does not exist", EXIT_BAD_INPUT)
    writers = {"pdf": pdf_report.write_pdf, "html": html_report.write_html, "csv": csv_report.write_csv,
               "json": json_report.write_json, "bundle": bundle.write_bundle}
    writers[args.format](doc, out)
    print(f"wrote {out} ({len(doc.findings)} findings)")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from guardian.reports.bundle import verify_bundle
    path = Path(args.bundle)
    if not path.is_file():
        raise CliError(f"{path}: no such file", EXIT_BAD_INPUT)
    result = verify_bundle(path)
    print(str(result))
    return EXIT_OK if result.ok else EXIT_BAD_INPUT
