"""Boundaries in: formats, CRS, repair, matching to Kemendagri codes, report, publish, replay,
download. Real boundaries come from ../shared/geodata (read, never copied into the project);
variants are written to tmp folders."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path
from types import SimpleNamespace

import duckdb
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from cettar import build, cli, geodata, publish
from cettar import geodata_match as gm

pytestmark = pytest.mark.shared

MISSPELT = {"Gedeg": "Gedek", "Ngadirojo": "Ngadiroja", "Sumbermanjing Wetan": "Sumbermanjing Wtn"}


def run(*args: str) -> SimpleNamespace:
    """Run the CLI in-process; returns rc, out, err."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = cli.main([str(a) for a in args])
    return SimpleNamespace(rc=rc, out=out.getvalue(), err=err.getvalue())


def clone(db: Path, folder: Path) -> Path:
    """Copy a database and its import store into folder (a build there can replay imports)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db, folder / db.name)
    if (db.parent / "imports").is_dir():
        shutil.copytree(db.parent / "imports", folder / "imports", dirs_exist_ok=True)
    return folder / db.name


def query(db: Path, text: str, params: dict | None = None) -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(text, params or {}).df()


def boundaries(db: Path, level: str, display: bool = True) -> gpd.GeoDataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return geodata.load_boundaries(con, level, display)


def report_of(out: str) -> pd.DataFrame:
    path = [line.split("report: ", 1)[1].strip() for line in out.splitlines() if "report: " in line][-1]
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def bowtie_over(geom) -> shapely.Polygon:
    """A self-intersecting polygon (figure eight) over a geometry's bounding box."""
    x0, y0, x1, y1 = geom.bounds
    return shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1), (x0, y0)])


def zip_shapefile(frame: gpd.GeoDataFrame, target: Path, with_prj: bool = True) -> Path:
    folder = target.with_suffix("")
    folder.mkdir(parents=True, exist_ok=True)
    frame.to_file(folder / "batas.shp", engine="pyogrio")
    with zipfile.ZipFile(target, "w") as zf:
        for part in sorted(folder.iterdir()):
            if part.suffix == ".prj" and not with_prj:
                continue
            zf.write(part, part.name)
    return target


# ----------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def kec(shared) -> gpd.GeoDataFrame:
    return gpd.read_file(shared / "geodata" / "jatim_kecamatan.geojson")


@pytest.fixture(scope="module")
def kab(shared) -> gpd.GeoDataFrame:
    return gpd.read_file(shared / "geodata" / "jatim_kabkota.geojson")


@pytest.fixture(scope="module")
def official(built_db) -> gm.Official:
    with duckdb.connect(str(built_db), read_only=True) as con:
        return gm.Official(geodata.dbmod.execute(con, "geodata/regions"))


@pytest.fixture(scope="module")
def imported(built_db, shared, tmp_path_factory) -> SimpleNamespace:
    """One database with the shared kab/kota and kecamatan files imported through the CLI."""
    db = clone(built_db, tmp_path_factory.mktemp("imported"))
    kab_run = run("--db", db, "geodata", "import", shared / "geodata" / "jatim_kabkota.geojson", "--level", "kabkota")
    kec_run = run("--db", db, "geodata", "import", shared / "geodata" / "jatim_kecamatan.geojson", "--level", "kecamatan")
    return SimpleNamespace(db=db, kab=kab_run, kec=kec_run)


# ----------------------------------------------------------------------------------- the shared files


def test_shared_files_match_every_official_unit(imported, kec, kab):
    assert imported.kab.rc == 0, imported.kab.err
    assert imported.kec.rc == 0, imported.kec.err
    assert "coverage 38/38 = 100.0%" in imported.kab.out
    assert "coverage 666/666 = 100.0%" in imported.kec.out
    report = report_of(imported.kec.out)
    assert (report["status"] == "matched").sum() == 666
    assert (report["method"] == "code").sum() == 666
    assert (report["code"] == report["feature_code"]).all()
    stored = boundaries(imported.db, "kecamatan")
    assert sorted(stored["code"]) == sorted(kec["kode"])
    assert len(boundaries(imported.db, "kabkota")) == 38
    assert stored.loc[stored["code"] == "35.29.22", "name"].item() == 'Ra"as'  # official spelling


