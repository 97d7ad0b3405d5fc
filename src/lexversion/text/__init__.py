"""Raw bytes -> lines with an offset map: decode (:mod:`.decode`), tell the
language (:mod:`.language`), split lines and join paragraphs (:mod:`.lines`),
repair the export artifacts (:mod:`.repair`). Below :mod:`lexversion.parse`;
imports only :mod:`lexversion.lang`, :mod:`lexversion.model` and errors."""
