"""Strings of the Inovasi & Penghargaan page, and the label and grain of the replication table."""

STRINGS = {
    "nav.awards": ("Inovasi & Penghargaan", "Innovation & Awards"),
    "table.replication": ("Replikasi inovasi", "Innovation replications"),
    "grain.replication": ("inovasi × wilayah pengadopsi", "innovation × adopting region"),
    "awards.title": ("Inovasi & Penghargaan", "Innovation & Awards"),
    "awards.intro": (
        "Siapa meraih penghargaan apa, kapan, dan untuk inovasi apa: penghargaan Kecamatan CETTAR di Forum "
        "Inspirasi Jawa Timur (23 September 2021), KIPP, IGA, lomba kecamatan (SP2K, SKK) dan LPPD. Setiap "
        "penghargaan membawa sumbernya. Satu penghargaan untuk satu penerima dihitung sekali, berapa pun "
        "inovasi yang disebut.",
        "Who won which award, when, and for which innovation: the Kecamatan CETTAR awards at the Forum "
        "Inspirasi Jawa Timur (23 September 2021), KIPP, IGA, the kecamatan contests (SP2K, SKK) and LPPD. "
        "Every award carries its source. One award to one recipient counts once, however many innovations "
        "it cites.",
    ),
    "awards.no_awards": (
        "Belum ada penghargaan di basis data. Impor dengan `cettar import awards FILE`.",
        "There are no awards in the database yet. Import them with `cettar import awards FILE`.",
    ),
    # filters
    "awards.years": ("Rentang tahun penghargaan", "Award years"),
    "awards.series": ("Penghargaan", "Award"),
    "awards.all": ("Semua", "All"),
    "awards.level": ("Tingkat penerima", "Recipient level"),
    "awards.level.provinsi": ("provinsi", "province"),
    "awards.level.kabkota": ("kab/kota", "regency/city"),
    "awards.level.kecamatan": ("kecamatan", "kecamatan"),
    "awards.level.desa": ("desa/kelurahan", "village"),
    "awards.level.opd": ("OPD provinsi", "provincial agency (OPD)"),
    "awards.region": ("Kab/kota penerima (termasuk kecamatannya)", "Recipient regency/city (with its kecamatan)"),
    "awards.all_regions": ("Seluruh Jawa Timur", "All of East Java"),
    "awards.kompak": ("Program KOMPAK", "KOMPAK programme"),
    "awards.kompak.all": ("semua", "all"),
    "awards.kompak.kompak": ("kab/kota KOMPAK", "KOMPAK districts"),
    "awards.kompak.non_kompak": ("kab/kota lain", "other districts"),
    "awards.shared_scope": (
        "Menampilkan {name} (filter Wilayah di sidebar). Pilih kab/kota di atas untuk melihat yang lain.",
        "Showing {name} (the Area filter in the sidebar). Choose regencies/cities above to see others.",
    ),
    "awards.series.forum_inspirasi": ("Kecamatan CETTAR (Forum Inspirasi)", "Kecamatan CETTAR (Forum Inspirasi)"),
    "awards.series.kipp_jatim": ("KIPP/Kovablik Jawa Timur", "KIPP/Kovablik East Java"),
    "awards.series.kipp": ("KIPP KemenPAN-RB", "KIPP (Ministry PAN-RB)"),
    "awards.series.iga": ("Innovative Government Award (IGA)", "Innovative Government Award (IGA)"),
    "awards.series.sp2k": ("SP2K (lomba kecamatan)", "SP2K (kecamatan contest)"),
    "awards.series.skk": ("SKK (lomba kinerja kecamatan)", "SKK (kecamatan performance contest)"),
    "awards.series.lppd": ("LPPD/EKPPD", "LPPD/EKPPD"),
    "awards.metric.awards": ("Penghargaan", "Awards"),
    "awards.metric.recipients": ("Penerima", "Recipients"),
    "awards.metric.kabkota": ("Kab/kota", "Regencies/cities"),
    "awards.metric.kecamatan": ("Kecamatan pemenang", "Winning kecamatan"),
    "awards.none_match": ("Tidak ada penghargaan yang cocok dengan filter.", "No award matches the filters."),
    # timeline
    "awards.timeline_title": ("Linimasa penghargaan", "Award timeline"),
    "awards.timeline_unit": ("penghargaan", "award(s)"),
    "awards.timeline_year": ("Tahun", "Year"),
    # map
    "awards.map_title": ("Peta penghargaan", "Award map"),
    "awards.map_level": ("Peta per", "Map by"),
    "awards.map_level.kabkota": ("kab/kota", "regency/city"),
    "awards.map_level.kecamatan": ("kecamatan", "kecamatan"),
    "awards.view": ("Tampilan", "View"),
    "awards.view.geo": ("batas wilayah", "boundaries"),
    "awards.view.tiles": ("peta petak", "tile map"),
    "awards.map_count": ("{n} penghargaan", "{n} award(s)"),
    "awards.legend_title.kabkota": ("Penghargaan per kab/kota (termasuk kecamatannya)", "Awards per regency/city (with its kecamatan)"),
    "awards.legend_title.kecamatan": ("Penghargaan per kecamatan", "Awards per kecamatan"),
    "awards.marker_note": (
        "★ = kecamatan pemenang ({n}), di titik kecamatannya.",
        "★ = winning kecamatan ({n}), at the kecamatan's point.",
    ),
    "awards.marker_needs_kecamatan": (
        "Bintang kecamatan pemenang perlu batas kecamatan; pilih tampilan peta petak.",
        "The winning-kecamatan stars need kecamatan boundaries; choose the tile map view.",
    ),
    "awards.map_tiles_caption": (
        "Peta petak skematis (bukan geografi): setiap kab/kota satu petak, setiap kecamatan satu sel. Batas "
        "wilayah nyata tampil setelah diimpor (`cettar geodata import`).",
        "Schematic tile map (not geography): every regency/city a tile, every kecamatan a cell. Real "
        "boundaries show once imported (`cettar geodata import`).",
    ),
    "awards.map_geo_caption": ("Batas wilayah dari data batas yang diimpor.", "Boundaries from the imported boundary data."),
    # leaderboard
    "awards.leaderboard_title": ("Peringkat kab/kota", "Regency/city leaderboard"),
    "awards.leaderboard_caption": (
        "Penghargaan untuk kab/kota itu sendiri dan untuk kecamatannya, dalam filter di atas. Penghargaan "
        "tingkat provinsi dan OPD provinsi tidak masuk peringkat.",
        "Awards to the regency/city itself and to its kecamatan, within the filters above. Province-wide "
        "and provincial-agency awards are not ranked.",
    ),
    "awards.col.rank": ("Peringkat", "Rank"),
    "awards.col.kabkota": ("Kab/kota", "Regency/city"),
    "awards.col.kompak": ("Program", "Programme"),
    "awards.col.awards": ("Penghargaan", "Awards"),
    "awards.col.kecamatan_awards": ("di antaranya untuk kecamatan", "of which to kecamatan"),
    "awards.col.series": ("Jenis penghargaan", "Award types"),
    "awards.col.last_year": ("Terakhir", "Latest"),
    "awards.col.innovation": ("Inovasi", "Innovation"),
    "awards.col.origin": ("Wilayah asal", "Started in"),
    "awards.col.adopter": ("Direplikasi oleh", "Replicated by"),
    "awards.col.start_year": ("Tahun mulai", "Start year"),
    "awards.col.domain": ("Bidang layanan", "Service domain"),
    "awards.col.replications": ("Replikasi", "Replications"),
    "awards.col.year": ("Tahun", "Year"),
    "awards.col.status": ("Status data", "Data status"),
    "awards.col.source": ("Sumber", "Source"),
    # cards
    "awards.cards_title": ("Kartu penghargaan ({n})", "Award cards ({n})"),
    "awards.cards_page": ("Halaman", "Page"),
    "awards.cards_page_of": ("{page} dari {pages}", "{page} of {pages}"),
    "awards.card.innovation": ("Inovasi", "Innovation"),
    "awards.card.no_innovation": ("tidak disebut sumber", "not named by the source"),
    "awards.card.replicated": ("direplikasi di {n} wilayah", "replicated in {n} region(s)"),
    "awards.card.date": ("Tanggal", "Date"),
    "awards.card.no_date": ("tidak tercantum di sumber ({year})", "not given by the source ({year})"),
    "awards.card.source": ("Sumber", "Source"),
    "awards.card.no_url": ("URL tidak tercatat", "URL not recorded"),
    # innovations and replication
    "awards.innovations_title": ("Registri inovasi", "Innovation registry"),
    "awards.registry_caption": (
        "Inovasi per wilayah asal; penghargaan dihubungkan lewat nama inovasi dan wilayah. Impor registri "
        "resmi dengan `cettar import innovations FILE`.",
        "Innovations per originating region; awards are linked by innovation name and region. Import an "
        "official registry with `cettar import innovations FILE`.",
    ),
    "awards.replication_title": ("Replikasi: dari mana ke mana", "Replication: from where to where"),
    "awards.demo_tag": ("DATA DEMO", "DEMO DATA"),
    "awards.no_replications": (
        "Tidak ada replikasi dalam filter ini. Impor dengan `cettar import replications FILE`.",
        "No replication within these filters. Import them with `cettar import replications FILE`.",
    ),
    "awards.replication_demo": (
        "**DATA DEMO.** Replikasi ini dibangkitkan komputer (bukan data resmi) sampai data replikasi diimpor "
        "(`cettar import replications FILE`). Inovasi asalnya nyata; wilayah dan tahun adopsinya tidak.",
        "**DEMO DATA.** These replications are computer-generated (not official) until replication data is "
        "imported (`cettar import replications FILE`). The innovations are real; the adopting regions and "
        "years are not.",
    ),
    "awards.flow_title": ("Alur replikasi inovasi", "Innovation replication flows"),
    "awards.flow_title_demo": ("Alur replikasi inovasi (DATA DEMO)", "Innovation replication flows (DEMO DATA)"),
    "awards.flow_caption": (
        "● oranye = wilayah asal, ● biru = wilayah yang mereplikasi; {n} dari {total} replikasi tergambar. "
        "Inovasi tingkat provinsi berangkat dari Surabaya (ibu kota provinsi).",
        "● orange = where an innovation started, ● blue = where it was replicated; {n} of {total} "
        "replications drawn. Province-wide innovations start from Surabaya (the provincial capital).",
    ),
}
