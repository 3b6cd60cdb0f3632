"""The model judge's conversation, pure: the prompt it sends and how an answer is read.

:func:`build_messages` writes the chat messages for one claim and its best passages;
:func:`parse_answer` reads a chat-completions response into a :class:`ModelAnswer`
(tolerating servers that ignore ``response_format``: prose around the JSON, a
```json fence); :func:`locate_quote` finds the model's quote in a passage,
whitespace-, case-, diacritic- and quote-style-insensitively, so a verdict only
counts when its quote is really in the source. No network, no clock.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "LABELS",
    "AnswerError",
    "ModelAnswer",
    "build_messages",
    "locate_quote",
    "parse_answer",
]

PROMPT_VERSION = 1  # part of the answer cache key: a changed prompt asks again
LABELS = ("supported", "partially_supported", "not_found", "contradicted", "unverifiable")
QUOTED_LABELS = frozenset({"supported", "partially_supported", "contradicted"})
# A quote shorter than this (after folding) proves nothing unless it is the whole
# passage: "40 %" occurs in many sentences; "45 percent" (10) is the shortest
# deciding phrase seen in the labelled set's notes.
QUOTE_MIN_CHARS = 10
MAX_CLAIM_CHARS = 2000  # a claim is a sentence or two; more is an extraction accident
MAX_PASSAGE_CHARS = 1500  # retrieval's windows are a few sentences; keeps the prompt small
MAX_RATIONALE_CHARS = 300  # shown in the report's reason line

SYSTEM_PROMPT = """\
You check citations. You get a CLAIM (a sentence an article attributes to a cited \
source) and numbered PASSAGES taken from that source. Decide what the source says \
about the claim. Claim and passages may be in different languages (Turkish, English, \
German, Russian): judge the meaning, not the words.

Split the claim into its key facts: quantities (within the approximation the claim \
or the source states: "yaklaşık %40" / "about 40 percent" covers 39.7 percent, \
"about a quarter" covers 27 percent), entities (who or what the fact is about), \
dates and places, and polarity (signed / not signed).

Labels:
- supported: the passages state every key fact of the claim. Translation and \
paraphrase are fine; words the claim puts in quotation marks must be in the passages \
(verbatim, or a faithful translation when the languages differ).
- partially_supported: some key facts are stated, the others are absent from the \
passages (not contradicted).
- not_found: the passages say nothing that supports the claim. This includes a right \
number said of a different entity (the passages give 40 percent for Kazakhstan, the \
claim gives it to Uzbekistan), a quotation that is not in the passages, and a claim \
about an event's outcome cited to a source written before the event.
- contradicted: the passages give a different value for the same quantity of the \
same entity (45 vs 40 percent, 5 vs 6 November, 49 vs 99 years), or state the \
opposite ("imzalanmadı", "nicht unterzeichnet", "не подписал", "has not been \
signed"). A claim with one contradicted fact is contradicted even if its other facts \
are supported.
- unverifiable: only when no passage is given.

Answer with one JSON object and nothing else:
{"label": "supported|partially_supported|not_found|contradicted|unverifiable", \
"quote": "...", "passage": N, "confidence": 0.0-1.0, "rationale": "..."}
"quote": for supported, partially_supported and contradicted, the shortest span that \
decides, copied character for character from passage N (do not translate it, do not \
join distant sentences). For not_found use "quote": "" and "passage": 0.
"rationale": one short sentence in English."""


class AnswerError(ValueError):
    """The model's answer cannot be read (no JSON, a label outside the vocabulary)."""


@dataclass(frozen=True)
class ModelAnswer:
    label: str
    quote: str
    passage: int  # 1-based as in the prompt; 0 when none was named
    confidence: float
    rationale: str


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_messages(
    claim: str,
    claim_lang: str | None,
    passages: Sequence[tuple[str, str | None]],
    *,
    title: str | None = None,
    published: str | None = None,
) -> list[dict[str, str]]:
    """System and user messages for one claim and its (text, language) passages."""
    lines = [f"CLAIM (language: {claim_lang or 'unknown'}):", _clip(claim, MAX_CLAIM_CHARS), ""]
    about = [f"title: {_clip(title, 200)}"] if title else []
    if published:
        about.append(f"published: {published}")
    if about:
        lines += ["SOURCE: " + "; ".join(about), ""]
    lines.append("PASSAGES:" if passages else "PASSAGES: none")
    for i, (text, lang) in enumerate(passages, 1):
        lines += [f"[{i}] (language: {lang or 'unknown'})", _clip(text, MAX_PASSAGE_CHARS), ""]
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": "\n".join(lines).rstrip()},
    ]


# --- reading the answer --------------------------------------------------------------

