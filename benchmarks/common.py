"""Shared helpers for the benchmarks: generated banks, timed builds, a static server, machine info."""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import http.server
import io
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"  # ignored by git
SUBPATH = "/praktijkenbank/"
TODAY = "2026-11-23"  # fixed build date: reproducible output

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def work_dir(size: int) -> Path:
    return OUT / f"n{size}"


def practices(size: int, seed: int = 1) -> Path:
    """A folder with ``size`` generated practices (made once, reused by later runs)."""
    folder = work_dir(size) / "practices"
    marker = folder / ".complete"
    # The generator's own text is part of the key: a changed generator writes the bank again.
    version = hashlib.sha256((ROOT / "benchmarks" / "generate.py").read_bytes()).hexdigest()[:12]
    key = f"{size}:{seed}:{TODAY}:{version}"
    if not marker.exists() or marker.read_text() != key:
        generate(size, folder, seed=seed, today=dt.date.fromisoformat(TODAY))
        marker.write_text(key)
    return folder


def _env(**extra) -> dict:
    env = dict(os.environ)
    env.update({"NO_MKDOCS_2_WARNING": "1", "PRAKTIJKENBANK_TODAY": TODAY})
    env.update(extra)
    return env


def measured(command: list[str], cwd: Path = ROOT, **env) -> dict:
    """Run ``command`` in a fresh process: wall and CPU seconds (user + system) and peak memory (MiB)
    of that process alone, its exit code and its output. It is started by rusage_run.py, a small
    process: Linux counts a child's peak memory from the process that forked it."""
    log = OUT / f".run-{os.getpid()}.log"
    OUT.mkdir(parents=True, exist_ok=True)
    wrapped = [sys.executable, str(ROOT / "benchmarks" / "rusage_run.py"), *command]
    with open(log, "w+", encoding="utf-8") as output:
        start = time.perf_counter()
        done = subprocess.run(wrapped, cwd=cwd, env=_env(**env), stdout=output, stderr=subprocess.STDOUT)
        wall = time.perf_counter() - start
        output.seek(0)
        text = output.read()
    log.unlink()
    found = re.findall(r"^PBRUSAGE ([\d.]+) (\d+)$", text, re.M)
    cpu, kib = (float(found[-1][0]), int(found[-1][1])) if found else (float("nan"), 0)
    text = re.sub(r"^PBRUSAGE .*\n?", "", text, flags=re.M)
    return {"wall": wall, "cpu": cpu, "mib": kib / 1024, "code": done.returncode, "log": text}


def timed_build(config: Path, site_dir: Path, **env) -> tuple[float, str]:
    """Run ``mkdocs build`` in a fresh process; returns (wall seconds, log output)."""
    run = measured_build(config, site_dir, **env)
    return run["wall"], run["log"]


def measured_build(config: Path, site_dir: Path, cwd: Path = ROOT, **env) -> dict:
    """Run ``mkdocs build`` in a fresh process; :func:`measured` figures."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    run = measured([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)], cwd=cwd, **env)
    if run["code"] != 0:
        raise SystemExit(f"build mislukt ({config}):\n{run['log']}")
    return run


def build_ours(size: int, baseline: Path | None = None) -> tuple[Path, dict]:
    """Our real build (mkdocs.yml + hooks: validation, generation, search index) of ``size`` practices.

    ``baseline``: a checkout of an earlier version (``git archive <commit> | tar -x -C <dir>``) whose
    build runs instead, with its own code (PYTHONPATH), for a before/after comparison."""
    folder = practices(size)
    site = work_dir(size) / ("site-voor" if baseline else "site")
    root = baseline or ROOT
    extra = {"PYTHONPATH": str(root / "tools")} if baseline else {}
    run = measured_build(root / "mkdocs.yml", site, cwd=root, PRAKTIJKENBANK_CONTENT_DIR=str(folder.parent), **extra)
    index = re.search(r"Zoekindex: \d+ fiches, .* in ([\d.]+) s\.", run["log"])
    return site, {"seconds": run["wall"], "cpu": run["cpu"], "mib": run["mib"],
                  "index_seconds": float(index.group(1)) if index else None}


def directory_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {
        "datum": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpu": f"{os.cpu_count()} × {cpu}".strip(),
        "geheugen": memory,
        "python": platform.python_version(),
        "systeem": platform.platform(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def save_rows(name: str, argv, rows: list[dict]) -> Path:
    """out/<name>.json with the machine, the command line of the benchmark and its rows."""
    args = sys.argv[1:] if argv is None else argv
    return save(name, {"machine": machine(), "command": f"python benchmarks/bench_{name}.py " + " ".join(args),
                       "rows": rows})


def print_table(header: list[str], lines: list[list[str]]) -> None:
    """A Markdown table (first column a number: right-aligned like the rest) for RESULTS.md."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---:|" * len(header))
    for cells in lines:
        print("| " + " | ".join(cells) + " |")


def save(name: str, data) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


# ------------------------------------------------------------ static server --

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a site under SUBPATH like GitHub Pages: text files gzip-compressed when the
    browser asks for it; the finder's .bin files (already gzip inside) as they are."""

    cache: dict = {}
    sent: list = []  # (path, bytes of the response body) per request, for the byte counts

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in COMPRESSIBLE and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = self.cache.get(path)
            if body is None:
                body = self.cache[path] = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.sent.append((self.path, len(body)))
            return io.BytesIO(body)
        handle = super().send_head()
        if handle is not None and hasattr(handle, "fileno"):
            self.sent.append((self.path, os.fstat(handle.fileno()).st_size))
        else:
            self.sent.append((self.path, 0))  # 304 Not Modified, redirects, errors
        return handle

    def log_message(self, *args):
        pass


class Server:
    def __init__(self, site_dir: Path):
        handler = functools.partial(_Handler, directory=str(site_dir))
        _Handler.cache = {}
        _Handler.sent = self.sent = []
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{SUBPATH}"

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
