"""The benchmark's report: targets, PASS/MISS verdicts, and the tables printed and written to
BENCHMARKS.md. Everything here formats measured results; nothing is measured here."""

from __future__ import annotations

import datetime as dt

# The targets of the issue, for a 2-core machine. A verdict is PASS or MISS; "-" where none applies.
TARGETS = {
    "provincial": {"page_change_median_ms": 300, "query_p95_ms": 50, "map_payload_bytes": 300_000},
    "national": {"page_change_median_ms": 1000, "query_p95_ms": 500, "peak_rss_mb": 2048, "build_s": 600},
}


def verdict(value, limit) -> str:
    if value is None or limit is None:
        return "-"
    return "PASS" if value <= limit else "MISS"


def ms(value) -> str:
    return "-" if value is None else (f"{value:,.0f}" if value >= 100 else f"{value:,.1f}")


def mb(value) -> str:
    return "-" if value is None else f"{value:,.0f} MB"


def kb(value) -> str:
    return "-" if value is None else f"{value / 1000:,.1f} KB"


def secs(value) -> str:
    return "-" if value is None else f"{value:,.1f} s"


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _misses(results: dict) -> list[str]:
    out = []
    for scale, res in results.get("scales", {}).items():
        t = TARGETS[scale]
        for p in res.get("pages", []):
            v = verdict(p.get("filter_change", {}).get("median_ms"), t["page_change_median_ms"])
            if v == "MISS":
                out.append(f"{scale}: page {p['page']} filter change median {ms(p['filter_change']['median_ms'])} ms > {t['page_change_median_ms']} ms")
            if p.get("peak_rss_mb") and "peak_rss_mb" in t and p["peak_rss_mb"] > t["peak_rss_mb"]:
                out.append(f"{scale}: page {p['page']} worker peak memory {mb(p['peak_rss_mb'])} > {mb(t['peak_rss_mb'])}")
        q = res.get("queries", {})
        for row in q.get("queries", []):
            if verdict(row.get("p95_ms"), t["query_p95_ms"]) == "MISS":
                out.append(f"{scale}: query {row['query']} ({row['variant']}) p95 {ms(row['p95_ms'])} ms > {t['query_p95_ms']} ms")
            if row.get("error"):
                out.append(f"{scale}: query {row['query']} ({row['variant']}) failed: {row['error']}")
        if "peak_rss_mb" in t:
            for what, peak in (("queries worker", q.get("peak_rss_mb")), ("build", res.get("build", {}).get("peak_rss_mb"))):
                if verdict(peak, t["peak_rss_mb"]) == "MISS":
                    out.append(f"{scale}: {what} peak memory {mb(peak)} > {mb(t['peak_rss_mb'])}")
        if "build_s" in t and verdict(res.get("build", {}).get("build_s"), t["build_s"]) == "MISS":
            out.append(f"{scale}: build {secs(res['build']['build_s'])} > {secs(t['build_s'])}")
        if "map_payload_bytes" in t:
            sizes = [p.get("map_figure_bytes") for p in res.get("pages", []) if p.get("map_figure_bytes")]
            if sizes and max(sizes) > t["map_payload_bytes"]:
                out.append(f"{scale}: map figure {kb(max(sizes))} > {kb(t['map_payload_bytes'])}")
    load = results.get("load")
    if load and load.get("errors"):
        out.append(f"load test: {len(load['errors'])} error(s)")
    return out


