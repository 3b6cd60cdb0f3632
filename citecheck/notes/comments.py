"""Notes, and parts of notes, that cite nothing: editorial remarks and comments.

A footnote may be pure commentary ("Bu konu aşağıda ayrıca ele alınacaktır.",
"Emphasis added.", "The author thanks …"), may open with a comment before the
work it cites ("Bu görüş tartışmalıdır; farklı bir yaklaşım için bkz. Lewy, …"), or
may close with a remark about the quotation ("Ibid., p. 7, emphasis in original.",
"A.g.e., s. 12 (vurgu eklenmiştir)."). None of these is a cited work: the citation
parser drops them (citation.parse_note).
"""

from __future__ import annotations

import re

from citecheck.notes.names import PARTICLES

# Remarks on a quotation or on the note itself, in English, Turkish, German, Russian:
# "emphasis added", "vurgu bize ait" (the emphasis is ours), "vurgu eklenmiştir",
# "Hervorhebung im Original", "курсив мой" (italics mine), "yazarın notu" (author's note).
_REMARK = (
    r"(?:(?:the|all|my|our)\s+)?"
    r"(?:(?:all\s+)?(?:emphasis|italics?|underlining|bold)\s+(?:is\s+)?(?:added|mine|ours|"
    r"in\s+(?:the\s+)?original|removed|omitted)"
    r"|(?:translation|translations)\s+(?:is\s+)?(?:mine|ours|by\s+the\s+author)"
    r"|my\s+translation|author'?s\s+(?:note|translation)|note\s+by\s+the\s+author"
    r"|(?:vurgu(?:lar)?|italikler?|altı\s+çizili\s+kısımlar|çeviri|tercüme)\s+"
    r"(?:bize|bana|yazara|benim|bizim|bizden|orijinalde|asıldadır|aslındadır)"
    r"(?:\s+ait(?:tir)?)?"
    r"|(?:vurgu(?:lar)?|italikler?)\s+(?:eklenmiştir|eklendi|tarafımızca\s+eklenmiştir)"
    r"|yazarın\s+(?:notu|çevirisi|açıklaması)|yazar(?:ın)?\s+notu|editörün\s+notu|çevirenin\s+notu"
    r"|hervorhebung(?:en)?\s+(?:im\s+original|hinzugefügt|d(?:urch)?\.?\s*(?:d(?:en|\.)\s*)?"
    r"verf(?:asser|\.)?|von\s+mir)|eigene\s+übersetzung|übersetzung\s+(?:d\.\s*|des\s+)?verf\w*\.?"
    r"|anm(?:erkung)?\.?\s+d(?:es|\.)\s*verf\w*\.?"
    r"|(?:курсив|выделено|подчеркнуто|перевод)\s+(?:мой|наш|мною|мной|нами|автора|автором)"
    r"|примечание\s+автора)"
)
_REMARK_TAIL = re.compile(
    rf"(?:^|[\s,;:]+|(?<=[.)]))\s*[(\[]?\s*{_REMARK}\s*\.?\s*[)\]]?\s*[.;]?\s*$", re.IGNORECASE
)
# The first words of every remark above (lower case): a cheap test before the pattern.
_REMARK_STEMS = (
    "emphasis", "italic", "underlin", "bold", "translation", "author", "note by", "vurgu",
    "italik", "altı", "çeviri", "tercüme", "yazar", "editörün", "çevirenin", "hervorhebung",
    "eigene", "übersetzung", "anm", "курсив", "выделено", "подчеркнуто", "перевод", "примечание",
)  # fmt: skip
_REMARK_ONLY = re.compile(rf"\s*[(\[]?\s*{_REMARK}\s*\.?\s*[)\]]?\s*[.;]?\s*", re.IGNORECASE)

