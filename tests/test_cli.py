"""The `guardian` command: version, exit codes, one-line errors, no prompts
without a terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from guardian import __version__
from guardian.cli import EXIT_BAD_INPUT, EXIT_LOCKED, EXIT_NO_DISPLAY, EXIT_OK, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The real command in a child process, stdin not a terminal, never
    touching the developer's real keyring."""
    full_env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", **(env or {})}
    return subprocess.run([sys.executable, "-m", "guardian", *args], capture_output=True, text=True,
                          input=stdin, env=full_env, cwd=ROOT, timeout=120)


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Guardian {__version__}"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-flag"]) == EXIT_USAGE
    assert main(["import"]) == EXIT_USAGE
    assert "usage" in capsys.readouterr().err


def test_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing-here.txt"
    assert main(["import", str(missing)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err.strip()
    assert err == f"guardian: {missing}: the file or folder does not exist"


def test_unknown_file_is_bad_input_and_imports_nothing(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "shopping.txt"
    odd.write_text("milk\neggs\nbread\n", encoding="utf-8")
    assert main(["import", str(odd)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert str(odd) in err and "no chat export" in err and err.count("\n") == 1
    assert main(["list", "--json"]) == EXIT_OK
    assert '"conversations": []' in capsys.readouterr().out


def test_empty_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["import", str(empty)]) == EXIT_BAD_INPUT
    assert "the file is empty" in capsys.readouterr().err


def test_bad_time_zone_is_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "x.txt"
    f.write_text("x", encoding="utf-8")
    assert main(["import", str(f), "--tz", "Mars/Olympus"]) == EXIT_USAGE
    assert "Mars/Olympus" in capsys.readouterr().err


def test_locked_without_keyring_or_passphrase_exits_4_without_prompting(tmp_path: Path) -> None:
    # A child process has no test keyring: force the "no backend" case.
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "GUARDIAN_HOME": str(tmp_path / "h")}
    result = run_cli("list", env=env)
    assert result.returncode == EXIT_LOCKED
    assert "GUARDIAN_PASSPHRASE" in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_passphrase_file_and_env_unlock(tmp_path: Path) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "GUARDIAN_HOME": str(tmp_path / "h")}
    secret = tmp_path / "pass.txt"
    secret.write_text("my family passphrase\n", encoding="utf-8")
    assert run_cli("--passphrase-file", str(secret), "list", env=env).returncode == EXIT_OK
    # The same data opens with the same passphrase from the environment...
    assert run_cli("list", env={**env, "GUARDIAN_PASSPHRASE": "my family passphrase"}).returncode == EXIT_OK
    # ...and not with another one.
    wrong = run_cli("list", env={**env, "GUARDIAN_PASSPHRASE": "guess"})
    assert wrong.returncode == EXIT_LOCKED and "passphrase" in wrong.stderr


def test_no_display_says_how_to_get_one(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("display detection is about X11/Wayland")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    assert main(["demo"]) == EXIT_NO_DISPLAY
    assert "xvfb-run" in capsys.readouterr().err


def test_eval_reads_several_files_and_names_a_bad_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = "text\tlabels\tdialect\tnote\n"
    threats = tmp_path / "threat_new.tsv"
    threats.write_text(header + "والله لاذبحك بكرة بعد المدرسة\tthreat\tgulf\tthreat after school\n"
                       "هكسرلك راسك لو شفتك\tthreat\tegyptian\tthreat on sight\n", encoding="utf-8")
    negatives = tmp_path / "negatives_new.tsv"
    negatives.write_text(header + "الامتحان قتلني اليوم\t\tgulf\texam\n"
                         "ابعتلي صورة الواجب لو سمحت\t\tegyptian\thomework photo\n", encoding="utf-8")
    assert main(["eval", str(threats), str(negatives)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "threat" in out and "false-positive rate on 2 negatives" in out and "messages 4" in out
    broken = tmp_path / "broken.tsv"
    broken.write_text("just some words\n", encoding="utf-8")
    assert main(["eval", str(threats), str(broken)]) == EXIT_BAD_INPUT
    assert str(broken) in capsys.readouterr().err
