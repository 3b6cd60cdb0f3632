"""One card per footnote in the HTML report, rendered from the JSON report's note dict.

A card says, in this order, what an editor needs to act on a note: the note as
written, its links (status in plain words, redirects, archived copy), its DOIs,
the citation details that disagree with the source (side by side), each claim
with its verdict and the quote that decided it, and the remaining findings.
All outside text goes through html_base (escaped, bidi controls neutralised).
"""

from __future__ import annotations

from typing import Any

from citecheck.report.html_base import (
    class_word,
    date_words,
    doi_link,
    get,
    items,
    lab,
    lang_attr,
    link,
    percent,
    text,
    word,
)
from citecheck.report.labels import language_name
from citecheck.report.messages import Message, finding_message, text_message

# Finding codes whose details compare a cited field with a source's ({"field",
# "cited", "found", "source"}, identify/compare.py): shown side by side.
_COMPARED = frozenset(
    {
        "title_mismatch",
        "author_mismatch",
        "date_mismatch",
        "container_mismatch",
        "note_bib_mismatch",
    }
)
_SOURCE_NAMES = {"crossref": "Crossref", "datacite": "DataCite", "doi.org": "doi.org"}


def note_level(note: dict[str, Any]) -> str:
    """fail | warn | ok | not_checked: the colour of a note's marker and card.

    ``level`` comes from the JSON report (summary.note_level); a note with no
    problem that nothing was checked for (no link, DOI or claim checked: a print
    book with verification off) is ``not_checked`` rather than a green ``ok``.
    """
    level = get(note, "level")
    if level in ("fail", "warn"):
        return str(level)
    checked = (
        any(get(x, "status") not in (None, "not_checked") for x in items(note, "links"))
        or any(
            get(x, "registered") is not None and not get(x, "suggested")
            for x in items(note, "identifiers")
        )
        or any(get(c, "verdict") is not None for c in items(note, "claims"))
    )
    return "ok" if checked else "not_checked"


def level_label(level: str, lang: str) -> str:
    if level == "not_checked":
        return word("level.not_checked", lang)
    return lab(f"level.{level}", lang)


def categories(note: dict[str, Any]) -> list[str]:
    """The note's problem categories, each once, in report order."""
    seen: list[str] = []
    for problem in items(note, "problems"):
        category = get(problem, "category")
        if isinstance(category, str) and category not in seen:
            seen.append(category)
    return seen


def said(value: Any, lang: str) -> Message:
    """A stage's English text (link reason, source problem, verdict reason or note,
    failed step) in the report's language; ``lang`` says which it ended up in."""
    return text_message(value, lang)


def finding_said(f: Any, lang: str) -> Message:
    """A finding dict's message in the report's language."""
    details = get(f, "details")
    return finding_message(
        get(f, "code"),
        get(f, "message"),
        lang,
        note=get(f, "note"),
        entry=get(f, "entry"),
        details=details if isinstance(details, dict) else None,
    )


def reason(m: Message, tag: str = "span", cls: str = "reason") -> str:
    """``m`` escaped in an element marked with the language it is in."""
    css = f' class="{cls}"' if cls else ""
    return f'<{tag}{css} lang="{m.lang}">{text(m.text)}</{tag}>'


def _number(note: dict[str, Any]) -> str:
    value = get(note, "number")
    return str(value) if isinstance(value, int) else class_word(value)


def card(
    note: dict[str, Any], lang: str, doc_lang: str | None, referenced: bool, anchor: str = ""
) -> str:
    """The ``<article id="note-N">`` card of one note (``anchor``: another id, for a
    second note with the same number in a badly numbered document)."""
    n = _number(note)
    anchor = anchor or f"note-{n}"
    level = note_level(note)
    cats = categories(note)
    classes = " ".join(
        ["card", f"lv-{level}"] + [f"c-{class_word(c)}" for c in cats] + (["c-any"] if cats else [])
    )
    chips = "".join(
        f'<li class="chip lv-{class_word(_level_of(note, c))}">{lab(f"category.{c}", lang)}</li>'
        for c in cats
    )
    back = f'<a class="back" href="#ref-{n}">↑ {word("back", lang)}</a>' if referenced else ""
    parts = [
        f'<article class="{classes}" id="{anchor}">',
        '<header class="card-head">',
        f"<h3>{lab('section.note', lang)} {text(n)}</h3>",
        f'<span class="badge lv-{level}">{level_label(level, lang)}</span>{back}',
        "</header>",
        f'<ul class="chips">{chips}</ul>' if chips else "",
        _as_written(note, lang, doc_lang),
        _links(note, lang),
        _identifiers(note, lang),
        _compared(note, lang),
        _claims(note, lang, doc_lang),
        _other_findings(note, lang),
        _steps(_failed(items(note, "problems"), note_level=True), "note_steps", lang),
        "</article>",
    ]
    return "\n".join(p for p in parts if p)


