"""Ordinals that number an event or a thing: "ikinci ziyaret", "the first such
agreement", "первым визитом" (issue 5).

A claim that makes a visit the second and a source that calls it the first say
different things, but the rules read neither as a figure: an ordinal is a word,
and "ilk" or "first" alone also means "for the first time" or "at first". An
ordinal is read here only with the word it numbers, within a couple of words
after it ("ikinci ziyaret", "the first such agreement"), so that the two texts
can be seen to number the same thing. Places in a ranking ("second-largest",
"ikinci sırada") are ranking.py's. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.verify.terms import Terms

__all__ = ["Ordinal", "numbered", "ordinals"]

# The ordinals up to five in the four languages, Russian and German with their
# endings. Higher ones are rare in this domain and often written in digits
# ("12. Zirvesi"), which the quantities read.
_ADJ = r"(?:ый|ого|ому|ым|ом|ая|ой|ую|ое|ые|ых|ыми)"
_WORDS = {
    1: rf"ilk|birinci|first|erste[nmrs]?|перв{_ADJ}",
    # (with its endings spelt out: "вторник" is Tuesday, "первоначально" originally)
    2: rf"ikinci|second|zweite[nmrs]?|втор{_ADJ}",
    3: r"üçüncü|third|dritte[nmrs]?|трет(?:ий|ьего|ьему|ьим|ьем|ья|ьей|ью|ье|ьи|ьих)",
    4: rf"dördüncü|fourth|vierte[nmrs]?|четв[её]рт{_ADJ}",
    5: rf"beşinci|fifth|fünfte[nmrs]?|пят{_ADJ}",
}
_ORDINAL = re.compile(
    "|".join(rf"(?P<o{n}>\b(?:{words})\b)" for n, words in _WORDS.items()), re.IGNORECASE
)
# A place in a ranking or a part of a period is numbered by its next word too,
# but is no event's number: "ikinci büyük", "second-largest", "the first half".
_NOT_NUMBERING = re.compile(
    r"[\s-]*(?:largest|biggest|busiest|büyük|en\s|half|quarter|yarı|çeyrek|"
    r"größte|крупнейш|place|sıra|platz|мест)",
    re.IGNORECASE,
)
# How far after the ordinal the word it numbers may start ("the first such
# agreement", "ilk kez" is not numbered: "kez" is no content word)
NUMBERED_REACH = 6


@dataclass(frozen=True)
class Ordinal:
    value: int
    start: int
    end: int


def ordinals(text: str) -> list[Ordinal]:
    """The ordinals of ``text`` that may number something (not a rank, not a half)."""
    out = []
    for m in _ORDINAL.finditer(text):
        if _NOT_NUMBERING.match(text, m.end()):
            continue
        value = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        out.append(Ordinal(value, m.start(), m.end()))
    return out


def numbered(o: Ordinal, terms: Terms) -> set[str]:
    """The word an ordinal numbers, as its concept and stem ids (empty if none)."""
    for s, _e, stem, concept in terms.items:
        if o.end <= s <= o.end + NUMBERED_REACH:
            return {f"stem:{stem}", *([f"concept:{concept}"] if concept else [])}
    return set()
