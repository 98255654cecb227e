"""`guardian classify`, `scan`, `train` and `eval`."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from guardian.commands.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, CliError


def cmd_classify(args: argparse.Namespace) -> int:
    """One message per line on stdin, one JSON object per line on stdout."""
    from guardian.scanning import load_classifier
    classifier = load_classifier()
    stdin = open(sys.stdin.fileno(), encoding="utf-8", errors="replace", newline="\n", closefd=False)
    batch: list[str] = []

    def flush() -> None:
        for prediction in classifier.classify(batch):
            sys.stdout.write(json.dumps(prediction.as_json(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        batch.clear()

    for line in stdin:
        batch.append(line.rstrip("\n").removesuffix("\r"))
        if len(batch) >= 1024:
            flush()
    flush()
    return EXIT_OK


def cmd_scan(args: argparse.Namespace) -> int:
    from guardian import timezones
    from guardian.importing import ChildNotFound, import_paths
    from guardian.reports.scan_json import scan_json
    from guardian.scanning import load_classifier, scan_store
    from guardian.store.database import Store, Unlock
    try:
        tz_name, tz = timezones.resolve(args.tz)
    except timezones.UnknownZone as exc:
        raise CliError(f"--tz: {exc}", EXIT_USAGE) from None
    classifier = load_classifier()
    with tempfile.TemporaryDirectory(prefix="guardian-scan-") as folder:
        with Store.open(Path(folder) / "scan.sqlite3", Unlock(ephemeral=True)) as store:
            try:
                report = import_paths(store, args.paths, tz=tz, tz_name=tz_name, child=args.child)
            except ChildNotFound as exc:
                raise CliError(str(exc), EXIT_BAD_INPUT) from None
            scan_store(store, classifier)
            document = scan_json(store, report)
    _write_json(args.json, document)
    return EXIT_OK


def _write_json(target: str, document: object) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if target == "-":
        sys.stdout.write(text)
        return
    from guardian.atomic import write_text_atomic
    write_text_atomic(Path(target), text)


def cmd_train(args: argparse.Namespace) -> int:
    if getattr(sys, "frozen", False):
        raise CliError("training needs the corpus and scikit-learn, which the installed app does not "
                       "carry: run `guardian train` from a source checkout", EXIT_USAGE)
    from guardian.analysis.train_command import train_and_save
    out = Path(args.out) if args.out else None
    oof_out = Path(args.save_oof) if args.save_oof else None
    train_and_save(out, use_shared=not args.no_shared, log=lambda m: print(m, file=sys.stderr), oof_out=oof_out,
                   jobs=args.jobs)
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    import numpy as np

    from guardian.analysis.corpus import read_corpus_tsv
    from guardian.analysis.evaluation import format_table, hard_negative_fpr, known_matrix, label_matrix, per_category
    from guardian.scanning import load_classifier
    examples = []
    for name in args.files:
        # One file at a time: a corpus file's name tells which labels its
        # lines were checked for (`threat_*.tsv`, `negatives_*.tsv`).
        try:
            found = list(read_corpus_tsv(Path(name)))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise CliError(f"{name}: cannot be read as a labelled TSV "
                           f"(header: text<TAB>labels[<TAB>dialect<TAB>note]): {exc}", EXIT_BAD_INPUT) from None
        if not found:
            raise CliError(f"{name}: no examples", EXIT_BAD_INPUT)
        examples += found
    classifier = load_classifier()
    flags = classifier.flags([ex.text for ex in examples])
    truth = label_matrix(examples)
    print(format_table(per_category(flags, truth, known_matrix(examples))))
    fpr, negatives = hard_negative_fpr(flags, examples)
    if negatives:
        print(f"\nfalse-positive rate on {negatives} negatives: {fpr:.3f}")
    harmful = truth.any(axis=1)
    print(f"any harm: recall {flags.any(axis=1)[harmful].mean() if harmful.any() else float('nan'):.3f}, "
          f"messages {len(examples)}")
    np.seterr(all="ignore")
    return EXIT_OK
