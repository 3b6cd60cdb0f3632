"""Linking notes to bibliography entries: a labelled set of pairs, measured, and the rules."""

# The labelled pairs below are whole note texts, one per line, kept readable.
# ruff: noqa: E501

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from citecheck.model import BibEntry, Citation, Note
from citecheck.notes.biblink import (
    LINK_MIN,
    best_entry,
    link_citations,
    link_containers,
    score_entry,
)
from citecheck.notes.ibid import resolve
from citecheck.notes.similarity import (
    author_keys,
    authors_match,
    fold,
    names_in_text,
    title_similarity,
    url_key,
)

DIPLOMAT_URL = (
    "https://thediplomat.com/2025/10/c51-summit-whats-at-stake-for-the-us-and-central-asia/"
)
IEA_URL = "https://www.iea.org/topics/critical-minerals"
HANDBOOK = "The Oxford Handbook of Comparative Regionalism"


def entry(index: int, authors: list[str], title: str, **kw: object) -> BibEntry:
    text = str(kw.pop("text", f"{'; '.join(authors)}. {title}."))
    return BibEntry(index=index, authors=authors, title=title, text=text, **kw)  # type: ignore[arg-type]


IEA = entry(0, ["International Energy Agency (IEA)"], "Critical Minerals", urls=[IEA_URL])
IEA_OUTLOOK = entry(
    1, ["International Energy Agency (IEA)"], "Global Critical Minerals Outlook 2024"
)
FRIGERIO = entry(
    2, ["Frigerio, Alberto"], "C5+1 Summit: Whats at Stake for the US and Central Asia",
    urls=[DIPLOMAT_URL], year=2025,
)  # fmt: skip
FRIGERIO_2 = entry(3, ["Frigerio, Alberto"], "Central Asia's Rare Earth Rush", year=2024)
BORZEL = entry(4, [], HANDBOOK, editors=["Börzel, Tanja A.", "Thomas Risse"], kind="book")
HANCOCK = entry(
    5, ["Hancock, Kathleen J.", "Alexander Libman"], "Eurasia", container=HANDBOOK,
    editors=["Tanja A. Börzel", "Thomas Risse"], kind="book_chapter", pages="215",
)  # fmt: skip
SODERBAUM = entry(
    6, ["Söderbaum, Fredrik"], "Old, New, and Comparative Regionalism", container=HANDBOOK,
    editors=["Tanja A. Börzel", "Thomas Risse"], kind="book_chapter",
)  # fmt: skip
GAUR = entry(
    7, ["Gaur, Punit"], "Renewed Western Interest in Central Asia",
    doi="10.5281/zenodo.7827403", pages="769–782",
)  # fmt: skip
SAFAK = entry(
    8, ["Şafak, Bekir Caner"], "ABD'nin Orta Asya Stratejisi Bağlamında Vaşington C5+1 Zirvesi"
)
REUTERS = entry(
    9, ["Reuters"],
    "Trump to meet Central Asian presidents as US seeks counter China, Russia influence",
)  # fmt: skip
COMMERCE = entry(
    10, ["U.S. Department of Commerce"], "Commerce Celebrates $25 Billion C5+1 Deal Zone"
)
OZTURK = entry(11, ["Öztürk, Şule"], "İstanbul'da Enerji Güvenliği: Yeni Bir Dönem")
SMITH = entry(12, ["Smith, John"], "Renewed Western Interest in the Caucasus")
PREPRINT = entry(
    13, ["Gaur, Punit"], "Renewed Western Interest in Central Asia", doi="10.31235/osf.io/abcde"
)
KAYA = entry(
    14,
    ["Kaya, Ayşe"],
    "Hazar Hukuku",
    text="Kaya, Ayşe. Hazar Hukuku. Ankara: Orion Yayınevi, 2019.",
)
KAYA_2 = entry(
    15, ["Kaya, Ayşe"], "Karadeniz Hukuku", text="Kaya, Ayşe. Karadeniz Hukuku. Ankara, 2021."
)
ENTRIES = [IEA, IEA_OUTLOOK, FRIGERIO, FRIGERIO_2, BORZEL, HANCOCK, SODERBAUM, GAUR, SAFAK,
           REUTERS, COMMERCE, OZTURK, SMITH, PREPRINT, KAYA, KAYA_2]  # fmt: skip
