"""Splitting citation text: one note into its works, one work into its fields.

Two separators matter. Between works in one note: ``;`` (never inside a URL,
quotes or brackets). Between fields of one work: commas in a Chicago note,
sentence full stops in a bibliography entry — but not the full stop of an
initial (``Kathleen J.``), of ``U.S.`` or of an abbreviation (``eds.``, ``no.``,
``Yay.``), and never inside quotes or brackets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citecheck.notes.identifiers import find_urls
from citecheck.notes.locators import CUT
from citecheck.notes.publication import known_place

# Opening -> closing brackets that protect separators inside them.
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
# Curly and guillemet quotes open and close differently; straight quotes toggle.
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“"}
_CLOSING_QUOTES = {*_QUOTE_PAIRS.values(), '"'}
# Every character _top_level has to look at; the rest of the text is skipped.
_SPECIAL = re.compile(r"[()\[\]{}\"“”«»„,.;?!\x1f]")
# Abbreviations whose full stop does not end a field (lower case, without the dot).
# Editor cues (ed., eds., der., haz.) are not here: followed by names they were
# taken out before splitting, so a remaining one closes an author field ("…, eds.");
# the same holds for "vd." / "et al." and "dir." closing a name list.
# fmt: off
_ABBREVIATIONS = {
    "no", "vol", "trans", "pp", "p", "s", "ss", "vb", "çev", "cev", "yay", "c", "st",
    "dr", "prof", "doç", "doc", "inc", "ltd", "co", "jr", "sr", "vs", "bkz", "op", "cit",
    "hrsg", "bd", "jg", "nr", "mr", "mrs", "ms", "gen", "col", "lt", "rev", "yrd", "univ",
    "dept", "cf", "krş", "krs", "vgl", "ca", "fig", "ch", "chap", "sec", "art", "para",
    "repr", "rpt", "orig", "comp", "ibid",
}
# fmt: on
# "U.S", "a.g.e", "J.-P": dotted initials; their last dot does not end a field.
_DOTTED = re.compile(r"^(?:[^\W\d_]{1,2}\.)+-?[^\W\d_]{1,2}$")
_LAST_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]$")
# A bibliography entry opening on an inverted name that ends on an initial.
_INVERTED_NAME = re.compile(r"[^,.;:()\"“]{1,40}, (?:[^\W\d_][^\s,;]*\s+){0,3}[^\W\d_]\.")
# Ends in an initial: "Smith, J.", "Kathleen J."
_INITIAL_END = re.compile(r"(?:^|[\s.,])[^\W\d_]\.$")
# Longest word _field_break looks back over (abbreviations and initials are short).
MAX_TOKEN_LOOKBACK = 24
# An ordinal in a title has at most this many digits ("20. Yüzyıl"); a year has four.
MAX_ORDINAL_DIGITS = 3
_EDITION_WORD = re.compile(r"\s+(?:baskı|bs\.|basım|auflage|aufl\.|изд)", re.IGNORECASE)
# Parts of a note shorter than this are not taken as a separate work ("; 45").
MIN_WORK_CHARS = 8


def _quote_closer(text: str) -> dict[str, str]:
    """Quote pairs that are balanced in ``text``; unbalanced ones (export damage) are ignored."""
    pairs = {o: c for o, c in _QUOTE_PAIRS.items() if text.count(o) == text.count(c)}
    if text.count('"') % 2 == 0:
        pairs['"'] = '"'
    return pairs


def _top_level(
    text: str, is_sep: Callable[[str, int], bool], *, after_quote: bool = False
) -> list[tuple[int, int]]:
    """Spans of ``text`` between separators found outside brackets and quotes.

    ``after_quote``: Chicago puts the comma or full stop that ends a quoted
    title inside the quotes (``"C5+1 Summit," The Diplomat``), so a closing
    quote right after one of them ends the field too.
    """
    quotes = _quote_closer(text)
    stack: list[str] = []
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SPECIAL.finditer(text):  # only brackets, quotes and separators matter
        i, ch = m.start(), m.group()
        if stack and ch == stack[-1]:
            stack.pop()
            if after_quote and not stack and ch in _CLOSING_QUOTES and text[i - 1] in ",.":
                spans.append((start, i + 1))
                start = i + 1
        elif ch in _BRACKETS:
            stack.append(_BRACKETS[ch])
        elif ch in quotes:
            stack.append(quotes[ch])
        elif ch in ")]}" and not stack:
            continue  # a stray closer (damage): ignore
        elif not stack and is_sep(text, i):
            spans.append((start, i))
            start = i + 1
        if len(stack) > 8:  # pathological nesting: stop protecting
            stack.clear()
    spans.append((start, len(text)))
    return spans


def split_citations(text: str) -> list[tuple[int, int]]:
    """Spans of the works a note cites, split at top-level ``;``.

    A part too short or without any field separator stays with the previous
    work ("s. 12; 45" is one locator list, not two works).
    """
    urls = [(s, e) for _, s, e in find_urls(text)]

    def at_semicolon(t: str, i: int) -> bool:
        return t[i] == ";" and not any(s <= i < e for s, e in urls)

    spans: list[tuple[int, int]] = []
    for start, end in _sentence_cues(text, _top_level(text, at_semicolon)):
        s, e = _strip_span(text, start, end)
        if s >= e:
            continue
        part = text[s:e]
        short = len(part) < MIN_WORK_CHARS or not re.search(r"[,.:]|\s\S+\s", part)
        if spans and (short or _continues(part)):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans or ([_strip_span(text, 0, len(text))] if text.strip() else [])


# A part after ";" that goes on with the same work: a second place ("New York; London:
# Routledge"), a reprint or first-publication note ("2002; first published 1961").
_CONTINUATION = re.compile(
    r"(?:repr(?:int(?:ed)?)?\.?|first\s+published|originally\s+published|orig\.|ilk\s+bas|"
    r"\d+\.\s*(?:bs|baskı)|nachdr|erstausgabe|переизд)",
    re.IGNORECASE,
)


# A sentence opening on a see-cue starts another work: "Ibid. See also de Waal, …",
# "A.g.e. Ayrıca bkz. Çiçek, …", "Ebd. Vgl. auch …".
_CUE_SENTENCE = re.compile(
    r"(?<=[.)])\s+(?=(?:See(?:\s+also)?|Ayrıca\s+bkz|Bkz|Bakınız|Vgl|Cf|Krş|Siehe|См)\b\.?)"
)


def _sentence_cues(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` split again where a sentence opens on a see-cue."""
    out = []
    for start, end in spans:
        for m in _CUE_SENTENCE.finditer(text, start, end):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, end))
    return out


