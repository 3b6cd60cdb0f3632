"""Cue words that introduce or label parts of a citation, and the steps that use them.

Each ``take_*`` function finds its fields in the working text of the citation
cascade (citation.py), returns them and the text with the matched part replaced
by a field boundary (locators.CUT):

- "Bkz." / "See also" / "Kaynak:" before a citation (after_see_cue)
- kind words: "press release", "basın bülteni", numbered reports, thesis markers,
  think-tank series numbers (take_kind_words)
- the publication date as a field of its own, or after "updated" (take_date)
- conference-paper brackets and "no place" marks (take_meeting)
- editors after "ed." / "edited by" / "der." / "derleyen" (take_editors)
- translators and directors, who are not authors (take_contributors)
"""

from __future__ import annotations

import re

from citecheck.notes.dates import find_dates
from citecheck.notes.locators import CUT, cut_spans
from citecheck.notes.names import is_personal_name, split_names

# "Bkz." (bakınız = see), "Ayrıca bkz.", "See also", "Cf.", "Krş." (karşılaştırınız), "Vgl.",
# "Kaynak:" (source)
_SEE = re.compile(
    r"^\s*(?:(?:ayrıca|ayrica|ayrıntılı bilgi için|daha fazla bilgi için)\s+)?"
    r"(?:bkz\.?|bakınız:?|see(?:\s+also)?|cf\.|krş\.|krs\.|vgl\.|siehe(?:\s+auch)?|"
    r"kaynak\s*:|source\s*:|quelle\s*:|zit\.\s+nach|zitiert\s+nach|quoted\s+in|cited\s+in|"
    r"aktaran|см\.|цит\.\s+по|(?:daha\s+fazla|ayrıntılı|detaylı)\s+bilgi\s+için|"
    r"for\s+(?:more\s+|further\s+)?(?:details|information)(?:,?\s*see)?)\s*:?\s*"
    # fillers after the cue: "Siehe hierzu ausführlich", "See, for example,", "bkz. özellikle"
    r"(?:(?:,\s*)?(?:hierzu|dazu|auch|ausführlich|etwa|z\.\s?B\.|insbesondere|grundlegend|"
    r"for\s+example|e\.\s?g\.|in\s+particular|especially|generally|further|özellikle|"
    r"örneğin|также|например|подробнее)\s*,?\s*)*",
    re.IGNORECASE,
)
# The same cues after some prose: "Bu konuda ayrıntılı bilgi için bkz. John Smith, …".
# Plain "see" is left out here: it is too common inside titles.
_SEE_INSIDE = re.compile(
    r"(?<!\w)(?:bkz\.|bakınız|see\s+also|see,?\s+e\.\s?g\.,?|cf\.|krş\.|vgl\.|siehe|см\.|"
    r"(?<=,\s)see|(?:made|argued|noted|discussed|shown|suggested|pointed\s+out|observed)\s+by)"
    r"\s*:?\s+",
    re.IGNORECASE,
)
# "…, 45; and de Waal, Black Garden, 12": the second work opens on a conjunction.
_CONJUNCTION = re.compile(
    r"^\s*(?:and|ve|und|sowie|as\s+well\s+as|also)\s+(?=[A-ZÇĞİÖŞÜ\"“„«]|(?:de|van|von|al-)\w*\s)"
)
# A cue this far into a note still introduces the citation; later it is part of a comment.
SEE_CUE_MAX_OFFSET = 120


def after_see_cue(text: str) -> str:
    """The citation after a "Bkz." / "See" cue at the start or after a short lead-in;
    a joining "and" / "ve" opening a later work of the note is dropped too."""
    text = _CONJUNCTION.sub("", text, count=1)
    m = _SEE.match(text)
    if m:
        return text[m.end() :]
    m = _SEE_INSIDE.search(text, 0, SEE_CUE_MAX_OFFSET)
    # a citation starts with a name, a title or a quote; "bakınız ilgili rapor…" is prose
    if m and m.end() < len(text) and not text[m.end()].islower():
        return text[m.end() :]
    return text


