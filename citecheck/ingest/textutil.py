"""Small text helpers shared by every reader: whitespace, Markdown inline markup."""

from __future__ import annotations

import re

from citecheck.ingest.markers import token

# Invisible characters that survive copy/paste and break matching: soft hyphen,
# zero-width space/joiners, word joiner, byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_space(text: str) -> str:
    """One line: invisible characters dropped, runs of whitespace made one space."""
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def drop_control(text: str) -> str:
    """Text without C0 control characters (except tab/newline/CR) that parsers reject."""
    return _CONTROL.sub("", text)


# --- Markdown inline markup -------------------------------------------------

# [1](#fn1) is a marker written as a link; [text](url) is a link; ![alt](src) an image.
# Spans are bounded (MAX_SPAN) so that text full of unmatched "[" or "*" stays linear.
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)")
_LINK = re.compile(
    r"(?<!\\)\[(?P<text>[^\]\n]{0,300})\]\((?P<url>[^)\s(\[]{0,2000})(?:\s+\"[^\"\n]{0,300}\")?\)"
)
_STRONG = re.compile(r"(?<![\\\w*])(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)(?<!\\)\1(?![\w*])")
_EM = re.compile(r"(?<![\\\w*])(\*|_)(?=[^\s*])([^\n]{1,300}?)(?<=[^\s\\*])\1(?![\w*])")
_ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^>\s<]{1,2000}|www\.[^>\s<]{1,2000})>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$<>|~\"'])")


# html2text/pandoc exports of Word-HTML pages: "[[1]](#_ftn1)" in the body and
# "[[1]](#_ftnref1) Note…" in the notes; raw "<sup>3</sup>" survives some converters.
_NOTE_LINK = re.compile(r"\[\[?\^?(?P<label>\d{1,3}|[ivxl]{1,6})\]?\]\((?P<href>#[^)\s]{0,200})\)")
_RAW_SUP = re.compile(r"<sup>\s*\[?(?P<label>\d{1,3}|[ivxl]{1,6})\]?\s*</sup>", re.IGNORECASE)


def _note_link(m: re.Match[str]) -> str:
    if "ref" in m["href"].lower():  # a back-link: this is the note's own label
        return f"[{m['label']}]"
    return token(m["label"], m[0])


def note_links(text: str) -> str:
    """Markdown note links resolved: body references become tokens, back-links "[n]"."""
    return _NOTE_LINK.sub(_note_link, text) if "](#" in text else text


def _link(m: re.Match[str]) -> str:
    text, url = m["text"], m["url"]
    if url.startswith("#") and re.fullmatch(r"\^?\d{1,3}|[ivx]{1,5}", text.strip("[]")):
        return token(text.strip("[]^"), m[0])  # a footnote reference written as a link
    return text


def strip_markdown(text: str, *, keep_angle_urls: bool = False) -> str:
    """Markdown inline markup removed: emphasis, links, images, escapes (``\\$`` -> ``$``).

    Body paragraphs lose the ``<url>`` brackets too; notes and entries keep them
    (``keep_angle_urls``) because they delimit the URL for the note parser.
    """
    if not any(c in text for c in "*_[\\<!`"):
        return text
    text = note_links(text)
    if "<sup" in text or "<SUP" in text:
        text = _RAW_SUP.sub(lambda m: token(m["label"], m[0]), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(_link, text)
    text = _STRONG.sub(r"\2", text)
    text = _EM.sub(r"\2", text)
    text = text.replace("`", "")
    if not keep_angle_urls:
        text = _ANGLE_URL.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


_TERMINAL = re.compile(r"[.!?:;…\"”’»)\]]\s*$")


def ends_sentence(text: str) -> bool:
    """Does the block end like a finished sentence (so a page break cannot be mid-sentence)?"""
    return bool(_TERMINAL.search(text))


def starts_lowercase(text: str) -> bool:
    first = text.lstrip(" \"'“‘(")[:1]
    return first.isalpha() and first.islower()
