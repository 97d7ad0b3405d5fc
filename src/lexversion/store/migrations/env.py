"""Alembic environment: runs lexversion's migrations on the connection the
caller passes in ``config.attributes["connection"]`` (see
:func:`lexversion.store.repository.open_store`)."""

from __future__ import annotations

from alembic import context

from lexversion.store.rows import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when run by the alembic CLI
    raise RuntimeError("lexversion migrations run through lexversion.store.open_store")
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
