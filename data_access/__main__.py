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
import getpass
import json
import sys
import time
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from data_access import demo, engine, preparation, stats
from data_access.models_users import USER_ROLES
from data_access.portability import cli as portability_cli
from data_access.snapshots import PAGES

IMPORT_KINDS = ("registry", "counts", "meetings", "pokja", "kdmp")


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi / password: ")
    if getpass.getpass("Ulangi / repeat: ") != first:
        raise SystemExit("passwords differ / kata sandi berbeda")
    return first


def _mapping(pairs: list[str], mapping_file: str | None) -> dict[str, str]:
    """``--kolom`` pairs and ``--kolom-file`` lines → {file header: field}; ``ValueError`` for a
    pair without ``=``."""
    lines = list(pairs)
    if mapping_file:
        lines += [line for line in Path(mapping_file).read_text(encoding="utf-8-sig").splitlines()
                  if line.strip() and not line.lstrip().startswith("#")]
    found: dict[str, str] = {}
    for line in lines:
        column, sep, field = line.rpartition("=")
        if not sep or not column.strip() or not field.strip():
            raise ValueError(f"tulis KOLOM=FIELD / write COLUMN=FIELD: {line!r}")
        found[column.strip()] = field.strip()
    return found


def _listing(as_of: str | None, stage: str | None):
    """``--per-tanggal`` + ``--tahap`` → ``(date, stage)``; both or neither; ``ValueError`` otherwise."""
    from data_access.imports.kinds.kdmp import STAGE_SPELLINGS
    from data_access.imports.parsing import CellError, header_key, parse_date

    if not as_of and not stage:
        return None
    if not (as_of and stage):
        raise ValueError("berikan keduanya / give both")
    try:
        parsed = parse_date(as_of)
    except CellError as error:
        raise ValueError(str(error)) from error
    if parsed is None or parsed[1] != "day":
        raise ValueError(f"{as_of!r}: perlu tanggal lengkap / needs a full date")
    key = header_key(stage)
    found = next((code for code, words in STAGE_SPELLINGS.items()
                  if key == header_key(code) or key in {header_key(w) for w in words}), None)
    if found is None:
        raise ValueError(f"{stage!r}: {', '.join(STAGE_SPELLINGS)}")
    return parsed[0], found


def _import(args, eng) -> int:
    from data_access import imports
    from data_access.demo_guard import SyntheticReferenceError

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"{path}: {error.strerror}", file=sys.stderr)
        return 2
    run = imports.preview if args.dry_run else imports.commit
    try:
        columns = _mapping(args.kolom, args.kolom_file)
    except (OSError, ValueError) as error:
        print(f"--kolom: {error}", file=sys.stderr)
        return 2
    if args.use_format:
        from data_access.imports import formats

        saved = formats.by_name(args.kind, args.use_format, engine=eng)
        if saved is None:
            print(f"--format: {args.use_format!r} tidak ada / no such format ({args.kind})", file=sys.stderr)
            return 2
        columns = {**saved, **columns}
    try:
        listing = _listing(args.per_tanggal, args.tahap)
    except ValueError as error:
        print(f"--per-tanggal/--tahap: {error}", file=sys.stderr)
        return 2
    try:
        report = run(args.kind, data, path.name, user=args.user, strict=args.strict, engine=eng,
                     source_outlet=args.source, same_meeting=args.same_meeting, columns=columns, listing=listing)
    except DBAPIError as error:  # read-only, locked or unreachable database: nothing was written
        print(f"{path}: basis data menolak penulisan, tidak ada yang disimpan / the database refused the "
              f"write, nothing was stored ({type(error.orig or error).__name__}: {str(error.orig or error)[:200]})",
              file=sys.stderr)
        return 2
    except SyntheticReferenceError as refused:  # a real row under a demo mandate: nothing was written
        print(f"{path}: {refused.text(args.lang)}", file=sys.stderr)
        return 2
    print(json.dumps(report.to_dict(args.lang), ensure_ascii=False, indent=2, default=str) if args.json
          else report.to_text(args.lang))
    _formats_after(args, eng, report, columns)
    return report.exit_code


def _formats_after(args, eng, report, columns: dict[str, str]) -> None:
    """Save the mapping as a named format after a commit (``--simpan-format``); otherwise offer a
    saved format whose header set is this file's (on standard error, so ``--json`` stays JSON)."""
    from data_access.imports import formats

    headers = [c.header for c in report.columns]
    if args.simpan_format and report.committed and columns:
        saved = formats.save(args.kind, args.simpan_format, headers, columns, user=args.user, engine=eng)
        print(f"format #{saved} {args.simpan_format!r} disimpan / saved", file=sys.stderr)
    elif headers and not columns:
        for found in formats.matching(args.kind, headers, engine=eng):
            print(f"format tersimpan cocok / a saved format matches: --format {found['name']!r} "
                  f"({found['created_by']}, {found['created_at']})", file=sys.stderr)


