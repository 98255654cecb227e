"""Guardian never talks to the network: the test suite cannot, the real
command-line app does not try to, and no network module is in the code."""

from __future__ import annotations

import ast
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_socket import SocketBlockedError
from trust_helpers import FIXTURES, ROOT, SRC, child_env

# Records every attempt to reach the network, then refuses it.  Written as
# sitecustomize.py into a folder put first on PYTHONPATH, so it runs before
# any Guardian code in the child interpreter.
_SITECUSTOMIZE = r'''
import os, socket, traceback

_LOG = os.environ["GUARDIAN_TEST_NET_LOG"]


def _record(what, detail):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(f"{what} {detail!r}\n" + "".join(traceback.format_stack(limit=8)) + "\n")
    raise OSError(101, f"network blocked by the offline test: {what}")


def _connect(self, address, *a, **k):
    _record("connect", address)


def _connect_ex(self, address, *a, **k):
    _record("connect_ex", address)


def _sendto(self, *a, **k):
    _record("sendto", a[-1] if a else None)


def _getaddrinfo(host, *a, **k):
    _record("getaddrinfo", host)


def _create_connection(address, *a, **k):
    _record("create_connection", address)


def _gethostbyname(host, *a, **k):
    _record("gethostbyname", host)


socket.socket.connect = _connect
socket.socket.connect_ex = _connect_ex
socket.socket.sendto = _sendto
socket.getaddrinfo = _getaddrinfo
socket.create_connection = _create_connection
socket.gethostbyname = _gethostbyname
socket.gethostbyname_ex = _gethostbyname
'''


def test_the_suite_blocks_sockets() -> None:
    """pyproject's --disable-socket is really in force for every test."""
    # pytest-socket also warns when it blocks; the suite turns warnings into errors.
    with pytest.warns(UserWarning, match="socket"), pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.warns(UserWarning, match="socket"), pytest.raises(SocketBlockedError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.warns(UserWarning, match="socket"), pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)


def _offline_cli(args: list[str], site: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    child = dict(env, PYTHONPATH=f"{site}:{SRC}")
    return subprocess.run([sys.executable, "-m", "guardian", *args], env=child, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)


def test_the_app_makes_no_network_attempt(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    attempts = tmp_path / "network-attempts.log"
    env = child_env(tmp_path / "home", GUARDIAN_TEST_NET_LOG=str(attempts))

    # The hook works: a deliberate connection attempt is recorded and refused.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket\ntry:\n socket.create_connection(('192.0.2.1', 80), 1)\n"
                               "except OSError as e:\n print('refused', e.errno)"],
        env=dict(env, PYTHONPATH=f"{site}:{SRC}"), capture_output=True, text=True, timeout=60)
    assert "refused 101" in probe.stdout, probe.stderr
    assert "create_connection" in attempts.read_text(encoding="utf-8")
    attempts.unlink()

    fixture = FIXTURES / "telegram" / "single_chat.json"
    imported = _offline_cli(["import", str(fixture), "--json"], site, env)
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    assert report["sources"] and report["sources"][0]["added"] > 0

    listed = _offline_cli(["list", "--json"], site, env)
    assert listed.returncode == 0, listed.stderr
    conversations = json.loads(listed.stdout)["conversations"]
    assert sum(c["messages"] for c in conversations) == report["sources"][0]["added"]

    assert not attempts.exists(), "network attempts:\n" + attempts.read_text(encoding="utf-8")


# --- no network code in the source tree ---------------------------------------------

_NETWORK_MODULES = ("socket", "ssl", "urllib.request", "http.client", "http.server", "requests",
                    "httpx", "aiohttp", "urllib3", "ftplib", "smtplib", "poplib", "imaplib",
                    "telnetlib", "xmlrpc", "socketserver", "websocket", "websockets",
                    "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
                    "PySide6.QtWebSockets")
# Text that only network code contains ("requests" alone is an ordinary
# English word in our comments and labels, so only its API is matched).
_NETWORK_TEXT = re.compile(r"urllib\.request|http\.client|\bsocket\.|QtNetwork|QNetwork|QWebEngine"
                           r"|\brequests\.(?:get|post|put|patch|delete|head|request|Session)\b"
                           r"|\burlopen\(")


def _is_network(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in _NETWORK_MODULES)


def _network_uses(path: Path, root: Path = ROOT) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = [f"{path.relative_to(root)}:{n}: {line.strip()}"
             for n, line in enumerate(text.splitlines(), 1) if _NETWORK_TEXT.search(line)]
    for node in ast.walk(ast.parse(text, str(path))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module",
                                                                                "__import__")):
            names = [node.args[0].value]
        found += [f"{path.relative_to(root)}:{node.lineno}: imports {name}"
                  for name in names if _is_network(name)]
    return found


def test_the_source_tree_has_no_network_code() -> None:
    files = sorted((SRC / "guardian").rglob("*.py"))
    assert len(files) > 20
    offenders = [use for path in files for use in _network_uses(path)]
    assert offenders == [], "network code in Guardian:\n" + "\n".join(offenders)


def test_the_network_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import urllib.request\nfrom PySide6 import QtNetwork\n"
                      "import importlib\nimportlib.import_module('socket')\n"
                      "# some requests are fine in a comment\n", encoding="utf-8")
    uses = _network_uses(sample, tmp_path)
    assert len([u for u in uses if "imports" in u]) == 3
    assert not any("comment" in u for u in uses)

