#!/usr/bin/env python3
"""Run every benchmark in this folder; each prints ``name: value unit`` lines."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(HERE.parent / "src"), env.get("PYTHONPATH", "")])
    )
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"# {script.name}", flush=True)
        failed |= subprocess.call([sys.executable, str(script)], env=env) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
