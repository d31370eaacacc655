"""The sub-commands ``backup``, ``restore``, ``move``, ``export --real`` and ``import package`` of
``python -m data_access`` (added to its parser by ``add_parsers``, run by ``run``).

Each prints a JSON report on success (exit 0); a refusal prints its reason to standard error and
exits 2 with nothing changed.
"""

from __future__ import annotations

import argparse
import json
import sys

from sqlalchemy import Engine

from data_access import config
from data_access.portability import PortabilityError

COMMANDS = ("backup", "restore", "move", "export")


def add_parsers(sub) -> None:
    """Add this module's sub-commands to ``python -m data_access``'s sub-parsers."""
    bak = sub.add_parser("backup", help="a consistent backup file while the dashboard keeps running")
    bak.add_argument("dest", help="backup file, or a folder (ending in /) for a time-stamped file")
    bak.add_argument("--keep", type=int, help="keep only the N newest backups in the folder")
    bak.add_argument("--no-pg-dump", action="store_true", help="PostgreSQL: the portable SQLite backup file "
                     "even where pg_dump is installed")
    res = sub.add_parser("restore", help="restore a backup into an empty database (or --replace)")
    res.add_argument("file")
    res.add_argument("--replace", action="store_true",
                     help="replace a database holding data (what it holds is backed up first)")
    res.add_argument("--replaced-to", help="folder for the backup of what is replaced (default data/replaced/)")
    res.add_argument("--keep", type=int, default=5, help="keep the N newest backups of replaced databases")
    mov = sub.add_parser("move", help="copy the whole database into another, empty one (SQLite <-> PostgreSQL)")
    mov.add_argument("--to", required=True, help="target database URL (postgresql://… or sqlite:///…)")
    exp = sub.add_parser("export", help="the real records as a Frictionless Data Package")
    exp.add_argument("--real", action="store_true", required=True, help="only real, sourced records (required)")
    exp.add_argument("folder")


def _print(report: dict) -> None:
    print(json.dumps(report, ensure_ascii=False, indent=2, default=str))


def run(args: argparse.Namespace, eng: Engine) -> int:
    """Run ``args.command`` (one of ``COMMANDS``) on the database of ``eng``."""
    try:
        if args.command == "backup":
            from data_access.portability.backup import backup

            _print(backup(eng, args.dest, keep=args.keep, use_pg_dump=False if args.no_pg_dump else None))
        elif args.command == "restore":
            from data_access.portability.restore import restore

            _print(restore(args.file, eng, replace=args.replace, replaced_to=args.replaced_to, keep=args.keep))
        elif args.command == "move":
            from data_access.portability.move import move

            _print(move(args.database_url or config.database_url(), args.to))
        elif args.command == "export":
            from data_access.portability.package_export import export

            _print(export(eng, args.folder))
    except PortabilityError as refused:
        print(str(refused), file=sys.stderr)
        return 2
    return 0


def import_package(args: argparse.Namespace, eng: Engine) -> int:
    """``python -m data_access import package FOLDER``: a Data Package into an empty database."""
    from data_access.portability.package_import import import_package as load

    try:
        _print(load(args.file, eng))
    except PortabilityError as refused:
        print(str(refused), file=sys.stderr)
        return 2
    return 0
