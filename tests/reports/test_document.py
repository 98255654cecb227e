"""The report document mirrors the JSON contract exactly and round-trips."""

from __future__ import annotations

import json

import pytest
from report_helpers import make_document, make_hostile_document

from guardian.reports.document import from_json, to_json
from guardian.reports.json_report import render_json

CONTRACT = {
    "report": {"id", "created", "app_version", "lang"},
    "source": {"path", "sha256", "format", "imported"},
    "conversation": {"id", "title", "participants", "summary"},
    "finding": {"id", "conversation", "sender", "time", "text", "labels", "severity", "spans",
                "explanation", "context", "review", "evidence"},
    "explanation": {"what", "why", "severity_reason", "steps"},
    "step": {"text", "source"},
    "context": {"sender", "time", "text"},
    "review": {"state", "note"},
    "evidence": {"source_sha256", "raw"},
    "help": {"country", "name", "phone", "url", "source"},
    "span": {"start", "end", "label"},
}


def test_round_trip(doc, doc_en, hostile):
    for d in (doc, doc_en, hostile):
        assert from_json(to_json(d)) == d
        assert from_json(json.loads(render_json(d))) == d


def test_contract_keys_all_present(doc):
    data = json.loads(render_json(doc))
    assert list(data)[:6] == ["report", "child", "sources", "conversations", "findings", "help"]
    assert CONTRACT["report"] <= set(data["report"])
    assert isinstance(data["child"], str)
    for s in data["sources"]:
        assert CONTRACT["source"] <= set(s)
    for c in data["conversations"]:
        assert CONTRACT["conversation"] <= set(c)
        assert {"period", "participants", "by_category", "by_severity", "patterns", "read_first"} <= set(c["summary"])
        assert len(c["summary"]["read_first"]) <= 3
    assert len(data["findings"]) == 11
    for f in data["findings"]:
        assert CONTRACT["finding"] <= set(f)
        assert CONTRACT["explanation"] <= set(f["explanation"])
        assert all(CONTRACT["step"] <= set(s) for s in f["explanation"]["steps"])
        assert all(CONTRACT["context"] <= set(c) for c in f["context"])
        assert all(CONTRACT["span"] <= set(s) for s in f["spans"])
        assert CONTRACT["review"] <= set(f["review"])
        assert CONTRACT["evidence"] <= set(f["evidence"])
        for s in f["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(f["text"])
    for h in data["help"]:
        assert CONTRACT["help"] <= set(h)


def test_from_json_names_the_missing_key(doc):
    data = to_json(doc)
    del data["findings"][2]["evidence"]["raw"]
    with pytest.raises(ValueError, match=r"findings\[2\]\.evidence\.raw: missing"):
        from_json(data)
    data = to_json(doc)
    data["findings"][0]["spans"][0]["start"] = "5"
    with pytest.raises(ValueError, match=r"spans\[0\]\.start"):
        from_json(data)


def test_extra_keys_are_optional(doc):
    data = to_json(doc)
    for f in data["findings"]:
        del f["attachment"], f["evidence"]["position"]
        for c in f["context"]:
            del c["is_child"]
    back = from_json(data)
    assert back.findings[0].evidence.position is None
    assert all(f.attachment is None for f in back.findings)


def test_time_order_uses_instants():
    d = make_hostile_document()
    times = [f.time for f in d.findings_in_time_order()]
    assert times == sorted(times)
    assert make_document().findings_in_time_order()[0].id == "f01"
