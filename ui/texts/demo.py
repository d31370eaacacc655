"""Texts of issue 12 (an official reads it right): demo marks, download flavours, the phone agenda."""

TEXT: dict[str, dict[str, str]] = {
    "demo_mark": {"id": "DEMO", "en": "DEMO"},
    "demo_badge": {"id": ":orange-badge[DEMO · data sintetis]", "en": ":orange-badge[DEMO · synthetic data]"},
    "demo_banner": {
        "id": "**Data demo dalam tampilan ini** (sintetis: buatan, bukan fakta): {parts}. Angka yang dihitung "
              "dari data demo bertanda DEMO. Centang \"Hanya data nyata\" di bilah samping untuk "
              "menyembunyikannya.",
        "en": "**Demo data in view** (synthetic: generated, not facts): {parts}. Figures computed from demo "
              "data are marked DEMO. Tick \"Real data only\" in the sidebar to hide them.",
    },
    "source_kind_news": {"id": "berita", "en": "news"},
    "source_kind_official_dataset": {"id": "data resmi", "en": "official data"},
    "source_kind_manual": {"id": "isian manual", "en": "entered by hand"},
    "source_kind_synthetic": {"id": "data demo (sintetis)", "en": "demo data (synthetic)"},
    "source_demo_headline": {
        "id": "Data contoh buatan aplikasi untuk mencoba halaman ini — bukan fakta",
        "en": "Example data made by the app to try this page — not facts",
    },
    "demo_banner_part": {"id": "{synthetic} dari {rows} {unit}", "en": "{synthetic} of {rows} {unit}"},
    "demo_unit_cooperatives": {"id": "koperasi terdaftar", "en": "registered cooperatives"},
    "demo_unit_cooperative_counts": {"id": "angka koperasi yang dilaporkan", "en": "reported cooperative figures"},
    "demo_unit_meetings": {"id": "rapat", "en": "meetings"},
    "demo_unit_pokja": {"id": "catatan Pokja kab/kota", "en": "kab/kota Pokja records"},
    "demo_unit_satgas_kdmp": {"id": "catatan Satgas KDMP kab/kota", "en": "kab/kota Satgas KDMP records"},
    "demo_unit_kdmp": {"id": "catatan KDMP desa/kelurahan", "en": "desa/kelurahan KDMP records"},
    "demo_figures_all": {
        "id": "Angka di atas dihitung dari data demo (sintetis): bukan angka nyata.",
        "en": "The figures above are computed from demo (synthetic) data: they are not real figures.",
    },
    "demo_figures_part": {
        "id": "Angka di atas memuat {synthetic} baris demo (sintetis) dari {rows}: bukan angka nyata.",
        "en": "The figures above include {synthetic} demo (synthetic) rows of {rows}: they are not real figures.",
    },
    "demo_real_instead": {
        "id": "Angka **nyata** untuk wilayah ini adalah yang dilaporkan sumber: {figures} ({outlet}, {date}). "
              "Lihat \"Angka yang dilaporkan sumber\" di bawah.",
        "en": "The **real** figure for this area is the one a source reported: {figures} ({outlet}, {date}). "
              "See \"Figures as reported\" below.",
    },
    "demo_real_figures": {
        "id": "{total} terdaftar, {active} aktif, {inactive} tidak aktif",
        "en": "{total} registered, {active} active, {inactive} inactive",
    },
    "demo_delta": {"id": "DEMO · data sintetis", "en": "DEMO · synthetic data"},
    "col_demo_flag": {"id": "Data demo", "en": "Demo data"},
    "col_demo_count": {"id": "Baris demo (sintetis)", "en": "Demo rows (synthetic)"},
    "demo_yes": {"id": "ya", "en": "yes"},
    "demo_no": {"id": "tidak", "en": "no"},
    "xlsx_demo_share": {"id": "Baris dengan data demo", "en": "Rows with demo data"},
    "xlsx_demo_share_value": {"id": "{n} dari {rows} ({p})", "en": "{n} of {rows} ({p})"},
    "download_csv_excel_id": {"id": "Unduh CSV (Excel Indonesia)", "en": "Download CSV (Excel, Indonesian)"},
    "download_csv_help": {
        "id": "CSV standar: UTF-8, dipisah koma, titik desimal, tanggal TTTT-BB-HH.",
        "en": "Standard CSV: UTF-8, comma-separated, decimal point, dates YYYY-MM-DD.",
    },
    "download_csv_excel_id_help": {
        "id": "Untuk Excel dengan pengaturan wilayah Indonesia: dipisah titik koma (;), koma desimal.",
        "en": "For Excel with Indonesian regional settings: semicolon-separated (;), decimal comma.",
    },
    "mtg_month_none": {"id": "Tidak ada rapat tercatat pada bulan ini untuk filter ini.",
                       "en": "No meeting on record in this month for these filters."},
    "mtg_col_meetings": {"id": "Rapat", "en": "Meetings"},
    "ex_mandate_pick": {"id": "Pilih mandat", "en": "Choose a mandate"},
}