# Prose markers. Turkish finite verbs end a sentence on a copula or tense suffix
# ("-dır", "-mıştır", "-maktadır", "-acaktır", "-ebilir"); titles end on nouns.
_TR_FINITE = re.compile(
    r"(?:[dt][ıiuü]r|m[ıiuü]şt[ıiuü]r|m[ae]kt[ae]d[ıi]r|[ae]c[ae]kt[ıi]r|[ae]bil[ıi]r|"
    r"[ıiuü]l[ıiuü]r|yoruz|yorum|yor|m[ae]l[ıi]d[ıi]r|d[ıi]k|t[ıi]k|m[ıi]ş[ıi]z|"
    r"n[ıiuü]r|lmışt[ıi]r|eriz|arız|abiliriz|ebiliriz)$",
    re.IGNORECASE,
)
# Words that occur in sentences but hardly in titles or names (lower case forms).
# fmt: off
_PROSE_WORDS = {
    # English: auxiliaries, pronouns, sentence adverbs
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could",
    "should", "must", "may", "i", "we", "my", "our", "me", "us", "thanks", "thank",
    "also", "here", "below", "above", "however", "therefore", "not", "been", "this",
    # Turkish: demonstratives, adverbs, postpositions of prose
    "bu", "şu", "burada", "aşağıda", "yukarıda", "ayrıca", "ancak", "ise", "ki", "değil",
    "olarak", "göre", "daha", "yazar", "yazarın", "biz", "ben", "bizim", "benim", "teşekkür",
    # German
    "ist", "sind", "wird", "wurde", "werden", "hat", "haben", "ich", "wir", "hier", "unten",
    "oben", "nicht", "auch", "dies", "dieser", "diese", "siehe",
    # Russian
    "это", "здесь", "ниже", "выше", "автор", "см", "не", "также", "мы", "я",
}
# fmt: on
# A sentence of prose has at least this share of lower-case words (names and titles
# are capitalised); the shortest comments ("Bu görüş tartışmalıdır.") have 2 of 3.
PROSE_LOWER_SHARE = 0.5
# A lead-in comment is a sentence of at most this many characters before the citation.
LEAD_COMMENT_MAX = 200
# Without a Turkish finite verb to end it, a lead-in sentence needs this many words
# ("This view is contested." has 4) so that a short title is never taken for one.
LEAD_COMMENT_MIN_WORDS = 4
_SENTENCE_STOP = re.compile(r"[.!?]\s+(?=[^\W\d_])")


# A pointer to another note or page of the same text, not a work: "Bkz. yukarıdaki 3
# numaralı dipnot", "See note 12 above", "vgl. oben Anm. 4", "см. сноску 3".
_CROSS_REF = re.compile(
    r"^\W*(?:(?:bu\s+konuda\s+)?(?:ayrıca\s+)?(?:bkz\.?|bakınız|see(?:\s+also)?|cf\.|vgl\.|siehe|"
    r"s\.|см\.)\s*:?\s*)?"
    r"(?:(?:yukarıdaki|aşağıdaki|önceki|bir\s+önceki|above|below|supra|infra|oben|unten)\s+)?"
    r"(?:\d+\s*(?:numaralı|no'?lu|nolu)\s+)?"
    r"(?:dipnot|not|note|n\.|fn\.|anm\.|fußnote|сноск[ау]|примечание)\s*\d*"
    r"(?:\s*(?:ve|and|und|-|–)\s*\d+)?"
    r"(?:\s+(?:above|below|supra|infra|oben|unten|ve\s+devamı))?\W*$",
    re.IGNORECASE,
)


def is_cross_reference(text: str) -> bool:
    """ "Bkz. yukarıdaki 3 numaralı dipnot.", "See note 12 above.": cites no work."""
    return _CROSS_REF.match(text.strip()) is not None


def is_remark(text: str) -> bool:
    """The whole text is an editorial remark: "Emphasis added.", "(vurgu bize ait)"."""
    return _REMARK_ONLY.fullmatch(text) is not None


