"""The error answers of the web app: every error is a page (or JSON under
``/api``) with one line saying what was wrong, never a traceback.

400 for bad input (a library :class:`~lexversion.errors.UsageError` or a
parameter FastAPI refuses), 404 for what the store lacks, 503 when the store
cannot be read or the PDF maker is busy, 500 (logged) for anything else.
:func:`add_error_handlers` installs them on an app.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from lexversion.errors import LexversionError
from lexversion.i18n import gettext as _
from lexversion.web.http import error_response, status_of

log = logging.getLogger("lexversion.web")


async def lexversion_error(request: Request, exc: LexversionError) -> Response:
    """A library error, answered with its status (:func:`~lexversion.web.http.status_of`)."""
    return error_response(request.url.path, status_of(exc), exc.message)


async def validation_error(request: Request, exc: RequestValidationError) -> Response:
    """A parameter FastAPI refused (400), named with what was wrong."""
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(x) for x in first.get("loc", ()) if x != "query")
    return error_response(request.url.path, 400, f"{where}: {first.get('msg', 'invalid')}")


async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """An HTTP error of the router (404 for no route, 405 with the ``Allow``
    header naming the methods the resource answers: RFC 9110, 15.5.6)."""
    path = request.url.path
    headers = dict(exc.headers or {})
    if "Allow" in headers:  # Guard answers HEAD wherever GET is allowed
        methods = [m.strip() for m in headers["Allow"].split(",")]
        if "GET" in methods and "HEAD" not in methods:
            methods.append("HEAD")
        headers["Allow"] = ", ".join(methods)
    message = {
        404: _("nothing at {path}").format(path=path[:200]),
        405: _("{method} is not allowed here; use {allowed}").format(
            method=request.method[:20], allowed=headers.get("Allow", "GET")
        ),
    }.get(exc.status_code, exc.detail)
    return error_response(path, exc.status_code, str(message), headers)


async def store_error(request: Request, exc: SQLAlchemyError) -> Response:
    """The store could not be read (503); logged."""
    log.error("store error on %s: %s", request.url.path, exc)
    return error_response(request.url.path, 503, _("the store cannot be read just now"))


async def server_error(request: Request, exc: Exception) -> Response:
    """Anything else (500); logged with its traceback, which the answer never shows."""
    log.exception("error on %s", request.url.path)
    return error_response(request.url.path, 500, "something went wrong on the server")


def add_error_handlers(app: FastAPI) -> None:
    """Answer every error ``app`` raises as described in the module doc."""
    app.exception_handler(LexversionError)(lexversion_error)
    app.exception_handler(RequestValidationError)(validation_error)
    app.exception_handler(StarletteHTTPException)(http_error)
    app.exception_handler(SQLAlchemyError)(store_error)
    app.exception_handler(Exception)(server_error)
