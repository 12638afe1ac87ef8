"""The benchmark works end to end (`python -m bench --smoke`): structure only, never timings.

The real figures come from full runs on a quiet machine and live in BENCHMARKS.md; CI only
proves here that every step still runs: both builds (the national one through the build seam,
on a tiny profile), every read query, a page worker, the naive baseline, the report, and (with
Chromium) the browser load test with an import published in the middle of it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from cettar import build
from cettar.paths import ROOT
from tests.test_queries import READ_QUERIES


@pytest.fixture(scope="module")
def smoke(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("bench")
    out, raw = folder / "BENCHMARKS.md", folder / "results.json"
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--no-load", "--workdir", str(folder / "work"), "--out", str(out), "--json", str(raw)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return {"results": json.loads(raw.read_text()), "report": out.read_text(), "stdout": proc.stdout, "work": folder / "work"}


def test_both_scales_are_built_by_the_build_code(smoke):
    scales = smoke["results"]["scales"]
    assert set(scales) == {"provincial", "national"}
    assert scales["provincial"]["build"]["regions"] == {"provinsi": 1, "kabkota": 38, "kecamatan": 666, "desa": 8494}
    national = scales["national"]["build"]
    assert national["ok"] and national["regions"]["provinsi"] == 2  # the smoke profile: provinces 35 and 36
    assert national["regions"]["kecamatan"] > 666 and national["monthly_values"] > 0
    assert national["expected_region_problems"] == 4  # East Java's region counts, and nothing else, fail
    # the national database went to the work folder, never into the repository
    assert (smoke["work"] / "national" / "cettar.duckdb").exists() and ROOT not in smoke["work"].parents


def test_every_read_query_is_measured_on_both_scales(smoke):
    for scale, res in smoke["results"]["scales"].items():
        measured = {r["query"] for r in res["queries"]["queries"]}
        assert measured == set(READ_QUERIES), scale
        assert [r for r in res["queries"]["queries"] if r.get("error")] == [], scale
        assert all(r["n"] >= 1 and r["p95_ms"] >= r["median_ms"] > 0 for r in res["queries"]["queries"])


def test_page_worker_and_naive_baseline(smoke):
    for scale, res in smoke["results"]["scales"].items():
        (page,) = res["pages"]
        assert page["ok"] and page["errors"] == [], (scale, page.get("error"), page.get("errors"))
        assert page["first_load"]["n"] >= 1 and page["filter_change"]["n"] >= 1 and page["peak_rss_mb"] > 0
        naive = res["naive"]
        assert naive["ok"] and naive["runs"] and all(r["same_result"] for r in naive["runs"]), naive


def test_report_has_every_section_and_a_verdict_per_target(smoke):
    text = smoke["report"]
    for heading in ("## Machine", "## Verdict", "## Provincial scale", "## National scale", "### Build",
                    "### Page scripts (AppTest)", "### Read queries", "### Naive baseline"):
        assert heading in text
    assert "PASS" in text or "MISS" in text
    assert "smoke mode" in text
    assert text in smoke["stdout"]  # printed as written


def test_load_test_uses_the_flags_of_the_browser_tests():
    from bench import load
    from tests.browser.conftest import CHROMIUM_ARGS, LOCAL_PREFIXES

    assert load.CHROMIUM_ARGS == CHROMIUM_ARGS and load.LOCAL_PREFIXES == LOCAL_PREFIXES


def test_the_build_seam_swaps_the_region_list_and_the_values(tmp_path):
    """populate(regions=..., values=...) runs those instead of the official list and the demo
    generators (the default build, without them, is what every other build test checks)."""
    from tests.fixture import write_region_list

    regions = write_region_list(tmp_path / "regions")
    calls = []
    with duckdb.connect(str(tmp_path / "seam.duckdb")) as con:
        build.populate(con, regions, with_demo=False,
                       regions=lambda c: calls.append("regions") or build.run_script(c, "build/load_regions", build.region_list_paths(regions)),
                       values=lambda c: calls.append("values"))
        assert calls == ["regions", "values"]
        assert con.execute("SELECT count(*) FROM region WHERE code LIKE '36%'").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM coordination_record").fetchone()[0] == 0  # the demo generators were swapped out