def test_invalid_shared_geometry_is_repaired_and_reported(imported, kec):
    # 14 kecamatan with nested shells and 35.09.04 Gumukmas (self-intersection); 8 kab/kota.
    assert "repaired 15 invalid geometries" in imported.kec.out
    assert "repaired 8 invalid geometries" in imported.kab.out
    report = report_of(imported.kec.out)
    noted = report[report["geometry_note"] != ""]
    assert len(noted) == 15
    assert "Self-intersection" in noted.loc[noted["code"] == "35.09.04", "geometry_note"].item()
    full = boundaries(imported.db, "kecamatan", display=False).set_index("code")
    assert full.is_valid.all()
    # A repair keeps the shape: the stored area equals the source area within 0.1 %.
    source = kec.set_index("kode").geometry
    ratio = shapely.area(full.geometry.values) / shapely.area(source.loc[full.index].values)
    assert ((ratio > 0.999) & (ratio < 1.001)).all()


def test_audit_log_source_and_contracts(imported, shared):
    log = query(imported.db, "SELECT kind, file_name, rows_added, rows_replaced, source_id, options FROM import_log ORDER BY import_id")
    assert log["kind"].tolist() == ["boundaries", "boundaries"]
    assert log["rows_added"].tolist() == [38, 666]
    options = json.loads(log["options"].iat[1])
    assert options["level"] == "kecamatan" and options["crs"] is None and options["overrides"] == []
    source = query(imported.db, "SELECT * FROM data_source WHERE source_id = $id", {"id": log["source_id"].iat[1]})
    assert source["status"].item() == "official" and source["licence"].item() == "unknown"
    kept = {p.name.split(".")[0] for p in (imported.db.parent / "imports").iterdir()}
    assert kept == {publish.sha256_of(shared / "geodata" / f"jatim_{n}.geojson") for n in ("kabkota", "kecamatan")}
    assert run("--db", imported.db, "check").rc == 0


def test_display_geometry_is_small_valid_rounded_and_topological(imported):
    with duckdb.connect(str(imported.db), read_only=True) as con:
        collection = geodata.boundaries_geojson(con, "kecamatan")
        levels = geodata.boundary_levels(con).set_index("level")
    payload = json.dumps(collection, separators=(",", ":"))
    assert len(collection["features"]) == 666
    assert len(payload.encode()) <= 300_000, len(payload)
    assert levels.loc["kecamatan", "boundaries"] == 666 and levels.loc["desa", "boundaries"] == 0

    display = boundaries(imported.db, "kecamatan").set_index("code")
    full = boundaries(imported.db, "kecamatan", display=False).set_index("code").loc[display.index]
    assert display.is_valid.all() and not display.is_empty.any()
    coords = shapely.get_coordinates(display.geometry.values)
    assert np.array_equal(coords, np.round(coords, 4))
    assert shapely.get_num_coordinates(display.geometry.values).sum() < shapely.get_num_coordinates(full.geometry.values).sum()
    # coverage_simplify keeps shared edges shared: the display set is a valid coverage (no overlaps).
    assert shapely.coverage_is_valid(display.geometry.values)
    tree = shapely.STRtree(display.geometry.values)
    a, b = tree.query(display.geometry.values, predicate="intersects")
    overlap = shapely.area(shapely.intersection(display.geometry.values[a[a < b]], display.geometry.values[b[a < b]])).sum()
    assert overlap < 1e-9
    # Each unit keeps its shape.
    iou = shapely.area(shapely.intersection(display.geometry.values, full.geometry.values)) / shapely.area(
        shapely.union(display.geometry.values, full.geometry.values))
    assert iou.min() > 0.5 and np.median(iou) > 0.85


