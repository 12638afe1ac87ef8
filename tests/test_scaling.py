"""Several app replicas on one published database file (docs/SCALING.md).

Two reader processes hold the published file read-only, the way each app replica does
(cettar.db.connect_readonly, reopened when cettar.db.data_version changes, as cettar.cache
does), while a publish (cettar.publish.changes: copy, change, contracts, rename) replaces it.
Both must keep answering throughout, the old connection keeps serving the old data until it is
replaced, and both see the new data after reopening. No timings are asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from cettar import db, publish
from cettar.paths import ROOT

# A replica in miniature: one connection, a query every 20 ms, a new connection when the data
# version changes; one JSON line per query, and a final query on the old connection after the
# switch (it must still answer, from the old file).
READER = r"""
import json, sys, time
from pathlib import Path
from cettar import db

path, stop, log = sys.argv[1], Path(sys.argv[2]), open(sys.argv[3], "a", buffering=1)
QUERY = "SELECT coalesce(max(value), 'none'), (SELECT count(*) FROM region) FROM build_info WHERE key = 'scaling_marker'"

def ask(con):
    try:
        marker, regions = con.execute(QUERY).fetchone()
        return {"ok": True, "marker": marker, "regions": regions}
    except Exception as exc:
        return {"ok": False, "error": repr(exc)}

version = db.data_version(path)
con = db.connect_readonly(path)
while not stop.exists():
    log.write(json.dumps({"version": version, **ask(con)}) + "\n")
    current = db.data_version(path)
    if current != version:
        old, con, version = con, db.connect_readonly(path), current
        log.write(json.dumps({"version": "old connection after the publish", **ask(old)}) + "\n")
        old.close()
    time.sleep(0.02)
con.close()
"""


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def _wait(predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_two_readers_keep_answering_through_a_publish(fresh_db, tmp_path):
    stop = tmp_path / "stop"
    logs = [tmp_path / f"reader{i}.jsonl" for i in range(2)]
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(fresh_db), str(stop), str(log)], cwd=ROOT) for log in logs]
    try:
        _wait(lambda: all(len(_lines(log)) >= 5 for log in logs))
        before = db.data_version(fresh_db)
        with publish.changes(fresh_db) as con:  # the readers hold the file all along
            con.execute("INSERT INTO build_info VALUES ('scaling_marker', 'published')")
        assert db.data_version(fresh_db) != before
        _wait(lambda: all(any(e.get("marker") == "published" for e in _lines(log)) for log in logs))
        stop.touch()
        for reader in readers:
            assert reader.wait(timeout=30) == 0
    finally:
        stop.touch()
        for reader in readers:
            if reader.poll() is None:
                reader.kill()
    for log in logs:
        entries = _lines(log)
        assert all(e["ok"] for e in entries), [e for e in entries if not e["ok"]][:3]
        assert all(e["regions"] == 1 + 38 + 666 + 8494 for e in entries)
        markers = [e["marker"] for e in entries if e["version"] != "old connection after the publish"]
        assert markers[0] == "none" and markers[-1] == "published"
        switch = markers.index("published")
        assert set(markers[:switch]) == {"none"} and set(markers[switch:]) == {"published"}  # old, then new, never a mix
        old = [e for e in entries if e["version"] == "old connection after the publish"]
        assert len(old) == 1 and old[0]["marker"] == "none"  # the old connection still answered, from the old file


def test_a_reader_opened_before_a_publish_sees_the_new_data_only_after_reopening(fresh_db):
    with db.connect_readonly(fresh_db) as old:
        with publish.changes(fresh_db) as con:
            con.execute("INSERT INTO build_info VALUES ('scaling_marker', 'second')")
        assert old.execute("SELECT count(*) FROM build_info WHERE key = 'scaling_marker'").fetchone()[0] == 0
        with db.connect_readonly(fresh_db) as new:
            assert new.execute("SELECT value FROM build_info WHERE key = 'scaling_marker'").fetchone()[0] == "second"


def test_readers_have_a_memory_limit_that_can_be_set(built_db, monkeypatch):
    def limit():
        with db.connect_readonly(built_db) as con:
            return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]

    monkeypatch.delenv(db.MEMORY_ENV, raising=False)
    assert limit() == "953.6 MiB"  # 1 GB: not DuckDB's default of 80 % of the machine's RAM
    monkeypatch.setenv(db.MEMORY_ENV, "500MB")
    assert limit() == "476.8 MiB"
