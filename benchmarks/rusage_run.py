"""Run a command; print its CPU seconds and peak memory (KiB) as the last line: ``PBRUSAGE <cpu> <kib>``.

common.measured() starts every measured process through this small one: on Linux a process's
peak memory (ru_maxrss) starts at that of the process that forked it, so a child forked straight
from a benchmark that holds a whole generated bank in memory would report the benchmark's memory.

    python benchmarks/rusage_run.py <command> [<argument> ...]
"""

import os
import subprocess
import sys

process = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(process.pid, 0)
print(f"PBRUSAGE {usage.ru_utime + usage.ru_stime:.3f} {usage.ru_maxrss}", file=sys.stderr, flush=True)
sys.exit(os.waitstatus_to_exitcode(status))
