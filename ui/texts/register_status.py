"""Texts of the register's own status shown beside the derived figure (Kesehatan Koperasi)."""

TEXT = {
    "reg_status_heading": {"id": "Status menurut register nasional (seperti dilaporkan)",
                           "en": "Status according to the national register (as reported)"},
    "reg_status_help": {
        "id": "Angka aktif di atas diturunkan dari riwayat RAT (RAT di setiap {n} tahun terakhir). Kolom di bawah "
              "adalah penilaian register sendiri (Status Aktif), disimpan seperti tertulis pada tanggal ekspornya "
              "diimpor. Keduanya berbeda karena aturannya berbeda dan register hanya memberi satu tanggal RAT "
              "terakhir; tidak ada yang dipakai untuk mengoreksi yang lain.",
        "en": "The active figure above is derived from RAT history (RAT in each of the last {n} years). Below is "
              "the register's own judgement (Status Aktif), kept as written on the day its export was imported. "
              "They differ because the rules differ and the register gives only one last RAT date; neither "
              "corrects the other."},
    "reg_status_col_status": {"id": "Status Aktif (register)", "en": "Status Aktif (register)"},
    "reg_status_col_n": {"id": "Koperasi", "en": "Cooperatives"},
    "reg_status_col_on": {"id": "Dilaporkan", "en": "Reported"},
    "reg_history": {
        "id": "Riwayat RAT yang tercatat: {short} dari {all} koperasi memiliki kurang dari {n} tahun RAT, sehingga "
              "aturan aktif belum dapat menilai mereka (bukan berarti tidak aktif).",
        "en": "RAT history on record: {short} of {all} cooperatives have fewer than {n} years of RAT, so the "
              "active rule cannot judge them yet (which does not make them inactive)."},
}
