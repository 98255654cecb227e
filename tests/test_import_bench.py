"""bench/import_bench.py runs and prints its figures (on a small export:
the figures themselves are for a person to read, not for a test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_benchmark_prints_its_figures() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "import_bench.py"), "--messages", "3000"],
                         capture_output=True, text=True, check=True, timeout=300).stdout
    lines = out.splitlines()
    assert lines[0].startswith("export: 3,000 messages")
    for label in ("plain line splitting", "Guardian parser only", "Guardian import"):
        [line] = [line for line in lines if line.startswith(label)]
        assert "3,001 msgs" in line and "msgs/s" in line and "peak" in line