KAYA_NOTE = "Hazar’ın statüsüne ilişkin ayrıntılı bir değerlendirme için bkz. Ayşe Kaya, Hazar Hukuku (Ankara: Orion Yayınevi, 2019), s. 45-97."


def cit(text: str, **kw: object) -> tuple[Citation, str]:
    return Citation(raw=text, **kw), text  # type: ignore[arg-type]


# (citation, note text, entry, should_link). Negatives are near misses.
LABELLED: list[tuple[tuple[Citation, str], BibEntry, bool]] = [
    # corporate author as an acronym, URL equal
    (cit("Critical Minerals, IEA, E.T 26 Kasım 2025, IEA, <https://www.iea.org/topics/critical-minerals>.",
         title="Critical Minerals", container="IEA", urls=[IEA_URL]), IEA, True),
    # the same without URL and without a parsed author: acronym found in the text
    (cit("Critical Minerals, IEA, E.T 26 Kasım 2025.", title="Critical Minerals"), IEA, True),
    # the same body's other report: a title that merely contains the note's title
    (cit("Critical Minerals, IEA, E.T 26 Kasım 2025.", title="Critical Minerals"), IEA_OUTLOOK, False),
    # "[ ]" hole ate the surname: given name + title; the URL is removed here on purpose
    (cit("Alberto [ ] C5+1 Summit: Whats at Stake for the US and Central Asia, The Diplomat, ET 26 Kasım 2025",
         authors=["Alberto"], title="C5+1 Summit: Whats at Stake for the US and Central Asia",
         problems=["hole"]), FRIGERIO, True),
    # the hole left the given name inside the title field
    (cit("Alberto [ ] C5+1 Summit: Whats at Stake for the US and Central Asia, The Diplomat",
         title="Alberto [ ] C5+1 Summit: Whats at Stake for the US and Central Asia"), FRIGERIO, True),
    # same author, other work
    (cit("Alberto Frigerio, C5+1 Summit: What's at Stake for the US and Central Asia, The Diplomat.",
         authors=["Alberto Frigerio"], title="C5+1 Summit: What's at Stake for the US and Central Asia"),
     FRIGERIO_2, False),
    # chapter in an edited volume: the chapter, not the volume, not another chapter
    (cit("Kathleen J. Hancock and Alexander Libman, Eurasia, The Oxford Handbook of Comparative "
         "Regionalism, ed. Tanja A. Börzel and Thomas Risse (Oxford: Oxford University Press, 2016), 215.",
         authors=["Kathleen J. Hancock", "Alexander Libman"], title="Eurasia", container=HANDBOOK,
         editors=["Tanja A. Börzel", "Thomas Risse"], pages="215"), HANCOCK, True),
    (cit("Kathleen J. Hancock and Alexander Libman, Eurasia, The Oxford Handbook of Comparative "
         "Regionalism, ed. Tanja A. Börzel and Thomas Risse (Oxford: Oxford University Press, 2016), 215.",
         authors=["Kathleen J. Hancock", "Alexander Libman"], title="Eurasia", container=HANDBOOK,
         editors=["Tanja A. Börzel", "Thomas Risse"], pages="215"), BORZEL, False),
    (cit("Kathleen J. Hancock and Alexander Libman, Eurasia, in The Oxford Handbook of Comparative "
         "Regionalism, 215.", authors=["Kathleen J. Hancock", "Alexander Libman"], title="Eurasia"),
     SODERBAUM, False),
    # journal article with DOI and a title run together with the journal name
    (cit("Punit Gaur, Renewed Western Interest in Central Asia, Social Evolution and History 12, no. 2 (2023): 769",
         authors=["Punit Gaur"], title="Renewed Western Interest in Central Asia, Social Evolution and History",
         pages="769"), GAUR, True),
    (cit("Punit Gaur, Renewed Western Interest..., <https://doi.org/10.5281/zenodo.7827403>.",
         authors=["Punit Gaur"], title="Renewed Western Interest", doi="10.5281/zenodo.7827403"), GAUR, True),
    # same title, another author
    (cit("Punit Gaur, Renewed Western Interest in Central Asia, Social Evolution and History (2023): 769",
         authors=["Punit Gaur"], title="Renewed Western Interest in Central Asia"), SMITH, False),
    # same title and author, but a different DOI: the preprint, not the article
    (cit("Punit Gaur, Renewed Western Interest in Central Asia (2023), https://doi.org/10.5281/zenodo.7827403",
         authors=["Punit Gaur"], title="Renewed Western Interest in Central Asia",
         doi="10.5281/zenodo.7827403"), PREPRINT, False),
    # dropped apostrophe, Turkish letters
    (cit("Bekir Caner Şafak, ABDnin Orta Asya Stratejisi Bağlamında Vaşington C5+1 Zirvesi, AVİM",
         authors=["Bekir Caner Şafak"], title="ABDnin Orta Asya Stratejisi Bağlamında Vaşington C5+1 Zirvesi"),
     SAFAK, True),
    (cit("Sule Ozturk, ISTANBULDA ENERJI GUVENLIGI, 2020.", authors=["Sule Ozturk"],
         title="ISTANBULDA ENERJI GUVENLIGI"), OZTURK, True),
    # news agency and a ministry as authors
    (cit("Reuters, Trump to meet Central Asian presidents as US seeks counter China, Russia influence, 6 Kasım 2025.",
         authors=["Reuters"], title="Trump to meet Central Asian presidents as US seeks counter China, Russia influence"),
     REUTERS, True),
    (cit("U.S. Department of Commerce, Commerce Celebrates \\$25 Billion C5+1 Deal Zone, press release",
         authors=["U.S. Department of Commerce"], title="Commerce Celebrates \\$25 Billion C5+1 Deal Zone"),
     COMMERCE, True),
    (cit("Reuters, Trump to meet Central Asian presidents, 6 Kasım 2025.", authors=["Reuters"],
         title="Trump to meet Central Asian presidents"), COMMERCE, False),
    # a comment before the reference: the parser took the comment for the title,
    # the entry's title and author are found as fields of the note text
    (cit(KAYA_NOTE, title="Hazar’ın statüsüne ilişkin ayrıntılı bir değerlendirme için bkz. Ayşe Kaya",
         pages="45-97", problems=["no_author"]), KAYA, True),
    (cit(KAYA_NOTE, title="Hazar’ın statüsüne ilişkin ayrıntılı bir değerlendirme için bkz. Ayşe Kaya",
         pages="45-97", problems=["no_author"]), KAYA_2, False),
    # only a URL (the title was lost): http/https, www and a trailing slash differ
    (cit("<http://iea.org/topics/critical-minerals/>", urls=["http://iea.org/topics/critical-minerals/"]),
     IEA, True),
]  # fmt: skip