def _level_of(note: dict[str, Any], category: str) -> str:
    levels = {get(p, "level") for p in items(note, "problems") if get(p, "category") == category}
    return "fail" if "fail" in levels else "warn"


def _as_written(note: dict[str, Any], lang: str, doc_lang: str | None) -> str:
    out = [
        '<section class="block">',
        f"<h4>{word('as_written', lang)}</h4>",
        f'<blockquote class="citation"{lang_attr(doc_lang)}>{text(get(note, "text", default=""))}'
        "</blockquote>",
    ]
    ibid = get(note, "ibid_of")
    if isinstance(ibid, int):
        target = f'<a href="#note-{ibid}">{ibid}</a>'
        out.append(f'<p class="aside">{word("ibid_of", lang, n=target)}</p>')
    out.append("</section>")
    return "".join(out)


def _block(heading: str, body: str) -> str:
    return f'<section class="block">{heading}{body}</section>'


def _links(note: dict[str, Any], lang: str) -> str:
    links = items(note, "links")
    heading = f"<h4>{lab('section.links', lang)}</h4>"
    if not links:
        if get(note, "urls") or get(note, "ibid_of") is not None:
            return ""
        return _block(heading, f'<p class="muted">{word("no_link", lang)}</p>')
    where = {"bibliography": "from_bib", "ibid": "from_ibid"}.get(str(get(note, "url_source")))
    rows = [_link_row(lk, lang) for lk in links]
    aside = f'<p class="aside">{word(where, lang)}</p>' if where else ""
    return f'<section class="block">{heading}{aside}{"".join(rows)}</section>'


def _link_row(lk: dict[str, Any], lang: str) -> str:
    status = class_word(get(lk, "status"))
    http = get(lk, "http_status")
    code = f' <span class="muted">(HTTP {text(http)})</span>' if isinstance(http, int) else ""
    why = get(lk, "reason")
    lines = [
        f'<div class="linkrow st-{status}">',
        f'<p class="url-line">{link(get(lk, "url"))}</p>',
        f'<p><span class="status st-{status}">{lab(f"link.{status}", lang)}</span>{code}</p>',
    ]
    if why:
        lines.append(reason(said(why, lang), "p"))
    hops = items(lk, "redirects")
    if hops:
        chain = "".join(
            f'<li><span class="hop">{text(get(h, "status", default="?"))}</span> '
            f"{link(get(h, 'url'))}</li>"
            for h in hops
        )
        lines.append(
            f'<div class="hops"><p class="sub">{lab("section.redirects", lang)}</p>'
            f"<ol>{chain}</ol></div>"
        )
    final = get(lk, "final_url")
    if final and final != get(lk, "url"):
        lines.append(f"<p>{word('final_url', lang)}: {link(final)}</p>")
    archive = get(lk, "archive")
    if isinstance(archive, dict):
        when = text(date_words(get(archive, "timestamp"), lang))
        lines.append(
            f'<p class="archive">{word("archived_on", lang, date=when)}: '
            f"{link(get(archive, 'url'))}</p>"
        )
    lines.append("</div>")
    return "".join(lines)


def _identifiers(note: dict[str, Any], lang: str) -> str:
    rows = []
    for ident in items(note, "identifiers"):
        registered = get(ident, "registered")
        state = {True: "registered", False: "not_registered"}.get(registered, "unknown")
        level = {True: "ok", False: "fail"}.get(registered, "warn")
        bits = [f'<span class="status lv-{level}">{word(state, lang)}</span>']
        if get(ident, "agency"):
            bits.append(f"{word('agency', lang)}: {text(_source_name(get(ident, 'agency')))}")
        if get(ident, "error"):
            bits.append(reason(said(get(ident, "error"), lang)))
        title = get(ident, "record", "title")
        record = (
            f'<p class="muted">{word("record_title", lang)}: {text(title)}</p>' if title else ""
        )
        suggested = ""
        if get(ident, "suggested"):
            conf = percent(get(ident, "confidence"))
            extra = f" · {word('confidence', lang, p=conf)}" if conf else ""
            suggested = f'<p class="suggestion">{word("suggestion", lang)}{extra}</p>'
        rows.append(
            f'<div class="ident">{suggested}<p>DOI {doi_link(get(ident, "doi"))} — '
            f"{' · '.join(bits)}</p>{record}</div>"
        )
    if not rows:
        return ""
    return _block(f"<h4>{lab('section.identifiers', lang)}</h4>", "".join(rows))


