"""The parent's passphrase: changing it re-wraps the key only, the parent
can make it the only way in, and wrong guesses get slower and slower."""

from __future__ import annotations

from pathlib import Path

import pytest

from guardian import keys, paths
from guardian.cli import main
from guardian.keys import GuessGuard, WrongPassphrase, backoff_delay
from guardian.store.database import Store, Unlock


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff_delay(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]


def test_wrong_passphrases_slow_down_and_are_never_written(tmp_path: Path, no_keyring: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    monkeypatch.setattr(keys, "_sleep", slept.append)
    Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="the right one")).close()
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="guess-zebra-42"))
    assert slept == [1.0, 2.0]                      # the first miss costs nothing
    assert GuessGuard(tmp_path).failures() == 3
    assert b"guess-zebra-42" not in b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    Store.open(tmp_path / "g.sqlite3", Unlock(passphrase="the right one")).close()
    assert slept == [1.0, 2.0, 4.0] and GuessGuard(tmp_path).failures() == 0


def test_change_passphrase_and_make_it_the_only_way_in(tmp_path: Path, memory_keyring: object,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "WhatsApp Chat with سارة.txt"
    export.write_text("٥\u200f/١٠\u200f/٢٠٢٥، ٩:٠٠ م - سارة: مرحبا\n", encoding="utf-8")
    assert main(["import", str(export), "--no-analyse"]) == 0     # keyring mode
    secret = tmp_path / "new.txt"
    secret.write_text("family passphrase\n", encoding="utf-8")
    assert main(["passphrase", "--new-passphrase-file", str(secret), "--passphrase-only"]) == 0
    assert "passphrase only" in capsys.readouterr().out
    assert not memory_keyring.secrets  # type: ignore[attr-defined]
    assert main(["list"]) == 4                                         # locked without it
    assert main(["--passphrase-file", str(secret), "list"]) == 0
    with Store.open(paths.locations().database, Unlock(passphrase="family passphrase")) as store:
        assert store.lock_mode() == {"passphrase"} and store.message_count() == 1


def test_new_passphrase_never_prompts_without_a_terminal(tmp_path: Path) -> None:
    assert main(["passphrase"]) == 2
