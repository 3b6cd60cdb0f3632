"""Russian GOST 7.0.5 references: the area separators, rewritten for the cascade.

A GOST reference separates its areas with marks the Chicago cascade does not know:

- ``//`` before the containing work (journal, collection, site): ``Заглавие //
  Вопросы экономики. 2020. Т. 18, № 6. С. 122–135.``
- ``/`` before the statement of responsibility: ``История Кавказа / под ред.
  А.В. Сидорова``, ``Заглавие / И.И. Иванов, П.П. Петров``
- ``. —`` (full stop, dash) between areas: ``Армянский вопрос. — М.: Наука, 2015. — 312 с.``

prepare() turns ``//`` into an ``in:`` container cue (roles.py reads it) and the
other separators into field boundaries (locators.CUT). The names after ``/`` are
kept only when they are editors (``под ред.``, taken by cues.take_editors); a plain
statement of responsibility repeats the authors and is dropped.
"""

from __future__ import annotations

import re

from citecheck.notes.locators import CUT

# " // " (spaces optional in damaged copies, never inside a URL: "https://…")
_IN = re.compile(r"(?<![:/])\s*//\s*(?!/)")
# ". — ", " – " between areas (an em or en dash with spaces around it)
_AREA = re.compile(r"\.?\s+[—–]\s+")
# " / " before the responsibility statement, up to the next area or full stop + capital
_RESPONSIBILITY = re.compile(
    r"\s/\s+(?P<who>[^/\x1f]*?)(?=(?<![\s./][^\W\d_])\.\s+[^\W\d_]|\x1f|$|\s//)"
)
_EDITOR_CUE = re.compile(
    r"(?:под\s+(?:общ(?:ей)?\.?\s+|науч(?:ной)?\.?\s+)?ред|отв\.\s*ред|ред\.|"
    r"сост\.|пер\.|ed\.|eds\.|hrsg\.)",
    re.IGNORECASE,
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A GOST place and publisher: "М.: Наука", "СПб.: Алетейя", "Москва: Наука"
_PLACE_PUBLISHER = re.compile(r"(?:^|[.\s\x1f])(?:М|СПб|Л|К|Мн|M|SPb)\.\s?:\s")


def looks_gost(text: str) -> bool:
    """GOST marks: "//" outside a URL, ". — " areas, or a Cyrillic reference with a
    "М.:" place or a "С." page."""
    if _IN.search(_without_urls(text)):
        return True
    if re.search(r"\.\s+[—–]\s+", text):
        return True
    return bool(
        _CYRILLIC.search(text)
        and (_PLACE_PUBLISHER.search(text) or re.search(r"(?<!\w)[СC]\.\s?\d", text))
    )


def _without_urls(text: str) -> str:
    return re.sub(r"\w+://\S+", " ", text)


def prepare(text: str) -> str:
    """The text with GOST area separators turned into cues and field boundaries."""
    text = _AREA.sub(CUT, text)
    text = _RESPONSIBILITY.sub(_responsibility, text)
    parts = re.split(r"(\w+://\S+)", text)  # leave URLs alone
    return "".join(p if i % 2 else _IN.sub(CUT + "in: ", p) for i, p in enumerate(parts))


def _responsibility(m: re.Match[str]) -> str:
    who = m["who"]
    if _EDITOR_CUE.match(who.strip()):
        return CUT + who  # "под ред. А.В. Сидорова": cues.take_editors reads it
    return CUT