_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.S)
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.S)
_ALIASES = {
    "partial": "partially_supported",
    "partly_supported": "partially_supported",
    "partially": "partially_supported",
    "notfound": "not_found",
    "contradiction": "contradicted",
    "contradicts": "contradicted",
    "refuted": "contradicted",
    "supports": "supported",
}


def message_content(response: Any) -> str:
    """The assistant's text in a chat-completions response; AnswerError otherwise."""
    try:
        content = response["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError) as exc:
        raise AnswerError("the response has no choices[0].message.content") from exc
    if isinstance(content, list):  # content parts: [{"type": "text", "text": …}]
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
    if not isinstance(content, str) or not content.strip():
        raise AnswerError("the model's answer is empty")
    return content


def first_json_object(text: str) -> dict[str, Any] | None:
    """The first JSON object in ``text``: fenced blocks first, then any ``{``."""
    decoder = json.JSONDecoder()
    for chunk in [*_FENCE.findall(text), text]:
        for m in re.finditer(r"\{", chunk):
            try:
                obj, _end = decoder.raw_decode(chunk, m.start())
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                return obj
    return None


def _label(value: Any) -> str:
    if not isinstance(value, str):
        raise AnswerError(f"label {value!r} is not a string")
    key = re.sub(r"[\s\-]+", "_", value.strip().lower())
    key = _ALIASES.get(key, key)
    if key not in LABELS:
        raise AnswerError(f"label {value!r} is not one of {', '.join(LABELS)}")
    return key


def _passage(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int | float):
        return int(value)
    m = re.search(r"\d+", str(value or ""))
    return int(m.group()) if m else 0


def _confidence(value: Any) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):
        return 0.5  # unstated: neither sure nor unsure
    if not math.isfinite(x):
        return 0.5
    if x > 1 and x <= 100:  # a percentage
        x /= 100
    return min(max(x, 0.0), 1.0)


def parse_answer(response: Any) -> ModelAnswer:
    """The model's answer in a chat-completions response; AnswerError if unreadable."""
    # Reasoning models think aloud first; drafts in there are not the answer.
    content = _THINK.sub("", message_content(response))
    obj = first_json_object(content)
    if obj is None:
        raise AnswerError(f"no JSON object in the answer: {_clip(content, 120)!r}")
    quote = obj.get("quote") or ""
    if isinstance(quote, list):  # a few models give several quotes: the first decides
        quote = next((q for q in quote if isinstance(q, str) and q.strip()), "")
    return ModelAnswer(
        label=_label(obj.get("label")),
        quote=quote if isinstance(quote, str) else str(quote),
        passage=_passage(obj.get("passage")),
        confidence=_confidence(obj.get("confidence")),
        rationale=_clip(str(obj.get("rationale") or ""), MAX_RATIONALE_CHARS),
    )


# --- finding the quote -----------------------------------------------------------------

_QUOTE_MARKS = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´ʼ", "'"),
        **dict.fromkeys("“”„‟«»″‹›", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "ı": "i",  # Turkish dotless i: models and PDFs swap it with i
    }
)
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…|\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\))\s*")
_EDGE = " \t\n\"'«»“”„‘’.,;:…"


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` folded for comparison, and for each folded character its index in ``text``."""
    out: list[str] = []
    where: list[int] = []
    space = True  # leading whitespace is dropped
    for i, ch in enumerate(text):
        if ch.isspace() or ch == "\u00ad":
            if ch != "\u00ad" and not space:
                out.append(" ")
                where.append(i)
                space = True
            continue
        decomposed = unicodedata.normalize("NFKD", ch.translate(_QUOTE_MARKS))
        for part in decomposed:
            if unicodedata.combining(part):
                continue
            for low in part.casefold().translate(_QUOTE_MARKS):
                out.append(low)
                where.append(i)
        space = False
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def locate_quote(quote: str, passage: str) -> tuple[int, int] | None:
    """(start, end) of ``quote`` in ``passage``, or None when it is not there.

    Insensitive to whitespace, case, diacritics, quote and dash style; an ellipsis
    in the quote (``…``, ``...``, ``[…]``) may skip text, the pieces in order. A
    quote under QUOTE_MIN_CHARS folded characters counts only as the whole passage.
    """
    pieces = [p.strip(_EDGE) for p in _ELLIPSIS.split(quote.strip(_EDGE))]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    hay, where = _fold(passage)
    folded = [f for f in (_fold(p)[0] for p in pieces) if f]
    if not folded or not where:
        return None  # nothing left to find once folded ("\r"), or an empty passage
    if sum(len(f) for f in folded) < QUOTE_MIN_CHARS and " ".join(folded) != hay.strip(_EDGE):
        return None
    pos, first = 0, None
    for f in folded:
        at = hay.find(f, pos)
        if at < 0:
            return None
        first = at if first is None else first
        pos = at + len(f)
    assert first is not None
    return where[first], where[pos - 1] + 1
