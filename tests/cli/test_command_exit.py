"""A command run as the process's own leaves its objects to the exit, not to the collector."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from deskapp.cli import main

ROOT = Path(__file__).resolve().parents[2]

_RUN = """
import gc, sys
from deskapp.cli import main
sys.argv = ["deskapp", "export", sys.argv[1], "-o", sys.argv[2]]
code = main()
print("frozen", gc.get_freeze_count())
sys.exit(code)
"""


def test_the_command_freezes_what_it_leaves_and_writes_its_pdf(tmp_path: Path):
    source = tmp_path / "a.md"
    source.write_text("# Tin ngắn\n\nMột đoạn văn.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    done = subprocess.run([sys.executable, "-c", _RUN, str(source), str(tmp_path / "a.pdf")],
                          capture_output=True, text=True, env=env, check=True)
    assert int(done.stdout.split("frozen")[-1]) > 10_000
    assert (tmp_path / "a.pdf").read_bytes().rstrip().endswith(b"%%EOF")


def test_a_caller_passing_arguments_keeps_its_collector(tmp_path: Path):
    source = tmp_path / "a.md"
    source.write_text("# Tin ngắn\n\nMột đoạn văn.\n", encoding="utf-8")
    before = gc.get_freeze_count()
    assert main(["export", str(source), "-o", str(tmp_path / "a.pdf")]) == 0
    assert gc.get_freeze_count() == before
