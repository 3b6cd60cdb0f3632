"""Resolve ibid and short-form notes to the full note of the work they cite.

# A.g.e. = adı geçen eser, Turkish "ibid" ("the work mentioned");
# A.g.m. = adı geçen makale ("the article mentioned"); a.y. = aynı yer/yazar.

Rules (Chicago Manual of Style, notes-bibliography, 14.34 and 14.29–14.31):

1. A bare ibid refers to the work of the *immediately preceding* note. A chain
   of ibids resolves to the full note at its head (2, 3, 4 -> 1, never 3 -> 2).
2. An ibid as the first note, or after a note that cites no work (a comment
   note), has no antecedent: Chicago says an intervening note breaks the chain.
3. An ibid after a note citing two or more works is ambiguous. It is resolved
   to *no* note: guessing "the last work" would silently attach the wrong
   source's URLs and claims to the ibid, and a checker must not invent a link
   an editor would not; the finding names the candidates instead. Ibids that
   chain onto an ambiguous ibid are ambiguous too.
4. Author + ibid (``Karataş, a.g.e., s. 88``, Citation.ibid_author) refers to
   the latest earlier full note whose authors include that surname, which need
   not be the previous note. ``A.g.m.`` with an author is treated the same way.
5. A short form (``Frigerio, "C5+1 Summit," 4.``) refers to the latest earlier
   full note with the same author surname and a similar title.

Only the work is resolved: the ibid's own locator (``A.g.e., s. 12``) is the
page it cites, and an ibid without a locator cites the same work at an unknown
page — pages are never inherited, because "same page as before" is an
assumption the text does not make and would hide a missing locator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from citecheck.codes import FindingCode
from citecheck.model import Citation, Finding, Note
from citecheck.notes.findings import finding
from citecheck.notes.similarity import (
    SURNAME_MIN,
    authors_match,
    excerpt,
    fold,
    names_in_text,
    title_similarity,
)

# A short form's title must score at least this against the full title. Short
# titles are the first words of the main title or a few of its key words, so a
# word-subset measure is used; 85 accepts "C5+1 Summit" for "C5+1 Summit: Whats
# at Stake…" and "Water and Power" for "The Politics of Water and Power…" but
# rejects a different work by the same author in the labelled cases of
# tests/notes/test_ibid.py (their best wrong candidate scores ≤ 70).
SHORT_TITLE_MIN = 85.0


@dataclass(frozen=True)
class Target:
    """A work cited in a full note: the note's position in Document.notes and number."""

    position: int
    number: int
    citation: int  # index into that note's citations


@dataclass
class Resolution:
    """Outcome of resolving every ibid/short-form citation of a document."""

    # (note position, citation index) -> full citation it resolves to; full
    # citations map to themselves.
    targets: dict[tuple[int, int], Target] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def ibid_of(self, position: int, note: Note) -> int | None:
        """Number of the full note an ibid/short-form note resolves to, else None."""
        for index, citation in enumerate(note.citations):
            if not cites_work(citation):
                continue
            if not (citation.ibid or citation.short_form):
                return None
            target = self.targets.get((position, index))
            return target.number if target else None
        return None


def cites_work(citation: Citation) -> bool:
    """Whether a citation refers to a work at all (a comment note does not)."""
    if citation.ibid or citation.short_form:
        return True
    if "comment" in citation.problems or is_comment(citation):
        return False
    return bool(
        citation.authors or citation.title or citation.urls or citation.doi or citation.container
    )


# A "title" of at least this many words, most of them lower-case, with no other
# field at all, is a sentence of prose: "Bu konuya aşağıda dönülecektir.",
# "Yazarın notu: rakamlar yuvarlanmıştır." Real titles with nothing else
# around them (no author, date, outlet, URL, page) are rarely that long and
# could not be identified anyway.
COMMENT_MIN_WORDS = 4
COMMENT_LOWER_SHARE = 0.6


