"""eIds after the AKN naming convention (AKN-NC v1.0, section 4.8): one home for every rule.

Filled by the redesign of issue 11; see docs/architecture.md.
"""

from __future__ import annotations
