"""Saved column mappings ("formats") of the Impor step (issue 18, rule 4).

``ImportFormat``: a mapping an official confirmed (file header → field or ``abaikan``) for one
import kind, with who saved it and when, and the header set it matches (``signature``: the file's
headers as ``header_key``s, sorted, joined by ``|``). Offered again when a file with the same
headers comes (``imports.formats.matching``). Not a fact shown on any page.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models_base import Base


class ImportFormat(Base):
    __tablename__ = "import_format"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    signature: Mapped[str] = mapped_column(Text, index=True)
    headers: Mapped[str] = mapped_column(Text)   # JSON list, as written in the file
    mapping: Mapped[str] = mapped_column(Text)   # JSON object: header → field or "abaikan"
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
