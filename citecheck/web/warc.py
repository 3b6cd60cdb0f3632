"""Web archives (WARC) for ``citecheck check``: capture a run, replay it later.

- :class:`~citecheck.web.warc_write.WarcCapture` (``--capture FILE.warc.gz``):
  an ``HttpClient(on_response=capture.record)`` observer writing every exchange.
- :class:`~citecheck.web.warc_read.WarcArchive` (``--archive FILE.warc.gz``):
  a once-read index of a WARC; ``lookup(url, near=date)`` finds a capture.
- :class:`WarcReplayClient` (here): the ``fetch``/``probe`` interface of
  :class:`~citecheck.web.http.HttpClient` answered from a WARC, so source
  fetching, page metadata and DOI registries run unchanged on archived copies.
  A URL the archive lacks comes back as ``error_kind="not_checked"``
  (``error_code="not_archived"``), never as an exception.
"""

from __future__ import annotations

import threading
from pathlib import Path

from citecheck.codes import LinkStatus
from citecheck.model import ArchiveSnapshot
from citecheck.web.body import Body
from citecheck.web.errors import RedirectLoop
from citecheck.web.result import FetchResult
from citecheck.web.settings import HttpSettings
from citecheck.web.urls import UrlError, to_uri
from citecheck.web.warc_read import (
    ArchivedResponse,
    Capture,
    WarcArchive,
    WarcError,
    WarcProblem,
    accept_key,
)
from citecheck.web.warc_write import WarcCapture

__all__ = [
    "ArchivedResponse",
    "Capture",
    "WarcArchive",
    "WarcCapture",
    "WarcError",
    "WarcProblem",
    "WarcReplayClient",
    "accept_key",
    "capture_time_iso",
]

NOT_ARCHIVED = "not_archived"  # error_code of a URL the archive has no capture of
REDIRECT_NOT_ARCHIVED = "redirect_not_archived"  # a recorded redirect leads outside the archive


def capture_time_iso(warc_date: str) -> str:
    """A WARC-Date as the client's ``fetched_at`` form (ISO 8601 UTC, whole seconds)."""
    date = warc_date.strip()
    if "." in date:
        date = date.split(".", 1)[0] + "Z"
    return date


class WarcReplayClient:
    """``fetch``/``probe`` answered from a :class:`WarcArchive` instead of the network.

    ``near`` is the default date captures are chosen by (the one nearest
    before it; see :meth:`WarcArchive.lookup`); ``fetch(..., near=...)``
    overrides it per call (a note's access date). ``fetched_at`` of a result is
    the capture time. Thread-safe: lookups open the file themselves.
    """

    def __init__(
        self,
        archive: WarcArchive | str | Path,
        *,
        near: str | None = None,
        settings: HttpSettings | None = None,
    ) -> None:
        self.archive = archive if isinstance(archive, WarcArchive) else WarcArchive(archive)
        self.near = near
        self.settings = settings or HttpSettings()
        self._lock = threading.Lock()
        self.lookups = 0
        self.misses: list[str] = []  # URLs asked for that the archive lacks

    @property
    def problems(self) -> list[WarcProblem]:
        return list(self.archive.problems)

    def fetch(
        self,
        url: str,
        *,
        method: str = "GET",
        max_bytes: int | None = None,
        headers: dict[str, str] | None = None,
        follow_redirects: bool = True,
        near: str | None = None,
    ) -> FetchResult:
        """The archived answer for ``url`` as a FetchResult; never raises."""
        method = method.upper()
        try:
            uri = to_uri(url)
        except UrlError as e:
            return FetchResult(
                url=url if isinstance(url, str) else repr(url),
                method=method,
                error_kind=LinkStatus.INVALID_URL,
                error_code="invalid_url",
                error=f"invalid URL: {e}",
            )
        accept = next((v for k, v in (headers or {}).items() if k.lower() == "accept"), None)
        cap = self.settings.max_body_bytes if max_bytes is None else max(0, max_bytes)
        found = self.archive.lookup(
            uri,
            near=near if near is not None else self.near,
            accept=accept,
            method=method,
            max_bytes=cap,
            follow_redirects=follow_redirects,
        )
        with self._lock:
            self.lookups += 1
            if found is None:
                self.misses.append(uri)
        if found is None:
            return FetchResult(
                url=uri,
                method=method,
                error_kind=LinkStatus.NOT_CHECKED,
                error_code=NOT_ARCHIVED,
                error=f"not in the web archive {self.archive.path.name}",
            )
        return self._result(uri, method, found)

    def archived_copy(self, url: str, *, near: str | None = None) -> ArchiveSnapshot | None:
        """The 2xx capture nearest before ``near`` (see :meth:`WarcArchive.archived_copy`)."""
        return self.archive.archived_copy(url, near=near if near is not None else self.near)

    def probe(
        self, url: str, *, max_bytes: int | None = None, need_body: bool = False
    ) -> FetchResult:
        """As ``HttpClient.probe``: the archived GET answer, body capped at the probe size."""
        cap = self.settings.probe_body_bytes if max_bytes is None else max_bytes
        return self.fetch(url, method="GET", max_bytes=cap)

    def close(self) -> None:
        pass  # nothing held open between lookups

    def __enter__(self) -> WarcReplayClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _result(uri: str, method: str, found: ArchivedResponse) -> FetchResult:
        result = FetchResult(url=uri, method=method)
        result.final_url = found.final_url
        result.hops = list(found.hops)
        result.status = found.status
        result.headers = {k.lower(): v for k, v in found.headers}
        _content_type(result)
        result.set_body(Body(found.body, found.truncated, len(found.body), not found.truncated))
        result.fetched_at = capture_time_iso(found.date)
        if found.redirect_loop:
            result.failed(RedirectLoop(f"archived redirect loop back to {found.final_url}"))
        elif found.missing_target:
            # As the live client when a redirect target fails: the chain so far, no answer.
            result.final_url = found.missing_target
            result.clear_response()
            result.body = b""
            result.error_kind = LinkStatus.NOT_CHECKED
            result.error_code = REDIRECT_NOT_ARCHIVED
            result.error = f"the archived redirect leads to {found.missing_target}, not archived"
        return result


def _content_type(result: FetchResult) -> None:
    """content_type and charset from the stored Content-Type, as set_response does."""
    media, _, params = result.headers.get("content-type", "").partition(";")
    result.content_type = media.strip().lower() or None
    for p in params.split(";"):
        name, _, value = p.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            result.charset = value.strip().strip("\"'").lower()
