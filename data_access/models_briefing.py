"""Briefing packs and weekly digests (issue 23): frozen snapshots of a view, digest subscriptions
and the record of every digest send. Part of ``models_base.Base`` (imported by ``models.py``),
created by migration 0012.

- ``briefing_snapshot``: one frozen view. ``content`` is the pack as JSON (sections of columns and
  rows, the sources and the demo marking, see ``briefing_content.collect``), so ``?snapshot=ID``
  shows exactly those figures after later imports or an undo. ``figures_hash`` is the SHA-256 of
  the canonical JSON of ``content`` (two printouts with the same hash show the same figures);
  ``data_version`` is the ``data_version.version`` the figures were read at. Snapshots are written
  once and never changed; they are listed in ``data_version.UNVERSIONED_TABLES`` (a new snapshot
  is not a change of the facts, so it must not empty every cache).
- ``digest_subscription``: who receives a weekly digest, of which areas, on which weekday and hour,
  in which language, by e-mail and/or a webhook URL. ``provinces`` is a comma-separated list of
  province codes; an account limited to a province receives only that province (``digest.scope``).
  ``sections`` is a comma-separated list of the dashboard pages the digest covers, keys of
  ``DIGEST_SECTIONS`` (the pages' URL paths: ``rakor`` meetings, ``pokja`` Pokja/Satgas stages and
  overdue kab/kota, ``merah-putih`` KDMP progress and stalls, ``koperasi`` new reported cooperative
  figures); all of them by default.
- ``digest_send``: one row per subscription, ISO week (``period``, e.g. ``2026-W49``) and channel
  (``email`` / ``webhook``), unique, so a second run in the same week sends nothing new and several
  replicas never send twice; ``status`` ``sent`` / ``failed`` / ``no_change``; ``state`` the figures
  the digest was drawn from (JSON), which the next digest compares with.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models_base import Base

SEND_STATUSES = ("sent", "failed", "no_change")
CHANNELS = ("email", "webhook")
DIGEST_SECTIONS = ("rakor", "pokja", "merah-putih", "koperasi")
ALL_SECTIONS = ",".join(DIGEST_SECTIONS)


class BriefingSnapshot(Base):
    __tablename__ = "briefing_snapshot"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str | None] = mapped_column(String(120))
    page: Mapped[str] = mapped_column(String(40))
    query: Mapped[str] = mapped_column(String(2000))
    lang: Mapped[str] = mapped_column(String(2))
    data_version: Mapped[int] = mapped_column(Integer)
    figures_hash: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)


class DigestSubscription(Base):
    __tablename__ = "digest_subscription"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
                      CheckConstraint("hour BETWEEN 0 AND 23", name="hour"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    webhook_url: Mapped[str | None] = mapped_column(String(1000))
    provinces: Mapped[str] = mapped_column(String(400), default="")
    sections: Mapped[str] = mapped_column(String(200), default=ALL_SECTIONS, server_default=ALL_SECTIONS)
    weekday: Mapped[int] = mapped_column(Integer, default=0)
    hour: Mapped[int] = mapped_column(Integer, default=7)
    lang: Mapped[str] = mapped_column(String(2), default="id")
    send_no_change: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())


class DigestSend(Base):
    __tablename__ = "digest_send"
    __table_args__ = (UniqueConstraint("subscription_id", "period", "channel"),
                      CheckConstraint("status IN ('sent', 'failed', 'no_change')", name="status"),
                      CheckConstraint("channel IN ('email', 'webhook')", name="channel"))

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("digest_subscription.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(10))
    channel: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recipient: Mapped[str] = mapped_column(String(1000))
    subject: Mapped[str] = mapped_column(String(300))
    error: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(Text)
