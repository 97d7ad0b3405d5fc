"""The research web app (``lexversion serve``): :func:`create_app` builds it.

FastAPI is imported only when the app is made: importing this package, as
``lexversion serve`` does before it knows it will serve, costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lexversion.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from lexversion.web.app import create_app

        return create_app
    raise AttributeError(f"module 'lexversion.web' has no attribute {name!r}")
