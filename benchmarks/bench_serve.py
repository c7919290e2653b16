"""Serve benchmark: from saving one record to the updated page, ours versus plain Material.

For every size N two development servers run side by side on 127.0.0.1:

* ``ours``: ``mkdocs serve --dirty`` with mkdocs.yml and its hook, what ``make serve``
  runs, on a copy of the N generated practices (PRAKTIJKENBANK_CONTENT_DIR);
* ``plain``: plain Material's own ``mkdocs serve`` (no hook, no --dirty) of the fair
  anchor of bench_site.py: the records' own Markdown as pages, same theme and nav.

Each round appends a paragraph with a new word to the body of one record (in the
copy each server watches), then asks for that record's page every 50 ms until
the new word is in it: the seconds from the save to the updated page (what a
contributor waits for after saving). The servers take turns; the median of
``--repeat`` rounds is kept. Also measured: the CPU an idle server uses
(watching the files), over ``--idle`` seconds.

    python benchmarks/bench_serve.py --sizes 1000 10000 [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench_site import fair_docs, plain_config
from common import OUT, ROOT, SUBPATH, TODAY, practices, print_table, save_rows, work_dir

START_TIMEOUT = 900  # the first build of 10,000 practices on a busy machine
RELOAD_TIMEOUT = 600


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    def __init__(self, name: str, config: Path, record: Path, page: str, extra: list[str], env: dict):
        self.name, self.record, self.original = name, record, record.read_text(encoding="utf-8")
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}{SUBPATH}{page}"
        self.log = open(OUT / f"serve-{name}.log", "w", encoding="utf-8")
        full_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PRAKTIJKENBANK_TODAY=TODAY, **env)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *extra, "--dev-addr", f"127.0.0.1:{self.port}", "-f", str(config)],
            cwd=ROOT, env=full_env, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_for(self, word: str, timeout: float) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise SystemExit(f"{self.name}: de server stopte (zie {self.log.name})")
            if word in _get(self.url):
                return time.perf_counter() - start
            time.sleep(0.05)
        raise SystemExit(f"{self.name}: '{word}' niet gezien binnen {timeout} s")

    def save(self, word: str) -> float:
        """Append a paragraph with ``word``; seconds until the page shows it."""
        self.record.write_text(self.original.rstrip("\n") + f"\n\nEen nieuwe alinea: {word}.\n", encoding="utf-8")
        return self.wait_for(word, RELOAD_TIMEOUT)

    def idle_cpu(self, seconds: float) -> float:
        before = _cpu_seconds(self.process.pid)
        time.sleep(seconds)
        return (_cpu_seconds(self.process.pid) - before) / seconds

    def stop(self):
        self.record.write_text(self.original, encoding="utf-8")
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def _copy(source: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


def measure(size: int, repeat: int, idle: float) -> dict:
    bank = practices(size)
    record_name = sorted(p.name for p in bank.glob("*.md"))[len(list(bank.glob("*.md"))) // 2]
    slug = record_name[:-3]
    content = work_dir(size) / "serve-content"
    _copy(bank, content / "practices")
    fair = plain_config(size, fair=True)
    fair_copy = _copy(fair_docs(size), work_dir(size) / "serve-fair-docs")
    fair_config = work_dir(size) / "mkdocs-serve-fair.yml"
    fair_config.write_text(fair.read_text(encoding="utf-8").replace(str(fair_docs(size)), str(fair_copy)),
                           encoding="utf-8")
    servers = [
        Server("ours", ROOT / "mkdocs.yml", content / "practices" / record_name, f"praktijken/{slug}/", ["--dirty"],
               {"PRAKTIJKENBANK_CONTENT_DIR": str(content)}),
        Server("plain", fair_config, fair_copy / "praktijken" / record_name, f"praktijken/{slug}/", [], {}),
    ]
    try:
        first = {}
        for server in servers:
            first[server.name] = server.wait_for("<h1", START_TIMEOUT)
        time.sleep(2)
        runs: dict[str, list[float]] = {s.name: [] for s in servers}
        for round_ in range(repeat):
            for server in servers:  # take turns
                word = f"meetwoord{size}x{round_}{server.name}"
                runs[server.name].append(server.save(word))
                time.sleep(1.5)  # let the server settle (a second rebuild, the browser's reload)
        idle_cpu = {server.name: server.idle_cpu(idle) for server in servers}
    finally:
        for server in servers:
            server.stop()
    return {"n": size, "record": record_name, "runs": runs, "first_page_s": first,
            "reload_s": {name: statistics.median(values) for name, values in runs.items()},
            "idle_cpu": idle_cpu}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--idle", type=float, default=10.0, help="seconden om het verbruik in rust te meten")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        row = measure(size, args.repeat, args.idle)
        rows.append(row)
        print(f"N={size}: ours {row['reload_s']['ours']:.1f} s, plain {row['reload_s']['plain']:.1f} s "
              f"(rondes {row['runs']})", file=sys.stderr)
    path = save_rows("serve", argv, rows)
    print_table(["N", "wij: bewaren → pagina bijgewerkt (s)", "kaal Material serve (s)", "wij in rust (CPU-kern)",
                 "kaal in rust (CPU-kern)"],
                [[f"{r['n']:,}", f"{r['reload_s']['ours']:.1f}", f"{r['reload_s']['plain']:.1f}",
                  f"{r['idle_cpu']['ours']:.0%}", f"{r['idle_cpu']['plain']:.0%}"] for r in rows])
    print(f"\n(resultaten ook in {path})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