def test_labelled_pairs_are_separated_by_the_threshold():
    positives, negatives = [], []
    for (citation, text), target, should_link in LABELLED:
        score, _ = score_entry(citation, text, target)
        (positives if should_link else negatives).append((score, text[:50], target.index))
    weakest = min(positives)
    strongest_wrong = max(negatives)
    assert weakest[0] >= LINK_MIN, weakest
    assert strongest_wrong[0] < LINK_MIN, strongest_wrong
    # the measured margin (see the comment on LINK_MIN)
    assert weakest[0] - strongest_wrong[0] >= 15


def test_best_entry_picks_the_labelled_entry_among_all():
    for (citation, text), target, should_link in LABELLED:
        if not should_link:
            continue
        link = best_entry(citation, text, ENTRIES)
        assert link is not None and link.entry == target.index, (text, link)


def test_same_author_two_works_with_close_titles_best_match_wins():
    caucasus = entry(0, ["Gaur, Punit"], "Renewed Western Interest in the Caucasus")
    asia = entry(1, ["Gaur, Punit"], "Renewed Western Interest in Central Asia")
    c = Citation(authors=["Punit Gaur"], title="Renewed Western Interest in Central Asia")
    assert best_entry(c, "", [caucasus, asia]).entry == 1
    c = Citation(authors=["Punit Gaur"], title="Renewed Western Interest in the Caucasus")
    assert best_entry(c, "", [caucasus, asia]).entry == 0


