"""Demo data for the page Kapasitas & Layanan: deterministic, plausible, and never official.

No public dataset gives, per kecamatan of East Java, the authority its camat holds, its PATEN
status, the training its staff received, or per desa the demand for and supply of basic
services. The build generates them here (fixed seed; every row gets source ``demo``, and every
name and regulation number the generator writes says "(demo)"), so the page can be shown and
tested until official data is imported with `cettar import authority|paten|training|services`.

Structure: each kecamatan has a latent "service capacity" that follows its neighbours (an
autoregressive walk along the code order, like cettar.demo) and drives its supply of services,
its PATEN and its evaluation results; each desa has a population (kelurahan larger) that drives
demand; a few values are missing so that the rule "only desa reporting both sides count" matters.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import numpy as np
import pandas as pd

SEED = 2024
YEARS = (2022, 2023, 2024)
MISSING_SHARE = 0.03
DEMO = " (demo)"

# Typical authority delegated to camat (PP 17/2018): (authority, type, sector).
AUTHORITIES = (
    ("Persetujuan bangunan gedung rumah tinggal sederhana", "perizinan", "pekerjaan umum dan penataan ruang"),
    ("Izin usaha mikro dan kecil", "perizinan", "koperasi, usaha kecil dan menengah"),
    ("Izin reklame insidentil", "perizinan", "penanaman modal"),
    ("Rekomendasi izin keramaian", "rekomendasi", "ketenteraman dan ketertiban umum"),
    ("Rekomendasi surat keterangan tidak mampu", "rekomendasi", "sosial"),
    ("Legalisasi dokumen kependudukan", "penyelenggaraan", "administrasi kependudukan dan pencatatan sipil"),
    ("Evaluasi rancangan peraturan desa tentang APBDes", "pengawasan", "pemberdayaan masyarakat dan desa"),
    ("Pembinaan pengelolaan keuangan desa", "pembinaan", "pemberdayaan masyarakat dan desa"),
    ("Koordinasi penanggulangan bencana tingkat kecamatan", "koordinasi", "ketenteraman dan ketertiban umum"),
    ("Fasilitasi penyusunan profil desa", "fasilitasi", "pemberdayaan masyarakat dan desa"),
    ("Penetapan kelompok penerima bantuan stimulan", "penetapan", "sosial"),
    ("Koordinasi layanan kesehatan dasar dan posyandu", "koordinasi", "kesehatan"),
)
PATEN_SERVICES = (
    "rekomendasi KTP-el", "pengantar kartu keluarga", "surat keterangan pindah", "legalisasi dokumen",
    "persetujuan bangunan rumah tinggal", "izin usaha mikro", "rekomendasi izin keramaian", "surat keterangan ahli waris",
    "surat keterangan tidak mampu", "dispensasi nikah", "surat keterangan domisili", "rekomendasi SKCK",
    "izin reklame insidentil", "surat keterangan usaha", "pengantar akta kelahiran", "rekomendasi beasiswa",
)
ROLES = ("camat", "sekretaris_camat", "kasi_pelayanan", "staf_paten", "pendamping_desa", "perangkat_desa", "lainnya")
EVENTS = (
    "Pelatihan pelayanan garis depan kecamatan",
    "Bimbingan teknis PATEN dan standar pelayanan",
    "Pelatihan kecamatan sebagai hub layanan dasar desa",
    "Pelatihan standar pelayanan publik kecamatan",
    "Bimbingan teknis pembinaan keuangan desa",
)
ORGANISERS = ("BPSDM Provinsi Jawa Timur", "Biro Pemerintahan dan Otonomi Daerah Provinsi Jawa Timur")
PLACES = ("Surabaya", "Malang", "Madiun", "Jember", "Kediri")


def _walk(codes: list[str], groups: list[str], rng: np.random.Generator, step: float = 0.35) -> np.ndarray:
    """A smooth latent value per code: an AR(1) walk along the code order within each group."""
    out, walk, last = np.zeros(len(codes)), 0.0, None
    group_effect = {g: rng.normal(0, 0.3) for g in sorted(set(groups))}
    for i, (code, group) in enumerate(zip(codes, groups)):
        walk = (0.7 * walk if group == last else 0.0) + rng.normal(0, step)
        last = group
        out[i] = group_effect[group] + walk
    return out


def generate(regions: pd.DataFrame, seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Every demo frame: service_values, authority, paten, training_event, training_participation.

    regions: the region table (code, name, level, type, parent_code, kabkota_code).
    """
    rng = np.random.default_rng(seed)
    kec = regions[regions["level"] == "kecamatan"].sort_values("code").reset_index(drop=True)
    kab = regions[regions["level"] == "kabkota"].set_index("code")
    capacity = pd.Series(_walk(kec["code"].tolist(), kec["kabkota_code"].tolist(), rng), index=kec["code"])
    return {
        "service_values": _service_values(regions, capacity, rng),
        "authority": _authority(kec, kab, capacity, rng),
        "paten": _paten(kec, capacity, rng),
        **dict(zip(("training_event", "training_participation"), _training(kec, kab, rng))),
    }


