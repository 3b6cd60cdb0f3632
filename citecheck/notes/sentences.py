"""Sentence segmentation for article bodies and source passages (tr, en, de, ru).

:func:`split_sentences` returns ``(start, end)`` character spans, whitespace
trimmed, that together cover every non-blank character of the text;
:func:`split_passages` adds short overlapping windows of consecutive sentences
for retrieval (issue 5). Pure functions: no I/O, no state between calls.

A sentence boundary is found by a short cascade, one regex pass per step:

1. Line structure. A blank line ends a sentence unless the next line starts
   in lower case (a page break cutting a sentence, as in text exports). A
   single line break ends one too, unless the text is hard-wrapped (PDF copies,
   e-mails: most lines fill a fixed width), where only a short line (a heading,
   a paragraph's last line) ends a sentence. A line ending in ``,``, ``;`` or
   a hyphenated word never does.
2. Terminal punctuation ``. ! ? …`` (then closing quotes/brackets and an
   optional footnote marker ``.[1]``, ``.(2)``, ``.¹``) followed by whitespace
   and a sentence start: a capital (any script: İ Ç Ş Ö Ü Ğ, Ä, Cyrillic), an
   opening quote, or a digit (or ``%``, ``$``) after a plain word. A ``.`` is
   rejected when the token before it is an abbreviation (lists below), an initial
   (``J.``, ``В.В.``), a dotted acronym (``U.S.``, ``T.C.``, ``z.B.``), or an
   ordinal (``6.``, ``16.``, ``II.``) in languages that write ordinals that way.
3. Lost space (``sağlamaktadır.Bu``): only between a lower-case word of three
   or more letters and a capitalised word, and never inside a URL, e-mail
   address or dotted name.
4. A hard length cap so a page with no punctuation (a table dump) still yields
   passages a retriever can rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise

__all__ = ["MAX_SENTENCE_CHARS", "split_passages", "split_sentences", "unwrapped"]

# A real sentence longer than this is rare: the longest in the seed article
# and source texts run 220-380 characters, and even long legal or academic
# sentences seldom pass 1,000. Beyond it the "sentence" is a list or table dump;
# cutting it keeps passages rankable. Cuts prefer "; " then ", " then any space
# in the last half of the window.
MAX_SENTENCE_CHARS = 1000

# Hard-wrap detection (step 1): a text is hard-wrapped when at least
# WRAP_MIN_LINES lines are followed by another non-blank line, their typical
# width (90th percentile) is at most WRAP_MAX_WIDTH, and WRAP_FULL_SHARE of them
# reach WRAP_FULL_RATIO of that width. Chosen on PDF-to-text copies (80-110
# columns, most lines full) against extracted web text (one paragraph per line,
# widths all over the place). In a wrapped text a line shorter than
# WRAP_SHORT_RATIO of the width ends a paragraph or is a heading.
WRAP_MIN_LINES = 3
WRAP_MAX_WIDTH = 130
WRAP_FULL_RATIO = 0.7
WRAP_FULL_SHARE = 0.6
WRAP_SHORT_RATIO = 0.6

# --- abbreviations (compared without the final period) -----------------------

# Case-insensitive: compared lower-cased. Single letters (initials, s., p., c.,
# г., д.) and dotted acronyms (U.S., z.B., т.е., a.g.e.) are caught by rule,
# so they need not be listed; some are listed anyway for clarity.
# fmt: off
_ABBREV_TR = {
    "vb",    # ve benzeri, "and similar"
    "vs",    # vesaire, "etc." (English "versus" elsewhere)
    "dr", "prof", "doç", "doc",
    "yrd", "öğr", "gör", "arş",  # Yrd. Doç., Dr. Öğr. Üyesi, Arş. Gör.
    "ss",    # sayfalar, pages
    "yy",    # yüzyıl, century (16. yy.)
    "bkz",   # bakınız, "see"
    "örn",   # örneğin, "e.g."
    "vd",    # ve diğerleri, "et al."
    "der",   # derleyen, editor
    "çev",   # çeviren, translator
    "haz",   # hazırlayan, prepared by
    "yay",   # yayınları, publisher
    "sok", "cad", "mah", "bulv",  # sokak, cadde, mahalle, bulvar (addresses)
    "ltd", "şti",  # Ltd. Şti. = limited şirketi
    "krş",   # karşılaştırınız, "cf."
    "sn",    # sayın, "Mr./Ms."
    "org", "korg", "tümg", "tuğg", "alb",  # military ranks: Orgeneral, Korgeneral, ...
    "md",    # madde, article of a law
    "bs",    # baskı, edition
    "thk",   # tahkik eden, critical edition
    "müh",   # mühendis
    "a.g.e", # adı geçen eser, Turkish "ibid"
    "a.g.m", # adı geçen makale
    "e.t",   # erişim tarihi, access date
    "t.c",   # Türkiye Cumhuriyeti
    "a.ş",   # anonim şirketi, joint-stock company
}
_ABBREV_EN = {
    "mr", "mrs", "ms", "messrs", "dr", "prof", "jr", "sr",
    "inc", "corp", "ltd", "llc",
    "vol", "vols", "pp", "ed", "eds", "trans", "repr", "ch", "chap", "fig", "figs",
    "dept", "univ", "approx", "cf", "al", "ibid", "cit",  # et al., op. cit.
    "vs",  # versus
    "e.g", "i.e", "u.s", "u.k", "u.n", "n.d",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ave", "blvd",
}
_ABBREV_DE = {
    "bzw", "ca", "usw", "etc", "vgl", "hrsg",  # beziehungsweise, circa, ..., Herausgeber
    "ggf", "evtl", "inkl", "zzgl", "bzgl", "bspw", "sog",
    "mio", "mrd", "tsd", "jh", "jhd", "abs", "ff", "str",  # Jahrhundert, Absatz, Straße
    "geb", "gest", "dt", "engl", "frz", "ehem", "allg", "zit",
    "okt", "dez", "febr",
    "rd", "lt", "gem", "zw", "insb", "tel", "dipl",  # rund, laut, gemäß, zwischen, ...
    "z.b", "d.h", "u.a", "u.ä", "o.ä", "v.a", "z.t",
}
_ABBREV_RU = {
    "т.е", "т.д", "т.п", "т.к", "т.н", "т.ч",  # то есть, так далее, тому подобное ...
    "гг",  # годы
    "млн", "млрд", "трлн", "тыс", "руб", "долл", "коп",
    "ул", "пр", "обл",  # улица, проспект, область
    "см", "напр", "др", "стр", "рис", "табл", "гл", "ст",
    "проф", "акад", "доц", "ред", "изд", "сост", "пер", "вып",
    "англ", "нем", "рус",
    "ок",  # около, "about"
    "янв", "фев", "февр", "апр", "авг", "сент", "окт", "нояб", "дек",  # months
    "корп", "кн", "прим",
}
# Case-sensitive: the lower-case forms are ordinary words ("no.", "co.", "art.").
_ABBREV_CS = {
    "No", "Nos", "Nr", "Co", "St", "Mt", "Ft",
    "Gen", "Gov", "Sen", "Rep", "Rev", "Hon", "Capt", "Col", "Lt", "Sgt",
    "Pres", "Amb", "Adm", "Maj", "Brig", "Cmdr",
    "Hr", "Fr",  # Herr, Frau
    "Art", "Bd",  # Artikel, Band
    "Hz",  # Hazreti
}
# Before a number these are locators whatever their case: "no. 2", "s. 12".
_BEFORE_NUMBER = {
    "no", "nos", "nr", "vol", "p", "pp", "s", "ss", "bd", "art", "sec", "ch",
    "fig", "tab", "abs", "ст", "с", "т",
    "c",     # cilt, volume
    "sayı",  # issue
}
# fmt: on
_ABBREV_CI = _ABBREV_TR | _ABBREV_EN | _ABBREV_DE | _ABBREV_RU

# Abbreviations that often end a sentence: followed by a capital, they do.
# Turkish "vs." is "vesaire" (final) but English "vs." is "versus" (never).
_FINAL_CAPABLE = {"etc", "usw", "u.s.w", "vb", "т.д", "т.п", "др"}
_FINAL_CAPABLE_TR = {"vs"}

# Languages that write ordinals as "6." / "II." (Turkish 16. yüzyıl, German
# 6. November, Russian rarely): there a small number before ". Capital" is an
# ordinal. English and Russian write "6th" / "6-й", so there it ends a sentence.
_NO_DOT_ORDINALS = {"en", "ru"}
_MAX_ORDINAL_DIGITS = 3

# Whitespace other than a line feed, as the regex class [^\S\n] sees it.
_HSPACE = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch != "\n")
# Signs that open a sentence like a digit does: "%40'ı ...", "$25 billion ...".
_NUMBER_SIGNS = "%$€£₺₽"
_QUOTE_OPENERS = "\"'“„«‘‚‹"
_CONTINUATION_END = ",;(/&+"  # and a hyphen glued to a word: "öncelik-"

# Possessive quantifiers and atomic groups (Python 3.11) keep every regex here
# linear: no backtracking into runs of dots, quotes or spaces.
# Each regex starts with a plain character class so the engine can skip ahead fast.
_END_RE = re.compile(
    r"(?P<punct>[.!?…](?<![.!?…]{2})[.!?…]*+)"  # a whole run of terminal punctuation
    r"(?P<tail>(?>[\"'”’»“)\]›]*"  # closing quotes / brackets
    r"(?:\s?\[\^?\d{1,3}\]|\(\d{1,3}\)|[¹²³⁰⁴-⁹]++)*"  # footnote marker .[1] .(2) .¹
    r"[\"'”’»“)\]›]*))"
    r"(?P<ws>\s++)"
    r"(?=(?P<open>[\"'“„«‘‚‹(\[*_]*)(?P<first>\S))"  # "*" "_": Markdown emphasis
)
# Lost space: "sağlamaktadır.Bu". Both words checked further in Python.
_GLUED_RE = re.compile(r"[.!?](?<=[^\W\d_]{3}[.!?])(?=(?P<next>[^\W\d_]{2}))")
_WORD_TAIL_RE = re.compile(r"[^\W\d_]+\Z")
_LINE_BREAK_RE = re.compile(r"\n(?>[^\S\n]*+\n)*+[^\S\n]*+")
_TOKEN_TAIL_RE = re.compile(r"\S*\Z")
_GLUE_BLOCKER_RE = re.compile(r"[\w.@/:\\-]")
_NONSPACE_RUN_RE = re.compile(r"\S{0,100}")  # enough to see a URL or dotted name
_MULTI_DOT_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_ROMAN_RE = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")
_YEAR_BEFORE_RE = re.compile(r"\d{4}(?:\s*[-–]\s*\d{2,4})?\s*\Z")
_LINE_INDENT_RE = re.compile(r"[^\S\n]*\Z")
_NON_SPACE_RE = re.compile(r"\S")
_LOCATOR_BEFORE_RE = re.compile(r"(?<!\S)(\w{1,4})\.\s+\Z")
_TRAILING_MARKER_RE = re.compile(r"(?:\[\^?\w{1,4}\]|\(\d{1,3}\))+\Z")
_TOKEN_WINDOW = 48  # chars looked back for the token before a period


def _norm_lang(lang: str | None) -> str | None:
    if not lang:
        return None
    return lang.strip().lower()[:2] or None


def split_sentences(
    text: str, lang: str | None = None, *, breaks: Iterable[int] = ()
) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``.

    Spans are ordered, non-overlapping, whitespace-trimmed and cover every
    non-whitespace character. ``lang`` ("tr", "en", "de", "ru"; None when
    unknown) only changes ambiguous cases: dotted ordinals and Turkish "vs.".
    ``breaks`` are positions known from elsewhere to end a sentence (claims
    pass where a footnote marker stood after a full stop: ``the U.S.[2] The``).
    """
    if not text or text.isspace():
        return []
    lg = _norm_lang(lang)
    cuts: set[int] = {b for b in breaks if 0 < b < len(text)}
    if "\n" in text:
        _line_cuts(text, cuts)
    for m in _END_RE.finditer(text):
        if _is_boundary(text, m, lg):
            cuts.add(m.start("ws"))
    if "." in text or "!" in text or "?" in text:
        for m in _GLUED_RE.finditer(text):
            if _is_glued_boundary(text, m):
                cuts.add(m.end())
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in sorted(cuts):
        _add_trimmed(text, prev, cut, spans)
        prev = cut
    _add_trimmed(text, prev, len(text), spans)
    return spans


