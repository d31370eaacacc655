"""Texts of the Ekstraksi berita page: the extractor's warnings (``ex_warn_<code>``, filled from the
notice's params) and the rows of the evidence table not shared with the form."""

TEXT: dict[str, dict[str, str]] = {
    "ex_col_warning": {"id": "Catatan", "en": "Note"},
    "ex_on_behalf_of": {"id": "Mewakili", "en": "On behalf of"},
    "ex_chaired_by": {"id": "Dipimpin oleh", "en": "Chaired by"},
    "ex_figures_area": {"id": "Wilayah angka koperasi", "en": "Area of the figures"},
    "ex_derived": {"id": "{role}: {value} (turunan, tidak tertulis)", "en": "{role}: {value} (derived, not written)"},
    "ex_warn_no_date": {"id": "Tanggal rapat tidak ditemukan dalam teks.",
                        "en": "No meeting date found in the text."},
    "ex_warn_year_unknown": {"id": "Tahun pada '{written}' tidak ditulis dan tidak dapat disimpulkan.",
                             "en": "The year of '{written}' is not written and could not be inferred."},
    "ex_warn_year_from_publication": {
        "id": "Tahun tidak ditulis pada '{written}': {year} diambil dari tanggal terbit.",
        "en": "Year not written in '{written}': {year} taken from the publication date."},
    "ex_warn_year_from_text": {
        "id": "Tahun tidak ditulis pada '{written}': {year} diambil dari tahun yang disebut dalam teks.",
        "en": "Year not written in '{written}': {year} taken from a year named in the text."},
    "ex_warn_weekday_mismatch": {
        "id": "Hari tidak cocok: tertulis '{written}', padahal {date} adalah hari {actual_id}.",
        "en": "Weekday mismatch: '{written}' written but {date} is a {actual_en}."},
    "ex_warn_city_from_dateline": {
        "id": "Kota '{city}' diambil dari baris tempat berita (tempat berita ditulis).",
        "en": "City '{city}' taken from the dateline (where the report was filed)."},
    "ex_warn_ambiguous_place": {
        "id": "Nama tempat '{place}' ambigu: {candidates} — kabupaten/kota dikosongkan.",
        "en": "Ambiguous place '{place}': {candidates} — regency left empty."},
    "ex_warn_province_differs": {
        "id": "Rapat berlangsung di {regency}, tetapi disebut untuk {province}.",
        "en": "The meeting is held in {regency} but named for {province}."},
    "ex_warn_opener_represented": {
        "id": "Pembuka disimpulkan: teks tidak menyebut siapa yang membuka; {who} mewakili kepala daerah.",
        "en": "Opener inferred: the text does not say who opened it; {who} represented the head of region."},
    "ex_warn_opener_remarks": {
        "id": "Pembuka disimpulkan: teks tidak menyebut siapa yang membuka; {who} memberi sambutan/arahan.",
        "en": "Opener inferred: the text does not say who opened it; {who} gave the sambutan/arahan."},
    "ex_warn_opener_read_out": {
        "id": "Pembuka disimpulkan: teks tidak menyebut siapa yang membuka; {who} membacakan sambutan kepala daerah.",
        "en": "Opener inferred: the text does not say who opened it; {who} read the head of region's speech."},
    "ex_warn_date_unproven": {
        "id": "Tanggal rapat dikosongkan: tidak ada tanggal yang terbukti tanggal rapat ('{written}' ada dalam kutipan, "
              "rencana, atau peristiwa lain).",
        "en": "Meeting date left empty: no date of the text is shown to be the meeting's ('{written}' is in a quote, "
              "a plan or another event)."},
    "ex_warn_office_place": {
        "id": "'{place}' adalah bagian dari nama kantor ('{office}'), bukan wilayah yang diberitakan — kab/kota "
              "diserahkan untuk diputuskan.",
        "en": "'{place}' is part of an office's name ('{office}'), not the area the report is about — kab/kota "
              "left to decide."},
    "ex_warn_provincial_venue": {
        "id": "Rapat di kantor provinsi atau kementerian ('{venue}'): kab/kota tidak diambil dari nama lain dalam teks.",
        "en": "The meeting sat at a provincial or national office ('{venue}'): no kab/kota taken from other names."},
    "ex_warn_figures_contested": {
        "id": "Angka {role} lain dalam berita diragukan — dikosongkan.",
        "en": "Another {role} figure in the report is in doubt — left empty."},
    "ex_warn_regency_bare_name": {
        "id": "Kab/kota '{place}' diambil dari satu-satunya tempat yang disebut berita (tanpa 'Kabupaten'/'Kota').",
        "en": "Kab/kota '{place}' taken from the only place the report names (written without 'Kabupaten'/'Kota')."},
    "ex_warn_pokja_several": {"id": "Beberapa tahap Pokja disebut ({stages}); diambil '{stage}'.",
                              "en": "Several Pokja stages mentioned ({stages}); took '{stage}'."},
    "ex_warn_figures_sub_area": {"id": "Angka wilayah bagian (kecamatan/desa) tidak diambil: '{quote}'",
                                 "en": "Figures of a sub-area (kecamatan/desa) not taken: '{quote}'"},
    "ex_warn_figures_kdmp": {
        "id": "Angka Koperasi Merah Putih bukan angka koperasi wilayah (ditampilkan sebagai angka KDMP): '{quote}'",
        "en": "Koperasi Merah Putih figures are no area's cooperative figures (shown as KDMP figures): '{quote}'"},
    "ex_warn_kdmp_conflict": {"id": "Dua nilai KDMP untuk {key} ({values}) — dikosongkan.",
                              "en": "Two KDMP values for {key} ({values}) — left empty."},
    "ex_warn_kdmp_no_area": {"id": "Angka KDMP tanpa kab/kota atau provinsi tidak diambil: '{quote}'",
                             "en": "KDMP figures with no kab/kota or province of their own not taken: '{quote}'"},
    "ex_warn_kdmp_areas": {"id": "Angka KDMP beberapa wilayah ({areas}) — wilayah dikosongkan.",
                           "en": "KDMP figures of several areas ({areas}) — area left empty."},
    "ex_kdmp_title": {"id": "Angka Koperasi Desa/Kelurahan Merah Putih (KDMP)",
                      "en": "Koperasi Desa/Kelurahan Merah Putih (KDMP) figures"},
    "ex_kdmp_caption": {
        "id": "Angka KDMP yang disebut berita, dengan kutipannya; tidak pernah disimpan sebagai angka koperasi.",
        "en": "KDMP figures the report states, with their quotes; never saved as cooperative figures."},
    "ex_kdmp_save": {"id": "Simpan angka KDMP ini sebagai angka yang dilaporkan (sumbernya berita ini)",
                     "en": "Save these KDMP figures as reported figures (their source: this report)"},
    "ex_kdmp_save_help": {
        "id": "Tanpa wilayah atau tanggal sendiri, angka memakai kabupaten/kota (atau provinsi) dan tanggal rapat.",
        "en": "Without their own area or date, the figures take the meeting's regency (or province) and date."},
    "ex_kdmp_formed": {"id": "KDMP terbentuk", "en": "KDMP formed"},
    "ex_kdmp_notarial_deed": {"id": "Dengan akta notaris", "en": "With notarial deed"},
    "ex_kdmp_legal_entity": {"id": "Berbadan hukum (SK AHU)", "en": "With legal entity (SK AHU)"},
    "ex_kdmp_operational": {"id": "Sudah beroperasi", "en": "Operational"},
    "ex_kdmp_villages": {"id": "Desa/kelurahan", "en": "Desa/kelurahan"},
    "ex_kdmp_area": {"id": "Wilayah", "en": "Area"},
    "ex_kdmp_as_of": {"id": "Per tanggal", "en": "As of"},
    "ex_kdmp_formed_key": {"id": "terbentuk", "en": "formed"},
    "ex_kdmp_notarial_deed_key": {"id": "akta notaris", "en": "notarial deed"},
    "ex_kdmp_legal_entity_key": {"id": "badan hukum", "en": "legal entity"},
    "ex_kdmp_operational_key": {"id": "beroperasi", "en": "operational"},
    "ex_kdmp_villages_key": {"id": "desa/kelurahan", "en": "desa/kelurahan"},
    "ex_warn_figures_other_year": {"id": "Angka tahun lain tidak diambil: '{quote}'",
                                   "en": "Figures of another year not taken: '{quote}'"},
    "ex_warn_figures_earlier": {"id": "Angka per tanggal yang lebih awal tidak diambil: '{quote}'",
                                "en": "Figures of an earlier date not taken: '{quote}'"},
    "ex_warn_kdmp_sub_area": {"id": "Angka KDMP wilayah bagian (kecamatan/desa) tidak diambil: '{quote}'",
                              "en": "KDMP figures of a sub-area (kecamatan/desa) not taken: '{quote}'"},
    "ex_warn_figures_national": {"id": "Angka nasional tidak diambil: '{quote}'",
                                 "en": "Figures of the whole country not taken: '{quote}'"},
    "ex_warn_figures_conflict": {"id": "Dua nilai untuk {role} ({values}) — dikosongkan.",
                                 "en": "Two values for {role} ({values}) — left empty."},
    "ex_warn_figures_areas": {"id": "Angka koperasi beberapa wilayah dalam satu berita — dikosongkan.",
                              "en": "Cooperative figures of several areas in one report — left empty."},
    "ex_warn_figures_inconsistent": {
        "id": "Angka koperasi tidak cocok: {active} aktif + {inactive} tidak aktif ≠ {total} — dikosongkan.",
        "en": "Cooperative figures do not add up: {active} active + {inactive} inactive ≠ {total} — left empty."},
    "ex_warn_figures_derived": {
        "id": "{role} {value} tidak tertulis, hanya tersirat dari angka lain (turunan, tidak diisikan).",
        "en": "{role} {value} is not written, only implied by the others (derived, not filled in)."},
    "ex_warn_figures_area_unknown": {"id": "Wilayah angka koperasi tidak jelas.",
                                     "en": "The area of the cooperative figures is not clear."},
}