def _undo(args, eng) -> int:
    from data_access import imports

    result = imports.undo(args.batch, user=args.user, engine=eng)
    print(result.to_text(args.lang))
    return 0 if result.done else 2


def _user(args, eng) -> int:
    from data_access import auth

    try:
        if args.user_command == "add":
            password = None if args.no_password else _read_password(args.password_stdin)
            made = auth.add_user(args.name, role=args.role, password=password, display_name=args.display_name,
                                 province_code=args.province, actor=_actor(), engine=eng)
            print(json.dumps({"added": made.username, "role": made.role, "province": made.province_code}))
        elif args.user_command == "unlock":
            from data_access import sign_in_limits

            kind, key = ("address", args.address) if args.address else ("account", args.name)
            if not key:
                print("unlock: give an account NAME or --address ADDRESS", file=sys.stderr)
                return 2
            lifted = sign_in_limits.lift(kind, key, actor=_actor(), engine=eng)
            shown = key.strip() if kind == "address" else key.strip().lower()
            print(json.dumps({"unlocked" if lifted else "not_locked": shown}))
        elif args.user_command == "list":
            print(auth.list_users(eng).to_string(index=False))
        elif args.user_command == "passwd":
            auth.set_password(args.name, _read_password(args.password_stdin), actor=_actor(), engine=eng)
            print(json.dumps({"password_set": args.name}))
        else:
            auth.set_active(args.name, args.user_command == "enable", actor=_actor(), engine=eng)
            print(json.dumps({args.user_command + "d": args.name}))
    except auth.AuthError as error:
        print(str(error), file=sys.stderr)
        return 2
    return 0


def _pack(args, eng) -> int:
    from briefing import pack, permalink
    from data_access import filters as flt
    from data_access import regions, snapshots

    if args.snapshot is not None:
        snapshot = snapshots.load(args.snapshot, eng)
        if snapshot is None:
            print(f"snapshot {args.snapshot}: tidak ada / not found", file=sys.stderr)
            return 2
        made = pack.files(snapshot, args.lang)
    else:
        params = {name: value for name, value in (("prov", args.prov), ("kab", args.kab), ("dari", args.dari),
                                                  ("sampai", args.sampai), ("n", args.n)) if value}
        if args.nyata:
            params["nyata"] = "1"
        filters, notes = flt.parse(params, known_provinces=set(regions.provinces(eng)["code"]),
                                   known_regencies=set(regions.regencies(eng)["code"]))
        if notes:
            print("\n".join(notes), file=sys.stderr)
            return 2
        made = pack.make(filters, page=args.halaman, lang=args.lang, user=_actor(), engine=eng)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for kind in ("pdf", "xlsx"):
        path = out / f"bahan-rapat-{made.snapshot.id}-{args.lang}.{kind}"
        path.write_bytes(getattr(made, kind))
        written[kind] = str(path)
    print(json.dumps({"snapshot": made.snapshot.id, "figures_hash": made.snapshot.figures_hash,
                      "data_version": made.snapshot.data_version, **written,
                      "permalink": permalink(made.snapshot)}, ensure_ascii=False))
    return 0


def _digest(args, eng) -> int:
    import datetime as dt

    from data_access import digest

    if args.digest_command == "subscribe":
        try:
            made = digest.subscribe(args.user, email=args.email, webhook_url=args.webhook,
                                    provinces=tuple(p for p in (args.prov or "").split(",") if p),
                                    sections=tuple(s.strip() for s in (args.bagian or "").split(",") if s.strip()),
                                    weekday=args.day,
                                    hour=args.hour, lang=args.lang, send_no_change=not args.quiet_when_unchanged,
                                    engine=eng)
        except digest.DigestError as error:
            print(str(error), file=sys.stderr)
            return 2
        print(json.dumps({"subscription": made}))
        return 0
    if args.digest_command == "list":
        print(digest.subscriptions(engine=eng).to_string(index=False))
        return 0
    from briefing import digest_send

    now = dt.datetime.fromisoformat(args.now) if args.now else None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    results = digest_send.run(now, eng)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if any(r["status"] == "failed" for r in results) else 0


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
