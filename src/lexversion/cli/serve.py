"""The research web app's command: ``serve``."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from lexversion.cli.common import DbOption, UiLangOption, app, guard, in_ui
from lexversion.i18n import N_, ngettext


def _serving(host: str, port: int, workers: int) -> None:
    said = ngettext(
        "serving on {url} with {n} worker (Ctrl-C stops)",
        "serving on {url} with {n} workers (Ctrl-C stops)",
        workers,
    ).format(url=f"http://{host}:{port}/", n=workers)
    typer.echo(f"lexversion: {said}", err=True)


@app.command(
    help=N_(
        "Serve the research web app (read-only): browse, search, a work on any date, compare, PDF."
    )
)
def serve(
    host: Annotated[
        str, typer.Option("--host", help=N_("Address to listen on (loopback by default)."))
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help=N_("TCP port."))] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help=N_("Worker processes sharing only the store (default: one per CPU)."),
        ),
    ] = None,
    db: DbOption = None,
    ui_lang: UiLangOption = None,
) -> None:
    """Serve the research web app (read-only): browse, search, a work on any date, compare, PDF."""

    def run() -> None:
        import uvicorn

        from lexversion.web import app as web

        n = workers or web.default_workers()
        options: dict[str, Any] = {
            "host": host,
            "port": port,
            "log_level": "info",
            "server_header": False,
        }
        if n == 1:
            application = web.create_app(db)
            web.settle_heap()
            _serving(host, port, n)
            uvicorn.run(application, **options)
            return
        os.environ[web.ENV_DB] = web.prepare_workers(db)
        os.environ.setdefault(web.ENV_INDEX, "off")
        _serving(host, port, n)
        uvicorn.run(
            "lexversion.web.app:app_from_env",
            factory=True,
            workers=n,
            timeout_worker_healthcheck=60,  # a worker loads the parser stack first
            **options,
        )

    with in_ui(ui_lang):
        guard(run)