def split_passages(text: str, lang: str | None = None, window: int = 2) -> list[tuple[int, int]]:
    """Sentences plus windows of ``window`` consecutive sentences, in text order.

    For each sentence i the list holds sentence i, then the window starting at
    i (when ``window`` >= 2 and enough sentences follow). Windows let a
    retriever match a claim whose facts are spread over adjacent sentences.
    """
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    sentences = split_sentences(text, lang)
    passages: list[tuple[int, int]] = []
    for i, span in enumerate(sentences):
        passages.append(span)
        j = i + window - 1
        if window >= 2 and j < len(sentences):
            passages.append((span[0], sentences[j][1]))
    return passages


# --- step 1: line structure --------------------------------------------------


# A line break after a letter, a digit, a comma or "%" wraps a line of a PDF or
# a hard-wrapped text. A passage cut out of such a text is too short for step 1
# to see the line width, so a wrapped line starting with a capital (every German
# noun) would end a sentence ("… den vollständigen" / "Übergang …"). A break
# after a sentence's end stays a break.
_WRAP = re.compile(r"(?<=[\w,%])[ \t]*\n(?=[ \t]*\S)")


def unwrapped(text: str) -> str:
    """``text`` with its wrapping line breaks made spaces: the same length, so
    the spans split_sentences gives for it are offsets into ``text``."""
    return _WRAP.sub(lambda m: m.group().replace("\n", " "), text)


