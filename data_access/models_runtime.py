"""Tables about the running service rather than the facts: the data version every cache is
keyed by, and the failed sign-ins that limit guessing. Part of ``models_base.Base`` (imported by
``models.py``), created by migration 0006."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, DateTime, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models_base import Base

SIGN_IN_KEY_KINDS = ("account", "address")


class DataVersion(Base):
    """One row (``id`` 1): ``version`` goes up by one in every transaction that writes facts
    (``data_access.data_version``), so a cached figure keyed by it is never older than the
    last write of any process."""

    __tablename__ = "data_version"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class SignInThrottle(Base):
    """Failed sign-ins counted per account (``kind`` "account", ``key`` the username as typed,
    lower-cased) and per client address (``kind`` "address"). ``locked_until`` (UTC) refuses
    every attempt before it; an admin clears the row (``auth.lift_sign_in_lock``)."""

    __tablename__ = "sign_in_throttle"
    __table_args__ = (CheckConstraint("kind IN ('account', 'address')", name="kind"),)

    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[dt.datetime] = mapped_column(DateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
