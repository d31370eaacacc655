"""Accounts: Argon2 hashing, sign-in, roles and province limits — in ``data_access`` and on
the pages (AppTest). The pages run against their own SQLite database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from data_access import auth, imports, preparation
from data_access import engine as engine_module
from data_access.auth import AuthError, Identity
from data_access.models_users import AuditEntry, User
from data_access.stats import table_counts
from tests.apptest_helpers import app

PASSWORD = "kata-sandi-uji-123"


@pytest.fixture
def eng(prepared_db_url):
    engine = engine_module.get_engine(prepared_db_url)
    preparation.prepare_database(engine, with_demo=False)
    return engine


@pytest.fixture
def own_db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'auth.sqlite'}"
    engine = engine_module.get_engine(url)
    preparation.prepare_database(engine, with_demo=False)
    for name, role, province in (("editor", "editor", None), ("ntt", "editor", "53"), ("viewer", "viewer", None)):
        auth.add_user(name, role=role, password=PASSWORD, province_code=province, actor="test", engine=engine)
    monkeypatch.setenv("DATABASE_URL", url)
    return engine


# --- hashing and sign-in ---------------------------------------------------------------------------

def test_passwords_are_argon2id_hashes_with_their_own_salt():
    first, second = auth.hash_password(PASSWORD), auth.hash_password(PASSWORD)
    assert first.startswith("$argon2id$") and second.startswith("$argon2id$")
    assert first != second  # salted
    assert PASSWORD not in first
    assert auth.verify_password(first, PASSWORD)
    assert not auth.verify_password(first, PASSWORD + "x")
    assert not auth.verify_password(None, PASSWORD)
    assert not auth.verify_password("not-a-hash", PASSWORD)
    with pytest.raises(AuthError):
        auth.hash_password("pendek")


def test_authenticate(eng):
    made = auth.add_user("Editor.Satu", role="editor", password=PASSWORD, display_name="Editor Satu",
                         province_code="53", actor="cli:test", engine=eng)
    assert made == Identity("editor.satu", "Editor Satu", "editor", "53")
    assert auth.authenticate("editor.satu", PASSWORD, engine=eng) == made
    assert auth.authenticate("EDITOR.SATU", PASSWORD, engine=eng) == made  # usernames are case-insensitive
    assert auth.authenticate("editor.satu", "salah-kata-sandi", engine=eng) is None
    assert auth.authenticate("tidak.ada", PASSWORD, engine=eng) is None
    auth.set_active("editor.satu", False, actor="cli:test", engine=eng)
    assert auth.authenticate("editor.satu", PASSWORD, engine=eng) is None
    with engine_module.session_scope(eng) as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "editor.satu"))
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity_key == "editor.satu")).all()
    assert stored.startswith("$argon2id$")
    assert actions == ["add_user", "disable_user"]
    users = auth.list_users(eng)
    assert "password_hash" not in users.columns and list(users["username"]) == ["editor.satu"]


def test_account_rules(eng):
    auth.add_user("admin", role="admin", password=PASSWORD, actor="t", engine=eng)
    with pytest.raises(AuthError, match="exists"):
        auth.add_user("ADMIN", role="editor", password=PASSWORD, actor="t", engine=eng)
    with pytest.raises(AuthError):
        auth.add_user("x y", role="editor", password=PASSWORD, actor="t", engine=eng)
    with pytest.raises(AuthError):
        auth.add_user("someone", role="superuser", password=PASSWORD, actor="t", engine=eng)
    with pytest.raises(AuthError):
        auth.add_user("someone", role="editor", password=PASSWORD, province_code="99", actor="t", engine=eng)
    oidc_only = auth.add_user("orang@example.go.id", role="viewer", password=None, actor="t", engine=eng)
    assert oidc_only.role == "viewer"
    assert auth.authenticate("orang@example.go.id", "", engine=eng) is None


def test_roles_and_province_limits():
    viewer = Identity("v", None, "viewer")
    editor = Identity("e", None, "editor")
    ntt_editor = Identity("n", None, "editor", "53")
    admin = Identity("a", None, "admin", "53")
    assert not auth.can_write(None) and not auth.can_write(viewer)
    assert auth.can_write(editor) and auth.can_write(editor, "62.02")
    assert auth.can_write(ntt_editor) and auth.can_write(ntt_editor, "53") and auth.can_write(ntt_editor, "53.04")
    assert not auth.can_write(ntt_editor, "62") and not auth.can_write(ntt_editor, "62.02")
    assert auth.can_write(admin, "62")


def test_read_setting(monkeypatch):
    monkeypatch.delenv(auth.READ_REQUIRES_SIGN_IN_ENV, raising=False)
    assert auth.can_read(None)
    monkeypatch.setenv(auth.READ_REQUIRES_SIGN_IN_ENV, "1")
    assert not auth.can_read(None) and auth.can_read(Identity("v", None, "viewer"))


def test_writes_refused_without_the_role_at_the_data_level(eng):
    auth.add_user("viewer", role="viewer", password=PASSWORD, actor="t", engine=eng)
    auth.add_user("ntt", role="editor", password=PASSWORD, province_code="53", actor="t", engine=eng)
    data = b"Provinsi;Per Tanggal;Jumlah Koperasi\r\nKalimantan Tengah;2024;3.782\r\n"
    before = table_counts(eng)
    viewer = imports.commit("counts", data, "k.csv", user=Identity("viewer", None, "editor"), engine=eng)
    assert viewer.file_error.code == "not_allowed"  # the stored role counts, not the one claimed
    outside = imports.commit("counts", data, "k.csv", user="ntt", engine=eng)
    assert outside.counts["rejected"] == 1 and outside.errors[0].code == "outside_province"
    assert not outside.committed
    assert imports.undo(1, user="viewer", engine=eng).error.code == "not_allowed"
    assert table_counts(eng) == before


# --- pages ----------------------------------------------------------------------------------------

def test_import_page_needs_an_editor(own_db):
    at = app("imports")
    assert not at.exception
    assert any("memerlukan akun" in w.value for w in at.warning)
    assert len(at.file_uploader) == 0
    at.session_state["auth_user"] = Identity("viewer", None, "viewer")
    at.run()
    assert any("editor atau admin" in w.value for w in at.warning)
    assert len(at.file_uploader) == 0


def test_history_page_needs_an_account(own_db):
    at = app("history")
    assert any("memerlukan akun" in w.value for w in at.warning)
    assert len(at.dataframe) == 0


def test_sign_in_form_wrong_then_right_then_sign_out(own_db):
    at = app("sign_in")
    at.text_input(key="auth_username").input("editor")
    at.text_input(key="auth_password").input("salah-sekali-123")
    at.button[0].click().run()
    assert any("salah" in e.value for e in at.error)
    assert at.session_state["auth_user"] is None if "auth_user" in at.session_state else True
    at.text_input(key="auth_username").input("editor")
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.session_state["auth_user"] == Identity("editor", None, "editor", None)
    assert any("Masuk sebagai **editor**" in s.value for s in at.success)
    at.switch_page("pages/imports.py").run()
    assert len(at.file_uploader) == 1
    at.switch_page("pages/sign_in.py").run()
    at.button(key="auth_sign_out").click().run()
    assert "auth_user" not in at.session_state
    at.switch_page("pages/imports.py").run()
    assert len(at.file_uploader) == 0


def test_sign_in_is_throttled(own_db):
    at = app("sign_in")
    for _ in range(6):
        at.text_input(key="auth_username").input("editor")
        at.text_input(key="auth_password").input("salah-sekali-123")
        at.button[0].click().run()
    assert any("Terlalu banyak" in e.value for e in at.error)
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    assert "auth_user" not in at.session_state  # even the right password waits


def test_province_editor_sees_rows_outside_refused_on_the_page(own_db):
    at = app()
    at.session_state["auth_user"] = Identity("ntt", None, "editor", "53")
    at.switch_page("pages/imports.py").run()
    assert any("Nusa Tenggara Timur" in i.value for i in at.info)
    at.selectbox(key="imp_kind").set_value("counts").run()
    data = (b"Provinsi;Per Tanggal;Jumlah Koperasi\r\nKalimantan Tengah;2024;3.782\r\n"
            b"NTT;2024;4.300\r\n")
    at.file_uploader(key="imp_file").set_value(("k.csv", data, "text/csv"))
    at.run()
    assert {m.label: m.value for m in at.metric}["Ditolak"] == "1"
    problems = next(d.value for d in at.dataframe if "Alasan" in d.value.columns)
    assert "di luar provinsi" in problems.iloc[0]["Alasan"]


def test_reading_can_require_sign_in(own_db, monkeypatch):
    monkeypatch.setenv(auth.READ_REQUIRES_SIGN_IN_ENV, "1")
    at = app()
    assert not at.exception
    assert len(at.metric) == 0  # no figures before signing in
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    at.session_state["auth_user"] = Identity("viewer", None, "viewer")
    at.run()
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert len(at.metric) > 0  # the overview, for any account
