"""Installer sizes and the frozen program's start-up, for the build in dist/.

Prints bundle_unpacked, bundle_targz, bundle_deb (MB = 10^6 bytes) and
frozen_start_to_window (ms, median of 3 offscreen starts that quit by themselves
through DESKAPP_QUIT_AFTER_START=1). Budget: under 150 MB unpacked and under 60 MB
compressed. Without a build it says how to make one and exits 0.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import report

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUDGET_UNPACKED_MB = 150
BUDGET_COMPRESSED_MB = 60


def folder_bytes(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symlinks counted once, as links)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file()
               and not p.is_symlink())


def newest(pattern: str) -> Path | None:
    found = sorted(DIST.glob(pattern), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def start_to_window_ms(exe: Path) -> float | None:
    """One offscreen start of the frozen window; the time it reports on stderr."""
    with tempfile.TemporaryDirectory() as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_"))}
        env.update(HOME=home, QT_QPA_PLATFORM="offscreen", DESKAPP_QUIT_AFTER_START="1",
                   DESKAPP_LIBRARY=str(Path(home) / "library.sqlite"))
        env.pop("XDG_DATA_HOME", None)
        result = subprocess.run([str(exe)], env=env, capture_output=True, text=True,
                                timeout=120, check=False)
    found = re.search(r"window shown after (\d+) ms", result.stderr)
    return float(found.group(1)) if result.returncode == 0 and found else None


def check_budget(name: str, megabytes: float, budget: int) -> None:
    if megabytes >= budget:
        print(f"# over budget: {name} {megabytes:.1f} MB >= {budget} MB", flush=True)


def main() -> int:
    bundle = DIST / "deskapp"
    exe = bundle / ("deskapp.exe" if os.name == "nt" else "deskapp")
    if not exe.exists():
        print("# no frozen build in dist/: make one with `python packaging/build.py`")
        return 0
    unpacked = folder_bytes(bundle) / 1e6
    report("bundle_unpacked", round(unpacked, 1), "MB")
    check_budget("bundle_unpacked", unpacked, BUDGET_UNPACKED_MB)
    for name, pattern in (("bundle_targz", "deskapp-*.tar.gz"), ("bundle_deb", "deskapp_*.deb"),
                          ("bundle_zip", "deskapp-*.zip"), ("bundle_dmg", "Deskapp-*.dmg")):
        archive = newest(pattern)
        if archive is not None:
            size = archive.stat().st_size / 1e6
            report(name, round(size, 1), "MB")
            check_budget(name, size, BUDGET_COMPRESSED_MB)
    times = [t for t in (start_to_window_ms(exe) for _ in range(3)) if t is not None]
    if times:
        report("frozen_start_to_window", statistics.median(times), "ms")
    else:
        print("# frozen_start_to_window: the window did not report its start-up")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
