"""The XML namespaces lexversion writes and reads (OASIS LegalDocML AKN 3.0).

``NS`` is the Akoma Ntoso 3.0 namespace of every element lexversion writes;
``XHTML`` the namespace of the few XHTML elements AKN allows inside ``foreign``.
"""

from __future__ import annotations

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XHTML = "http://www.w3.org/1999/xhtml"
