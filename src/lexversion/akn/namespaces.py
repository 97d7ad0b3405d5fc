"""The XML namespaces lexversion writes and reads (OASIS LegalDocML AKN 3.0).

``NS`` is the Akoma Ntoso 3.0 namespace of every element lexversion writes;
``XHTML`` the namespace of the few XHTML elements AKN allows inside ``foreign``;
``LEXVERSION`` lexversion's own, inside ``proprietary``.
"""

from __future__ import annotations

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XHTML = "http://www.w3.org/1999/xhtml"
#: lexversion's own namespace, for what AKN has no element for (in ``proprietary``:
#: the certainty, window and basis of a lifecycle date)
LEXVERSION = "urn:lexversion:akn:1"