_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "press_release",
        re.compile(
            r"\b(?:press\s+release|news\s+release|basın\s+(?:bülteni|açıklaması|duyurusu)|"
            r"pressemitteilung)\b"
            # its number: "Press Release No. 412/23", "Basın Açıklaması No: 234", ", 2023/12"
            r"(?:\s*,?\s*(?:(?:no|nr|sayı)\.?\s*:?\s*[\w/-]*\d[\w/-]*|\d{2,4}/\d{1,4}(?!\d)))?",
            re.IGNORECASE,
        ),
    ),
    (
        # a numbered report: "Europe Report No. 187", "AVİM Rapor No. 12", "CRS Report R46919"
        "report",
        re.compile(
            r"(?:(?<=^)|(?<=[,.\x1f(]))\s*(?:[^\W\d_][\w.]*\s+){0,2}"
            r"(?:report|rapor|raporu|briefing|research\s+paper|working\s+paper|policy\s+brief)\s+"
            r"(?:(?:no\.?|nr\.?|sayı)\s*:?\s*[A-Z]{0,3}\d[\w./-]*|[A-Z]{1,3}\d[\w./-]*)",
            re.IGNORECASE,
        ),
    ),
    (
        # a series number of a think-tank page, not a journal issue: "Blog No.2025 / 33",
        # "Analiz No.2025 / 26", "Yorum No: 2023 / 5", "Commentary No : 2024 / 2"
        "series",
        re.compile(
            r"\b(?:blog|analiz|yorum|commentary|analysis|policy\s+brief|bülten)\s+no\s*[.:]?\s*"
            r"\d+(?:\s*/\s*\d+)?",
            re.IGNORECASE,
        ),
    ),
    (
        # "Report" / "Rapor" standing as a field of its own ("…, Carnegie, Report, 2025")
        "report",
        re.compile(
            r"(?:^|(?<=[,.\x1f]))\s*(?:report|rapor|policy\s+brief|working\s+paper|research\s+paper|"
            r"paper|brief|briefing|analiz|studie)\s*(?=$|[,.\x1f])",
            re.IGNORECASE,
        ),
    ),
    (
        "thesis",
        re.compile(
            r"\b(?:(?:(?:yayımlanmamış|yayınlanmamış|unpublished)\s+)?"
            r"(?:(?:yüksek\s+lisans|doktora)\s+tezi|(?:ph\.?\s?d\.?|doctoral|master'?s)\s+"
            r"(?:diss(?:ertation)?\.?|thesis)|dissertation))\b",
            re.IGNORECASE,
        ),
    ),
]


# A word every pattern of _KIND_WORDS needs (lower case), in the same order: a cheap
# test that spares the case-insensitive searches on most citations.
_KIND_STEMS = (
    ("release", "basın", "pressemitteilung"),
    ("report", "rapor", "briefing", "paper", "brief"),
    (" no",),
    ("report", "rapor", "paper", "brief", "analiz", "studie"),
    ("tez", "thesis", "diss"),
)


def take_kind_words(work: str) -> tuple[str | None, str]:
    """The kind a cue word names ("press_release", "report", "thesis"), cues taken out."""
    hint = None
    low = work.lower()
    for (kind, pattern), stems in zip(_KIND_WORDS, _KIND_STEMS, strict=True):
        if not any(stem in low for stem in stems):
            continue
        m = pattern.search(work)
        if m:
            hint = hint or (kind if kind != "series" else None)
            work = cut_spans(work, [m.span()])
    return hint, work


# Editors after the cue: "ed. Tanja A. Börzel and Thomas Risse", "edited by …", "der. …",
# Turkish "derleyen" (compiled by) and "yayına hazırlayan" (prepared by), German "hrsg. von",
# Russian "под ред." (под редакцией = edited by), "отв. ред." (editor in chief).
_EDITORS_AFTER = re.compile(
    r"(?<![\w.])(?P<cue>edited\s+by|eds?\.\s+by|yay\.\s?haz\.|eds?\.|der\.|haz\.|derleyen(?:ler)?|editör(?:ler)?|"
    r"yayına\s+hazırlayan|h(?:rs)?g\.(?:\s*(?:v\.|von))?|herausgegeben\s+von|"
    r"под\s+(?:общ(?:ей)?\.?\s+|науч(?:ной)?\.?\s+)?ред(?:акцией)?\.?|отв\.\s*ред\.|ред\.)"
    r"\s+(?P<names>[^,;()\x1f]+)",
    re.IGNORECASE,
)
# Contributors who are not authors: translators ("çev. Ali Veli", "trans. John Smith",
# "translated by …", "übers. v. …") and film directors ("dir. Steven Spielberg").
_TRANSLATORS = re.compile(
    r"(?<![\w.])(?:çev\.|cev\.|çeviren|trans\.|translated\s+by|übers\.(?:\s*(?:v\.|von))?|dir\.|"
    r"пер\.(?:\s+с\s+[а-я]+\.?)?|"
    r"directed\s+by)\s+(?P<names>[^,;()\x1f]+)",
    re.IGNORECASE,
)
# An edition ("2nd ed.", "3. bs.") is not an editor cue.
_EDITION_BEFORE = re.compile(r"\d+\s*(?:st|nd|rd|th|\.)?\s*$")
# An editor's name runs until a new sentence: ". " then a word of two or more letters.
_SENTENCE_END = re.compile(r"(?<![\s.][^\W\d_])\.\s+(?=[^\W\d_]{2})")


# The full stop closing a field after a name ("А.В. Сидорова."), not an initial's.
_CLOSING_STOP = re.compile(r"(?<=[^\W\d_]{2})\.\s*$")