def is_comment(citation: Citation) -> bool:
    """Whether a parsed citation is really an explanatory comment (title-only prose)."""
    if not citation.title or citation.ibid or citation.short_form:
        return False
    others = (
        citation.authors, citation.container, citation.editors, citation.publisher,
        citation.date, citation.year, citation.pages, citation.volume, citation.issue,
        citation.urls, citation.doi, citation.accessed,
    )  # fmt: skip
    if any(others):
        return False
    words = citation.title.split()
    if len(words) < COMMENT_MIN_WORDS:
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return lower >= COMMENT_LOWER_SHARE * (len(words) - 1)


def is_full(citation: Citation) -> bool:
    return cites_work(citation) and not citation.ibid and not citation.short_form


# What the previous note left behind for a bare ibid to refer to.
@dataclass(frozen=True)
class _NoWork:
    number: int


@dataclass(frozen=True)
class _Ambiguous:
    number: int
    candidates: tuple[Target, ...]  # the works among them that resolved to a full note
    works: tuple[str, ...] = ()  # how the note names each of its works, for the message


@dataclass(frozen=True)
class _Unresolved:
    number: int


_Antecedent = Target | _NoWork | _Ambiguous | _Unresolved | None


def resolve(notes: list[Note]) -> Resolution:
    """Resolve the ibid and short-form citations of ``notes`` (in document order)."""
    result = Resolution()
    history: list[tuple[Target, Citation]] = []  # full citations seen so far, in order
    previous: _Antecedent = None
    for position, note in enumerate(notes):
        resolved: list[Target | _Ambiguous | _Unresolved] = []
        fresh: list[tuple[Target, Citation]] = []
        for index, citation in enumerate(note.citations):
            if not cites_work(citation):
                continue
            if is_full(citation):
                target = Target(position, note.number, index)
                result.targets[(position, index)] = target
                fresh.append((target, citation))
                resolved.append(target)
                continue
            outcome = _resolve_one(note, citation, previous, history, notes, result.findings)
            if isinstance(outcome, Target):
                result.targets[(position, index)] = outcome
            resolved.append(outcome)
        history.extend(fresh)
        previous = _leave_behind(note, resolved)
    return result


def describe(citation: Citation) -> str:
    """A work as an editor would name it: "Menga, “Power and Water”"."""
    who = ", ".join(citation.authors)
    if citation.title:
        return f"{who}, “{citation.title}”" if who else f"“{citation.title}”"
    return who or f"“{excerpt(citation.raw, 60)}”"


def _leave_behind(note: Note, resolved: list[Target | _Ambiguous | _Unresolved]) -> _Antecedent:
    """What a bare ibid in the next note refers to, given this note's resolved citations."""
    number = note.number
    if not resolved:
        return _NoWork(number)
    if len(resolved) == 1 and isinstance(resolved[0], _Ambiguous):
        return _Ambiguous(number, resolved[0].candidates, resolved[0].works)
    targets = [r for r in resolved if isinstance(r, Target)]
    works = tuple(dict.fromkeys(targets))
    if len(targets) == len(resolved) and len(works) == 1:
        return works[0]  # one work, possibly cited twice ("A.g.e., s. 3; a.g.e., s. 5")
    if len(resolved) == 1:
        return _Unresolved(number)
    named = tuple(describe(c) for c in note.citations if cites_work(c))
    return _Ambiguous(number, works, named)


def _resolve_one(
    note: Note,
    citation: Citation,
    previous: _Antecedent,
    history: list[tuple[Target, Citation]],
    notes: list[Note],
    findings: list[Finding],
) -> Target | _Ambiguous | _Unresolved:
    if citation.short_form:
        target = _find_short_form(citation, history, notes)
        if target is None:
            findings.append(_short_form_unresolved(note, citation))
            return _Unresolved(note.number)
        return target
    if citation.ibid_author:
        target = _find_by_author(citation.ibid_author, history, notes)
        if target is None:
            findings.append(
                finding(
                    FindingCode.IBID_NO_ANTECEDENT,
                    f"Note {note.number} says “{excerpt(citation.raw or note.text)}” (a work by "
                    f"{citation.ibid_author} cited earlier), but no earlier note cites a work "
                    f"by {citation.ibid_author}.",
                    note=note.number,
                    author=citation.ibid_author,
                )
            )
            return _Unresolved(note.number)
        return target
    return _follow_previous(note, citation, previous, findings)


