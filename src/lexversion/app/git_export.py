"""``lexversion export git``: the history of acts as a git repository.

Archéo Lex writes the French codes' versions as git commits; this does the same
for the acts of a store. Every expression of a work becomes one commit, in the
order the texts apply, so that ``git log -p`` reads as the act's history and
``git diff`` between two commits is the change an amendment made:

* the files of a work live under its FRBR work URI without the ``/akn/``
  prefix (``kz-19/act/decision/2017-12-15/26-129/``): ``kaz.xml`` and
  ``kaz.txt`` (the AKN and its plain text, :func:`lexversion.render.text.akn_to_text`)
  for each language of the work, named by the expression's ISO 639-2 code as
  in its FRBR URI;
* a commit's author date is the date its text applies from (the earliest day
  of the expression's ``applies_from`` :class:`~lexversion.model.DateFact`,
  midnight UTC; the adoption date when that is unknown), and its message says
  the certainty of that date and its basis: git shows one instant, the message
  keeps the honesty (DEVELOPERS.md principle 2);
* the message names the amending act of a consolidated text (the effects
  recorded on the expression) and the expression's kind (official,
  reconstructed, consolidated);
* a repeal is one more commit, dated by the repeal, that removes the work's
  files (the text is no longer law; ``git log --follow`` and every earlier
  commit keep it);
* author and committer are the work's issuer (``lexversion`` when the store
  does not know it); commits are written with ``dulwich`` (a maintained,
  pure-Python git implementation), so no git binary is needed. The same store
  gives the same commit ids: the export is reproducible.

Commit messages are in English for now: they are read with git's tools, whose
interface is English (the web app and the PDF are translated).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from dulwich import porcelain
from dulwich.index import commit_tree
from dulwich.objects import Blob, Commit, ObjectID
from dulwich.refs import Ref
from dulwich.repo import Repo

from lexversion.errors import UsageError
from lexversion.i18n import gettext as _
from lexversion.model import DateFact, ExpressionInfo, WorkTimeline
from lexversion.render.text import akn_to_text
from lexversion.store.repository import Store

#: git's epoch: a commit cannot be dated before it (timestamps are unsigned in git)
_EPOCH = date(1970, 1, 1)
#: the file mode of a regular file in a git tree
_FILE = 0o100644
#: committer and author when the store does not name the issuer
_DEFAULT_AUTHOR = "lexversion"


@dataclass(frozen=True, slots=True)
class GitChange:
    """One commit to write: on ``day``, the ``files`` of ``work`` set (path ->
    bytes) or, when ``files`` is ``None``, removed; ``message`` and ``author``
    as git will show them. ``order`` breaks ties between changes of one day
    (a work's texts before its repeal)."""

    day: date
    order: tuple[str, int, str]
    work: str
    files: dict[str, bytes] | None
    message: str
    author: str


@dataclass(frozen=True, slots=True)
class GitExport:
    """What :func:`export_git` wrote: the repository's ``path``, the number of
    ``works`` and ``commits``, and the id of the head commit (hex) or ``None``."""

    path: Path
    works: int
    commits: int
    head: str | None

    def summary(self) -> str:
        """One line for the CLI: ``wrote N commits of M works to DIR (head abc1234)``."""
        head = f" (head {self.head[:7]})" if self.head else ""
        return f"wrote {self.commits} commits of {self.works} works to {self.path}{head}"


def _work_dir(work: str) -> str:
    """The folder of ``work`` (an FRBR work URI) in the repository: the URI
    without ``/akn/``, so the tree mirrors the FRBR hierarchy."""
    return work.removeprefix("/akn/").strip("/")


def _expression_code(uri: str) -> str:
    """The language code of an expression URI (``.../kaz@2021-12-25`` -> ``kaz``)."""
    return uri.rsplit("/", 1)[-1].split("@", 1)[0]


def _day(fact: DateFact | None, fallback: date | None) -> tuple[date, str]:
    """The day a change is committed on and how sure it is: the earliest day of
    ``fact`` with its certainty, else ``fallback`` (said so), else the epoch."""
    if fact is not None and fact.earliest is not None:
        return fact.earliest, _fact_words(fact)
    if fallback is not None:
        return fallback, "unknown; dated by the text's own date"
    return _EPOCH, "unknown; no date in the store"


def _fact_words(fact: DateFact) -> str:
    """``2021-12-25 .. 2022-01-24, estimated: basis`` (a range only when it is one)."""
    span = str(fact.earliest)
    if fact.latest is not None and fact.latest != fact.earliest:
        span += f" .. {fact.latest}"
    basis = f": {fact.basis}" if fact.basis else ""
    return f"{span}, {fact.certainty}{basis}"


def _expression_change(
    store: Store, tl: WorkTimeline, ex: ExpressionInfo, author: str
) -> GitChange:
    """The commit of expression ``ex`` of ``tl``: its AKN and text files, dated
    by when it applies."""
    day, when = _day(ex.applies_from, ex.date)
    akn = store.expression_akn(ex.uri)
    code = _expression_code(ex.uri)
    folder = _work_dir(tl.work)
    files = {
        f"{folder}/{code}.xml": akn,
        f"{folder}/{code}.txt": akn_to_text(akn).encode("utf-8"),
    }
    changed = "; ".join(e.replace("reversed: ", "before the ") for e in ex.effects)
    subject = f"{tl.work} {code}: {ex.kind} text" + (f" ({changed})" if changed else "")
    lines = [
        subject,
        "",
        f"Title: {tl.title}" if tl.title else f"Work: {tl.work}",
        f"Expression: {ex.uri} ({ex.kind})",
        f"Applies from: {when}",
    ]
    if ex.effects:
        lines += [f"Effects: {e}" for e in ex.effects]
    return GitChange(day, (tl.work, 0, ex.uri), tl.work, files, "\n".join(lines) + "\n", author)


def _repeal_change(tl: WorkTimeline, author: str) -> GitChange | None:
    """The commit that removes a repealed work's files, or ``None`` when the
    work is not repealed or the repeal has no date."""
    if tl.repeal is None or tl.repeal.earliest is None:
        return None
    by = f" by {tl.repealed_by}" if tl.repealed_by else ""
    message = (
        f"{tl.work}: repealed{by}\n\n"
        + (f"Title: {tl.title}\n" if tl.title else "")
        + f"Repealed: {_fact_words(tl.repeal)}\n"
    )
    return GitChange(tl.repeal.earliest, (tl.work, 1, ""), tl.work, None, message, author)


def work_changes(store: Store, uri: str) -> list[GitChange]:
    """The commits of one work (its expressions, then its repeal), unsorted.
    Raises :class:`~lexversion.errors.NotFound` for a work the store lacks."""
    tl = store.timeline(uri, cited_by=False)
    issuer = store.work(uri).issuer or _DEFAULT_AUTHOR
    changes = [_expression_change(store, tl, ex, issuer) for ex in tl.expressions]
    if changes and (repeal := _repeal_change(tl, issuer)) is not None:
        changes.append(repeal)
    return changes


def _timestamp(day: date) -> int:
    """Seconds since the epoch of midnight UTC of ``day`` (the epoch at the least)."""
    day = max(day, _EPOCH)
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def _write(repo: Repo, changes: Sequence[GitChange]) -> ObjectID | None:
    """Write ``changes`` in order as a linear history on ``main``; returns the
    head commit id (hex bytes) or ``None`` when there is nothing to write."""
    tree: dict[bytes, ObjectID] = {}
    parent: ObjectID | None = None
    store = repo.object_store
    for change in changes:
        prefix = (_work_dir(change.work) + "/").encode("utf-8")
        for path in [p for p in tree if p.startswith(prefix)]:
            del tree[path]
        for name, data in (change.files or {}).items():
            blob = Blob.from_string(data)
            store.add_object(blob)
            tree[name.encode("utf-8")] = blob.id
        commit = Commit()
        commit.tree = commit_tree(store, [(p, sha, _FILE) for p, sha in sorted(tree.items())])
        commit.parents = [parent] if parent else []
        who = f"{change.author} <noreply@lexversion>".encode()
        commit.author = commit.committer = who
        commit.author_time = commit.commit_time = _timestamp(change.day)
        commit.author_timezone = commit.commit_timezone = 0
        commit.encoding = b"UTF-8"
        commit.message = change.message.encode("utf-8")
        store.add_object(commit)
        parent = commit.id
    if parent is None:
        return None
    repo.refs[Ref(b"refs/heads/main")] = parent
    repo.refs.set_symbolic_ref(Ref(b"HEAD"), Ref(b"refs/heads/main"))
    return parent


def export_git(store: Store, works: Sequence[str], dest: Path) -> GitExport:
    """Write the history of ``works`` (FRBR work URIs; every work of the store
    when empty, those without a text, stubs known only by citation, giving no
    commit) as a new git repository in ``dest``.

    Commits are ordered by the day they apply from, then by work; the working
    tree is checked out at the last commit. ``dest`` must not exist or be an
    empty folder (:class:`~lexversion.errors.UsageError` otherwise: an existing
    repository is never rewritten). Raises :class:`~lexversion.errors.NotFound`
    for a work the store lacks.
    """
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise UsageError(
            _("{path}: exists and is not an empty folder (give a new one)").format(path=dest)
        )
    uris = list(works) or [w.frbr_uri for w in store.works()]
    changes: list[GitChange] = []
    for uri in uris:
        changes += work_changes(store, uri)
    changes.sort(key=lambda c: (c.day, c.order))
    dest.mkdir(parents=True, exist_ok=True)
    repo = Repo.init(str(dest))
    try:
        head = _write(repo, changes)
        if head is not None:
            porcelain.reset(repo, "hard", head)
    finally:
        repo.close()
    written = {c.work for c in changes}
    return GitExport(dest, len(written), len(changes), head.decode() if head else None)


def export_history(db: str | Store | None, queries: Sequence[str], dest: Path) -> GitExport:
    """:func:`export_git` for what a researcher typed: the store at ``db`` (a
    URL, an open store, or ``None`` for the default) and ``queries`` (FRBR URIs
    or citations, :func:`~lexversion.app.resolve.find_work`; empty: every work).
    Raises what :func:`export_git` and ``find_work`` raise."""
    from lexversion.app.query import store_for
    from lexversion.app.resolve import find_work

    store = store_for(db)
    uris = [find_work(store, q)[0].frbr_uri for q in queries]
    return export_git(store, list(dict.fromkeys(uris)), dest)
