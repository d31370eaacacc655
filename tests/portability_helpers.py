"""A small office database for the portability tests: what a first start loads (gazetteer, real
facts), the desa/kelurahan of one kab/kota only (the 84k desa make every copy slow and prove
nothing more), one real register cooperative with its RAT history (and the summaries derived from it), an editor
account, one committed import batch (with its batch rows and audit
entries, so it can be undone after a move), a synthetic (demo) meeting flagged as such, and a
counted failed sign-in."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select

from data_access import auth, cooperative_summaries, imports, sign_in_limits
from data_access import engine as engine_module
from data_access.models_cooperatives import Cooperative, CooperativeRat
from data_access.models_kdmp import District, Kdmp, Village
from data_access.models_meetings import Meeting
from data_access.models_reference import Source

KEPT_REGENCY = "53.71"
EDITOR = "editor"
COUNTS_CSV = (b"Provinsi;Kabupaten/Kota;Per Tanggal;Jumlah Koperasi;Aktif;Tidak Aktif\r\n"
              b"NTT;Kabupaten Kupang;31/12/2023;1.234;1.000;234\r\n")


def fill_small_office(url: str) -> int:
    """Turn the prepared database at ``url`` into the small office; returns the import batch's id."""
    eng = engine_module.get_engine(url)
    with engine_module.session_scope(eng) as session:
        used = select(Kdmp.village_code)
        session.execute(delete(Village).where(Village.regency_code != KEPT_REGENCY, Village.code.not_in(used)))
        session.execute(delete(District).where(District.regency_code != KEPT_REGENCY,
                                               District.code.not_in(select(Village.district_code)),
                                               District.code.not_in(select(Kdmp.district_code))))
        demo = Source(key="demo:portability", kind="synthetic", outlet="Data demo (sintetis)")
        session.add(demo)
        session.flush()
        session.add(Meeting(title="Rakor demo portabilitas", kind="rakor", level="provinsi",
                            held_on=dt.date(2025, 3, 4), province_code="53", source_id=demo.id))
        register = Source(key="test:register-extract", kind="official_dataset", outlet="Register uji (test fixture)")
        session.add(register)
        session.flush()
        cooperative = Cooperative(name="Koperasi Uji Portabilitas", regency_code=KEPT_REGENCY, jenis="konsumen",
                                  founded_on=dt.date(2015, 6, 1), source_id=register.id, register_status="Aktif",
                                  register_status_on=dt.date(2025, 1, 31))
        session.add(cooperative)
        session.flush()
        session.add_all(CooperativeRat(cooperative_id=cooperative.id, year=year, run_length=run)
                        for run, year in enumerate((2022, 2023, 2024), start=1))
        session.flush()
        cooperative_summaries.refresh(session.connection())
    auth.add_user(EDITOR, role="editor", password="kata-sandi-uji-123", province_code="53", actor="test", engine=eng)
    report = imports.commit("counts", COUNTS_CSV, "angka.csv", user=EDITOR, engine=eng)
    assert report.batch_id, report.to_text("en")
    sign_in_limits.count_failure(sign_in_limits.keys("someone", "10.0.0.9"), engine=eng)
    return report.batch_id
