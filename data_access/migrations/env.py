"""Alembic environment: runs on the connection handed over by ``engine.migrate``,
or, from the ``alembic`` command line, on ``config.database_url()``."""

from alembic import context
from sqlalchemy import create_engine

from data_access import config as app_config
from data_access.engine import open_ddl_transaction
from data_access.models import Base

target_metadata = Base.metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(app_config.database_url())
    with engine.begin() as conn:
        open_ddl_transaction(conn)
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run()
