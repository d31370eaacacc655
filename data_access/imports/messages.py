"""Every message an import can give, in Bahasa Indonesia and English.

The same words reach the page, the command line and the tests: a reason is a
code plus values (``RowError.code``/``params``), rendered with ``text(code,
lang, **params)``. Keep them concrete: say what was found and what to write.
"""

from __future__ import annotations

from data_access.imports.messages_kdmp import KDMP_MESSAGES
from data_access.imports.messages_layouts import LAYOUT_MESSAGES

MESSAGES: dict[str, dict[str, str]] = {
    # --- the file as a whole -----------------------------------------------------------------
    "file_empty": {"id": "Berkas kosong.", "en": "The file is empty."},
    "file_too_large": {
        "id": "Berkas terlalu besar ({size} MB); batasnya {limit} MB. Bagi menjadi beberapa berkas.",
        "en": "The file is too large ({size} MB); the limit is {limit} MB. Split it into several files.",
    },
    "file_type": {
        "id": "Jenis berkas tidak dikenal ({name}). Unggah CSV (.csv, .txt) atau Excel (.xlsx).",
        "en": "Unknown file type ({name}). Upload CSV (.csv, .txt) or Excel (.xlsx).",
    },
    "xls_old": {
        "id": "Format Excel lama (.xls) tidak didukung. Simpan ulang sebagai .xlsx atau CSV.",
        "en": "The old Excel format (.xls) is not supported. Save it again as .xlsx or CSV.",
    },
    "xlsx_invalid": {
        "id": "Berkas .xlsx ini rusak atau bukan berkas Excel ({detail}).",
        "en": "This .xlsx file is damaged or not an Excel file ({detail}).",
    },
    "xlsx_bomb": {
        "id": "Berkas .xlsx ini mengembang menjadi {size} MB saat dibuka (batas {limit} MB); ditolak demi keamanan.",
        "en": "This .xlsx file expands to {size} MB when opened (limit {limit} MB); refused for safety.",
    },
    "xlsx_entities": {
        "id": "Berkas .xlsx ini memuat deklarasi XML (DOCTYPE/ENTITY) yang tidak dipakai Excel; ditolak demi keamanan.",
        "en": "This .xlsx file contains XML declarations (DOCTYPE/ENTITY) Excel never writes; refused for safety.",
    },
    "undecodable": {
        "id": "Teks berkas tidak dapat dibaca (bukan UTF-8 maupun Windows-1252).",
        "en": "The file's text cannot be read (neither UTF-8 nor Windows-1252).",
    },
    "too_many_rows": {
        "id": "Berkas memuat lebih dari {limit} baris; bagi menjadi beberapa berkas.",
        "en": "The file has more than {limit} rows; split it into several files.",
    },
    "no_header": {
        "id": "Tidak ada baris judul kolom. Baris pertama harus berisi nama kolom (unduh templatnya).",
        "en": "No header row. The first row must hold the column names (download the template).",
    },
    "no_rows": {"id": "Berkas tidak memuat baris data.", "en": "The file holds no data rows."},
    "missing_columns": {
        "id": "Kolom wajib tidak ada: {columns}. Kolom yang ditemukan: {found}.",
        "en": "Required columns missing: {columns}. Columns found: {found}.",
    },
    "missing_columns_other_kind": {
        "id": "Kolom wajib tidak ada: {columns}. Kolom berkas ini cocok dengan jenis \"{other}\" — pilih jenis itu.",
        "en": "Required columns missing: {columns}. This file's columns fit the kind \"{other}\" — choose that kind.",
    },
    "duplicate_column": {
        "id": "Kolom \"{first}\" dan \"{second}\" berarti sama ({field}); hapus salah satu.",
        "en": "Columns \"{first}\" and \"{second}\" mean the same ({field}); remove one.",
    },
    "unknown_kind": {"id": "Jenis impor tidak dikenal: {kind}.", "en": "Unknown import kind: {kind}."},
    "not_allowed": {
        "id": "Akun {user} tidak boleh mengubah data (peran: {role}). Perlu akun editor.",
        "en": "Account {user} may not change data (role: {role}). An editor account is needed.",
    },
    "unknown_user": {
        "id": "Pengguna {user} tidak ada atau tidak aktif.",
        "en": "User {user} does not exist or is inactive.",
    },
    # --- one cell -----------------------------------------------------------------------------
    "required": {"id": "wajib diisi", "en": "required"},
    "formula": {
        "id": "berisi rumus Excel; rumus tidak dihitung — salin lalu tempel sebagai nilai",
        "en": "holds an Excel formula; formulas are not evaluated — copy and paste as values",
    },
    "too_long": {"id": "terlalu panjang ({length} karakter, maksimal {limit})",
                 "en": "too long ({length} characters, at most {limit})"},
    "not_integer": {
        "id": "bukan bilangan bulat; tulis misalnya 1234 atau 1.234",
        "en": "not a whole number; write e.g. 1234 or 1.234",
    },
    "not_whole": {"id": "harus bilangan bulat, bukan pecahan", "en": "must be a whole number, not a fraction"},
    "negative": {"id": "tidak boleh negatif", "en": "must not be negative"},
    "not_date": {
        "id": "tanggal tidak dikenali; tulis 27/02/2020, 2020-02-27, 27 Februari 2020, Triwulan IV 2018 atau 2018",
        "en": "date not recognised; write 27/02/2020, 2020-02-27, 27 Februari 2020, 2018-Q4 or 2018",
    },
    "period_needs_year": {"id": "triwulan/semester tanpa tahun; tulis misalnya Triwulan IV 2018",
                          "en": "quarter/semester without its year; write e.g. 2018-Q4"},
    "date_needs_day": {
        "id": "perlu tanggal lengkap dengan hari, misalnya 27/02/2020",
        "en": "needs a full date with the day, e.g. 27/02/2020",
    },
    "date_out_of_range": {"id": "tahun di luar rentang {low}–{high}", "en": "year outside {low}–{high}"},
    "not_bool": {"id": "tulis ya atau tidak", "en": "write ya (yes) or tidak (no)"},
    "not_choice": {"id": "nilai tidak dikenal; pilihan: {choices}", "en": "unknown value; choose one of: {choices}"},
    "not_choice_suggest": {
        "id": "nilai tidak dikenal; maksudnya {suggestion}? Pilihan: {choices}",
        "en": "unknown value; did you mean {suggestion}? Choices: {choices}",
    },
    "nik_format": {
        "id": "NIK hanya boleh berisi huruf, angka dan tanda hubung (maksimal 20)",
        "en": "NIK may hold only letters, digits and hyphens (at most 20)",
    },
    "unknown_province": {"id": "provinsi tidak dikenal", "en": "unknown province"},
    "unknown_province_suggest": {"id": "provinsi tidak dikenal; maksudnya: {suggestions}?",
                                 "en": "unknown province; did you mean: {suggestions}?"},
    "unknown_regency": {"id": "kabupaten/kota tidak dikenal", "en": "unknown regency/city"},
    "unknown_regency_suggest": {"id": "kabupaten/kota tidak dikenal; maksudnya: {suggestions}?",
                                "en": "unknown regency/city; did you mean: {suggestions}?"},
    "ambiguous_region": {
        "id": "nama ini cocok dengan beberapa wilayah: {candidates}. Tulis nama lengkap (\"Kabupaten …\" atau \"Kota …\") atau isi kolom kode wilayah",
        "en": "this name matches several regions: {candidates}. Write the full name (\"Kabupaten …\" or \"Kota …\") or fill the region code column",
    },
    "unknown_code": {"id": "kode wilayah tidak dikenal", "en": "unknown region code"},
    "code_name_mismatch": {
        "id": "kode {region} adalah {region_name}, tetapi nama menyebut {name}",
        "en": "code {region} is {region_name}, but the name says {name}",
    },
    "regency_not_in_province": {
        "id": "{regency} tidak berada di provinsi {province}",
        "en": "{regency} is not in the province {province}",
    },
    "outside_province": {
        "id": "di luar provinsi yang boleh Anda ubah ({allowed})",
        "en": "outside the province you may change ({allowed})",
    },
    "duplicate_row": {"id": "sama dengan baris {row} (kunci: {key})", "en": "same as row {row} (key: {key})"},
    "ambiguous_cooperative": {
        "id": "ada {n} koperasi bernama sama di wilayah ini tanpa NIK; isi kolom NIK",
        "en": "{n} cooperatives with this name in this area have no NIK; fill the NIK column",
    },
    "unknown_mandate": {"id": "mandat tidak dikenal; kode yang ada: {choices}",
                        "en": "unknown mandate; known codes: {choices}"},
    "unknown_source_key": {
        "id": "kode sumber tidak dikenal; isi juga kolom sumber (media/penerbit)",
        "en": "unknown source key; also fill the source (outlet) column",
    },
    "url_scheme": {"id": "URL harus diawali http:// atau https://", "en": "the URL must start with http:// or https://"},
    "database": {"id": "ditolak oleh basis data: {detail}", "en": "refused by the database: {detail}"},
    # --- undo ---------------------------------------------------------------------------------
    "undo_done": {
        "id": "Impor #{batch} ({file}) dibatalkan: {new} baris baru dari berkas dihapus, "
              "{changed} baris berubah dikembalikan ke nilai sebelumnya.",
        "en": "Import #{batch} ({file}) undone: {new} new rows of the file removed, "
              "{changed} changed rows put back to their earlier values.",
    },
    "batch_unknown": {"id": "Impor #{batch} tidak ada.", "en": "Import #{batch} does not exist."},
    "batch_undone": {"id": "Impor #{batch} sudah dibatalkan.", "en": "Import #{batch} has already been undone."},
    "batch_later": {
        "id": "Impor #{batch} tidak dapat dibatalkan: baris yang sama diubah lagi oleh impor #{later}. Batalkan #{later} dulu.",
        "en": "Import #{batch} cannot be undone: the same rows were changed again by import #{later}. Undo #{later} first.",
    },
    "batch_source_used": {
        "id": "Impor #{batch} tidak dapat dibatalkan: sumbernya ({source}) kini dipakai data lain.",
        "en": "Import #{batch} cannot be undone: its source ({source}) is now used by other data.",
    },
    "batch_row_gone": {
        "id": "Impor #{batch} tidak dapat dibatalkan: baris {table} {key} sudah tidak ada.",
        "en": "Import #{batch} cannot be undone: row {table} {key} no longer exists.",
    },
    "undo_not_allowed": {
        "id": "Hanya admin atau pengimpornya ({owner}) yang boleh membatalkan impor #{batch}.",
        "en": "Only an admin or the person who imported it ({owner}) may undo import #{batch}.",
    },
}

MESSAGES.update(LAYOUT_MESSAGES)
MESSAGES.update(KDMP_MESSAGES)


def text(code: str, lang: str = "id", **params) -> str:
    """The message in ``lang``; a value ``name_en`` stands in for ``name`` in English."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    template = entry.get(lang) or entry["id"]
    if lang == "en":
        params = {**params, **{k[:-3]: v for k, v in params.items() if k.endswith("_en")}}
    return template.format(**params) if params else template