def _source_name(value: Any) -> str:
    return _SOURCE_NAMES.get(str(value).lower(), str(value))


def _compared(note: dict[str, Any], lang: str) -> str:
    rows = []
    for f in items(note, "findings"):
        details = get(f, "details")
        if get(f, "code") not in _COMPARED or not isinstance(details, dict):
            continue
        field = str(get(details, "field", default=""))
        name = word(f"field.{field}", lang) if f"field.{field}" in _FIELD_KEYS else text(field)
        source = get(details, "source")
        where = word("source.page", lang) if source == "page" else text(_source_name(source or ""))
        rows.append(
            f'<tr><th scope="row">{name}</th><td>{text(get(details, "cited"))}</td>'
            f"<td>{text(get(details, 'found'))}"
            + (f' <span class="muted">({where})</span>' if source else "")
            + "</td></tr>"
        )
    if not rows:
        return ""
    head = (
        f'<tr><th scope="col">{word("field", lang)}</th><th scope="col">'
        f'{lab("section.cited", lang)}</th><th scope="col">{lab("section.found", lang)}</th></tr>'
    )
    return (
        f'<section class="block"><h4>{lab("section.metadata", lang)}</h4>'
        f'<table class="compare"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        "</section>"
    )


_FIELD_KEYS = frozenset(
    f"field.{f}"
    for f in ("title", "author", "authors", "date", "year", "container", "volume", "issue", "pages")
) | {"field.publisher"}


def _claims(note: dict[str, Any], lang: str, doc_lang: str | None) -> str:
    claims = items(note, "claims")
    if not claims:
        return ""
    body = "".join(_claim(c, i, lang, doc_lang) for i, c in enumerate(claims))
    return f'<section class="block"><h4>{lab("section.claims", lang)}</h4>{body}</section>'


def _verdict_line(verdict: Any, lang: str) -> str:
    if not isinstance(verdict, dict):
        return f'<span class="verdict v-not_verified">{lab("verdict.not_verified", lang)}</span>'
    label = class_word(get(verdict, "label"))
    # An unverifiable claim has no confidence worth showing (the judge gives it 0).
    conf = "" if label == "unverifiable" else percent(get(verdict, "confidence"))
    extra = f' <span class="muted">· {word("confidence", lang, p=conf)}</span>' if conf else ""
    return f'<span class="verdict v-{label}">{lab(f"verdict.{label}", lang)}</span>{extra}'


def _claim(claim: dict[str, Any], index: int, lang: str, doc_lang: str | None) -> str:
    verdict = get(claim, "verdict")
    out = [
        '<div class="claim">',
        f'<p class="claim-head"><span class="claim-n">{lab("section.claim", lang)} '
        f"{index + 1}</span> {_verdict_line(verdict, lang)}</p>",
        f'<blockquote class="claim-text"{lang_attr(doc_lang)}>{text(get(claim, "text"))}'
        "</blockquote>",
        _source_line(get(claim, "source"), lang),
    ]
    if isinstance(verdict, dict):
        out.append(_facts(verdict, lang))
        out.extend(_evidence(e, lang) for e in items(verdict, "evidence"))
        if get(verdict, "reason"):
            out.append(reason(said(get(verdict, "reason"), lang), "p"))
    out.append(_quotes(claim, lang))
    out.append(_temporal(get(claim, "temporal"), lang))
    out.append(_drift(claim, lang))
    out.append(_steps(_failed(items(claim, "problems")), "claim_steps", lang))
    out.append("</div>")
    return "".join(p for p in out if p)


def _source_line(source: Any, lang: str) -> str:
    if not isinstance(source, dict):
        return ""
    unread = bool(get(source, "problem"))
    bits = [link(get(source, "url"), get(source, "title") or get(source, "url"))]
    if get(source, "published"):
        bits.append(word("published", lang, date=text(date_words(get(source, "published"), lang))))
    if get(source, "language"):
        bits.append(text(language_name(str(get(source, "language")), lang)))
    if get(source, "from_archive"):
        bits.append(word("from_archive", lang))
    head = lab("section.source", lang) if unread else word("source_checked", lang)
    line = f'<p class="source">{head}: {" · ".join(bits)}</p>'
    if get(source, "problem"):
        line += (
            f'<p class="muted">{word("no_text", lang)}: '
            f"{reason(said(get(source, 'problem'), lang), cls='')}</p>"
        )
    return line


