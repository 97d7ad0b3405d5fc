"""Generate a synthetic corpus of N maslikhat decisions for scale benchmarks (issue 4).

    python bench/make_corpus.py N OUT_DIR [--seed S]

The acts are SYNTHETIC: made from the shapes of the real seeds (a title, a
status line, requisites with registration and repeal, editorial notes, a
preamble with the enacting formula, points, signatures, an annex of rules
with chapters, points and subpoints), in Kazakh and Russian, across the 20
subdivisions, with chains like the real ones: rules adopted, amended by a
substitution throughout, set out anew, repealed by later rules. About a
third of the acts come in both languages (two files, one work). File names
start with ``syn_`` and the directory gets a ``SYNTHETIC.md``; never write
them into ``corpus/``.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from lexversion.lang.regions import REGIONS, Region

KK_MONTHS = [
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
]
KK_MONTHS_LOC = [
    "қаңтарда",
    "ақпанда",
    "наурызда",
    "сәуірде",
    "мамырда",
    "маусымда",
    "шілдеде",
    "тамызда",
    "қыркүйекте",
    "қазанда",
    "қарашада",
    "желтоқсанда",
]
RU_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
KK_WORDS = [
    "көші-қон процестерін реттеу",
    "халықты тіркеу",
    "жергілікті атқарушы органдар",
    "қоныс аударушылар",
    "еңбек нарығы",
    "әлеуметтік бейімделу",
    "өңірлік квота",
    "мемлекеттік қолдау шаралары",
    "тұрғын үй",
    "кәсіптік оқыту",
    "білікті жұмыс күші",
    "мониторинг",
    "болжау",
]
RU_WORDS = [
    "регулирование миграционных процессов",
    "регистрационный учет населения",
    "местные исполнительные органы",
    "переселенцы",
    "рынок труда",
    "социальная адаптация",
    "региональная квота",
    "меры государственной поддержки",
    "жилище",
    "профессиональное обучение",
    "квалифицированная рабочая сила",
    "мониторинг",
    "прогнозирование",
]


@dataclass
class Act:
    region: Region
    adopted: date
    number: str
    both: bool
    lang: str
    amended_by: tuple[date, str] | None = None
    repealed_by: tuple[date, str] | None = None
    repeals: list[tuple[date, str]] = field(default_factory=list)


def kk_date(d: date) -> str:
    return f"{d.year} жылғы {d.day} {KK_MONTHS[d.month - 1]}"


def ru_date(d: date) -> str:
    return f"{d.day} {RU_MONTHS[d.month - 1]} {d.year} года"


def council_kk(r: Region) -> str:
    return (
        f"{r.kk_stem} қаласы мәслихатының"
        if r.kind == "city"
        else f"{r.kk_stem} облыстық мәслихатының"
    )


def council_ru(r: Region) -> str:
    return f"маслихата города {r.ru}" if r.kind == "city" else f"{r.ru_adj}ого областного маслихата"


def wrap(text: str, width: int = 78, indent: str = "      ") -> str:
    """Print a paragraph the way the export does: a six-space indent, lines at
    the margin, a trailing space on most lines."""
    words, lines, line = text.split(), [], indent
    for w in words:
        if len(line) + len(w) + 1 > width and line.strip():
            lines.append(line + " ")
            line = ""
        line = (line + " " + w) if line.strip() else (line + w)
    lines.append(line)
    return "\n".join(lines)


def body_points(
    rng: random.Random, words: list[str], lang: str, n: int, sub_word: str, first: int = 1
) -> list[str]:
    out = []
    for k in range(first, first + n):
        picked = rng.sample(words, 4)
        if lang == "kk":
            text = (
                f"{k}. " + ", ".join(picked) + f" мәселелері бойынша {sub_word} жүзеге асырылады."
            )
        else:
            text = (
                f"{k}. " + ", ".join(picked) + f" осуществляется с учетом положений о {sub_word}."
            )
        out.append(wrap(text))
        if rng.random() < 0.3:
            for j in range(1, rng.randint(2, 4)):
                out.append(wrap(f"{j}) " + " ".join(rng.sample(words, 3)) + ";"))
    return out


def render(act: Act, lang: str, rng: random.Random) -> str:
    r = act.region
    old_kk, new_kk = "оралмандар", "қандастар"
    if lang == "kk":
        title = f"{r.kk if r.kind == 'city' else r.kk_stem + ' облысындағы'} көші-қон процестерін реттеу қағидаларын бекіту туралы"
        reg = act.adopted + timedelta(days=rng.randint(5, 25))
        req = f"{council_kk(r)} {kk_date(act.adopted)} № {act.number} шешімі."
        req += f" {r.kk} Әділет департаментінде {reg.year} жылы {reg.day} {KK_MONTHS_LOC[reg.month - 1]} № {rng.randint(1000, 9999)} болып тіркелді."
        parts = ["", title, ""]
        if act.repealed_by:
            parts += ["Күшін жойған"]
            req += f" Күші жойылды - {council_kk(r)} {kk_date(act.repealed_by[0])} № {act.repealed_by[1]} шешімімен"
        parts.append(req)
        if act.repealed_by:
            parts.append(
                wrap(
                    f"Ескерту. Күші жойылды - {council_kk(r)} {act.repealed_by[0]:%d.%m.%Y} № {act.repealed_by[1]} шешімімен (алғашқы ресми жарияланған күнінен кейін қолданысқа енгізіледі)."
                )
            )
        parts.append(
            wrap(
                f'"Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы" Қазақстан Республикасы Заңының 6-бабына сәйкес, {council_kk(r)[:-3]} ШЕШІМ ҚАБЫЛДАДЫ:'
            )
        )
        parts.append(
            wrap(
                "1. Көші-қон процестерін реттеу қағидалары осы шешімнің қосымшасына сәйкес бекітілсін."
            )
        )
        k = 2
        for d, n in act.repeals:
            parts.append(
                wrap(
                    f"{k}. {council_kk(r)} {kk_date(d)} № {n} шешімінің күші жойылды деп танылсын."
                )
            )
            k += 1
        parts.append(
            wrap(
                f"{k}. Осы шешім оның алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."
            )
        )
        parts += [
            "      Мәслихат сессиясының төрағасы А. Әбенов",
            "",
            "",
            f"{council_kk(r)}",
            f"{kk_date(act.adopted)}",
            f"№ {act.number} шешіміне",
            "",
            "қосымша",
            "",
            "Көші-қон процестерін реттеу қағидалары",
            "",
            "1-тарау. Жалпы ережелер",
            "",
        ]
        if act.amended_by:
            d, n = act.amended_by
            parts.append(
                wrap(
                    f'Ескерту. Бүкіл мәтін бойынша "{old_kk}" деген сөздер "{new_kk}" деген сөздермен ауыстырылды - {council_kk(r)} {d:%d.%m.%Y} № {n} шешімімен (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).'
                )
            )
        word = new_kk if act.amended_by else old_kk
        n1 = rng.randint(3, 8)
        parts += body_points(rng, [*KK_WORDS, word], "kk", n1, word)
        parts += ["", "2-тарау. Реттеу тәртібі", ""]
        parts += body_points(rng, KK_WORDS, "kk", rng.randint(3, 8), "тіркеу", n1 + 1)
    else:
        title = f"Об утверждении Правил регулирования миграционных процессов ({r.ru})"
        parts = ["", title, ""]
        req = f"Решение {council_ru(r)} от {ru_date(act.adopted)} № {act.number}. Зарегистрировано Департаментом юстиции {act.adopted.day} {RU_MONTHS[act.adopted.month - 1]} {act.adopted.year} года № {rng.randint(1000, 9999)}."
        if act.repealed_by:
            parts.append("Утративший силу")
            req += f" Утратило силу решением {council_ru(r)} от {ru_date(act.repealed_by[0])} № {act.repealed_by[1]}"
        parts.append(req)
        if act.repealed_by:
            parts.append(
                wrap(
                    f"Утратило силу решением {council_ru(r)} от {act.repealed_by[0]:%d.%m.%Y} года № {act.repealed_by[1]} (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования)."
                )
            )
        parts.append(
            wrap(
                f'В соответствии со статьей 6 Закона Республики Казахстан "О местном государственном управлении и самоуправлении в Республике Казахстан" {council_ru(r).replace("маслихата", "маслихат").replace("ого областного", "ий областной")} РЕШИЛ:'
            )
        )
        parts.append(wrap("1. Утвердить прилагаемые Правила регулирования миграционных процессов."))
        k = 2
        for d, n in act.repeals:
            parts.append(
                wrap(
                    f"{k}. Признать утратившим силу решение {council_ru(r)} от {ru_date(d)} № {n}."
                )
            )
            k += 1
        parts.append(
            wrap(
                f"{k}. Настоящее решение вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования."
            )
        )
        parts += [
            "      Председатель сессии маслихата А. Абенов",
            "",
            "",
            "Утверждены решением",
            council_ru(r),
            f"от {ru_date(act.adopted)} № {act.number}",
            "",
            "Правила регулирования миграционных процессов",
            "",
            "Глава 1. Общие положения",
            "",
        ]
        if act.amended_by:
            d, n = act.amended_by
            parts.append(
                wrap(
                    f'Сноска. По всему тексту слова "оралманов" заменены словами "кандасов" решением {council_ru(r)} от {d:%d.%m.%Y} № {n} (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).'
                )
            )
        word = "кандасов" if act.amended_by else "оралманов"
        n1 = rng.randint(3, 8)
        parts += body_points(rng, [*RU_WORDS, word], "ru", n1, word)
        parts += ["", "Глава 2. Порядок регулирования", ""]
        parts += body_points(rng, RU_WORDS, "ru", rng.randint(3, 8), "регистрации", n1 + 1)
    return "\n".join(parts) + "\n"


#: the acts' adoption dates stay within these (an act dated after today is not a past act)
FIRST_DAY, LAST_DAY = date(1994, 1, 1), date(2025, 6, 30)


def plan(n: int, rng: random.Random) -> list[Act]:
    """N acts in chains: each region's rules are adopted, sometimes amended
    (the amending act is cited, not in the corpus), and repealed by the next.
    A chain's steps are 30-400 days apart while a region's share of N fits
    from 2005 to :data:`LAST_DAY`; a larger N packs them closer (from
    :data:`FIRST_DAY`), so every act is adopted by :data:`LAST_DAY`."""
    acts: list[Act] = []
    per_region: dict[str, list[Act]] = {}
    serial = 0
    per = -(-n // len(REGIONS))  # acts in a region's chain
    span = (LAST_DAY - FIRST_DAY).days
    roomy = per * 400 <= (LAST_DAY - date(2013, 3, 20)).days
    lo, hi = (30, 400) if roomy else (1, max(1, 2 * (span // per) - 1))
    while len(acts) < n:
        r = REGIONS[serial % len(REGIONS)]
        serial += 1
        history = per_region.setdefault(r.code, [])
        start = (
            history[-1].adopted + timedelta(days=rng.randint(lo, hi))
            if history
            else (date(2005, 1, 1) + timedelta(days=rng.randint(0, 3000)) if roomy else FIRST_DAY)
        )
        start = min(start, LAST_DAY)
        number = f"{rng.randint(1, 60)}/{serial}-{rng.choice(['V', 'VI', 'VII', 'VIII'])}"
        act = Act(r, start, number, rng.random() < 0.33, rng.choice(["kk", "ru"]))
        if history and rng.random() < 0.5:
            prev = history[-1]
            prev.repealed_by = (act.adopted, act.number)
            act.repeals.append((prev.adopted, prev.number))
        if rng.random() < 0.3:
            act.amended_by = (
                min(act.adopted + timedelta(days=rng.randint(60, 900)), LAST_DAY),
                f"{rng.randint(1, 60)}-{serial}",
            )
        history.append(act)
        acts.append(act)
    return acts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    out: Path = args.out
    if out.resolve().name == "corpus" or (out.resolve() / "000_2b6e168a817b5ca2.txt").exists():
        raise SystemExit("make_corpus: refusing to write synthetic acts into the real corpus")
    out.mkdir(parents=True, exist_ok=True)
    (out / "SYNTHETIC.md").write_text(
        f"Synthetic acts made by bench/make_corpus.py (N={args.n}, seed={args.seed}); not law.\n",
        encoding="utf-8",
    )
    rng = random.Random(args.seed)
    files = 0
    for i, act in enumerate(plan(args.n, rng)):
        langs = ["kk", "ru"] if act.both else [act.lang]
        for lang in langs:
            (out / f"syn_{i:06d}_{lang}.txt").write_text(render(act, lang, rng), encoding="utf-8")
            files += 1
    print(f"{args.n} synthetic acts, {files} files in {out}")


if __name__ == "__main__":
    main()
