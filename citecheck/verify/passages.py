"""A source text cut into passages a retriever can rank: sentences and short windows.

Each :class:`Passage` keeps its character offsets into the source text (the
evidence quote a verdict shows is ``text[start:end]`` of the source) and the
sentences it spans, so retrieval can embed sentences once and build window
vectors from them. Sentence boundaries come from
:func:`citecheck.notes.sentences.split_sentences` (tr, en, de, ru); windows of
``WINDOW`` consecutive sentences let a claim whose facts are spread over two
adjacent sentences ("Kazakhstan is the largest producer. It supplies a
quarter of US imports.") still match one passage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from citecheck.notes.sentences import split_sentences
from citecheck.verify.model import SourceMeta

__all__ = ["MAX_PASSAGES", "WINDOW", "Passage", "make_passages", "source_meta"]

# Two sentences: a fact and its pronoun-linked continuation. Three-sentence
# windows added ~40 % more passages and no hit on the retrieval set in
# tests/verify/test_retrieval.py.
WINDOW = 2
# A source of MAX_TEXT_CHARS (citecheck.web.extract) has ~3,000 sentences; the
# cap keeps a pathological text (one "sentence" per line of a table dump) from
# making retrieval quadratic. Sentences past it are dropped, windows first.
MAX_PASSAGES = 8000


class _Source(Protocol):
    text: str
    language: str | None


class _Extracted(_Source, Protocol):
    url: str
    title: str | None
    published: str | None
    problems: list[str]


@dataclass(frozen=True)
class Passage:
    """A sentence or window of sentences of a source text."""

    text: str
    start: int  # offsets into the source text
    end: int
    lang: str | None
    index: int  # position in the passage list
    first: int = 0  # index of the first sentence it spans (among the source's sentences)
    last: int = 0  # index of the last sentence it spans
    heading: bool = False  # a title or heading line: short, no final punctuation

    @property
    def is_window(self) -> bool:
        return self.last > self.first


def make_passages(source: _Source | tuple[str, str | None], window: int = WINDOW) -> list[Passage]:
    """Sentences of ``source`` (a SourceText or ``(text, lang)``) and windows over them.

    Order: sentence 0, window 0-1, sentence 1, window 1-2, ... A window never
    crosses a paragraph break (a blank line or a heading line between two
    sentences), since text across such a break rarely reads as one statement.
    """
    if isinstance(source, tuple):
        text, lang = source
    else:
        text, lang = source.text, source.language
    if not text:
        return []
    spans = split_sentences(text, lang)
    passages: list[Passage] = []
    for i, (start, end) in enumerate(spans):
        if len(passages) >= MAX_PASSAGES:
            break
        head = _heading(text, (start, end))
        passages.append(Passage(text[start:end], start, end, lang, len(passages), i, i, head))
        j = i + window - 1
        room = len(passages) < MAX_PASSAGES // 2
        if window >= 2 and j < len(spans) and room and not _breaks(text, spans, i, j):
            w_end = spans[j][1]
            passages.append(Passage(text[start:w_end], start, w_end, lang, len(passages), i, j))
    return passages


def _breaks(text: str, spans: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether a paragraph break lies between sentence i and sentence j."""
    return any("\n\n" in text[spans[k][1] : spans[k + 1][0]] for k in range(i, j)) or any(
        _heading(text, spans[k]) for k in range(i, j + 1)
    )


# A heading line: short, no final punctuation ("Introduction", "Kazakhstan").
_HEADING_MAX = 80


def _heading(text: str, span: tuple[int, int]) -> bool:
    s = text[span[0] : span[1]]
    return len(s) <= _HEADING_MAX and "\n" not in s and s[-1:] not in ".!?:;…\"”»)'"


def source_meta(source: _Extracted) -> SourceMeta:
    """What the judge needs of an extracted source (citecheck.web.extract.SourceText).

    A source without text is ``unavailable`` with its problems in plain words
    ("the PDF is password-protected"), so its claims get ``unverifiable``.
    """
    unavailable = None
    if not source.text:
        reasons = [p.split(": ", 1)[-1] for p in source.problems]
        unavailable = "; ".join(reasons) or "the source has no readable text"
    return SourceMeta(
        url=source.url,
        lang=source.language,
        published=source.published,
        title=source.title,
        unavailable=unavailable,
        aside=getattr(source, "aside", "") or "",
    )
