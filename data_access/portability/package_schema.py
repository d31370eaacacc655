"""Which tables and rows are the real records, and their Frictionless Table Schemas.

The resource list is derived from ``Base.metadata`` (so a table another issue adds is exported
without a change here), less what is not a record of facts:

- ``PRIVATE``: accounts, import batches, the audit trail, sign-in counters, the data version —
  and any table with a foreign key into one of them;
- ``DERIVED``: the cooperative summaries, rebuilt from the register on import
  (``cooperative_summaries.refresh``).

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
    chosen: list[Table] = []
    for table in Base.metadata.sorted_tables:
        if table.name in PRIVATE or table.name in DERIVED:
            continue
        if any(fk.column.table.name in PRIVATE for fk in table.foreign_keys):
            continue
        chosen.append(table)
    return chosen


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
