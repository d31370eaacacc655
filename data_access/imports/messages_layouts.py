"""Messages about areas, code schemes, published layouts, dates and the register (see ``messages``)."""

from __future__ import annotations

LAYOUT_MESSAGES: dict[str, dict[str, str]] = {
    "level_mismatch": {
        "id": "{region} bukan {level} (kolom tingkat wilayah menyebut {level})",
        "en": "{region} is not a {level} (the area level column says {level})",
    },
    "code_two_readings": {
        "id": "kode 4 angka ini dapat dibaca dua cara: {readings}. Isi juga nama kabupaten/kota, atau tulis kode "
              "Kemendagri dengan titik (11.09)",
        "en": "this 4-digit code reads two ways: {readings}. Fill the regency name too, or write the Kemendagri "
              "code with its dot (11.09)",
    },
    "code_province_mismatch": {
        "id": "kode menunjuk {region}, tetapi provinsinya tertulis {province}",
        "en": "the code points to {region}, but the province is given as {province}",
    },
    "unknown_code_bps": {
        "id": "kode BPS tidak dikenal (tidak ada di tabel padanan BPS–Kemendagri)",
        "en": "unknown BPS code (not in the BPS–Kemendagri crosswalk)",
    },
    "regency_column_unread": {
        "id": "Kolom \"{column}\" tampaknya berisi kabupaten/kota, tetapi tidak dapat dibaca sebagai kabupaten/kota "
              "atau kodenya. Berkas ditolak agar angka kabupaten/kota tidak tersimpan sebagai angka provinsi. "
              "Ganti judul kolom menjadi \"Kabupaten/Kota\" atau \"Kode Wilayah\".",
        "en": "Column \"{column}\" seems to hold regencies but cannot be read as a regency or its code. The file "
              "is refused so that regency figures are never stored as province figures. Rename the column "
              "\"Kabupaten/Kota\" or \"Kode Wilayah\".",
    },
    "measure_unknown": {
        "id": "Tidak jelas apa yang dihitung ({what}): tulis \"Jumlah Koperasi\", \"Koperasi Aktif\" atau "
              "\"Koperasi Tidak Aktif\" di judul",
        "en": "It is not clear what is counted ({what}): write \"Jumlah Koperasi\", \"Koperasi Aktif\" or "
              "\"Koperasi Tidak Aktif\" in the title",
    },
    "unit_not_count": {
        "id": "satuan \"{unit}\" bukan jumlah koperasi (unit)",
        "en": "the unit \"{unit}\" is not a number of cooperatives (units)",
    },
    "total_row_no_province": {
        "id": "baris jumlah (\"{name}\") tanpa provinsi: isi kolom provinsi atau tulis provinsinya di judul",
        "en": "total row (\"{name}\") without a province: fill the province column or name it in the title",
    },
    "weekday_mismatch": {
        "id": "{date} jatuh pada hari {actual}, bukan {written}; periksa tanggalnya",
        "en": "{date} is a {actual}, not a {written}; check the date",
    },
    "date_range_order": {"id": "tanggal akhir sebelum tanggal mulai", "en": "the end date is before the start date"},
    "nik_scientific": {
        "id": "NIK \"{nik}\" rusak oleh spreadsheet (ditulis sebagai angka berpangkat, digit terakhir hilang). "
              "Format kolom NIK sebagai Teks di Excel (atau awali dengan ') lalu salin ulang dari sumber aslinya",
        "en": "NIK \"{nik}\" was mangled by a spreadsheet (written in scientific notation, last digits lost). "
              "Format the NIK column as Text in Excel (or start it with ') and copy it again from the original",
    },
    "no_header_found": {
        "id": "Baris judul kolom tidak ditemukan di {rows} baris pertama (baris pertama adalah judul tabel: "
              "\"{first}\"). Kolom yang diperlukan: {needed}.",
        "en": "No header row found in the first {rows} rows (the first line is the table's title: \"{first}\"). "
              "Columns needed: {needed}.",
    },
    # --- notes of the preview: what the layout reader found -------------------------------------
    "imp_note_header_below": {"id": "Judul kolom ditemukan di baris {row}, di bawah {titles} baris judul tabel.",
                              "en": "Column headers found on row {row}, below {titles} title line(s)."},
    "imp_note_column_numbers": {"id": "Baris nomor kolom (1) (2) (3) di baris {row} dilewati.",
                                "en": "The column-number row (1) (2) (3) on row {row} was skipped."},
    "imp_note_footer": {"id": "Baris sumber/catatan di bawah tabel diabaikan: \"{text}\".",
                        "en": "The source/note line under the table was ignored: \"{text}\"."},
    "imp_note_unit": {"id": "Kolom satuan \"{column}\" diperiksa (harus unit koperasi), tidak disimpan.",
                      "en": "The unit column \"{column}\" was checked (must be cooperatives), not stored."},
    "imp_note_title_province": {"id": "Provinsi diambil dari judul tabel: {province}.",
                                "en": "Province taken from the table's title: {province}."},
    "imp_note_title_year": {"id": "Tahun diambil dari judul tabel: {year} (angka per akhir tahun, presisi tahun).",
                            "en": "Year taken from the table's title: {year} (year-end figures, year precision)."},
    "imp_note_total_row": {"id": "Baris {row} (\"{name}\") adalah jumlah provinsi: disimpan sebagai angka {province}.",
                           "en": "Row {row} (\"{name}\") is the province total: stored as the figure of {province}."},
    "imp_note_total_set_aside": {
        "id": "Baris {row} (\"{name}\") adalah baris jumlah tanpa provinsi yang jelas: disisihkan, tidak disimpan.",
        "en": "Row {row} (\"{name}\") is a total row without a clear province: set aside, not stored."},
    "imp_note_long": {"id": "Tata letak panjang Satu Data: {rows} baris menjadi {figures} angka per wilayah dan tahun "
                              "(judul = yang dihitung, periode = periodisitas, status portal di catatan).",
                      "en": "Satu Data long layout: {rows} rows became {figures} figures per area and year "
                            "(judul = what is counted, periode = periodicity, the portal's status in the note)."},
    "imp_note_years_as_columns": {"id": "Tahun sebagai kolom ({years}): satu angka \"{measure}\" per wilayah dan tahun.",
                                  "en": "Years as columns ({years}): one \"{measure}\" figure per area and year."},
    "imp_note_bps_rule": {
        "id": "Aturan BPS: nama tanpa \"Kota\" adalah kabupaten bila \"Kota …\" juga tercantum ({names}).",
        "en": "BPS rule: a bare name is the kabupaten when \"Kota …\" is listed too ({names})."},
    "imp_note_scheme_bps": {"id": "Kode 4 angka dibaca sebagai kode BPS (dipadankan ke kode Kemendagri): {rows} baris.",
                            "en": "4-digit codes read as BPS codes (matched to Kemendagri codes): {rows} row(s)."},
    "imp_note_scheme_kemendagri": {"id": "Kode dibaca sebagai kode Kemendagri: {rows} baris.",
                                   "en": "Codes read as Kemendagri codes: {rows} row(s)."},
    "imp_note_scheme_both": {"id": "Kode 4 angka yang sama menurut BPS dan Kemendagri: {rows} baris.",
                             "en": "4-digit codes that BPS and Kemendagri number alike: {rows} row(s)."},
    "imp_note_adds_up": {"id": "{province} ({as_of}), {measure}: dilaporkan {reported}, jumlah {rows} baris "
                                 "kabupaten/kota {sum} — cocok.",
                         "en": "{province} ({as_of}), {measure}: reported {reported}, the {rows} regency "
                               "rows add up to {sum} — it adds up."},
    "imp_note_not_adds_up": {"id": "{province} ({as_of}), {measure}: dilaporkan {reported}, jumlah {rows} baris "
                                     "kabupaten/kota {sum} — TIDAK cocok (selisih {gap}); angka disimpan seperti "
                                     "dilaporkan.",
                             "en": "{province} ({as_of}), {measure}: reported {reported}, the {rows} regency "
                                   "rows add up to {sum} — it does NOT add up (gap {gap}); figures kept as reported."},
    "layout_plain": {"id": "tabel biasa (baris judul kolom di atas)", "en": "plain table (headers on top)"},
    "layout_titled": {"id": "tabel berjudul (mis. BPS Dalam Angka)", "en": "titled table (e.g. BPS Dalam Angka)"},
    "layout_satudata_long": {"id": "Satu Data, tata letak panjang", "en": "Satu Data long layout"},
    "layout_years_as_columns": {"id": "tahun sebagai kolom", "en": "years as columns"},
    "same_meeting": {
        "id": "mungkin rapat yang sama dengan rapat #{meeting} yang sudah tersimpan (\"{title}\", {held_on}); pilih "
              "\"lampirkan sebagai sumber tambahan\" atau \"tambahkan sebagai rapat baru\"",
        "en": "probably the same meeting as meeting #{meeting} already stored (\"{title}\", {held_on}); choose "
              "\"attach as a further source\" or \"add as a new meeting\"",
    },
    "imp_note_rat_history": {
        "id": "Riwayat RAT {n} koperasi (jumlah tahun RAT tercatat: jumlah koperasi) — {detail}; {none} tanpa RAT "
              "sama sekali. Aturan aktif (RAT {window} tahun berturut-turut) baru dapat menilai koperasi mulai tahun "
              "RAT pertamanya + {window} − 1 (paling awal {earliest}); sebelum itu \"aktif\" tidak diketahui, "
              "bukan 0 %. Status menurut register disimpan terpisah.",
        "en": "RAT history of {n} cooperatives (years of RAT on record: cooperatives) — {detail}; {none} without any "
              "RAT. The active rule (RAT in {window} consecutive years) can judge a cooperative only from its first "
              "RAT year + {window} − 1 (earliest {earliest}); before that \"active\" is unknown, not 0 %. The "
              "register's own status is kept apart.",
    },
}
