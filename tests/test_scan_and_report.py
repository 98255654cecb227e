"""End to end with the shipped model: classify, scan and report through the
real CLI on the demo export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from guardian.cli import main
from guardian.domain import CATEGORY_IDS

ROOT = Path(__file__).resolve().parents[1]
DEMO = sorted((ROOT / "assets" / "demo").glob("*.txt"))[0]
MODEL = ROOT / "assets" / "model" / "guardian-model.npz"

pytestmark = pytest.mark.skipif(not MODEL.exists(), reason="the model has not been trained (guardian train)")


def test_classify_contract() -> None:
    lines = ["ابعتيلي صورتك بدون لبس وما تقولي لاحد", "الامتحان قتلني 😂", "", "ya 7mar a2tlak bukra"]
    out = subprocess.run([sys.executable, "-m", "guardian", "classify"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, encoding="utf-8", check=True, timeout=300,
                         env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}).stdout
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in results] == lines
    for r in results:
        assert set(r) == {"text", "labels", "scores", "severity", "spans"}
        assert set(r["scores"]) == set(CATEGORY_IDS)
        assert all(0.0 <= v <= 1.0 for v in r["scores"].values())
        assert r["severity"] in ("none", "low", "medium", "high", "critical")
        for span in r["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(r["text"]) and span["label"] in r["labels"]
    assert "sexual" in results[0]["labels"] and results[0]["severity"] == "critical"
    assert results[1]["labels"] == [] and results[2]["labels"] == []


def test_scan_demo_writes_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "scan.json"
    assert main(["scan", str(DEMO), "--child", "ريم", "--tz", "Asia/Riyadh", "--json", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) == {"sources", "findings"}
    [source] = doc["sources"]
    assert source["format"] == "whatsapp" and source["messages"] == 200 and len(source["sha256"]) == 64
    assert doc["findings"], "the demo's harmful messages are found"
    times = [f["time"] for f in doc["findings"]]
    assert times == sorted(times) and all(t.endswith("+03:00") for t in times)
    for f in doc["findings"]:
        assert {"conversation", "sender", "time", "text", "labels", "scores", "severity", "spans",
                "context"} <= set(f)
        assert all(set(c) == {"sender", "time", "text"} for c in f["context"])
    texts = " ".join(f["text"] for f in doc["findings"])
    assert "بنكسر راسك" in texts          # the threat
    assert "ودي اختفي" in texts           # the child's own distress


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    assert main(["import", str(DEMO), "--child", "ريم", "--tz", "Asia/Riyadh"]) == 0
    return tmp_path


@pytest.mark.parametrize("fmt, magic", [("pdf", b"%PDF"), ("html", b"<!DOCTYPE html>"),
                                        ("csv", b"\xef\xbb\xbf"), ("json", b"{"), ("bundle", b"PK")])
def test_report_every_format(imported: Path, fmt: str, magic: bytes, tmp_path: Path) -> None:
    import argparse

    from guardian.commands.store import open_store
    from guardian.scanning import load_classifier, scan_store
    with open_store(argparse.Namespace(passphrase_file=None)) as store:
        scan_store(store, load_classifier())
    out = tmp_path / f"report.{fmt}"
    assert main(["report", "--format", fmt, "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(magic) or data.lstrip().startswith(magic)
    if fmt == "json":
        doc = json.loads(data)
        assert doc["report"]["lang"] == "ar" and doc["child"] == "ريم" and doc["findings"]
        assert all(f["evidence"]["source_sha256"] == doc["sources"][0]["sha256"] for f in doc["findings"])
        assert all(f["explanation"]["steps"] for f in doc["findings"])
    if fmt == "bundle":
        assert main(["verify", str(out)]) == 0
        tampered = tmp_path / "tampered.zip"
        with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
            for item in src.infolist():
                body = src.read(item)
                dst.writestr(item, body + b" " if item.filename == "report.json" else body)
        assert main(["verify", str(tampered)]) == 3


def test_report_to_missing_folder_is_bad_input(imported: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "--format", "json", "--out", str(tmp_path / "no" / "r.json")]) == 3
    assert "does not exist" in capsys.readouterr().err
