"""The HTML report for editors: one self-contained file rendered from the JSON report.

``render_html(report_to_dict(report))``: the HTML reads the same dict the JSON
report writes, so the two can never disagree. The page is

1. the overall status in plain words and the counts (links by status, claims
   by verdict, findings by severity), then document-level problems;
2. the article text, each footnote marker a coloured link to its note
   (red: must fix, amber: review, green: no problem, grey dashed: not checked)
   with a legend; colours always come with words or shapes;
3. filters by problem type and one card per note (html_cards.py).

Self-contained and locked down: the CSS is inline (templates/report.css) and
allowed by its hash; there is no script at all (the filters are radio buttons
and CSS ``:checked`` rules, so they work with scripts off and every card shows
when CSS is off); the Content-Security-Policy forbids loading anything from
anywhere. Outside text is escaped by html_base.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources
from typing import Any

from citecheck.report.html_base import (
    attr,
    class_word,
    date_words,
    get,
    items,
    lab,
    lang_attr,
    link,
    text,
    word,
)
from citecheck.report.html_cards import (
    card,
    categories,
    finding_said,
    level_label,
    note_level,
    reason,
    said,
)
from citecheck.report.summary import CATEGORY_ORDER

__all__ = ["LANGS", "render_html"]

LANGS = ("tr", "en")
# Nothing may load: no script, no frame, no font, no connection; images only as
# data: URLs (the empty favicon that keeps browsers from asking for /favicon.ico).
_CSP = (
    "default-src 'none'; style-src '{style}'; script-src 'none'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
# Link statuses shown first in the counts: what works, then what needs a person.
_LINK_LEVEL = {"ok": "ok", "redirected": "ok", "blocked": "warn", "not_checked": "not_checked"}
_VERDICT_LEVEL = {
    "supported": "ok",
    "partially_supported": "warn",
    "unverifiable": "warn",
    "not_found": "fail",
    "contradicted": "fail",
    "not_verified": "not_checked",
}
_SEVERITY_LEVEL = {"error": "fail", "warning": "warn", "info": "not_checked"}


@cache
def _css() -> str:
    return (resources.files("citecheck.report") / "templates" / "report.css").read_text("utf-8")


def choose_language(report: dict[str, Any], lang: str | None) -> str:
    """``lang`` if given (tr/en), else the article's language: Turkish or English."""
    if lang is not None:
        if lang not in LANGS:
            raise ValueError(f"unknown report language {lang!r}: expected one of {LANGS}")
        return lang
    doc_lang = str(get(report, "document", "language", default="")).split("-")[0].lower()
    return "tr" if doc_lang == "tr" else "en"


def render_html(report: dict[str, Any], lang: str | None = None) -> str:
    """The report as one HTML page (a str; write it as UTF-8)."""
    lang = choose_language(report, lang)
    notes = [n for n in items(report, "notes") if isinstance(n, dict)]
    css = _css() + _filter_css(notes)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode()
    title = get(report, "document", "title")
    policy = _CSP.format(style="sha256-" + digest)
    # <title> is plain text (no markup): bidi controls become [U+202E] words there.
    heading = word("doc_title", lang) + (f" — {attr(title)}" if title else "")
    body = [
        _header(report, lang),
        _summary(report, notes, lang),
        _document_problems(report, lang),
        _article(report, notes, lang),
        _notes(report, notes, lang),
        _footer(report, lang),
    ]
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{heading}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f'<div class="page">\n{"".join(p for p in body if p)}\n</div>\n</body>\n</html>\n'
    )