def test_doi_is_decisive_and_url_is_strong():
    c = Citation(title="Something else entirely", doi="10.5281/zenodo.7827403")
    assert score_entry(c, "", GAUR) == (100.0, ["doi"])
    c = Citation(title="Renewed Interest", urls=["https://doi.org/10.5281/ZENODO.7827403"])
    assert score_entry(c, "", GAUR) == (100.0, ["doi"])  # a doi.org link is the DOI
    c = Citation(urls=["https://www.iea.org/topics/critical-minerals#top"])
    score, evidence = score_entry(c, "", IEA)
    assert score >= 95 and "url" in evidence


def test_no_entries_no_links():
    c = Citation(authors=["Gaur"], title="Renewed Western Interest in Central Asia")
    assert best_entry(c, "", []) is None
    assert best_entry(Citation(), "", ENTRIES) is None


def test_ibid_notes_share_their_full_notes_link_and_unresolved_ibids_get_none():
    gaur = Citation(authors=["Punit Gaur"], title="Renewed Western Interest in Central Asia")
    notes = [
        Note(1, "A.g.e", citations=[Citation(ibid=True)]),
        Note(2, "Punit Gaur, …", citations=[gaur]),
        Note(3, "A.g.e., s. 770", citations=[Citation(ibid=True, pages="770")]),
        Note(4, "Bir yorum.", citations=[]),
    ]
    links = link_citations(notes, ENTRIES, resolve(notes))
    assert (0, 0) not in links
    assert links[(1, 0)].entry == GAUR.index
    assert links[(2, 0)] == links[(1, 0)]
    assert set(links) == {(1, 0), (2, 0)}


def test_short_form_without_full_note_links_directly_to_the_bibliography():
    notes = [Note(1, "Frigerio, “C5+1 Summit,” 4.", citations=[
        Citation(authors=["Frigerio"], title="C5+1 Summit", pages="4", short_form=True)])]  # fmt: skip
    links = link_citations(notes, ENTRIES, resolve(notes))
    assert links[(0, 0)].entry == FRIGERIO.index


def test_chapter_knows_its_volume_and_lookalikes_do_not():
    linked = link_containers(ENTRIES)
    by_index = {e.index: e for e in linked}
    assert by_index[HANCOCK.index].container_entry == BORZEL.index
    assert by_index[SODERBAUM.index].container_entry == BORZEL.index
    assert by_index[BORZEL.index].container_entry is None
    assert by_index[GAUR.index].container_entry is None
    assert ENTRIES[5].container_entry is None  # input untouched
    other_editors = [HANCOCK, entry(1, [], HANDBOOK, editors=["Someone, Else"], kind="book")]
    assert link_containers(other_editors)[0].container_entry is None


