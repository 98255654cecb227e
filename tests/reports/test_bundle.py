"""The bundle: every format plus a manifest of hashes; verify notices
changed, missing and added files."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from guardian.reports import bundle
from guardian.reports.bundle import verify_bundle, write_bundle


@pytest.fixture
def bundle_path(doc, tmp_path):
    path = tmp_path / "out" / "report.zip"
    path.parent.mkdir()
    write_bundle(doc, path)
    return path


def _rewrite(src, dst, change=None, drop=(), add=None):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info.filename)
            if change and info.filename == change:
                data = data.replace(b"</body>", b"<p>edited</p></body>")
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)


def test_manifest_hashes(bundle_path, doc):
    with zipfile.ZipFile(bundle_path) as z:
        names = set(z.namelist())
        assert names == {"report.pdf", "report.html", "findings.csv", "report.json", "manifest.json"}
        meta = json.loads(z.read("manifest.json"))
        assert meta["report_id"] == doc.report.id and meta["app_version"] == "0.1.0"
        for name, entry in meta["files"].items():
            data = z.read(name)
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert entry["size"] == len(data)
        assert [s["sha256"] for s in meta["sources"]] == [s.sha256 for s in doc.sources]
        assert z.read("report.pdf").startswith(b"%PDF")
    result = verify_bundle(bundle_path)
    assert result.ok and len(result.verified) == 4
    assert str(result).endswith("Bundle is intact.")


def test_verify_detects_changes(bundle_path, tmp_path):
    bad = tmp_path / "bad.zip"
    _rewrite(bundle_path, bad, change="report.html", drop=("findings.csv",),
             add={"extra.exe": b"MZ"})
    result = verify_bundle(bad)
    assert not result.ok
    assert result.changed == ["report.html"]
    assert result.missing == ["findings.csv"]
    assert result.added == ["extra.exe"]
    text = str(result)
    assert "CHANGED  report.html" in text and "MISSING  findings.csv" in text
    assert "ADDED    extra.exe" in text and "Bundle was modified" in text


def test_verify_without_manifest_or_zip(bundle_path, tmp_path):
    no_manifest = tmp_path / "nm.zip"
    _rewrite(bundle_path, no_manifest, drop=("manifest.json",))
    result = verify_bundle(no_manifest)
    assert not result.ok and "manifest.json is missing" in str(result)
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    assert "not a readable zip" in str(verify_bundle(junk))


def test_failed_bundle_leaves_nothing(doc, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()

    def boom(info, data, *a, **k):
        raise OSError("disk full")
    monkeypatch.setattr(zipfile.ZipFile, "writestr", boom)
    with pytest.raises(OSError):
        write_bundle(doc, out / "report.zip")
    assert list(out.iterdir()) == []
    assert bundle.MANIFEST == "manifest.json"