def _facts(verdict: dict[str, Any], lang: str) -> str:
    rows = []
    for key, section in (
        ("matched", "section.matched"),
        ("missing", "section.missing"),
        ("conflicts", "section.conflicts"),
    ):
        values = items(verdict, key)
        if values:
            chips = "".join(_fact(v, lang) for v in values)
            rows.append(
                f'<div class="facts f-{key}"><dt>{lab(section, lang)}</dt>'
                f"<dd><ul>{chips}</ul></dd></div>"
            )
    return f'<dl class="factlist">{"".join(rows)}</dl>' if rows else ""


def _fact(value: Any, lang: str) -> str:
    m = said(value, lang)
    # An untranslated fact is a figure or a name as the claim or source wrote it:
    # its language is not known, so it carries none (dir="auto" for RTL sources).
    mark = f' lang="{m.lang}"' if m.lang != "en" else ""
    return f'<li dir="auto"{mark}>{text(m.text)}</li>'


def _evidence(ev: Any, lang: str) -> str:
    if not isinstance(ev, dict) or not get(ev, "text"):
        return ""
    code = get(ev, "lang")
    # A malformed language tag (outside data) reads as "language unknown".
    language = text(language_name(str(code) if lang_attr(code) else None, lang))
    return (
        f'<figure class="evidence"><figcaption>{word("evidence_in", lang, language=language)}'
        f'</figcaption><blockquote{lang_attr(code)} dir="auto">{text(get(ev, "text"))}'
        "</blockquote></figure>"
    )


def _quotes(claim: dict[str, Any], lang: str) -> str:
    rows = []
    for q in items(claim, "quotes"):
        status = class_word(get(q, "status"))
        known = status in ("found", "near", "missing", "not_comparable")
        said = word(f"quote.{status}", lang) if known else text(get(q, "status"))
        rows.append(f'<li class="q-{status}">“{text(get(q, "quote"))}”: {said}</li>')
    if not rows:
        return ""
    head = f'<p class="sub">{word("quotes", lang)}</p>'
    return f'<div class="quotes">{head}<ul>{"".join(rows)}</ul></div>'


def _temporal(flag: Any, lang: str) -> str:
    if not isinstance(flag, dict):
        return ""
    key = "temporal" if get(flag, "outcome") else "temporal_plan"
    source = text(date_words(get(flag, "source_date"), lang))
    event = text(date_words(get(flag, "event_date"), lang))
    return f'<p class="flag">{word(key, lang, source=source, event=event)}</p>'


def _drift(claim: dict[str, Any], lang: str) -> str:
    if not get(claim, "drifted"):
        return ""
    archived = get(claim, "archived_source")
    when = get(archived, "from_archive", "timestamp") or get(archived, "published")
    said = (
        word("drift", lang, date=text(date_words(when, lang)))
        if when
        else word("drift_undated", lang)
    )
    out = [
        '<div class="drift">',
        f"<p><strong>{said}</strong></p>",
        f"<p>{lab('section.archived_copy', lang)}: {link(get(archived, 'url'))}</p>",
    ]
    verdict = get(claim, "archived_verdict")
    if isinstance(verdict, dict):
        out.append(
            f"<p>{lab('section.archived_verdict', lang)}: {_verdict_line(verdict, lang)}</p>"
        )
        out.extend(_evidence(e, lang) for e in items(verdict, "evidence"))
    out.append("</div>")
    return "".join(out)


def _other_findings(note: dict[str, Any], lang: str) -> str:
    rows = []
    for f in items(note, "findings"):
        if get(f, "code") in _COMPARED and get(f, "details", "cited") is not None:
            continue  # shown side by side above
        severity = class_word(get(f, "severity"))
        code = class_word(get(f, "code"))
        rows.append(
            f'<li class="sev-{severity}">'
            f'<span class="sev">{lab(f"severity.{severity}", lang)}</span> '
            f"{lab(f'finding.{code}', lang)}<br>{reason(finding_said(f, lang))}</li>"
        )
    if not rows:
        return ""
    heading = f"<h4>{word('other_findings', lang)}</h4>"
    return _block(heading, f'<ul class="findings">{"".join(rows)}</ul>')


def _failed(problems: list[Any], note_level: bool = False) -> list[Any]:
    """Messages of failed steps (category check_failed); a note's list also holds its
    claims' problems, which the claim shows, so ``note_level`` keeps the others only."""
    return [
        get(p, "message")
        for p in problems
        if get(p, "category") == "check_failed"
        and get(p, "message")
        and not (note_level and get(p, "claim") is not None)
    ]


def _steps(messages: list[Any], key: str, lang: str) -> str:
    if not messages:
        return ""
    rows = "".join(reason(said(m, lang), "li", cls="") for m in messages)
    return f'<div class="steps"><p>{word(key, lang)}</p><ul>{rows}</ul></div>'
