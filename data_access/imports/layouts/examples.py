"""Examples of the published layouts each kind accepts, shown on the Impor page beside the
templates: what the top of such a file looks like (a few lines, as published)."""

from __future__ import annotations

EXAMPLES: dict[str, list[tuple[str, str]]] = {
    "counts": [
        ("plain", "id,kode_provinsi,nama_provinsi,kode_kabupaten_kota,nama_kabupaten_kota,"
                  "jumlah_koperasi_aktif,satuan,tahun\n1,32,JAWA BARAT,3201,KABUPATEN BOGOR,1125,UNIT,2021"),
        ("plain", "bps_kode_kabupaten_kota;bps_nama_kabupaten_kota;jumlah_koperasi_aktif;tahun\n"
                  "1101;KABUPATEN SIMEULUE;41;2023"),
        ("titled", "Tabel 9.3.1 Jumlah Koperasi Aktif dan Tidak Aktif Menurut Kabupaten/Kota di Provinsi "
                   "Nusa Tenggara Timur, 2018\nKabupaten/Kota | Koperasi Aktif | Koperasi Tidak Aktif | Jumlah\n"
                   "(1) | (2) | (3) | (4)\nKupang | 157 | 244 | 401\nKota Kupang | 402 | 61 | 463\n"
                   "Nusa Tenggara Timur | 3635 | 511 | 4146\nSumber: …"),
        ("satudata_long", "_id,kode_wilayah,level_wilayah,nama_wilayah,judul,satuan,tahun,periode,data,status\n"
                          "1,3505,Kabupaten,Blitar,Jumlah Koperasi Aktif,Unit,2023,Tahunan,312,verified"),
        ("years_as_columns", "Jumlah Koperasi Aktif Menurut Kabupaten/Kota di Provinsi Bali\n"
                             "Kabupaten/Kota | 2019 | 2020 | 2021\nJembrana | 120 | 118 | 121"),
    ],
    "registry": [
        ("plain", "No;Nomor Induk Koperasi;Nama Koperasi;…;Tanggal RAT Terakhir;…;Kabupaten;Provinsi;"
                  "Jenis Koperasi;…;Total Anggota;Status NIK;Status Aktif;Status Grade"),
    ],
    "meetings": [
        ("plain", "No;Hari/Tanggal;Waktu;Kegiatan;Tempat;Kabupaten/Kota;Penyelenggara;Dibuka Oleh\n"
                  "4;18-20 Mei 2022;19.00 WIB;Rapat Kerja Sama Antar Daerah;Surabaya;Kota Surabaya;…;…"),
    ],
    "pokja": [],
    "kdmp": [
        ("plain", "No;Desa/Kelurahan;Kecamatan;Kabupaten/Kota;Tahap;Tanggal Musdesus;Tanggal Akta;Nomor Akta;"
                  "Tanggal SK AHU;Nomor SK AHU;Gerai;Klinik\n"
                  "1;Tumu;Amanuban Tengah;Kab. Timor Tengah Selatan;SK AHU;12 Mei 2025;03/06/2025;17;21/07/2025;"
                  "AHU-0012345.AH.01.29.TAHUN 2025;ya;belum"),
        ("plain", "kode_desa,nama_desa,nama_kecamatan,nama_kabupaten_kota,tahapan,tanggal_musdesus,tanggal_akta,"
                  "nomor_sk_ahu,unit_usaha\n5302052005,TUMU,AMANUBAN TENGAH,KAB. TIMOR TENGAH SELATAN,akta notaris,"
                  "2025-05-12,2025-06-03,,gerai"),
    ],
}
