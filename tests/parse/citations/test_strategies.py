"""Each fast path of the citation scan agrees with its plain definition (issue 11).

Property tests (hypothesis) over paragraphs assembled from the pieces references are
made of: the prefilter (:class:`~lexversion.parse.citations.scan.Prefilter`) finds
what scanning every paragraph finds, clause ends by bisection are those a boundary
search finds, and words read on demand are spaCy's tokens; a title's transliteration by one
``str.translate`` is ``anyascii``'s; the canonical forms, work URIs, title keys and
issuer phrases remembered are those computed.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from lexversion.lang import fold_text
from lexversion.lang.national import ACTS, CODE_WORD
from lexversion.model import ActRef
from lexversion.parse.citations import identity, issuers, national
from lexversion.parse.citations.assemble import references
from lexversion.parse.citations.clauses import BisectClauses, Clauses
from lexversion.parse.citations.identity import to_ascii_plain, to_ascii_table
from lexversion.parse.citations.issuers import phrase
from lexversion.parse.citations.keys import RegionRule
from lexversion.parse.citations.matchers import matchers
from lexversion.parse.citations.pipelines import strings
from lexversion.parse.citations.scan import PREFILTER, Scanner
from lexversion.parse.citations.words import DocWords, Words, tokens

#: pieces of Kazakh and Russian references as the corpus prints them, and filler
PIECES = {
    "kk": [
        "Алматы облыстық мәслихатының",
        "Астана қаласы әкімдігінің",
        "Аягөз аудандық мәслихатының",
        "Қазақстан Республикасы Үкіметінің",
        "Қазақстан Республикасының",
        "2017 жылғы",
        "2001 жылғы",
        "2017 ж.",
        "2017 ЖЫЛҒЫ",
        "ЖЕЛТОҚСАНДАҒЫ",
        '"15"',
        "15",
        "23",
        "желтоқсандағы",
        "қаңтардағы",
        "16.04.2024",
        "№",
        "26-129",
        "356/45-VI",
        "шешімі",
        "қаулысымен",
        "Заңы",
        "6-бабының",
        "2-тармағына",
        '"Жергілікті басқару туралы"',
        "нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде",
        "болып тіркелді",
        "бекітілсін",
        ";",
        ".",
        ":",
        "1)",
        "(",
        ")",
    ],
    "ru": [
        "решение",
        "постановлением",
        "маслихата города Алматы",
        "Алматинского областного маслихата",
        "акимата района Аягоз",
        "Правительства Республики Казахстан",
        "Закона Республики Казахстан",
        "от",
        "15",
        '"6"',
        "сентября",
        "апреля",
        "2017 года",
        "2016",
        "29.03.2024",
        "№",
        "N",
        "152",
        "149/19-VIII",
        "статьей 26",
        '"О местном государственном управлении"',
        "зарегистрировано",
        "в Реестре государственной регистрации под № 33163",
        "утвердить",
        ";",
        ".",
        ":",
        "2)",
        "(",
        ")",
    ],
}


def paragraphs(lang: str) -> st.SearchStrategy[str]:
    """Paragraphs of ``lang``: up to 14 pieces joined by spaces."""
    return st.lists(st.sampled_from(PIECES[lang]), max_size=14).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]), st.booleans())
def test_prefilter_finds_what_scanning_everything_finds(
    data: st.DataObject, lang: str, loose: bool
) -> None:
    """Skipping paragraphs without a printed year or a date token loses no reference."""
    text = data.draw(paragraphs(lang))
    plain = references(text, lang, loose, scanner=Scanner())
    assert references(text, lang, loose, scanner=PREFILTER) == plain


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]), st.booleans())
def test_clauses_by_bisection_assemble_what_searching_assembles(
    data: st.DataObject, lang: str, loose: bool
) -> None:
    """References assembled with clause ends by bisection are those with a search."""
    text = data.draw(paragraphs(lang))
    plain = references(text, lang, loose, clauses=Clauses)
    assert references(text, lang, loose, clauses=BisectClauses) == plain


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" ;:.)1a\t\n", max_size=40))
def test_clause_bounds_by_bisection_are_those_searched(text: str) -> None:
    """At every offset, both clause strategies give the same start and end."""
    plain, fast = Clauses(text), BisectClauses(text)
    for pos in range(len(text) + 1):
        assert (fast.start(pos), fast.end(pos)) == (plain.start(pos), plain.end(pos))


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]))
def test_words_read_on_demand_are_spacy_tokens(data: st.DataObject, lang: str) -> None:
    """Texts and normal forms read from offsets and hashes are spaCy's, for any span."""
    text = data.draw(paragraphs(lang))
    toks = tokens(text, lang)
    plain, fast = DocWords(text, toks, strings(lang)), Words(text, toks, strings(lang))
    n = len(plain)
    assert len(fast) == n
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    assert fast.texts(s, e) == plain.texts(s, e)
    assert fast.norms(s, e) == plain.norms(s, e)
    assert [fast.text(i) for i in range(n)] == [plain.text(i) for i in range(n)]


