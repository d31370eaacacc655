"""Texts of the Ringkasan (overview) page."""

TEXT = {
    "ov_cooperatives": {"id": "Koperasi", "en": "Cooperatives"},
    "ov_registered": {"id": "Koperasi terdaftar", "en": "Registered cooperatives"},
    "ov_active": {"id": "Koperasi aktif", "en": "Active cooperatives"},
    "ov_pct_active": {"id": "{p} aktif", "en": "{p} active"},
    "ov_rule": {
        "id": "Aktif = RAT diadakan tiap tahun {start}–{end} (N = {n}, Permen KUKM 25/2015).",
        "en": "Active = RAT held in each year {start}–{end} (N = {n}, Permen KUKM 25/2015).",
    },
    "ov_no_register": {
        "id": "– : tidak ada baris register koperasi dalam cakupan ini, jadi jumlahnya tidak diketahui (bukan 0).",
        "en": "– : no cooperative register rows in this scope, so the count is unknown (not 0).",
    },
    "ov_no_register_real": {
        "id": "– : tidak ada baris register koperasi nyata (bukan demo) dalam cakupan ini, jadi jumlahnya tidak "
              "diketahui (bukan 0). Angka yang dilaporkan sumber ada di halaman Kesehatan Koperasi.",
        "en": "– : no real (non-demo) cooperative register rows in this scope, so the count is unknown (not 0). "
              "Figures reported by sources are on the Cooperative health page.",
    },
    "ov_no_meetings": {
        "id": "– : tidak ada catatan rapat dalam cakupan ini.",
        "en": "– : no meeting records in this scope.",
    },
    "ov_no_meetings_real": {
        "id": "– : tidak ada catatan rapat nyata (bukan demo) dalam cakupan ini.",
        "en": "– : no real (non-demo) meeting records in this scope.",
    },
    "ov_no_mandate": {
        "id": "– : tidak ada mandat pembentukan Pokja yang berlaku dalam cakupan ini.",
        "en": "– : no Pokja mandate applies in this scope.",
    },
    "ov_no_mandate_real": {
        "id": "– : tidak ada mandat atau catatan Pokja nyata (bukan demo) dalam cakupan ini.",
        "en": "– : no real (non-demo) Pokja mandate or record in this scope.",
    },
    "ov_upcoming": {"id": "Rapat mendatang", "en": "Upcoming meetings"},
    "ov_upcoming_help": {
        "id": "Rapat berstatus direncanakan yang tanggalnya hari ini atau sesudahnya — sama dengan tab "
              "Mendatang di Kalender Rakor.",
        "en": "Meetings with status planned dated today or later — the same as the Upcoming tab of the "
              "Meeting calendar.",
    },
    "ov_planned_past": {
        "id": "{n} rapat masih berstatus direncanakan padahal tanggalnya sudah lewat (belum dilaporkan terlaksana).",
        "en": "{n} meetings are still planned although their date has passed (not yet reported as held).",
    },
    "ov_status_held": {"id": "Terlaksana", "en": "Held"},
    "ov_status_cancelled": {"id": "Dibatalkan", "en": "Cancelled"},
    "ov_status_planned": {"id": "Direncanakan", "en": "Planned"},
    "ov_status_planned_past": {"id": "Direncanakan (tanggal lewat)", "en": "Planned (date passed)"},
    "col_status": {"id": "Status", "en": "Status"},
    "ov_cut": {
        "id": "{shown} dari {total} — unduhan memuat semua {total}; persempit cakupan di bilah samping untuk "
              "melihat sisanya di sini.",
        "en": "{shown} of {total} — the downloads hold all {total}; narrow the scope in the sidebar to see the "
              "rest here.",
    },
    "ov_meetings": {"id": "Rapat koordinasi", "en": "Coordination meetings"},
    "ov_held": {"id": "Rapat terlaksana", "en": "Meetings held"},
    "ov_planned": {"id": "Rapat direncanakan", "en": "Meetings planned"},
    "ov_pokja": {"id": "Pokja perlindungan PMI", "en": "Migrant-worker task forces (Pokja)"},
    "ov_formed": {"id": "Pokja terbentuk", "en": "Pokja formed"},
    "ov_of_mandated": {"id": "dari {n} kab/kota wajib", "en": "of {n} regencies mandated"},
    "ov_preparation": {"id": "Persiapan", "en": "In preparation"},
    "ov_not_started": {"id": "Belum dibentuk", "en": "Not started"},
    "ov_no_report": {"id": "Belum ada laporan", "en": "No report yet"},
    "ov_meetings_per_month": {"id": "Rapat per bulan", "en": "Meetings per month"},
    "ov_month": {"id": "Bulan", "en": "Month"},
    "ov_count": {"id": "Jumlah rapat", "en": "Meetings"},
    "ov_recent": {"id": "Lima rapat terakhir (menurut tanggal)", "en": "Five most recent meetings (by date)"},
    "ov_attention": {"id": "Perlu perhatian", "en": "Needs attention"},
    "ov_lowest_active": {
        "id": "Kabupaten/kota dengan persentase koperasi aktif terendah (minimal {n} koperasi terdaftar)",
        "en": "Regencies with the lowest share of active cooperatives (at least {n} registered)",
    },
    "ov_overdue": {
        "id": "Pokja belum terbentuk lebih dari {d} hari setelah mandat",
        "en": "Pokja not formed more than {d} days after the mandate",
    },
    "ov_none_overdue": {"id": "Tidak ada Pokja yang terlambat dalam cakupan ini.", "en": "No overdue Pokja in this scope."},
    "col_date": {"id": "Tanggal", "en": "Date"},
    "col_title": {"id": "Judul", "en": "Title"},
    "col_province": {"id": "Provinsi", "en": "Province"},
    "col_regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "col_city": {"id": "Tempat", "en": "Place"},
    "col_organizer": {"id": "Penyelenggara", "en": "Organiser"},
    "col_demo": {"id": "Data demo", "en": "Demo data"},
    "col_registered": {"id": "Terdaftar", "en": "Registered"},
    "col_active": {"id": "Aktif", "en": "Active"},
    "col_inactive": {"id": "Tidak aktif", "en": "Inactive"},
    "col_pct_active": {"id": "% aktif", "en": "% active"},
    "col_stage": {"id": "Tahap", "en": "Stage"},
    "col_mandate": {"id": "Mandat", "en": "Mandate"},
    "col_days_since_mandate": {"id": "Hari sejak mandat", "en": "Days since mandate"},
    "stage_belum_dibentuk": {"id": "Belum dibentuk", "en": "Not started"},
    "stage_persiapan": {"id": "Persiapan", "en": "In preparation"},
    "stage_terbentuk": {"id": "Terbentuk (SK terbit)", "en": "Formed (SK issued)"},
    "stage_tidak_ada_data": {"id": "Belum ada laporan", "en": "No report yet"},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
}
