"""Texts of the meeting calendar page ("Kalender Rakor"), its charts and its .ics export.

Keys start with ``mtg_`` so they never collide with another area's texts.
"""

TEXT: dict[str, dict[str, str]] = {
    "mtg_intro": {
        "id": "Rapat koordinasi, rapat teknis, workshop dan sosialisasi dalam cakupan filter.",
        "en": "Coordination meetings, technical meetings, workshops and outreach events within the filters.",
    },
    # Headline metrics
    "mtg_held": {"id": "Rapat terlaksana", "en": "Meetings held"},
    "mtg_planned": {"id": "Rapat direncanakan", "en": "Meetings planned"},
    "mtg_cancelled": {"id": "Rapat dibatalkan", "en": "Meetings cancelled"},
    "mtg_provinces": {"id": "Provinsi terlibat", "en": "Provinces involved"},
    "mtg_provinces_help": {
        "id": "Jumlah provinsi penyelenggara rapat dalam cakupan.",
        "en": "Number of provinces hosting the meetings in scope.",
    },
    "mtg_total_caption": {"id": "{n} rapat dalam cakupan.", "en": "{n} meetings in scope."},
    # Month calendar
    "mtg_calendar": {"id": "Kalender bulanan", "en": "Month calendar"},
    "mtg_month": {"id": "Bulan", "en": "Month"},
    "mtg_month_option": {"id": "{month} · {n} rapat", "en": "{month} · meetings: {n}"},
    "mtg_calendar_rule": {
        "id": "Angka di tengah kotak: jumlah rapat hari itu. Warna: sektor terbanyak hari itu (bila sama banyak, "
              "urutan Koperasi, Ketenagakerjaan, Ketransmigrasian, Perlindungan PMI). Rincian per sektor pada tooltip.",
        "en": "Number in a cell: meetings that day. Colour: the day's most frequent sector (ties go to the first of "
              "Cooperatives, Manpower, Transmigration, Migrant worker protection). Per-sector counts in the tooltip.",
    },
    "mtg_weekdays": {"id": "Sen,Sel,Rab,Kam,Jum,Sab,Min", "en": "Mon,Tue,Wed,Thu,Fri,Sat,Sun"},
    "mtg_week": {"id": "Pekan {n}", "en": "Week {n}"},
    "mtg_axis_week": {"id": "Pekan (ISO)", "en": "Week (ISO)"},
    "mtg_axis_weekday": {"id": "Hari", "en": "Day"},
    "mtg_tt_date": {"id": "Tanggal", "en": "Date"},
    "mtg_tt_meetings": {"id": "Jumlah rapat", "en": "Meetings"},
    "mtg_tt_by_sector": {"id": "Per sektor", "en": "By sector"},
    "mtg_tt_main_sector": {"id": "Sektor (warna)", "en": "Sector (colour)"},
    "mtg_legend_sector": {"id": "Sektor", "en": "Sector"},
    "mtg_no_meeting": {"id": "Tanpa rapat", "en": "No meeting"},
    # Timeline
    "mtg_timeline": {"id": "Linimasa per provinsi", "en": "Timeline by province"},
    "mtg_timeline_points": {
        "id": "Satu titik per rapat; warna: sektor pertama rapat (urutan tetap, di antara sektor yang difilter).",
        "en": "One point per meeting; colour: the meeting's first sector (fixed order, among the filtered sectors).",
    },
    "mtg_timeline_monthly": {
        "id": "Lebih dari {limit} rapat dalam cakupan: jumlah rapat per provinsi per bulan.",
        "en": "More than {limit} meetings in scope: meetings per province per month.",
    },
    "mtg_axis_date": {"id": "Tanggal", "en": "Date"},
    "mtg_axis_month": {"id": "Bulan", "en": "Month"},
    "mtg_axis_province": {"id": "Provinsi", "en": "Province"},
    "mtg_tt_title": {"id": "Judul", "en": "Title"},
    "mtg_tt_organizer": {"id": "Penyelenggara", "en": "Organiser"},
    "mtg_tt_sectors": {"id": "Sektor", "en": "Sectors"},
    "mtg_tt_status": {"id": "Status", "en": "Status"},
    # Lists
    "mtg_lists": {"id": "Daftar rapat", "en": "Meeting lists"},
    "mtg_upcoming_tab": {"id": "Mendatang ({n})", "en": "Upcoming ({n})"},
    "mtg_past_tab": {"id": "Lalu dan lainnya ({n})", "en": "Past and other ({n})"},
    "mtg_upcoming_rule": {
        "id": "Rapat berstatus direncanakan yang (hari terakhirnya) jatuh pada atau setelah {today}, "
              "yang terdekat lebih dulu.",
        "en": "Meetings planned whose (last) day is on or after {today}, soonest first.",
    },
    "mtg_past_rule": {
        "id": "Semua rapat lain dalam cakupan (terlaksana, dibatalkan, atau direncanakan sebelum {today}), "
              "yang terbaru lebih dulu.",
        "en": "Every other meeting in scope (held, cancelled, or planned before {today}), latest first.",
    },
    "mtg_shown_rows": {"id": "Menampilkan rapat ke-{first} sampai ke-{last} dari {total} rapat.",
                       "en": "Showing meetings {first} to {last} of {total}."},
    "mtg_page": {"id": "Halaman (dari {pages})", "en": "Page (of {pages})"},
    "mtg_files_all": {"id": "Berkas unduhan memuat semua {total} rapat daftar ini, bukan hanya halaman ini.",
                      "en": "The downloads hold all {total} meetings of this list, not only this page."},
    "mtg_shown": {"id": "Menampilkan {shown} dari {total} rapat.", "en": "Showing {shown} of {total} meetings."},
    "mtg_none_upcoming": {"id": "Tidak ada rapat mendatang dalam cakupan.", "en": "No upcoming meeting in scope."},
    "mtg_none_past": {"id": "Tidak ada rapat lalu dalam cakupan.", "en": "No past meeting in scope."},
    "mtg_col_date": {"id": "Tanggal", "en": "Date"},
    "mtg_col_ends": {"id": "Tanggal selesai", "en": "End date"},
    "mtg_col_title": {"id": "Judul", "en": "Title"},
    "mtg_col_kind": {"id": "Jenis", "en": "Kind"},
    "mtg_col_level": {"id": "Tingkat", "en": "Level"},
    "mtg_col_status": {"id": "Status", "en": "Status"},
    "mtg_col_province": {"id": "Provinsi", "en": "Province"},
    "mtg_col_regency": {"id": "Kab/kota tuan rumah", "en": "Host regency/city"},
    "mtg_col_city": {"id": "Kota tempat rapat", "en": "City"},
    "mtg_col_organizer": {"id": "Penyelenggara", "en": "Organiser"},
    "mtg_col_sectors": {"id": "Sektor", "en": "Sectors"},
    "mtg_col_source": {"id": "Sumber", "en": "Source"},
    "mtg_file_upcoming": {"id": "rapat-mendatang", "en": "upcoming-meetings"},
    "mtg_file_past": {"id": "rapat-lalu", "en": "past-meetings"},
    "mtg_file_calendar": {"id": "kalender-rapat", "en": "meeting-calendar"},
    # Codes
    "mtg_kind_rakor": {"id": "Rapat koordinasi", "en": "Coordination meeting"},
    "mtg_kind_rapat_teknis": {"id": "Rapat teknis", "en": "Technical meeting"},
    "mtg_kind_workshop": {"id": "Workshop", "en": "Workshop"},
    "mtg_kind_sosialisasi": {"id": "Sosialisasi", "en": "Outreach"},
    "mtg_kind_lainnya": {"id": "Lainnya", "en": "Other"},
    "mtg_level_nasional": {"id": "Nasional", "en": "National"},
    "mtg_level_provinsi": {"id": "Provinsi", "en": "Province"},
    "mtg_level_kabupaten_kota": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "mtg_status_held": {"id": "Terlaksana", "en": "Held"},
    "mtg_status_planned": {"id": "Direncanakan", "en": "Planned"},
    "mtg_status_cancelled": {"id": "Dibatalkan", "en": "Cancelled"},
    # Detail
    "mtg_detail": {"id": "Rincian rapat", "en": "Meeting detail"},
    "mtg_detail_pick": {"id": "Pilih rapat (dari daftar di atas)", "en": "Choose a meeting (from the lists above)"},
    "mtg_d_title": {"id": "Judul", "en": "Title"},
    "mtg_d_date": {"id": "Tanggal", "en": "Date"},
    "mtg_d_date_inferred": {
        "id": "Tahun tanggal ini disimpulkan dari konteks berita (tidak tertulis di sumber).",
        "en": "The year of this date was inferred from the article's context (the source does not state it).",
    },
    "mtg_d_date_stated": {"id": "Tanggal tertulis di sumber.", "en": "Date stated in the source."},
    "mtg_d_kind_level": {"id": "Jenis · tingkat · status", "en": "Kind · level · status"},
    "mtg_d_organizer": {"id": "Penyelenggara", "en": "Organiser"},
    "mtg_d_opened_by": {"id": "Dibuka oleh", "en": "Opened by"},
    "mtg_d_venue": {"id": "Tempat", "en": "Venue"},
    "mtg_d_city": {"id": "Kota", "en": "City"},
    "mtg_d_area": {"id": "Provinsi · kab/kota tuan rumah", "en": "Province · host regency/city"},
    "mtg_d_participants": {"id": "Peserta", "en": "Participants"},
    "mtg_d_theme": {"id": "Tema", "en": "Theme"},
    "mtg_d_sectors": {"id": "Sektor", "en": "Sectors"},
    "mtg_d_regencies": {"id": "Kab/kota yang ikut ({n})", "en": "Regencies/cities taking part ({n})"},
    "mtg_d_source": {"id": "Sumber", "en": "Source"},
    "mtg_d_open_source": {"id": "Buka sumber", "en": "Open source"},
    "mtg_d_further_sources": {"id": "Juga diberitakan oleh ({n} sumber lain)",
                              "en": "Also reported by ({n} further sources)"},
    "mtg_d_demo": {
        "id": "Rapat ini data demo sintetis, bukan data nyata.",
        "en": "This meeting is synthetic demo data, not a real record.",
    },
    "mtg_unknown": {"id": "tidak disebutkan", "en": "not stated"},
    # iCalendar export
    "mtg_ics_download": {"id": "Unduh kalender (.ics)", "en": "Download calendar (.ics)"},
    "mtg_ics_help": {
        "id": "Semua {n} rapat dalam cakupan (kedua daftar, semua halaman) sebagai acara sehari penuh, "
              "untuk Google Calendar atau Outlook. Rapat demo berjudul \"[DEMO] …\".",
        "en": "All {n} meetings in scope (both lists, every page) as all-day events, for Google Calendar or "
              "Outlook. Demo meetings are titled \"[DEMO] …\".",
    },
    "mtg_ics_demo_prefix": {"id": "[DEMO]", "en": "[DEMO]"},
    "mtg_ics_calname": {"id": "Pantau Rakor – rapat", "en": "Pantau Rakor – meetings"},
    "mtg_ics_organizer": {"id": "Penyelenggara", "en": "Organiser"},
    "mtg_ics_opened_by": {"id": "Dibuka oleh", "en": "Opened by"},
    "mtg_ics_source": {"id": "Sumber", "en": "Source"},
    "mtg_ics_inferred": {"id": "Tahun tanggal disimpulkan dari konteks.", "en": "Year of the date inferred from context."},
    "mtg_ics_demo": {"id": "DATA DEMO SINTETIS – bukan rapat nyata.", "en": "SYNTHETIC DEMO DATA – not a real meeting."},
}
