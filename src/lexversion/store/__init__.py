"""Storage: the version graph in any SQLAlchemy database (SQLite by default).

:mod:`.rows` holds the ORM rows, :mod:`.writer` one build's writes in one
transaction, :mod:`.repository` the functions that read them back as typed
records, :mod:`.engines` the engines and the schema's migrations, :mod:`.search` the full-text index (SQLite FTS5 or PostgreSQL);
Alembic migrations live in ``migrations/``. ORM objects never leave this
package.
"""

from lexversion.store.engines import close_engines
from lexversion.store.repository import DEFAULT_URL, Store, open_store

__all__ = ["DEFAULT_URL", "Store", "close_engines", "open_store"]