def strip_remark(text: str) -> str:
    """The text without a closing remark: "Ibid., p. 7, emphasis in original." -> "Ibid., p. 7"."""
    low = text.lower()
    if not any(stem in low for stem in _REMARK_STEMS):
        return text  # the common case: no remark word anywhere
    m = _REMARK_TAIL.search(text)
    if m is None or m.start() == 0:
        return text
    return text[: m.start()].rstrip(" ,;:")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text)


def is_prose(text: str) -> bool:
    """A sentence of running prose, not a name, title or list of bibliographic fields.

    Mostly lower-case words and a sign of a sentence: a Turkish finite verb at
    the end, or a word that sentences use and titles hardly do ("is", "we", "bu").
    """
    text = text.strip()
    if is_remark(text) or is_cross_reference(text):
        return True
    words = _words(text)
    if len(words) < 2:
        return False
    lower = sum(1 for w in words[1:] if w[0].islower()) + (1 if words[0][0].islower() else 0)
    if lower < PROSE_LOWER_SHARE * len(words):
        return False
    last = words[-1].lower()
    if _TR_FINITE.search(last) or any(w.lower() in _PROSE_WORDS for w in words):
        return True
    # a sentence going on after a ";" ("the original reads …"): citations open on a
    # capital, a quote or a particle ("van Dijk"), never on a lower-case word
    first = words[0]
    return first.islower() and len(first) >= 3 and first not in PARTICLES and text[0].isalpha()


_TRAILING_BRACKET = re.compile(r"\s*\((?P<inner>[^()]{8,})\)\s*\.?\s*$")


def trailing_comment_start(text: str) -> int:
    """Where a comment sentence closing a citation starts, else len(text).

    "Lewy, Armenian Massacres (…, 2005), 250. Lewy burada … tartışmaktadır." -> the
    offset of "Lewy burada". The sentence is prose with no digit, quote or link, and
    what comes before it carries facts (a year, a page or a link).
    """
    bracket = _TRAILING_BRACKET.search(text)
    inner = bracket["inner"] if bracket else ""
    inner_words = _words(inner)
    finite = bool(inner_words) and _TR_FINITE.search(inner_words[-1].lower()) is not None
    if finite and not re.search(r"\d|https?://|www\.", inner) and is_prose(inner):
        return bracket.start() if bracket else len(text)  # "…, 250 (Lewy burada … sürmektedir)."
    for m in _SENTENCE_STOP.finditer(text):
        tail = text[m.end() :]
        if re.search(r"\d|[\"“”„«»]|https?://|www\.", tail):
            continue
        words = _words(tail)
        finite = bool(words) and _TR_FINITE.search(words[-1].lower()) is not None
        sentence = len(words) >= LEAD_COMMENT_MIN_WORDS or finite
        facts_before = re.search(r"\d{4}|\d\s*\.?$|https?://", text[: m.start() + 1])
        if sentence and facts_before and is_prose(tail):
            return m.start() + 1
    return len(text)


def lead_comment_end(text: str) -> int:
    """Where a citation starts after an opening sentence of comment, else 0.

    "Bu görüş tartışmalıdır. Guenter Lewy, The Armenian Massacres …" -> the
    offset of "Guenter". The comment must be a whole sentence of prose.
    """
    for m in _SENTENCE_STOP.finditer(text, 0, LEAD_COMMENT_MAX):
        head = text[: m.start() + 1]
        if '"' in head or "“" in head or "„" in head:
            return 0
        words = _words(head)
        finite = bool(words) and _TR_FINITE.search(words[-1].lower()) is not None
        if is_prose(head) and (finite or len(words) >= LEAD_COMMENT_MIN_WORDS):
            return m.end()
    return 0


def may_cite(text: str) -> bool:
    """Prose that may still carry a work: a URL, a DOI, a year, a page, a quoted title."""
    if re.search(r"\d{4}|https?://|www\.|\b10\.\d{4}|\b(?:s|p|pp|S)\.\s*\d", text):
        return True
    # a quoted title, unless the quote is inside a sentence ("the original reads "millet"")
    return bool(re.search(r"[\"“”«»„]", text)) and not text.lstrip()[:1].islower()
