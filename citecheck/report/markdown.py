"""The Markdown report for reviewers: a PR comment or an e-mail, in English or Turkish.

Layout: a title and status line, a summary table (problems, links, verdicts),
one section per note with problems (links in plain words with the archived
copy, metadata disagreements "in the note X / in the source Y", each claim
with its verdict and the deciding quote as a blockquote naming its language),
the document's own findings, the run's trouble, and a collapsed ``<details>``
list of the notes without problems. Output is deterministic (golden tests).

Everything that came from outside (article, notes, pages, registries) goes
through :func:`md_text` or :func:`md_link`, so no page can inject Markdown or
HTML into the reviewer's view:

- ``&``, ``<``, ``>`` become entities: no raw HTML is ever rendered;
- inline Markdown (backslash, backticks, ``*``, ``_``, ``[``, ``]``, ``|``,
  ``~``, ``$``) is backslash-escaped, and block syntax (``#``, ``>``, ``-``,
  ``+``, ``=``, ``1.``) at the start: no links, images, code spans, table
  cells, headings or lists can be opened by page text;
- line breaks and control characters become spaces (one item stays one item);
- bidirectional controls (U+202A–U+202E, U+2066–U+2069) become a visible
  ``[U+202E]`` as in the HTML report;
- ``@name`` and ``#123`` get a word joiner after the sign so page text cannot
  notify people or cross-reference issues in a pull request;
- a link is made only for http(s) URLs with a host, with the characters that
  could end a Markdown link destination percent-encoded; others show as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlsplit

from citecheck.model import Finding, LinkCheck, NoteReport, Report
from citecheck.report.labels import label, language_name, report_language
from citecheck.report.messages import finding_message, text_message
from citecheck.report.summary import (
    DEFAULT_FAIL_ON,
    NO_IGNORE,
    Ignore,
    claim_checks,
    document_problems,
    level,
    note_problems,
    summarize,
    worst_for_note,
)

__all__ = ["md_link", "md_text", "render_markdown"]

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Inline syntax: emphasis, code, links/images/footnotes, table cells, strikethrough, math.
_MD_PUNCT = re.compile(r"([\\`*_\[\]|~$])")
# Block syntax matters only at the start of a line (a blockquote's text starts one).
_BLOCK_START = re.compile(r"^(#|>|\+|-|=)")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
# GitHub turns @name into a notification and #123 into a cross-reference.
_MENTION = re.compile("([@#])(?=[A-Za-z0-9])")
_URL_UNSAFE = re.compile("[^A-Za-z0-9\\-._~:/?#@!$&'*+,;=%]")
MAX_QUOTE = 600  # characters of an evidence quote shown; the JSON keeps it whole
MAX_NOTE = 400  # characters of a note text in the list of notes without problems


def md_text(value: Any, limit: int | None = None, *, line_start: bool = False) -> str:
    """Outside text as inert Markdown on one line (see the module docstring).

    ``line_start``: the text begins a line (a blockquote's), so block syntax
    (headings, lists, quotes) is escaped too.
    """
    if value is None:
        return ""
    s = _SURROGATE.sub("\ufffd", _SPACE.sub(" ", str(value))).strip()
    if limit is not None and len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_PUNCT.sub(r"\\\1", s)
    if line_start:
        s = _LIST_NUMBER.sub(r"\1\\\2", _BLOCK_START.sub(r"\\\1", s))
    s = _BIDI.sub(lambda m: f"\\[U+{ord(m.group()):04X}\\]", s)
    return _MENTION.sub("\\1\u2060", s)


def md_link(url: str | None, text: str | None = None) -> str:
    """``[text](url)`` for an http(s) URL with a host; escaped text otherwise."""
    if not url:
        return ""
    shown = md_text(text if text is not None else url)
    try:
        parts = urlsplit(url.strip())
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok or _BIDI.search(url):
        return shown
    # IRIs keep working: non-ASCII is percent-encoded as UTF-8, as browsers do.
    dest = _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url.strip())
    dest = dest.replace("(", "%28").replace(")", "%29")
    return f"[{shown}]({dest})"


class _Writer:
    def __init__(self, report: Report, lang: str, fail_on: frozenset[str], ignore: Ignore):
        self.report = report
        self.lang = lang
        self.fail_on = fail_on
        self.ignore = ignore
        self.lines: list[str] = []
        self.counts = summarize(report, fail_on, ignore)

    def t(self, key: str) -> str:
        return label(key, self.lang)

    def say(self, text: object) -> str:
        """A stage's English text in the report's language, as inert Markdown."""
        return md_text(text_message(text, self.lang).text)

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    # ------------------------------------------------------------------ parts

    def header(self) -> None:
        doc = self.report.document
        title = md_text(doc.title or doc.source)
        st = self.counts["status"]
        self.add(f"# {self.t('section.report')}: {title}", "")
        where = md_link(doc.canonical_url) if doc.canonical_url else md_text(doc.source)
        meta = " · ".join(md_text(x) for x in (doc.published, doc.number) if x)
        self.add(f"{where}" + (f" · {meta}" if meta else ""), "")
        self.add(f"**{self.t('section.status')}: {self.t('status.' + st)}** (`{st}`)", "")
        sizes = (
            ("section.notes", self.counts["notes"]),
            ("section.links", sum(self.counts["links"].values())),
            ("section.claims", self.counts["claims"]),
        )
        self.add(" · ".join(f"{self.t(key)}: {n}" for key, n in sizes), "")

    def summary(self) -> None:
        """Three tables from summary.summarize, vocabulary order, zero rows left out."""
        self.add(f"## {self.t('section.summary')}", "")
        rows = [(c, n) for c, n in self.counts["problems"].items() if n]
        if rows:
            self.add(
                f"| {self.t('section.problems')} | {self.t('section.count')} | |",
                "| --- | ---: | --- |",
            )
            for c, n in rows:
                mark = self.t(f"level.{level(c, self.fail_on)}")
                self.add(f"| {self.t('category.' + c)} (`{c}`) | {n} | {mark} |")
            self.add("")
        for title, prefix, counts in (
            ("section.links", "link.", self.counts["links"]),
            ("section.verdicts", "verdict.", self.counts["verdicts"]),
        ):
            rows = [(k, n) for k, n in counts.items() if n]
            if rows:
                self.add(f"| {self.t(title)} | {self.t('section.count')} |", "| --- | ---: |")
                self.add(*(f"| {self.t(prefix + k)} | {n} |" for k, n in rows), "")

    def note(self, nr: NoteReport) -> None:
        n = nr.note.number
        worst = worst_for_note(nr, self.fail_on, self.ignore)
        head = f"### {self.t('section.note')} {n}"
        if worst:
            lvl = self.t("level." + level(worst, self.fail_on))
            head += f" — {self.t('category.' + worst)} ({lvl})"
        self.add(head, "", f"*{self.t('section.note_text')}:* {md_text(nr.note.text)}", "")
        if nr.links:
            self.add(f"**{self.t('section.links')}**", "")
            self.add(*(self._link(link) for link in nr.links), "")
        meta = [f for f in nr.findings if f.details.get("field") is not None]
        if nr.identifiers or meta:
            self.add(f"**{self.t('section.metadata')}**", "")
            self.add(*(self._identifier(c) for c in nr.identifiers))
            self.add(*(self._mismatch(f) for f in meta), "")
        checks = claim_checks(nr)
        if checks:
            self.add(f"**{self.t('section.claims')}**", "")
            for i, check in enumerate(checks):
                self._claim(i, check)
        shown = set()  # quote and temporal findings repeat what the claims above show
        if any(q.status == "missing" for c in checks for q in c.quotes):
            shown.add("quote_not_found")
        if any(c.temporal is not None for c in checks):
            shown.add("source_predates_event")
        other = [f for f in nr.findings if f.details.get("field") is None and f.code not in shown]
        other = [f for f in other if not self.ignore.finding(f)]
        if other:
            self.add(f"**{self.t('section.other_findings')}**", "")
            self.add(*(self._finding(f) for f in other), "")
        if nr.problems:
            self.add(f"**{self.t('section.incomplete')}**", "")
            self.add(*(f"- {self.say(p)}" for p in nr.problems), "")

    def _link(self, link: LinkCheck) -> str:
        words = self.t("link." + link.status)
        http = f" (HTTP {link.http_status})" if link.http_status else ""
        line = f"- {md_link(link.url)} — {words}{http}"
        if link.reason and link.status not in ("ok", "redirected"):
            line += f": {self.say(link.reason)}"
        if link.redirects:
            hops = " → ".join(f"{md_text(h.url)} ({h.status})" for h in link.redirects)
            line += f"  \n  {self.t('section.redirects')}: {hops}"
            if link.final_url:
                line += f" → {md_link(link.final_url)}"
        if link.archive is not None:
            when = _timestamp_date(link.archive.timestamp)
            where = "WARC, " if link.archive.source == "warc" else ""
            shown = f"{self.t('section.archived_copy')} ({where}{when})"
            line += f"  \n  {md_link(link.archive.url, shown)}"
        return line

    def _identifier(self, check: Any) -> str:
        state = {True: "doi.registered", False: "doi.not_registered", None: "doi.unknown"}
        words = self.t(state[check.registered])
        if check.suggested:
            words = self.t("doi.suggested")
        extra = f" ({md_text(check.agency)})" if check.agency else ""
        err = f": {self.say(check.error)}" if check.error else ""
        return f"- DOI {md_link('https://doi.org/' + check.doi, check.doi)} — {words}{extra}{err}"

    def _mismatch(self, f: Finding) -> str:
        d = f.details
        where = self.t(f"record.{d.get('source')}") if d.get("source") else ""
        cited = md_text(d.get("cited"))
        found = md_text(d.get("found"))
        return (
            f"- {self.t('finding.' + f.code)}: {self.t('section.cited')} “{cited}” / "
            f"{where or self.t('section.found')} “{found}”"
        )

    def _finding(self, f: Finding) -> str:
        what = f"{self.t('finding.' + f.code)} ({self.t('severity.' + f.severity)})"
        said = finding_message(
            f.code, f.message, self.lang, note=f.note, entry=f.entry, details=f.details
        )
        return f"- {what}: {md_text(said.text)}"

    def _claim(self, i: int, check: Any) -> None:
        v = check.verdict
        verdict = self.t("verdict." + (v.label if v else "not_verified"))
        conf = ""
        if v is not None and v.confidence == v.confidence:  # NaN-safe
            pct = round(v.confidence * 100)
            conf = f" ({self.t('section.confidence')} " + (
                f"%{pct})" if self.lang == "tr" else f"{pct} %)"
            )
        self.add(f"{i + 1}. “{md_text(check.claim.text)}”  ", f"   → **{verdict}**{conf}")
        if check.source is not None and check.source.url:
            self.add(
                f"   - {self.t('section.source')}: {md_link(check.source.url, check.source.title)}"
            )
        if check.source is not None and check.source.problem:
            self.add(f"   - {self.say(check.source.problem)}")
        if v is not None:
            for key, items in (("section.conflicts", v.conflicts), ("section.missing", v.missing)):
                if items:
                    self.add(f"   - {self.t(key)}: " + "; ".join(self.say(x) for x in items))
            self._evidence(v)
        for q in check.quotes:
            if q.status == "missing":
                self.add(f"   - {self.t('category.quote_missing')}: “{md_text(q.quote)}”")
        if check.temporal is not None:
            self.add(
                f"   - {self.t('category.source_predates_event')}: "
                f"{md_text(check.temporal.source_date)} < {md_text(check.temporal.event_date)}"
            )
        if check.archived_verdict is not None:
            av = check.archived_verdict
            where = check.archived_source.url if check.archived_source else None
            on_copy = self.t("section.archived_verdict")
            drift = f" — {self.t('category.drifted')}" if check.drifted else ""
            shown = md_link(where, on_copy) if where else on_copy
            self.add(f"   - {shown}: **{self.t('verdict.' + av.label)}**{drift}")
            self._evidence(av)
        self.add(*(f"   - {self.t('section.incomplete')}: {self.say(p)}" for p in check.problems))
        self.add("")

    def _evidence(self, verdict: Any) -> None:
        for e in verdict.evidence[:1]:  # the deciding quote; the JSON has all
            # For "not found" the passage shown is only the nearest one: say so.
            closest = (
                [f"   *{self.t('section.closest')}:*", ""] if verdict.label == "not_found" else []
            )
            self.add(
                "",
                *closest,
                f"   > {md_text(e.text, MAX_QUOTE, line_start=True)}",
                "   >",
                f"   > — *{md_text(language_name(e.lang, self.lang))}*",
                "",
            )

    def document_part(self) -> None:
        found = [f for f in self.report.findings if not self.ignore.finding(f)]
        if found:
            self.add(f"## {self.t('section.document')}", "")
            self.add(*(self._finding(f) for f in found), "")
        run = [p for p in document_problems(self.report, self.ignore) if p.code == "check_failed"]
        if run:
            self.add(f"## {self.t('section.run_problems')}", "")
            self.add(*(f"- {self.say(p.message)}" for p in run), "")

    def clean_notes(self, clean: Iterable[NoteReport]) -> None:
        clean = list(clean)
        if not clean:
            return
        self.add(
            "<details>",
            f"<summary>{self.t('section.notes_ok')} ({len(clean)})</summary>",
            "",
        )
        for nr in clean:
            verdicts = ", ".join(
                self.t("verdict." + (c.verdict.label if c.verdict else "not_verified"))
                for c in claim_checks(nr)
            )
            links = ", ".join(self.t("link." + link.status) for link in nr.links)
            extra = " — ".join(x for x in (links, verdicts) if x)
            self.add(
                f"- **{nr.note.number}.** {md_text(nr.note.text, MAX_NOTE)}"
                + (f" — {extra}" if extra else "")
            )
        self.add("", "</details>", "")


def _timestamp_date(ts: str) -> str:
    """Wayback "20251120000000" -> "2025-11-20"; anything else escaped as given."""
    if len(ts) >= 8 and ts[:8].isdigit():
        return f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}"
    return md_text(ts)


def render_markdown(
    report: Report,
    lang: str | None = None,
    fail_on: Iterable[str] = DEFAULT_FAIL_ON,
    ignore: Ignore = NO_IGNORE,
) -> str:
    """The Markdown report in ``lang`` ("en"/"tr"; default: the article's language)."""
    lang = report_language(lang or report.document.language)
    w = _Writer(report, lang, frozenset(fail_on), ignore)
    w.header()
    w.summary()
    troubled = [nr for nr in report.notes if note_problems(nr, ignore)]
    clean = [nr for nr in report.notes if not note_problems(nr, ignore)]
    if not report.notes:
        w.add(w.t("section.no_notes"), "")
    if troubled:
        w.add(f"## {w.t('section.notes_with_problems')}", "")
        for nr in troubled:
            w.note(nr)
    w.document_part()
    w.clean_notes(clean)
    text = "\n".join(w.lines).rstrip("\n") + "\n"
    return re.sub(r"\n{3,}", "\n\n", text)