def test_database_without_boundaries_reads_empty(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        frame = geodata.load_boundaries(con, "kecamatan")
        assert list(frame.columns) == ["code", "name", "geometry"] and frame.empty
        assert geodata.boundaries_geojson(con, "kabkota")["features"] == []
        assert geodata.boundary_levels(con)["boundaries"].tolist() == [0, 0, 0]


def test_reimport_is_a_no_op(imported, shared, tmp_path):
    db = clone(imported.db, tmp_path)
    before = publish.sha256_of(db)
    again = run("--db", db, "geodata", "import", shared / "geodata" / "jatim_kecamatan.geojson", "--level", "kecamatan")
    assert again.rc == 0
    assert "already imported" in again.out
    assert publish.sha256_of(db) == before
    assert len(query(db, "SELECT * FROM import_log")) == 2


def test_build_replays_boundary_imports(imported, tmp_path):
    db = clone(imported.db, tmp_path)
    before = boundaries(db, "kecamatan")
    build.build(db)
    after = boundaries(db, "kecamatan")
    assert len(after) == 666 and len(boundaries(db, "kabkota")) == 38
    assert after["geometry"].to_wkb().tolist() == before["geometry"].to_wkb().tolist()
    log = query(db, "SELECT kind, sha256 FROM import_log ORDER BY import_id")
    assert log["kind"].tolist() == ["boundaries", "boundaries"]
    assert query(db, "SELECT count(*) AS n FROM data_source WHERE source_id LIKE 'boundary_%'")["n"].item() == 2


# ----------------------------------------------------------------------------------- variants


def gadm_like(kec: gpd.GeoDataFrame, official: gm.Official) -> gpd.GeoDataFrame:
    """GADM-style fields: NAME_2 without Kabupaten/Kota, TYPE_2, NAME_3 written together, misspelt."""
    kabs = official.units("kabkota").set_index("code")
    kab_codes = kec["kode"].str[:5]
    names = kec["nama"].replace(MISSPELT).str.replace(" ", "", regex=False)
    return gpd.GeoDataFrame({
        "GID_3": [f"IDN.11.{i}_1" for i in range(len(kec))],
        "NAME_1": "Jawa Timur",
        "NAME_2": [kabs.at[c, "name"].removeprefix("Kabupaten ").removeprefix("Kota ") for c in kab_codes],
        "TYPE_2": [kabs.at[c, "type"].title() for c in kab_codes],
        "NAME_3": names,
    }, geometry=kec.geometry.values, crs=kec.crs)


def test_geopackage_in_utm_with_gadm_fields_matches_by_name(imported, kec, official, tmp_path):
    path = tmp_path / "gadm_kecamatan.gpkg"
    gadm_like(kec, official).to_crs(32749).to_file(path, engine="pyogrio")
    db = clone(imported.db, tmp_path / "db")
    result = run("--db", db, "geodata", "import", path, "--level", "kecamatan")
    assert result.rc == 0, result.err
    assert "EPSG:32749" in result.out and "coverage 666/666" in result.out
    report = report_of(result.out)
    features = report[report["feature"] != ""].copy()
    features["row"] = features["feature"].str[1:].astype(int) - 1
    assert (features.sort_values("row")["code"].to_numpy() == kec["kode"].to_numpy()).all()
    fuzzy = features[features["method"] == "fuzzy"]
    assert sorted(fuzzy["official_name"]) == sorted(MISSPELT)
    assert fuzzy.set_index("feature_name").at["Gedek", "code"] == "35.16.14"
    # Reprojected there and back: the stored geometry is the source geometry within ~1 m.
    stored = boundaries(db, "kecamatan", display=False).set_index("code").geometry
    source = kec.set_index("kode").geometry.loc[stored.index]
    repaired = shapely.make_valid(source.values, method="structure", keep_collapsed=False)
    assert shapely.hausdorff_distance(stored.values, repaired).max() < 1e-5
    assert json.loads(query(db, "SELECT options FROM import_log ORDER BY import_id DESC LIMIT 1")["options"].item())["source_crs"] == "EPSG:32749"


def bps_codes(kec: gpd.GeoDataFrame) -> pd.Series:
    """BPS-like 7-digit codes: kab(4) + 010, 020, ... in name order (unlike Kemendagri's)."""
    codes = pd.Series("", index=kec.index)
    for kab_code, group in kec.groupby(kec["kode"].str[:5]):
        for j, idx in enumerate(group.sort_values("nama").index):
            codes[idx] = kab_code.replace(".", "") + f"{(j + 1) * 10:03d}"
    return codes


def test_zipped_shapefile_with_bps_codes_matches_by_name_within_kabkota(imported, kec, tmp_path):
    frame = gpd.GeoDataFrame({"KDBPS": bps_codes(kec), "WADMKC": kec["nama"].str.upper()}, geometry=kec.geometry, crs=kec.crs)
    assert frame.loc[kec["kode"] == "35.01.06", "KDBPS"].item() == "3501010"  # Arjosari, not 35.01.01
    path = zip_shapefile(frame, tmp_path / "batas_kecamatan.zip")
    result = run("--db", imported.db, "geodata", "import", path, "--level", "kecamatan", "--dry-run")
    assert result.rc == 0, result.err
    assert "code=KDBPS (bps)" in result.out and "zipped Shapefile" in result.out
    report = report_of(result.out)
    features = report[report["feature"] != ""]
    assert (features["status"] == "matched").sum() == 666
    assert (features["method"] == "name").all()
    assert (features["code"].to_numpy() == kec["kode"].to_numpy()).all()


def test_geoparquet_names_only_uses_stored_kabkota_for_duplicates(imported, built_db, kec, tmp_path):
    names = kec["nama"].replace(MISSPELT).str.replace(" ", "", regex=False).str.lower()
    path = tmp_path / "kecamatan.parquet"
    gpd.GeoDataFrame({"kecamatan": names}, geometry=kec.geometry, crs=kec.crs).to_parquet(path)
    # With kab/kota boundaries stored, each feature's kab/kota comes from the map.
    result = run("--db", imported.db, "geodata", "import", path, "--level", "kecamatan", "--dry-run")
    assert result.rc == 0, result.err
    features = report_of(result.out).query("feature != ''")
    assert (features["code"].to_numpy() == kec["kode"].to_numpy()).all()
    # Without them, the 34 names used in several kab/kota (73 kecamatan) stay ambiguous.
    bare = run("--db", built_db, "geodata", "import", path, "--level", "kecamatan", "--dry-run")
    report = report_of(bare.out)
    ambiguous = report[report["status"] == "ambiguous"]
    assert len(ambiguous) == 73
    arjasa = ambiguous[ambiguous["feature_name"] == "arjasa"]["candidates"].iloc[0]
    assert all(code in arjasa for code in ("35.09.22", "35.12.11", "35.29.24"))


def test_missing_kecamatan_is_listed_as_uncovered(imported, kec, tmp_path):
    path = tmp_path / "kecamatan_tanpa_dua.geojson"
    kec[~kec["kode"].isin(["35.01.03", "35.78.05"])].to_file(path, engine="pyogrio")
    db = clone(imported.db, tmp_path / "db")
    result = run("--db", db, "geodata", "import", path, "--level", "kecamatan")
    assert result.rc == 0, result.err
    assert "coverage 664/666" in result.out
    uncovered = report_of(result.out).query("status == 'uncovered'")
    assert sorted(zip(uncovered["code"], uncovered["official_name"])) == [("35.01.03", "Punung"), ("35.78.05", "Tegalsari")]
    stored = boundaries(db, "kecamatan")
    assert len(stored) == 664 and "35.01.03" not in set(stored["code"])


def test_low_coverage_is_refused_unless_forced(imported, kec, tmp_path):
    path = tmp_path / "pacitan.geojson"
    kec[kec["kode"].str.startswith("35.01.")].to_file(path, engine="pyogrio")
    db = clone(imported.db, tmp_path / "db")
    before = publish.sha256_of(db)
    refused = run("--db", db, "geodata", "import", path, "--level", "kecamatan")
    assert refused.rc == 1
    assert "12/666" in refused.err and "nothing published" in refused.err
    assert publish.sha256_of(db) == before
    assert (report_of(refused.out)["status"] == "uncovered").sum() == 654
    forced = run("--db", db, "geodata", "import", path, "--level", "kecamatan", "--force")
    assert forced.rc == 0, forced.err
    assert sorted(boundaries(db, "kecamatan")["code"]) == sorted(kec.loc[kec["kode"].str.startswith("35.01."), "kode"])
    assert query(db, "SELECT rows_replaced FROM import_log ORDER BY import_id DESC LIMIT 1")["rows_replaced"].item() == 666


def test_broken_polygon_is_repaired_and_reported(imported, kab, tmp_path):
    frame = kab.copy()
    batu = frame["kode"] == "35.79"
    frame.loc[batu, "geometry"] = bowtie_over(frame.loc[batu].geometry.item())
    assert not frame.loc[batu].geometry.item().is_valid
    path = tmp_path / "kabkota_rusak.geojson"
    frame.to_file(path, engine="pyogrio")
    db = clone(imported.db, tmp_path / "db")
    result = run("--db", db, "geodata", "import", path, "--level", "kabkota")
    assert result.rc == 0, result.err
    assert "repaired 9 invalid geometries" in result.out
    note = report_of(result.out).set_index("code").at["35.79", "geometry_note"]
    assert "Self-intersection" in note
    stored = boundaries(db, "kabkota", display=False).set_index("code").geometry
    assert stored.is_valid.all() and stored["35.79"].area > 0


def test_file_without_crs_needs_crs_option(imported, kab, tmp_path):
    path = zip_shapefile(kab[["kode", "nama", "geometry"]], tmp_path / "kab_tanpa_prj.zip", with_prj=False)
    db = clone(imported.db, tmp_path / "db")
    before = publish.sha256_of(db)
    refused = run("--db", db, "geodata", "import", path, "--level", "kabkota")
    assert refused.rc == 2
    assert "no coordinate reference system" in refused.err and "--crs" in refused.err
    assert publish.sha256_of(db) == before
    wrong = run("--db", db, "geodata", "import", path, "--level", "kabkota", "--crs", "EPSG:32749")
    assert wrong.rc == 2 and "no feature lies in East Java" in wrong.err
    assert publish.sha256_of(db) == before
    ok = run("--db", db, "geodata", "import", path, "--level", "kabkota", "--crs", "EPSG:4326")
    assert ok.rc == 0, ok.err
    assert "coverage 38/38" in ok.out
    options = json.loads(query(db, "SELECT options FROM import_log ORDER BY import_id DESC LIMIT 1")["options"].item())
    assert options["crs"] == "EPSG:4326"
    # GeoParquet with an undefined CRS is refused the same way.
    parquet = tmp_path / "tanpa_crs.parquet"
    kab.set_crs(None, allow_override=True).to_parquet(parquet)
    with pytest.raises(geodata.GeodataError, match="--crs"):
        geodata.import_boundaries(parquet, "kabkota", db, echo=lambda _: None)


def test_overrides_fix_what_matching_cannot(imported, kab, tmp_path):
    frame = gpd.GeoDataFrame({"nama": kab["nama"].str.replace("Kabupaten ", "Kab. ", regex=False)}, geometry=kab.geometry, crs=kab.crs)
    frame.loc[kab["kode"] == "35.29", "nama"] = "Pulau Madura Timur"
    path = tmp_path / "kab_nama.geojson"
    frame.to_file(path, engine="pyogrio")
    db = clone(imported.db, tmp_path / "db")
    dry = run("--db", db, "geodata", "import", path, "--level", "kabkota", "--dry-run")
    unmatched = report_of(dry.out).query("status == 'unmatched'")
    assert unmatched["feature_name"].tolist() == ["Pulau Madura Timur"]
    assert unmatched["candidates"].item() != ""
    assert report_of(dry.out).query("status == 'uncovered'")["code"].tolist() == ["35.29"]

    overrides = tmp_path / "overrides.csv"
    overrides.write_text("feature,code\nPulau Madura Timur,3529\n", encoding="utf-8")
    result = run("--db", db, "geodata", "import", path, "--level", "kabkota", "--overrides", overrides)
    assert result.rc == 0, result.err
    assert "coverage 38/38" in result.out
    report = report_of(result.out).set_index("code")
    assert report.at["35.29", "method"] == "override"
    assert report.at["35.71", "method"] == "name" and report.at["35.06", "method"] == "name"  # Kota vs Kab. Kediri
    options = json.loads(query(db, "SELECT options FROM import_log ORDER BY import_id DESC LIMIT 1")["options"].item())
    assert options["overrides"] == [["Pulau Madura Timur", "3529"]] and len(options["overrides_applied"]) == 1
    assert run("--db", db, "geodata", "import", path, "--level", "kabkota", "--overrides", overrides).out.count("already imported") == 1

    bad = tmp_path / "bad.csv"
    bad.write_text("feature,code\nPulau Madura Timur,35.99\n", encoding="utf-8")
    failed = run("--db", db, "geodata", "import", path, "--level", "kabkota", "--overrides", bad)
    assert failed.rc == 2 and "not a kabkota code" in failed.err


def test_failing_publish_leaves_the_published_file_byte_identical(imported, kab, tmp_path, monkeypatch):
    path = tmp_path / "kab.geojson"
    kab.assign(nama=kab["nama"].str.upper()).to_file(path, engine="pyogrio")
    db = clone(imported.db, tmp_path / "db")
    before = publish.sha256_of(db)
    original = geodata._insert_rows

    def with_unknown_code(con, rows, level, source_id):  # a row the contracts must reject
        original(con, rows.assign(code=rows["code"].where(rows["code"] != "35.79", "35.99")), level, source_id)

    monkeypatch.setattr(geodata, "_insert_rows", with_unknown_code)
    with pytest.raises(publish.PublishError, match="not a kabkota code"):
        geodata.import_boundaries(path, "kabkota", db, echo=lambda _: None)
    assert publish.sha256_of(db) == before

    def crash(con, rows, level, source_id):
        original(con, rows, level, source_id)
        raise RuntimeError("disk full")

    monkeypatch.setattr(geodata, "_insert_rows", crash)
    with pytest.raises(RuntimeError):
        geodata.import_boundaries(path, "kabkota", db, echo=lambda _: None)
    assert publish.sha256_of(db) == before
    assert not list(db.parent.glob(".*staging"))


def test_desa_level_by_dotted_and_undotted_codes(imported, shared, tmp_path):
    import pyogrio

    batu = pyogrio.read_dataframe(shared / "geodata" / "jatim_desa.geojson", where="kode LIKE '35.79.%'")
    assert len(batu) == 24
    path = tmp_path / "desa_batu.geojson"
    batu.assign(kode=batu["kode"].str.replace(".", "", regex=False)).to_file(path, engine="pyogrio")
    db = clone(imported.db, tmp_path / "db")
    result = run("--db", db, "geodata", "import", path, "--level", "desa", "--force")
    assert result.rc == 0, result.err
    assert "matched 24 (code 24)" in result.out
    assert sorted(boundaries(db, "desa")["code"]) == sorted(batu["kode"])


# ----------------------------------------------------------------------------------- matching rules


def test_name_normalisation():
    assert gm.name_key("TanahMerah", "kecamatan") == gm.name_key("Tanah Merah", "kecamatan") == ("tanahmerah", None)
    assert gm.name_key("Kab. Pacitan", "kabkota") == ("pacitan", "kabupaten")
    assert gm.name_key("KABUPATEN  KEDIRI", "kabkota") == ("kediri", "kabupaten")
    assert gm.name_key("Kota Kediri", "kabkota") == ("kediri", "kota")
    assert gm.name_key("Kota", "kecamatan") == ("kota", None)  # a kecamatan of Kota Kediri
    assert gm.name_key("Kec. Guluk-Guluk", "kecamatan") == ("gulukguluk", None)
    assert gm.name_key('Ra"as', "kecamatan") == gm.name_key("Ra'as", "kecamatan")


def test_code_forms():
    assert gm.kemendagri_code("35.01.01") == ("35.01.01", "kecamatan")
    assert gm.kemendagri_code("350101") == ("35.01.01", "kecamatan")
    assert gm.kemendagri_code("3501012001") == ("35.01.01.2001", "desa")
    assert gm.kemendagri_code("3501010") is None  # BPS: kab/kota prefix only
    assert gm.bps_kabkota("3501010", "kecamatan") == "35.01"
    assert gm.clean_code_text(3501010.0) == "3501010"


def test_kabkota_with_same_names_needs_the_type(official):
    frame = pd.DataFrame({"NAME_2": ["Kediri", "Kediri", "Batu"], "TYPE_2": ["Kabupaten", "Kota", "Kota"]})
    result = gm.match_features(frame, "kabkota", official)
    assert result.report["code"].iloc[:3].tolist() == ["35.06", "35.71", "35.79"]
    no_type = gm.match_features(frame[["NAME_2"]], "kabkota", official)
    assert no_type.report["status"].iloc[:2].tolist() == ["ambiguous", "ambiguous"]


def test_codes_of_other_provinces_are_reported_outside(official):
    frame = pd.DataFrame({"KODE": ["35.01.01", "11.01.01", "11.01.02"], "NAMA": ["Donorojo", "Bakongan", "Kluet Utara"]})
    result = gm.match_features(frame, "kecamatan", official)
    assert result.fields.code == "KODE" and result.fields.code_kind == "kemendagri"
    assert result.report["status"].iloc[:3].tolist() == ["matched", "outside", "outside"]
    assert result.covered == 1 and result.total == 666


def test_bps_desa_codes_are_not_read_as_kemendagri(official):
    # BPS desa codes kab(4)+kec(3)+desa(3): same length as undotted Kemendagri, never in the list.
    frame = pd.DataFrame({"IDDESA": ["3579010001", "3579010006"], "DESA": ["Temas", "Oro Oro Ombo"]})
    result = gm.match_features(frame, "desa", official)
    assert result.fields.code_kind == "bps"
    assert result.report["code"].iloc[:2].tolist() == ["35.79.01.1001", "35.79.01.2006"]
    assert result.report["parent"].iloc[:2].tolist() == ["35.79", "35.79"]


# ----------------------------------------------------------------------------------- download


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def http_server(folder: Path):
    """`python -m http.server` on a free 127.0.0.1 port; stopped by its own PID."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("http.server did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_download_from_mirror_checks_sha256_and_imports(built_db, imported, shared, tmp_path, monkeypatch):
    db = clone(built_db, tmp_path / "db")
    with http_server(shared / "geodata" / "upstream") as url:
        monkeypatch.setenv(geodata.UPSTREAM_ENV, url)
        result = run("--db", db, "geodata", "download")
    assert result.rc == 0, result.err
    assert result.out.count("sha256 ok") == 2
    assert "coverage 38/38" in result.out and "coverage 666/666" in result.out
    # The SQL dump ([lat, lng] pairs) gives exactly what the GeoJSON conversion of it gives.
    for level in ("kabkota", "kecamatan"):
        stored = boundaries(db, level, display=False)
        from_geojson = boundaries(imported.db, level, display=False)
        assert stored["code"].tolist() == from_geojson["code"].tolist()
        assert shapely.equals_exact(stored.geometry.values, from_geojson.geometry.values, tolerance=0).all()
    source_row = query(db, "SELECT licence, status, url FROM data_source WHERE source_id = 'wilayah_boundaries'")
    assert source_row["licence"].item().startswith("MIT") and source_row["status"].item() == "official"
    # The server is gone: a second download knows the pinned files are in and asks nothing.
    before = publish.sha256_of(db)
    again = run("--db", db, "geodata", "download")
    assert again.rc == 0 and "already imported" in again.out
    assert publish.sha256_of(db) == before


def test_download_with_wrong_checksum_imports_nothing(built_db, shared, tmp_path):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    for name in ("wilayah_boundaries_kab_35.sql", "wilayah_boundaries_kec_35.sql"):
        text = (shared / "geodata" / "upstream" / name).read_text(encoding="utf-8")
        (mirror / name).write_text(text.replace("Kabupaten Pacitan", "Kabupaten Pacitan "), encoding="utf-8")
    db = clone(built_db, tmp_path / "db")
    before = publish.sha256_of(db)
    with http_server(mirror) as url:
        result = run("--db", db, "geodata", "download", "--base-url", url)
    assert result.rc == 2 and "differs from the pinned" in result.err
    assert publish.sha256_of(db) == before


def test_download_offline_fails_fast(built_db, tmp_path):
    db = clone(built_db, tmp_path / "db")
    before = publish.sha256_of(db)
    start = time.monotonic()
    refused = run("--db", db, "geodata", "download", "--base-url", f"http://127.0.0.1:{free_port()}")
    assert refused.rc == 2 and "cannot download" in refused.err and "mirror" in refused.err
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        hung = run("--db", db, "geodata", "download", "--base-url", f"http://127.0.0.1:{silent.getsockname()[1]}", "--timeout", "1")
    assert hung.rc == 2 and "cannot download" in hung.err
    assert time.monotonic() - start < 10
    assert publish.sha256_of(db) == before
