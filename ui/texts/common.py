"""Texts shared by the whole app (sidebar, banners, common labels)."""

TEXT: dict[str, dict[str, str]] = {
    "app_title": {"id": "Pantau Rakor", "en": "Pantau Rakor"},
    "app_tagline": {
        "id": "Koperasi, rapat koordinasi, dan Pokja perlindungan PMI di seluruh provinsi",
        "en": "Cooperatives, coordination meetings and migrant-worker task forces across provinces",
    },
    "language": {"id": "Bahasa", "en": "Language"},
    "nav_dashboard": {"id": "Dasbor", "en": "Dashboard"},
    "page_overview": {"id": "Ringkasan", "en": "Overview"},
    "page_cooperatives": {"id": "Kesehatan Koperasi", "en": "Cooperative health"},
    "page_meetings": {"id": "Kalender Rakor", "en": "Meeting calendar"},
    "page_pokja": {"id": "Status Pokja", "en": "Pokja status"},
    "page_maps": {"id": "Peta", "en": "Maps"},
    "kind": {"id": "Jenis data", "en": "Kind of data"},
    "total": {"id": "Jumlah", "en": "Total"},
    "synthetic": {"id": "Sintetis (demo)", "en": "Synthetic (demo)"},
    "kind_provinces": {"id": "Provinsi", "en": "Provinces"},
    "kind_regencies": {"id": "Kabupaten/kota", "en": "Regencies/cities"},
    "kind_meetings": {"id": "Rapat", "en": "Meetings"},
    "kind_cooperatives": {"id": "Koperasi (register)", "en": "Cooperatives (register)"},
    "kind_pokja": {"id": "Pokja", "en": "Task forces (Pokja)"},
    "kind_sources": {"id": "Sumber", "en": "Sources"},
    "database_contents": {"id": "Isi basis data", "en": "Database contents"},
}
