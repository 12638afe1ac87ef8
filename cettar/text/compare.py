"""Strings of the Bandingkan (Compare) page and of cettar/compare.py."""

STRINGS = {
    "nav.compare": ("Bandingkan", "Compare"),
    "compare.title": ("Bandingkan", "Compare"),
    "compare.intro": (
        "Bandingkan kabupaten/kota, kecamatan atau kelompok wilayah (misalnya kabupaten dampingan KOMPAK "
        "dengan yang lain) berdampingan, cari kecamatan pembanding yang setara, dan perkirakan selisih "
        "perubahan sebelum dan sesudah suatu periode. Tahun mengikuti filter bersama di samping; filter "
        "wilayah tidak berlaku di sini, karena perbandingan selalu atas seluruh provinsi.",
        "Put regencies/cities, kecamatan or groups of them side by side (for example the KOMPAK-assisted "
        "regencies against all the others), find fair peers for a kecamatan, and estimate how much more one "
        "group changed than another between two periods. The year follows the shared filter in the sidebar; "
        "the area filter does not apply here, as comparisons always span the whole province.",
    ),
    "compare.no_values": (
        "Belum ada nilai indikator tahunan untuk dibandingkan.",
        "There are no yearly indicator values to compare yet.",
    ),
    "compare.source": ("sumber", "source"),
    # what to look at
    "compare.view": ("Tampilan", "View"),
    "compare.view.side": ("Berdampingan", "Side by side"),
    "compare.view.peers": ("Kecamatan setara", "Fair peers"),
    "compare.view.did": ("Sebelum/sesudah", "Before/after"),
    "compare.subject": ("Yang dibandingkan", "Compare"),
    "compare.subject.regions": ("Wilayah", "Regions"),
    "compare.subject.groups": ("Kelompok", "Groups"),
    "compare.level": ("Tingkat", "Level"),
    "compare.level.kabkota": ("Kabupaten/kota", "Regencies/cities"),
    "compare.level.kecamatan": ("Kecamatan", "Kecamatan"),
    "compare.pick_kabkota": ("Kabupaten/kota (2–8)", "Regencies/cities (2–8)"),
    "compare.pick_kecamatan": ("Kecamatan (2–8)", "Kecamatan (2–8)"),
    "compare.indicators": ("Indikator", "Indicators"),
    "compare.pick_more": (
        "Pilih sedikitnya dua wilayah (paling banyak {most}) dan satu indikator.",
        "Choose at least two regions (at most {most}) and one indicator.",
    ),
    # groups
    "compare.preset": ("Kelompok", "Groups"),
    "compare.preset.kompak": ("KOMPAK vs lainnya", "KOMPAK vs the rest"),
    "compare.preset.kompak_kabupaten": ("KOMPAK vs kabupaten lain", "KOMPAK vs other regencies"),
    "compare.preset.kota": ("Kota vs kabupaten", "Cities vs regencies"),
    "compare.preset.custom": ("Daftar sendiri", "Custom list"),
    "compare.custom": ("Kabupaten/kota dalam kelompok Anda", "Regencies/cities in your group"),
    "compare.group.kompak.a": ("Kabupaten dampingan KOMPAK", "KOMPAK-assisted regencies"),
    "compare.group.kompak.b": ("Kab/kota lain", "Other regencies/cities"),
    "compare.group.kompak_kabupaten.a": ("Kabupaten dampingan KOMPAK", "KOMPAK-assisted regencies"),
    "compare.group.kompak_kabupaten.b": ("Kabupaten lain", "Other regencies"),
    "compare.group.kota.a": ("Kota", "Cities"),
    "compare.group.kota.b": ("Kabupaten", "Regencies"),
    "compare.group.custom.a": ("Kab/kota pilihan Anda", "Your regencies/cities"),
    "compare.group.custom.b": ("Kab/kota lain", "Other regencies/cities"),
    "compare.members": (
        "**{a}**: {members}{source}. **{b}**: {n} kab/kota.",
        "**{a}**: {members}{source}. **{b}**: {n} kab/kota.",
    ),
    "compare.group_empty": (
        "Kedua kelompok harus berisi sedikitnya satu kabupaten/kota.",
        "Both groups need at least one regency or city.",
    ),
    "compare.province": ("Jawa Timur", "East Java"),
    # data status
    "compare.notice.all_demo": (
        "**Semua nilai di tampilan ini DEMO** (dibangkitkan komputer, bukan data resmi). Selisih, peringkat dan "
        "perkiraan di bawah hanya memperlihatkan cara kerja halaman ini.",
        "**Every value in this view is DEMO data** (computer-generated, not official). The gaps, ranks and "
        "estimates below only show how this page works.",
    ),
    "compare.notice.mixed": (
        "**Tampilan ini mencampur nilai demo dengan nilai {others}.** Kolom *Status* menunjukkan mana yang mana; "
        "jangan tarik kesimpulan dari baris yang berstatus demo.",
        "**This view mixes demo values with {others} values.** The *Status* column says which is which; draw no "
        "conclusions from rows marked demo.",
    ),
    # side by side
    "compare.table_title": ("Berdampingan, {year}", "Side by side, {year}"),
    "compare.table_caption.regions": (
        "Peringkat 1 = terbaik menurut arah indikator, di antara semua wilayah setingkat yang bernilai. Median "
        "provinsi = median semua wilayah setingkat. Nilai kab/kota dihitung dari kecamatannya menurut aturan "
        "agregasi katalog (rata-rata atau jumlah), kecuali ada nilai yang tersimpan untuk kab/kota itu sendiri.",
        "Rank 1 = best by the indicator's direction, among all regions of the same level that have a value. "
        "Province median = the median of all regions of that level. A regency/city value is rolled up from its "
        "kecamatan by the catalog's aggregation rule (mean or sum), unless a value is stored for it directly.",
    ),
    "compare.table_caption.groups": (
        "Nilai kelompok dihitung dari semua kecamatan di kab/kota anggotanya menurut aturan agregasi katalog: "
        "indikator *jumlah* adalah total kelompok, jadi bergantung pada besar kelompok. Median provinsi = median "
        "semua kecamatan.",
        "A group value is rolled up from every kecamatan in its regencies/cities by the catalog's aggregation "
        "rule: a *sum* indicator is the group total, so it grows with the size of the group. Province median = "
        "the median of all kecamatan.",
    ),
    "compare.trend_title": ("Tren per indikator", "Trend per indicator"),
    "compare.trend_caption.regions": (
        "Satu panel per indikator; garis putus-putus abu-abu = median provinsi. Skala tiap panel berbeda.",
        "One panel per indicator; the dashed grey line is the province median. Each panel has its own scale.",
    ),
    "compare.trend_caption.groups": (
        "Satu panel per indikator, dengan Jawa Timur secara keseluruhan sebagai pembanding. Skala tiap panel berbeda.",
        "One panel per indicator, with East Java as a whole for reference. Each panel has its own scale.",
    ),
    "compare.distribution_title": ("Posisi dalam sebaran provinsi, {year}", "Where they sit in the province, {year}"),
    "compare.distribution_caption.regions": (
        "Titik abu-abu = setiap wilayah setingkat; kotak = kuartil dan median; berlian = wilayah pilihan Anda.",
        "Grey dots = every region of the same level; box = quartiles and median; diamonds = the regions you chose.",
    ),
    "compare.distribution_caption.groups": (
        "Sebaran kecamatan di tiap kelompok: titik = kecamatan, kotak = kuartil dan median.",
        "How the kecamatan of each group are spread: dots = kecamatan, box = quartiles and median.",
    ),
    "compare.everyone.kabkota": ("Semua kab/kota", "All regencies/cities"),
    "compare.everyone.kecamatan": ("Semua kecamatan", "All kecamatan"),
    "compare.median_series": ("Median provinsi", "Province median"),
    # peers
    "compare.peer_target": ("Kecamatan", "Kecamatan"),
    "compare.peer_context": ("Variabel konteks", "Context variables"),
    "compare.peer_k": ("Jumlah pembanding", "Number of peers"),
    "compare.missing": ("Nilai yang hilang", "Missing values"),
    "compare.missing.complete": ("Hanya yang lengkap", "Complete cases only"),
    "compare.missing.pairwise": ("Pakai yang tersedia", "Use what is available"),
    "compare.pool": ("Cari di", "Look in"),
    "compare.pool.all": ("Seluruh provinsi", "The whole province"),
    "compare.pool.other_kabkota": ("Kab/kota lain saja", "Other regencies/cities only"),
    "compare.peer_title": ("Kecamatan yang paling mirip dengan {target}, {year}", "Kecamatan most like {target}, {year}"),
    "compare.peer_method.complete": (
        "Jarak = jarak Euclid antara skor-z dari {p} variabel konteks (tiap variabel dibakukan atas semua "
        "kecamatan yang bernilai pada tahun itu). Hanya kecamatan dengan semua variabel terisi yang ikut. "
        "Baris 0 adalah kecamatan pilihan Anda.",
        "Distance = the Euclidean distance between the z-scores of the {p} context variables (each standardised "
        "over every kecamatan with a value that year). Only kecamatan with all of them take part. Row 0 is the "
        "kecamatan you chose.",
    ),
    "compare.peer_method.pairwise": (
        "Jarak = jarak Euclid antara skor-z dari {p} variabel konteks, memakai variabel yang terisi di kedua "
        "kecamatan dan diskalakan ulang ke {p} variabel (sedikitnya separuh harus terisi). Kolom *Variabel "
        "dipakai* menunjukkan berapa. Baris 0 adalah kecamatan pilihan Anda.",
        "Distance = the Euclidean distance between the z-scores of the {p} context variables, using those both "
        "kecamatan have and scaled back up to {p} (at least half must be there). The *Variables used* column "
        "shows how many. Row 0 is the kecamatan you chose.",
    ),
    "compare.peer_none": (
        "Tidak ada pembanding: kecamatan ini atau kecamatan lain tidak punya nilai variabel konteks pada {year}. "
        "Coba variabel lain atau pilihan *Pakai yang tersedia*.",
        "No peers found: this kecamatan, or the others, have no values for the context variables in {year}. "
        "Try other variables or *Use what is available*.",
    ),
    "compare.peer_show": ("Bandingkan berdampingan", "Compare them side by side"),
    # before/after
    "compare.did_indicator": ("Indikator", "Indicator"),
    "compare.did_pre": ("Periode sebelum", "Before period"),
    "compare.did_post": ("Periode sesudah", "After period"),
    "compare.did_order": (
        "Periode sebelum harus berakhir sebelum periode sesudah dimulai.",
        "The before period must end before the after period starts.",
    ),
    "compare.trends_title": ("Rata-rata kelompok per tahun", "Group means by year"),
    "compare.trends_caption": (
        "Periksa dulu tren sebelum: perkiraan selisih-dalam-selisih hanya masuk akal jika kedua garis bergerak "
        "sejajar pada periode sebelum.",
        "Check the pre-trends first: a difference-in-differences estimate only makes sense if the two lines move "
        "in parallel during the before period.",
    ),
    "compare.trends_table": ("Rata-rata kelompok sebagai tabel", "Group means as a table"),
    "compare.did_no_data": (
        "Tidak cukup data: kedua kelompok perlu kecamatan dengan nilai di kedua periode (sedikitnya tiga "
        "kab/kota seluruhnya).",
        "Not enough data: both groups need kecamatan with values in both periods (at least three "
        "regencies/cities in all).",
    ),
    "compare.did_title": ("Selisih dalam selisih", "Difference in differences"),
    "compare.did_few": (
        "**Hanya {treated} kab/kota di kelompok fokus (dan {control} pembanding).** Dengan kurang dari {few} "
        "klaster di satu kelompok, interval *cluster-robust* (CR1) biasanya terlalu sempit. Bootstrap klaster liar "
        "terbatas (*wild cluster restricted*) lebih dapat dipercaya, tetapi dengan klaster sesedikit ini pun bisa "
        "meleset, dan uji plasebo menganggap kab/kota dipilih secara acak. Anggap ketiganya sebagai petunjuk "
        "kasar, bukan bukti.",
        "**Only {treated} regencies/cities in the focus group (and {control} in the comparison).** With fewer "
        "than {few} clusters in a group, the cluster-robust (CR1) interval is usually too narrow. The wild "
        "cluster restricted bootstrap is more trustworthy, but with this few clusters it can still be off, and "
        "the placebo check assumes the regencies/cities were picked at random. Treat all three as rough guides, "
        "not proof.",
    ),
    "compare.did_caveat": (
        "**Cara membaca.** Selisih ini bukan dampak program yang terbukti. Kab/kota dampingan tidak dipilih "
        "secara acak (seleksi), perkiraan ini mengandaikan kedua kelompok akan berubah sejajar tanpa program "
        "(tren sejajar — periksa grafik di atas), dan program lain bisa berjalan bersamaan. Setiap kecamatan "
        "berbobot sama; interval dikelompokkan per kab/kota. Dengan data demo, angka ini tidak bermakna apa pun. "
        "Metode lengkap: docs/COMPARE_METHOD.md.",
        "**How to read this.** This gap is not a proven programme effect. The assisted regencies were not "
        "picked at random (selection), the estimate assumes both groups would have changed in parallel without "
        "the programme (parallel trends — check the chart above), and other programmes may have run at the "
        "same time. Every kecamatan counts equally; intervals are clustered by regency/city. With demo data "
        "the numbers mean nothing at all. Full method: docs/COMPARE_METHOD.md.",
    ),
    "compare.did.pre_band": ("sebelum", "before"),
    "compare.did.post_band": ("sesudah", "after"),
    "compare.did.method.cr1": ("Interval {pct}% cluster-robust CR1 (t, df = {df})", "{pct}% cluster-robust interval, CR1 (t, df = {df})"),
    "compare.did.method.wild": (
        "Interval {pct}% bootstrap klaster liar terbatas (bobot Webb, {reps} ulangan)",
        "{pct}% wild cluster restricted bootstrap interval (Webb weights, {reps} replications)",
    ),
    "compare.did.method.placebo": (
        "Uji plasebo: {n} cara memilih kab/kota sebanyak kelompok fokus",
        "Placebo check: {n} ways to pick as many regencies/cities as the focus group",
    ),
    "compare.did.reading_up": (
        "Dari {pre} ke {post}, kecamatan *{a}* naik {size} {unit} relatif terhadap kecamatan *{b}* "
        "(selisih dalam selisih: **{estimate}**).",
        "Between {pre} and {post}, the kecamatan of *{a}* went up by {size} {unit} relative to those of *{b}* "
        "(difference in differences: **{estimate}**).",
    ),
    "compare.did.reading_down": (
        "Dari {pre} ke {post}, kecamatan *{a}* turun {size} {unit} relatif terhadap kecamatan *{b}* "
        "(selisih dalam selisih: **{estimate}**).",
        "Between {pre} and {post}, the kecamatan of *{a}* went down by {size} {unit} relative to those of *{b}* "
        "(difference in differences: **{estimate}**).",
    ),
    "compare.percentage_points": ("poin persen", "percentage points"),
    "compare.did.favours_a": (
        "Indikator ini {direction}, jadi selisih ini menguntungkan *{a}*.",
        "For this indicator {direction}, so the gap favours *{a}*.",
    ),
    "compare.did.favours_b": (
        "Indikator ini {direction}, jadi selisih ini menguntungkan *{b}*.",
        "For this indicator {direction}, so the gap favours *{b}*.",
    ),
    "compare.did.interval": (
        "Interval {pct}% (bootstrap klaster liar): {low} sampai {high}.",
        "{pct}% interval (wild cluster bootstrap): {low} to {high}.",
    ),
    "compare.did.covers_zero": (
        "Interval ini mencakup nol: data tidak dapat membedakan selisih ini dari tidak ada selisih.",
        "The interval includes zero: the data cannot tell this gap apart from no gap at all.",
    ),
    "compare.did.excludes_zero": (
        "Interval ini tidak mencakup nol, tetapi baca catatan di bawah sebelum menyimpulkan apa pun.",
        "The interval excludes zero, but read the notes below before concluding anything.",
    ),
    # units of the catalog, for English readers (an unknown unit is shown as the catalog has it)
    "compare.unit.anak": ("anak", "children"),
    "compare.unit.anak_per_sekolah": ("anak per sekolah", "children per school"),
    "compare.unit.balita": ("balita", "children under five"),
    "compare.unit.balita_per_posyandu": ("balita per posyandu", "children under five per posyandu"),
    "compare.unit.jiwa": ("jiwa", "people"),
    "compare.unit.kelahiran": ("kelahiran", "births"),
    "compare.unit.kelahiran_per_titik": ("kelahiran per titik", "births per service point"),
    "compare.unit.rumah_tangga": ("rumah tangga", "households"),
    "compare.unit.rumah_tangga_per_pos": ("rumah tangga per pos", "households per health post"),
    "compare.unit.titik_layanan": ("titik layanan", "service points"),
    "compare.unit.unit": ("unit", "units"),
    "compare.unit.desa": ("desa", "villages"),
    "compare.unit.hari": ("hari", "days"),
    "compare.unit.indeks_0_1": ("indeks 0-1", "index 0-1"),
    "compare.unit.inovasi": ("inovasi", "innovations"),
    "compare.unit.jam": ("jam", "hours"),
    "compare.unit.layanan_pegawai": ("layanan/pegawai", "services per staff member"),
    "compare.unit.rapat_tahun": ("rapat/tahun", "meetings per year"),
    "compare.unit.ribu_rp": ("ribu Rp", "thousand Rp"),
    "compare.unit.skor_0_100": ("skor 0-100", "score 0-100"),
    # table columns (also the CSV headers)
    "compare.col.indicator": ("Indikator", "Indicator"),
    "compare.col.unit_measure": ("Satuan", "Unit"),
    "compare.col.direction": ("Arah", "Direction"),
    "compare.col.year": ("Tahun", "Year"),
    "compare.col.unit": ("Wilayah/kelompok", "Region/group"),
    "compare.col.value": ("Nilai", "Value"),
    "compare.col.rank": ("Peringkat", "Rank"),
    "compare.col.ranked": ("Dari", "Out of"),
    "compare.col.median": ("Median provinsi", "Province median"),
    "compare.col.kecamatan_n": ("Kecamatan bernilai", "Kecamatan with a value"),
    "compare.col.status": ("Status", "Status"),
    "compare.col.peer_rank": ("Urutan", "Order"),
    "compare.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "compare.col.code": ("Kode", "Code"),
    "compare.col.distance": ("Jarak", "Distance"),
    "compare.col.used": ("Variabel dipakai", "Variables used"),
    "compare.col.group": ("Kelompok", "Group"),
    "compare.col.mean": ("Rata-rata", "Mean"),
    "compare.col.method": ("Metode", "Method"),
    "compare.col.estimate": ("Perkiraan", "Estimate"),
    "compare.col.low": ("Batas bawah", "Lower bound"),
    "compare.col.high": ("Batas atas", "Upper bound"),
    "compare.col.p_value": ("Nilai p (selisih = 0)", "p-value (gap = 0)"),
    "compare.col.pre": ("Sebelum", "Before"),
    "compare.col.post": ("Sesudah", "After"),
    "compare.col.treated": ("Kelompok fokus", "Focus group"),
    "compare.col.control": ("Kelompok pembanding", "Comparison group"),
}
