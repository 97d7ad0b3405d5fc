"""Raw bytes -> lines with an offset map back to the source (DOMAIN.md 4).

:mod:`.decode` (encoding detection, line ends), :mod:`.language` (Kazakh or
Russian), :mod:`.lines` (lines, paragraphs, the offset map), :mod:`.repair`
(the export artifacts: named passes run in order, each change logged). Below
:mod:`lexversion.parse`; imports only the AKN naming convention,
:mod:`lexversion.lang`, :mod:`lexversion.model` and errors.
"""
