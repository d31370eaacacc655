"""``python -m data_access import KIND FILE …`` and ``undo BATCH``: the Impor page's preview/commit,
column mapping (``--kolom``, ``--kolom-file``) and saved formats on the command line. Exit codes: 0
clean, 1 rejected rows, 2 file or account refused."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sqlalchemy.exc import DBAPIError


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
