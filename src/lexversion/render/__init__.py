"""Rendering of AKN expressions: plain text (:mod:`.text`) and HTML (:mod:`.html`)."""
