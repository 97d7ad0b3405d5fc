"""Entry-into-force rules -> :class:`~lexversion.model.DateFact`.

Rules (DOMAIN.md 5, Law "On legal acts" No 480-V of 6 April 2016): an act
"enters into effect upon the expiry of ten calendar days after the day of its
first official publication" applies from publication + N + 1 days (published
1 March -> applies 12 March); "after the day of first publication" from
publication + 1; "from the day of first publication" from publication; "from
adoption" / "from registration" from those dates.

Certainty (ARCHITECTURE.md, "DateFact"): a rule applied to stated inputs is
``computed``; when the publication date is not in the corpus it is estimated
as a window of :data:`PUBLICATION_WINDOW` days after registration (or
adoption), and the result is ``estimated`` with both bounds. With no rule at
all, entry into force is estimated between adoption (or registration) and ten
days after the latest plausible publication.
"""

from __future__ import annotations

from datetime import date, timedelta

from lexversion.model import Certainty, CommencementRule, DateFact

#: days after registration (or adoption, for acts not registered) within which
#: first official publication is assumed when the corpus does not state it
PUBLICATION_WINDOW = 30


def _pub_window(
    adoption: date | None, registration: date | None, publication: date | None
) -> tuple[date, date, str, bool] | None:
    """(earliest, latest, basis, exact) of the first publication."""
    if publication is not None:
        return publication, publication, f"published {publication.isoformat()} (stated)", True
    base = registration or adoption
    if base is None:
        return None
    what = "registration" if registration else "adoption"
    latest = base + timedelta(days=PUBLICATION_WINDOW)
    basis = (
        f"publication date not in the corpus: assumed within {PUBLICATION_WINDOW} days after "
        f"{what} ({base.isoformat()}), i.e. {base.isoformat()}..{latest.isoformat()}"
    )
    return base, latest, basis, False


def entry_into_force(
    rule: CommencementRule | None,
    adoption: date | None,
    registration: date | None = None,
    publication: date | None = None,
) -> DateFact:
    """The date from which an act (or an amendment it makes) applies.

    ``rule``: the act's stated rule, or ``None`` when the corpus holds none.
    Returns a computed DateFact when every input is stated, an estimated
    window otherwise, unknown when there is no date at all.
    """
    if rule is None:
        start = adoption or registration
        pub = _pub_window(adoption, registration, publication)
        if start is None or pub is None:
            return DateFact.unknown("no entry-into-force rule and no adoption date in the corpus")
        latest = pub[1] + timedelta(days=11)
        return DateFact(
            start,
            latest,
            Certainty.ESTIMATED,
            f"no entry-into-force rule in the corpus: between {'adoption' if adoption else 'registration'} ({start.isoformat()}) and ten "
            f"calendar days after first publication ({pub[2]})",
        )
    if rule.kind == "from_adoption":
        if adoption is None:
            return DateFact.unknown(f"rule '{rule.text}' but no adoption date")
        return DateFact.computed(adoption, f"'{rule.text}': from adoption {adoption.isoformat()}")
    if rule.kind == "from_date":
        if rule.date is None:
            return DateFact.unknown(f"rule '{rule.text}' without a readable date")
        return DateFact.stated(rule.date, f"'{rule.text}'")
    if rule.kind == "from_registration":
        if registration is None:
            if adoption is None:
                return DateFact.unknown(f"rule '{rule.text}' but no registration date")
            latest = adoption + timedelta(days=PUBLICATION_WINDOW)
            return DateFact(
                adoption,
                latest,
                Certainty.ESTIMATED,
                f"'{rule.text}': registration date not in the corpus",
            )
        return DateFact.computed(
            registration, f"'{rule.text}': from registration {registration.isoformat()}"
        )
    offset = {"from_publication": 0, "day_after_publication": 1}.get(rule.kind)
    if rule.kind == "days_after_publication":
        offset = (rule.days or 0) + 1
    if offset is None:
        return DateFact.unknown(f"unrecognised rule '{rule.text}'")
    pub = _pub_window(adoption, registration, publication)
    if pub is None:
        return DateFact.unknown(f"'{rule.text}': no publication, registration or adoption date")
    lo, hi, basis, exact = pub
    d = timedelta(days=offset)
    text = f"'{rule.text}' (publication + {offset} days); {basis}"
    if exact:
        return DateFact.computed(lo + d, text)
    return DateFact(lo + d, hi + d, Certainty.ESTIMATED, text)
