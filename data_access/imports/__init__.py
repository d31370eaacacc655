"""Imports of CSV and XLSX files: the cooperative register, reported counts, meetings and
Pokja stages — preview, commit in one transaction, undo, templates.

    from data_access import imports
    report = imports.preview("counts", data, "angka.csv", user=identity)      # writes nothing
    report = imports.commit("counts", data, "angka.csv", user=identity, strict=False)
    imports.undo(report.batch_id, user=identity)

``reading`` reads files into rows of text and ``parsing`` text into values (both pure);
``kinds/`` has one module per kind (columns, row validator, writer); ``apply`` runs preview
and commit, ``undo`` undoes a batch, ``templates`` builds the downloadable templates,
``news`` saves a meeting extracted from a news report. The command line is ``python -m data_access import KIND FILE``.
"""

from __future__ import annotations

from data_access.imports.apply import run_import
from data_access.imports.kinds import KINDS, RowError
from data_access.imports.parsing import FileError, ImportProblem
from data_access.imports.reading import MAX_FILE_BYTES
from data_access.imports.report import STATUSES, ImportReport, RowOutcome
from data_access.imports.templates import template_csv, template_headers, template_xlsx
from data_access.imports.undo import BATCH_COLUMNS, UndoReport, batches, undo

KIND_NAMES = tuple(KINDS)


def preview(kind: str, data: bytes, file_name: str, *, user, strict: bool = False, **kwargs) -> ImportReport:
    """What committing this file would do; writes nothing."""
    return run_import(kind, data, file_name, user=user, strict=strict, dry_run=True, **kwargs)


def commit(kind: str, data: bytes, file_name: str, *, user, strict: bool = False, **kwargs) -> ImportReport:
    """Write the file's valid rows (or, ``strict``, all rows or nothing) as one undoable batch."""
    return run_import(kind, data, file_name, user=user, strict=strict, dry_run=False, **kwargs)


__all__ = [
    "BATCH_COLUMNS", "KINDS", "KIND_NAMES", "MAX_FILE_BYTES", "STATUSES", "FileError", "ImportProblem",
    "ImportReport", "RowError", "RowOutcome", "UndoReport", "batches", "commit", "preview", "run_import",
    "template_csv", "template_headers", "template_xlsx", "undo",
]