def _header(report: dict[str, Any], lang: str) -> str:
    doc = get(report, "document", default={})
    title = get(doc, "title") or get(doc, "source") or ""
    meta = []
    authors = [a for a in items(doc, "authors") if a]
    if authors:
        meta.append(f"<span>{word('by', lang)}: {text(', '.join(map(str, authors)))}</span>")
    if get(doc, "published"):
        when = text(date_words(get(doc, "published"), lang))
        meta.append(f"<span>{word('published_on', lang)}: {when}</span>")
    source = get(doc, "canonical_url") or get(doc, "source")
    if source:
        meta.append(f"<span>{word('read_from', lang)}: {link(source)}</span>")
    return (
        f'<header><p class="kicker">{word("doc_title", lang)}</p>'
        f'<h1{lang_attr(get(doc, "language"))} dir="auto">{text(title)}</h1>'
        + (f'<p class="meta">{"".join(meta)}</p>' if meta else "")
        + "</header>"
    )


def _summary(report: dict[str, Any], notes: list[dict[str, Any]], lang: str) -> str:
    summary = get(report, "summary", default={})
    status = class_word(get(summary, "status", default="pass"))
    total = len(notes)
    flagged = sum(1 for n in notes if note_level(n) in ("fail", "warn"))
    if total == 0:
        line = lab("section.no_notes", lang)
    elif flagged:
        line = word("notes_problems", lang, m=str(flagged), n=str(total))
    else:
        line = word("notes_clean", lang, n=str(total))
    problems = get(summary, "problems", default={})
    fail_on = set(items(summary, "fail_on"))
    top = [
        f'<li><span class="dot lv-{"fail" if c in fail_on else "warn"}"></span>'
        f"{lab(f'category.{c}', lang)}: <strong>{text(n)}</strong></li>"
        for c, n in (problems.items() if isinstance(problems, dict) else [])
        if isinstance(n, int) and n > 0
    ]
    banner = (
        f'<section class="banner s-{status}" aria-labelledby="status-h">'
        f'<h2 id="status-h">{lab(f"status.{status}", lang)}</h2><p>{line}</p>'
        + (f"<ul>{''.join(top)}</ul>" if top else "")
        + _jump_list(notes, lang)
        + "</section>"
    )
    boxes = [
        _count_box(
            lab("section.links", lang),
            get(summary, "links"),
            "link",
            _LINK_LEVEL,
            lang,
            hint=word("links_unique", lang),
        ),
        _count_box(
            lab("section.verdicts", lang), get(summary, "verdicts"), "verdict", _VERDICT_LEVEL, lang
        ),
        _count_box(
            lab("section.findings", lang),
            get(summary, "findings"),
            "severity",
            _SEVERITY_LEVEL,
            lang,
        ),
    ]
    return banner + f'<div class="counts">{"".join(boxes)}</div>'


def _jump_list(notes: list[dict[str, Any]], lang: str) -> str:
    """Links to the cards that need attention, most serious first within note order."""
    links = []
    for level in ("fail", "warn"):
        for n in notes:
            number = get(n, "number")
            if isinstance(number, int) and note_level(n) == level:
                tip = f"{lab('section.note', lang)} {number}: {level_label(level, lang)}"
                links.append(
                    f'<a class="m lv-{level}" href="#note-{number}" title="{tip}">{number}</a>'
                )
    if not links:
        return ""
    return f'<p class="jump">{word("jump", lang)} {" ".join(links)}</p>'


def _count_box(
    heading: str, counts: Any, kind: str, levels: dict[str, str], lang: str, hint: str = ""
) -> str:
    rows = []
    if isinstance(counts, dict):
        for code, n in counts.items():
            if isinstance(n, int) and n > 0:
                level = levels.get(code, "fail")
                rows.append(
                    f'<tr><td><span class="dot lv-{level}"></span>{lab(f"{kind}.{code}", lang)}'
                    f'</td><td class="n">{n}</td></tr>'
                )
    table = (
        f"<table>{''.join(rows)}</table>" if rows else f'<p class="muted">{word("none", lang)}</p>'
    )
    foot = f'<p class="hint">{hint}</p>' if hint and rows else ""
    return f'<section class="box"><h3>{heading}</h3>{table}{foot}</section>'


