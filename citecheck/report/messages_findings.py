"""Finding messages in English and Turkish, one list of templates per FindingCode.

Each English template is the exact sentence its producer writes today (the
producer is named above each group); the JSON report keeps the English, the
Turkish reports show the Turkish. A finding's values are read first from the
finding itself (``note``, ``entry`` + 1, ``details``: no parsing), and only
when those do not rebuild the message exactly, from the sentence (see
:mod:`citecheck.report.messages`). When a producer changes its wording, the
tests in tests/report/test_messages.py that run the producers fail.

Which findings are read which way (tests/report/test_messages.py checks some):

- structured, from the finding's fields: ingest problems (ingest/*.py, their
  note and fixed texts), ``missing_access_date`` (url in details), duplicate
  note numbers, a note without a marker, ``note_bib_mismatch``, and the
  comparisons of identify/compare.py whose values are in details (title,
  container, pages: the record's name comes from ``details["source"]``);
- parsed from the sentence, because a value is only there: damaged notes and
  entries (the excerpt), ibid and short-form findings, marker without note (the
  marker as printed), note-number gaps and order, how-to-cite (the phrases),
  DOI findings (the registry's reason), author and date mismatches (the
  missing names, the formatted date), retractions and corrections, DOI
  suggestions. Passing those values in ``details`` at the producer would make
  them structured with no change here.

Terms follow labels.py: dipnot, kaynakça (girdisi), künye, A.g.e. (adı geçen
eser, Turkish "ibid"), erişim tarihi (E.T.), atıf.
"""

from __future__ import annotations

from citecheck.codes import FindingCode as C
from citecheck.report.message_template import Template as T

__all__ = ["FINDING_TEMPLATES", "RECORD_NAMES", "RECORD_SOURCES"]

# identify/compare.py::_SOURCE_NAMES: where a cited field was compared. Turkish as
# labels.py "record.*", said in the nominative (the sentences put it after a colon).
RECORD_NAMES = (
    T("the DOI's record at doi.org", "DOI kaydı (doi.org)"),
    T("the Crossref record", "Crossref kaydı"),
    T("the DataCite record", "DataCite kaydı"),
    T("the web page", "web sayfası"),
)
_WHERE = {"where": RECORD_NAMES}
# details["source"] -> the English name the message gives it (identify/compare.py::_where),
# so a comparison finding's values come from its details, not from its sentence.
RECORD_SOURCES = {
    "doi.org": "the DOI's record at doi.org",
    "crossref": "the Crossref record",
    "datacite": "the DataCite record",
    "page": "the web page",
}

# notes/lint.py::_PROBLEM_WORDS: what is wrong with a damaged note or entry.
_PROBLEM_WORDS = {
    "words": (
        T(
            "an empty “[ ]” where characters were lost in export",
            "dışa aktarımda kaybolan karakterlerin yerinde boş bir “[ ]” var",
        ),
        T("no author", "yazar yok"),
        T("no title", "başlık yok"),
        T("no author, title or link could be read", "yazar, başlık ya da bağlantı okunamadı"),
    )
}

# notes/lint.py::_mismatches: the field a note and its entry disagree on.
_FIELDS = {
    "field": (
        T("date", "tarih"),
        T("year", "yıl"),
        T("title", "başlık"),
    )
}

# notes/ibid.py::_follow_previous: why an ibid points to nothing.
_IBID_WHY = {
    "why": (
        T(
            "it is the first note, so there is no earlier work it can refer to",
            "bu ilk dipnot; gönderme yapabileceği daha önceki bir eser yok",
        ),
        T(
            "note {previous:n} just before it cites no work, which breaks the ibid chain",
            "hemen önceki {previous} numaralı dipnot hiçbir esere atıf yapmıyor; "
            "bu da A.g.e. zincirini koparıyor",
        ),
        T(
            "note {previous:n} just before it could not be resolved either",
            "hemen önceki {previous} numaralı dipnot da çözümlenemedi",
        ),
    ),
}
_WORKS = {"works": (T("several works", "birkaç eser"),)}

