"""Strings of the Indeks CETTAR page."""

STRINGS = {
    "nav.index": ("Indeks CETTAR", "CETTAR Index"),
    "index.title": ("Indeks CETTAR", "CETTAR Index"),
    "index.intro": (
        "Indeks komposit yang transparan: setiap indikator kinerja kecamatan dinormalisasi 0–100 sesuai arahnya, "
        "digabung menjadi lima skor pilar (Cepat, Efektif-Efisien, Tanggap, Transparan, Responsif), lalu menjadi "
        "satu skor 0–100. Metode dan bobot dibaca dari satu berkas konfigurasi berversi dan ditampilkan apa adanya.",
        "A transparent composite index: each kecamatan performance indicator is normalised to 0–100 by its "
        "direction, combined into five pillar scores (Fast, Effective-Efficient, Attentive, Transparent, "
        "Responsive), then into one 0–100 score. Method and weights are read from one versioned configuration "
        "file and shown as they are.",
    ),
    "index.config_error": (
        "Konfigurasi indeks `data/cettar_index.toml` tidak dapat dipakai: {error}",
        "The index configuration `data/cettar_index.toml` cannot be used: {error}",
    ),
    "index.no_year": ("Belum ada nilai indikator pilar untuk tahun {year}.", "No pillar indicator values for {year} yet."),
    "index.status_demo": (
        "**INDEKS DEMO.** Indeks {year} dihitung dari nilai indikator DEMO (dibangkitkan komputer), jadi skor, "
        "peringkat dan unduhan di halaman ini juga DEMO, bukan penilaian resmi.",
        "**DEMO INDEX.** The {year} index is computed from DEMO indicator values (computer-generated), so the "
        "scores, ranks and downloads on this page are DEMO too, not an official assessment.",
    ),
    "index.status_compiled": (
        "Indeks {year} memakai sebagian data *dihimpun* (bukan terbitan resmi); statusnya *dihimpun*.",
        "The {year} index uses some *compiled* data (not officially published); its status is *compiled*.",
    ),
    "index.stale": (
        "Indeks yang tersimpan untuk peta dan profil dihitung dengan konfigurasi {stored}; halaman ini memakai "
        "{shown}. Jalankan `cettar build` agar keduanya sama.",
        "The index stored for maps and profiles was computed with configuration {stored}; this page uses "
        "{shown}. Run `cettar build` to bring them in line.",
    ),
    # methodology
    "index.method_title": ("Metodologi", "Methodology"),
    "index.method_minmax": (
        "**Normalisasi min-maks.** Per tahun, setiap indikator menjadi skor 0–100: nilai terbaik di antara "
        "kecamatan mendapat 100, terburuk 0, sisanya sebanding: skor = 100 × (x − min) / (maks − min); untuk "
        "indikator *makin rendah makin baik* (misalnya waktu layanan) skor = 100 × (maks − x) / (maks − min).",
        "**Min-max normalisation.** Per year, each indicator becomes a 0–100 score: the best value among "
        "kecamatan gets 100, the worst 0, the rest in proportion: score = 100 × (x − min) / (max − min); for "
        "*lower is better* indicators (such as service time) score = 100 × (max − x) / (max − min).",
    ),
    "index.method_zscore": (
        "**Skor-z dengan winsorisasi.** Per tahun, nilai di bawah persentil ke-{low} dan di atas persentil ke-{high} "
        "dipangkas ke persentil itu agar pencilan tidak mendominasi; z = (x − rata-rata) / simpangan baku, tandanya "
        "dibalik untuk indikator *makin rendah makin baik*; skor = 50 + z × 50/3, dibatasi 0–100 (50 = rata-rata provinsi).",
        "**Z-score with winsorising.** Per year, values below the {low}th and above the {high}th percentile are "
        "set to that percentile so that outliers do not dominate; z = (x − mean) / standard deviation, sign "
        "flipped for *lower is better* indicators; score = 50 + z × 50/3, capped to 0–100 (50 = province mean).",
    ),
    "index.method_used": ("Dipakai: `{method}`. Tersedia juga: `{other}`.", "In use: `{method}`. Also available: `{other}`."),
    "index.aggregation": (
        "**Pilar dan indeks.** Skor pilar = rata-rata tertimbang skor indikatornya; Indeks CETTAR = rata-rata "
        "tertimbang kelima skor pilar (0–100). Bobot relatif di konfigurasi dinormalisasi; tabel menunjukkan "
        "bobot dalam pilar dan bobot efektif setiap indikator dalam indeks.",
        "**Pillars and index.** A pillar score = weighted mean of its indicator scores; the CETTAR Index = "
        "weighted mean of the five pillar scores (0–100). The relative weights of the configuration are "
        "normalised; the table shows each indicator's weight within its pillar and its effective weight in the index.",
    ),
    "index.coverage_rule": (
        "**Data yang kurang.** Pilar diberi skor hanya bila indikator yang bernilai mencakup sekurang-kurangnya "
        "{pillar} bobot pilar itu (bobot dibagi ulang di antara indikator yang ada); indeks diberi skor hanya "
        "bila pilar yang bernilai mencakup sekurang-kurangnya {overall} bobot pilar. Kecamatan lain tidak diberi "
        "skor, bukan skor yang diam-diam bias; alasannya ada di tabel di bawah.",
        "**Missing data.** A pillar gets a score only when the indicators with a value carry at least {pillar} "
        "of its weight (weights are renormalised over those present); the index gets a score only when the "
        "pillars with a score carry at least {overall} of the pillar weight. Other kecamatan get no score "
        "rather than a silently biased one; the table below says why.",
    ),
    "index.reference_period": (
        "**Antartahun.** Skala setiap indikator ditetapkan per tahun, jadi skor dan peringkat membandingkan "
        "kecamatan dalam tahun yang sama. Skor 70 pada 2019 dan 70 pada 2024 tidak berarti kinerja yang sama: "
        "kenaikan skor bukan bukti perbaikan mutlak; bandingkan peringkat atau nilai indikator aslinya.",
        "**Across years.** Each indicator's scale is set per year, so scores and ranks compare kecamatan within "
        "the same year. A 70 in 2019 and a 70 in 2024 do not mean the same performance: a rising score is no "
        "proof of absolute improvement; compare ranks or the raw indicator values.",
    ),
    "index.reference_pooled": (
        "**Antartahun.** Skala setiap indikator ditetapkan dari semua tahun sekaligus, jadi skor dapat "
        "dibandingkan antartahun selama konfigurasi dan daftar indikator tetap; tahun baru mengubah skor tahun lama.",
        "**Across years.** Each indicator's scale is set from all years together, so scores are comparable "
        "across years as long as the configuration and indicator list stay the same; a new year changes old scores.",
    ),
    "index.ties": (
        "**Peringkat.** Memakai skor yang dibulatkan ke {decimals} desimal (seperti ditampilkan); skor sama "
        "mendapat peringkat sama dan peringkat berikutnya dilompati (1, 2, 2, 4).",
        "**Ranks.** Use the score rounded to {decimals} decimal(s) (as shown); equal scores share a rank and "
        "the next rank is skipped (1, 2, 2, 4).",
    ),
    "index.status_rule": (
        "**Status.** Indeks suatu tahun berstatus *demo* bila satu saja masukannya demo (normalisasi memakai "
        "nilai semua kecamatan), *dihimpun* bila ada masukan dihimpun, dan *resmi* hanya bila semua masukan resmi. "
        "Indeks disimpan sebagai indikator `indeks_cettar` dan `indeks_pilar_*` untuk peta dan profil.",
        "**Status.** A year's index is *demo* when any one of its inputs is demo (normalisation uses every "
        "kecamatan's values), *compiled* when any input is compiled, and *official* only when all inputs are "
        "official. The index is stored as the indicators `indeks_cettar` and `indeks_pilar_*` for maps and profiles.",
    ),
    "index.config_caption": (
        "Konfigurasi `data/cettar_index.toml`, versi {version}. Cakupan = kecamatan bernilai pada {year}, dari {total}.",
        "Configuration `data/cettar_index.toml`, version {version}. Coverage = kecamatan with a value in {year}, of {total}.",
    ),
    "index.weights_title": ("Bobot dan indikator per pilar", "Weights and indicators per pillar"),
    "index.unscored_title": ("Kecamatan tanpa skor {year}: {n}", "Kecamatan without a score in {year}: {n}"),
    "index.gap": ("{pillar}: {have} dari {total} indikator", "{pillar}: {have} of {total} indicators"),
    "index.no_values": ("tidak ada nilai indikator", "no indicator values"),
    # ranking
    "index.ranking_title": ("Peringkat {year}{tag}", "Ranking {year}{tag}"),
    "index.ranking_caption": (
        "Peringkat provinsi dihitung di antara semua kecamatan Jawa Timur yang diberi skor; peringkat wilayah "
        "di antara kecamatan dalam filter wilayah.",
        "The province rank is among all scored kecamatan of East Java; the area rank among the kecamatan in the area filter.",
    ),
    # sensitivity
    "index.sensitivity_title": ("Sensitivitas bobot{tag}", "Weight sensitivity{tag}"),
    "index.sensitivity_intro": (
        "Geser bobot relatif pilar dan lihat bagaimana peringkat provinsi berubah (indikator dan kelayakan skor tetap). "
        "Bobot sekarang: {shares}.",
        "Move the relative pillar weights and see how the province ranks change (indicators and who has a score stay "
        "the same). Weights now: {shares}.",
    ),
    "index.no_weight": ("Beri bobot pada sekurang-kurangnya satu pilar.", "Give at least one pillar a weight."),
    "index.moved": ("Kecamatan yang berpindah peringkat", "Kecamatan that changed rank"),
    "index.max_shift": ("Pergeseran terbesar", "Largest shift"),
    "index.shift_chart": ("Pergeseran peringkat terbesar (+ = naik)", "Largest rank shifts (+ = up)"),
    # monte carlo
    "index.mc_title": ("Seberapa kokoh peringkatnya?{tag}", "How robust are the ranks?{tag}"),
    "index.mc_intro": (
        "{draws} undian bobot acak (setiap bobot pilar dan indikator dikali faktor antara {low_factor} dan "
        "{high_factor}, benih {seed}) memberi setiap kecamatan rentang peringkat (persentil ke-{low} sampai "
        "ke-{high}). *Kokoh* di {share} teratas berarti ujung terburuk rentangnya pun masih di {share} teratas; "
        "*tampak* berarti peringkatnya di {share} teratas tetapi rentangnya keluar dari situ.",
        "{draws} draws of random weights (each pillar and indicator weight multiplied by a factor between "
        "{low_factor} and {high_factor}, seed {seed}) give each kecamatan a rank interval ({low}th to {high}th "
        "percentile). *Robustly* in the top {share} means even the worst end of its interval is in the top "
        "{share}; *looks* means it is ranked in the top {share} but its interval leaves it.",
    ),
    "index.mc_chart": ("Peringkat dan rentangnya", "Rank and its interval"),
    "index.group.robust_top": ("kokoh di {share} teratas", "robustly in the top {share}"),
    "index.group.looks_top": ("tampak di {share} teratas (tidak kokoh)", "looks top {share} (not robust)"),
    "index.group.robust_bottom": ("kokoh di {share} terbawah", "robustly in the bottom {share}"),
    "index.group.looks_bottom": ("tampak di {share} terbawah (tidak kokoh)", "looks bottom {share} (not robust)"),
    "index.group.none": ("di tengah", "in between"),
    # columns
    "index.col.pillar": ("Pilar", "Pillar"),
    "index.col.pillar_weight": ("Bobot pilar", "Pillar weight"),
    "index.col.indicator": ("Indikator", "Indicator"),
    "index.col.direction": ("Arah", "Direction"),
    "index.col.indicator_weight": ("Bobot dalam pilar", "Weight in pillar"),
    "index.col.index_weight": ("Bobot dalam indeks", "Weight in index"),
    "index.col.sources": ("Sumber", "Sources"),
    "index.col.coverage": ("Cakupan", "Coverage"),
    "index.col.status": ("Status data", "Data status"),
    "index.col.rank": ("Peringkat provinsi", "Province rank"),
    "index.col.rank_area": ("Peringkat wilayah", "Area rank"),
    "index.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "index.col.kabkota": ("Kab/kota", "Kab/kota"),
    "index.col.score": ("Indeks CETTAR", "CETTAR Index"),
    "index.col.indicators": ("Indikator bernilai", "Indicators with a value"),
    "index.col.reason": ("Mengapa tanpa skor", "Why no score"),
    "index.col.new_rank": ("Peringkat baru", "New rank"),
    "index.col.new_score": ("Skor baru", "New score"),
    "index.col.shift": ("Pergeseran", "Shift"),
    "index.col.low": ("Rentang dari", "Interval from"),
    "index.col.median": ("Median", "Median"),
    "index.col.high": ("Rentang sampai", "Interval to"),
    "index.col.share_top": ("Peluang di {share} teratas", "Chance of top {share}"),
    "index.col.share_bottom": ("Peluang di {share} terbawah", "Chance of bottom {share}"),
    "index.col.group": ("Kelompok", "Group"),
}
