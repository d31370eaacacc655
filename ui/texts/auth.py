"""Texts of signing in and out, and of pages that need an account."""

TEXT: dict[str, dict[str, str]] = {
    "nav_editor": {"id": "Pengelolaan data", "en": "Data management"},
    "page_sign_in": {"id": "Masuk", "en": "Sign in"},
    "page_sign_out": {"id": "Akun / Keluar", "en": "Account / sign out"},
    "auth_intro": {
        "id": "Membaca dasbor terbuka untuk semua. Mengimpor, menyimpan hasil ekstraksi berita dan membatalkan impor memerlukan akun editor.",
        "en": "Reading the dashboard is open to all. Importing, saving news extractions and undoing imports need an editor account.",
    },
    "auth_intro_closed": {
        "id": "Dasbor ini hanya untuk pengguna terdaftar. Silakan masuk.",
        "en": "This dashboard is for registered users only. Please sign in.",
    },
    "auth_username": {"id": "Nama pengguna", "en": "Username"},
    "auth_password": {"id": "Kata sandi", "en": "Password"},
    "auth_submit": {"id": "Masuk", "en": "Sign in"},
    "auth_oidc_button": {"id": "Masuk dengan akun organisasi", "en": "Sign in with your organisation account"},
    "auth_failed": {"id": "Nama pengguna atau kata sandi salah, atau akun tidak aktif.",
                    "en": "Wrong username or password, or the account is inactive."},
    "auth_locked": {"id": "Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.",
                    "en": "Too many failed attempts. Try again in {seconds} seconds."},
    "auth_signed_in_as": {"id": "Masuk sebagai **{name}** ({role}).", "en": "Signed in as **{name}** ({role})."},
    "auth_province_limit": {"id": "Hanya dapat mengubah data provinsi {province}.",
                            "en": "May change data of {province} only."},
    "auth_sign_out": {"id": "Keluar", "en": "Sign out"},
    "auth_signed_out": {"id": "Anda sudah keluar.", "en": "You have signed out."},
    "auth_no_account": {
        "id": "Anda masuk sebagai {email}, tetapi belum ada akun Pantau Rakor untuk alamat ini; Anda dapat membaca, tidak mengubah. Minta admin menambahkan akun.",
        "en": "You are signed in as {email}, but there is no Pantau Rakor account for this address; you can read, not change. Ask an admin to add one.",
    },
    "auth_need_sign_in": {"id": "Halaman ini memerlukan akun. Silakan masuk dulu.",
                          "en": "This page needs an account. Please sign in first."},
    "auth_need_editor": {
        "id": "Akun {name} berperan {role}; mengubah data memerlukan peran editor atau admin.",
        "en": "Account {name} has the role {role}; changing data needs the editor or admin role.",
    },
    "auth_go_sign_in": {"id": "Ke halaman masuk", "en": "Go to sign in"},
    "auth_sidebar": {"id": "👤 {name} · {role}", "en": "👤 {name} · {role}"},
    "auth_cli_hint": {
        "id": "Akun dibuat oleh admin di server, di folder aplikasi: `.venv/bin/python -m data_access user add NAMA "
              "--role editor [--province 53] --password-stdin` (kata sandi diketik lewat masukan standar, tidak "
              "ditulis di baris perintah).",
        "en": "Accounts are created by an admin on the server, in the app's folder: `.venv/bin/python -m data_access "
              "user add NAME --role editor [--province 53] --password-stdin` (the password comes from standard "
              "input, never the command line).",
    },
    "role_viewer": {"id": "pembaca", "en": "viewer"},
    "role_editor": {"id": "editor", "en": "editor"},
    "role_admin": {"id": "admin", "en": "admin"},
}