def render(results: dict) -> str:
    m = results["machine"]
    out = ["# Benchmarks", ""]
    out.append(f"Measured by `python -m bench{(' ' + results['argv']) if results.get('argv') else ''}` on {m['date']}"
               f"{' (smoke mode: tiny sizes, not a measurement)' if results.get('smoke') else ''}. "
               "Every figure below comes from that run (except where a reused build says otherwise); rerun the command to measure your machine.")
    out += ["", "## Machine", ""]
    load = m.get("load_average")
    out.append(table(["CPU", "cores", "RAM", "OS", "Python", "DuckDB", "Streamlit", "pandas", "load average at start"], [[
        m["cpu"], m["cores"], f"{m['ram_gb']:.1f} GB" if m.get("ram_gb") else "-", m["os"], m["python"], m["duckdb"],
        m["streamlit"], m["pandas"], ", ".join(f"{x:.2f}" for x in load) if load else "-"]]))
    if m.get("load_average_end"):
        out.append(f"\nLoad average at the end: {', '.join(f'{x:.2f}' for x in m['load_average_end'])}.")
    if load and m.get("cores") and max(load[0], (m.get("load_average_end") or [0])[0]) > m["cores"]:
        out.append(f"\nThe machine was shared while measuring (load {load[0]:.1f} on {m['cores']} cores at the start): "
                   "other processes competed for the CPU, so times are upper bounds.")

    misses = _misses(results)
    out += ["", "## Verdict", ""]
    if misses:
        out.append(f"{len(misses)} target(s) missed:")
        out += [f"- MISS {line}" for line in misses]
    else:
        out.append("Every target measured was met.")

    for scale, res in results.get("scales", {}).items():
        t = TARGETS[scale]
        out += ["", f"## {scale.capitalize()} scale", ""]
        b = res.get("build", {})
        regions = b.get("regions", {})
        shape = ", ".join(f"{regions.get(k, 0):,} {k}" for k in ("provinsi", "kabkota", "kecamatan", "desa"))
        out.append(f"Database: {shape}; {b.get('values', 0):,} indicator values"
                   + (f" ({b['monthly_values']:,} of them monthly desa values)" if b.get("monthly_values") else "")
                   + (f"; profile: {b['profile']}" if b.get("profile") else "") + ".")
        build_rows = [["build (populate + contracts + publish)", secs(b.get("build_s")), verdict(b.get("build_s"), t.get("build_s"))]]
        if b.get("contracts_s") is not None:
            build_rows.append(["  of which contracts", secs(b.get("contracts_s")), "-"])
        if b.get("boundaries_s"):
            build_rows.append(["boundary import (kab/kota + kecamatan, `cettar geodata import`)", secs(b.get("boundaries_s")), "-"])
        build_rows.append(["database file", f"{b.get('bytes', 0) / 1e6:,.1f} MB", "-"])
        build_rows.append(["build process peak memory", mb(b.get("peak_rss_mb")), verdict(b.get("peak_rss_mb"), t.get("peak_rss_mb"))])
        out += ["", "### Build", "", table(["what", "value", "target"], build_rows)]
        if res.get("build", {}).get("reused"):
            out += ["", f"These build figures are from the earlier run that built this database "
                        f"({res['build'].get('built_at')}, same machine); this run reused it (`--reuse-national`)."]
        if b.get("expected_region_problems"):
            out.append(f"\nThe region-count contract (East Java's 38 / 666 / 8,494) reports {b['expected_region_problems']} "
                       "expected problems at national scale; every other contract passes.")

        pages = res.get("pages", [])
        naive_pages = {p["page"]: p for p in res.get("naive_pages", [])}
        if pages:
            out += ["", "### Page scripts (AppTest)", "",
                    f"Script time of one run, ms. First load: a new session on empty caches; filter change: a new value of "
                    f"the page's filter (`filter`). Target: filter-change median <= {t['page_change_median_ms']:,} ms. "
                    "Naive: no caching at all (and, on the map, unsimplified geometry). Memory: peak RSS of the worker process."]
            rows = []
            for p in pages:
                fl, fc = p.get("first_load", {}), p.get("filter_change", {})
                nv = naive_pages.get(p["page"], {}).get("filter_change", {})
                ratio = (nv["median_ms"] / fc["median_ms"]) if nv.get("median_ms") and fc.get("median_ms") else None
                rows.append([p["page"], p.get("filter", "-"), fl.get("n", 0), ms(fl.get("median_ms")), ms(fl.get("p95_ms")),
                             fc.get("n", 0), ms(fc.get("median_ms")), ms(fc.get("p95_ms")),
                             verdict(fc.get("median_ms"), t["page_change_median_ms"]),
                             ms(nv.get("median_ms")) + (f" (n={nv['n']})" if nv.get("n") else ""),
                             f"{ratio:.1f}x" if ratio else "-", kb(p.get("sent_change_bytes")), mb(p.get("peak_rss_mb")),
                             "; ".join(p.get("errors", []))[:120] or "none"])
            out += ["", table(["page", "filter", "n", "first median", "first p95", "n", "change median", "change p95", "target",
                               "naive change median", "naive / shipped", "sent per change", "peak memory", "errors"], rows)]

        maps = [p for p in pages if p.get("map_figure_bytes")]
        naive = res.get("naive", {})
        if maps or naive.get("geojson_bytes"):
            out += ["", "### Map payload", ""]
            rows = []
            for p in maps:
                rows.append([f"map figure JSON ({p['page']}, {p.get('map_shapes')} shapes)", kb(p["map_figure_bytes"]),
                             verdict(p["map_figure_bytes"], t.get("map_payload_bytes"))])
            if naive.get("geojson_bytes"):
                rows.append(["kecamatan GeoJSON as sent (simplified, 4 decimals, no properties)", kb(naive["geojson_bytes"]), "-"])
                rows.append(["naive: full geometry, full precision, code + name", kb(naive["naive_geojson_bytes"]),
                             f"{naive['naive_geojson_bytes'] / naive['geojson_bytes']:.1f}x the shipped"])
            naive_map = naive_pages.get("pages/map.py", {})
            if naive_map.get("map_figure_bytes"):
                rows.append(["naive map figure JSON (unsimplified page)", kb(naive_map["map_figure_bytes"]), "-"])
            out.append(table(["what", "bytes", "target / ratio"], rows))

        q = res.get("queries", {})
        if q.get("queries"):
            out += ["", "### Read queries", "",
                    f"Every file of the page folders of queries/, on a read-only connection as the app opens it; ms. "
                    f"First: the first execution (cold buffers); then n runs. Target: p95 <= {t['query_p95_ms']} ms"
                    + (" (the national target is for kecamatan-level queries; it is applied to every read query here)."
                       if scale == "national" else ".")]
            if q.get("borrowed_samples"):
                out.append(f"Parameters missing from tests/test_queries.py SAMPLES, taken from bench/queries.py FALLBACK: "
                           f"{', '.join(q['borrowed_samples'])}.")
            rows = [[r["query"], r["variant"], ms(r.get("first_ms")), r.get("n", 0), ms(r.get("median_ms")), ms(r.get("p95_ms")),
                     f"{r['rows']:,}" if "rows" in r else "-", verdict(r.get("p95_ms"), t["query_p95_ms"]) if not r.get("error") else "ERROR " + r["error"][:80]]
                    for r in q["queries"]]
            out += ["", table(["query", "parameters", "first", "n", "median", "p95", "rows", "target"], rows)]
            out.append(f"\nThe read-only connection ran as the app's does, with DuckDB's memory_limit at {q.get('memory_limit')} "
                       f"(cettar.db, {q.get('memory_env')}). Queries worker peak memory: {mb(q.get('peak_rss_mb'))}"
                       + (f" ({verdict(q.get('peak_rss_mb'), t.get('peak_rss_mb'))})" if t.get("peak_rss_mb") else "") + ".")
        if naive.get("runs"):
            out += ["", "### Naive baseline: CSV + pandas (no DuckDB, nothing cached)", "",
                    f"Per filter change the naive page reads the CSV export ({naive.get('csv_bytes', 0) / 1e6:,.0f} MB) "
                    "and groups in pandas; the shipped page runs the SQL query (p95 above). Each naive result is checked "
                    "against the query's."]
            shipped = {(r["query"], r["variant"]): r for r in q.get("queries", [])}
            rows = []
            for r in naive["runs"]:
                ref = _shipped_for(r, shipped)
                ratio = (r["median_ms"] / ref["median_ms"]) if ref and r.get("median_ms") and ref.get("median_ms") else None
                rows.append([r["variant"], r.get("n", 0), ms(r.get("median_ms")), ms(r.get("p95_ms")),
                             ms(ref.get("median_ms")) if ref else "-", f"{ratio:,.0f}x" if ratio else "-",
                             ("yes" if r.get("same_result") else "NO") if not r.get("error") else "ERROR " + r["error"]])
            out += ["", table(["computation", "n", "naive median", "naive p95", "shipped query median", "naive / shipped", "same result"], rows)]
            out.append(f"\nNaive worker peak memory: {mb(naive.get('peak_rss_mb'))}"
                       + (f" (address space limited to {naive['address_space_limit_gb']} GB)" if naive.get("address_space_limit_gb") else "")
                       + f"; shipped queries worker: {mb(q.get('peak_rss_mb'))}.")

    load = results.get("load")
    if load:
        out += ["", "## Load test (browser)", ""]
        if load.get("skipped"):
            out.append(f"Not run: {load['skipped']}.")
        else:
            imp = load.get("import") or {}
            out.append(f"{load['sessions']} Chromium sessions in parallel on one `python -m cettar.serve` (provincial database), "
                       f"opening {load['page']} and changing the indicator {load['changes_per_session']} times each, the last time "
                       f"after the publish; `cettar import indicators` published new data after half of them had drawn their first map "
                       f"(import took {secs(imp.get('seconds'))}, exit code {imp.get('returncode')}). "
                       f"{load['changes_after_publish']} changes started after the publish, {load['changes_during_publish']} "
                       f"were under way while it happened. Wall time {secs(load.get('wall_s'))}; server peak memory "
                       f"{mb(load.get('server_peak_rss_mb'))}.")
            if load.get("server_cpu_s") is not None and load.get("machine_cpu_s"):
                views = load.get("map_views") or 0
                out.append(f"\nCPU during the test: the app server used {secs(load['server_cpu_s'])} of CPU, the whole machine "
                           f"{secs(load['machine_cpu_s'])} ({load['machine_cpu_s'] / (load['wall_s'] * load['cores']):.0%} of its "
                           f"{load['cores']} cores over the wall time): the browsers, the import and other processes took the rest."
                           + (f" Server CPU per drawn map: {load['server_cpu_s'] / views * 1000:,.0f} ms ({views} maps)." if views else ""))
            o, c = load["open"], load["change"]
            out += ["", table(["time to a drawn map", "n", "median", "p95", "max"], [
                ["first open", o.get("n", 0), secs(o.get("median_ms", 0) / 1000), secs(o.get("p95_ms", 0) / 1000), secs(o.get("max_ms", 0) / 1000)],
                ["filter change", c.get("n", 0), secs(c.get("median_ms", 0) / 1000) if c.get("n") else "-",
                 secs(c.get("p95_ms", 0) / 1000) if c.get("n") else "-", secs(c.get("max_ms", 0) / 1000) if c.get("n") else "-"]])]
            rows = [[s["session"], secs(s["open_s"]), ", ".join(f"{x:.1f}" for x in s["changes_s"]) or "-"] for s in load["per_session"]]
            out += ["", table(["session", "first open", "changes (s)"], rows)]
            out.append("")
            out.append(f"Errors (exception boxes, failed requests, requests outside 127.0.0.1): **{len(load['errors'])}**"
                       + (" - " + "; ".join(load["errors"][:10]) if load["errors"] else "") + ".")
    out += ["", f"_Written {dt.datetime.now().isoformat(timespec='seconds')} by bench/report.py._", ""]
    return "\n".join(out)


def _shipped_for(naive_row: dict, shipped: dict) -> dict | None:
    """The shipped query run that computes what a naive run computes."""
    query, label = naive_row["query"], naive_row["variant"]
    if query == "overview/pillar_means":
        return shipped.get((query, "whole area"))
    if "rollup" in label:
        return next((r for (qn, v), r in shipped.items() if qn == query and v.startswith("desa->kecamatan rollup")), None)
    return shipped.get((query, "whole area"))
