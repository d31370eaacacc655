"""``python -m data_access restore FILE [--replace]``: a backup back into a database.

The file is checked before anything is touched (``backup_file.check`` / ``pgdump.check``: ours,
whole, a schema this program knows). A target holding data is refused unless ``replace``; then
what it holds is first backed up (``replaced_to``, the ``keep`` newest kept) and only then
replaced. The rows go in through ``transfer`` in one transaction: at the backup's revision,
verified against the backup's own manifest (an altered row is refused), then migrated to the
newest revision, with a data version above the target's previous one. Afterwards the target gets
what a first start would add to a database of that revision (``preparation.prepare_database``: the
desa/kelurahan table of migration 0007 for an older backup) and fresh planner statistics.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine

from data_access import config, preparation
from data_access import engine as engine_module
from data_access.portability import PortabilityError, backup, backup_file, pgdump, tables, transfer

DEFAULT_REPLACED_TO = config.REPO_ROOT / "data" / "replaced"
DEFAULT_KEEP = 5


def _holds_data(engine: Engine) -> bool:
    with engine.connect() as conn:
        metadata = tables.reflect(conn)
        return bool(metadata.tables) and tables.holds_data(conn, metadata)


def _copy(source: Engine, target: Engine, manifest: dict, replace: bool) -> dict:
    with transfer.snapshot(source) as conn:
        return transfer.transfer(conn, target, replace=replace, expected=manifest)


def restore(path: str | Path, target: Engine, *, replace: bool = False, replaced_to: str | Path | None = None,
            keep: int = DEFAULT_KEEP) -> dict:
    """Restore the backup at ``path`` into ``target``; returns ``transfer``'s report plus ``"replaced_backup"``
    (the file holding what was replaced, or ``None``). Raises ``PortabilityError`` with nothing changed."""
    path = Path(path)
    kind = backup_file.kind(path)
    manifest = backup_file.check(path) if kind == "sqlite" else pgdump.check(path)
    saved = None
    if _holds_data(target):
        if not replace:
            raise PortabilityError(
                "basis data tujuan sudah berisi data; tidak ada yang diubah (pakai --replace: isinya dicadangkan "
                "dulu) / the target database already holds data; nothing was changed (use --replace: what it "
                "holds is backed up first)")
        folder = Path(replaced_to) if replaced_to else DEFAULT_REPLACED_TO
        saved = backup.backup(target, str(folder) + "/", keep=keep)["file"]
    if kind == "sqlite":
        source = create_engine(backup_file.read_only_url(path))
        try:
            report = _copy(source, target, manifest, replace)
        finally:
            source.dispose()
    else:
        with pgdump.scratch_copy(path, target) as source:
            report = _copy(source, target, manifest, replace)
    preparation.prepare_database(target, with_demo=False)
    engine_module.analyze(target)
    report["replaced_backup"] = saved
    return report