def _service_values(regions: pd.DataFrame, capacity: pd.Series, rng: np.random.Generator) -> pd.DataFrame:
    desa = regions[regions["level"] == "desa"].sort_values("code").reset_index(drop=True)
    n = len(desa)
    if n == 0:
        return pd.DataFrame(columns=["region_code", "indicator_id", "period", "value"])
    cap = capacity.reindex(desa["parent_code"]).fillna(0).to_numpy()
    urban = (desa["type"] == "kelurahan").to_numpy()
    pop = rng.lognormal(np.log(3800), 0.45, n) * np.where(urban, 2.0, 1.0)
    # Supply: what the desa has, relative to what its demand would need at the norm, tilted by the
    # kecamatan's capacity; it grows a little over the years.
    base = {
        "posyandu": pop * 0.075 / 100 * np.exp(0.35 * cap + rng.normal(0, 0.2, n)),
        "sekolah": pop / 900 * np.exp(0.25 * cap + rng.normal(0, 0.25, n)),
        "pos_kesehatan": pop * 0.3 / 3.6 / 300 * np.exp(0.4 * cap + rng.normal(0, 0.3, n)),
        "adminduk": 0.2 + 0.12 * cap + rng.normal(0, 0.1, n),  # chance of a village service point
    }
    no_akta = np.clip(0.2 * np.exp(-0.5 * cap + rng.normal(0, 0.3, n)), 0.02, 0.7)
    out_of_school = np.clip(0.04 * np.exp(-0.4 * cap + rng.normal(0, 0.3, n)), 0.005, 0.2)
    dtks = np.clip(0.3 * np.exp(-0.3 * cap + rng.normal(0, 0.15, n)) * np.where(urban, 0.7, 1.0), 0.05, 0.8)
    has_point = rng.random(n) < np.clip(base["adminduk"], 0.02, 0.9)
    frames = []
    for i, year in enumerate(YEARS):
        grown = pop * (1 + 0.009 * i)
        values = {
            "jumlah_balita": np.round(grown * 0.075 * rng.normal(1, 0.05, n)),
            "kelahiran_tanpa_akta": np.round(grown * 0.016 * no_akta * 0.8 ** i * rng.normal(1, 0.1, n)),
            "anak_tidak_sekolah": np.round(grown * 0.2 * out_of_school * 0.92 ** i * rng.normal(1, 0.1, n)),
            "ruta_dtks": np.round(grown / 3.6 * dtks * rng.normal(1, 0.04, n)),
            "jumlah_posyandu": np.maximum(1, np.round(base["posyandu"] * (1 + 0.03 * i))),
            "titik_layanan_adminduk": (has_point | (rng.random(n) < 0.06 * i)).astype(float),
            "jumlah_sekolah": np.maximum(1, np.round(base["sekolah"])),
            "jumlah_pos_kesehatan": np.round(base["pos_kesehatan"] * (1 + 0.05 * i)),
        }
        for indicator, value in values.items():
            keep = rng.random(n) >= MISSING_SHARE
            frames.append(pd.DataFrame({"region_code": desa["code"].to_numpy()[keep], "indicator_id": indicator,
                                        "period": str(year), "value": np.clip(value[keep], 0, None)}))
    return pd.concat(frames, ignore_index=True)


def _grade(score: float) -> str:
    return "sangat_baik" if score >= 85 else "baik" if score >= 70 else "cukup" if score >= 55 else "kurang"


