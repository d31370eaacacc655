"""The complete schema: imports every model module so ``Base.metadata`` holds every table.

The SQLAlchemy 2.x typed ORM models live one concern per module, all on the one ``Base`` of
``data_access.models_base``:

- ``models_reference``: provinces, kab/kota, region aliases, sources, sectors;
- ``models_meetings``: meetings, their sectors, kab/kota and further sources;
- ``models_cooperatives``: the cooperative register, RAT history, derived summaries, reported counts;
- ``models_pokja``: mandates, Pokja/Satgas and their stage history;
- ``models_users``: user accounts, import batches and the audit trail;
- ``models_kdmp``: desa/kelurahan and the KDMP programme;
- ``models_runtime``: the data version and sign-in throttling;
- ``models_briefing``: briefing snapshots, digest subscriptions and sends.

Import model classes from their own module. Import ``Base`` from here wherever the whole
metadata is needed (Alembic's ``data_access/migrations/env.py``, ``tests/test_migrations.py``,
``stats``): importing this module registers every table and installs ``demo_guard`` (which checks
at every flush that a real record never refers to a synthetic one); ``engine`` imports it so every
session has both. Alembic migrations in ``data_access/migrations`` create exactly these tables;
``tests/test_migrations.py`` checks they agree.
"""

from data_access import (  # noqa: F401 - imported for their tables and the demo guard
    demo_guard,
    models_briefing,
    models_cooperatives,
    models_formats,
    models_kdmp,
    models_meetings,
    models_pokja,
    models_reference,
    models_runtime,
    models_users,
)
from data_access.models_base import Base

__all__ = ["Base"]
