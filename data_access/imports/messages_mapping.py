"""Texts of map-or-refuse (``imports.accounting``, ``imports.collapse``): id + en, rendered by
``messages.text``. Levels are named as the office names them."""

from __future__ import annotations

LEVEL_NAMES = {
    "desa": ("desa/kelurahan", "desa/kelurahan (village)"),
    "kecamatan": ("kecamatan", "kecamatan (subdistrict)"),
    "regency": ("kabupaten/kota", "kabupaten/kota (regency/city)"),
    "province": ("provinsi", "province"),
    "unknown": ("wilayah (tingkat belum jelas)", "area (level unclear)"),
}
KIND_STORES = {
    "counts": ("jumlah koperasi disimpan per kabupaten/kota dan provinsi",
               "cooperative counts are kept per kabupaten/kota and province"),
    "kdmp": ("data KDMP disimpan satu per desa/kelurahan", "KDMP records are kept one per desa/kelurahan"),
}

MAPPING_MESSAGES: dict[str, dict[str, str]] = {
    "finer_than_kind": {
        "id": "Angka dalam berkas ini per {level} (kolom \"{column}\"), sedangkan {stores}. Berkas ditolak "
              "agar angka {level} tidak tersimpan sebagai angka kabupaten/kota. Impor tabel yang "
              "angkanya per kabupaten/kota.",
        "en": "The figures in this file are per {level} (column \"{column}\"), while {stores}. The file is "
              "refused so that {level} figures are not stored as kab/kota figures. Import a table whose "
              "figures are per kab/kota.",
    },
    "coarser_than_kind": {
        "id": "Baris berkas ini per {level} (kolom \"{column}\"), sedangkan {stores}: ringkasan per {level} "
              "bukan daftar KDMP, dan angkanya tidak dapat ditempatkan pada desa. Impor daftar yang barisnya "
              "per desa/kelurahan.",
        "en": "The rows of this file are per {level_en} (column \"{column}\"), while {stores_en}: a summary per "
              "{level_en} is not a list of KDMP, and its figures cannot be placed on desa. Import a list whose "
              "rows are per desa/kelurahan.",
    },
    "no_area_column": {
        "id": "Tidak ada kolom wilayah (kolom: {columns}): tidak satu kolom pun bernama kabupaten/kota atau "
              "provinsi, atau berisi nama/kode wilayah (nilai \"{column}\": {values}). Angka tanpa wilayah "
              "tidak disimpan.",
        "en": "No area column found (columns: {columns}): no column is headed as a kab/kota or province or "
              "holds area names or codes (values of \"{column}\": {values}). Figures with no area are not stored.",
    },
    "column_unaccounted_area": {
        "id": "Kolom \"{column}\" tampak berisi wilayah ({level}) tetapi tidak dipetakan. Petakan ke sebuah "
              "kolom (--kolom \"{column}=kabupaten_kota\") atau abaikan dengan sengaja (--kolom \"{column}=abaikan\").",
        "en": "Column \"{column}\" looks like an area ({level}) but is not mapped. Map it to a field "
              "(--kolom \"{column}=regency\") or ignore it explicitly (--kolom \"{column}=abaikan\").",
    },
    "column_unaccounted_measure": {
        "id": "Kolom \"{column}\" tampak berisi angka jumlah tetapi tidak dikenali. Petakan ke sebuah kolom "
              "({fields}) atau abaikan dengan sengaja (--kolom \"{column}=abaikan\").",
        "en": "Column \"{column}\" looks like a count but is not recognised. Map it to a field ({fields}) "
              "or ignore it explicitly (--kolom \"{column}=abaikan\").",
    },
    "missing_columns_suggest": {
        "id": "Tidak ada kolom {columns} yang dikenali (kolom: {found}). Kolom \"{column}\" tampaknya {field} "
              "(nilai: {values}): petakan dengan --kolom \"{column}={field_id}\" atau pilih di langkah pemetaan.",
        "en": "No {columns} column recognised (columns: {found}). Column \"{column}\" looks like {field} "
              "(values: {values}): map it with --kolom \"{column}={field_id}\" or choose it in the mapping step.",
    },
    "kdmp_listing_needs_stage": {
        "id": "Berkas tidak memuat tahap maupun tanggal tahap (kolom: {found}). Sebutkan per tanggal berapa daftar "
              "ini diekspor (--per-tanggal 2026-08-05) dan tahap yang diwakilinya (--tahap sk_ahu untuk badan "
              "hukum); tanggal SK tidak akan dikarang: tahap disimpan sebagai tercantum per tanggal ekspor.",
        "en": "The file gives no stage and no stage date (columns: {found}). Say as of when the list was "
              "exported (--per-tanggal 2026-08-05) and which stage it stands for (--tahap sk_ahu for legal "
              "entity); no SK date is invented: the stage is stored as listed as of the export date.",
    },
    "mapping_no_column": {"id": "Pemetaan menyebut kolom \"{column}\" yang tidak ada di berkas (kolom: {found}).",
                          "en": "The mapping names column \"{column}\", which the file does not have "
                                "(columns: {found})."},
    "mapping_no_field": {"id": "Pemetaan \"{column}={field}\": kolom tujuan tidak dikenal; pilihan: {fields}, "
                                "abaikan.",
                         "en": "Mapping \"{column}={field}\": unknown field; choose one of: {fields}, abaikan."},
    "rows_collapse": {
        "id": "Baris {first} dan {second} jatuh pada kunci yang sama ({key}) dengan nilai berbeda; keduanya "
              "berbeda di kolom \"{column}\" (\"{first_value}\" / \"{second_value}\"){hint}. Berkas ditolak: "
              "tidak ada angka yang ditimpa atau dibuang diam-diam.",
        "en": "Rows {first} and {second} land on the same key ({key}) with different values; they differ in "
              "column \"{column}\" (\"{first_value}\" / \"{second_value}\"){hint}. The file is refused: no "
              "figure is overwritten or dropped silently.",
    },
    "rows_collapse_hint": {"id": ": berkas lebih rinci daripada {level}", "en": ": the file is finer than {level}"},
    "merged_rows": {"id": "{count} baris sama persis dengan baris sebelumnya dan digabung (baris {rows}).",
                    "en": "{count} rows were identical to an earlier row and merged (rows {rows})."},
    "accounting_other_measure": {"id": "Ukuran lain, tidak diimpor: {columns}.",
                                 "en": "Other measures, not imported: {columns}."},
    "accounting_internal_id": {"id": "Nomor internal portal (bukan kode Kemendagri), tidak diimpor: {columns}.",
                               "en": "The portal's internal numbers (not Kemendagri codes), not imported: {columns}."},
    "accounting_ignored_by_choice": {"id": "Diabaikan atas pilihan petugas: {columns}.",
                                     "en": "Ignored by the official's choice: {columns}."},
    "accounting_level_from_values": {
        "id": "Kolom \"{column}\" dibaca sebagai {field} dari nilainya (mis. \"KAB. …\"), bukan dari judul kolomnya.",
        "en": "Column \"{column}\" read as {field} from its values (e.g. \"KAB. …\"), not from its header."},
    "accounting_fields": {"id": "Kolom dibaca: {columns}.", "en": "Columns read: {columns}."},
}
