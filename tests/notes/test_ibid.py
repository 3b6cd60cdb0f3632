"""Ibid (A.g.e.) and short-form resolution, on hand-built citations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model import Citation, Note
from citecheck.notes.ibid import cites_work, resolve, short_title_similarity


def full(authors: list[str], title: str, **kw: object) -> Citation:
    return Citation(authors=authors, title=title, **kw)


def age(page: str | None = None, author: str | None = None, raw: str = "A.g.e") -> Citation:
    # A.g.e. = adı geçen eser, Turkish "ibid"
    return Citation(ibid=True, ibid_author=author, pages=page, raw=raw)


def short(authors: list[str], title: str | None, page: str | None = None) -> Citation:
    return Citation(authors=authors, title=title, pages=page, short_form=True)


def notes(*citations: list[Citation]) -> list[Note]:
    return [Note(number=i + 1, text=f"note {i + 1}", citations=c) for i, c in enumerate(citations)]


def ibid_map(ns: list[Note]) -> dict[int, int | None]:
    resolution = resolve(ns)
    return {n.number: resolution.ibid_of(i, n) for i, n in enumerate(ns)}


def codes(ns: list[Note]) -> list[tuple[str, int | None]]:
    return [(f.code, f.note) for f in resolve(ns).findings]


IEA = full(["IEA"], "Critical Minerals")
FRIGERIO = full(["Frigerio, Alberto"], "C5+1 Summit: What's at Stake for the US and Central Asia")
GAUR = full(["Punit Gaur"], "Renewed Western Interest in Central Asia")


def test_chain_resolves_to_the_head_not_the_previous_ibid():
    ns = notes([IEA], [age()], [age()], [age()], [FRIGERIO], [age()], [age()])
    assert ibid_map(ns) == {1: None, 2: 1, 3: 1, 4: 1, 5: None, 6: 5, 7: 5}
    assert codes(ns) == []


def test_ibid_as_first_note_has_no_antecedent():
    ns = notes([age()], [IEA])
    assert ibid_map(ns)[1] is None
    finding = resolve(ns).findings[0]
    assert (finding.code, finding.note, finding.severity) == ("ibid_no_antecedent", 1, "error")
    assert "first note" in finding.message


def test_comment_note_breaks_the_chain():
    # Chicago: an intervening note without a citation breaks an ibid chain.
    comment = Citation(raw="Bu konu aşağıda ayrıca ele alınmaktadır.")
    ns = notes([IEA], [age()], [comment], [age()], [age()])
    assert ibid_map(ns) == {1: None, 2: 1, 3: None, 4: None, 5: None}
    found = resolve(ns).findings
    assert [(f.code, f.note) for f in found] == [
        ("ibid_no_antecedent", 4),
        ("ibid_no_antecedent", 5),
    ]
    assert "note 3 just before it cites no work" in found[0].message
    assert found[1].details["previous"] == 4


def test_comment_parsed_as_a_title_only_citation_breaks_the_chain():
    # What the note parser returns for "Bu konuya aşağıda dönülecektir.": a bare title.
    comment = Citation(title="Bu konuya aşağıda dönülecektir", kind="other")
    ns = notes([IEA], [comment], [age()])
    assert ibid_map(ns)[3] is None
    assert codes(ns) == [("ibid_no_antecedent", 3)]
    flagged = Citation(title="Critical Minerals Report", problems=["comment"])
    assert ibid_map(notes([IEA], [flagged], [age()]))[3] is None


def test_short_title_only_citations_are_works():
    for title in ("Critical Minerals", "The Politics of Water and Power in Central Asia"):
        ns = notes([Citation(title=title)], [age()])
        assert ibid_map(ns)[2] == 1, title
    dated = Citation(title="Bu konuya aşağıda dönülecektir", year=2020)
    assert ibid_map(notes([dated], [age()]))[2] == 1


def test_note_without_any_citation_breaks_the_chain_too():
    ns = notes([IEA], [], [age()])
    assert ibid_map(ns)[3] is None
    assert codes(ns) == [("ibid_no_antecedent", 3)]


def test_ibid_after_a_note_citing_two_works_is_ambiguous_and_unresolved():
    ns = notes([IEA, GAUR], [age("12")], [age()])
    resolution = resolve(ns)
    assert ibid_map(ns) == {1: None, 2: None, 3: None}
    assert [(f.code, f.note) for f in resolution.findings] == [
        ("ibid_ambiguous", 2),
        ("ibid_ambiguous", 3),
    ]
    assert resolution.findings[0].details["candidates"] == [[1, 0], [1, 1]]
    message = resolution.findings[0].message
    assert "IEA, “Critical Minerals”" in message and "Renewed Western Interest" in message
    assert resolution.findings[0].severity == "warning"


def test_note_citing_the_same_work_twice_is_not_ambiguous():
    ns = notes([IEA], [age("3"), age("5")], [age()])
    assert ibid_map(ns) == {1: None, 2: 1, 3: 1}
    assert codes(ns) == []


def test_author_ibid_finds_the_latest_work_of_that_author_not_the_previous_note():
    karatas_1 = full(["İlyas Karataş"], "Türkiye-Orta Asya İlişkileri", year=2019)
    karatas_2 = full(["Karataş, İlyas"], "Enerji Koridorları", year=2021)
    ns = notes(
        [karatas_1],
        [GAUR],
        [karatas_2],
        [FRIGERIO],
        [age("88", author="Karatas", raw="Karatas, a.g.e., s. 88")],  # ASCII-folded surname
        [age()],
    )
    assert ibid_map(ns) == {1: None, 2: None, 3: None, 4: None, 5: 3, 6: 3}
    assert codes(ns) == []


def test_author_ibid_falls_back_to_the_surname_in_a_misparsed_notes_text():
    # The parser took "… için bkz. Ayşe Kaya" for the title and found no author.
    misparsed = Citation(
        title="Hazar’ın statüsüne ilişkin bir değerlendirme için bkz. Ayşe Kaya",
        pages="45",
        year=2019,
    )
    ns = notes([misparsed], [GAUR], [age("88", author="Kaya", raw="Kaya, a.g.e., s. 88.")])
    ns[
        0
    ].text = (
        "Hazar’ın statüsüne ilişkin bir değerlendirme için bkz. Ayşe Kaya, Hazar Hukuku, s. 45."
    )
    assert ibid_map(ns)[3] == 1


def test_author_ibid_with_unknown_author_has_no_antecedent():
    ns = notes([GAUR], [age("5", author="Karataş")])
    assert ibid_map(ns)[2] is None
    found = resolve(ns).findings
    assert [(f.code, f.note) for f in found] == [("ibid_no_antecedent", 2)]
    assert "Karataş" in found[0].message


def test_agm_with_author_is_resolved_like_author_age():
    # A.g.m. = adı geçen makale ("the article mentioned")
    ns = notes([GAUR], [IEA], [age("55", author="Gaur", raw="Gaur, a.g.m., s. 55")])
    assert ibid_map(ns)[3] == 1


def test_short_form_resolves_to_the_earlier_full_note_of_the_same_work():
    ns = notes([FRIGERIO], [IEA], [short(["Frigerio"], "C5+1 Summit", "4")])
    assert ibid_map(ns) == {1: None, 2: None, 3: 1}
    assert codes(ns) == []


def test_short_form_picks_the_right_one_of_two_works_by_the_same_author():
    water = full(["Seitkali, Aigerim"], "The Politics of Water and Power in Central Asia")
    steppe = full(["Seitkali, Aigerim"], "Steppe Empires and Their Legacies")
    ns = notes([water], [steppe], [short(["Seitkali"], "Water and Power", "118")])
    assert ibid_map(ns)[3] == 1
    ns = notes([water], [steppe], [short(["Seitkali"], "Steppe Empires", "9")])
    assert ibid_map(ns)[3] == 2


def test_short_form_of_an_uncited_work_is_unresolved():
    water = full(["Seitkali, Aigerim"], "The Politics of Water and Power in Central Asia")
    ns = notes([water], [short(["Seitkali"], "Nomads and Cities", "3")])
    assert ibid_map(ns)[2] is None
    assert codes(ns) == [("short_form_unresolved", 2)]
    ns = notes([water], [short(["Frigerio"], "Water and Power", "3")])
    assert codes(ns) == [("short_form_unresolved", 2)]


def test_ibid_after_a_short_form_follows_it_to_the_full_note():
    ns = notes([FRIGERIO], [IEA], [short(["Frigerio"], "C5+1 Summit")], [age("7")])
    assert ibid_map(ns) == {1: None, 2: None, 3: 1, 4: 1}


def test_full_notes_and_mixed_notes():
    ns = notes([IEA], [age("2"), GAUR])
    resolution = resolve(ns)
    assert resolution.ibid_of(1, ns[1]) == 1  # the note leads with an ibid
    assert resolution.targets[(1, 1)].number == 2  # its second work is its own
    ns = notes([IEA], [GAUR, age("2")], [age()])
    assert ibid_map(ns)[2] is None  # a full note, though it also has an ibid
    assert codes(ns) == [("ibid_ambiguous", 3)]


def test_short_form_prefers_the_better_title_over_the_later_note():
    power = full(["Seitkali, Aigerim"], "Water and Power in Central Asia")
    rivers = full(["Seitkali, Aigerim"], "Water and Power on Central Asian Rivers")
    ns = notes([power], [rivers], [short(["Seitkali"], "Water and Power in Central Asia", "3")])
    assert ibid_map(ns)[3] == 1


def test_short_form_of_a_corporate_work_whose_author_was_not_parsed():
    iea = Citation(title="Critical Minerals", container="IEA")
    ns = notes([iea], [GAUR], [short(["IEA"], "Critical Minerals", "2")])
    ns[0].text = "Critical Minerals, IEA, E.T 26 Kasım 2025."
    assert ibid_map(ns)[3] == 1


def test_short_title_similarity():
    assert short_title_similarity("C5+1 Summit", "C5+1 Summit: Whats at Stake") == 100
    assert short_title_similarity("Water", "Waterloo and After") < 85
    assert short_title_similarity("Power", "Water and Power") < 85
    assert short_title_similarity("Water and Power", "The Politics of Water and Power") >= 85
    assert short_title_similarity("Steppe Empires", "The Politics of Water and Power") < 60


def test_cites_work():
    assert not cites_work(Citation(raw="Bkz. yukarıda."))
    assert cites_work(Citation(urls=["https://example.org"]))
    assert cites_work(age())


_citation = st.builds(
    Citation,
    authors=st.lists(st.sampled_from(["Gaur", "Frigerio, A.", "", "IEA", "Şafak"]), max_size=2),
    title=st.one_of(st.none(), st.text(max_size=20)),
    ibid=st.booleans(),
    ibid_author=st.one_of(st.none(), st.sampled_from(["Gaur", "Karataş", ""])),
    short_form=st.booleans(),
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.lists(_citation, max_size=3), max_size=8))
def test_resolution_never_crashes_and_always_points_backwards(citation_lists):
    ns = notes(*citation_lists)
    resolution = resolve(ns)
    for (position, _), target in resolution.targets.items():
        assert target.position <= position
        assert not ns[target.position].citations[target.citation].ibid
    for i, n in enumerate(ns):
        ibid_of = resolution.ibid_of(i, n)
        assert ibid_of is None or ibid_of < n.number
