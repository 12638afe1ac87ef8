"""What the benchmark ran on: CPU, cores, memory, software versions, date, load."""

from __future__ import annotations

import datetime as dt
import os
import platform


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def describe() -> dict:
    import duckdb
    import pandas
    import streamlit

    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _memory_gb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "streamlit": streamlit.__version__,
        "pandas": pandas.__version__,
        "load_average": load,
    }