def _continues(part: str) -> bool:
    if _CONTINUATION.match(part):
        return True
    m = re.match(r"([^\W\d_][\w'’. -]{0,30}?)\s*:\s", part)
    return m is not None and known_place(m.group(1))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _field_break(text: str, i: int, commas: bool) -> bool:
    ch = text[i]
    if ch == CUT or (commas and ch == ","):
        return True
    if ch in "?!":
        return i + 1 < len(text) and text[i + 1].isspace()
    if ch != "." or (i + 1 < len(text) and not text[i + 1].isspace()):
        return False
    # the word before the stop; a bounded look-back keeps long inputs linear
    before = text[max(0, i - MAX_TOKEN_LOOKBACK) : i]
    words = before.split()
    token = words[-1].lstrip('(*_"“') if words and not before[-1].isspace() else ""
    if len(token) == 1 and token.isalpha() and not commas and _ends_inverted_name(text, i):
        return True  # "Cornell, Svante E. Azerbaijan Since …": the initial closes the name
    if (len(token) == 1 and token.isalpha()) or _DOTTED.match(token):
        return False  # an initial ("J.") or dotted abbreviation ("U.S.")
    if token.isdigit() and text[i + 2 : i + 3].islower():
        return False  # a Turkish/German ordinal: "45. bs." (baskı), "2. Auflage"
    ordinal = token.isdigit() and len(token) <= MAX_ORDINAL_DIGITS
    if ordinal and len(words) >= 2 and words[-2][-1].isalpha():
        return False  # an ordinal inside a title: "Kısa 20. Yüzyıl", "Der 2. Weltkrieg"
    if ordinal and _EDITION_WORD.match(text, i + 1):
        return False  # an edition: "2. Baskı", "3. Auflage", "2. изд."
    return token.lower() not in _ABBREVIATIONS


def _ends_inverted_name(text: str, i: int) -> bool:
    """Whether ``text[: i + 1]`` is exactly one inverted name ending on an initial and no
    other name follows ("Kaya, M. ve Yılmaz, A." goes on)."""
    if not _INVERTED_NAME.fullmatch(text[: i + 1].strip()):
        return False
    following = text[i + 1 : i + 6].split()
    if following and re.fullmatch(r"[^\W\d_]\.,?", following[0]):
        return False  # another initial: "Demir, A. F."
    return not following or following[0].lower() not in {"and", "ve", "&", "und", "et"}


def split_fields(text: str, *, commas: bool) -> list[str]:
    """Field texts of one work, stripped, empty ones dropped.

    ``commas`` is True for notes (Chicago note style), False for bibliography
    entries, where commas sit inside fields ("Hancock, Kathleen J., and …").
    A ``?`` or ``!`` ending a title stays with it.
    """
    fields = []
    for start, end in _top_level(text, lambda t, i: _field_break(t, i, commas), after_quote=True):
        piece = text[start:end]
        if end < len(text) and (
            text[end] in "?!" or (text[end] == "." and _LAST_INITIAL.search(piece))
        ):
            piece += text[end]  # "What Now?" keeps its mark, "Cornell, Svante E." its dot
        piece = clean_field(piece)
        if piece:
            fields.append(piece)
    return fields


def clean_field(text: str) -> str:
    """Whitespace collapsed, stray separators and empty brackets removed."""
    text = text.replace(CUT, " ")
    text = re.sub(r"\([\s,;:.]*\)|\[[\s,;:.]*\]|<\s*>", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    if text.endswith(".") and not _INITIAL_END.search(text):
        text = text.rstrip(". ")  # a field's full stop, but "Smith, J." keeps its initial
    return text.lstrip(".")


def unquote_title(text: str) -> tuple[str, bool]:
    """A field without its surrounding quotes, and whether it was quoted."""
    t = text.strip()
    for opener, closer in (*_QUOTE_PAIRS.items(), ('"', '"'), ("‘", "’"), ("'", "'")):
        if len(t) >= 2 and t.startswith(opener) and t.endswith(closer):
            return t[1:-1].strip(" ,.;:"), True
        # "C5+1 Summit," with the comma inside the quotes
        if len(t) >= 3 and t.startswith(opener) and t[:-1].endswith(closer):
            return t[1:-2].strip(" ,.;:"), True
    return t, False


def unitalic(text: str) -> tuple[str, bool]:
    """A field without Markdown emphasis (``*Book*``, ``_Book_``), and whether it had it."""
    t = text.strip()
    m = re.fullmatch(r"(\*{1,2}|_{1,2})(.+?)\1[.,;:]?", t, re.DOTALL)
    if m:
        return m.group(2).strip(), True
    return t.replace("*", "").strip(), False
