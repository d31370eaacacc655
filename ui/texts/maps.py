"""Texts of the "Peta" (maps) page (pages/maps.py)."""

TEXT = {
    "maps_intro": {
        "id": "Klik sebuah provinsi untuk melihat kabupaten/kotanya, lalu klik kab/kota untuk memilihnya sebagai "
              "filter. Untuk kembali ke peta nasional, kosongkan pilihan provinsi di panel kiri.",
        "en": "Click a province to see its regencies/cities, then click a regency to make it the filter. To go "
              "back to the national map, clear the province choice in the left panel.",
    },
    "maps_national_title": {
        "id": "Koperasi aktif per provinsi, {year} (RAT {n} tahun berturut-turut)",
        "en": "Active cooperatives by province, {year} (RAT in each of {n} years)",
    },
    "maps_coops_title": {
        "id": "Koperasi aktif per kab/kota, {province}, {year} (RAT {n} tahun berturut-turut)",
        "en": "Active cooperatives by regency, {province}, {year} (RAT in each of {n} years)",
    },
    "maps_pokja_title": {"id": "Tahap Pokja per kab/kota, {province}", "en": "Pokja stage by regency, {province}"},
    "maps_colour_by": {"id": "Warnai menurut", "en": "Colour by"},
    "maps_mode_koperasi": {"id": "% koperasi aktif", "en": "% active cooperatives"},
    "maps_mode_pokja": {"id": "Tahap Pokja", "en": "Pokja stage"},
    "maps_pick_province": {"id": "Provinsi yang dipetakan", "en": "Province on the map"},
    "maps_legend_pct": {"id": "% aktif", "en": "% active"},
    "maps_whole_province": {
        "id": "Peta menampilkan semua kab/kota di {province}; kab/kota yang dipilih di filter bergaris tebal.",
        "en": "The map shows every regency/city of {province}; those chosen in the filters have a thick border.",
    },
    "maps_no_data_coops": {
        "id": "Abu-abu dan – : tidak ada baris register koperasi untuk wilayah itu, jadi jumlahnya tidak "
              "diketahui (bukan 0).",
        "en": "Grey and – : no cooperative register rows for that area, so its count is unknown (not 0).",
    },
    "maps_no_data_pokja": {
        "id": "Tanda di tiap kab/kota: ○ belum dibentuk, ◐ persiapan, ● terbentuk. Abu-abu (?): belum ada "
              "laporan tentang Pokja kab/kota itu (bukan berarti belum dibentuk).",
        "en": "Mark on each regency: ○ not formed, ◐ in preparation, ● formed. Grey (?): no report about that "
              "regency's Pokja (which does not mean it was not started).",
    },
    "maps_no_shapes": {
        "id": "Bentuk wilayah untuk provinsi ini tidak tersedia.",
        "en": "No map shapes are available for this province.",
    },
    "maps_table": {"id": "Angka di peta (tabel)", "en": "Figures on the map (table)"},
    "maps_file_coops": {"id": "peta koperasi aktif", "en": "map active cooperatives"},
    "maps_file_pokja": {"id": "peta tahap pokja", "en": "map pokja stage"},
    "maps_col_code": {"id": "Kode", "en": "Code"},
    "maps_col_area": {"id": "Wilayah", "en": "Area"},
    "maps_col_registered": {"id": "Koperasi terdaftar", "en": "Registered cooperatives"},
    "maps_col_active": {"id": "Koperasi aktif", "en": "Active cooperatives"},
    "maps_col_pct": {"id": "% aktif", "en": "% active"},
    "maps_col_stage": {"id": "Tahap Pokja", "en": "Pokja stage"},
    "maps_col_since": {"id": "Sejak", "en": "Since"},
    "maps_col_mandated": {"id": "Wajib membentuk Pokja", "en": "Must form a Pokja"},
}
