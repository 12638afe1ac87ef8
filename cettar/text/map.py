"""Strings of the Peta Kinerja page (the map), its legend, tooltips and region profile."""

STRINGS = {
    "nav.map": ("Peta Kinerja", "Performance Map"),
    "map.title": ("Peta Kinerja", "Performance Map"),
    "map.intro": (
        "Indikator per kabupaten/kota, kecamatan atau desa. Klik kab/kota untuk melihat kecamatannya, "
        "klik wilayah untuk membuka profilnya. Warna hangat = kinerja lebih buruk.",
        "Indicators by regency/city, kecamatan or village. Click a regency/city to see its kecamatan, "
        "click a region to open its profile. Warm colours = worse performance.",
    ),
    "map.no_indicators": (
        "Belum ada nilai indikator di basis data. Impor dengan `cettar import indicators FILE`.",
        "There are no indicator values in the database yet. Import them with `cettar import indicators FILE`.",
    ),
    # controls
    "map.indicator": ("Indikator", "Indicator"),
    "map.level": ("Tingkat wilayah", "Region level"),
    "map.level.kabkota": ("kab/kota", "regency/city"),
    "map.level.kecamatan": ("kecamatan", "kecamatan"),
    "map.level.desa": ("desa", "village"),
    "map.layer": ("Lapisan", "Layer"),
    "map.layer.values": ("Nilai", "Values"),
    "map.layer.hotspots": ("Hot spot (Moran lokal)", "Hot spots (local Moran)"),
    "map.scheme": ("Klasifikasi", "Classification"),
    "map.scheme.quantiles": ("Kuantil", "Quantiles"),
    "map.scheme.natural_breaks": ("Natural breaks (Fisher-Jenks)", "Natural breaks (Fisher-Jenks)"),
    "map.scheme.equal_interval": ("Interval sama", "Equal interval"),
    "map.scheme.manual": ("Batas manual", "Manual breaks"),
    "map.scheme_status": (
        "Indikator status: kelas resmi dari katalog indikator.",
        "Status indicator: the official classes of the indicator catalog.",
    ),
    "map.classes": ("Jumlah kelas", "Number of classes"),
    "map.breaks": ("Batas kelas (pisahkan dengan ;)", "Class breaks (separate with ;)"),
    "map.breaks_help": ("Contoh: 40; 55,5; 70", "Example: 40; 55.5; 70"),
    "map.breaks_bad": (
        "Batas kelas tidak terbaca ({reason}); kuantil dipakai.",
        "Could not read the class breaks ({reason}); quantiles are used instead.",
    ),
    "map.renderer": ("Peta digambar dengan", "Drawn with"),
    "map.renderer.plotly": ("Plotly", "Plotly"),
    "map.renderer.folium": ("Leaflet (folium)", "Leaflet (folium)"),
    "map.view": ("Tampilan", "View"),
    "map.view.geo": ("Batas wilayah", "Boundaries"),
    "map.view.tiles": ("Peta petak (skematis)", "Tile map (schematic)"),
    "map.basemap": ("Peta dasar OpenStreetMap (perlu internet)", "OpenStreetMap basemap (needs internet)"),
    "map.back": ("← Seluruh Jawa Timur", "← All of East Java"),
    "map.scope_caption": ("Kecamatan di {name}.", "Kecamatan of {name}."),
    "map.pick": ("Profil wilayah", "Region profile"),
    "map.pick_none": ("— pilih wilayah atau klik peta —", "— choose a region or click the map —"),
    # notices
    "map.no_period": (
        "{name}: tidak ada nilai untuk {year}. Periode dengan data: {periods}.",
        "{name}: no values for {year}. Periods with data: {periods}.",
    ),
    "map.show_period": ("Tampilkan {period}", "Show {period}"),
    "map.no_desa_data": (
        "Belum ada data desa untuk indikator ini. Nilai desa (misalnya IDM) masuk lewat "
        "`cettar import idm FILE`; pilih tingkat kecamatan atau kab/kota.",
        "There are no village values for this indicator yet. Village values (such as the IDM) come in "
        "with `cettar import idm FILE`; choose the kecamatan or regency/city level.",
    ),
    "map.desa_needs_scope": (
        "Peta desa digambar per kab/kota: pilih satu kab/kota (filter Wilayah atau klik peta kab/kota).",
        "The village map is drawn one regency/city at a time: choose one (the Area filter, or click the regency/city map).",
    ),
    "map.tiles_notice": (
        "**Peta petak skematis**, bukan peta geografis: setiap kab/kota satu petak yang disusun mirip letaknya, "
        "setiap {child} satu sel yang sama besar. Batas wilayah {level} belum diimpor. Untuk peta geografis jalankan "
        "`cettar geodata download` (perlu internet) atau `cettar geodata import FILE --level {level_code}`.",
        "**Schematic tile map**, not a geographic map: every regency/city is a tile placed roughly where it lies, "
        "every {child} an equal cell. No {level} boundaries have been imported. For a geographic map run "
        "`cettar geodata download` (needs internet) or `cettar geodata import FILE --level {level_code}`.",
    ),
    "map.tiles_caption": (
        "Peta petak skematis: setiap wilayah sama besar, sehingga kota kecil terlihat sejelas kabupaten luas.",
        "Schematic tile map: every region has the same size, so a small city shows as clearly as a large regency.",
    ),
    "map.missing_shapes": (
        "{n} wilayah tanpa batas di berkas batas yang diimpor tidak tergambar.",
        "{n} regions without a boundary in the imported boundary file are not drawn.",
    ),
    "map.basemap_note": (
        "Peta dasar memuat ubin dari openstreetmap.org (© kontributor OpenStreetMap); tanpa internet ubin tidak tampil.",
        "The basemap loads tiles from openstreetmap.org (© OpenStreetMap contributors); without internet no tiles appear.",
    ),
    # legend, tooltips, notes
    "map.no_data": ("Tidak ada data", "No data"),
    "map.legend.hotspots": ("Hot spot: {name}", "Hot spots: {name}"),
    "map.tip.rank": ("Peringkat {rank} dari {n}", "Rank {rank} of {n}"),
    "map.tip.period": ("Periode {period}", "Period {period}"),
    "map.tip.source": ("Sumber: {source}", "Source: {source}"),
    "map.tip.demo": ("DEMO, bukan data resmi", "DEMO, not official data"),
    "map.rank_note": (
        "Peringkat 1 = terbaik menurut arah indikator ({direction}), di antara wilayah bernilai pada peta ini.",
        "Rank 1 = best by the indicator's direction ({direction}), among the regions with a value on this map.",
    ),
    "map.note.rolled_up": (
        "Nilai {level} dihitung dari {source} dengan aturan katalog ({method}): {values} nilai dari {units} {source}.",
        "{level} values are computed from the {source} values by the catalog's rule ({method}): {values} values of {units} {source}.",
    ),
    "map.method.mean": ("rata-rata", "mean"),
    "map.method.sum": ("jumlah", "sum"),
    "map.method.max": ("maksimum", "maximum"),
    "map.note.status_of_mean": (
        "Ambang status resmi berlaku untuk desa; warna {level} menunjukkan status dari nilai rata-ratanya.",
        "The official status thresholds apply to villages; a {level}'s colour shows the status of its mean value.",
    ),
    "map.note.demo": (
        "Nilai ini DEMO (dibangkitkan komputer), bukan data resmi.",
        "These values are DEMO (computer-generated), not official data.",
    ),
    # hot spots
    "map.cluster.hh": ("Tinggi dikelilingi tinggi", "High among high"),
    "map.cluster.ll": ("Rendah dikelilingi rendah", "Low among low"),
    "map.cluster.hl": ("Pencilan tinggi di antara rendah", "High outlier among low"),
    "map.cluster.lh": ("Pencilan rendah di antara tinggi", "Low outlier among high"),
    "map.cluster.ns": ("Tidak signifikan", "Not significant"),
    "map.cluster.good": ("baik", "good"),
    "map.cluster.poor": ("buruk", "poor"),
    "map.hot.caption": (
        "Moran lokal (LISA, PySAL esda) atas {n} wilayah bernilai; tetangga = ketersinggungan queen dari {weights}; "
        "signifikansi dengan {permutations} permutasi acak bersyarat (benih tetap), α = {alpha}. "
        "{islands} wilayah tanpa tetangga dihubungkan ke wilayah terdekat.",
        "Local Moran (LISA, PySAL esda) over {n} regions with a value; neighbours = queen contiguity from {weights}; "
        "significance by {permutations} conditional random permutations (fixed seed), α = {alpha}. "
        "{islands} regions without a neighbour are linked to their nearest region.",
    ),
    "map.hot.weights.geo": ("batas wilayah", "the boundaries"),
    "map.hot.weights.tiles": ("susunan petak skematis", "the schematic tile layout"),
    "map.hot.too_few": (
        "Hot spot perlu sedikitnya {minimum} wilayah bernilai; peta ini punya {n}.",
        "Hot spots need at least {minimum} regions with a value; this map has {n}.",
    ),
    "map.hot.constant": (
        "Semua nilai sama: tidak ada klaster untuk dicari.",
        "All values are equal: there are no clusters to find.",
    ),
    # profile
    "map.profile_title": ("Profil: {name}", "Profile: {name}"),
    "map.profile_kabkota": ("{type} di {kabkota}", "{type} in {kabkota}"),
    "map.profile_value": ("{name} ({period})", "{name} ({period})"),
    "map.profile_rank_province": ("Peringkat di provinsi", "Rank in the province"),
    "map.profile_rank_kabkota": ("Peringkat di kab/kota", "Rank in the regency/city"),
    "map.profile_drill": ("Lihat kecamatan di {name}", "Show the kecamatan of {name}"),
    "map.profile_trend": ("Tren {name}", "Trend of {name}"),
    "map.profile_region": ("{name}", "{name}"),
    "map.profile_kab_median": ("Median kab/kota", "Regency/city median"),
    "map.profile_prov_median": ("Median provinsi", "Province median"),
    "map.profile_indicators": ("Semua indikator, {period}", "Every indicator, {period}"),
    "map.profile_indicators_caption": (
        "Median kab/kota = median {peers} di kab/kota yang sama; median provinsi = median {level} se-Jawa Timur.",
        "Regency/city median = median of the {peers} in the same regency/city; province median = median of every {level} in East Java.",
    ),
    "map.col.indicator": ("Indikator", "Indicator"),
    "map.col.unit": ("Satuan", "Unit"),
    "map.col.value": ("Nilai", "Value"),
    "map.col.kabkota_median": ("Median kab/kota", "Regency/city median"),
    "map.col.province_median": ("Median provinsi", "Province median"),
    "map.col.compared": ("Dibanding median provinsi", "Against the province median"),
    "map.col.rank": ("Peringkat di provinsi", "Rank in the province"),
    "map.col.demo": ("Data", "Data"),
    "map.compared.better": ("▲ lebih baik", "▲ better"),
    "map.compared.worse": ("▼ lebih buruk", "▼ worse"),
    "map.compared.equal": ("= sama", "= equal"),
    "map.profile_awards": ("Penghargaan", "Awards"),
    "map.profile_no_awards": ("Belum ada penghargaan tercatat untuk wilayah ini.", "No awards recorded for this region yet."),
    "map.awards_kabkota": ("Penghargaan {name}", "Awards of {name}"),
    "map.col.year": ("Tahun", "Year"),
    "map.col.award": ("Penghargaan", "Award"),
    "map.col.recipient": ("Penerima", "Recipient"),
    "map.col.innovation": ("Inovasi", "Innovation"),
    "map.col.source": ("Sumber", "Source"),
    "map.profile_ppkm": ("Riwayat PPKM {name}", "PPKM history of {name}"),
    "map.profile_no_ppkm": ("Belum ada level PPKM tercatat untuk kab/kota ini.", "No PPKM level recorded for this regency/city."),
    "map.ppkm_level": ("Level PPKM", "PPKM level"),
    "map.col.inmendagri": ("Inmendagri", "Inmendagri"),
    "map.col.valid": ("Berlaku", "Valid"),
    "map.col.level": ("Level", "Level"),
    "map.col.evidence": ("Bukti", "Evidence"),
}