def _wrap_width(text: str) -> int:
    """Typical line width when the text is hard-wrapped, else 0."""
    lines = text.split("\n")
    inner = [len(line.rstrip()) for line, nxt in pairwise(lines) if line.strip() and nxt.strip()]
    if len(inner) < WRAP_MIN_LINES:
        return 0
    width = sorted(inner)[-(-9 * (len(inner) - 1) // 10)]  # 90th percentile, rounded up
    if width > WRAP_MAX_WIDTH or width == 0:
        return 0
    full = sum(1 for n in inner if n >= WRAP_FULL_RATIO * width)
    return width if full >= WRAP_FULL_SHARE * len(inner) else 0


def _line_cuts(text: str, cuts: set[int]) -> None:
    width = _wrap_width(text)
    for m in _LINE_BREAK_RE.finditer(text):
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _HSPACE:  # trailing blanks of the line
            start -= 1
        if start == 0 or end >= len(text):
            continue
        nxt = text[end]
        if nxt.islower():
            continue  # page break or wrap inside a sentence
        prev = text[start - 1]
        if prev in _CONTINUATION_END or (prev in "-–" and start >= 2 and text[start - 2].isalpha()):
            continue
        if m.group().count("\n") >= 2:
            cuts.add(start)
            continue
        if width:
            line_start = text.rfind("\n", 0, start) + 1
            if start - line_start >= WRAP_SHORT_RATIO * width:
                continue  # a full wrapped line: the sentence goes on
        cuts.add(start)


# --- step 2: terminal punctuation --------------------------------------------


def _is_boundary(text: str, m: re.Match[str], lang: str | None) -> bool:
    punct = m.group("punct")
    start = m.start()
    if start > 0 and text[start - 1] in "[(" and punct[0] in ".…":
        return False  # editorial ellipsis "[…]", "(...)"
    first = m.group("first")
    opens_quote = any(ch in _QUOTE_OPENERS for ch in m.group("open"))
    starts = (
        first.isupper()
        or first.istitle()
        or first.isdigit()
        or first in _NUMBER_SIGNS
        or (opens_quote and first.isalnum())
    )
    if not starts:
        return False
    if punct != ".":
        return True  # "!", "?", "…", "..." end a sentence before a capital or number
    return _period_ends_sentence(text, start, first, lang)


def _period_ends_sentence(text: str, dot: int, first: str, lang: str | None) -> bool:
    """Whether the single "." at ``dot`` ends a sentence (the next one starts with ``first``)."""
    tm = _TOKEN_TAIL_RE.search(text, max(0, dot - _TOKEN_WINDOW), dot)
    tok_start = tm.start() if tm else dot
    tok = text[tok_start:dot].lstrip(_QUOTE_OPENERS + "([")
    if not tok:
        return True  # detached " ."
    if "://" in tok or tok.startswith("www.") or "@" in tok:
        return True  # the dot after a URL or e-mail address is the sentence's
    if tok[-1] in "])":
        stripped = _TRAILING_MARKER_RE.sub("", tok)
        if stripped == tok or not stripped or not stripped[-1].isalpha():
            return True  # "(bkz. Ek 1). Bu": a closed parenthesis ends nothing special
        tok = stripped  # "word[1]. Next" in a source that kept its markers
    if not tok[-1].isalnum():
        return True  # "%.", "”."
    low = tok.lower()
    if (first.isdigit() or first in _NUMBER_SIGNS) and low in _BEFORE_NUMBER:
        return False  # "no. 2", "s. 12", "pp. 415"
    if low in _FINAL_CAPABLE or (lang == "tr" and low in _FINAL_CAPABLE_TR):
        return True
    if low in ("г", "гг"):
        # "2025 г. В …": год after a year ends sentences; "г. Москва" (город) does not
        return bool(_YEAR_BEFORE_RE.search(text, max(0, tok_start - 16), tok_start))
    if tok.isdigit() or (len(tok) >= 2 and _ROMAN_RE.fullmatch(tok)):
        if len(tok) > _MAX_ORDINAL_DIGITS and tok.isdigit():
            return True  # a year: "in 2025. The"
        if _locator_before(text, tok_start):
            return True  # "Nr. 5. Dr. Müller": a number after a locator is a cardinal
        if _at_line_start(text, tok_start):
            return False  # numbered heading or list item "1. Giriş"
        return lang in _NO_DOT_ORDINALS  # "6. November", "II. Dünya Savaşı"
    if len(tok) == 1:
        return False  # initial "J.", locator "s.", "p."
    if tok in _ABBREV_CS or low in _ABBREV_CI:
        return False
    return not _MULTI_DOT_RE.fullmatch(tok)  # "U.S.", "z.B.", "В.В.", "A.Ş."


def _locator_before(text: str, tok_start: int) -> bool:
    """Whether the word before the token at ``tok_start`` is a locator like "Nr." or "s."."""
    m = _LOCATOR_BEFORE_RE.search(text, max(0, tok_start - 12), tok_start)
    return bool(m and m.group(1).lower() in _BEFORE_NUMBER)


def _at_line_start(text: str, pos: int) -> bool:
    m = _LINE_INDENT_RE.search(text, max(0, pos - _TOKEN_WINDOW), pos)
    return bool(m and (m.start() == 0 or text[m.start() - 1] == "\n"))


# --- step 3: lost space -------------------------------------------------------


def _is_glued_boundary(text: str, m: re.Match[str]) -> bool:
    nxt, dot = m.group("next"), m.start()
    if not (nxt[0].isupper() and nxt[1].islower()):
        return False
    wm = _WORD_TAIL_RE.search(text, max(0, dot - _TOKEN_WINDOW), dot)
    if wm is None or (wm.start() > 0 and _GLUE_BLOCKER_RE.match(text, wm.start() - 1)):
        return False  # mid-token ("x.com"), after "@", "/" or a digit, or too long to tell
    word = wm.group()
    if not word.islower() or word in _ABBREV_CI:
        return False
    run = _NONSPACE_RUN_RE.match(text, wm.start()).group()
    # a URL, e-mail, path or dotted name ("avim.org.Tr") is not two sentences
    return run.count(".") <= 1 and not any(ch in run for ch in "/@\\:_=")


# --- step 4: trimming and the length cap --------------------------------------


def _add_trimmed(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> None:
    seg = text[a:b]
    stripped = seg.strip()
    if not stripped:
        return
    start = a + (len(seg) - len(seg.lstrip()))
    end = start + len(stripped)
    while end - start > MAX_SENTENCE_CHARS:
        cut = _cap_cut(text, start, start + MAX_SENTENCE_CHARS)
        _add_trimmed(text, start, cut, spans)
        start = _NON_SPACE_RE.search(text, cut, end).start()  # type: ignore[union-attr]
    spans.append((start, end))


def _cap_cut(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence: after "; ", ", " or a space in the last half."""
    half = start + MAX_SENTENCE_CHARS // 2
    for sep in ("; ", ", ", " "):
        i = text.rfind(sep, half, limit)
        if i != -1:
            return i + len(sep.rstrip()) if sep != " " else i
    return limit