# notes/ibid.py::_short_form_unresolved: placeholders for what a short form lacks.
_SHORT_FORM = {
    "who": (T("an unnamed author", "adı verilmemiş bir yazar"),),
    "title": (T("an untitled work", "başlıksız bir eser"),),
}

# notes/doclint.py::how_to_cite: what the block says and what the article says.
_HOW_TO_CITE = {
    "says": (
        T("gives the year {v}", "yılı {v} olarak veriyor"),
        T("gives the date {v}", "tarihi {v} olarak veriyor"),
        T("gives the number “{v}”", "numarayı “{v}” olarak veriyor"),
        T("gives the address {v}", "adresi {v} olarak veriyor"),
        T("gives the title “{v}”", "başlığı “{v}” olarak veriyor"),
        T("names the author “{v}”", "yazar olarak “{v}” adını veriyor"),
    ),
    "article": (
        T("the article is dated {v}", "makalenin tarihi {v}"),
        T("the article's number is “{v}”", "makalenin numarası “{v}”"),
        T("the article's address is {v}", "makalenin adresi {v}"),
        T("the article's title is “{v}”", "makalenin başlığı “{v}”"),
        T("the article is by “{v}”", "makalenin yazarı “{v}”"),
    ),
}

# identify/compare.py::compare_record (3. date): the record's date, maybe with its update.
_SHOWN_DATE = {"shown": (T("{date} (modified {modified})", "{date} (son değişiklik: {modified})"),)}
# identify/compare.py (2. authors): a record without authors.
_AUTHORS = {"authors": (T("none given", "belirtilmemiş"),)}


def _group(code: C, *templates: T) -> tuple[T, ...]:
    return tuple(T(t.en, t.tr, code.value, t.vocab) for t in templates)


# Resolving a notice's DOI (a retraction or correction notice cited as the work)
# is said the same under both findings.
_CITED_NOTICE = (
    T(
        "The DOI cited is itself a notice: {notice} of doi:{doi}; cite the work instead.",
        "Atıf yapılan DOI bir eserin değil, doi:{doi} için yayımlanmış bir bildirimin DOI'si "
        "({notice}); bunun yerine eserin kendisine atıf yapın.",
    ),
    T(
        "The DOI cited is itself a notice: {notice}; cite the work instead.",
        "Atıf yapılan DOI bir eserin değil, bir bildirimin DOI'si ({notice}); bunun yerine "
        "eserin kendisine atıf yapın.",
    ),
)