# Words that introduce a publication date: "updated June 4, 2024", "yayın tarihi: …"
_DATE_CUE = re.compile(
    r"(?:\b(?:updated|last\s+updated|(?:last\s+)?modified|last\s+edited|published|posted|revised|"
    r"güncelleme|güncellendi|son\s+düzenleme|yayın\s+tarihi|tarih|stand|zuletzt\s+bearbeitet|"
    r"опубликовано|обновлено)\s*:?)$",
    re.IGNORECASE,
)
# "FAZ vom 12.3.2024", "Известия от 5 мая 2023", "12 Mart 2024 tarihli": the date of an issue
_DATE_LINK = re.compile(r"\s(?:vom|от|dated)(?=\s*$)", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“]*“")
# A quoted title closing on its own comma or full stop: ,” ." ,"
_QUOTE_CLOSERS = {p + q for p in ",." for q in '"”’»'}


def take_date(text: str) -> tuple[str | None, str]:
    """Publication date: the most specific date that is a field by itself.

    A year inside a title ("Vision 2030 and …") is left alone; "(2023)",
    ", 6 Kasım 2025," and ". 2025." are fields of their own.
    """
    chosen: tuple[str, int, int] | None = None
    cuts = []
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for iso, start, end in find_dates(text):
        if any(s < start < e for s, e in quoted):
            continue  # part of a quoted title: "No: 234, 15 Eylül 2024, … Hk."
        before = _DATE_CUE.sub("", text[:start].rstrip(" ")).rstrip(" ")
        after = text[end:].lstrip(" ")
        # after a field separator, or after a quoted title that closed on one ("…," 6 …)
        opened = not before or before[-1] in ",.;:(" + CUT or before[-2:] in _QUOTE_CLOSERS
        link = _DATE_LINK.search(text, 0, start)
        opened = opened or (link is not None and link.end() >= len(text[:start].rstrip()))
        if opened and (not after or after[0] in ",.;:)" + CUT):
            linked = link is not None and link.end() >= len(text[:start].rstrip())
            cuts.append((link.start() if linked and link else start, end))
            if chosen is None or len(iso) > len(chosen[0]):
                chosen = (iso, start, end)
    return (chosen[0] if chosen else None), cut_spans(text, cuts)


def take_editors(text: str) -> tuple[list[str], str]:
    """Editors named after a cue; the cue and names are taken out."""
    editors: list[str] = []
    for m in reversed(list(_EDITORS_AFTER.finditer(text))):
        if m["cue"].lower().startswith("ed") and _EDITION_BEFORE.search(text[: m.start()]):
            continue  # "2nd ed." is an edition
        names_text = m["names"]
        stop = _SENTENCE_END.search(names_text)
        end = m.start("names") + (stop.start() if stop else len(names_text))
        names, _ = split_names(_CLOSING_STOP.sub("", text[m.start("names") : end]))
        if not names or not all(is_personal_name(n) for n in names):
            continue  # "eds. The Oxford Handbook…": the cue closes a name list instead
        editors = names + editors
        text = text[: m.start()] + CUT + text[end:]
    return editors, text


def take_contributors(text: str) -> str:
    """Translators and directors with their names taken out (they are not authors)."""
    for m in reversed(list(_TRANSLATORS.finditer(text))):
        names_text = m["names"]
        stop = _SENTENCE_END.search(names_text)
        end = m.start("names") + (stop.start() if stop else len(names_text))
        names, _ = split_names(text[m.start("names") : end])
        if names and all(is_personal_name(n) for n in names):
            text = text[: m.start()] + CUT + text[end:]
    return text


# A conference paper's bracket "(paper presented at …, New York, 4 May 2023)": the meeting
# is not a publisher and its date is the work's date.
_PRESENTED = re.compile(
    r"\((?:(?:conference\s+)?paper\s+(?:presented|delivered|read)|bildiri|tebliğ|sunulan\s+bildiri|"
    r"vortrag|доклад)\b[^()]*\)"
    # unbracketed, closing a bibliography entry: ". Paper presented at …, May 4, 2023."
    r"|(?<=[.,\"”])\s*(?:conference\s+)?paper\s+(?:presented|delivered|read)\s+(?:at|to)\b[^()\x1f]*$",
    re.IGNORECASE,
)


# "No place" marks: German o.O. (ohne Ort), Latin s.l. (sine loco), Turkish y.y. (yer
# yok), Russian б.м. (без места)
_NO_PLACE = re.compile(r"(?<![\w.])(?:o\.\s?O\.|s\.\s?l\.|y\.\s?y\.|б\.\s?м\.)(?!\w)")


def _meeting_date(m: re.Match[str]) -> str:
    """A conference paper's bracket reduced to the date it was given (the work's date)."""
    dates = find_dates(m.group())
    return CUT + (m.group()[dates[-1][1] : dates[-1][2]] + CUT if dates else "")


def take_meeting(work: str) -> str:
    """A conference-paper bracket reduced to its date; "no place" marks (o.O.) taken out."""
    low = work.lower()
    if any(k in low for k in ("paper", "bildiri", "tebliğ", "vortrag", "доклад")):
        work = _PRESENTED.sub(_meeting_date, work)
    if any(k in low for k in ("o.", "s.", "y.", "б.")):
        work = _NO_PLACE.sub(CUT, work)
    return work
