"""`make serve` with its port in use: a Dutch message with a free port to choose (POORT=...), no traceback."""

from __future__ import annotations

import shutil
import socket
import subprocess

import pytest

from conftest import ROOT
from praktijkenbank.site import serve_port


@pytest.fixture
def busy_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="make ontbreekt")
def test_make_serve_on_a_busy_port_says_so_in_dutch(busy_port):
    result = subprocess.run(["make", "-s", "serve", f"POORT={busy_port}"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert f"poort {busy_port} is al in gebruik" in result.stderr
    assert "make serve POORT=" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_the_suggested_port_is_free(busy_port, capsys):
    assert serve_port.main([str(busy_port)]) == 1
    suggested = int(capsys.readouterr().err.split("POORT=")[1].split(";")[0])
    assert suggested != busy_port and serve_port.is_free(suggested)


def test_a_free_port_passes_and_junk_is_refused(capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert serve_port.main([str(port)]) == 0
    assert serve_port.main(["acht"]) == 2
    assert "geen poortnummer" in capsys.readouterr().err
