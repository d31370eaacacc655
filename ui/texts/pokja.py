"""Texts of the "Status Pokja" page (pages/pokja_status.py) and the Pokja stage labels."""

TEXT = {
    "pokja_programme": {"id": "Gugus tugas (mandat)", "en": "Task force (mandate)"},
    "pokja_programme_pokja_pmi": {"id": "Pokja PMI & AKAD / Satgas PPMI", "en": "Pokja PMI & AKAD / Satgas PPMI"},
    "pokja_programme_satgas_kdmp": {"id": "Satgas Koperasi Merah Putih (Keppres 9/2025)",
                                    "en": "Satgas Koperasi Merah Putih (Keppres 9/2025)"},
    "pokja_intro_satgas_kdmp": {
        "id": "Keppres No. 9 Tahun 2025 mewajibkan Satgas Percepatan Pembentukan Koperasi Desa/Kelurahan Merah "
              "Putih di setiap provinsi dan kabupaten/kota, jadi **semua 514 kab/kota** wajib membentuknya. "
              "Halaman ini menunjukkan tahap tiap kab/kota menurut sumber yang tercatat; tanggal terbit Keppres "
              "belum tercatat, sehingga tanda lewat tenggat ({n} hari) tidak dapat dihitung.",
        "en": "Keppres No. 9/2025 requires a Satgas for accelerating the Koperasi Desa/Kelurahan Merah Putih in "
              "every province and regency/city, so **all 514 regencies/cities** must form one. This page shows "
              "each one's stage as recorded sources report it; the Keppres' issue date is not recorded, so the "
              "overdue mark ({n} days) cannot be computed.",
    },
    "pokja_h_tally": {"id": "Angka yang dipublikasikan", "en": "Published figures"},
    "pokja_tally_caption": {
        "id": "Sebagaimana dilaporkan sumbernya (rekap Kemendagri 8 Agustus 2025), tidak dihitung ulang. Kab/kota "
              "di provinsi yang dinyatakan tuntas tercatat terbentuk per tanggal rekap.",
        "en": "As the source reported them (Ministry of Home Affairs tally of 8 August 2025), not recomputed. "
              "Regencies of provinces reported complete are recorded as formed as of the tally's date.",
    },
    "pokja_file_tally": {"id": "satgas-kdmp-angka-dilaporkan", "en": "satgas-kdmp-reported-figures"},
    "pokja_col_area": {"id": "Wilayah", "en": "Area"},
    "pokja_area_national": {"id": "Indonesia", "en": "Indonesia"},
    "pokja_col_figure": {"id": "Angka", "en": "Figure"},
    "pokja_col_value": {"id": "Nilai", "en": "Value"},
    "pokja_col_of_total": {"id": "Dari", "en": "Of"},
    "pokja_intro_pokja_pmi": {
        "id": "Setiap kabupaten/kota wajib membentuk Pokja Pelayanan Terpadu Perlindungan PMI dan Tenaga Kerja "
              "Akad (di NTT: Kesepakatan Bersama Gubernur NTT dengan bupati/wali kota, 2019). Halaman ini "
              "menunjukkan tahap tiap kab/kota menurut sumber yang tercatat. Pokja yang belum terbentuk lebih "
              "dari {n} hari setelah mandat terbit ditandai **lewat tenggat**.",
        "en": "Every regency/city must form a Pokja for integrated protection services for migrant workers "
              "(in NTT: the 2019 agreement between the Governor of NTT and every bupati/mayor). This page shows "
              "each regency's stage as recorded sources report it. A Pokja not formed more than {n} days after "
              "its mandate was issued is marked **overdue**.",
    },
    "pokja_no_report_rule": {
        "id": "**Belum ada laporan** berarti kab/kota itu wajib membentuk {body} (mandat berlaku di provinsinya) "
              "tetapi belum ada sumber tercatat tentang {body}-nya. Itu *bukan* berarti \"belum dibentuk\": "
              "keadaannya tidak diketahui, dan tidak ditandai lewat tenggat.",
        "en": "**No report** means the regency must form a {body} (a mandate applies in its province) but no "
              "recorded source says anything about it. It does *not* mean \"not started\": its state is unknown, "
              "and it is not marked overdue.",
    },
    "pokja_filters_ignored": {
        "id": "Filter tanggal dan sektor tidak berlaku di halaman ini: status Pokja adalah keadaan terkini.",
        "en": "The date and sector filters do not apply on this page: a Pokja's status is its current state.",
    },
    "pokja_stage_belum_dibentuk": {"id": "Belum dibentuk", "en": "Not started"},
    "pokja_stage_persiapan": {"id": "Persiapan", "en": "In preparation"},
    "pokja_stage_terbentuk": {"id": "Terbentuk (SK terbit)", "en": "Formed (decree issued)"},
    "pokja_stage_tidak_ada_data": {"id": "Belum ada laporan", "en": "No report"},
    "pokja_m_mandated": {"id": "Kab/kota wajib", "en": "Regencies mandated"},
    "pokja_m_overdue": {"id": "Lewat tenggat", "en": "Overdue"},
    "pokja_body_pokja_pmi": {"id": "Pokja", "en": "Pokja"},
    "pokja_body_satgas_kdmp": {"id": "Satgas", "en": "Satgas"},
    "pokja_h_not_formed": {"id": "Kab/kota yang belum membentuk {body}", "en": "Regencies that have not formed their {body}"},
    "pokja_not_formed_caption": {
        "id": "{n} kab/kota: {recorded} tercatat belum terbentuk, {unknown} belum ada laporan.",
        "en": "{n} regencies/cities: {recorded} on record as not formed, {unknown} with no report.",
    },
    "pokja_all_formed": {
        "id": "Semua kab/kota yang wajib dalam cakupan ini sudah membentuk {body}.",
        "en": "Every mandated regency/city in this scope has formed its {body}.",
    },
    "pokja_h_provinces": {"id": "Per provinsi", "en": "By province"},
    "pokja_provinces_caption": {
        "id": "Bagian dari kab/kota yang wajib. Kab/kota dengan {body} di bawah beberapa mandat dihitung sekali, "
              "pada tahap terjauhnya.",
        "en": "Share of the mandated regencies/cities. A regency with a {body} under several mandates counts once, "
              "at its most advanced stage.",
    },
    "pokja_chart_shares": {"id": "Tahap {body} kab/kota yang wajib", "en": "{body} stage of mandated regencies"},
    "pokja_axis_share": {"id": "Bagian kab/kota yang wajib", "en": "Share of mandated regencies"},
    "pokja_h_all": {"id": "Semua kab/kota dan mandat", "en": "All regencies and mandates"},
    "pokja_all_caption": {
        "id": "Satu baris per {body} tercatat (kab/kota × mandat) dan per kab/kota wajib yang belum ada laporan.",
        "en": "One row per recorded {body} (regency × mandate) and per mandated regency with no report.",
    },
    "pokja_h_history": {"id": "Riwayat tahapan satu kab/kota", "en": "Stage history of one regency"},
    "pokja_pick_regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "pokja_history_none": {
        "id": "Tidak ada kab/kota dengan riwayat {body} tercatat dalam cakupan ini.",
        "en": "No regency/city in this scope has a recorded {body} history.",
    },
    "pokja_chart_history": {"id": "Riwayat tahapan: {name}", "en": "Stage history: {name}"},
    "pokja_history_caption": {
        "id": "Titik: tahap yang dilaporkan sumber pada tanggal itu. Garis tegak putus-putus: tanggal mandat terbit.",
        "en": "Points: the stage a source reported on that date. Dashed vertical line: the date the mandate was issued.",
    },
    "pokja_yes": {"id": "Ya", "en": "Yes"},
    "pokja_yes_overdue": {"id": "⚠ Ya", "en": "⚠ Yes"},
    "pokja_no": {"id": "Tidak", "en": "No"},
    "pokja_unknown": {"id": "–", "en": "–"},
    "pokja_overdue_help": {
        "id": "Lewat tenggat: belum terbentuk lebih dari {n} hari setelah mandat terbit. \"–\": tidak diketahui "
              "(belum ada laporan, atau tanggal mandat tidak tercatat).",
        "en": "Overdue: not formed more than {n} days after the mandate was issued. \"–\": unknown (no report, "
              "or the mandate date is not recorded).",
    },
    "pokja_overdue_unknown_help": {
        "id": "Lewat tenggat tidak dapat dihitung: tanggal terbit mandat tidak tercatat, jadi tenggat {n} hari "
              "tidak diketahui ({k} kab/kota tercatat belum terbentuk tidak dapat dinilai). Angka ini bukan 0.",
        "en": "Overdue cannot be computed: the mandate's issue date is not recorded, so the {n}-day deadline is "
              "unknown ({k} regencies/cities on record as not formed cannot be judged). This figure is not 0.",
    },
    "pokja_file_not_formed": {"id": "pokja belum terbentuk", "en": "pokja not formed"},
    "pokja_file_provinces": {"id": "pokja per provinsi", "en": "pokja by province"},
    "pokja_file_all": {"id": "pokja per kabkota", "en": "pokja by regency"},
    "pokja_file_history": {"id": "riwayat pokja", "en": "pokja history"},
    "pokja_col_province": {"id": "Provinsi", "en": "Province"},
    "pokja_col_code": {"id": "Kode", "en": "Code"},
    "pokja_col_regency": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "pokja_col_mandate": {"id": "Mandat", "en": "Mandate"},
    "pokja_col_mandate_issued": {"id": "Tanggal mandat", "en": "Mandate date"},
    "pokja_col_stage": {"id": "Tahap", "en": "Stage"},
    "pokja_col_since": {"id": "Sejak", "en": "Since"},
    "pokja_col_not_started_on": {"id": "Tercatat belum dibentuk", "en": "Reported not started"},
    "pokja_col_preparation_on": {"id": "Mulai persiapan", "en": "Preparation from"},
    "pokja_col_formed_on": {"id": "Terbentuk", "en": "Formed"},
    "pokja_col_sk": {"id": "Nomor SK", "en": "Decree number"},
    "pokja_col_name": {"id": "Nama Pokja/Satgas", "en": "Task force name"},
    "pokja_col_source": {"id": "Sumber", "en": "Source"},
    "pokja_col_days_since": {"id": "Hari sejak mandat", "en": "Days since mandate"},
    "pokja_col_days_to_form": {"id": "Hari sampai terbentuk", "en": "Days to form"},
    "pokja_col_overdue": {"id": "Lewat tenggat", "en": "Overdue"},
    "pokja_col_regencies": {"id": "Kab/kota", "en": "Regencies"},
    "pokja_col_mandated": {"id": "Kab/kota wajib", "en": "Regencies mandated"},
    "pokja_col_share": {"id": "Bagian", "en": "Share"},
    "pokja_col_date": {"id": "Tanggal", "en": "Date"},
    "pokja_col_note": {"id": "Catatan", "en": "Note"},
    "pokja_col_headline": {"id": "Judul sumber", "en": "Source headline"},
    "pokja_col_url": {"id": "Tautan", "en": "URL"},
    "pokja_col_published": {"id": "Tanggal terbit sumber", "en": "Source published"},
}
