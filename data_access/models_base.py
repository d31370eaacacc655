"""The declarative base every model module registers its tables on, and the schema's naming rules.

``Base.metadata`` is the one metadata of the schema; it is complete (every table registered, the
demo guard installed) once ``data_access.models`` is imported, which is what Alembic
(``data_access/migrations/env.py``) and ``tests/test_migrations.py`` compare against.
Constraint names follow ``NAMING`` so migrations and models agree on both backends.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
