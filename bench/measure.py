"""Small measuring helpers shared by the workers: timing, percentiles, peak memory."""

from __future__ import annotations

import math
import resource
import statistics
import time
from typing import Callable


def timed(func: Callable[[], object]) -> tuple[float, object]:
    """(seconds, result) of one call."""
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def p95(values: list[float]) -> float:
    """The 95th percentile by the nearest-rank rule (of 20 runs: the 19th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary(seconds: list[float]) -> dict:
    """median / p95 / min / max in milliseconds, and n."""
    if not seconds:
        return {"n": 0}
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "median_ms": statistics.median(ms), "p95_ms": p95(ms), "min_ms": min(ms), "max_ms": max(ms)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process_peak_rss_mb(pid: int) -> float | None:
    """Peak resident memory (VmHWM) of another running process, from /proc."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def process_cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) a running process has used so far, from /proc."""
    import os

    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def machine_busy_seconds() -> float | None:
    """CPU time all processes of the machine have used (every core), from /proc/stat."""
    import os

    try:
        with open("/proc/stat") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None
