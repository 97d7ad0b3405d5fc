"""Akoma Ntoso 3.0: FRBR URIs (:mod:`.frbr`), XML building (:mod:`.build`),
validation against the official XSD (:mod:`.validate`)."""
