"""Which tables and rows are the real records, and their Frictionless Table Schemas.

The resource list is derived from ``Base.metadata`` (so a record table another issue adds is
exported without a change here): ``source``, every table with a ``source_id`` into it (the facts),
every table they refer to (the gazetteer, mandates), every table whose primary key refers to one
of them (a meeting's sectors and kab/kota, a cooperative's RAT history) and every table referring only to
exported ones (the region aliases) — never:

- ``PRIVATE``: accounts, import batches, the audit trail, sign-in counters, the data version —
  nor any table with a foreign key into one of them (digest subscriptions reach accounts; what
  refers to those is not reached either);
- ``DERIVED``: the cooperative summaries, rebuilt from the register on import
  (``cooperative_summaries.refresh``);
- a table with no relation to the records (a briefing snapshot: a frozen view, not a fact).

A row is real when the ``source`` row itself is not ``synthetic``, a row's own ``synthetic`` flag
(``pokja.synthetic``), where it has one, is false, and every row it refers to is real (its source
among them) (``row_filter``,
built recursively over the foreign keys), so the package never holds a demo row nor a dangling
reference. The gazetteer (provinces, kab/kota, kecamatan, desa/kelurahan, sectors, aliases) has no
source and is exported whole: the records refer to it.

Table Schema (https://specs.frictionlessdata.io/table-schema/): one field per column, typed from
the column's SQL type (Kemendagri codes are ``string``), ``primaryKey``, ``foreignKeys`` to other
resources of the package. ``MISSING`` is the one missing value, the empty cell; a ``NOT NULL``
text column may hold an empty text (the country's ``area_code``), so it is not marked
``required`` and an empty cell in it is read back as the empty text.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, String, Table, Text, and_, or_, select

from data_access.models import Base

PRIVATE = frozenset({"app_user", "import_batch", "import_batch_row", "audit_entry", "sign_in_throttle",
                     "data_version"})
DERIVED = frozenset({"cooperative_activity", "cooperative_registered"})
MISSING = ""
_TYPES = ((Boolean, "boolean"), (DateTime, "datetime"), (Date, "date"), (Integer, "integer"),
          (Float, "number"), (Numeric, "number"), (String, "string"), (Text, "string"))


def exported_tables() -> list[Table]:
    """The record tables in foreign-key order (see the module docstring)."""
    everything = Base.metadata.sorted_tables
    chosen = {t.name for t in everything if t.name == "source" or _source_column(t) is not None}
    chosen -= PRIVATE | DERIVED
    grown = True
    while grown:  # what the records refer to, what refers to them, and what refers only to those
        grown = False
        for table in everything:
            if table.name in chosen or table.name in PRIVATE or table.name in DERIVED:
                continue
            refers_to = {fk.column.table.name for fk in table.foreign_keys} - {table.name}
            referred = any(fk.column.table is table for name in chosen
                           for fk in Base.metadata.tables[name].foreign_keys)
            child = any(fk.parent.primary_key and fk.column.table.name in chosen for fk in table.foreign_keys)
            if referred or child or (refers_to and refers_to <= chosen):
                chosen.add(table.name)
                grown = True
    return [t for t in everything if t.name in chosen
            and not any(fk.column.table.name in PRIVATE for fk in t.foreign_keys)]


def _source_column(table: Table):
    column = table.c.get("source_id")
    if column is not None and any(fk.column.table.name == "source" for fk in column.foreign_keys):
        return column
    return None


def row_filter(table: Table, _seen: dict | None = None):
    """A WHERE clause keeping the real rows of ``table`` (``None``: every row is real)."""
    seen = {} if _seen is None else _seen
    if table.name in seen:
        return seen[table.name]
    seen[table.name] = None  # a cycle: no condition through it
    clauses = []
    if table.name == "source":
        clauses.append(table.c.kind != "synthetic")
    flag = table.c.get("synthetic")
    if flag is not None and isinstance(flag.type, Boolean):
        clauses.append(flag.is_(False))
    for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
        target = fk.column.table
        if target is table:
            continue
        condition = row_filter(target, seen)
        if condition is None:
            continue
        referred = select(fk.column).where(condition)
        clauses.append(or_(fk.parent.is_(None), fk.parent.in_(referred)) if fk.parent.nullable
                       else fk.parent.in_(referred))
    result = and_(*clauses) if clauses else None
    seen[table.name] = result
    return result


def field_type(column) -> str:
    for sql_type, name in _TYPES:
        if isinstance(column.type, sql_type):
            return name
    return "string"


def _describe(table: Table) -> str | None:
    for mapper in Base.registry.mappers:
        if mapper.local_table is table and mapper.class_.__doc__:
            return " ".join(mapper.class_.__doc__.split("\n\n")[0].split())
    return None


def table_schema(table: Table, exported: set[str]) -> dict:
    """The Table Schema of ``table``; foreign keys only to tables in ``exported``."""
    fields = []
    for column in table.columns:
        field = {"name": column.name, "type": field_type(column)}
        if field["type"] == "datetime":
            field["format"] = "any"
        constraints = {}
        if not column.nullable and not (field["type"] == "string" and not column.primary_key):
            constraints["required"] = True
        length = getattr(column.type, "length", None)
        if field["type"] == "string" and length:
            constraints["maxLength"] = length
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema = {"fields": fields, "missingValues": [MISSING],
              "primaryKey": [c.name for c in table.primary_key.columns]}
    foreign = []
    for constraint in sorted(table.foreign_key_constraints, key=lambda c: [e.parent.name for e in c.elements]):
        target = constraint.referred_table.name
        if target in exported:
            foreign.append({"fields": [e.parent.name for e in constraint.elements],
                            "reference": {"resource": target, "fields": [e.column.name for e in constraint.elements]}})
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def resource(table: Table, exported: set[str]) -> dict:
    """The Data Resource descriptor of ``table`` (its CSV at ``data/<table>.csv``)."""
    described = {"name": table.name, "path": f"data/{table.name}.csv", "profile": "tabular-data-resource",
                 "format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}
    description = _describe(table)
    if description:
        described["description"] = description
    described["schema"] = table_schema(table, exported)
    return described
