"""Wires the stages for each command; no stage imports a later one.

ingest → notes (pure) → web (all network I/O) → verify → report.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.errors import InputError
from citecheck.model import Document


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def read_document(source: str, *, http_settings: object | None = None) -> Document:
    """Read a document from a path or an http(s) URL (fetched with the one HTTP client)."""
    from citecheck import ingest

    if not is_url(source):
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not a document")
        return ingest.load_path(path)

    from citecheck.web.http import HttpClient
    from citecheck.web.settings import HttpSettings

    settings = http_settings if isinstance(http_settings, HttpSettings) else HttpSettings()
    result = HttpClient(settings).fetch(source)
    if result.error or result.status is None:
        raise InputError(f"{source}: could not fetch the page: {result.error or 'no answer'}")
    if result.status >= 400:
        raise InputError(f"{source}: the server answered HTTP {result.status}")
    if result.truncated:
        raise InputError(f"{source}: the page is larger than the size cap")
    return ingest.load_bytes(result.body, source=source, content_type=result.content_type)


def analyse(source: str, *, http_settings: object | None = None) -> Document:
    """Ingest and run the notes stage: what ``citecheck notes`` shows."""
    doc = read_document(source, http_settings=http_settings)
    from citecheck.notes import analyze

    return analyze(doc)
