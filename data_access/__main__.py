"""Command line: ``python -m data_access init | demo | stats | import | undo | user | backup | restore | move | export``.

- ``init``: migrate the database (``DATABASE_URL`` or the embedded SQLite file)
  and load the gazetteer and real facts if it is empty.
- ``demo --scale small|national [--seed N] [--remove]``: add (or remove) a
  deterministic synthetic data set.
- ``stats``: row counts per table as JSON.
- ``import KIND FILE --user NAME [--dry-run] [--strict] [--json] [--kolom "KOLOM=FIELD" …]
  [--kolom-file FILE]``: the same preview/commit (and column mapping) as the Impor page (KIND: registry, counts, meetings, pokja, kdmp); exit
  code 0 clean, 1 rejected rows, 2 file or account refused.
- ``import package FOLDER``: a Frictionless Data Package written by ``export --real`` into an
  empty database (``data_access.portability``).
- ``undo BATCH --user NAME``: undo one import batch.
- ``user add NAME --role viewer|editor|admin [--province 53] [--password-stdin]``
  (the password is prompted for, or read from standard input — never an argument),
  ``user list``, ``user passwd NAME``, ``user disable NAME`` / ``user enable NAME``,
  ``user unlock NAME`` / ``user unlock --address ADDRESS`` (lift a sign-in lock, audited).
- ``backup DEST [--keep N]``, ``restore FILE [--replace]``, ``move --to URL``, ``export --real FOLDER``:
  see ``data_access.portability`` (``portability.cli``).
- ``pack [--prov 53] [--kab 53.04,...] [--dari YYYY-MM-DD] [--sampai ...] [--nyata] [--halaman PAGE]
  [--lang id|en] [--out DIR]``: freeze the view as a briefing snapshot and write its PDF and XLSX
  (``pack --snapshot ID`` redraws a stored one); prints the id, hash, files and permalink as JSON.
  Exit code 2 for a filter value that is not a known code or date (nothing stored).
- ``digest send [--now ISO-TIME]``: send the weekly digests that are due (cron / systemd timer,
  ``deploy/digest/``); exit code 1 when a send failed (it is retried by the next run).
  ``digest subscribe USER [--email A] [--webhook URL] [--prov 53] [--bagian rakor,pokja,merah-putih,koperasi]
  [--day 0-6] [--hour 0-23] [--lang id|en] [--quiet-when-unchanged]``, ``digest list``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from data_access import demo, engine, preparation, stats
from data_access.cli_accounts import _user
from data_access.cli_briefing import _digest, _pack
from data_access.cli_imports import _import, _undo
from data_access.models_users import USER_ROLES
from data_access.portability import cli as portability_cli
from data_access.snapshots import PAGES

IMPORT_KINDS = ("registry", "counts", "meetings", "pokja", "kdmp")



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_access", description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="migrate and load gazetteer + real facts")
    demo_cmd = sub.add_parser("demo", help="add deterministic synthetic demo data")
    demo_cmd.add_argument("--scale", choices=sorted(demo.SCALES), default="small")
    demo_cmd.add_argument("--seed", type=int, default=42)
    demo_cmd.add_argument("--remove", action="store_true", help="delete this demo data set instead")
    sub.add_parser("stats", help="row counts per table as JSON")
    imp = sub.add_parser("import", help="import a CSV/XLSX file (preview with --dry-run)")
    imp.add_argument("kind", choices=(*IMPORT_KINDS, "package"))
    imp.add_argument("file")
    imp.add_argument("--user", help="editor account the import is recorded under (required but for a package)")
    imp.add_argument("--dry-run", action="store_true", help="preview only: write nothing")
    imp.add_argument("--strict", action="store_true", help="write nothing if any row is rejected")
    imp.add_argument("--source", help="outlet name for the file's own source (default: the file name)")
    imp.add_argument("--same-meeting", choices=("attach", "new"), default=None,
                     help="a meeting row that is probably a stored meeting: attach the row as a further source "
                          "of it, or add it as a new meeting (default: hold the row back and say so)")
    imp.add_argument("--kolom", action="append", default=[], metavar="KOLOM=FIELD",
                     help="map a column of the file to a field (\"PERIODE UPDATE=per_tanggal\") or ignore it "
                          "explicitly (\"id_lokal=abaikan\"); repeatable")
    imp.add_argument("--kolom-file", help="a mapping file: one KOLOM=FIELD a line (# comments)")
    imp.add_argument("--format", dest="use_format", metavar="NAMA",
                     help="use a saved column mapping (format) of this kind; --kolom choices override it")
    imp.add_argument("--simpan-format", metavar="NAMA",
                     help="after a committed import, save its --kolom mapping as a named format")
    imp.add_argument("--per-tanggal", help="kdmp listing with no stage dates: the export's date (2026-08-05)")
    imp.add_argument("--tahap", help="kdmp listing with no stage dates: the stage it stands for (sk_ahu, …)")
    imp.add_argument("--json", action="store_true", help="the report as JSON")
    imp.add_argument("--lang", choices=("id", "en"), default="id")
    fmt = sub.add_parser("format", help="saved column mappings of imports: list, remove")
    fmt.add_argument("action", choices=("list", "remove"))
    fmt.add_argument("id", type=int, nargs="?")
    und = sub.add_parser("undo", help="undo one import batch")
    und.add_argument("batch", type=int)
    und.add_argument("--user", required=True)
    und.add_argument("--lang", choices=("id", "en"), default="id")
    usr = sub.add_parser("user", help="accounts: add, list, passwd, disable, enable")
    usr_sub = usr.add_subparsers(dest="user_command", required=True)
    add = usr_sub.add_parser("add")
    add.add_argument("name")
    add.add_argument("--role", choices=USER_ROLES, required=True)
    add.add_argument("--province", help="limit an editor to this province code (e.g. 53)")
    add.add_argument("--display-name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.add_argument("--no-password", action="store_true", help="sign-in through OIDC only")
    usr_sub.add_parser("list")
    pwd = usr_sub.add_parser("passwd")
    pwd.add_argument("name")
    pwd.add_argument("--password-stdin", action="store_true")
    for name in ("disable", "enable"):
        usr_sub.add_parser(name).add_argument("name")
    unlock = usr_sub.add_parser("unlock", help="lift a sign-in lock of an account (or of a client address)")
    unlock.add_argument("name", nargs="?")
    unlock.add_argument("--address", help="the client address to unlock instead of an account")
    portability_cli.add_parsers(sub)
    pck = sub.add_parser("pack", help="briefing pack: freeze the view as a snapshot, write its PDF and XLSX")
    pck.add_argument("--prov", help="province codes, comma-separated (e.g. 53)")
    pck.add_argument("--kab", help="kab/kota codes, comma-separated (e.g. 53.04)")
    pck.add_argument("--dari", help="period start, YYYY-MM-DD")
    pck.add_argument("--sampai", help="period end, YYYY-MM-DD")
    pck.add_argument("--n", help="RAT window in years (1-10)")
    pck.add_argument("--nyata", action="store_true", help="real data only (hide demo rows)")
    pck.add_argument("--halaman", default="ringkasan", choices=PAGES, help="the page the pack links back to")
    pck.add_argument("--lang", choices=("id", "en"), default="id")
    pck.add_argument("--out", default=".", help="folder for the PDF and XLSX")
    pck.add_argument("--snapshot", type=int, help="redraw the files of this stored snapshot instead")
    dig = sub.add_parser("digest", help="weekly digest: send what is due, subscribe, list")
    dig_sub = dig.add_subparsers(dest="digest_command", required=True)
    dig_sub.add_parser("send").add_argument("--now", help="ISO time to act at (default: now; naive = UTC)")
    dig_sub.add_parser("list")
    subscribe = dig_sub.add_parser("subscribe")
    subscribe.add_argument("user")
    subscribe.add_argument("--email")
    subscribe.add_argument("--webhook")
    subscribe.add_argument("--prov", help="province codes, comma-separated (default: the account's province)")
    subscribe.add_argument("--bagian", "--sections", dest="bagian",
                           help="pages the digest covers, comma-separated, of rakor, pokja, merah-putih, koperasi "
                                "(default: all)")
    subscribe.add_argument("--day", type=int, default=0, help="0 = Monday … 6 = Sunday")
    subscribe.add_argument("--hour", type=int, default=7, help="hour of the day, WIB")
    subscribe.add_argument("--lang", choices=("id", "en"), default="id")
    subscribe.add_argument("--quiet-when-unchanged", action="store_true", help="send nothing when nothing changed")
    args = parser.parse_args(argv)
    if args.command == "import" and args.kind != "package" and not args.user:
        parser.error("import: --user is required")

    eng = engine.get_engine(args.database_url)
    # a command that creates the embedded default database fills it as the dashboard's first start does
    # (demo data included); ``init`` never adds demo, and a named database never gets it unasked
    first_start_demo = None if args.database_url is None else False
    if args.command in portability_cli.COMMANDS:
        return portability_cli.run(args, eng)
    if args.command == "import" and args.kind == "package":
        return portability_cli.import_package(args, eng)
    if args.command == "init":
        preparation.prepare_database(eng, with_demo=False)
        print(json.dumps(stats.table_counts(eng), indent=2))
    elif args.command == "demo":
        preparation.prepare_database(eng, with_demo=False)
        started = time.perf_counter()
        if args.remove:
            removed = demo.remove(eng, args.scale, args.seed)
            print(json.dumps({"removed": removed}))
        else:
            counts = demo.generate(eng, args.scale, args.seed)
            counts["seconds"] = round(time.perf_counter() - started, 1)
            print(json.dumps(counts))
    elif args.command == "stats":
        engine.migrate(eng)
        print(json.dumps(stats.table_counts(eng), indent=2))
    elif args.command == "format":
        from data_access.imports import formats

        if args.action == "list":
            print(formats.listed(engine=eng).to_json(orient="records", force_ascii=False, date_format="iso"))
            return 0
        if args.id is None:
            print("format remove ID", file=sys.stderr)
            return 2
        return 0 if formats.remove(args.id, engine=eng) else 1
    elif args.command == "import":
        preparation.prepare_database(eng, with_demo=first_start_demo)
        return _import(args, eng)
    elif args.command == "undo":
        engine.migrate(eng)
        return _undo(args, eng)
    elif args.command == "user":
        preparation.prepare_database(eng, with_demo=first_start_demo)
        return _user(args, eng)
    elif args.command == "pack":
        preparation.prepare_database(eng, with_demo=first_start_demo)
        return _pack(args, eng)
    elif args.command == "digest":
        preparation.prepare_database(eng, with_demo=first_start_demo)
        return _digest(args, eng)
    return 0


if __name__ == "__main__":
    sys.exit(main())