def test_chapter_without_parsed_container_finds_its_volume_in_the_text():
    chapter = BibEntry(
        index=0,
        authors=["Hancock, Kathleen J."],
        title="Eurasia",
        kind="book_chapter",
        text=f"Hancock, Kathleen J. Eurasia. In {HANDBOOK}, edited by Börzel and Risse, 215.",
    )
    volume = BibEntry(index=1, editors=["Börzel, Tanja A."], title=HANDBOOK, text=HANDBOOK)
    assert link_containers([chapter, volume])[0].container_entry == 1


_names = st.sampled_from(
    ["Gaur, Punit", "IEA", "", "Şafak", "U.S. Department of Commerce", "(", "a b c d e f"]
)
_entries = st.builds(
    BibEntry,
    authors=st.lists(_names, max_size=2),
    title=st.one_of(st.none(), st.text(max_size=40)),
    container=st.one_of(st.none(), st.text(max_size=20), st.just(HANDBOOK)),
    editors=st.lists(_names, max_size=2),
    urls=st.lists(st.sampled_from([IEA_URL, "http://[::1", "", "x"]), max_size=2),
    doi=st.one_of(st.none(), st.just("10.1/x")),
    text=st.text(max_size=60),
    kind=st.sampled_from([None, "book_chapter", "book"]),
)  # fmt: skip


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(_entries, max_size=5), st.text(max_size=80), st.lists(_names, max_size=2))
def test_scoring_never_crashes_and_stays_in_range(entries, text, authors):
    entries = [BibEntry(**{**e.__dict__, "index": i}) for i, e in enumerate(entries)]
    c = Citation(authors=authors, title=text[:30] or None, urls=[text[:10]])
    for e in entries:
        score, _ = score_entry(c, text, e)
        assert 0 <= score <= 100
    link = best_entry(c, text, entries)
    assert link is None or link.score >= LINK_MIN
    link_containers(entries)


# The similarity helpers behind the scores -------------------------------------------


def test_fold_tolerates_export_damage_and_turkish_letters():
    assert fold("ABD'nin") == fold("ABDnin") == "abdnin"
    assert fold("İSTANBUL’DA Şırnak Ğ") == fold("istanbulda sirnak g")
    assert fold("Alberto [ ] C5+1 “Summit”") == "alberto c5 1 summit"
    assert fold("Россия и Евразия") == "россия и евразия"  # other scripts are kept


def test_title_similarity_subtitles_holes_and_near_misses():
    assert title_similarity("Water and Power", "Water and Power: Rivers of Central Asia") >= 90
    assert title_similarity("The Oxford Handbook", "Oxford Handbook") == 100
    assert title_similarity("Critical Minerals", "Global Critical Minerals Outlook 2024") < LINK_MIN
    assert title_similarity("Eurasia", HANDBOOK) < 30
    assert title_similarity(None, "x") == 0 and title_similarity("", "") == 0


def test_author_keys_people_and_bodies():
    assert author_keys("Frigerio, Alberto") == author_keys("Alberto Frigerio") == {"frigerio"}
    assert {"iea", "international energy agency"} <= author_keys(
        "International Energy Agency (IEA)"
    )
    assert authors_match(["IEA"], ["International Energy Agency (IEA)"]) == 100
    assert authors_match(["Karatas"], ["Karataş, İlyas"]) == 100
    assert authors_match(["Smith"], ["Jones, Mary"]) < 50
    assert not names_in_text(["U.S. Department of Commerce"], "Washington, DC: World Bank")


def test_url_key_normalises_what_does_not_change_the_page():
    a = "https://www.AVIM.org.tr/tr/Analiz/ABD-NİN-ORTA-ASYA/?utm_source=x#top"
    b = "http://avim.org.tr/tr/analiz/abd-nin-orta-asya"
    assert url_key(a) == url_key(b)
    assert url_key("https://avim.org.tr/tr/Analiz/A?id=1") != url_key(
        "https://avim.org.tr/tr/Analiz/A?id=2"
    )
    assert url_key("http://[::1") == fold("http://[::1") and url_key(None) == ""
