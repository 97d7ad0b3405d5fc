"""Use cases: the only layer that opens a store (docs/architecture.md).

:mod:`.ingest` (corpus -> store), :mod:`.query` (show, history),
:mod:`.resolve` (a URI or citation -> a work), :mod:`.export` (the graph as
JSON or DOT), :mod:`.search` (full-text search with each hit's status on a
date), :mod:`.print` (a consolidated PDF), :mod:`.compare` (which two texts a
diff compares), :mod:`.normalize` (a repaired text with its repairs),
:mod:`.files` (atomic output files). The CLI and the web app call these; they
call the layers below.
"""
