"""Fetch and read the sources cited by notes: the text claims are verified against.

Each distinct URL is fetched once, concurrently, through the one client (live
``HttpClient`` or a ``WarcReplayClient`` answering from an archive), and its
main text extracted (:mod:`citecheck.web.extract`). A source that cannot be
fetched or read comes back with a ``problem`` in plain words and no text: its
claims become ``unverifiable`` with that reason, never an exception.

Local files (``citecheck verify --source 5=page.html``) are read the same way.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citecheck.web.extract import SourceText, extract_source

__all__ = ["FetchedSource", "fetch_sources", "read_local_source"]

# Sources are read whole (a PDF of a report, a long analysis), but not without
# bound: 20 MB is far above any article page and well below memory trouble.
SOURCE_MAX_BYTES = 20 * 1024 * 1024
_LOCAL_TYPES = {".txt": "text/plain", ".md": "text/plain", ".html": "text/html"}


@dataclass
class FetchedSource:
    url: str  # as cited (or the local path)
    source: SourceText | None  # None when nothing was fetched
    problem: str | None = None  # why there is no usable text
    final_url: str | None = None
    status: int | None = None
    fetched_at: str | None = None
    from_archive: bool = False  # answered from a WARC, not the live web

    @property
    def readable(self) -> bool:
        return self.source is not None and bool(self.source.text)


def read_local_source(path: str | Path) -> FetchedSource:
    p = Path(path)
    try:
        body = p.read_bytes()
    except OSError as exc:
        return FetchedSource(str(p), None, f"the file cannot be read ({exc.strerror or exc})")
    ctype = _LOCAL_TYPES.get(p.suffix.lower()) or mimetypes.guess_type(p.name)[0]
    return _read(str(p), body, ctype, p.resolve().as_uri(), status=200)


def fetch_sources(
    urls: Iterable[str],
    client: Any,
    *,
    near: dict[str, str | None] | None = None,
    workers: int = 8,
) -> dict[str, FetchedSource]:
    """``{url: FetchedSource}`` for every distinct URL (local paths read from disk).

    ``near`` gives, per URL, the date whose archived capture to prefer (the note's
    access date) when ``client`` replays an archive.
    """
    distinct = list(dict.fromkeys(urls))
    near = near or {}
    replay = hasattr(client, "archive")  # WarcReplayClient: captures chosen by date

    def one(url: str) -> FetchedSource:
        if not url.lower().startswith(("http://", "https://")):
            return read_local_source(url)
        try:
            kwargs = {"near": near.get(url)} if replay else {}
            res = client.fetch(url, max_bytes=SOURCE_MAX_BYTES, **kwargs)
        except Exception as exc:  # one source never stops the others
            return FetchedSource(url, None, f"the source could not be fetched ({exc})")
        if res.error or res.status is None:
            return FetchedSource(url, None, res.error or "no answer", from_archive=replay)
        if res.status >= 400:
            return FetchedSource(
                url, None, f"the server answered HTTP {res.status}", status=res.status,
                final_url=res.final_url, fetched_at=res.fetched_at, from_archive=replay,
            )  # fmt: skip
        fetched = _read(url, res.body, res.content_type, res.final_url or url, status=res.status)
        fetched.fetched_at, fetched.from_archive = res.fetched_at, replay
        if res.truncated and fetched.source is not None:
            fetched.source.truncated = True
        return fetched

    if not distinct:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(distinct)))) as pool:
        return dict(zip(distinct, pool.map(one, distinct), strict=True))


def _read(url: str, body: bytes, ctype: str | None, base: str, *, status: int) -> FetchedSource:
    try:
        source = extract_source(body, ctype, base)
    except Exception as exc:  # extraction promises not to raise; keep the promise here too
        return FetchedSource(url, None, f"the source could not be read ({exc})", status=status)
    problem = None
    if not source.text:
        problem = "; ".join(p.split(": ", 1)[-1] for p in source.problems) or "no readable text"
    return FetchedSource(url, source, problem, final_url=base, status=status)