def test_prefilter_reads_abbreviated_and_upper_case_kazakh_years() -> None:
    """A Kazakh year printed "2017 ж." (as mirrors print it) or "2017 ЖЫЛҒЫ" is a date
    to ``Prefilter.WORTH`` as it is to the matchers (it was not before: such
    references were lost)."""
    texts = [
        "Алматы облыстық мәслихатының 2017 ж. 15 желтоқсандағы № 26-129 шешімі",
        "АЛМАТЫ ОБЛЫСТЫҚ МӘСЛИХАТЫНЫҢ 2017 ЖЫЛҒЫ 15 ЖЕЛТОҚСАНДАҒЫ № 26-129 ШЕШІМІ",
    ]
    for text in texts:
        found = references(text, "kk", scanner=PREFILTER)
        assert len(found) == 1
        assert found == references(text, "kk", scanner=Scanner())


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from([w for ws in PIECES.values() for w in ws])).map(" ".join),
    )
)
def test_transliteration_by_table_is_anyascii(text: str) -> None:
    """The ``str.translate`` table of :func:`to_ascii_table` gives what ``anyascii``
    gives, for any text (every plane, lone surrogates included) and for titles."""
    assert identity.to_ascii is to_ascii_table
    assert to_ascii_table(text) == to_ascii_plain(text)


#: pieces of names of codes and laws, whole, broken and in capitals, beside the reference pieces
_NAME_PIECES = {
    "kk": [
        "Әлеуметтік",
        "кодексіне",
        "Экологиялық",
        "Бюджет",
        "Салық кодексі",
        "ӘЛЕУМЕТТІК КОДЕКСІ",
    ],
    "ru": ["Социальным", "кодексом", "Экологического", "Бюджетный", "Кодекса", "НАЛОГОВЫЙ КОДЕКС"],
}


@settings(max_examples=300, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]))
def test_the_code_word_screen_passes_every_text_a_name_pattern_matches(
    data: st.DataObject, lang: str
) -> None:
    """``find_named`` looks for codes' names only where :data:`CODE_WORD` stands
    (in any case): every text one of the name patterns matches holds it, so the
    screen loses no name."""
    pieces = st.sampled_from(PIECES[lang] + _NAME_PIECES[lang])
    text = data.draw(st.lists(pieces, max_size=10).map(" ".join))
    folded = fold_text(text)
    if any(p.search(folded) for p, _ in national._name_patterns(lang)):
        assert CODE_WORD in folded.lower()


def test_every_code_name_pattern_spells_the_code_word() -> None:
    """Each name pattern of the table spells the code word (its first letter in
    either case, ``[Кк]одекс``), what the screen relies on; and real names are
    found through it."""
    for lang in ("kk", "ru"):
        patterns = national._name_patterns(lang)
        assert patterns
        for p, _ in patterns:
            assert CODE_WORD[1:] in p.pattern, p.pattern
    text = "Қазақстан Республикасының Әлеуметтік кодексіне сәйкес"
    assert [a.title for _, _, a in national.find_named(text, "kk", None, [])] == [
        "Қазақстан Республикасының Әлеуметтік кодексіне"
    ]


