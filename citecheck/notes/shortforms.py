"""Ibid forms and Chicago short forms: notes that point back to an earlier note.

Ibid forms (Turkish and Latin/English):

- ``A.g.e`` / ``A.g.e.`` / ``a.g.e.`` / ``age`` — adı geçen eser, "the work named"
- ``A.g.m.`` — adı geçen makale, "the article named"
- ``a.y.`` — aynı yer, "same place"; ``a.e.`` / ``Aynı eser`` — "same work"
- ``Ibid.`` / ``ibid`` / ``[Ibid]`` / ``Ibidem``; ``Id. at 5`` (legal style)
- ``op. cit.`` / ``loc. cit.``; German ``Ebd.`` / ``ebenda`` / ``a.a.O.``
- Russian ``Там же`` (ibid) and ``Указ. соч.`` (op. cit., after the author:
  ``Иванов И.И. Указ. соч. С. 50.``)

Any of them may carry a page (``A.g.e., s. 12``, ``Ibid., p. 30.``, ``(a.g.e., s.6)``)
and be preceded by an author (``Karataş, a.g.e., s. 88.``: that author's work
cited earlier, not necessarily the previous note).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.notes.locators import normalize_pages, take_pages
from citecheck.notes.names import is_corporate, is_personal_name

_IBID = re.compile(
    r"""^[\s(\[]*
    (?:(?P<author>[^,;()\[\]]{2,60}?)(?:,\s*|\s+(?=ука?з?\.)))?  # "Karataş, " / "Иванов И.И. "
    (?P<form>
        a\.\s?g\.\s?[emy]\b\.?                    # A.g.e / a.g.e. / A.g.m. / a.g.y.
      | agm\b\.?                                  # A.g.m. without dots
      | ayn[ıi]\s+(?:eser|yer|makale)\w*\.?       # Aynı eser / aynı yerde
      | a\.\s?[ey]\.                              # a.e. / a.y.
      | ibid(?:em)?\b\.?                          # Ibid. / ibid / Ibidem
      | (?:op|loc)\.\s?cit\b\.?                   # op. cit. / loc. cit.
      | ebd\.|ebenda\b\.?|a\.\s?a\.\s?o\.           # German: ebenda, am angegebenen Ort
      | id\.                                      # Id. (legal)
      | (?:там\s+же|tam\s+zhe)\b\.?                # Russian "there too": ibid
      | (?:указ|ук|ukaz)\.\s?(?:соч|soch)\.      # Russian op. cit. (указанное сочинение)
      | age\b\.?                                  # age: only whole or before a page
    )
    (?P<rest>.*)$""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
# "The same author" placeholders: German ders./dies. (derselbe/dieselbe), Latin idem/eadem,
# Turkish aynı yazar, Russian он же / она же.
_SAME_AUTHOR = re.compile(
    r"ders\.|dies\.|derselbe|dieselbe|idem|eadem|aynı\s+yazar|он\s+же|она\s+же", re.IGNORECASE
)
# Punctuation and brackets around an ibid and its locator.
_SOFT = " \t\r\n,.;:)]"
# "at 5" (Id. at 5), a bare "12" or "30-33" after the form.
_AT_PAGE = re.compile(r"^(?:at\s+)?(?P<pages>\d{1,5}(?:\s*[-–—]\s*\d{1,5})?)(?![\w])")
# Forms that are also ordinary words: need nothing, or only a locator, after them.
_STRICT_FORMS = {"age", "age.", "id."}


@dataclass
class IbidForm:
    author: str | None
    pages: str | None
    end: int  # where the ibid and its locator end in the text


def parse_ibid(text: str) -> IbidForm | None:
    """The ibid form ``text`` starts with, or None when it is not an ibid note."""
    m = _IBID.match(text)
    if m is None:
        return None
    author = m["author"].strip() if m["author"] else None
    if author and _SAME_AUTHOR.fullmatch(author):
        author = None  # "Dies., a.a.O.": the same author as before, not a name
    elif author and not (is_personal_name(author) or is_corporate(author)):
        return None
    rest = m["rest"]
    pages, after = _locator(rest)
    strict = m["form"].lower().replace(" ", "") in _STRICT_FORMS
    if strict and after.strip(_SOFT):
        return None  # "Age of Empires", "Id. est …": ordinary words
    if not strict and after.strip(_SOFT) and not _sentence_break(text, after):
        # "Ibid. The author…" is an ibid followed by a comment; "Ibidem Verlag" is not.
        return None
    end = len(text) - len(after.lstrip(_SOFT)) if after.strip(_SOFT) else len(text.rstrip())
    return IbidForm(author=author, pages=pages, end=end)


def _locator(rest: str) -> tuple[str | None, str]:
    """A page right after the ibid form, and the text after it."""
    head = rest.lstrip(" ,.:—–")  # GOST puts a dash before the page: "Там же. — С. 15."
    pages, remainder = take_pages(head, trailing=False)
    if pages is not None and remainder.startswith("\x1f"):
        return pages, remainder[1:]
    m = _AT_PAGE.match(head)
    if m:
        return normalize_pages(m["pages"]), head[m.end() :]
    return None, rest


def _sentence_break(text: str, after: str) -> bool:
    """The ibid closes its own sentence or clause before more text follows."""
    consumed = text[: len(text) - len(after)].rstrip()
    return consumed.endswith((".", ";", ")", "]")) or after.lstrip().startswith((".", ";"))


def is_ibid(text: str) -> bool:
    """Whether a note (or one citation of it) is an ibid form."""
    return parse_ibid(text) is not None
