"""Every UI string, in Bahasa Indonesia (the default) and English. Streamlit-free.

Keys are dotted: <page or part>.<name>. `text(key, lang, **values)` formats with str.format.
A convention test checks that every key used in app.py and pages/ exists here in both languages.
"""

from __future__ import annotations

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

STRINGS: dict[str, tuple[str, str]] = {
    # frame
    "app.title": ("Dasbor Kecamatan CETTAR", "Kecamatan CETTAR Dashboard"),
    "app.tagline": (
        "Cepat, Efektif-Efisien, Tanggap, Transparan, Responsif — kinerja kecamatan di Jawa Timur",
        "Fast, Effective-Efficient, Attentive, Transparent, Responsive — kecamatan performance in East Java",
    ),
    "app.language": ("Bahasa", "Language"),
    "app.filters": ("Filter bersama", "Shared filters"),
    "app.scope": ("Wilayah", "Area"),
    "app.scope_all": ("Seluruh Jawa Timur", "All of East Java"),
    "app.year": ("Tahun", "Year"),
    "app.no_database": (
        "Basis data belum dibangun: {path}. Jalankan `make run` (atau `python -m cettar build`).",
        "The database has not been built yet: {path}. Run `make run` (or `python -m cettar build`).",
    ),
    "app.demo_banner": (
        "**DATA DEMO.** Nilai indikator kinerja kecamatan dan catatan koordinasi di dasbor ini "
        "dibangkitkan komputer (bukan data resmi) dan ditandai *demo* di setiap tampilan. "
        "Data wilayah, level PPKM, penghargaan dan fakta KOMPAK adalah data nyata dengan sumbernya.",
        "**DEMO DATA.** The kecamatan performance values and coordination records in this dashboard "
        "are computer-generated (not official) and marked *demo* wherever they appear. "
        "Regions, PPKM levels, awards and KOMPAK facts are real data with their sources.",
    ),
    "app.attribution": (
        "Daftar wilayah: [idn-area-data](https://github.com/fityannugroho/idn-area-data) (Kemendagri), "
        "lisensi ODbL. Sumber lain: halaman *Data & Metodologi*.",
        "Region list: [idn-area-data](https://github.com/fityannugroho/idn-area-data) (Kemendagri), "
        "ODbL licence. Other sources: the *Data & Methodology* page.",
    ),
    "nav.overview": ("Ikhtisar", "Overview"),
    "nav.data": ("Data & Metodologi", "Data & Methodology"),
    # status labels
    "status.official": ("resmi", "official"),
    "status.compiled": ("dihimpun", "compiled"),
    "status.demo": ("demo", "demo"),
    # evidence behind a PPKM level (column ppkm_level.evidence)
    "evidence.stated": ("dinyatakan sumber", "stated by the source"),
    "evidence.inferred_by_elimination": ("disimpulkan dengan eliminasi", "inferred by elimination"),
    "evidence.stated_as_previous_level": ("dari daftar perubahan (level sebelumnya)", "from a change list (previous level)"),
    "evidence.stated_aggregate_all_jawa_bali": ("pernyataan untuk seluruh Jawa-Bali", "a statement covering all of Java-Bali"),
    # region types
    "type.provinsi": ("provinsi", "province"),
    "type.kabupaten": ("kabupaten", "regency"),
    "type.kota": ("kota", "city"),
    "type.kecamatan": ("kecamatan", "kecamatan"),
    "type.desa": ("desa", "village"),
    "type.kelurahan": ("kelurahan", "urban village"),
    # pillars
    "pillar.cepat": ("Cepat", "Fast"),
    "pillar.efektif_efisien": ("Efektif-Efisien", "Effective-Efficient"),
    "pillar.tanggap": ("Tanggap", "Attentive"),
    "pillar.transparan": ("Transparan", "Transparent"),
    "pillar.responsif": ("Responsif", "Responsive"),
    "direction.higher_is_better": ("makin tinggi makin baik", "higher is better"),
    "direction.lower_is_better": ("makin rendah makin baik", "lower is better"),
    # overview
    "overview.title": ("Ikhtisar", "Overview"),
    "overview.intro": (
        "Program *Kecamatan CETTAR untuk Jatim Bangkit* diluncurkan Gubernur Jawa Timur pada "
        "{launch} di Forum Inspirasi Jawa Timur bersama KOMPAK: kecamatan sebagai garda depan "
        "pelayanan, inovasi dan pemulihan setelah COVID-19.",
        "The *Kecamatan CETTAR untuk Jatim Bangkit* program was launched by the Governor of East Java "
        "on {launch} at the East Java Inspiration Forum with KOMPAK: the kecamatan as the front line "
        "of services, innovation and recovery after COVID-19.",
    ),
    "overview.regions": ("Wilayah", "Regions"),
    "overview.kabkota": ("Kabupaten/kota", "Regencies/cities"),
    "overview.kabkota_help": ("{kabupaten} kabupaten, {kota} kota", "{kabupaten} regencies, {kota} cities"),
    "overview.kecamatan": ("Kecamatan", "Kecamatan"),
    "overview.desa": ("Desa/kelurahan", "Villages"),
    "overview.desa_help": ("{desa} desa, {kelurahan} kelurahan", "{desa} rural villages (desa), {kelurahan} urban villages (kelurahan)"),
    "overview.awards": ("Penghargaan tercatat", "Awards recorded"),
    "overview.awards_help": ("{first}–{last}, data dihimpun dengan sumber", "{first}–{last}, compiled with sources"),
    "overview.ppkm_title": ("PPKM terakhir yang tercatat", "Latest recorded PPKM"),
    "overview.ppkm_caption": (
        "Inmendagri {inmendagri} ({period}): jumlah kab/kota per level. Bukti: {evidence}.",
        "Inmendagri {inmendagri} ({period}): kab/kota per level. Evidence: {evidence}.",
    ),
    "overview.ppkm_level": ("Level {level}", "Level {level}"),
    "overview.ppkm_unknown": ("tidak diketahui", "unknown"),
    "overview.ppkm_count": ("Kab/kota", "Kab/kota"),
    "overview.kompak_title": ("Kabupaten dampingan KOMPAK", "KOMPAK-assisted regencies"),
    "overview.kompak_caption": ("Sejak {start}, sumber: {source}", "Since {start}, source: {source}"),
    "overview.awards_title": ("Penghargaan per tahun", "Awards per year"),
    "overview.awards_year": ("Tahun", "Year"),
    "overview.awards_count": ("Jumlah", "Count"),
    "overview.data_title": ("Apa yang resmi, apa yang demo", "What is official, what is demo"),
    "overview.data_table": ("Data", "Data"),
    "overview.data_status": ("Status", "Status"),
    "overview.data_rows": ("Baris", "Rows"),
    "overview.data_sources": ("Sumber", "Sources"),
    "overview.indicators_title": ("Indikator kinerja {year} (demo)", "Performance indicators {year} (demo)"),
    "overview.indicators_caption": (
        "Rata-rata kecamatan {scope}, per pilar CETTAR. Semua nilai di bawah ini DEMO.",
        "Kecamatan mean for {scope}, by CETTAR pillar. Every value below is DEMO.",
    ),
    "overview.indicator": ("Indikator", "Indicator"),
    "overview.pillar": ("Pilar", "Pillar"),
    "overview.value": ("Nilai", "Value"),
    "overview.unit": ("Satuan", "Unit"),
    "overview.kecamatan_with_value": ("Kecamatan bernilai", "Kecamatan with a value"),
    "overview.source_status": ("Status data", "Data status"),
    "overview.no_values": ("Belum ada nilai indikator untuk {year}.", "No indicator values for {year} yet."),
    # data & methodology
    "data.title": ("Data & Metodologi", "Data & Methodology"),
    "data.intro": (
        "Setiap nilai di dasbor ini membawa sumbernya. Status *resmi* berarti data dari penerbit "
        "resmi, *dihimpun* berarti fakta yang dikumpulkan dari berita dan laman pemerintah dengan "
        "sumber per baris, *demo* berarti dibangkitkan komputer.",
        "Every value in this dashboard carries its source. *Official* means data from an official "
        "publisher, *compiled* means facts gathered from news and government pages with a source per "
        "row, *demo* means computer-generated.",
    ),
    "data.sources_title": ("Sumber data", "Data sources"),
    "data.tables_title": ("Tabel", "Tables"),
    "data.indicators_title": ("Katalog indikator", "Indicator catalog"),
    "data.build_title": ("Versi basis data", "Database version"),
    "data.build_caption": ("Dibangun {built}; versi perangkat lunak {version}.", "Built {built}; software version {version}."),
    "data.col.source": ("Sumber", "Source"),
    "data.col.publisher": ("Penerbit", "Publisher"),
    "data.col.licence": ("Lisensi", "Licence"),
    "data.col.retrieved": ("Diambil", "Retrieved"),
    "data.col.status": ("Status", "Status"),
    "data.col.url": ("Tautan", "Link"),
    "data.col.note": ("Catatan", "Note"),
    "data.col.table": ("Tabel", "Table"),
    "data.col.grain": ("Satu baris per", "One row per"),
    "data.col.rows": ("Baris", "Rows"),
    "data.col.period": ("Periode", "Period"),
    "data.col.sources": ("Sumber", "Sources"),
    "data.col.indicator": ("Indikator", "Indicator"),
    "data.col.pillar": ("Pilar", "Pillar"),
    "data.col.unit": ("Satuan", "Unit"),
    "data.col.direction": ("Arah", "Direction"),
    "data.col.level": ("Tingkat asal", "Native level"),
    "data.col.aggregation": ("Agregasi", "Aggregation"),
    "data.col.coverage": ("Wilayah bernilai", "Regions with a value"),
    "data.col.periods": ("Periode", "Periods"),
    "data.col.description": ("Definisi", "Definition"),
    "data.col.thresholds": ("Ambang status", "Status thresholds"),
    "data.not_loaded": ("belum diimpor", "not imported yet"),
    "data.odbl": (
        "Daftar wilayah resmi (kode Kemendagri) berasal dari paket npm *idn-area-data* dan berlisensi "
        "Open Database License (ODbL 1.0): © kontributor idn-area-data.",
        "The official region list (Kemendagri codes) comes from the npm package *idn-area-data* under the "
        "Open Database License (ODbL 1.0): © idn-area-data contributors.",
    ),
    "data.download": ("Unduh CSV", "Download CSV"),
    # table grains (one row per ...)
    "grain.region": ("kode wilayah Kemendagri", "Kemendagri region code"),
    "grain.data_source": ("sumber data", "data source"),
    "grain.indicator": ("indikator", "indicator"),
    "grain.indicator_value": ("wilayah × indikator × periode", "region × indicator × period"),
    "grain.program_membership": ("program × kab/kota", "program × kab/kota"),
    "grain.award": ("penghargaan × penerima × inovasi", "award × recipient × innovation"),
    "grain.innovation": ("inovasi × wilayah asal", "innovation × originating region"),
    "grain.ppkm_level": ("Inmendagri × kab/kota", "Inmendagri × kab/kota"),
    "grain.risk_zone": ("minggu × kab/kota", "week × kab/kota"),
    "grain.coordination_record": ("kegiatan koordinasi × kecamatan × tanggal", "coordination activity × kecamatan × date"),
    "grain.kompak_fact": ("fakta program KOMPAK", "KOMPAK program fact"),
    "grain.boundary": ("tingkat batas × kode wilayah", "boundary level × region code"),
    "grain.import_log": ("impor yang berhasil", "successful import"),
    "grain.build_info": ("kunci informasi versi", "build information key"),
    "table.region": ("Wilayah", "Regions"),
    "table.data_source": ("Sumber data", "Data sources"),
    "table.indicator": ("Katalog indikator", "Indicator catalog"),
    "table.indicator_value": ("Nilai indikator", "Indicator values"),
    "table.program_membership": ("Keanggotaan program", "Program membership"),
    "table.award": ("Penghargaan", "Awards"),
    "table.innovation": ("Inovasi", "Innovations"),
    "table.ppkm_level": ("Level PPKM", "PPKM levels"),
    "table.risk_zone": ("Zona risiko COVID-19", "COVID-19 risk zones"),
    "table.coordination_record": ("Catatan koordinasi", "Coordination records"),
    "table.kompak_fact": ("Fakta KOMPAK", "KOMPAK facts"),
    "table.boundary": ("Batas wilayah", "Boundaries"),
    "table.import_log": ("Log impor", "Import log"),
    "table.build_info": ("Info versi", "Build info"),
}


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string for key in lang (falls back to Indonesian), formatted with values."""
    try:
        pair = STRINGS[key]
    except KeyError:
        raise KeyError(f"no UI string {key!r} in cettar.i18n.STRINGS") from None
    template = pair[1] if lang == "en" else pair[0]
    return template.format(**values) if values else template


def normalise_language(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE
