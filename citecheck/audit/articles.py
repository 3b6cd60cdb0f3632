"""One article of an audit: fetch, hash the main content, re-parse only when it changed.

The hash covers what ingest keeps of the page — title, date, body paragraphs,
notes and bibliography, with whitespace collapsed and Unicode in NFC — and not
the raw HTML, so a new sidebar, a view counter or a rotated CSRF token does not
make every article "changed" every week. When the hash is unchanged the stored
citations stand and the notes stage is skipped; when it changed, the citations
are replaced in one transaction (:meth:`AuditStore.replace_citations`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from citecheck.audit.store import AuditStore, CitationRecord
from citecheck.errors import CitecheckError
from citecheck.model import Document
from citecheck.pipeline import is_url
from citecheck.web.urls import host_key, normalize_url

log = logging.getLogger(__name__)

# A page answering these is gone: its citations are kept but no longer checked.
GONE_STATUSES = frozenset({404, 410})
_SPACE = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def content_hash(doc: Document) -> str:
    """SHA-256 of the article's normalized main content (see the module doc)."""
    parts: dict[str, Any] = {
        "title": _norm(doc.title),
        "published": doc.published,
        "body": [_norm(p.text) for p in doc.paragraphs],
        "markers": [[m.number for m in p.markers] for p in doc.paragraphs],
        "notes": [[n.number, _norm(n.text)] for n in doc.notes],
        "bibliography": [_norm(e.text) for e in doc.bibliography],
    }
    data = json.dumps(parts, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def citation_records(doc: Document) -> list[CitationRecord]:
    """Every URL an analysed document cites, once per (note, normalized URL).

    A note's URLs (ibid notes inherit their antecedent's), a DOI without a URL
    as its https://doi.org/ link, then bibliography URLs no note reaches.
    """
    out: list[CitationRecord] = []
    seen: set[tuple[int | None, str]] = set()
    covered: set[str] = set()

    def add(url: str, note: int | None, doi: str | None, accessed: str | None) -> None:
        key = normalize_url(url)
        if not key or (note, key) in seen:
            return
        seen.add((note, key))
        covered.add(key)
        out.append(CitationRecord(url, key, host_key(key), note, doi, accessed))

    for note in doc.notes:
        for url in note.urls:
            add(url, note.number, note.doi, note.accessed)
        if note.doi and not any(note.doi in u.lower() for u in note.urls):
            add(f"https://doi.org/{note.doi}", note.number, note.doi, note.accessed)
    for entry in doc.bibliography:
        for url in entry.urls:
            if normalize_url(url) not in covered:
                add(url, None, entry.doi, entry.accessed)
    return out


@dataclass
class ArticleOutcome:
    url: str
    fetched: bool = False  # a request was made
    parsed: bool = False  # new or changed: citations stored
    unchanged: bool = False  # fetched, same content
    skipped: bool = False  # not due yet
    failed: str | None = None  # why the page could not be read
    new_links: int = 0


def article_key(item: str | Document) -> str:
    """The URL (normalized) or path an article is stored under."""
    name = (item.canonical_url or item.source) if isinstance(item, Document) else item.strip()
    return normalize_url(name) if is_url(name) else name


def _load(item: str | Document, client: Any) -> tuple[Document | None, int | None, str | None]:
    """(document, HTTP status, problem) for one article."""
    from citecheck import ingest

    if isinstance(item, Document):
        return item, None, None
    source = item.strip()
    if not is_url(source):
        try:
            return ingest.load_path(source), None, None
        except CitecheckError as exc:
            return None, None, str(exc)
    res = client.fetch(source)
    if res.error or res.status is None:
        return None, res.status, f"could not fetch the page: {res.error or 'no answer'}"
    if res.status >= 400:
        return None, res.status, f"the server answered HTTP {res.status}"
    if res.truncated:
        return None, res.status, "the page is larger than the size cap"
    try:
        doc = ingest.load_bytes(res.body, source=source, content_type=res.content_type)
    except CitecheckError as exc:
        return None, res.status, str(exc)
    return doc, res.status, None


def process_article(
    item: str | Document, store: AuditStore, client: Any, *, run_id: int, now: str
) -> ArticleOutcome:
    """Fetch (URLs), hash, and re-parse when new or changed (see the module doc)."""
    from citecheck.notes import analyze

    key = article_key(item)
    outcome = ArticleOutcome(url=key)
    site = store.site_id(host_key(key), now) if is_url(key) else None
    article_id = store.ensure_article(key, site, now)
    previous = store.article(key)
    doc, status, problem = _load(item, client)
    outcome.fetched = not isinstance(item, Document) and is_url(key)
    if doc is None:
        gone = status in GONE_STATUSES
        store.record_fetch(article_id, now, status=status, error=problem, gone=gone)
        outcome.failed = problem
        return outcome
    digest = content_hash(doc)
    if previous is not None and previous.content_hash == digest:
        store.record_fetch(article_id, now, status=status, error=None)
        outcome.unchanged = True
        return outcome
    try:
        analysed = analyze(doc)
    except Exception as exc:  # a parser bug on one page must not stop the audit
        log.exception("analysing %s failed", key)
        problem = f"could not analyse the notes ({type(exc).__name__}: {exc})"
        store.record_fetch(article_id, now, status=status, error=problem)
        outcome.failed = problem
        return outcome
    outcome.new_links = store.replace_citations(
        article_id,
        content_hash=digest,
        title=analysed.title,
        published=analysed.published,
        status=status,
        citations=citation_records(analysed),
        run_id=run_id,
        now=now,
    )
    outcome.parsed = True
    return outcome
