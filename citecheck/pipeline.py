"""Wires the stages for each command; no stage imports a later one.

ingest → notes (pure) → web (all network I/O) → verify → report.
"""

from __future__ import annotations

from pathlib import Path

from citecheck.errors import InputError
from citecheck.model import Document


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def read_document(
    source: str, *, http_settings: object | None = None, client: object | None = None
) -> Document:
    """Read a document from a path or an http(s) URL (fetched with the one HTTP client:
    ``client`` when the caller has one — a capture or replay client —, else a new one)."""
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

    if client is not None:
        result = client.fetch(source)  # type: ignore[attr-defined]
    else:
        settings = http_settings if isinstance(http_settings, HttpSettings) else HttpSettings()
        with HttpClient(settings) as own:
            result = own.fetch(source)
    if result.error or result.status is None:
        raise InputError(f"{source}: could not fetch the page: {result.error or 'no answer'}")
    if result.status >= 400:
        raise InputError(f"{source}: the server answered HTTP {result.status}")
    if result.truncated:
        raise InputError(f"{source}: the page is larger than the size cap")
    return ingest.load_bytes(result.body, source=source, content_type=result.content_type)


def analyse(
    source: str, *, http_settings: object | None = None, client: object | None = None
) -> Document:
    """Ingest and run the notes stage: what ``citecheck notes`` shows."""
    doc = read_document(source, http_settings=http_settings, client=client)
    from citecheck.notes import analyze

    return analyze(doc)


def looks_like_url_list(text: str) -> bool:
    """A file of URLs, one per line (blank lines and # comments allowed)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return bool(lines) and all(is_url(ln) and " " not in ln for ln in lines)


URL_LIST_SNIFF_BYTES = 65536  # enough lines to tell a URL list from an article


def gather_targets(inputs: list[str], stdin_text: str | None = None) -> list:
    """LinkTargets from documents, URL-list files, bare URLs and stdin ("-")."""
    from citecheck.web.links import LinkTarget, targets_from_document, targets_from_urls

    targets: list = []
    for item in inputs:
        if item == "-":
            targets += targets_from_urls((stdin_text or "").splitlines())
        elif is_url(item):
            targets.append(LinkTarget(url=item, notes=[]))
        else:
            path = Path(item)
            if path.is_file():
                with path.open("rb") as fh:
                    head = fh.read(URL_LIST_SNIFF_BYTES)
                try:
                    if looks_like_url_list(head.decode("utf-8")):
                        lines = path.read_text(encoding="utf-8").splitlines()
                        targets += targets_from_urls(lines)
                        continue
                except UnicodeDecodeError:
                    pass
            targets += targets_from_document(analyse(item))
    return targets
