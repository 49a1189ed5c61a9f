"""Helpers shared by the benchmarks."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

# The newsroom samples sit beside the checkout; DESKAPP_SAMPLES names another folder.
SAMPLES = Path(os.environ.get("DESKAPP_SAMPLES")
               or Path(__file__).resolve().parents[2] / "shared" / "samples")
SAMPLE = SAMPLES / "kontum-quy-che-dan-chu.raw.txt"


def sample_text() -> str:
    if SAMPLE.exists():
        return SAMPLE.read_text(encoding="utf-8")
    return ("Ban chỉ đạo xây dựng và thực hiện quy chế dân chủ ở cơ sở tỉnh vừa tổ chức "
            "Hội nghị tổng kết công tác năm 2013.\n\n") * 12


def median_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of ``fn`` in milliseconds over ``repeat`` runs (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(name: str, value: float, unit: str) -> None:
    shown = f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"
    print(f"{name}: {shown} {unit}", flush=True)
