"""Strings of the Kapasitas & Layanan page, and the labels and grains of its tables."""

STRINGS = {
    "nav.capacity": ("Kapasitas & Layanan", "Capacity & Services"),
    "capacity.title": ("Kapasitas & Layanan", "Capacity & Services"),
    "capacity.intro": (
        "Kecamatan sebagai garis depan: sejak 2024 program nasional P3PD memandang kecamatan sebagai *hub* yang "
        "mempertemukan permintaan layanan dasar desa dengan pasokannya. Camat memegang kewenangan yang dilimpahkan "
        "bupati/wali kota (PP 17/2018), menjalankan Pelayanan Administrasi Terpadu Kecamatan (PATEN), dan aparaturnya "
        "dilatih (Jawa Timur menjadi tuan rumah pelatihan pelatih pelayanan garis depan, 12–16 Maret 2024).",
        "The kecamatan as the front line: since 2024 the national P3PD program treats the kecamatan as a *hub* that "
        "matches village demand for basic services with their supply. The camat holds authority delegated by the "
        "bupati/wali kota (PP 17/2018), runs integrated administrative services (PATEN), and its staff are trained "
        "(East Java hosted a training of trainers for frontline service delivery on 12–16 March 2024).",
    ),
    "capacity.no_data": (
        "Belum ada data permintaan dan pasokan layanan dasar per desa. Impor dengan `cettar import services FILE` "
        "(templat: `cettar template services`).",
        "There are no basic-service demand and supply values per village yet. Import them with "
        "`cettar import services FILE` (template: `cettar template services`).",
    ),
    "capacity.no_year": (
        "Belum ada data layanan dasar untuk tahun {year}. Tahun yang ada: {years}.",
        "No basic-service data for {year}. Years with data: {years}.",
    ),
    "capacity.show_year": ("Tampilkan {year}", "Show {year}"),
    "capacity.demo_banner": (
        "**DATA DEMO.** Permintaan dan pasokan layanan per desa, kewenangan yang dilimpahkan, status PATEN dan "
        "catatan pelatihan di halaman ini dibangkitkan komputer (bukan data resmi); kesenjangan yang dihitung "
        "darinya juga demo. Setiap tabel, grafik dan unduhan menandainya *demo*.",
        "**DEMO DATA.** The village service demand and supply, delegated authority, PATEN status and training "
        "records on this page are computer-generated (not official), and so are the gaps computed from them. "
        "Every table, chart and download marks them *demo*.",
    ),
    # gaps
    "capacity.gap_title": ("Kesenjangan layanan dasar {year}", "Basic-service gaps {year}"),
    "capacity.service": ("Layanan", "Service"),
    "capacity.service.posyandu": ("Posyandu (balita)", "Posyandu (under-fives)"),
    "capacity.service.adminduk": ("Akta kelahiran", "Birth certificates"),
    "capacity.service.sekolah": ("Pendidikan dasar", "Basic education"),
    "capacity.service.pos_kesehatan": ("Kesehatan dasar (DTKS)", "Basic health (DTKS)"),
    "capacity.measure": ("Ukuran", "Measure"),
    "capacity.measure.gap": ("Kesenjangan", "Gap"),
    "capacity.measure.ratio": ("Rasio", "Ratio"),
    "capacity.method": (
        "Permintaan: {demand}. Pasokan: {supply}. **Kesenjangan** = permintaan − {norm} × pasokan (norma: satu unit "
        "pasokan melayani {norm}); di atas 0 permintaan melebihi pasokan, di bawah 0 ada kapasitas tersisa. "
        "**Rasio** = permintaan ÷ pasokan, bandingkan dengan norma {norm}. Untuk keduanya makin rendah makin baik. "
        "Hanya desa yang melaporkan permintaan dan pasokan yang dihitung.",
        "Demand: {demand}. Supply: {supply}. **Gap** = demand − {norm} × supply (norm: one unit of supply serves "
        "{norm}); above 0 demand exceeds supply, below 0 there is spare capacity. **Ratio** = demand ÷ supply, "
        "to compare with the norm of {norm}. For both, lower is better. Only villages that report both demand and "
        "supply count.",
    ),
    "capacity.no_service": ("Tidak ada kecamatan dengan data layanan ini pada {year}.", "No kecamatan has data for this service in {year}."),
    "capacity.top_gap": ("Permintaan paling melampaui pasokan", "Demand most exceeds supply"),
    "capacity.top_none": ("Tidak ada permintaan melebihi pasokan; paling sedikit sisa", "No demand above supply; least spare capacity"),
    "capacity.summary": (
        "Di wilayah ini pada {year}: {paten} dari {n} kecamatan menerapkan PATEN, {standard} memublikasikan standar "
        "pelayanan; {authorities} kewenangan yang dilimpahkan dievaluasi; {trained} orang mengikuti pelatihan.",
        "In this area in {year}: {paten} of {n} kecamatan run PATEN, {standard} publish their service standard; "
        "{authorities} delegated authorities were evaluated; {trained} people were trained.",
    ),
    "capacity.top_ratio": ("Permintaan per unit pasokan tertinggi", "Highest demand per unit of supply"),
    "capacity.top_help": ("Permintaan {demand}, kapasitas menurut norma {capacity}.", "Demand {demand}, capacity at the norm {capacity}."),
    "capacity.short_count": ("Kecamatan dengan permintaan > pasokan", "Kecamatan where demand > supply"),
    "capacity.open_top": ("Buka profil dan desa {name}", "Open the profile and villages of {name}"),
    "capacity.map_hint": ("Klik kecamatan di peta untuk membuka profilnya di bawah.", "Click a kecamatan on the map to open its profile below."),
    "capacity.tiles_caption": (
        "Peta skematis: setiap kab/kota satu petak, setiap kecamatan satu sel (batas wilayah belum diimpor).",
        "Schematic map: each regency/city a tile, each kecamatan a cell (no boundaries imported yet).",
    ),
    "capacity.bar_gap": ("Kesenjangan terbesar: {service}, {year}", "Largest gaps: {service}, {year}"),
    "capacity.bar_ratio": ("Rasio tertinggi: {service}, {year}", "Highest ratios: {service}, {year}"),
    "capacity.ranking_title": ("Peringkat kecamatan: {service}, {year}", "Kecamatan ranking: {service}, {year}"),
    # profile
    "capacity.profile_title": ("Profil kecamatan", "Kecamatan profile"),
    "capacity.pick": ("Kecamatan", "Kecamatan"),
    "capacity.metric_authority": ("Kewenangan dievaluasi {year}", "Authorities evaluated in {year}"),
    "capacity.metric_paten": ("PATEN {year}", "PATEN {year}"),
    "capacity.metric_trained": ("Peserta pelatihan (semua tahun)", "People trained (all years)"),
    "capacity.yes": ("ya", "yes"),
    "capacity.no": ("tidak", "no"),
    "capacity.yes_since": ("ya, sejak {since}", "yes, since {since}"),
    "capacity.authority_title": ("Kewenangan yang dilimpahkan kepada Camat {name}", "Authority delegated to the camat of {name}"),
    "capacity.no_authority": ("Belum ada catatan kewenangan yang dilimpahkan.", "No delegated authority recorded yet."),
    "capacity.paten_title": ("PATEN di {name}", "PATEN in {name}"),
    "capacity.no_paten": ("Belum ada catatan PATEN.", "No PATEN record yet."),
    "capacity.training_title": ("Pelatihan yang diterima {name}", "Training received by {name}"),
    "capacity.no_training": ("Belum ada catatan pelatihan.", "No training recorded yet."),
    "capacity.desa_title": ("Desa di {name}: {service}, {year}", "Villages of {name}: {service}, {year}"),
    "capacity.no_desa_map": (
        "Peta desa muncul setelah batas desa diimpor (`cettar geodata import FILE --level desa`).",
        "A village map appears once village boundaries are imported (`cettar geodata import FILE --level desa`).",
    ),
    "capacity.desa_caption": (
        "{n} dari {total} desa/kelurahan punya data; kesenjangan hanya untuk desa yang melaporkan permintaan dan pasokan.",
        "{n} of {total} villages have data; a gap only where a village reports both demand and supply.",
    ),
    # columns
    "capacity.col.rank": ("Peringkat", "Rank"),
    "capacity.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "capacity.col.kabkota": ("Kab/kota", "Regency/city"),
    "capacity.col.demand": ("Permintaan", "Demand"),
    "capacity.col.supply": ("Pasokan", "Supply"),
    "capacity.col.capacity": ("Kapasitas (norma {norm})", "Capacity (norm {norm})"),
    "capacity.col.gap": ("Kesenjangan", "Gap"),
    "capacity.col.ratio": ("Rasio", "Ratio"),
    "capacity.col.desa": ("Desa berdata", "Villages with data"),
    "capacity.col.status": ("Status data", "Data status"),
    "capacity.col.desa_name": ("Desa/kelurahan", "Village"),
    "capacity.col.type": ("Jenis", "Type"),
    "capacity.col.year": ("Tahun", "Year"),
    "capacity.col.authority": ("Kewenangan", "Authority"),
    "capacity.col.authority_type": ("Jenis kewenangan", "Type of authority"),
    "capacity.col.sector": ("Urusan", "Sector"),
    "capacity.col.basis": ("Dasar hukum", "Legal basis"),
    "capacity.col.since": ("Sejak", "Since"),
    "capacity.col.evaluation": ("Hasil evaluasi", "Evaluation"),
    "capacity.col.score": ("Nilai", "Score"),
    "capacity.col.implemented": ("Menerapkan PATEN", "PATEN in place"),
    "capacity.col.services_offered": ("Jumlah layanan", "Services offered"),
    "capacity.col.standard": ("Standar pelayanan dipublikasikan", "Service standard published"),
    "capacity.col.services": ("Layanan", "Services"),
    "capacity.col.event": ("Pelatihan", "Training"),
    "capacity.col.dates": ("Tanggal", "Dates"),
    "capacity.col.place": ("Tempat", "Place"),
    "capacity.col.organiser": ("Penyelenggara", "Organiser"),
    "capacity.col.roles": ("Peserta menurut peran", "Participants by role"),
    "capacity.col.participants": ("Jumlah peserta", "Participants"),
    # values
    "capacity.basis": ("{type} No. {number} Tahun {year}", "{type} No. {number} of {year}"),
    "capacity.regulation.perbup": ("Perbup", "Perbup"),
    "capacity.regulation.perwal": ("Perwal", "Perwal"),
    "capacity.regulation.lainnya": ("Regulasi", "Regulation"),
    "capacity.authority_type.perizinan": ("perizinan", "licensing"),
    "capacity.authority_type.rekomendasi": ("rekomendasi", "recommendation"),
    "capacity.authority_type.koordinasi": ("koordinasi", "coordination"),
    "capacity.authority_type.pembinaan": ("pembinaan", "guidance"),
    "capacity.authority_type.pengawasan": ("pengawasan", "supervision"),
    "capacity.authority_type.fasilitasi": ("fasilitasi", "facilitation"),
    "capacity.authority_type.penetapan": ("penetapan", "decision"),
    "capacity.authority_type.penyelenggaraan": ("penyelenggaraan", "service delivery"),
    "capacity.authority_type.lainnya": ("lainnya", "other"),
    "capacity.evaluation.sangat_baik": ("sangat baik", "very good"),
    "capacity.evaluation.baik": ("baik", "good"),
    "capacity.evaluation.cukup": ("cukup", "fair"),
    "capacity.evaluation.kurang": ("kurang", "poor"),
    "capacity.evaluation.belum_dievaluasi": ("belum dievaluasi", "not evaluated"),
    "capacity.role.camat": ("camat", "camat"),
    "capacity.role.sekretaris_camat": ("sekretaris camat", "kecamatan secretary"),
    "capacity.role.kasi_pelayanan": ("kasi pelayanan", "head of services"),
    "capacity.role.staf_paten": ("staf PATEN", "PATEN staff"),
    "capacity.role.pendamping_desa": ("pendamping desa", "village facilitator"),
    "capacity.role.perangkat_desa": ("perangkat desa", "village officials"),
    "capacity.role.lainnya": ("lainnya", "other"),
    # tables (Data & Metodologi)
    "table.delegated_authority": ("Kewenangan yang dilimpahkan", "Delegated authority"),
    "table.paten_status": ("Status PATEN", "PATEN status"),
    "table.training_event": ("Kegiatan pelatihan", "Training events"),
    "table.training_participation": ("Peserta pelatihan", "Training participants"),
    "grain.delegated_authority": ("kecamatan × kewenangan × tahun evaluasi", "kecamatan × authority × evaluation year"),
    "grain.paten_status": ("kecamatan × tahun", "kecamatan × year"),
    "grain.training_event": ("kegiatan pelatihan", "training event"),
    "grain.training_participation": ("pelatihan × kecamatan × peran peserta", "training × kecamatan × participant role"),
}
