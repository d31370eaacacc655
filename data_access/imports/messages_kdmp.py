"""Messages of the ``kdmp`` import kind (desa matching, stages and their dates); see ``messages``."""

from __future__ import annotations

KDMP_MESSAGES: dict[str, dict[str, str]] = {
    "unknown_village": {
        "id": "desa/kelurahan tidak dikenal di wilayah ini",
        "en": "unknown desa/kelurahan in this area",
    },
    "unknown_village_suggest": {
        "id": "desa/kelurahan tidak dikenal di wilayah ini; maksudnya: {suggestions}?",
        "en": "unknown desa/kelurahan in this area; did you mean: {suggestions}?",
    },
    "ambiguous_village": {
        "id": "nama ini cocok dengan beberapa desa/kelurahan: {candidates}. Isi kolom Kecamatan atau Kode Desa",
        "en": "this name matches several desa/kelurahan: {candidates}. Fill the Kecamatan or the desa code column",
    },
    "unknown_village_code": {
        "id": "kode desa tidak dikenal (tulis kode Kemendagri, mis. 53.02.05.2005)",
        "en": "unknown desa code (write the Kemendagri code, e.g. 53.02.05.2005)",
    },
    "village_code_name_mismatch": {
        "id": "kode {village_code} adalah {reading}, tetapi nama menyebut {name}",
        "en": "code {village_code} is {reading}, but the name says {name}",
    },
    "village_not_in_area": {
        "id": "{village} tidak berada di {area}",
        "en": "{village} is not in {area}",
    },
    "unknown_district": {"id": "kecamatan tidak dikenal di kabupaten/kota ini",
                         "en": "unknown kecamatan in this regency/city"},
    "unknown_district_suggest": {"id": "kecamatan tidak dikenal di kabupaten/kota ini; maksudnya: {suggestions}?",
                                 "en": "unknown kecamatan in this regency/city; did you mean: {suggestions}?"},
    "kdmp_stage_needs_date": {
        "id": "tahap {stage} perlu tanggalnya di kolom {column}",
        "en": "the stage {stage} needs its date in the column {column}",
    },
    "kdmp_no_stage": {
        "id": "tahap tidak diisi dan tidak ada tanggal tahap; isi Tahap beserta tanggalnya",
        "en": "no stage and no stage date; fill the stage and its date",
    },
    "kdmp_date_past_stage": {
        "id": "tanggal diisi untuk tahap {later}, padahal tahapnya tertulis {stage}",
        "en": "a date is given for the stage {later}, but the stage is given as {stage}",
    },
    "kdmp_dates_order": {
        "id": "tanggal {later} ({later_on}) lebih awal daripada tanggal {earlier} ({earlier_on})",
        "en": "the {later} date ({later_on}) is earlier than the {earlier} date ({earlier_on})",
    },
    "kdmp_stage_backwards": {
        "id": "tahap tersimpan sudah {stored} (sejak {since}); berkas menyebut {stage}. Tahap tidak dimundurkan "
              "oleh impor: bila data tersimpan keliru, batalkan impor yang memasukkannya",
        "en": "the stored stage is already {stored} (since {since}); the file says {stage}. An import never moves "
              "a stage back: if the stored record is wrong, undo the import that brought it",
    },
    "kdmp_demo_record": {
        "id": "desa ini memuat data KDMP demo (sintetis); data nyata tidak dicampur dengan data demo. "
              "Hapus data demo dahulu",
        "en": "this desa holds demo (synthetic) KDMP data; real data is never mixed with demo data. "
              "Remove the demo data first",
    },
    "not_flag": {
        "id": "tulis ya/ada/sudah atau tidak/belum",
        "en": "write ya/ada/sudah (yes) or tidak/belum (no)",
    },
}