def _follow_previous(
    note: Note, citation: Citation, previous: _Antecedent, findings: list[Finding]
) -> Target | _Ambiguous | _Unresolved:
    form = excerpt(citation.raw or note.text) or "ibid"
    if isinstance(previous, Target):
        return previous
    if isinstance(previous, _Ambiguous):
        works = "; ".join(previous.works) or "several works"
        findings.append(
            finding(
                FindingCode.IBID_AMBIGUOUS,
                f"Note {note.number} is an ibid (“{form}”) but note {previous.number} before it "
                f"cites several works ({works}), so it is unclear which one is meant.",
                note=note.number,
                previous=previous.number,
                candidates=[[t.number, t.citation] for t in previous.candidates],
            )
        )
        return _Ambiguous(note.number, previous.candidates, previous.works)
    if previous is None:
        why = "it is the first note, so there is no earlier work it can refer to"
        prev_number = None
    elif isinstance(previous, _NoWork):
        why = f"note {previous.number} just before it cites no work, which breaks the ibid chain"
        prev_number = previous.number
    else:
        why = f"note {previous.number} just before it could not be resolved either"
        prev_number = previous.number
    findings.append(
        finding(
            FindingCode.IBID_NO_ANTECEDENT,
            f"Note {note.number} is an ibid (“{form}”) but {why}.",
            note=note.number,
            previous=prev_number,
        )
    )
    return _Unresolved(note.number)


def _find_by_author(
    author: str, history: list[tuple[Target, Citation]], notes: list[Note]
) -> Target | None:
    for target, full in reversed(history):
        if authors_match([author], full.authors) >= SURNAME_MIN:
            return target
    # The author may sit in a note whose fields were mis-parsed ("… için bkz.
    # Ayşe Kaya, Hazar Hukuku …"): fall back to the surname in the note text.
    for target, full in reversed(history):
        if names_in_text([author], full.raw or notes[target.position].text):
            return target
    return None


def short_title_similarity(short: str | None, full: str | None) -> float:
    """How well a short title stands for a full title (0-100).

    A Chicago short title is the head of the main title or up to four of its
    key words: a word-prefix scores 100, otherwise the best of the title
    similarity and (for two or more words) a word-subset measure.
    """
    fs, ff = fold(short), fold(full)
    if not fs or not ff:
        return 0.0
    if ff == fs or ff.startswith(fs + " "):
        return 100.0
    score = title_similarity(short, full)
    if len(fs.split()) >= 2:
        score = max(score, float(fuzz.token_set_ratio(fs, ff)))
    return score


def _same_author(authors: list[str], full: Citation, text: str) -> bool:
    """Whether ``authors`` wrote ``full``, by its parsed authors or, failing those, its text."""
    if full.authors:
        return authors_match(authors, full.authors) >= SURNAME_MIN
    return names_in_text(authors, full.raw or text)  # "IEA, Critical Minerals" vs "…, IEA, …"


def _find_short_form(
    citation: Citation, history: list[tuple[Target, Citation]], notes: list[Note]
) -> Target | None:
    best: tuple[float, Target] | None = None
    for target, full in reversed(history):  # latest first: it wins ties
        text = notes[target.position].text
        if citation.authors and not _same_author(citation.authors, full, text):
            continue
        if not citation.title:
            # "Seitkali, 118." names only the author: the latest work by them.
            return target if citation.authors else None
        score = short_title_similarity(citation.title, full.title)
        if score >= SHORT_TITLE_MIN and (best is None or score > best[0]):
            best = (score, target)
    return best[1] if best else None


def _short_form_unresolved(note: Note, citation: Citation) -> Finding:
    who = ", ".join(citation.authors) or "an unnamed author"
    title = f"“{citation.title}”" if citation.title else "an untitled work"
    return finding(
        FindingCode.SHORT_FORM_UNRESOLVED,
        f"Note {note.number} is a short form ({who}, {title}) but no earlier note gives the "
        "full reference of that work.",
        note=note.number,
        authors=list(citation.authors),
        title=citation.title,
    )
