"""bench/quality.py: which writer wrote each corpus file, for --cross-writer."""

from __future__ import annotations

from guardian.analysis import corpus


def test_each_file_names_its_writer_and_only_the_first_sessions_are_pooled(bench_script):
    quality = bench_script("quality")
    assert quality.writer_of("threat.tsv") == "first"
    assert quality.writer_of("negatives_everyday.tsv") == "first"
    assert quality.writer_of("self_harm.tsv") == "first"
    assert quality.writer_of("threat_veiled.tsv") == "session 2"
    assert quality.writer_of("negatives_vocative.tsv") == "session 2"
    assert quality.writer_of("self_harm_gulf.tsv") == "gulf"
    # a writer added later needs no list entry: its files end in its name
    assert quality.writer_of("insult_fakepraise9.tsv") == "fakepraise9"
    session_2 = sorted(f.stem for f in (corpus.REPO / "training" / "corpus").glob("*.tsv")
                       if quality.writer_of(f.name) == "session 2")
    assert session_2 == ["blackmail_more", "exclusion_more", "grooming_more", "grooming_steps",
                         "impersonation_more", "insult_dialects", "insult_more", "negatives_vocative",
                         "rumor_more", "self_harm_more", "sexual_harassment", "sexual_more",
                         "threat_more", "threat_veiled", "threat_wishes"]
