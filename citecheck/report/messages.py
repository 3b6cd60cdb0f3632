"""The message catalogue: every sentence a report shows, in the report's language.

The stages write their messages in English (the JSON report keeps them so: the
``message``, ``reason`` and ``problem`` fields are the contract); the Turkish
Markdown and HTML reports show them through this module. Two sources:

- :data:`~citecheck.report.messages_findings.FINDING_TEMPLATES`: finding
  messages, keyed by FindingCode;
- :data:`~citecheck.report.messages_checks.TEXT_TEMPLATES`: texts without a
  code (link reasons, why a source has no text, registry errors, verdict
  reasons and notes, failed steps), keyed by their exact English.

How a finding's values are found, in order:

1. structured: the finding's own ``note``, ``entry`` (1-based, as printed) and
   ``details`` fill a template of its code whose English then equals the
   message exactly — no parsing (which findings: messages_findings.py);
2. parsed: the message matched against the templates of its code (most fixed
   text first), the values read back from the sentence — for the producers
   that keep a value only in the sentence (an excerpt, a formatted date);
3. the free texts, then the English as it is. Nothing here ever raises: a
   message the catalogue does not know is shown unchanged.

Both return a :class:`Message`: the text and the language it is in (``en``
when it fell back), so the HTML can mark English text ``lang="en"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from citecheck.report.labels import report_language
from citecheck.report.message_template import Template, translate_list
from citecheck.report.messages_checks import TEXT_TEMPLATES
from citecheck.report.messages_findings import FINDING_TEMPLATES, RECORD_SOURCES

__all__ = [
    "FINDING_TEMPLATES",
    "TEXT_TEMPLATES",
    "Message",
    "Reading",
    "finding_message",
    "read_finding",
    "text_message",
    "translate",
]

# Several texts joined into one ("paywall; truncated"), as web/sources.py does.
_JOIN = "; "
# Longer texts are shown as written: no producer writes one (excerpts and URLs
# are cut short), and matching the catalogue's patterns against a page-sized
# string would cost time for nothing.
MAX_MESSAGE = 2000


class Message(NamedTuple):
    text: str
    lang: str  # the language ``text`` is in: the report's, or "en" when it fell back


@cache
def _texts() -> tuple[Template, ...]:
    """Free texts, the most specific first (more fixed characters)."""
    return tuple(sorted(TEXT_TEMPLATES, key=lambda t: -t.literal))


@cache
def _exact() -> dict[str, Template]:
    return {t.en: t for t in TEXT_TEMPLATES if not t.fields}


def _phrase(text: str) -> str | None:
    """The Turkish of one free text, or None when the catalogue does not know it."""
    known = _exact().get(text)
    if known is not None:
        return known.tr
    for t in _texts():
        values = t.match(text)
        if values is not None:
            return t.render(values, "tr", _phrase)
    return None


def translate(text: str, lang: str) -> str | None:
    """``text`` in ``lang`` when the catalogue knows it (``tr``), else None.

    English needs no translation: the producers write it (None is returned so
    callers keep their text byte for byte)."""
    if report_language(lang) != "tr" or not text or len(text) > MAX_MESSAGE:
        return None
    said = _phrase(text)
    if said is None and _JOIN in text:
        joined = translate_list(text, _JOIN, _phrase)
        said = joined if joined != text else None
    return said


def text_message(text: Any, lang: str) -> Message:
    """A free text (link reason, source problem, verdict reason or note, failed step)."""
    value = "" if text is None else str(text)
    try:
        said = translate(value, lang)
    except Exception:  # a catalogue slip must not cost the editor the report
        said = None
    return Message(said, "tr") if said is not None else Message(value, "en")


def finding_message(
    code: Any,
    message: Any,
    lang: str,
    *,
    note: Any = None,
    entry: Any = None,
    details: Mapping[str, Any] | None = None,
) -> Message:
    """A finding's message in ``lang`` (see the module docstring for the order)."""
    text = "" if message is None else str(message)
    if report_language(lang) != "tr" or not text or len(text) > MAX_MESSAGE:
        return Message(text, "en")
    try:
        known = read_finding(code, text, note=note, entry=entry, details=details)
        said = known.template.render(known.values, "tr", _phrase) if known else None
    except Exception:  # odd details (a hostile report file) fall back to the English
        said = None
    if said is None:
        return text_message(text, lang)
    return Message(said, "tr")


class Reading(NamedTuple):
    """Which template a finding's message is, its values, and how they were found."""

    template: Template
    values: dict[str, Any]
    how: str  # "structured" (from the finding's fields) | "parsed" (from the sentence)


def read_finding(
    code: Any,
    message: str,
    *,
    note: Any = None,
    entry: Any = None,
    details: Mapping[str, Any] | None = None,
) -> Reading | None:
    """The template and values of a finding's English message, None when unknown."""
    templates = sorted(FINDING_TEMPLATES.get(str(code), ()), key=lambda t: -t.literal)
    # 1. structured: the finding's own values rebuild the English exactly
    values: dict[str, Any] = {str(k): v for k, v in (details or {}).items() if _plain(v)}
    if isinstance(note, int) and not isinstance(note, bool):
        values["note"] = note
    if isinstance(entry, int) and not isinstance(entry, bool):
        values["entry"] = entry + 1  # printed 1-based: "Bibliography entry 5"
    if isinstance(values.get("source"), str) and values["source"] in RECORD_SOURCES:
        values["where"] = RECORD_SOURCES[values["source"]]  # as identify/compare.py names it
    for t in templates:
        if t.render(values, "en", _phrase) == message:
            return Reading(t, values, "structured")
    # 2. parsed from the sentence
    for t in templates:
        found = t.match(message)
        if found is not None:
            return Reading(t, dict(found), "parsed")
    return None


def _plain(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)
