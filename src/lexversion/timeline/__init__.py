"""Time: commencement DateFacts (:mod:`.commencement`), a document's events
(:mod:`.events`), applying and reversing modifications (:mod:`.modify`), and
point-in-time resolution (:mod:`.pit`)."""
