#!/usr/bin/env bash
# A nightly backup of Pantau Rakor's database, the newest N kept (default 14).
# Run by deploy/pantau-backup.timer (systemd) or cron, e.g.:
#   15 2 * * *  cd /srv/pantau-rakor && DATABASE_URL=postgresql://… bash deploy/backup.sh /var/backups/pantau-rakor
# Reads DATABASE_URL like the dashboard (unset: the embedded SQLite file). Exit code: that of
# `python -m data_access backup` (0 done, 2 refused, else failed), so the timer's failure shows.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST="${1:-${PANTAU_BACKUP_DIR:-data/backups}}"
KEEP="${PANTAU_BACKUP_KEEP:-14}"
PYTHON="${PANTAU_PYTHON:-.venv/bin/python}"
exec "$PYTHON" -m data_access backup "${DEST%/}/" --keep "$KEEP"