def _authority(kec: pd.DataFrame, kab: pd.DataFrame, capacity: pd.Series, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for kab_code, group in kec.groupby("kabkota_code", sort=True):
        kind = "perwal" if kab.at[kab_code, "type"] == "kota" else "perbup"
        number, reg_year = int(rng.integers(1, 90)), int(rng.integers(2016, 2022))
        chosen = sorted(rng.choice(len(AUTHORITIES), size=int(rng.integers(4, 11)), replace=False))
        for code in group["code"]:
            for a in chosen:
                if rng.random() < 0.12:  # not every kecamatan gets every authority of the regulation
                    continue
                authority, kind_of, sector = AUTHORITIES[a]
                since = reg_year + int(rng.random() < 0.3)
                for year in YEARS:
                    score = float(np.clip(rng.normal(72 + 9 * capacity[code] + 2 * (year - YEARS[0]), 8), 30, 100))
                    evaluated = rng.random() >= 0.05
                    rows.append({
                        "kecamatan_code": code, "year": year, "authority": authority + DEMO, "authority_type": kind_of,
                        "sector": sector, "regulation_type": kind, "regulation_number": f"{number}{DEMO}",
                        "regulation_year": reg_year, "since_year": since,
                        "evaluation": _grade(score) if evaluated else "belum_dievaluasi",
                        "evaluation_score": round(score, 1) if evaluated else None, "note": None,
                    })
    return pd.DataFrame(rows, columns=["kecamatan_code", "year", "authority", "authority_type", "sector", "regulation_type",
                                       "regulation_number", "regulation_year", "since_year", "evaluation", "evaluation_score", "note"])


def _paten(kec: pd.DataFrame, capacity: pd.Series, rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for code in kec["code"]:
        cap = capacity[code]
        since = int(np.clip(np.round(rng.normal(2016 - 2.5 * cap, 3)), 2011, 2026))
        order = rng.permutation(len(PATEN_SERVICES))
        offered = int(np.clip(np.round(rng.normal(9 + 3 * cap, 2.5)), 4, len(PATEN_SERVICES) - 3))
        standard_from = since + int(rng.integers(0, 5))
        for i, year in enumerate(YEARS):
            implemented = since <= year
            k = min(offered + i, len(PATEN_SERVICES)) if implemented else 0
            rows.append({
                "kecamatan_code": code, "year": year, "implemented": implemented, "since_year": since if implemented else None,
                "services_offered": k, "services": "; ".join(PATEN_SERVICES[j] for j in sorted(order[:k])) or None,
                "standard_published": implemented and standard_from <= year, "note": None,
            })
    return pd.DataFrame(rows, columns=["kecamatan_code", "year", "implemented", "since_year", "services_offered", "services",
                                       "standard_published", "note"])


def _training(kec: pd.DataFrame, kab: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    events, groups = [], []
    kab_codes = sorted(kec["kabkota_code"].unique())
    event_id = 0
    for year in YEARS:
        for batch in range(4):
            event_id += 1
            start = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.integers(20, 330)))
            provincial = batch < 2 or not kab_codes
            if provincial:
                name, organiser, place = EVENTS[batch + (2 * (year >= 2024))], ORGANISERS[batch % 2], PLACES[int(rng.integers(len(PLACES)))]
                pool = kec["code"].to_numpy()
                members = rng.choice(pool, size=min(len(pool), int(rng.integers(20, 45))), replace=False)
            else:
                host = kab_codes[int(rng.integers(len(kab_codes)))]
                host_name = kab.at[host, "name"]
                name, organiser, place = EVENTS[4 if batch == 3 else 0], f"Bagian Pemerintahan {host_name}", host_name.removeprefix("Kabupaten ")
                members = kec.loc[kec["kabkota_code"] == host, "code"].to_numpy()
            events.append({"event_id": event_id, "name": f"{name} {year} angkatan {batch + 1}{DEMO}", "start_date": start,
                           "end_date": start + dt.timedelta(days=int(rng.integers(1, 5))), "place": place, "organiser": organiser + DEMO})
            for code in sorted(members):
                counts = {"camat": int(rng.random() < 0.6), "sekretaris_camat": int(rng.random() < 0.4),
                          "kasi_pelayanan": 1, "staf_paten": int(rng.integers(1, 4)),
                          "pendamping_desa": int(rng.integers(0, 3)), "perangkat_desa": int(rng.integers(0, 5))}
                groups += [{"event_id": event_id, "kecamatan_code": code, "role": r, "participants": n} for r, n in counts.items() if n]
    return (pd.DataFrame(events, columns=["event_id", "name", "start_date", "end_date", "place", "organiser"]),
            pd.DataFrame(groups, columns=["event_id", "kecamatan_code", "role", "participants"]))


RELATIONS = {  # frame -> relation name the load SQL reads
    "service_values": "demo_service_values", "authority": "demo_delegated_authority", "paten": "demo_paten_status",
    "training_event": "demo_training_event", "training_participation": "demo_training_participation",
}


def load(con: duckdb.DuckDBPyConnection) -> None:
    """Generate the demo frames for the regions in con and load them (build/load_demo_capacity)."""
    from cettar.build import run_script  # build imports this module

    regions = con.execute("SELECT code, name, level, type, parent_code, kabkota_code FROM region").df()
    frames = generate(regions)
    for key, name in RELATIONS.items():
        con.register(name, frames[key])
    try:
        run_script(con, "build/load_demo_capacity")
    finally:
        for name in RELATIONS.values():
            con.unregister(name)
