"""Strings of the PPKM & Koordinasi page."""

STRINGS = {
    "nav.ppkm": ("PPKM & Koordinasi", "PPKM & Coordination"),
    "ppkm.title": ("PPKM & Koordinasi", "PPKM & Coordination"),
    "ppkm.intro": (
        "Level PPKM per kabupaten/kota menurut setiap Instruksi Mendagri (Juli 2021 – Juli 2022), zona "
        "risiko COVID-19 mingguan dari Satgas (ukuran yang berbeda), dan kegiatan koordinasi kecamatan.",
        "PPKM level per regency/city under each Home Affairs Minister's Instruction (July 2021 – July 2022), "
        "the weekly COVID-19 risk zones of the national task force (a different measure), and kecamatan "
        "coordination activities.",
    ),
    "ppkm.tab_levels": ("Level PPKM", "PPKM levels"),
    "ppkm.tab_zones": ("Zona risiko", "Risk zones"),
    "ppkm.tab_coordination": ("Koordinasi kecamatan", "Kecamatan coordination"),
    "ppkm.heatmap_title": ("Level per kab/kota dan Inmendagri", "Level per kab/kota and Inmendagri"),
    "ppkm.heatmap_caption": (
        "Data dihimpun dari berita dan laman pemerintah. Titik (•) = level tidak dinyatakan langsung untuk "
        "kab/kota itu (disimpulkan dengan eliminasi, dari daftar perubahan, atau dari pernyataan seluruh "
        "Jawa-Bali). Sel kosong = tidak diketahui; tidak pernah diisi dari periode lain.",
        "Compiled from news and government pages. A dot (•) = level not stated outright for that kab/kota "
        "(inferred by elimination, from a change list, or from a statement covering all of Java-Bali). "
        "Blank cell = unknown; never filled in from another period.",
    ),
    "ppkm.hover": (
        "%{y}<br>Inmendagri %{x}<br>Level %{z}<br>%{customdata}<extra></extra>",
        "%{y}<br>Inmendagri %{x}<br>Level %{z}<br>%{customdata}<extra></extra>",
    ),
    "ppkm.level": ("Level", "Level"),
    "ppkm.unknown": ("tidak diketahui", "unknown"),
    "ppkm.period": ("Inmendagri", "Inmendagri"),
    "ppkm.snapshot_title": ("Sebaran level: Inmendagri {inmendagri}", "Levels under Inmendagri {inmendagri}"),
    "ppkm.snapshot_dates": ("Berlaku {period}.", "Valid {period}."),
    "ppkm.snapshot_no_dates": ("Masa berlaku tidak tercantum di sumber.", "The source does not give the validity period."),
    "ppkm.snapshot_known": (
        "{known} dari {total} kab/kota dengan level tercatat ({inferred} disimpulkan).",
        "{known} of {total} kab/kota with a recorded level ({inferred} inferred).",
    ),
    "ppkm.map_title": ("Level PPKM per kab/kota, Inmendagri {inmendagri}", "PPKM level per kab/kota, Inmendagri {inmendagri}"),
    "ppkm.map_source": ("Sumber: level PPKM dihimpun (tautan per baris di tabel)", "Source: compiled PPKM levels (links per row in the table)"),
    "ppkm.zones_map_title": ("Zona risiko COVID-19, minggu {week}", "COVID-19 risk zone, week of {week}"),
    "ppkm.zones_source": ("Sumber: Satgas Penanganan COVID-19 (diimpor)", "Source: COVID-19 task force (imported)"),
    "ppkm.intensity_map_title": ("Kegiatan koordinasi per kecamatan", "Coordination activities per kecamatan"),
    "ppkm.coordination_source": ("Sumber: catatan koordinasi yang diimpor", "Source: imported coordination records"),
    "ppkm.coordination_source_demo": ("DEMO, bukan data resmi", "DEMO, not official data"),
    "ppkm.col.kabkota": ("Kab/kota", "Kab/kota"),
    "ppkm.col.level": ("Level", "Level"),
    "ppkm.col.evidence": ("Bukti", "Evidence"),
    "ppkm.col.source": ("Sumber", "Source"),
    "ppkm.counts_title": ("Jumlah kab/kota per level", "Kab/kota per level"),
    "ppkm.cases_title": ("Kasus baru harian Jawa Timur (rata-rata 7 hari)", "New daily cases in East Java (7-day mean)"),
    "ppkm.cases": ("Kasus baru (rata-rata 7 hari)", "New cases (7-day mean)"),
    "ppkm.no_cases": (
        "Kasus harian provinsi belum diimpor: `cettar import covid-cases FILE` (misalnya data harian Satgas).",
        "Province daily cases not imported yet: `cettar import covid-cases FILE` (for example the task force's daily data).",
    ),
    "ppkm.zones_title": ("Zona risiko COVID-19 per minggu", "COVID-19 risk zones per week"),
    "ppkm.zones_caption": (
        "Zona risiko Satgas Penanganan COVID-19 adalah ukuran yang berbeda dari level PPKM (Satgas menyatakannya "
        "secara eksplisit); karena itu ditampilkan terpisah dan tidak pernah digabung dengan level.",
        "The task force's risk zones are a different measure from the PPKM level (the task force said so "
        "explicitly), so they are shown separately and never blended with the level.",
    ),
    "ppkm.no_zones": (
        "Zona risiko belum diimpor: `cettar import risk-zones FILE`.",
        "Risk zones not imported yet: `cettar import risk-zones FILE`.",
    ),
    "ppkm.week": ("Minggu", "Week"),
    "ppkm.week_summary": ("Minggu {week}: {counts}.", "Week of {week}: {counts}."),
    "ppkm.date_corrected": (
        "Tanggal dikoreksi dari label sumber {source_date}.",
        "Date corrected from the source's label {source_date}.",
    ),
    "ppkm.col.zone": ("Zona", "Zone"),
    "ppkm.col.note": ("Catatan", "Note"),
    "ppkm.kabkota_count": ("Kab/kota", "Kab/kota"),
    "zone.tidak_ada_kasus": ("tidak ada kasus", "no cases"),
    "zone.rendah": ("risiko rendah", "low risk"),
    "zone.sedang": ("risiko sedang", "medium risk"),
    "zone.tinggi": ("risiko tinggi", "high risk"),
    "ppkm.coordination_title": ("Kegiatan koordinasi kecamatan", "Kecamatan coordination activities"),
    "ppkm.coordination_demo": (
        "Catatan koordinasi di bawah ini adalah DATA DEMO (dibangkitkan), bukan catatan nyata. Catatan resmi "
        "dimuat dengan `cettar import coordination FILE`.",
        "The coordination records below are DEMO DATA (generated), not real records. Official records are "
        "loaded with `cettar import coordination FILE`.",
    ),
    "ppkm.window": ("Rentang tanggal", "Date range"),
    "ppkm.activity_types": ("Jenis kegiatan", "Activity types"),
    "ppkm.records_count": ("{n} kegiatan di {kecamatan} kecamatan.", "{n} activities in {kecamatan} kecamatan."),
    "ppkm.intensity_title": ("Kecamatan paling aktif", "Most active kecamatan"),
    "ppkm.agencies_title": ("Instansi yang paling sering bekerja bersama", "Agencies that work together most"),
    "ppkm.agencies_caption": (
        "Jumlah kegiatan yang melibatkan kedua instansi (diagonal: kegiatan per instansi).",
        "Activities involving both agencies (diagonal: activities per agency).",
    ),
    "ppkm.around_title": ("Kegiatan sebelum dan sesudah perubahan level", "Activities before and after a level change"),
    "ppkm.around_change": ("Perubahan level", "Level change"),
    "ppkm.around_label": (
        "{name}: level {previous} → {level} (Inmendagri {inmendagri}, {date})",
        "{name}: level {previous} → {level} (Inmendagri {inmendagri}, {date})",
    ),
    "ppkm.around_week": ("Minggu terhadap perubahan (0 = minggu perubahan)", "Week relative to the change (0 = week of the change)"),
    "ppkm.around_none": ("Tidak ada perubahan level bertanggal di wilayah ini.", "No dated level change in this area."),
    "ppkm.records_title": ("Daftar kegiatan", "Activity list"),
    "ppkm.records_shown": ("Menampilkan {shown} kegiatan terbaru dari {n}; unduhan CSV dan XLSX memuat semuanya.",
                           "Showing the newest {shown} of {n} activities; the CSV and XLSX downloads hold them all."),
    "ppkm.col.date": ("Tanggal", "Date"),
    "ppkm.col.kecamatan": ("Kecamatan", "Kecamatan"),
    "ppkm.col.activity": ("Kegiatan", "Activity"),
    "ppkm.col.agencies": ("Instansi", "Agencies"),
    "ppkm.col.participants": ("Peserta", "Participants"),
    "ppkm.col.activities": ("Kegiatan", "Activities"),
    "ppkm.col.status": ("Status data", "Data status"),
    "ppkm.no_records": ("Tidak ada kegiatan untuk filter ini.", "No activities for these filters."),
    "activity.forkopimcam_meeting": ("Rapat Forkopimcam", "Forkopimcam meeting"),
    "activity.ppkm_micro_post": ("Posko PPKM mikro", "PPKM micro post"),
    "activity.vaccination_drive": ("Vaksinasi massal", "Vaccination drive"),
    "activity.public_order_operation": ("Operasi yustisi / ketertiban", "Public-order operation"),
    "activity.social_aid_distribution": ("Penyaluran bantuan sosial", "Social-aid distribution"),
    "activity.other": ("Lainnya", "Other"),
    "agency.camat": ("Camat", "Camat"),
    "agency.puskesmas": ("Puskesmas", "Puskesmas (health centre)"),
    "agency.koramil": ("Koramil", "Koramil (military sector)"),
    "agency.polsek": ("Polsek", "Polsek (police sector)"),
    "agency.kepala_desa": ("Kepala desa", "Village heads"),
    "agency.pendamping_pkh": ("Pendamping PKH", "PKH facilitators"),
    "agency.pendamping_desa": ("Pendamping desa", "Village facilitators"),
    "agency.satpol_pp": ("Satpol PP", "Satpol PP (civil service police)"),
    "agency.bpbd": ("BPBD", "BPBD (disaster agency)"),
}
