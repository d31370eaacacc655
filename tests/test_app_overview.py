"""AppTest: the first page shows the database's real counts and the synthetic banner."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

from data_access import engine as engine_module
from data_access.models import Cooperative, Meeting
from tests.conftest import REPO_ROOT


def test_overview_shows_database_counts(sqlite_url):
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    with Session(engine_module.get_engine(sqlite_url)) as s:
        meetings = s.scalar(select(func.count()).select_from(Meeting))
        coops = s.scalar(select(func.count()).select_from(Cooperative))
    assert metrics["Provinsi"] == "38"
    assert metrics["Kabupaten/kota"] == "514"
    assert metrics["Rapat"] == f"{meetings:,}".replace(",", ".")
    assert metrics["Koperasi (register)"] == f"{coops:,}".replace(",", ".")
    assert any("sintetis" in w.value for w in at.warning)
