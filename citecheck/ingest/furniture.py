"""Page furniture: the lines around an article that are not its text.

AVİM pages (and their text exports) carry a header (``Blog No: 33``,
``Yorum No : 2023 / 5``, ``Commentary No : 2024 / 2``, a date, ``4 dk okuma``),
share/PDF buttons, ``Yazar hakkında :`` (about the author), ``Atıfta bulunmak
için:`` (how to cite), and a footer with the address, phone, e-mail, social
accounts and ``© 2009-2025 Avrasya İncelemeleri Merkezi (AVİM)``. Each pattern
below names one of them; :func:`classify` says which one a block is.
"""

from __future__ import annotations

import re

from citecheck.notes.dates import fold

# Publication-number header: "Blog No: 33", "Yorum No : 2023 / 5", "Commentary No : 2024 / 2".
# The section word also gives the kind of article.
KIND_WORDS: dict[str, str] = {
    "blog": "blog",
    "yorum": "commentary",
    "commentary": "commentary",
    "analiz": "analysis",
    "analysis": "analysis",
    "rapor": "report",
    "report": "report",
    "dergi": "journal",
    "journal": "journal",
    "bulten": "bulletin",
    "bulletin": "bulletin",
    "makale": "article",
    "article": "article",
}
NUMBER_LINE = re.compile(
    r"^\s*(?P<word>blog|yorum|commentary|analiz|analysis|rapor|report|b[uü]lten|bulletin)"
    r"\s*(?:no|nr|number|sayı|sayi)\s*[.:]?\s*(?P<num>\d{4}\s*/\s*\d{1,4}|\d{1,5})\b",
    re.IGNORECASE,
)
# A date on a line of its own: "16.12.2025", "16/12/2025", "16 Aralık 2025", "December 16, 2025".
DATE_LINE = re.compile(
    r"^\s*(?:(?:tarih|date)\s*:\s*)?"
    r"(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{1,2}\.?\s+[^\W\d_]{3,9}\.?\s+\d{4}|"
    r"[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$",
    re.IGNORECASE,
)
READ_TIME = re.compile(
    r"^\s*\d{1,3}\s*(?:dk|dakika|dakikalık)\.?\s*okuma|^\s*\d{1,3}\s*min(?:ute)?s?\.?\s*read",
    re.IGNORECASE,
)
# "Yazar : X", "Tarih : 2024", "Dil : Türkçe", "Author :", "Date :", "Language :", "Type :".
KEY_VALUE = re.compile(
    r"^\s*(?P<key>yazar|tarih|dil|tür|tur|author|authors|date|language|type|kategori|category)"
    r"\s*:\s*(?P<value>.{0,120})$",
    re.IGNORECASE,
)
# "Paylaş :" / "PDF İndir :" alone, or followed by the button labels of a text export.
SHARE = re.compile(
    r"^\s*(?:payla[sş]|share|pdf\s*[iİ]ndir|download\s*pdf|yazd[ıi]r|print|e-?posta\s*ile\s*g[öo]nder)"
    r"\s*(?::.{0,120})?$",
    re.IGNORECASE,
)
ABOUT = re.compile(r"^\s*(?:yazar\s+hakk[ıi]nda|about\s+the\s+author)\s*:?\s*", re.IGNORECASE)
HOW_TO_CITE = re.compile(
    r"^\s*(?:\*\*)?(?:at[ıi]fta\s+bulunmak\s+i[çc]in|to\s+cite\s+this\s+(?:article|commentary|"
    r"analysis|blog|report|page)|cite\s+this\s+(?:article|page)|how\s+to\s+cite(?:\s+this)?"
    r"(?:\s+article)?|bu\s+(?:makaleye|yaz[ıi]ya)\s+at[ıi]f\s+i[çc]in|kaynak\s+g[öo]sterimi)"
    r"\s*:?\s*(?:\*\*)?\s*:?\s*",
    re.IGNORECASE,
)
# "(*) Ankara Sosyal Bilimler Üniversitesi, ..." or "* Dr., ..." - the author's affiliation.
AFFILIATION = re.compile(r"^\s*(?:\(\\?\*{1,3}\)|\\?\*{1,3})\s*[^\W\d_]")
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|(?:\*\s*){3,}|—{2,}|={3,})\s*$")
FOOTER_PATTERNS = [
    re.compile(r"©|\(c\)\s*\d{4}|t[üu]m\s+haklar[ıi]\s+sakl|all\s+rights\s+reserved", re.I),
    re.compile(r"^\s*(?:\*\*)?\s*(?:tel|telefon|phone|fax|faks|e-?posta|e-?mail|gsm)\b", re.I),
    re.compile(r"^\s*@\w{2,}\s*$"),  # a social handle on its own
    re.compile(r"^\s*<?https?://[^\s>]+>?\s*$"),  # a bare URL (social or home page link)
    re.compile(r"^\s*[\w.+-]+@[\w-]+\.[\w.]+\s*$"),  # an e-mail address alone
    # A postal address: a five-digit postcode and a city in capitals ("06550 Çankaya-ANKARA").
    re.compile(r"\b\d{5}\b.{0,40}\b[A-ZÇĞİÖŞÜ]{4,}\b"),
    re.compile(r"^\s*(?:sok|sokak|cad|caddesi|mah|mahallesi)\b.{0,80}\bno\s*:", re.I),
]
# Furniture lines that stand between the title and the body.
_DASH = re.compile(r"^\s*[-–—•|]\s*$")

