"""Importing any file never changes a figure of an area the file does not name — over every case
file and variants of each kind made here (other provinces, spellings, portals' headers).

Each file comes with the areas it names, written by hand from its rows (not from the code
under test). The import is committed, every cooperative figure, meeting and register row is
compared with the state before, and the batch is undone.
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from data_access import imports
from tests.conftest import _create_pg_database, _pg_server_url
from tests.import_case_helpers import case, changed_areas, counts_by_area, prepared_engine

# --- variants of each layout, never seen by the code before ---------------------------------------

OPENDATA_JATENG = (  # another province, another portal's snake_case, a total (not active) measure, dotted codes
    "id,kode_provinsi,nama_provinsi,kode_kab_kota,nama_kab_kota,jumlah_koperasi,satuan,tahun\n"
    "1,33,JAWA TENGAH,33.74,KOTA SEMARANG,1210,Unit,2022\n"
    "2,33,JAWA TENGAH,33.22,KABUPATEN SEMARANG,640,Unit,2022\n"
    "3,33,JAWA TENGAH,33.19,KABUPATEN KUDUS,388,Unit,2022\n")
BPS_COLUMNS_ACEH = (  # BPS numbering where Langsa and Lhokseumawe swap places with Kemendagri's
    "bps_kode_kabupaten_kota;bps_nama_kabupaten_kota;jumlah_koperasi_aktif;tahun\n"
    "1173;KOTA LANGSA;77;2022\n1174;KOTA LHOKSEUMAWE;91;2022\n1114;KABUPATEN ACEH TAMIANG;58;2022\n")
DALAM_ANGKA_JATIM = (  # a BPS table saved as CSV: titles, bilingual headers, column numbers, Jumlah, source
    'Tabel 8.2.3 Jumlah Koperasi Menurut Kabupaten/Kota di Provinsi Jawa Timur, 2020;;;\n'
    'Table 8.2.3 Number of Cooperatives by Regency/Municipality in Jawa Timur Province, 2020;;;\n'
    '"Kabupaten/Kota\nRegency/Municipality";"Koperasi Aktif\nActive";"Koperasi Tidak Aktif\nInactive";'
    '"Jumlah\nTotal"\n'
    "(1);(2);(3);(4)\nBlitar;410;90;500\nKota Blitar;120;15;135\nKota Surabaya;1500;300;1800\n"
    "Jumlah;2030;405;2435\n;;;\nSumber: Dinas Koperasi dan UKM Provinsi Jawa Timur;;;\n")
YEARS_BALI = (  # years as columns, the measure in the title
    "Jumlah Koperasi Aktif Menurut Kabupaten/Kota di Provinsi Bali,,,\n"
    "Kabupaten/Kota,2019,2020,2021\nJembrana,120,118,121\nBuleleng,300,310,305\nKota Denpasar,410,405,420\n")
SATUDATA_BLITAR = (  # the long layout: a kota, and two measures of one area and year merged into one figure
    "_id,kode_wilayah,level_wilayah,nama_wilayah,judul,satuan,tahun,periode,data,status,timestamp\n"
    "1,3572,Kota,Blitar,Jumlah Koperasi Aktif,Unit,2023,Tahunan,88,verified,2024-01-10\n"
    "2,3505,Kabupaten,Blitar,Jumlah Koperasi,Unit,2023,Tahunan,400,verified,2024-01-10\n"
    "3,3505,Kabupaten,Blitar,Jumlah Koperasi Tidak Aktif,Unit,2023,Tahunan,88,verified,2024-01-10\n")
SPELLINGS = (  # Kota Adm., Kab. Adm., names without spaces or with hyphens
    "Provinsi;Kabupaten/Kota;Per Tanggal;Jumlah Koperasi\n"
    "DKI Jakarta;Kota Adm. Jakarta Selatan;2023;900\nDKI Jakarta;KAB. ADM. KEPULAUAN SERIBU;2023;12\n"
    "Kepulauan Riau;Kota Tanjungpinang;2023;150\nKepulauan Bangka Belitung;Kota Pangkal-Pinang;2023;95\n")
MISMATCH = (  # every row's code and name disagree under both readings: nothing may be stored
    "kode_kabupaten_kota,nama_kabupaten_kota,jumlah_koperasi_aktif,tahun\n"
    "1101,KABUPATEN PIDIE,10,2023\n3201,KOTA BANDUNG,11,2023\n5301,KOTA KUPANG,12,2023\n")
AGENDA_NTB = (
    "No;Hari/Tanggal;Waktu;Kegiatan;Tempat;Kabupaten/Kota;Penyelenggara;Dibuka Oleh\n"
    "1;Rabu-Jumat, 18-20 Mei 2022;08.00 WITA;Bimtek Pengurus Koperasi Lombok Barat;Gerung;Kab. Lombok Barat;"
    "Diskop Lombok Barat;Sekda\n"
    "2;Senin, 3 Juli 2023;09.00;Rakor Ketransmigrasian NTB;Mataram;Kota Mataram;Disnakertrans NTB;Kadis\n")
REGISTER_BALI = (
    "Nomor Induk Koperasi;Nama Koperasi;Tanggal RAT Terakhir;Kabupaten;Provinsi;Jenis Koperasi;Status Aktif\n"
    "5103010010000001;KSU Dharma;2023;KAB. BADUNG;BALI;Serba Usaha;Aktif\n"
    "5171010010000002;KSP Sari;10/03/2024;KOTA DENPASAR;BALI;Simpan Pinjam;Non Aktif\n")

FILES = [  # (kind, name, data, areas the file names: province codes and kab/kota codes)
    ("counts", "f01_opendata_tahun.csv", None, {"32", "32.01", "32.04", "32.16", "32.71", "32.73", "32.75", "32.79"}),
    ("counts", "f02_opendata_bps_kolom.csv", None, {"32", "32.01", "32.04", "32.73", "32.79"}),
    ("counts", "f03_bps_dalam_angka.xlsx", None,
     {"53", "53.12", "53.11", "53.01", "53.02", "53.04", "53.21", "53.71"}),
    ("counts", "f04_bps_kode_aceh.csv", None, {"11", "11.09", "11.10", "11.01", "11.71"}),
    ("counts", "f07_satudata_long.csv", None, {"35", "35.05"}),
    ("registry", "f05_ods_register.csv", None, {"53", "53.01", "53.71"}),
    ("meetings", "f06_agenda_dinas.csv", None, {"53", "35", "52", "53.04", "53.15", "53.71", "35.78", "52.03"}),
    ("counts", "jateng.csv", OPENDATA_JATENG, {"33", "33.74", "33.22", "33.19"}),
    ("counts", "aceh_bps.csv", BPS_COLUMNS_ACEH, {"11", "11.74", "11.73", "11.16"}),
    ("counts", "jatim_dalam_angka.csv", DALAM_ANGKA_JATIM, {"35", "35.05", "35.72", "35.78"}),
    ("counts", "bali_tahun.csv", YEARS_BALI, {"51", "51.01", "51.08", "51.71"}),
    ("counts", "blitar_satudata.csv", SATUDATA_BLITAR, {"35", "35.72", "35.05"}),
    ("counts", "ejaan.csv", SPELLINGS, {"31", "31.74", "31.01", "21", "21.72", "19", "19.71"}),
    ("counts", "salah.csv", MISMATCH, set()),
    ("meetings", "agenda_ntb.csv", AGENDA_NTB, {"52", "52.01", "52.71"}),
    ("registry", "register_bali.csv", REGISTER_BALI, {"51", "51.03", "51.71"}),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def eng(request, tmp_path_factory):
    if request.param == "sqlite":
        return prepared_engine(f"sqlite:///{tmp_path_factory.mktemp('cases') / 'property.sqlite'}")
    return prepared_engine(_create_pg_database(_pg_server_url()))


def _meetings(eng) -> dict[str, set[tuple]]:
    """province (and kab/kota) code → its meetings, each with its sources, straight from SQL."""
    found: dict[str, set[tuple]] = {}
    with eng.connect() as conn:
        for row in conn.execute(text(
                "SELECT m.id, m.province_code, m.regency_code, m.title, m.held_on, m.ends_on, "
                "(SELECT COUNT(*) FROM meeting_source s WHERE s.meeting_id = m.id) FROM meeting m")):
            for area in (row[1], row[2]):
                if area:
                    found.setdefault(area, set()).add(tuple(str(v) for v in row))
    return found


def _register(eng) -> dict[str, set[tuple]]:
    found: dict[str, set[tuple]] = {}
    with eng.connect() as conn:
        for row in conn.execute(text(
                "SELECT c.regency_code, c.nik, c.name, c.jenis, c.register_status, "
                "(SELECT COUNT(*) FROM cooperative_rat r WHERE r.cooperative_id = c.id) FROM cooperative c")):
            for area in (row[0], row[0][:2]):
                found.setdefault(area, set()).add(tuple(str(v) for v in row))
    return found


@pytest.mark.parametrize(("kind", "name", "data", "named"), FILES, ids=[f[1] for f in FILES])
def test_an_import_changes_only_the_areas_the_file_names(eng, kind, name, data, named):
    raw = case(name) if data is None else data.encode()
    readers = (counts_by_area, _meetings, _register)
    before = [read(eng) for read in readers]
    report = imports.commit(kind, raw, name, user="editor", engine=eng, same_meeting="new")
    try:
        assert report.file_error is None, report.to_text()
        after = [read(eng) for read in readers]
        changed = set().union(*(changed_areas(b, a) for b, a in zip(before, after, strict=True)))
        assert changed <= named, (changed - named, report.to_text())
        if named:
            assert changed, report.to_text()  # something of what the file names did come in
    finally:
        if report.batch_id is not None:
            assert imports.undo(report.batch_id, user="editor", engine=eng).done
    assert [read(eng) for read in readers] == before


def test_the_variants_come_in_with_their_own_figures(eng):
    """The figures of the variants, read back: the layouts were not only harmless but right."""
    expected = {
        "jateng.csv": {"33.74": {(1210, None, None)}, "33.22": {(640, None, None)}, "33.19": {(388, None, None)}},
        "aceh_bps.csv": {"11.74": {(None, 77, None)}, "11.73": {(None, 91, None)}, "11.16": {(None, 58, None)}},
        "jatim_dalam_angka.csv": {"35.05": {(500, 410, 90)}, "35.72": {(135, 120, 15)},
                                  "35.78": {(1800, 1500, 300)}, "35": {(2435, 2030, 405)}},
        "bali_tahun.csv": {"51.01": {(None, 120, None), (None, 118, None), (None, 121, None)},
                           "51.08": {(None, 300, None), (None, 310, None), (None, 305, None)},
                           "51.71": {(None, 410, None), (None, 405, None), (None, 420, None)}},
        "blitar_satudata.csv": {"35.72": {(None, 88, None)}, "35.05": {(400, None, 88)}},
        "ejaan.csv": {"31.74": {(900, None, None)}, "31.01": {(12, None, None)}, "21.72": {(150, None, None)},
                      "19.71": {(95, None, None)}},
    }
    variants = {name: data for _kind, name, data, _named in FILES if data}
    for name, figures in expected.items():
        before = counts_by_area(eng)
        report = imports.commit("counts", variants[name].encode(), name, user="editor", engine=eng)
        try:
            assert report.rejected == 0, report.to_text()
            after = counts_by_area(eng)
            got = {area: {row[1:4] for row in after.get(area, set()) - before.get(area, set())}
                   for area in changed_areas(before, after)}
            assert got == figures, name
        finally:
            assert imports.undo(report.batch_id, user="editor", engine=eng).done
