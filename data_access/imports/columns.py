"""Columns several kinds share (area, source) and the choices cells are read against.

Choices: code → spellings accepted (compared with ``parsing.header_key``).
"""

from __future__ import annotations

from data_access.imports.rows import Column
from data_access.models_reference import SOURCE_KINDS

AREA_CODE = Column("area_code", "Kode Wilayah", "Region code",
                   ("kode kabupaten", "kode kab kota", "kode kabupaten kota", "kode daerah", "regency code",
                    "area code", "kode", "kode kab", "kode kota", "kode kota kabupaten", "kode kabupaten kota kemendagri",
                    "kode kemendagri", "region code"),
                   "Kode Kemendagri (53 untuk provinsi, 53.01 untuk kabupaten/kota); bila nama juga diisi, "
                   "keduanya harus cocok. Kode 4 angka tanpa titik dibaca juga sebagai kode BPS.",
                   "Kemendagri code (53 for a province, 53.01 for a regency); when the name is filled too, both "
                   "must agree. A 4-digit code without a dot is also read as a BPS code.",
                   "53.01")
BPS_CODE = Column("bps_code", "Kode BPS", "BPS code",
                  ("bps kode kabupaten kota", "bps kode kab kota", "bps kode", "kode bps", "kode wilayah bps",
                   "bps code", "kode kabupaten kota bps", "kode bps kabupaten kota"),
                  "Kode BPS 4 angka (mis. 1101 = Kabupaten Simeulue, Kemendagri 11.09).",
                  "4-digit BPS code (e.g. 1101 = Kabupaten Simeulue, Kemendagri 11.09).", "1101", in_template=False)
PROVINCE_CODE = Column("province_code", "Kode Provinsi", "Province code",
                       ("kode prov", "province code", "bps kode provinsi", "kode provinsi bps"),
                       "Kode provinsi (2 angka); harus cocok dengan kabupaten/kota.",
                       "Province code (2 digits); must agree with the regency.", "53", in_template=False)
AREA_LEVEL = Column("area_level", "Tingkat Wilayah", "Area level",
                    ("level wilayah", "jenis wilayah", "level daerah", "tingkat daerah"),
                    "Kabupaten, Kota atau Provinsi: memilih di antara nama yang sama (Blitar).",
                    "Kabupaten, Kota or Provinsi: chooses between equal names (Blitar).", "Kabupaten",
                    in_template=False)
PROVINCE = Column("province", "Provinsi", "Province", ("prov", "nama provinsi", "province name", "bps nama provinsi",
                                                        "provinsi dari judul"),
                  "Nama provinsi, mis. Nusa Tenggara Timur atau NTT.", "Province name, e.g. Nusa Tenggara Timur or NTT.",
                  "Nusa Tenggara Timur")
REGENCY = Column("regency", "Kabupaten/Kota", "Regency/city",
                 ("kabupaten", "kab kota", "kabupaten kota", "kota kabupaten", "regency", "regency city", "city regency",
                  "nama kabupaten", "wilayah", "nama kabupaten kota", "nama kab kota", "bps nama kabupaten kota",
                  "nama kota kabupaten", "regency municipality", "kabupaten kota regency municipality",
                  "kab kota regency city", "nama wilayah", "nama daerah", "daerah"),
                 "Tulis \"Kabupaten Kupang\" atau \"Kota Kupang\"; \"Kupang\" saja ditolak karena ada dua.",
                 "Write \"Kabupaten Kupang\" or \"Kota Kupang\"; a bare \"Kupang\" is refused: there are two.",
                 "Kabupaten Kupang")
