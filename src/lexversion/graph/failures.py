"""Which corpus texts a planning failure belongs to (issue 16: a build never
dies of one file).

Planning reads every text's summary in phases (:mod:`lexversion.graph.plan`);
each phase does its work for one text, or for one work named by several texts,
inside :func:`blame`, so an unexpected exception leaves the planner as a
:class:`~lexversion.errors.PlanError` naming those texts. The build
(:func:`lexversion.app.ingest.build`) reports them, skips them and plans the
rest again. :func:`unidentified` is the one planning precondition a text can
fail by itself, checked before planning.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from lexversion.errors import PlanError
from lexversion.model.records import DocSummary

#: a corpus text as a failure names it: (source file, SHA-256 of its bytes)
Text = tuple[str, str]


def text_of(d: DocSummary) -> Text:
    """``d`` as :func:`blame` names it."""
    return (d.source, d.sha256)


@contextmanager
def blame(texts: Iterable[Text]) -> Iterator[None]:
    """Run the block; any exception it raises (except a :class:`PlanError`
    already naming its texts) becomes a :class:`PlanError` naming ``texts``
    (sorted) and the exception's class and first line."""
    try:
        yield
    except PlanError:
        raise
    except Exception as exc:  # the boundary of a file: anything goes, nothing escapes unnamed
        named = sorted(set(texts))
        first = (str(exc).splitlines() or [""])[0]
        problem = f"{exc.__class__.__name__}: {first}" if first else exc.__class__.__name__
        raise PlanError(tuple(s for s, _ in named), tuple(h for _, h in named), problem) from exc


def unidentified(d: DocSummary) -> str | None:
    """Why the act of corpus text ``d`` cannot be a work, or ``None``: a work is
    named by its adoption date and number (AKN naming convention: the FRBR work
    URI ``/akn/kz-<region>/act/<type>/<date>/<number>``; DOMAIN.md 3), so a text
    whose requisites give neither cannot be placed in the graph."""
    missing = [
        name
        for name, value in (("adoption date", d.act.date), ("number", d.act.number))
        if not value
    ]
    if not missing:
        return None
    return (
        f"no {' and no '.join(missing)} found in the requisites: the act cannot be "
        "identified as a work, so the file is not built"
    )


__all__ = ["Text", "blame", "text_of", "unidentified"]