FINDING_TEMPLATES: dict[str, tuple[T, ...]] = {
    # notes/lint.py, notes/__init__.py
    C.MALFORMED_NOTE: _group(
        C.MALFORMED_NOTE,
        T(
            "Note {note:n} looks damaged or incomplete ({words:l}): “{excerpt}”.",
            "{note} numaralı dipnot eksik ya da bozuk görünüyor ({words}): “{excerpt}”.",
            vocab=_PROBLEM_WORDS,
        ),
        T(
            "Note {note:n} could not be read ({error}): “{excerpt}”.",
            "{note} numaralı dipnot okunamadı ({error}): “{excerpt}”.",
        ),
    ),
    C.MALFORMED_BIB_ENTRY: _group(
        C.MALFORMED_BIB_ENTRY,
        T(
            "Bibliography entry {entry:n} looks damaged or incomplete ({words:l}): “{excerpt}”.",
            "Kaynakçanın {entry}. girdisi eksik ya da bozuk görünüyor ({words}): “{excerpt}”.",
            vocab=_PROBLEM_WORDS,
        ),
        T(
            "Bibliography entry {entry:n} could not be read ({error}): “{excerpt}”.",
            "Kaynakçanın {entry}. girdisi okunamadı ({error}): “{excerpt}”.",
        ),
    ),
    C.BIB_ENTRY_UNCITED: _group(
        C.BIB_ENTRY_UNCITED,
        T(
            "Bibliography entry {entry:n} (“{name}”) is not cited in any note.",
            "Kaynakçanın {entry}. girdisine (“{name}”) hiçbir dipnotta atıf yapılmıyor.",
        ),
    ),
    C.MISSING_ACCESS_DATE: _group(
        C.MISSING_ACCESS_DATE,
        T(
            "Note {note:n} cites a web source ({url}) without the date it was accessed "
            "(E.T. / Erişim tarihi / Accessed).",
            "{note} numaralı dipnotta bir web kaynağına ({url}) erişim tarihi belirtilmeden "
            "atıf yapılmış (E.T. / Erişim tarihi / Accessed).",
        ),
    ),
    C.NOTE_NO_BIB_ENTRY: _group(
        C.NOTE_NO_BIB_ENTRY,
        T(
            "Note {note:n} cites {work}, which matches no entry of the bibliography.",
            "{note} numaralı dipnotta atıf yapılan eser ({work}) kaynakçadaki hiçbir girdiyle "
            "eşleşmiyor.",
        ),
    ),
    C.PAGE_OUTSIDE_RANGE: _group(
        C.PAGE_OUTSIDE_RANGE,
        # notes/lint.py::_pages
        T(
            "Note {note:n} cites page {pages}, but the bibliography gives the work's pages "
            "as {ranges} (entry {entry:n}).",
            "{note} numaralı dipnotta verilen sayfa ({pages}), kaynakçada eser için verilen "
            "sayfa aralığının ({ranges}; {entry}. girdi) dışında.",
        ),
        # identify/compare.py::page_findings
        T(
            "The note cites page {cited}, outside the work's pages {found} in {where:t}.",
            "Dipnotta verilen sayfa ({cited}), eserin sayfa aralığının ({found}) dışında "
            "(kaynak: {where}).",
            vocab=_WHERE,
        ),
    ),
    C.NOTE_BIB_MISMATCH: _group(
        C.NOTE_BIB_MISMATCH,
        T(
            "Note {note:n} and bibliography entry {entry:n} disagree on the {field:t}: "
            "the note has “{note_value}”, the bibliography has “{entry_value}”.",
            "{note} numaralı dipnot ile kaynakçanın {entry}. girdisinde {field} farklı: "
            "dipnotta “{note_value}”, kaynakçada “{entry_value}” yazıyor.",
            vocab=_FIELDS,
        ),
    ),
    # notes/ibid.py
    C.IBID_NO_ANTECEDENT: _group(
        C.IBID_NO_ANTECEDENT,
        T(
            "Note {note:n} says “{form}” (a work by {author} cited earlier), but no earlier "
            "note cites a work by {author}.",
            "{note} numaralı dipnotta “{form}” deniyor (daha önce atıf yapılmış, yazarı "
            "{author} olan bir esere gönderme), ancak önceki dipnotlarda yazarı {author} olan "
            "bir esere atıf yok.",
        ),
        T(
            "Note {note:n} is an ibid (“{form}”) but {why:t}.",
            "{note} numaralı dipnot bir A.g.e. atfı (“{form}”), ancak {why}.",
            vocab=_IBID_WHY,
        ),
    ),
    C.IBID_AMBIGUOUS: _group(
        C.IBID_AMBIGUOUS,
        T(
            "Note {note:n} is an ibid (“{form}”) but note {previous:n} before it cites "
            "several works ({works:t}), so it is unclear which one is meant.",
            "{note} numaralı dipnot bir A.g.e. atfı (“{form}”), ancak ondan önceki "
            "{previous} numaralı dipnot birden fazla esere atıf yapıyor ({works}); "
            "hangisinin kastedildiği belli değil.",
            vocab=_WORKS,
        ),
    ),
    C.SHORT_FORM_UNRESOLVED: _group(
        C.SHORT_FORM_UNRESOLVED,
        T(
            "Note {note:n} is a short form ({who:t}, {title:t}) but no earlier note gives "
            "the full reference of that work.",
            "{note} numaralı dipnot kısa atıf biçiminde ({who}, {title}), ancak önceki dipnotların "
            "hiçbiri bu eserin tam künyesini vermiyor.",
            vocab=_SHORT_FORM,
        ),
    ),
    # notes/doclint.py
    C.MARKER_WITHOUT_NOTE: _group(
        C.MARKER_WITHOUT_NOTE,
        T(
            "The text has a note marker {marker} (paragraph {paragraph:n}) but there is "
            "no note {note:n}.",
            "Metinde {marker} dipnot işareti var ({paragraph}. paragraf), ancak {note} "
            "numaralı bir dipnot yok.",
        ),
    ),
    C.NOTE_WITHOUT_MARKER: _group(
        C.NOTE_WITHOUT_MARKER,
        T(
            "The document has {count:n} notes but no note markers were found in the text.",
            "Belgede {count} dipnot var, ancak metinde hiçbir dipnot işareti bulunamadı.",
        ),
        T(
            "Note {note:n} is never referred to in the text (no marker [{note}]).",
            "{note} numaralı dipnota metinde hiç gönderme yapılmıyor ([{note}] işareti yok).",
        ),
    ),
    C.NOTE_NUMBERING: _group(
        C.NOTE_NUMBERING,
        T(
            "Note number {note:n} is used {count:n} times.",
            "{note} numarası {count} ayrı dipnotta kullanılmış.",
        ),
        T(
            "Note numbers skip {listed} ({missing_count:n} missing): the notes run "
            "{first:n}–{last:n}.",
            "Dipnot numaralarında atlama var: {listed} ({missing_count} numara eksik); "
            "dipnotlar {first}–{last} arasında.",
        ),
        T(
            "The notes are not in numerical order: {order}.",
            "Dipnotlar numara sırasında değil: {order}.",
        ),
    ),
    C.HOW_TO_CITE_MISMATCH: _group(
        C.HOW_TO_CITE_MISMATCH,
        T(
            "The “how to cite this” block {says:t}, but {article:t}.",
            "“Atıfta bulunmak için” bilgisi {says}, ancak {article}.",
            vocab=_HOW_TO_CITE,
        ),
    ),
    # ingest/*.py problem(): parts of the input that could not be read
    C.INGEST_PROBLEM: _group(
        C.INGEST_PROBLEM,
        T(
            "note {note:n} is defined twice; only the first definition is used",
            "{note} numaralı dipnot iki kez tanımlanmış; yalnızca ilk tanım kullanıldı",
        ),
        T(
            "the document has notes but no body text was found",
            "belgede dipnotlar var, ancak gövde metni bulunamadı",
        ),
        T(
            "the BibTeX file could not be parsed: {error}",
            "BibTeX dosyası çözümlenemedi: {error}",
        ),
        T(
            "BibTeX block at line {line:n} could not be read: a syntax error "
            "(unclosed brace or quote?)",
            "{line}. satırdaki BibTeX bloğu okunamadı: bir sözdizimi hatası "
            "(kapanmamış parantez ya da tırnak?)",
        ),
        T(
            "BibTeX block at line {line:n} could not be read: {error}",
            "{line}. satırdaki BibTeX bloğu okunamadı: {error}",
        ),
        T("the BibTeX file has no entries", "BibTeX dosyasında hiç girdi yok"),
        T(
            "{name} could not be read: its notes are missing",
            "{name} okunamadı: dipnotları eksik",
        ),
        T(
            "note {label} is referenced but missing from the notes part",
            "metinde {label} numaralı dipnota gönderme var, ancak dipnotlar bölümünde bu "
            "dipnot yok",
        ),
        T("no HTML could be parsed from the input", "girdide çözümlenebilir HTML bulunamadı"),
        T(
            "the page looks truncated (it ends without </body> or </html>)",
            "sayfa yarıda kesilmiş görünüyor (</body> ya da </html> olmadan bitiyor)",
        ),
        T("no article text was found on the page", "sayfada makale metni bulunamadı"),
    ),
    # notes/__init__.py
    C.ANALYSIS_PROBLEM: _group(
        C.ANALYSIS_PROBLEM,
        T(
            "The sentences the note markers support could not be found ({error}).",
            "Dipnot işaretlerinin dayanak olduğu cümleler bulunamadı ({error}).",
        ),
    ),
    # resolve.py::_identifier_findings ({reason}: web/doi.py, see messages_checks)
    C.DOI_NOT_REGISTERED: _group(
        C.DOI_NOT_REGISTERED,
        T("DOI {doi} is not registered: {reason:s}.", "DOI {doi} kayıtlı değil: {reason}."),
    ),
    C.DOI_UNRESOLVED: _group(
        C.DOI_UNRESOLVED,
        T("DOI {doi} could not be checked: {reason:s}.", "DOI {doi} denetlenemedi: {reason}."),
    ),
    # identify/compare.py::compare_record
    C.TITLE_MISMATCH: _group(
        C.TITLE_MISMATCH,
        T(
            "The title cited, “{cited}”, differs from {where:t}: “{found}”.",
            "Dipnottaki başlık (“{cited}”) kaynaktakiyle uyuşmuyor; {where}: “{found}”.",
            vocab=_WHERE,
        ),
    ),
    C.AUTHOR_MISMATCH: _group(
        C.AUTHOR_MISMATCH,
        T(
            "{missing} not among the authors in {where:t}: {authors:t}.",
            "{missing}, kaynaktaki yazarlar arasında yok; {where}: {authors}.",
            vocab={**_WHERE, **_AUTHORS},
        ),
    ),
    C.DATE_MISMATCH: _group(
        C.DATE_MISMATCH,
        T(
            "The note dates the work {cited}; {where:t} gives {shown:t}.",
            "Dipnotta eserin tarihi {cited}; {where}: {shown}.",
            vocab={**_WHERE, **_SHOWN_DATE},
        ),
    ),
    C.CONTAINER_MISMATCH: _group(
        C.CONTAINER_MISMATCH,
        T(
            "The note names “{cited}”; {where:t} gives “{found}”.",
            "Dipnotta “{cited}” adı geçiyor; {where}: “{found}”.",
            vocab=_WHERE,
        ),
    ),
    # identify/compare.py::update_findings
    C.WORK_RETRACTED: _group(
        C.WORK_RETRACTED,
        T("The work was retracted: {named}.", "Eser geri çekilmiş: {named}."),
        T("The work was withdrawn: {named}.", "Eser yayından kaldırılmış: {named}."),
        T(
            "An expression of concern is on record for this work: {named}.",
            "Bu eser için kayıtlı bir kaygı bildirimi (expression of concern) var: {named}.",
        ),
        *_CITED_NOTICE,
    ),
    C.WORK_CORRECTED: _group(
        C.WORK_CORRECTED,
        T("The work was corrected: {named}.", "Esere düzeltme yayımlanmış: {named}."),
        *_CITED_NOTICE,
    ),
    # resolve.py::_resolve_full
    C.DOI_SUGGESTION: _group(
        C.DOI_SUGGESTION,
        T(
            "This work may have DOI {doi} (Crossref: “{title}”, confidence {score}); "
            "check it before adding it.",
            "Bu eserin DOI'si {doi} olabilir (Crossref: “{title}”, güven {score}); eklemeden "
            "önce kontrol edin.",
        ),
    ),
    # Quote and temporal findings (verify stage): the same words as the claim's notes.
    C.QUOTE_NOT_FOUND: _group(
        C.QUOTE_NOT_FOUND,
        T("quotation not in the source: “{quote}”", "alıntı kaynakta yok: “{quote}”"),
    ),
    C.SOURCE_PREDATES_EVENT: _group(
        C.SOURCE_PREDATES_EVENT,
        T(
            "the claim reports the outcome of an event of {event}; the source was "
            "published {source}",
            "iddia {event} tarihli bir olayın sonucunu aktarıyor; kaynak ise {source} "
            "tarihinde yayımlanmış",
        ),
        T(
            "the claim refers to an event of {event}; the source was published {source}",
            "iddia {event} tarihli bir olaya değiniyor; kaynak ise {source} tarihinde yayımlanmış",
        ),
    ),
}
