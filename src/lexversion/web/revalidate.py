"""HTTP validators for the web app's answers, so browsers and proxies help (RFC 9110, 9111).

Every page and API answer is a function of the store, the request and, for an
address without a date, today's date. :class:`Revalidate` tags each
successful ``GET`` answer with a weak ``ETag`` made from exactly those: the
store's *generation* (:meth:`~lexversion.store.live.LiveStore.generation`,
which changes whenever a build changes what the store holds or the file is
replaced), the path and query, the ``Accept-Language`` the answer may depend
on, the interface language it is in (chosen by ``?ui=``, the cookie or
``Accept-Language``: :mod:`lexversion.web.uilang`, which runs outside this
middleware), and the day. A request whose ``If-None-Match`` names the current tag is
answered ``304 Not Modified`` without making the answer at all.

``Cache-Control``: pages and API answers are ``no-cache`` (a cache may keep
them but must revalidate, which costs a 304), the fixed static files
``public, max-age=86400``. ``Vary: Accept-Language, Cookie`` tells shared
caches that the answer depends on the reader's language.

The generation is looked up at most once every :data:`GENERATION_TTL` seconds
(in a worker thread, never on the event loop), so tagging costs a hash per
request; a tag may outlive a rebuild by that long, as cached answers do
(:mod:`lexversion.web.cache`).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lexversion.i18n import current

#: seconds a looked-up store generation is trusted
GENERATION_TTL = 1.0
#: Cache-Control of pages and API answers: keep, but revalidate every time
REVALIDATE = b"no-cache"
#: what an answer varies by: the reader's languages, and the cookie keeping a chosen one
VARY = b"Accept-Language, Cookie"
#: Cache-Control of the fixed static files (they change only with the software)
STATIC = b"public, max-age=86400"


class Generation:
    """The store's generation, looked up through ``lookup`` at most once every
    ``ttl`` seconds (thread-safe); ``lookup`` raises what the store raises."""

    def __init__(self, lookup: Callable[[], tuple[Any, ...]], ttl: float = GENERATION_TTL) -> None:
        self.lookup = lookup
        self.ttl = ttl
        self._lock = threading.Lock()
        self._value: tuple[Any, ...] | None = None
        self._at = 0.0

    def current(self) -> tuple[Any, ...]:
        """The generation, looked up again when older than ``ttl`` (blocking)."""
        with self._lock:
            if self._value is None or time.monotonic() - self._at > self.ttl:
                self._value = self.lookup()
                self._at = time.monotonic()
            return self._value

    def fresh(self) -> tuple[Any, ...] | None:
        """The generation when it needs no look-up (safe on the event loop), else ``None``."""
        if self._value is not None and time.monotonic() - self._at <= self.ttl:
            return self._value
        return None


def _header(scope: Scope, name: bytes) -> bytes:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value)
    return b""


def etag(generation: tuple[Any, ...], scope: Scope, today: date) -> bytes:
    """The weak entity tag (``W/"..."``) of the answer to ``scope`` (an ASGI HTTP
    request) over a store at ``generation`` on ``today``."""
    h = hashlib.blake2b(digest_size=12)
    for part in (
        repr(generation).encode(),
        scope.get("raw_path") or scope["path"].encode(),
        scope.get("query_string") or b"",
        _header(scope, b"accept-language"),
        current().encode(),  # the interface language the answer is in (lexversion.web.uilang)
        today.isoformat().encode(),
    ):
        h.update(part)
        h.update(b"\0")
    return b'W/"' + h.hexdigest().encode() + b'"'


def _matches(if_none_match: bytes, tag: bytes) -> bool:
    """Whether an ``If-None-Match`` value names ``tag`` (weak comparison, RFC 9110 13.1.2)."""
    if if_none_match.strip() == b"*":
        return True
    wanted = tag.removeprefix(b"W/")
    return any(t.strip().removeprefix(b"W/") == wanted for t in if_none_match.split(b","))


class Revalidate:
    """ASGI middleware: ``ETag``, ``Cache-Control`` and ``Vary`` on successful
    ``GET`` answers, and ``304`` for a request that already holds the answer
    (see the module doc). ``generation`` gives the store's generation."""

    def __init__(self, app: ASGIApp, generation: Generation) -> None:
        self.app = app
        self.generation = generation

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one ASGI event (only HTTP ``GET`` is tagged; the rest passes through)."""
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")
        gen = self.generation.fresh()
        if gen is None:
            try:
                gen = await anyio.to_thread.run_sync(self.generation.current)
            except Exception:  # the store cannot be read: the app answers 503 itself
                await self.app(scope, receive, send)
                return
        tag = etag(gen, scope, date.today())
        control = STATIC if static else REVALIDATE
        common = [(b"etag", tag), (b"cache-control", control), (b"vary", VARY)]
        if _matches(_header(scope, b"if-none-match"), tag):
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_tagged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"etag", b"cache-control", b"vary")
                ]
                message = {**message, "headers": headers + common}
            await send(message)

        await self.app(scope, receive, send_tagged)
