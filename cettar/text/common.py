"""Strings of the frame and labels shared by several pages (statuses, types, pillars)."""

STRINGS = {
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
}