SECTION_HEADINGS: dict[str, str] = {
    # Bibliography headings, Turkish / English / German / Russian.
    "kaynakca": "bibliography",
    "kaynaklar": "bibliography",
    "kaynakcalar": "bibliography",
    "bibliyografya": "bibliography",
    "yararlanilan kaynaklar": "bibliography",
    "bibliography": "bibliography",
    "references": "bibliography",
    "works cited": "bibliography",
    "sources": "bibliography",
    "literature": "bibliography",
    "literatur": "bibliography",
    "literaturverzeichnis": "bibliography",
    "quellen": "bibliography",
    "список литературы": "bibliography",
    "литература": "bibliography",
    # Notes headings.
    "notlar": "notes",
    "dipnotlar": "notes",
    "sonnotlar": "notes",
    "son notlar": "notes",
    "notes": "notes",
    "footnotes": "notes",
    "endnotes": "notes",
    "anmerkungen": "notes",
    "fussnoten": "notes",
    "fußnoten": "notes",
    "примечания": "notes",
}
_HEADING_DECOR = re.compile(r"^[#\s*_]+|[\s*_:]+$")


def section_heading(text: str) -> str | None:
    """ "bibliography" / "notes" when the block is such a section heading, else None."""
    if len(text) > 40:
        return None
    key = fold(_HEADING_DECOR.sub("", text)).strip()
    return SECTION_HEADINGS.get(key)


def is_footer(text: str) -> bool:
    return any(p.search(text) for p in FOOTER_PATTERNS)


def classify(text: str) -> str | None:
    """The kind of furniture a block is, or None when it may be article text.

    Kinds: "number", "date", "read_time", "key_value", "share", "about", "cite",
    "affiliation", "rule", "dash", "footer".
    """
    if len(text) > 600:  # furniture lines are short; an article paragraph is not furniture
        return "cite" if HOW_TO_CITE.match(text) else None
    if RULE.match(text):
        return "rule"
    if _DASH.match(text):
        return "dash"
    if HOW_TO_CITE.match(text):
        return "cite"
    if ABOUT.match(text):
        return "about"
    if NUMBER_LINE.match(text) and len(text) < 80:
        return "number"
    if DATE_LINE.match(text):
        return "date"
    if READ_TIME.match(text):
        return "read_time"
    if SHARE.match(text):
        return "share"
    if KEY_VALUE.match(text) and len(text) < 140:
        return "key_value"
    if AFFILIATION.match(text) and len(text) < 300:
        return "affiliation"
    if len(text) < 200 and is_footer(text):
        return "footer"
    return None


def number_and_kind(text: str) -> tuple[str, str] | None:
    """("2023 / 5", "commentary") from a "Yorum No : 2023 / 5" line."""
    m = NUMBER_LINE.search(text)
    if not m:
        return None
    number = re.sub(r"\s*/\s*", " / ", m["num"])
    return number, KIND_WORDS.get(fold(m["word"]), fold(m["word"]))
