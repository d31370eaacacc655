"""Texts of the Impor page's mapping step (``ui/import_mapping.py``)."""

TEXT = {
    "imp_status_merged": {"id": "digabung (sama persis)", "en": "merged (identical)"},
    "imp_map_title": {"id": "Pemetaan kolom", "en": "Column mapping"},
    "imp_map_intro": {
        "id": "Setiap kolom berkas dan menjadi apa. Pilih kolom tujuan bila tidak dikenali; kolom yang tampak "
              "berisi wilayah atau angka hanya dapat diabaikan dengan pilihan sengaja. Pratinjau diperbarui "
              "langsung.",
        "en": "Each column of the file and what it became. Choose a field where it was not recognised; a column "
              "that looks like an area or a figure can only be ignored by an explicit choice. The preview "
              "updates live.",
    },
    "imp_map_auto": {"id": "otomatis (lihat tabel)", "en": "automatic (see the table)"},
    "imp_map_ignore": {"id": "abaikan (pilihan sengaja)", "en": "ignore (explicit choice)"},
    "imp_map_values": {"id": "contoh nilai: {values}", "en": "values: {values}"},
    "imp_map_col_column": {"id": "Kolom berkas", "en": "File column"},
    "imp_map_col_became": {"id": "Menjadi", "en": "Became"},
    "imp_map_col_values": {"id": "Contoh nilai", "en": "Sample values"},
    "imp_role_field": {"id": "dibaca sebagai {field}", "en": "read as {field}"},
    "imp_role_internal_id": {"id": "nomor internal portal, bukan kode (tidak diimpor)",
                             "en": "portal's internal number, not a code (not imported)"},
    "imp_role_checked": {"id": "nomor urut/satuan (diperiksa, tidak disimpan)",
                         "en": "row number/unit (checked, not stored)"},
    "imp_role_other_measure": {"id": "ukuran lain (tidak diimpor)", "en": "other measure (not imported)"},
    "imp_role_ignored_by_choice": {"id": "diabaikan atas pilihan petugas", "en": "ignored by the official's choice"},
    "imp_role_not_imported": {"id": "tidak dikenali (tidak diimpor)", "en": "not recognised (not imported)"},
    "imp_role_unaccounted": {"id": "⚠ perlu dipetakan atau diabaikan", "en": "⚠ must be mapped or ignored"},
    "imp_format_offer": {"id": "Format tersimpan cocok dengan kolom berkas ini: {name} ({who}, {when}).",
                         "en": "A saved format matches this file's columns: {name} ({who}, {when})."},
    "imp_format_use": {"id": "Pakai format {name}", "en": "Use format {name}"},
    "imp_format_name": {"id": "Simpan pemetaan ini sebagai format (nama, opsional)",
                        "en": "Save this mapping as a format (name, optional)"},
    "imp_format_saved": {"id": "Format #{id} disimpan.", "en": "Format #{id} saved."},
    "imp_formats_title": {"id": "Format pemetaan tersimpan", "en": "Saved mapping formats"},
    "imp_formats_none": {"id": "Belum ada format tersimpan.", "en": "No saved formats yet."},
    "imp_format_col_name": {"id": "Nama", "en": "Name"},
    "imp_format_col_columns": {"id": "Kolom dipetakan", "en": "Columns mapped"},
    "imp_format_remove_pick": {"id": "Format yang dihapus", "en": "Format to remove"},
    "imp_format_remove": {"id": "Hapus format", "en": "Remove format"},
}
