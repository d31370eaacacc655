"""Texts of the "Koperasi Merah Putih" page (pages/kdmp.py), its stage labels and the published measures."""

TEXT = {
    "page_kdmp": {"id": "Koperasi Merah Putih", "en": "Koperasi Merah Putih"},
    "kdmp_intro": {
        "id": "Inpres No. 9 Tahun 2025: setiap desa dan kelurahan membentuk Koperasi Desa/Kelurahan Merah Putih "
              "(KDMP). Tahapannya: musyawarah desa/kelurahan khusus (musdesus) → akta pendirian notaris → badan "
              "hukum disahkan Kemenkum (SK AHU) → beroperasi. Desa tanpa catatan KDMP ditampilkan sebagai "
              "**tidak ada data**, bukan \"belum mulai\".",
        "en": "Inpres No. 9/2025: every desa and kelurahan forms a Koperasi Desa/Kelurahan Merah Putih (KDMP). "
              "Its stages: special village meeting (musdesus) → notarial deed → legal entity approved by the "
              "Ministry of Law (SK AHU) → operating. A desa without any KDMP record is shown as **no report**, "
              "never as \"not started\".",
    },
    "kdmp_stage_musdesus": {"id": "Musdesus", "en": "Musdesus held"},
    "kdmp_stage_akta_notaris": {"id": "Akta notaris", "en": "Notarial deed"},
    "kdmp_stage_sk_ahu": {"id": "SK AHU (badan hukum)", "en": "SK AHU (legal entity)"},
    "kdmp_stage_operasional": {"id": "Beroperasi", "en": "Operating"},
    "kdmp_stage_tidak_ada_data": {"id": "Tidak ada data", "en": "No report"},
    "kdmp_stage_semua": {"id": "Semua tahap", "en": "All stages"},
    "kdmp_stage_macet": {"id": "Macet", "en": "Stalled"},
    "kdmp_stalled_days": {"id": "Macet bila tahap tidak berubah lebih dari (hari)",
                          "en": "Stalled when the stage has not changed for more than (days)"},
    "kdmp_stalled_rule": {
        "id": "**Macet**: KDMP yang belum beroperasi dan tahapnya tidak berubah lebih dari {n} hari sampai {today}.",
        "en": "**Stalled**: a KDMP not yet operating whose stage has not changed for more than {n} days up to "
              "{today}.",
    },
    "kdmp_m_desa": {"id": "Desa/kelurahan", "en": "Desa/kelurahan"},
    "kdmp_m_operating": {"id": "Beroperasi", "en": "Operating"},
    "kdmp_m_legal": {"id": "Berbadan hukum", "en": "Legal entity"},
    "kdmp_m_stalled": {"id": "Macet", "en": "Stalled"},
    "kdmp_m_no_report": {"id": "Tidak ada data", "en": "No report"},
    "kdmp_h_funnel": {"id": "Tahapan per wilayah: {level}", "en": "Stages by area: {level}"},
    "kdmp_level_provinsi": {"id": "provinsi", "en": "province"},
    "kdmp_level_kabupaten_kota": {"id": "kabupaten/kota", "en": "regency/city"},
    "kdmp_level_kecamatan": {"id": "kecamatan", "en": "district (kecamatan)"},
    "kdmp_funnel_caption": {
        "id": "Jumlah desa/kelurahan pada tahap terakhirnya. Pilih wilayah di filter (provinsi → kab/kota → "
              "kecamatan) untuk turun satu tingkat.",
        "en": "Desa/kelurahan at their latest stage. Choose an area in the filters (province → regency → "
              "district) to go one level down.",
    },
    "kdmp_chart_funnel": {"id": "Desa/kelurahan menurut tahap KDMP", "en": "Desa/kelurahan by KDMP stage"},
    "kdmp_h_map": {"id": "Peta: % KDMP beroperasi dari desa/kelurahan yang tercatat",
                   "en": "Map: % of KDMP operating among the desa/kelurahan on record"},
    "kdmp_h_slowest": {"id": "Kab/kota paling lambat", "en": "Slowest regencies/cities"},
    "kdmp_slowest_caption": {
        "id": "Urutan menurut % beroperasi, lalu % berbadan hukum, lalu jumlah macet; hanya kab/kota yang punya "
              "catatan KDMP (tanpa catatan = tidak diketahui, bukan lambat).",
        "en": "Ranked by % operating, then % with a legal entity, then stalled; only regencies with KDMP "
              "records (none on record = unknown, not slow).",
    },
    "kdmp_h_list": {"id": "Daftar desa/kelurahan", "en": "List of desa/kelurahan"},
    "kdmp_search": {"id": "Cari nama atau kode desa", "en": "Search desa name or code"},
    "kdmp_stage_filter": {"id": "Tahap", "en": "Stage"},
    "kdmp_page": {"id": "Halaman", "en": "Page"},
    "kdmp_list_caption": {"id": "{n} desa/kelurahan; halaman {page} dari {pages} ({size} per halaman). Unduhan "
                                "memuat semua {n}.",
                          "en": "{n} desa/kelurahan; page {page} of {pages} ({size} per page). The downloads hold "
                                "all {n}."},
    "kdmp_h_history": {"id": "Riwayat tahapan satu desa", "en": "Stage history of one desa"},
    "kdmp_pick_desa": {"id": "Desa/kelurahan (dari halaman daftar ini)", "en": "Desa/kelurahan (from this list page)"},
    "kdmp_h_figures": {"id": "Angka yang dipublikasikan", "en": "Published figures"},
    "kdmp_figures_caption": {
        "id": "Angka nasional dan provinsi sebagaimana dilaporkan sumbernya, tidak dihitung ulang dan tidak "
              "dicocokkan dengan catatan per desa di atas.",
        "en": "National and provincial figures as their sources reported them, neither recomputed nor reconciled "
              "with the per-desa records above.",
    },
    "kdmp_national": {"id": "Indonesia", "en": "Indonesia"},
    "kdmp_measure_musdesus_held": {"id": "Desa/kelurahan sudah musdesus", "en": "Desa/kelurahan that held musdesus"},
    "kdmp_measure_kdmp_formed": {"id": "KDMP terbentuk", "en": "KDMP formed"},
    "kdmp_measure_notarial_deed": {"id": "KDMP dengan akta notaris", "en": "KDMP with a notarial deed"},
    "kdmp_measure_legal_entity": {"id": "KDMP berbadan hukum", "en": "KDMP with legal entity"},
    "kdmp_measure_operational": {"id": "KDMP beroperasi", "en": "KDMP operating"},
    "kdmp_measure_satgas_regencies_formed": {"id": "Kab/kota dengan Satgas KDMP", "en": "Regencies with a Satgas KDMP"},
    "kdmp_measure_satgas_regencies_missing": {"id": "Kab/kota belum punya Satgas KDMP",
                                              "en": "Regencies without a Satgas KDMP"},
    "kdmp_measure_satgas_provinces_complete": {"id": "Provinsi dengan Satgas di semua kab/kota",
                                               "en": "Provinces with a Satgas in every regency"},
    "kdmp_measure_satgas_province_formed": {"id": "Satgas KDMP provinsi terbentuk (1 ya, 0 belum)",
                                            "en": "Provincial Satgas KDMP formed (1 yes, 0 no)"},
    "kdmp_col_code": {"id": "Kode", "en": "Code"},
    "kdmp_col_area": {"id": "Wilayah", "en": "Area"},
    "kdmp_col_desa": {"id": "Desa/kelurahan", "en": "Desa/kelurahan"},
    "kdmp_col_recorded_pct": {"id": "% desa tercatat", "en": "% desa on record"},
    "kdmp_col_operating_pct": {"id": "% beroperasi (dari yang tercatat)", "en": "% operating (of those on record)"},
    "kdmp_col_legal_pct": {"id": "% berbadan hukum (dari yang tercatat)", "en": "% legal entity (of those on record)"},
    "kdmp_col_stalled": {"id": "Macet", "en": "Stalled"},
    "kdmp_col_rank": {"id": "Peringkat", "en": "Rank"},
    "kdmp_col_name": {"id": "Desa/kelurahan", "en": "Desa/kelurahan"},
    "kdmp_col_kind": {"id": "Jenis", "en": "Kind"},
    "kdmp_col_district": {"id": "Kecamatan", "en": "District"},
    "kdmp_col_regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kdmp_col_kdmp": {"id": "Nama koperasi", "en": "Cooperative"},
    "kdmp_col_stage": {"id": "Tahap", "en": "Stage"},
    "kdmp_col_musdesus_on": {"id": "Tgl musdesus", "en": "Musdesus on"},
    "kdmp_col_deed_on": {"id": "Tgl akta", "en": "Deed on"},
    "kdmp_col_deed_number": {"id": "No. akta", "en": "Deed no."},
    "kdmp_col_sk_ahu_on": {"id": "Tgl SK AHU", "en": "SK AHU on"},
    "kdmp_col_sk_ahu_number": {"id": "No. SK AHU", "en": "SK AHU no."},
    "kdmp_col_operational_on": {"id": "Tgl beroperasi", "en": "Operating since"},
    "kdmp_col_changed_on": {"id": "Perubahan tahap terakhir", "en": "Last stage change"},
    "kdmp_col_operating": {"id": "Yang beroperasi", "en": "What operates"},
    "kdmp_col_source": {"id": "Sumber", "en": "Source"},
    "kdmp_col_date": {"id": "Tanggal", "en": "Date"},
    "kdmp_col_note": {"id": "Catatan", "en": "Note"},
    "kdmp_col_headline": {"id": "Judul", "en": "Headline"},
    "kdmp_col_published": {"id": "Terbit", "en": "Published"},
    "kdmp_col_figure": {"id": "Angka", "en": "Figure"},
    "kdmp_col_value": {"id": "Nilai", "en": "Value"},
    "kdmp_col_of_total": {"id": "Dari", "en": "Of"},
    "kdmp_kind_desa": {"id": "Desa", "en": "Desa"},
    "kdmp_kind_kelurahan": {"id": "Kelurahan", "en": "Kelurahan"},
    "kdmp_has_outlet": {"id": "gerai", "en": "outlet"},
    "kdmp_has_warehouse": {"id": "gudang", "en": "warehouse"},
    "kdmp_has_clinic": {"id": "klinik", "en": "clinic"},
    "kdmp_has_savings_loans": {"id": "simpan pinjam", "en": "savings and loans"},
    "kdmp_yes": {"id": "ya", "en": "yes"},
    "kdmp_no": {"id": "tidak", "en": "no"},
    "kdmp_m_recorded": {"id": "Desa tercatat", "en": "Desa on record"},
    "kdmp_m_recorded_help": {
        "id": "Desa/kelurahan yang punya catatan KDMP (tahap apa pun) dalam tampilan.",
        "en": "Desa/kelurahan with a KDMP record (any stage) in view.",
    },
    "kdmp_no_records": {
        "id": "– : tidak ada catatan KDMP dalam tampilan ini, jadi jumlah yang beroperasi tidak diketahui (bukan 0).",
        "en": "– : no KDMP record in this view, so how many operate is unknown (not 0).",
    },
    "kdmp_no_records_real": {
        "id": "– : tidak ada catatan KDMP nyata (bukan demo) dalam tampilan ini, jadi jumlah yang beroperasi tidak "
              "diketahui (bukan 0). Angka yang dipublikasikan ada di bawah.",
        "en": "– : no real (non-demo) KDMP record in this view, so how many operate is unknown (not 0). "
              "Published figures are below.",
    },
    "kdmp_share_rule": {
        "id": "% desa tercatat = desa dengan catatan KDMP ÷ semua desa/kelurahan. % beroperasi dan % berbadan "
              "hukum dihitung dari desa yang tercatat saja: desa tanpa catatan tidak diketahui, bukan 0.",
        "en": "% desa on record = desa with a KDMP record ÷ every desa/kelurahan. % operating and % legal "
              "entity are of the desa on record only: a desa without a record is unknown, not 0.",
    },
    "kdmp_file_funnel": {"id": "kdmp-tahapan", "en": "kdmp-stages"},
    "kdmp_file_slowest": {"id": "kdmp-kabkota-terlambat", "en": "kdmp-slowest-regencies"},
    "kdmp_file_list": {"id": "kdmp-desa", "en": "kdmp-desa"},
    "kdmp_file_history": {"id": "kdmp-riwayat", "en": "kdmp-history"},
    "kdmp_file_figures": {"id": "kdmp-angka-dilaporkan", "en": "kdmp-reported-figures"},
    "kdmp_file_map": {"id": "kdmp-peta", "en": "kdmp-map"},
    "kdmp_map_no_data": {"id": "Abu-abu: tidak ada catatan KDMP dalam tampilan (tidak diketahui, bukan 0 %).",
                         "en": "Grey: no KDMP record in view (unknown, not 0 %)."},
}