def _document_problems(report: dict[str, Any], lang: str) -> str:
    rows = []
    for f in items(report, "findings"):
        severity = class_word(get(f, "severity"))
        rows.append(
            f'<li class="sev-{severity}">'
            f'<span class="sev">{lab(f"severity.{severity}", lang)}</span> '
            f"{lab('finding.' + class_word(get(f, 'code')), lang)}<br>"
            f"{reason(finding_said(f, lang))}</li>"
        )
    for p in items(report, "problems"):
        if get(p, "category") == "check_failed":
            rows.append(
                f'<li class="sev-warning"><span class="sev">{lab("category.check_failed", lang)}'
                f"</span> {reason(said(get(p, 'message'), lang), cls='')}</li>"
            )
    if not rows:
        return ""
    return (
        f'<section class="box doc-problems"><h3>{lab("section.document", lang)}</h3>'
        f'<ul class="findings">{"".join(rows)}</ul></section>'
    )


def _article(report: dict[str, Any], notes: list[dict[str, Any]], lang: str) -> str:
    levels = {get(n, "number"): note_level(n) for n in notes}
    paragraphs = [p for p in items(report, "document", "paragraphs") if isinstance(p, dict)]
    doc_lang = get(report, "document", "language")
    seen: dict[Any, int] = {}
    rendered = [_paragraph(p, levels, seen, lang) for p in paragraphs]
    if not rendered:
        body = f'<p class="muted">{word("no_paragraphs", lang)}</p>'
    else:
        body = "\n".join(rendered)
    return (
        f'<h2 id="article">{word("article_text", lang)}</h2>'
        f'<p class="hint">{word("article_hint", lang)}</p>{_legend(lang)}'
        f'<div class="article"{lang_attr(doc_lang)} dir="auto">{body}</div>'
    )


def _legend(lang: str) -> str:
    entries = "".join(
        f'<li><span class="m lv-{lv}">3</span>{level_label(lv, lang)}</li>'
        for lv in ("fail", "warn", "ok", "not_checked")
    )
    return f'<ul class="legend" aria-label="{attr(word("legend", lang))}">{entries}</ul>'


def _paragraph(
    para: dict[str, Any], levels: dict[Any, str], seen: dict[Any, int], lang: str
) -> str:
    body = str(get(para, "text", default=""))
    markers = [m for m in items(para, "markers") if isinstance(get(m, "offset"), int)]
    markers.sort(key=lambda m: m["offset"])
    out, pos = [], 0
    for m in markers:
        at = max(pos, min(len(body), m["offset"]))
        out.append(text(body[pos:at]))
        out.append(_marker(m, levels, seen, lang))
        pos = at
    out.append(text(body[pos:]))
    tag = "h3" if get(para, "heading") else "p"
    return f"<{tag}>{''.join(out)}</{tag}>"


def _marker(m: dict[str, Any], levels: dict[Any, str], seen: dict[Any, int], lang: str) -> str:
    number = get(m, "number")
    shown = text(get(m, "label") or number)
    if number not in levels or not isinstance(number, int):
        tip = attr(word("no_note", lang))
        return f'<sup class="mk"><span class="m lv-missing" title="{tip}">{shown}</span></sup>'
    seen[number] = seen.get(number, 0) + 1
    ref = f"ref-{number}" if seen[number] == 1 else f"ref-{number}-{seen[number]}"
    level = levels[number]
    # level_label is safe HTML text already (escaped words), so it may stand in an attribute.
    tip = f"{lab('section.note', lang)} {number}: {level_label(level, lang)}"
    return (
        f'<sup class="mk"><a class="m lv-{level}" id="{ref}" href="#note-{number}" '
        f'title="{tip}" aria-label="{tip}">{shown}</a></sup>'
    )


