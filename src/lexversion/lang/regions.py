"""Bilingual table of Kazakhstan's first-level subdivisions and their councils.

Data only. ``code`` is the ISO 3166-2:KZ code (numeric codes of ISO 3166-2
Newsletter 2022-11), lower-cased into FRBR URIs as ``kz-19``. ``kk`` and ``ru``
are the official names; ``kk_stem`` is how the name opens a Kazakh issuer phrase
("Алматы облыстық мәслихаты", "Астана қаласы мәслихаты") and ``ru_adj`` the stem
of the Russian adjective ("Алматинский областной маслихат", "Туркестанского
областного маслихата"). ``former`` lists earlier names that map to the same code
(Оңтүстік Қазақстан became Түркістан in 2018).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """One first-level subdivision (oblast or city of republican significance)."""

    code: str
    kind: str  # "oblast" | "city"
    kk: str
    ru: str
    kk_stem: str
    ru_adj: str
    former_kk: tuple[str, ...] = ()
    former_ru_adj: tuple[str, ...] = ()
    ru_genitive: tuple[str, ...] = ()  # "города Астаны", "города Шымкента"

    @property
    def council_kk(self) -> str:
        """The council's name in Kazakh, nominative: "Алматы облыстық мәслихаты"."""
        if self.kind == "city":
            return f"{self.kk_stem} қаласы мәслихаты"
        return f"{self.kk_stem} облыстық мәслихаты"

    @property
    def council_ru(self) -> str:
        """The council's name in Russian, nominative: "Алматинский областной маслихат"."""
        if self.kind == "city":
            return f"маслихат города {self.ru}"
        return f"{self.ru_adj}ий областной маслихат"


REGIONS: tuple[Region, ...] = (
    Region("KZ-10", "oblast", "Абай облысы", "Абайская область", "Абай", "Абайск"),
    Region("KZ-11", "oblast", "Ақмола облысы", "Акмолинская область", "Ақмола", "Акмолинск"),
    Region("KZ-15", "oblast", "Ақтөбе облысы", "Актюбинская область", "Ақтөбе", "Актюбинск"),
    Region("KZ-19", "oblast", "Алматы облысы", "Алматинская область", "Алматы", "Алматинск"),
    Region("KZ-23", "oblast", "Атырау облысы", "Атырауская область", "Атырау", "Атырауск"),
    Region(
        "KZ-27",
        "oblast",
        "Батыс Қазақстан облысы",
        "Западно-Казахстанская область",
        "Батыс Қазақстан",
        "Западно-Казахстанск",
    ),
    Region("KZ-31", "oblast", "Жамбыл облысы", "Жамбылская область", "Жамбыл", "Жамбылск"),
    Region("KZ-33", "oblast", "Жетісу облысы", "область Жетісу", "Жетісу", "Жетисуск"),
    Region(
        "KZ-35", "oblast", "Қарағанды облысы", "Карагандинская область", "Қарағанды", "Карагандинск"
    ),
    Region("KZ-39", "oblast", "Қостанай облысы", "Костанайская область", "Қостанай", "Костанайск"),
    Region(
        "KZ-43", "oblast", "Қызылорда облысы", "Кызылординская область", "Қызылорда", "Кызылординск"
    ),
    Region(
        "KZ-47", "oblast", "Маңғыстау облысы", "Мангистауская область", "Маңғыстау", "Мангистауск"
    ),
    Region("KZ-55", "oblast", "Павлодар облысы", "Павлодарская область", "Павлодар", "Павлодарск"),
    Region(
        "KZ-59",
        "oblast",
        "Солтүстік Қазақстан облысы",
        "Северо-Казахстанская область",
        "Солтүстік Қазақстан",
        "Северо-Казахстанск",
    ),
    Region(
        "KZ-61",
        "oblast",
        "Түркістан облысы",
        "Туркестанская область",
        "Түркістан",
        "Туркестанск",
        former_kk=("Оңтүстік Қазақстан",),
        former_ru_adj=("Южно-Казахстанск",),
    ),
    Region("KZ-62", "oblast", "Ұлытау облысы", "область Ұлытау", "Ұлытау", "Улытауск"),
    Region(
        "KZ-63",
        "oblast",
        "Шығыс Қазақстан облысы",
        "Восточно-Казахстанская область",
        "Шығыс Қазақстан",
        "Восточно-Казахстанск",
    ),
    Region(
        "KZ-71",
        "city",
        "Астана",
        "Астана",
        "Астана",
        "Астанинск",
        former_kk=("Нұр-Сұлтан",),
        former_ru_adj=("Нур-Султан",),
        ru_genitive=("Астаны", "Нур-Султана"),
    ),
    Region("KZ-75", "city", "Алматы", "Алматы", "Алматы", "Алматинск"),
    Region(
        "KZ-79", "city", "Шымкент", "Шымкент", "Шымкент", "Шымкентск", ru_genitive=("Шымкента",)
    ),
)

BY_CODE: dict[str, Region] = {r.code: r for r in REGIONS}
