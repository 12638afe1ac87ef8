"""The other tables: awards, innovations, coordination, ppkm, risk-zones, covid-cases.

Each kind is declared as its columns (our name, type, accepted header spellings, Indonesian
help) and its natural key; one generic loader reads, validates, and replaces published rows
with the same key by the file's rows (SQL in queries/imports/<table>_matches.sql and
<table>_apply.sql, reading the relation `staged`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import duckdb
import pyarrow as pa

from cettar.importers import pipeline
from cettar.importers.common import CellError, Field, ImportFailed, Limits, Problem, cell, read_sheet, resolve_columns, slug

ARROW_TYPES = {"text": pa.string(), "code": pa.string(), "choice": pa.string(), "period": pa.string(),
               "integer": pa.int64(), "number": pa.float64(), "date": pa.date32()}


@dataclass(frozen=True)
class TableKind:
    kind: str
    table: str
    title_id: str  # what one row is, in Indonesian (templates, docs)
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    check_row: Callable[[dict], list[tuple[str, str]]] | None = None  # cross-column rules: [(column, problem)]
    default_source: dict | None = None
    check_file: Callable[[list[dict]], list[tuple[int, str, str]]] | None = None  # cross-row rules: [(row, column, problem)]
    check_staged: bool = False  # rules against published tables: queries/imports/<table>_check.sql -> (row, column, problem)

    @property
    def required(self) -> list[str]:
        return [f.name for f in self.fields if f.required]


def choices(*groups: tuple[str, tuple[str, ...]]) -> dict[str, str]:
    """{slug of every accepted label: stored value}."""
    return {slug(label): value for value, labels in groups for label in (value, *labels)}


SATGAS = "Satuan Tugas Penanganan COVID-19 (covid19.go.id)"

RECIPIENT_LEVELS = choices(("provinsi", ()), ("kabupaten", ("kab",)), ("kota", ()), ("kecamatan", ("kec",)),
                           ("desa", ()), ("kelurahan", ()), ("OPD provinsi", ("opd",)))
ACTIVITY_TYPES = choices(
    ("forkopimcam_meeting", ("rapat forkopimcam", "rapat koordinasi forkopimcam", "rakor forkopimcam")),
    ("ppkm_micro_post", ("posko ppkm mikro", "posko ppkm", "ppkm mikro")),
    ("vaccination_drive", ("vaksinasi", "gebyar vaksinasi", "serbuan vaksinasi")),
    ("public_order_operation", ("operasi yustisi", "operasi ketertiban", "patroli ketertiban")),
    ("social_aid_distribution", ("penyaluran bansos", "bantuan sosial", "penyaluran bantuan sosial")),
    ("other", ("lainnya", "lain lain")),
)
ZONES = choices(
    ("tidak_ada_kasus", ("tidak ada kasus", "zona tidak ada kasus", "tidak terdampak", "zona hijau", "hijau", "no cases")),
    ("rendah", ("resiko rendah", "risiko rendah", "zona rendah", "zona kuning", "kuning", "low")),
    ("sedang", ("resiko sedang", "risiko sedang", "zona sedang", "zona oranye", "oranye", "orange", "medium")),
    ("tinggi", ("resiko tinggi", "risiko tinggi", "zona tinggi", "zona merah", "merah", "high")),
)


def _source_urls(row: dict) -> list[tuple[str, str]]:
    """source_url: one or more URLs separated by ' ; ' (or an article title where no URL exists)."""
    problems = []
    for part in re.split(r"\s*;\s*", row.get("source_url") or ""):
        if re.match(r"[a-z][a-z0-9+.-]*:", part, re.I) and not re.match(r"https?://", part, re.I):
            problems.append(("source_url", "URL harus http:// atau https:// (URL must be http or https)"))
    return problems


def _award(row: dict) -> list[tuple[str, str]]:
    # As the build does for the compiled facts: the first date of the event text, when given.
    if row.get("event_date") is None and row.get("event_date_text"):
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", row["event_date_text"])
        if m:
            try:
                row["event_date"] = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return [("event_date_text", "tanggal tidak ada di kalender (no such date)")]
    return _source_urls(row)


def _agencies(row: dict) -> list[tuple[str, str]]:
    parts = [p.strip().lower().replace(" ", "_") for p in re.split(r"[;,]", row.get("agencies") or "") if p.strip()]
    bad = [p for p in parts if not re.fullmatch(r"[a-z][a-z0-9_]*", p)]
    if bad or not parts:
        return [("agencies", "daftar id instansi dipisah titik koma, mis. camat;puskesmas;polsek (agency ids separated by ';')")]
    row["agencies"] = ";".join(dict.fromkeys(parts))
    return []


def _risk_zone(row: dict) -> list[tuple[str, str]]:
    if row.get("week_date") is None:
        row["week_date"] = row.get("source_date")  # no correction: the week is the date as labelled
    return []


def _ppkm(row: dict) -> list[tuple[str, str]]:
    problems = _source_urls(row)
    if row.get("valid_from") and row.get("valid_to") and row["valid_to"] < row["valid_from"]:
        problems.append(("valid_to", "berlaku_sampai sebelum berlaku_mulai (valid_to before valid_from)"))
    return problems


KINDS: dict[str, TableKind] = {}


def _declare(spec: TableKind) -> TableKind:
    KINDS[spec.kind] = spec
    pipeline.kind(spec.kind)(lambda con, path, options, limits, spec=spec: load(spec, con, path, options, limits))
    return spec


F = Field
_declare(TableKind(
    "awards", "award", "satu baris per penghargaan untuk satu penerima (dan satu inovasi, bila ada)",
    (
        F("year", "integer", True, ("tahun",), minimum=2000, maximum=2100, help_id="Tahun penghargaan.", example="2021"),
        F("award_name", "text", True, ("penghargaan", "nama_penghargaan"), help_id="Nama penghargaan.", example="Kecamatan CETTAR"),
        F("giver", "text", True, ("pemberi", "pemberi_penghargaan"), help_id="Pemberi penghargaan.", example="Gubernur Jawa Timur"),
        F("recipient_level", "choice", True, ("tingkat_penerima",), choices=RECIPIENT_LEVELS, help_id="Tingkat penerima (lembar Daftar).", example="kecamatan"),
        F("recipient_name", "text", True, ("wilayah", "penerima", "nama_penerima"), help_id="Nama penerima seperti ditulis sumber.", example="Kecamatan Tongas, Kabupaten Probolinggo"),
        F("region_code", "code", False, ("kode_wilayah",), help_id="Kode wilayah penerima (Kemendagri), bila ada.", example="35.13.23"),
        F("innovation_name", "text", False, ("inovasi", "nama_inovasi"), help_id="Nama inovasi yang diberi penghargaan.", example=""),
        F("rank_category", "text", False, ("peringkat_kategori", "peringkat", "kategori"), help_id="Peringkat atau kategori.", example="Juara 1"),
        F("event_date", "date", False, ("tanggal",), help_id="Tanggal acara (YYYY-MM-DD); kosongkan bila tidak tahu.", example="2022-11-25"),
        F("event_date_text", "text", False, ("tanggal_acara",), help_id="Tanggal seperti ditulis sumber (boleh rentang).", example="2022-11-16/2022-11-25"),
        F("source_url", "text", True, ("sumber", "url_sumber"), help_id="URL sumber (http/https); beberapa dipisah ' ; '.", example="https://jatimprov.go.id/..."),
        F("source_publisher", "text", False, ("penerbit_sumber", "media"), help_id="Penerbit sumber.", example="Pemprov Jatim"),
        F("note", "text", False, ("catatan", "keterangan"), help_id="Catatan.", example=""),
    ),
    ("year", "award_name", "recipient_name", "innovation_name", "rank_category"),
    _award,
))
_declare(TableKind(
    "innovations", "innovation", "satu baris per inovasi per wilayah asal",
    (
        F("name", "text", True, ("nama_inovasi", "inovasi", "nama"), help_id="Nama inovasi.", example="Musrena Keren"),
        F("region_code", "code", True, ("kode_wilayah",), help_id="Kode wilayah asal inovasi (Kemendagri).", example="35.03"),
        F("start_year", "integer", False, ("tahun_mulai", "tahun"), minimum=1990, maximum=2100, help_id="Tahun mulai.", example="2019"),
        F("service_domain", "text", False, ("bidang_layanan", "bidang", "urusan"), help_id="Bidang layanan.", example="perencanaan"),
        F("status", "text", False, ("status_inovasi",), help_id="Status (mis. berjalan, direplikasi, berhenti).", example="berjalan"),
        F("description", "text", False, ("deskripsi", "uraian", "keterangan"), help_id="Uraian singkat.", example=""),
    ),
    ("name", "region_code"),
))
_declare(TableKind(
    "coordination", "coordination_record", "satu baris per kegiatan koordinasi di satu kecamatan pada satu tanggal",
    (
        F("kecamatan_code", "code", True, ("kode_kecamatan", "kode_kec", "kode_wilayah"), ("kecamatan",), help_id="Kode kecamatan (Kemendagri).", example="35.01.01"),
        F("activity_date", "date", True, ("tanggal", "tanggal_kegiatan"), help_id="Tanggal kegiatan (YYYY-MM-DD).", example="2021-08-02"),
        F("activity_type", "choice", True, ("jenis_kegiatan", "kegiatan"), choices=ACTIVITY_TYPES, help_id="Jenis kegiatan (lembar Daftar).", example="forkopimcam_meeting"),
        F("agencies", "text", True, ("instansi", "instansi_terlibat"), help_id="Instansi terlibat, dipisah titik koma: camat;puskesmas;polsek;koramil ...", example="camat;polsek;koramil"),
        F("participants", "integer", False, ("peserta", "jumlah_peserta"), minimum=0, maximum=1_000_000, help_id="Jumlah peserta.", example="25"),
        F("outcome", "text", False, ("hasil", "keterangan"), help_id="Hasil atau catatan kegiatan.", example=""),
    ),
    ("kecamatan_code", "activity_date", "activity_type"),
    _agencies,
))
_declare(TableKind(
    "ppkm", "ppkm_level", "satu baris per Inmendagri per kab/kota dengan level yang diketahui",
    (
        F("inmendagri", "text", True, ("nomor_inmendagri", "instruksi"), help_id="Nomor Inmendagri, mis. 22/2021.", example="22/2021"),
        F("valid_from", "date", False, ("berlaku_mulai", "mulai"), help_id="Berlaku mulai (YYYY-MM-DD).", example="2021-07-21"),
        F("valid_to", "date", False, ("berlaku_sampai", "sampai"), help_id="Berlaku sampai (YYYY-MM-DD).", example="2021-07-25"),
        F("kabkota_code", "code", True, ("kode_kabkota", "kode_kab", "kode_kabupaten", "kode_wilayah"), ("kabkota",), help_id="Kode kab/kota (Kemendagri).", example="35.01"),
        F("level", "integer", True, ("level_ppkm",), minimum=1, maximum=4, help_id="Level PPKM 1-4.", example="3"),
        F("evidence", "text", True, ("bukti", "dasar"), help_id="Dasar: stated, inferred_by_elimination, stated_as_previous_level_..., stated_aggregate_all_jawa_bali.", example="stated"),
        F("source_url", "text", True, ("sumber", "url_sumber"), help_id="URL sumber.", example="https://..."),
        F("source_publisher", "text", False, ("penerbit_sumber",), help_id="Penerbit sumber.", example=""),
        F("note", "text", False, ("catatan", "keterangan"), help_id="Catatan.", example=""),
    ),
    ("inmendagri", "kabkota_code"),
    _ppkm,
))
_declare(TableKind(
    "risk-zones", "risk_zone", "satu baris per minggu per kab/kota",
    (
        F("week_date", "date", False, ("tanggal_iso_dugaan", "tanggal_koreksi", "minggu"), help_id="Tanggal minggu yang benar bila sumber salah label; kosong = sama dengan tanggal sumber.", example="2022-02-27"),
        F("source_date", "date", True, ("tanggal_iso", "tanggal"), help_id="Tanggal seperti label sumber (YYYY-MM-DD).", example="2022-02-27"),
        F("source_date_text", "text", False, ("tanggal_sumber",), help_id="Label tanggal asli dari sumber.", example="27 Februari 2022"),
        F("kabkota_code", "code", True, ("kode_kabkota", "kode_kab", "kode_wilayah"), ("kabkota",), help_id="Kode kab/kota (Kemendagri).", example="35.01"),
        F("zone", "choice", True, ("zona_risiko", "zona", "risiko"), choices=ZONES, help_id="Zona: tidak_ada_kasus, rendah, sedang, tinggi (RESIKO RENDAH, zona kuning ... juga diterima).", example="sedang"),
        F("note", "text", False, ("catatan", "keterangan"), help_id="Catatan.", example=""),
    ),
    ("week_date", "kabkota_code"),
    _risk_zone,
    {"source_id": "satgas_covid_zonasi", "title_id": "Zonasi risiko COVID-19 mingguan per kab/kota", "title_en": "Weekly COVID-19 risk zones per kab/kota",
     "publisher": SATGAS, "url": "https://covid19.go.id", "licence": pipeline.OFFICIAL_LICENCE},
))
_declare(TableKind(
    "covid-cases", "covid_case", "satu baris per wilayah per tanggal",
    (
        F("case_date", "date", True, ("tanggal",), help_id="Tanggal (YYYY-MM-DD).", example="2021-07-15"),
        F("region_code", "code", True, ("kode_wilayah", "kode_kabkota", "kode_kab", "kode_prov", "kode_provinsi"), ("provinsi", "kabkota"), help_id="Kode provinsi (35) atau kab/kota.", example="35"),
        F("new_cases", "integer", True, ("kasus", "kasus_baru"), minimum=0, help_id="Kasus baru hari itu.", example="120"),
        F("new_deaths", "integer", True, ("meninggal", "meninggal_baru"), minimum=0, help_id="Meninggal hari itu.", example="3"),
        F("new_recovered", "integer", True, ("sembuh", "sembuh_baru"), minimum=0, help_id="Sembuh hari itu.", example="100"),
        F("active_change", "integer", False, ("dirawat_or_isolasi", "dirawat_atau_isolasi", "perubahan_kasus_aktif"), help_id="Perubahan kasus aktif (dirawat/isolasi) hari itu; boleh negatif.", example="-20"),
        F("total_cases", "integer", False, ("akumulasi_kasus",), minimum=0, help_id="Akumulasi kasus.", example=""),
        F("total_recovered", "integer", False, ("akumulasi_sembuh",), minimum=0, help_id="Akumulasi sembuh.", example=""),
        F("total_deaths", "integer", False, ("akumulasi_meninggal",), minimum=0, help_id="Akumulasi meninggal.", example=""),
        F("total_active", "integer", False, ("akumulasi_dirawat_or_isolasi", "kasus_aktif"), help_id="Kasus aktif (dirawat/isolasi).", example=""),
    ),
    ("case_date", "region_code"),
    None,
    {"source_id": "satgas_covid_harian", "title_id": "Kasus COVID-19 harian", "title_en": "Daily COVID-19 cases",
     "publisher": SATGAS, "url": "https://covid19.go.id", "licence": pipeline.OFFICIAL_LICENCE},
))

def _replication(row: dict) -> list[tuple[str, str]]:
    problems = _source_urls(row)
    if row["adopting_region_code"] == row["origin_region_code"]:
        problems.append(("adopting_region_code", "wilayah replikasi sama dengan wilayah asal (adopting region is the origin)"))
    return problems


_declare(TableKind(
    "replications", "replication", "satu baris per inovasi x wilayah yang mereplikasinya",
    (
        F("innovation_name", "text", True, ("inovasi", "nama_inovasi"), help_id="Nama inovasi persis seperti di registri inovasi (lembar Daftar).", example="Musrena Keren - Musyawarah Perencanaan Perempuan, Anak, Disabilitas dan Kelompok Rentan"),
        F("origin_region_code", "code", True, ("kode_wilayah_asal", "kode_asal", "asal"), help_id="Kode wilayah asal inovasi (Kemendagri), seperti di registri inovasi.", example="35.03"),
        F("adopting_region_code", "code", True, ("kode_wilayah_replikasi", "kode_wilayah_adopsi", "kode_pengadopsi", "kode_wilayah_tujuan"), ("kabkota", "kecamatan", "desa"),
          help_id="Kode kab/kota, kecamatan atau desa yang mereplikasi (Kemendagri).", example="35.01"),
        F("year", "integer", True, ("tahun", "tahun_replikasi", "tahun_adopsi"), minimum=1990, maximum=2100, help_id="Tahun replikasi.", example="2022"),
        F("source_url", "text", False, ("sumber", "url_sumber"), help_id="URL sumber (http/https); beberapa dipisah ' ; '.", example="https://..."),
        F("note", "text", False, ("catatan", "keterangan"), help_id="Catatan.", example=""),
    ),
    ("innovation_name", "origin_region_code", "adopting_region_code"),
    _replication,
    check_staged=True,
))

# --- Kapasitas & Layanan: delegated authority, PATEN, training, basic services per desa -------

AUTHORITY_TYPES = choices(
    ("perizinan", ("izin", "licence")), ("rekomendasi", ("recommendation",)), ("koordinasi", ("coordination",)),
    ("pembinaan", ("guidance",)), ("pengawasan", ("supervision", "evaluasi")), ("fasilitasi", ("facilitation",)),
    ("penetapan", ("decision",)), ("penyelenggaraan", ("pelayanan", "service")), ("lainnya", ("lain lain", "other")),
)
REGULATION_TYPES = choices(("perbup", ("peraturan bupati",)), ("perwal", ("peraturan wali kota", "peraturan walikota")),
                           ("lainnya", ("lain lain", "other")))
EVALUATIONS = choices(("sangat_baik", ("sangat baik", "a", "very good")), ("baik", ("b", "good")), ("cukup", ("c", "fair")),
                      ("kurang", ("d", "poor")), ("belum_dievaluasi", ("belum", "belum dievaluasi", "not evaluated")))
YES_NO = choices(("ya", ("yes", "y", "sudah", "true", "1")), ("tidak", ("no", "n", "belum", "false", "0")))
ROLES = choices(
    ("camat", ()), ("sekretaris_camat", ("sekcam", "sekretaris kecamatan")),
    ("kasi_pelayanan", ("kepala seksi pelayanan", "kasi pelayanan umum")), ("staf_paten", ("petugas paten", "staf pelayanan")),
    ("pendamping_desa", ("pendamping lokal desa", "pld")), ("perangkat_desa", ("kepala desa", "kades", "aparat desa")),
    ("lainnya", ("lain lain", "other")),
)
SERVICE_FIELDS = (  # field name = catalog indicator id (desa, sum); the catalog's maximum
    ("jumlah_balita", ("balita",), "Jumlah balita (0-59 bulan).", 100_000, "312"),
    ("kelahiran_tanpa_akta", ("lahir_tanpa_akta", "kelahiran_belum_berakta"), "Kelahiran tahun itu yang belum punya akta kelahiran.", 100_000, "14"),
    ("anak_tidak_sekolah", ("ats",), "Anak usia 7-18 tahun yang tidak bersekolah.", 100_000, "21"),
    ("ruta_dtks", ("rumah_tangga_dtks", "dtks"), "Rumah tangga yang terdaftar di DTKS.", 100_000, "410"),
    ("jumlah_posyandu", ("posyandu",), "Posyandu aktif.", 1_000, "4"),
    ("titik_layanan_adminduk", ("layanan_adminduk", "titik_adminduk"), "Titik layanan administrasi kependudukan di desa.", 1_000, "1"),
    ("jumlah_sekolah", ("sekolah", "sd_smp"), "SD/MI dan SMP/MTs.", 1_000, "3"),
    ("jumlah_pos_kesehatan", ("pos_kesehatan", "poskesdes"), "Poskesdes, polindes dan puskesmas pembantu.", 1_000, "1"),
)


def _authority(row: dict) -> list[tuple[str, str]]:
    problems = []
    if row["regulation_year"] > row["year"]:
        problems.append(("regulation_year", "tahun regulasi sesudah tahun evaluasi (regulation after the evaluation year)"))
    if row.get("since_year") and row["since_year"] > row["year"]:
        problems.append(("since_year", "sejak sesudah tahun evaluasi (start after the evaluation year)"))
    if row["evaluation"] == "belum_dievaluasi" and row.get("evaluation_score") is not None:
        problems.append(("evaluation_score", "nilai evaluasi diisi padahal belum dievaluasi (score without an evaluation)"))
    return problems


def _paten(row: dict) -> list[tuple[str, str]]:
    parts = [p.strip() for p in re.split(r"[;\n]", row.get("services") or "") if p.strip()]
    row["services"] = "; ".join(dict.fromkeys(parts)) or None
    if row.get("services_offered") is None and parts:
        row["services_offered"] = len(row["services"].split("; "))
    since, year = row.get("since_year"), row["year"]
    if row["implemented"] == "ya" and since and since > year:
        return [("since_year", "PATEN dimulai sesudah tahun ini padahal diterapkan (start after the year)")]
    if row["implemented"] == "tidak" and since and since <= year:
        return [("implemented", "belum menerapkan PATEN padahal tahun mulai sudah lewat (not implemented but started)")]
    return []


def _training(row: dict) -> list[tuple[str, str]]:
    if row["end_date"] < row["start_date"]:
        return [("end_date", "tanggal selesai sebelum tanggal mulai (ends before it starts)")]
    return []


def _training_events(rows: list[dict]) -> list[tuple[int, str, str]]:
    """Rows of one event (name and start date) must give the same end date, place and organiser."""
    first, problems = {}, []
    for row in rows:
        key = (row["event_name"], row["start_date"])
        seen = first.setdefault(key, row)
        for column in ("end_date", "place", "organiser"):
            if row[column] != seen[column]:
                problems.append((row["row_number"], column, f"berbeda dengan baris {seen['row_number']} untuk kegiatan yang sama "
                                                             "(differs from the first row of the same event)"))
    return problems


def _services(row: dict) -> list[tuple[str, str]]:
    if not re.fullmatch(r"\d{4}", row["period"]):
        return [("period", "periode layanan dasar harus tahun, mis. 2024 (period must be a year)")]
    if all(row.get(name) is None for name, *_ in SERVICE_FIELDS):
        return [(SERVICE_FIELDS[0][0], "isi minimal satu kolom permintaan atau pasokan (at least one value)")]
    return []


_declare(TableKind(
    "authority", "delegated_authority", "satu baris per kecamatan x kewenangan yang dilimpahkan x tahun evaluasi",
    (
        F("kecamatan_code", "code", True, ("kode_kecamatan", "kode_kec", "kode_wilayah"), ("kecamatan",), help_id="Kode kecamatan (Kemendagri).", example="35.01.01"),
        F("year", "integer", True, ("tahun", "tahun_evaluasi"), minimum=2000, maximum=2100, help_id="Tahun evaluasi pelimpahan kewenangan.", example="2024"),
        F("authority", "text", True, ("kewenangan", "nama_kewenangan"), help_id="Kewenangan yang dilimpahkan, seperti ditulis regulasi.", example="Izin usaha mikro dan kecil"),
        F("authority_type", "choice", True, ("jenis_kewenangan", "jenis"), choices=AUTHORITY_TYPES, help_id="Jenis kewenangan (PP 17/2018; lembar Daftar).", example="perizinan"),
        F("sector", "text", True, ("urusan", "bidang", "sektor"), help_id="Urusan pemerintahan.", example="koperasi, usaha kecil dan menengah"),
        F("regulation_type", "choice", True, ("jenis_regulasi", "dasar_hukum"), choices=REGULATION_TYPES, help_id="Perbup, Perwal atau lainnya.", example="perbup"),
        F("regulation_number", "text", True, ("nomor_regulasi", "nomor_perbup", "nomor_perwal", "nomor"), help_id="Nomor Perbup/Perwal.", example="12"),
        F("regulation_year", "integer", True, ("tahun_regulasi", "tahun_perbup", "tahun_perwal"), minimum=1990, maximum=2100, help_id="Tahun Perbup/Perwal.", example="2019"),
        F("since_year", "integer", False, ("sejak", "sejak_tahun", "berlaku_sejak"), minimum=1990, maximum=2100, help_id="Sejak tahun berapa camat memegang kewenangan ini.", example="2020"),
        F("evaluation", "choice", True, ("hasil_evaluasi", "evaluasi"), choices=EVALUATIONS, help_id="Hasil evaluasi tahunan: sangat_baik, baik, cukup, kurang, belum_dievaluasi.", example="baik"),
        F("evaluation_score", "number", False, ("nilai_evaluasi", "skor_evaluasi", "nilai"), minimum=0, maximum=100, help_id="Nilai evaluasi 0-100, bila ada.", example="78,5"),
        F("note", "text", False, ("catatan", "keterangan"), help_id="Catatan.", example=""),
    ),
    ("kecamatan_code", "authority", "year"),
    _authority,
))
_declare(TableKind(
    "paten", "paten_status", "satu baris per kecamatan x tahun (Pelayanan Administrasi Terpadu Kecamatan)",
    (
        F("kecamatan_code", "code", True, ("kode_kecamatan", "kode_kec", "kode_wilayah"), ("kecamatan",), help_id="Kode kecamatan (Kemendagri).", example="35.01.01"),
        F("year", "integer", True, ("tahun",), minimum=2000, maximum=2100, help_id="Tahun keadaan.", example="2024"),
        F("implemented", "choice", True, ("menerapkan_paten", "paten", "status_paten", "sudah_paten"), choices=YES_NO, help_id="Sudah menerapkan PATEN: ya atau tidak.", example="ya"),
        F("since_year", "integer", False, ("tahun_mulai", "sejak", "sejak_tahun"), minimum=1990, maximum=2100, help_id="Tahun mulai PATEN.", example="2015"),
        F("services_offered", "integer", False, ("jumlah_layanan", "jumlah_jenis_layanan"), minimum=0, maximum=500, help_id="Jumlah jenis layanan PATEN; kosong = dihitung dari daftar layanan.", example="12"),
        F("services", "text", False, ("jenis_layanan", "daftar_layanan", "layanan"), help_id="Jenis layanan, dipisah titik koma.", example="legalisasi dokumen; izin usaha mikro"),
        F("standard_published", "choice", False, ("standar_pelayanan", "standar_pelayanan_dipublikasikan", "sp_dipublikasikan"), choices=YES_NO, help_id="Standar pelayanan dipublikasikan: ya atau tidak.", example="ya"),
        F("note", "text", False, ("catatan", "keterangan"), help_id="Catatan.", example=""),
    ),
    ("kecamatan_code", "year"),
    _paten,
))
_declare(TableKind(
    "training", "training_participation", "satu baris per kegiatan pelatihan x kecamatan x peran peserta",
    (
        F("event_name", "text", True, ("nama_kegiatan", "pelatihan", "kegiatan", "nama_pelatihan"), help_id="Nama pelatihan.", example="Pelatihan pelayanan garis depan"),
        F("start_date", "date", True, ("tanggal_mulai", "mulai"), help_id="Tanggal mulai (YYYY-MM-DD).", example="2024-03-12"),
        F("end_date", "date", True, ("tanggal_selesai", "selesai"), help_id="Tanggal selesai (YYYY-MM-DD).", example="2024-03-16"),
        F("place", "text", False, ("tempat", "lokasi"), help_id="Tempat.", example="Surabaya"),
        F("organiser", "text", True, ("penyelenggara",), help_id="Penyelenggara.", example="BPSDM Provinsi Jawa Timur"),
        F("kecamatan_code", "code", True, ("kode_kecamatan", "kode_kec", "kode_wilayah"), ("kecamatan",), help_id="Kode kecamatan asal kelompok peserta.", example="35.01.01"),
        F("role", "choice", True, ("peran", "jabatan", "peran_peserta"), choices=ROLES, help_id="Peran peserta (lembar Daftar).", example="staf_paten"),
        F("participants", "integer", True, ("jumlah_peserta", "peserta", "jumlah"), minimum=1, maximum=10_000, help_id="Jumlah peserta dengan peran itu.", example="2"),
    ),
    ("event_name", "start_date", "kecamatan_code", "role"),
    _training,
    check_file=_training_events,
))
_declare(TableKind(
    "services", "desa_service", "satu baris per desa/kelurahan x tahun: permintaan dan pasokan layanan dasar",
    (
        F("region_code", "code", True, ("kode_desa", "kode_kelurahan", "kode_desa_kelurahan", "kode_wilayah", "kode"), ("desa",), help_id="Kode desa/kelurahan (Kemendagri).", example="35.01.01.2001"),
        F("period", "period", True, ("tahun", "periode"), help_id="Tahun (2024).", example="2024"),
        *(F(name, "integer", False, aliases, minimum=0, maximum=top, help_id=text + " Kosong = tidak ada data (bukan nol).", example=example)
          for name, aliases, text, top, example in SERVICE_FIELDS),
    ),
    ("region_code", "period"),
    _services,
))


def _schema(spec: TableKind) -> pa.Schema:
    return pa.schema([("row_number", pa.int64()), ("source_id", pa.string())] + [(f.name, ARROW_TYPES[f.type]) for f in spec.fields])


def load(spec: TableKind, con: duckdb.DuckDBPyConnection, path: Path, options: dict, limits: Limits) -> pipeline.Loaded:
    mapping = options.get("map") or {}
    wanted = {f.name: f.spellings for f in spec.fields}

    def looks_like_header(normalised: list[str]) -> bool:
        found, _ = resolve_columns(normalised, wanted, mapping)
        return all(name in found for name in spec.required)

    sheet = read_sheet(path, limits, looks_like_header, options.get("sheet"), options.get("header_row"), options.get("delimiter"))
    regions = pipeline.regions(con)
    problems: list[Problem] = []
    source = options.get("source") or {}
    source_row = pipeline.check_source(con, source, problems, sheet.name)
    found, unused = resolve_columns(sheet.headers, wanted, mapping)
    for key in unused:
        problems.append(Problem(sheet.name, sheet.header_row, key, "", "pemetaan --map tidak dipakai: kolom ini tidak ada (mapping unused)", "warning"))
    for name in spec.required:
        if name not in found:
            problems.append(Problem(sheet.name, sheet.header_row, name, "", "kolom wajib tidak ada; ganti nama kolom atau pakai --map (required column missing)"))
    pipeline.fail_if(problems)
    header = {name: sheet.headers[index] for name, index in found.items()}

    rows, seen = [], {}
    for number, cells in sheet.rows:
        row, before = {"row_number": number, "source_id": source.get("source_id")}, len(problems)
        for f in spec.fields:
            raw = cell(cells, found.get(f.name))
            try:
                row[f.name] = f.parse(raw, regions)
            except CellError as exc:
                problems.append(Problem(sheet.name, number, header.get(f.name, f.name), raw, str(exc)))
        if len(problems) > before:
            continue
        for column, message in spec.check_row(row) if spec.check_row else []:
            problems.append(Problem(sheet.name, number, header.get(column, column), cell(cells, found.get(column)), message))
        if len(problems) > before:
            continue
        key = tuple(row[k] for k in spec.key)
        if key in seen:
            shown = " / ".join("" if v is None else str(v) for v in key)
            problems.append(Problem(sheet.name, number, header.get(spec.key[0], spec.key[0]), cell(cells, found.get(spec.key[0])),
                                    f"duplikat baris {seen[key]}: {shown} sudah ada di berkas (duplicate in file)"))
            continue
        seen[key] = number
        rows.append(row)
    if spec.check_file:
        cells_of = dict(sheet.rows)
        for number, column, message in spec.check_file(rows):
            problems.append(Problem(sheet.name, number, header.get(column, column), cell(cells_of[number], found.get(column)), message))
    if spec.check_staged and rows:  # against the published tables, so that one report lists every error
        pipeline.stage(con, rows, _schema(spec))
        cells_of = dict(sheet.rows)
        problems += [Problem(sheet.name, number, header.get(column, column), cell(cells_of[number], found.get(column)), message)
                     for number, column, message in pipeline.query(con, f"{spec.table}_check")]
        con.unregister("staged")
    warnings = pipeline.fail_if(problems)
    if not rows:
        raise ImportFailed([Problem(sheet.name, None, "", "", "tidak ada baris data untuk diimpor (no rows)")])

    messages = pipeline.add_source(con, source_row)
    pipeline.stage(con, rows, _schema(spec))
    replaced = pipeline.query(con, f"{spec.table}_matches")[0][0]
    pipeline.script(con, f"{spec.table}_apply")
    con.unregister("staged")
    messages.append(f"{spec.table}: {len(rows)} row(s) written, replaced {replaced} published row(s) with the same key ({', '.join(spec.key)})")
    return pipeline.Loaded(len(rows) - replaced, replaced, source.get("source_id"), messages, warnings)
