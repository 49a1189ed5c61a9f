#!/usr/bin/env python3
"""Set up Deskapp in a local virtual environment and run it or its tests.

    python3 dev.py run [deskapp arguments]   install what is needed, then start Deskapp
    python3 dev.py test [pytest arguments]   install the test tools, then run every test
    python3 dev.py bench                     run the benchmarks in bench/
    python3 dev.py golden                    regenerate the golden pages in tests/pdf/golden/

Only the Python standard library is needed to run this file (Python 3.11+).
The environment lives in .venv/ beside this file; it is refreshed whenever
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_env(extras: str) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs on whatever python3 is)
        sys.exit("Deskapp needs Python 3.11 or newer.")
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'app'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    target = f".[{extras}]" if extras else "."
    print(f"Installing Deskapp ({target}) …", flush=True)
    run([str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q",
         "--upgrade", "pip"])
    run([str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q",
         "-e", target])
    stamp.write_text(wanted)


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    code = subprocess.call(command, cwd=ROOT, env=env)
    if code:
        sys.exit(code)


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"run", "test", "bench", "golden"}:
        sys.exit(__doc__)
    what, rest = argv[0], argv[1:]
    if what == "run":
        ensure_env("")
        run([str(PYTHON), "-m", "deskapp", *rest])
    elif what == "test":
        ensure_env("test")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        run([str(PYTHON), "-m", "pytest", *rest], env=env)
    elif what == "golden":
        ensure_env("test")
        run([str(PYTHON), str(ROOT / "tools" / "update_golden.py"), *rest])
    else:
        ensure_env("test")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        run([str(PYTHON), str(ROOT / "bench" / "run.py"), *rest], env=env)


if __name__ == "__main__":
    main(sys.argv[1:])