AREA_EXTRA = (PROVINCE_CODE, BPS_CODE, AREA_LEVEL)  # published layouts' area columns, checked for agreement
SOURCE_COLUMNS = (
    Column("source_key", "Kode Sumber", "Source key", ("kunci sumber", "source id"),
           "Kode sumber yang sudah ada di basis data (opsional).", "Key of a source already in the database (optional).",
           ""),
    Column("source_outlet", "Sumber", "Source", ("media", "penerbit", "outlet", "nama sumber", "nama media"),
           "Media atau penerbit; kosong = berkas ini sendiri menjadi sumbernya.",
           "Outlet or publisher; empty = this file itself is the source.", "kupang.antaranews.com"),
    Column("source_headline", "Judul Sumber", "Source headline", ("judul berita", "headline", "judul artikel"),
           "Judul berita atau dokumen.", "Headline of the report or document.", ""),
    Column("source_url", "URL Sumber", "Source URL", ("url", "tautan", "link", "url berita"),
           "Alamat berita (http…).", "Address of the report (http…).", "https://…"),
    Column("source_published_on", "Tanggal Terbit", "Published on", ("tanggal berita", "published", "tanggal sumber"),
           "Tanggal berita diterbitkan.", "Date the report was published.", "13/03/2025"),
    Column("source_kind", "Jenis Sumber", "Source kind", ("source type",),
           "berita, data resmi atau manual (kosong = berita).", "news, official dataset or manual (empty = news).",
           "berita"),
)

# Choices: code → spellings accepted (compared with ``header_key``).
JENIS = {
    "produsen": ("produsen", "producer", "producers", "koperasi produsen"),
    "pemasaran": ("pemasaran", "marketing", "koperasi pemasaran"),
    "konsumen": ("konsumen", "consumer", "consumers", "koperasi konsumen"),
    "jasa": ("jasa", "services", "service", "koperasi jasa"),
    "simpan_pinjam": ("simpan pinjam", "ksp", "savings and loan", "savings and loans", "savings loan",
                      "koperasi simpan pinjam", "simpan pinjam dan pembiayaan syariah", "kspps"),
    "serba_usaha": ("serba usaha", "ksu", "koperasi serba usaha", "multi purpose", "multipurpose"),
}
MEETING_KIND = {
    "rakor": ("rakor", "rapat koordinasi", "coordination meeting", "rakorda", "rakornis"),
    "rapat_teknis": ("rapat teknis", "rapat teknik", "technical meeting", "rapat"),
    "workshop": ("workshop", "lokakarya", "bimtek", "bimbingan teknis", "pelatihan", "training"),
    "sosialisasi": ("sosialisasi", "socialisation", "socialization", "outreach"),
    "lainnya": ("lainnya", "lain lain", "other", "others"),
}
LEVEL = {
    "nasional": ("nasional", "national", "pusat"),
    "provinsi": ("provinsi", "province", "provincial", "prov"),
    "kabupaten_kota": ("kabupaten kota", "kabupaten", "kota", "kab kota", "regency", "city", "district"),
}
STATUS = {
    "held": ("terlaksana", "selesai", "sudah", "diadakan", "dilaksanakan", "held", "done"),
    "planned": ("direncanakan", "rencana", "akan datang", "dijadwalkan", "planned", "scheduled"),
    "cancelled": ("batal", "dibatalkan", "cancelled", "canceled"),
}
STAGE = {
    "belum_dibentuk": ("belum dibentuk", "belum", "belum terbentuk", "not started", "not formed", "none"),
    "persiapan": ("persiapan", "dalam persiapan", "proses", "preparation", "preparing", "in preparation"),
    "terbentuk": ("terbentuk", "sudah terbentuk", "dibentuk", "formed", "established", "sk terbit"),
}
SECTOR = {
    "koperasi": ("koperasi", "cooperatives", "cooperative", "perkoperasian", "koperasi dan ukm"),
    "ketenagakerjaan": ("ketenagakerjaan", "tenaga kerja", "naker", "manpower", "employment", "labour", "labor"),
    "transmigrasi": ("transmigrasi", "ketransmigrasian", "transmigration"),
    "perlindungan_pmi": ("perlindungan pmi", "pmi", "pekerja migran", "perlindungan pekerja migran", "migrant workers",
                         "migrant worker protection", "tki", "p2mi", "ppmi"),
}
SOURCE_KIND = {
    "news": ("berita", "news", "media"),
    "official_dataset": ("data resmi", "official dataset", "official", "dataset", "resmi", "ods"),
    "manual": ("manual", "catatan", "input manual"),
}
assert set(SOURCE_KIND) <= set(SOURCE_KINDS)