#: references as parse makes them: the corpus's and the table's numbers, look-alike
#: convocations, laws cited by date and title without a number (table titles or not)
_REFERENCES = st.builds(
    ActRef,
    st.sampled_from([None, "decision", "resolution", "law", "code", "constitutional_law"]),
    st.sampled_from([None, "Алматы облыстық мәслихаты"]),
    st.sampled_from([None, "KZ-19", "KZ-71"]),
    st.sampled_from([None, "maslikhat", "parliament"]),
    st.sampled_from([None, date(1997, 12, 13), date(2001, 1, 23), date(2017, 12, 15)]),
    st.sampled_from([None, "204-1", "204-І", "313-11", "356/45-V1", "26-129", "11/102-Vll"]),
    st.one_of(
        st.none(),
        st.sampled_from([t for a in ACTS for t in (*a.kk_titles, *a.ru_titles)][:40]),
        st.text(max_size=30),
    ),
)


@settings(max_examples=400, deadline=None)
@given(_REFERENCES)
def test_remembered_identities_are_their_definition(act: ActRef) -> None:
    """The canonical form and work URI remembered by reference are those computed,
    asked first or again (after other references filled the memo)."""
    assert identity.canonical_act is identity.canonical_act_remembered
    assert identity.work_uri is identity.work_uri_remembered
    for _ in range(2):
        assert identity.canonical_act(act) == identity.canonical_act_plain(act)
        assert identity.work_uri(act) == identity.work_uri_plain(act)
    identity.forget()
    assert identity.canonical_act(act) == identity.canonical_act_plain(act)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from([t for a in ACTS for t in (*a.kk_titles, *a.ru_titles)]),
    )
)
def test_remembered_title_keys_are_their_definition(title: str) -> None:
    """A title's key remembered is the key computed, first and again."""
    assert national.title_key is national.title_key_remembered
    for _ in range(2):
        assert national.title_key(title) == national.title_key_plain(title)
    national.forget()
    assert national.title_key(title) == national.title_key_plain(title)


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]))
def test_remembered_issuer_phrases_are_their_definition(data: st.DataObject, lang: str) -> None:
    """The issuers and regions read from a phrase remembered are those read anew, for
    every region match of a paragraph and any span of it, asked first or again."""
    text = data.draw(paragraphs(lang))
    toks = tokens(text, lang)
    words = Words(text, toks, strings(lang))
    m = matchers(lang)
    rules = [
        (m.keys[k], s, e)
        for k, s, e in m.patterns(toks.doc) + m.phrases(toks.doc)
        if isinstance(m.keys[k], RegionRule)
    ]
    n = len(words)
    s = data.draw(st.integers(0, n))
    spans = [(s, data.draw(st.integers(s, n))), *((s, e) for _, s, e in rules)]
    assert issuers.phrase_issuers is issuers.phrase_issuers_remembered
    assert issuers.phrase_region is issuers.phrase_region_remembered
    for _ in range(2):
        for rule, s, e in rules:
            said = phrase(words, s, e)
            assert issuers.phrase_issuers(lang, rule, *said) == issuers.phrase_issuers_plain(
                lang, rule, *said
            )
        for s, e in spans:
            for kind in ("oblast", "city"):
                said = phrase(words, s, e)
                assert issuers.phrase_region(lang, kind, *said) == issuers.phrase_region_plain(
                    lang, kind, *said
                )
    issuers.forget()


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(["kk", "ru"]), st.booleans())
def test_a_space_after_a_paragraph_changes_no_reference(
    data: st.DataObject, lang: str, loose: bool
) -> None:
    """A paragraph read with spaces after it has the references it has without:
    what lets the readers of publication dates and of a point's repeals read a text
    joined with no lines or items as the text itself (one scan of it)."""
    text = data.draw(paragraphs(lang))
    spaces = data.draw(st.text(alphabet=" \t\n\u00a0", min_size=1, max_size=3))
    assert references(text + spaces, lang, loose) == references(text, lang, loose)
