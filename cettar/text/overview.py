"""Strings of the Ikhtisar page."""

STRINGS = {
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
}
