"""Texts of the "Kesehatan Koperasi" page (keys prefixed ``coop_``)."""

TEXT = {
    # headline and rule
    "coop_intro": {
        "id": "Koperasi terdaftar, aktif dan tidak aktif menurut register, di samping angka yang dilaporkan sumber.",
        "en": "Registered, active and inactive cooperatives according to the register, beside the figures sources reported.",
    },
    "coop_rule": {
        "id": "Aktif = RAT diadakan tiap tahun {first}–{last} (N = {n}, Permen KUKM 25/2015)",
        "en": "Active = RAT held in each year {first}–{last} (N = {n}, Permen KUKM 25/2015)",
    },
    "coop_rule_one_year": {
        "id": "Aktif = RAT diadakan tahun {last} (N = 1; Permen KUKM 25/2015 memakai N = 3)",
        "en": "Active = RAT held in {last} (N = 1; Permen KUKM 25/2015 uses N = 3)",
    },
    "coop_rule_help": {
        "id": "Terdaftar = tercatat di register pada akhir {year}, belum dibubarkan. Tidak aktif = terdaftar tetapi tidak memenuhi aturan aktif. Ubah N di filter samping.",
        "en": "Registered = on the register at the end of {year}, not dissolved. Inactive = registered but not meeting the active rule. Change N in the sidebar.",
    },
    "coop_sector_note": {
        "id": "Filter sektor berlaku untuk rapat; halaman ini selalu menampilkan koperasi.",
        "en": "The sector filter applies to meetings; this page always shows cooperatives.",
    },
    "coop_registry_heading": {"id": "Menurut register koperasi", "en": "According to the cooperative register"},
    "coop_metric_registered": {"id": "Terdaftar", "en": "Registered"},
    "coop_metric_active": {"id": "Aktif", "en": "Active"},
    "coop_metric_inactive": {"id": "Tidak aktif", "en": "Inactive"},
    "coop_metric_pct_active": {"id": "% aktif", "en": "% active"},
    # status and jenis
    "coop_status_aktif": {"id": "Aktif", "en": "Active"},
    "coop_status_tidak_aktif": {"id": "Tidak aktif", "en": "Inactive"},
    "coop_status_registered": {"id": "Terdaftar", "en": "Registered"},
    "coop_jenis_simpan_pinjam": {"id": "Simpan pinjam", "en": "Savings and loans"},
    "coop_jenis_konsumen": {"id": "Konsumen", "en": "Consumer"},
    "coop_jenis_produsen": {"id": "Produsen", "en": "Producer"},
    "coop_jenis_jasa": {"id": "Jasa", "en": "Services"},
    "coop_jenis_pemasaran": {"id": "Pemasaran", "en": "Marketing"},
    "coop_jenis_serba_usaha": {"id": "Serba usaha", "en": "Multi-purpose"},
    "coop_jenis_unknown": {"id": "Tidak diketahui", "en": "Unknown"},
    # sections
    "coop_by_province": {"id": "Aktif dan tidak aktif per provinsi", "en": "Active and inactive by province"},
    "coop_by_regency": {"id": "Aktif dan tidak aktif per kabupaten/kota", "en": "Active and inactive by regency/city"},
    "coop_click_to_drill": {
        "id": "Klik batang sebuah wilayah untuk melihat isinya.",
        "en": "Click an area's bar to look inside it.",
    },
    "coop_ranking": {"id": "Peringkat % aktif (terendah dulu)", "en": "Ranking by % active (lowest first)"},
    "coop_ranking_help": {
        "id": "Wilayah dengan persentase koperasi aktif terendah paling perlu perhatian.",
        "en": "Areas with the lowest share of active cooperatives need attention first.",
    },
    "coop_ranking_empty": {
        "id": "Tanpa koperasi terdaftar (tidak diperingkat): {areas}.",
        "en": "No registered cooperative (not ranked): {areas}.",
    },
    "coop_trend": {"id": "Tren per tahun", "en": "Trend per year"},
    "coop_trend_help": {
        "id": "Tiap tahun: terdaftar (tinggi total) = aktif + tidak aktif, dengan aturan aktif N = {n} pada tahun itu.",
        "en": "Each year: registered (total height) = active + inactive, with the active rule N = {n} in that year.",
    },
    "coop_trend_from": {
        "id": "Dimulai {year}: RAT tercatat sejak {first}, jadi aturan N = {n} baru dapat dinilai mulai {year}.",
        "en": "Starts in {year}: RAT records begin in {first}, so the rule with N = {n} can be judged from {year} on.",
    },
    "coop_by_jenis": {"id": "Menurut jenis koperasi", "en": "By type of cooperative"},
    "coop_registry": {"id": "Daftar koperasi", "en": "Cooperative register"},
    "coop_search": {"id": "Cari nama atau NIK", "en": "Search name or NIK"},
    "coop_search_placeholder": {"id": "mis. Sejahtera, atau nomor NIK", "en": "e.g. Sejahtera, or a NIK number"},
    "coop_page_prev": {"id": "‹ Sebelumnya", "en": "‹ Previous"},
    "coop_page_next": {"id": "Berikutnya ›", "en": "Next ›"},
    "coop_showing": {
        "id": "Menampilkan {first}–{last} dari {total} koperasi (halaman {page} dari {pages}).",
        "en": "Showing {first}–{last} of {total} cooperatives (page {page} of {pages}).",
    },
    "coop_showing_capped": {
        "id": "Hanya {shown} baris pertama dapat dibuka di sini; persempit wilayah atau gunakan pencarian untuk melihat yang lain.",
        "en": "Only the first {shown} rows can be opened here; narrow the area or search to see the others.",
    },
    "coop_no_match": {"id": "Tidak ada koperasi yang cocok dengan \"{q}\".", "en": "No cooperative matches \"{q}\"."},
    "coop_download_page_note": {
        "id": "Unduhan berisi baris halaman ini.",
        "en": "Downloads hold the rows of this page.",
    },
    # reported figures
    "coop_reported": {"id": "Angka yang dilaporkan sumber", "en": "Figures as sources reported them"},
    "coop_reported_help": {
        "id": "Apa adanya seperti diberitakan, tidak dikoreksi. Bandingkan dengan angka register di atas.",
        "en": "As published, not corrected. Compare with the register figures above.",
    },
    "coop_mark_inconsistent": {
        "id": "tidak konsisten: {active} + {inactive} ≠ {total}",
        "en": "inconsistent: {active} + {inactive} ≠ {total}",
    },
    "coop_mark_approximate": {"id": "sekitar (angka perkiraan)", "en": "approximate (\"about\")"},
    "coop_reported_flagged": {
        "id": "{n} baris ditandai: angka tidak konsisten atau perkiraan. Lihat kolom \"Tanda\".",
        "en": "{n} rows flagged as inconsistent or approximate. See the \"Flags\" column.",
    },
    # column headers
    "coop_col_rank": {"id": "Peringkat", "en": "Rank"},
    "coop_col_area_code": {"id": "Kode wilayah", "en": "Area code"},
    "coop_col_area": {"id": "Wilayah", "en": "Area"},
    "coop_col_registered": {"id": "Terdaftar", "en": "Registered"},
    "coop_col_active": {"id": "Aktif", "en": "Active"},
    "coop_col_inactive": {"id": "Tidak aktif", "en": "Inactive"},
    "coop_col_pct_active": {"id": "% aktif", "en": "% active"},
    "coop_col_year": {"id": "Tahun", "en": "Year"},
    "coop_col_jenis": {"id": "Jenis", "en": "Type"},
    "coop_col_name": {"id": "Nama koperasi", "en": "Cooperative"},
    "coop_col_nik": {"id": "NIK", "en": "NIK"},
    "coop_col_regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "coop_col_kelompok": {"id": "Kelompok", "en": "Group"},
    "coop_col_last_rat": {"id": "RAT terakhir", "en": "Last RAT"},
    "coop_col_status": {"id": "Status", "en": "Status"},
    "coop_col_as_of": {"id": "Per tanggal", "en": "As of"},
    "coop_col_total": {"id": "Jumlah", "en": "Total"},
    "coop_col_flags": {"id": "Tanda", "en": "Flags"},
    "coop_col_source": {"id": "Sumber", "en": "Source"},
    "coop_col_headline": {"id": "Judul", "en": "Headline"},
    "coop_col_published": {"id": "Tanggal terbit", "en": "Published"},
    "coop_col_url": {"id": "Tautan", "en": "Link"},
    "coop_col_note": {"id": "Catatan", "en": "Note"},
    "coop_col_status_label": {"id": "Status", "en": "Status"},
    "coop_col_count": {"id": "Jumlah koperasi", "en": "Cooperatives"},
    # download file names
    "coop_file_areas": {"id": "koperasi per wilayah", "en": "cooperatives by area"},
    "coop_file_ranking": {"id": "peringkat koperasi aktif", "en": "ranking active cooperatives"},
    "coop_file_trend": {"id": "tren koperasi", "en": "cooperative trend"},
    "coop_file_jenis": {"id": "koperasi per jenis", "en": "cooperatives by type"},
    "coop_file_registry": {"id": "daftar koperasi", "en": "cooperative register"},
    "coop_file_reported": {"id": "angka koperasi dilaporkan", "en": "reported cooperative figures"},
}
