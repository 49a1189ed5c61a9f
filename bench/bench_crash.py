"""Crash safety: SIGKILL a process mid-autosave many times, count what was lost.

Prints how many kills were survived, how many lost a committed save (must be
0) and the 95th percentile of an autosave's time as the child measured it.
"""

import os
import signal
import sys
import tempfile
from pathlib import Path

from common import report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))

from test_crash_many import run_crashes


def main() -> None:
    if not hasattr(signal, "SIGKILL"):
        print("crash_runs: 0 runs (SIGKILL exists only on POSIX)")
        return
    runs = int(os.environ.get("DESKAPP_CRASH_RUNS", "200"))
    with tempfile.TemporaryDirectory() as folder:
        result = run_crashes(Path(folder) / "library.sqlite", runs)
    latencies = sorted(result.latencies_ms)
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
    report("crash_runs", result.runs, "runs")
    report("crash_losses", len(result.losses), "count")
    report("save_latency_p95", p95, "ms")
    for loss in result.losses:
        print("  lost:", loss, file=sys.stderr)


if __name__ == "__main__":
    main()
