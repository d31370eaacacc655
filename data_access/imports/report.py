"""The report of one import (preview or commit): the same on the Impor page and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from data_access.imports import messages
from data_access.imports.parsing import ImportProblem
from data_access.imports.rows import RowError

STATUSES = ("new", "changed", "unchanged", "rejected")  # and "merged" (a repeat of an identical row), counted when present


# --- the report ---------------------------------------------------------------------------------


@dataclass
class RowOutcome:
    row: int
    status: str
    key: str
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import found (preview) or did (commit): the same report on the page and the CLI."""

    kind: str
    file_name: str
    sha256: str
    strict: bool
    dry_run: bool
    outcomes: list[RowOutcome] = field(default_factory=list)
    file_error: ImportProblem | None = None
    file_type: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    ignored_columns: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    committed: bool = False
    batch_id: int | None = None
    earlier_batches: list[int] = field(default_factory=list)
    layout: str | None = None          # "plain" | "titled" | "satudata_long" | "years_as_columns"
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (message code, values): how the file was read
    same_meetings: list[dict] = field(default_factory=list)  # {row, meeting_id, title, held_on, score}
    rat_history: list[dict] = field(default_factory=list)  # registry: {row, label, rat_years, first_year, …}
    columns: list = field(default_factory=list)  # ``accounting.ColumnAccount`` per column of the file

    @property
    def counts(self) -> dict[str, int]:
        found = {status: 0 for status in STATUSES}
        for outcome in self.outcomes:
            found[outcome.status] = found.get(outcome.status, 0) + 1
        return found

    @property
    def errors(self) -> list[RowError]:
        return [error for outcome in self.outcomes for error in outcome.errors]

    @property
    def rejected(self) -> int:
        return self.counts["rejected"]

    @property
    def writes(self) -> int:
        counts = self.counts
        return counts["new"] + counts["changed"]

    @property
    def blocked(self) -> bool:
        """Nothing can be committed: a file error, or strict mode with a rejected row."""
        return self.file_error is not None or (self.strict and self.rejected > 0)

    @property
    def exit_code(self) -> int:
        """0: clean; 1: rejected rows; 2: the file (or the account) was refused."""
        if self.file_error is not None:
            return 2
        return 1 if self.rejected else 0

    def errors_frame(self, lang: str = "id") -> pd.DataFrame:
        """One line per problem: ``row``, ``column``, ``value``, ``reason``."""
        return pd.DataFrame([(e.row, e.column, e.value, e.text(lang)) for e in self.errors],
                            columns=["row", "column", "value", "reason"])

    def rows_frame(self, lang: str = "id") -> pd.DataFrame:
        """One line per file row: ``row``, ``status``, ``key``, ``reason`` (rejected rows only)."""
        return pd.DataFrame([(o.row, o.status, o.key, "; ".join(f"{e.column}: {e.text(lang)}" for e in o.errors))
                             for o in self.outcomes], columns=["row", "status", "key", "reason"])

    def to_dict(self, lang: str = "id") -> dict:
        return {
            "kind": self.kind, "file": self.file_name, "sha256": self.sha256, "strict": self.strict,
            "dry_run": self.dry_run, "committed": self.committed, "batch_id": self.batch_id,
            "file_error": self.file_error.text(lang) if self.file_error else None, "counts": self.counts,
            "encoding": self.encoding, "delimiter": self.delimiter, "ignored_columns": self.ignored_columns,
            "unknown_columns": self.unknown_columns, "earlier_batches": self.earlier_batches,
            "errors": self.errors_frame(lang).to_dict(orient="records"),
            "layout": self.layout, "notes": self.note_texts(lang), "same_meetings": self.same_meetings,
            "rat_history": self.rat_history,
            "columns": [{"column": c.header, "role": c.role, "field": c.field, "level": c.level}
                        for c in self.columns],
        }

    def note_texts(self, lang: str = "id") -> list[str]:
        """How the file was read (layout, header row, title, code scheme, total checks), as sentences."""
        return [messages.text(code, lang, **params) for code, params in self.notes]

    def to_text(self, lang: str = "id") -> str:
        en = lang == "en"
        lines = [f"{'Import' if en else 'Impor'} {self.kind}: {self.file_name}"]
        if self.file_error is not None:
            lines.append(("Refused: " if en else "Ditolak: ") + self.file_error.text(lang))
            return "\n".join(lines)
        details = [d for d in (self.file_type, self.encoding, repr(self.delimiter) if self.delimiter else None,
                               self.sheet) if d]
        lines.append(" · ".join(details))
        c = self.counts
        lines.append((f"new {c['new']} · changed {c['changed']} · unchanged {c['unchanged']} · "
                      f"rejected {c['rejected']}") if en else
                     (f"baru {c['new']} · berubah {c['changed']} · tetap {c['unchanged']} · "
                      f"ditolak {c['rejected']}"))
        if self.layout:
            lines.append(("Layout: " if en else "Tata letak: ") + messages.text(f"layout_{self.layout}", lang))
        lines += [f"  · {note}" for note in self.note_texts(lang)]
        if self.unknown_columns:
            lines.append(("Columns not recognised (ignored): " if en else "Kolom tidak dikenal (diabaikan): ")
                         + ", ".join(self.unknown_columns))
        if self.earlier_batches:
            lines.append(("This exact file was imported before: batch " if en else
                          "Berkas yang sama persis pernah diimpor: batch ")
                         + ", ".join(f"#{b}" for b in self.earlier_batches))
        for error in self.errors:
            lines.append(f"  {'row' if en else 'baris'} {error.row} · {error.column} · "
                         f"{error.value!r} · {error.text(lang)}")
        for same in self.same_meetings:
            lines.append((f"Row {same['row']}: probably meeting #{same['meeting_id']} ({same['held_on']}, title "
                          f"similarity {same['score']})") if en else
                         (f"Baris {same['row']}: mungkin rapat #{same['meeting_id']} ({same['held_on']}, kemiripan "
                          f"judul {same['score']})"))
        if any(e.code == "same_meeting" for e in self.errors):
            lines.append("Command line: --same-meeting attach (a further source) or --same-meeting new." if en else
                         "Baris perintah: --same-meeting attach (sumber tambahan) atau --same-meeting new (rapat baru).")
        if self.committed:
            lines.append(f"Committed as batch #{self.batch_id}." if en else
                          f"Tersimpan sebagai batch #{self.batch_id}.")
        elif self.dry_run:
            lines.append("Preview only: nothing was written." if en else "Pratinjau saja: tidak ada yang ditulis.")
        elif self.strict and self.rejected:
            lines.append("Strict mode: nothing was written because rows were rejected." if en else
                         "Mode ketat: tidak ada yang ditulis karena ada baris yang ditolak.")
        else:
            lines.append("Nothing to change." if en else "Tidak ada yang perlu diubah.")
        return "\n".join(lines)


