"""Names of the details an audit entry records (Riwayat), so no raw key is shown."""

TEXT: dict[str, dict[str, str]] = {
    "hist_col_at_zone": {"id": "Waktu ({zone})", "en": "Time ({zone})"},
    "hist_detail_role": {"id": "Peran", "en": "Role"},
    "hist_detail_province_code": {"id": "Kode provinsi", "en": "Province code"},
    "hist_detail_display_name": {"id": "Nama tampilan", "en": "Display name"},
    "hist_detail_password": {"id": "Kata sandi ditetapkan", "en": "Password set"},
    "hist_detail_strict": {"id": "Mode ketat", "en": "Strict mode"},
    "hist_detail_new": {"id": "Baru", "en": "New"},
    "hist_detail_changed": {"id": "Berubah", "en": "Changed"},
    "hist_detail_unchanged": {"id": "Tetap", "en": "Unchanged"},
    "hist_detail_rejected": {"id": "Ditolak", "en": "Rejected"},
    "hist_detail_deleted": {"id": "Dihapus", "en": "Deleted"},
    "hist_detail_restored": {"id": "Dipulihkan", "en": "Restored"},
    "hist_detail_title": {"id": "Judul", "en": "Title"},
    "hist_detail_held_on": {"id": "Tanggal", "en": "Date"},
    "hist_detail_outlet": {"id": "Media", "en": "Outlet"},
    "hist_detail_url": {"id": "Tautan", "en": "URL"},
    "hist_detail_figures": {"id": "Angka koperasi", "en": "Cooperative figures"},
    "hist_detail_pokja_stage": {"id": "Tahap Pokja", "en": "Pokja stage"},
    "hist_detail_active": {"id": "Aktif", "en": "Active"},
}