def _notes(report: dict[str, Any], notes: list[dict[str, Any]], lang: str) -> str:
    if not notes:
        return (
            f'<h2 id="notes-h">{word("notes_heading", lang)}</h2>'
            f'<p class="muted">{lab("section.no_notes", lang)}</p>'
        )
    referenced = {
        get(m, "number")
        for p in items(report, "document", "paragraphs")
        for m in items(p, "markers")
    }
    doc_lang = get(report, "document", "language")
    seen: dict[Any, int] = {}
    cards = []
    for n in notes:
        number = get(n, "number")
        seen[number] = seen.get(number, 0) + 1
        # Markers link to the first note of a number; a duplicate gets its own anchor.
        first = seen[number] == 1
        anchor = "" if first else f"note-{class_word(number)}-{seen[number]}"
        cards.append(card(n, lang, doc_lang, first and number in referenced, anchor))
    cards_html = "\n".join(cards)
    return (
        f'<section aria-labelledby="notes-h"><h2 id="notes-h">{word("notes_heading", lang)}</h2>'
        f'{_filters(notes, lang)}<div class="cards">{cards_html}</div></section>'
    )


def _filter_list(notes: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """(category, number of notes) for every category present, most serious first."""
    counts: dict[str, int] = {}
    for n in notes:
        for c in categories(n):
            counts[class_word(c)] = counts.get(class_word(c), 0) + 1
    rank = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    return sorted(counts.items(), key=lambda kv: rank.get(kv[0], len(rank)))


def _filters(notes: list[dict[str, Any]], lang: str) -> str:
    """Radio inputs (siblings before the cards, so CSS can hide cards) and their labels."""
    cats = _filter_list(notes)
    if not cats:
        return ""
    flagged = sum(1 for n in notes if categories(n))
    choices = [
        ("all", word("all", lang), len(notes)),
        ("any", word("with_problems", lang), flagged),
    ]
    choices += [(c, lab(f"category.{c}", lang), k) for c, k in cats]
    inputs = "".join(
        f'<input class="filter-input" type="radio" name="filter" id="f-{key}"'
        f"{' checked' if key == 'all' else ''}>"
        for key, _, _ in choices
    )
    labels = "".join(
        f'<label for="f-{key}">{name} <span class="n">({k})</span></label>'
        for key, name, k in choices
    )
    return (
        f'{inputs}<div class="filters"><span class="lbl">{word("show", lang)}</span>{labels}</div>'
    )


def _filter_css(notes: list[dict[str, Any]]) -> str:
    """The :checked rules for the categories present (class names are [a-z0-9_] only)."""
    keys = ["any"] + [c for c, _ in _filter_list(notes)]
    rules = [
        f"#f-{k}:checked ~ .cards .card:not(.c-{k}) {{ display: none; }}\n"
        f"#f-{k}:checked ~ .filters label[for=f-{k}]"
        " { background: var(--ink); color: #fff; border-color: var(--ink); }\n"
        f"#f-{k}:focus-visible ~ .filters label[for=f-{k}] {{ outline: 3px solid #7aa7e0; }}\n"
        for k in keys
    ]
    rules.append(
        "#f-all:checked ~ .filters label[for=f-all]"
        " { background: var(--ink); color: #fff; border-color: var(--ink); }\n"
        "#f-all:focus-visible ~ .filters label[for=f-all] { outline: 3px solid #7aa7e0; }\n"
    )
    return "".join(rules)


def _footer(report: dict[str, Any], lang: str) -> str:
    tool = text(get(report, "tool", "name", default="citecheck"))
    version = text(get(report, "tool", "version", default=""))
    when = text(date_words(get(report, "generated_at"), lang))
    schema = get(report, "schema_version")
    extra = f" · {word('schema', lang)}: {text(schema)}" if schema else ""
    made = word("footer", lang, tool=tool, version=version, date=when)
    fail_on = [c for c in items(report, "summary", "fail_on") if isinstance(c, str)]
    rule = ""
    if fail_on:
        names = ", ".join(lab(f"category.{class_word(c)}", lang) for c in fail_on)
        rule = f"<p>{lab('section.fail_on', lang)}: {names}</p>"
    return f"<footer>{rule}<p>{made}{extra}</p></footer>"
