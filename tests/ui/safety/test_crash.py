"""A process killed with SIGKILL loses at most the typing of the last autosave delay."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deskapp.store import Library

VICTIM = Path(__file__).with_name("crash_victim.py")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL exists only on POSIX")
def test_sigkill_after_autosave_keeps_the_text(library_path):
    first = "Ban chi dao da hop. "
    second = "Cau nay chua kip luu"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, str(VICTIM), str(library_path), first, second],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        lines = []
        started = time.monotonic()
        while "typed" not in lines and time.monotonic() - started < 60:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line.split()[0] if line.split() else "")
            if line.startswith("id "):
                article_id = line.split()[1]
        assert "typed" in lines, proc.stderr.read() if proc.poll() is not None else lines
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    library = Library.open(library_path)
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    body = library.get(article_id).body
    # Everything typed before the autosave survived; the last words (typed after
    # it, killed within the autosave delay) may be lost, nothing else.
    assert body in (first, first + second)
    library.close()
