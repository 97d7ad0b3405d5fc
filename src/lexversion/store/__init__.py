"""Storage: the version graph in any SQLAlchemy database (SQLite by default).

:mod:`.rows` holds the ORM rows, :mod:`.repository` the functions that read
and write them; ORM objects never leave this package.
"""

from lexversion.store.repository import DEFAULT_URL, Store, open_store

__all__ = ["DEFAULT_URL", "Store", "open_store"]
