"""Entry-into-force rules -> :class:`~lexversion.model.DateFact`.

Rules (DOMAIN.md 5, Law "On legal acts" No 480-V of 6 April 2016): an act
"enters into effect upon the expiry of ten calendar days after the day of its
first official publication" applies from publication + N + 1 days (published
1 March -> applies 12 March); "after the day of first publication" from
publication + 1; "from the day of first publication" from publication; "from
adoption" / "from registration" from those dates.

Certainty (ARCHITECTURE.md, "DateFact"): a rule applied to stated inputs is
``computed``; when the publication date is not in the corpus it is *assumed*
by a named :class:`PublicationPolicy` (default :data:`OBSERVED_LAGS`) as a
window after registration (or adoption), and the result is ``estimated`` with
both bounds and a basis that says "assumed" and names the policy. With no
rule at all, entry into force is estimated between adoption (or registration)
and ten days after the latest plausible publication.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lexversion.model import Certainty, CommencementRule, DateFact


@dataclass(frozen=True, slots=True)
class PublicationPolicy:
    """How first official publication is assumed when nothing states it: within
    ``days`` days after registration (or adoption, for an act not registered).

    ``name`` is printed in every basis that relies on it; ``why`` says where
    the figure comes from. A build takes it as a parameter
    (:func:`lexversion.graph.plan_graph`, ``lexversion build --publication-lag``).
    """

    name: str
    days: int
    why: str

    def basis(self, what: str, base: date) -> str:
        """The basis of a publication window assumed after ``what`` on ``base``."""
        latest = base + timedelta(days=self.days)
        return (
            f"publication date not in the corpus: assumed (policy {self.name}: within "
            f"{self.days} days after {what}) {base.isoformat()}..{latest.isoformat()}"
        )


#: the default policy: wide enough for every lag from adoption to first
#: publication that the corpus states (No 152: 34 days; seed 003's act
#: 225/42-II: 266 days, adopted 2003-04-08, published 2003-12-30); a test
#: checks it still covers every stated lag of the built corpus (issue 13, item 4)
OBSERVED_LAGS = PublicationPolicy(
    "observed-lags",
    266,
    "the longest adoption-to-publication lag the corpus states (seed 003: 266 days)",
)
#: the former assumption, kept by name for comparison: 30 days (too short for
#: the corpus: No 152 was published 34 days after adoption)
THIRTY_DAYS = PublicationPolicy("thirty-days", 30, "a month: the assumption before issue 13")


def _pub_window(
    adoption: date | None,
    registration: date | None,
    publication: date | None,
    policy: PublicationPolicy,
) -> tuple[date, date, str, bool] | None:
    """(earliest, latest, basis, exact) of the first publication."""
    if publication is not None:
        return publication, publication, f"published {publication.isoformat()} (stated)", True
    base = registration or adoption
    if base is None:
        return None
    what = "registration" if registration else "adoption"
    return base, base + timedelta(days=policy.days), policy.basis(what, base), False


def entry_into_force(
    rule: CommencementRule | None,
    adoption: date | None,
    registration: date | None = None,
    publication: date | None = None,
    policy: PublicationPolicy = OBSERVED_LAGS,
) -> DateFact:
    """The date from which an act (or an amendment it makes) applies.

    ``rule``: the act's stated rule, or ``None`` when the corpus holds none;
    ``policy``: how an unstated publication date is assumed.
    Returns a computed DateFact when every input is stated, an estimated
    window otherwise, unknown when there is no date at all.
    """
    if rule is None:
        start = adoption or registration
        pub = _pub_window(adoption, registration, publication, policy)
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
            latest = adoption + timedelta(days=policy.days)
            return DateFact(
                adoption,
                latest,
                Certainty.ESTIMATED,
                f"'{rule.text}': registration date not in the corpus: assumed (policy "
                f"{policy.name}: within {policy.days} days after adoption)",
            )
        return DateFact.computed(
            registration, f"'{rule.text}': from registration {registration.isoformat()}"
        )
    offset = {"from_publication": 0, "day_after_publication": 1}.get(rule.kind)
    if rule.kind == "days_after_publication":
        offset = (rule.days or 0) + 1
    if offset is None:
        return DateFact.unknown(f"unrecognised rule '{rule.text}'")
    pub = _pub_window(adoption, registration, publication, policy)
    if pub is None:
        return DateFact.unknown(f"'{rule.text}': no publication, registration or adoption date")
    lo, hi, basis, exact = pub
    d = timedelta(days=offset)
    text = f"'{rule.text}' (publication + {offset} days); {basis}"
    if exact:
        return DateFact.computed(lo + d, text)
    return DateFact(lo + d, hi + d, Certainty.ESTIMATED, text)
