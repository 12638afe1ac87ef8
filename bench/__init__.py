"""The project's benchmark: `python -m bench` (see bench/run.py for the options).

Measures the dashboard at provincial scale (the default build) and at national scale (the same
build code with Indonesia's full region list and ~66 M generated values), against a naive
baseline kept here, plus a browser load test; prints a table and writes BENCHMARKS.md.
Each measurement runs in its own worker process (bench/worker.py) so that its peak memory is
its own.
"""
