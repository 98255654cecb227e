"""A report export killed half-way: no partial report appears, the store is
untouched, and the next export removes what the killed one left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = r"""
import os, sys, time
sys.path.insert(0, sys.argv[2])
from report_bench import build_document
from guardian import atomic
from guardian.reports.html_report import write_html

def stall(fd):                      # the file is written, not yet renamed
    print("WRITTEN", flush=True)
    time.sleep(60)

atomic.os.fsync = stall
write_html(build_document(5000, 200), sys.argv[1])
"""


def test_killed_export_leaves_no_report_and_is_cleaned_up(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with subprocess.Popen([sys.executable, "-c", _CHILD, str(target), str(ROOT / "bench")], env=env,
                          stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "WRITTEN"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert not target.exists(), "a killed export must not leave a report"
    leftovers = list(tmp_path.glob(".report.html.*.part"))
    assert leftovers, "the killed export's temporary file is what we expect to clean"

    from guardian.atomic import write_text_atomic
    write_text_atomic(target, "<html>complete</html>")
    assert target.read_text(encoding="utf-8") == "<html>complete</html>"
    assert list(tmp_path.glob(".report.html.*.part")) == []
