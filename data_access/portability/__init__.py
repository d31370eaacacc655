"""Nothing lost when an office moves: backup, restore, move between backends, open Data Packages.

One module per job:

- ``tables``: the tables a database holds (reflected, so any revision and every table another
  issue adds), their rows in primary-key order, row counts and a SHA-256 per table (the manifest);
- ``transfer``: every row of one database into another, in one transaction on the target, at the
  source's schema revision, verified table by table, then migrated to the newest revision;
- ``move``: ``python -m data_access move --to URL`` (SQLite ⇄ PostgreSQL);
- ``backup`` / ``restore``: a consistent copy while the dashboard keeps writing, and back;
- ``package_schema`` / ``package_export`` / ``package_import``: the real records as a
  Frictionless Data Package and back into an empty database;
- ``cli``: the sub-commands, added to ``data_access.__main__``'s parser.

Errors the user can act on are raised as ``PortabilityError`` with a message in Indonesian and
English; nothing in the target is changed when one is raised.
"""

from __future__ import annotations


class PortabilityError(Exception):
    """A refusal with a clear reason (``str(error)``: Indonesian / English); nothing was changed."""
