"""Wayback lookups against a loopback server answering with recorded-shape JSON.

The fake archive below speaks the three protocols citecheck uses — the
availability API, the CDX API and the /web/<timestamp>/<url> redirect — plus
Save Page Now, each answer scripted per test. All requests go through the real
HttpClient.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from citecheck.web.archive import Wayback, snapshot_from_url, wayback_timestamp
from citecheck.web.http import HttpClient
from citecheck.web.settings import HttpSettings

CITED = "https://www.example.org/news/2025/critical-minerals"

Answer = tuple[int, dict[str, str], bytes]


def _json(data: object, status: int = 200) -> Answer:
    return status, {"Content-Type": "application/json"}, json.dumps(data).encode()


def _available(ts: str, status: str = "200") -> Answer:
    # Shape of https://archive.org/wayback/available?url=...&timestamp=...
    return _json(
        {
            "url": CITED,
            "archived_snapshots": {
                "closest": {
                    "status": status,
                    "available": True,
                    "url": f"http://web.archive.org/web/{ts}/{CITED}",
                    "timestamp": ts,
                }
            },
        }
    )


EMPTY_AVAILABLE = _json({"url": CITED, "archived_snapshots": {}})
HTML_ERROR = (502, {"Content-Type": "text/html"}, b"<html><body>Bad gateway</body></html>")
RATE_LIMITED = (429, {"Content-Type": "text/html", "Retry-After": "0"}, b"slow down")
NOT_JSON = (200, {"Content-Type": "application/json"}, b'{"archived_snapshots": {"closest": ')
CDX_HEADER = ["timestamp", "original", "statuscode"]


class FakeArchive:
    """Routes: "available" | "cdx" | "web" | "save" -> callable(path, query) -> Answer."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[str, dict[str, list[str]]], Answer]] = {}
        self.log: list[str] = []
        archive = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                archive.log.append(self.path)
                parts = urlsplit(self.path)
                query = parse_qs(parts.query)
                if parts.path == "/wayback/available":
                    route = "available"
                elif parts.path == "/cdx/search/cdx":
                    route = "cdx"
                elif parts.path.startswith("/web/"):
                    route = "web"
                elif parts.path.startswith("/save/"):
                    route = "save"
                else:
                    route = ""
                fn = archive.routes.get(route)
                status, headers, body = fn(self.path, query) if fn else (404, {}, b"no")
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def archive():
    fake = FakeArchive()
    yield fake
    fake.close()


@pytest.fixture
def wayback(archive):
    settings = HttpSettings(
        allow_private=True,
        min_delay=0,
        retries=1,
        backoff_base=0.01,
        backoff_max=0.02,
        trust_env=False,
    )
    client = HttpClient(settings)
    yield Wayback(client, api_base=archive.base, web_base=archive.base)
    if hasattr(client, "close"):
        client.close()


def test_timestamps_of_partial_dates():
    assert wayback_timestamp("2025-11-26") == "20251126235959"
    assert wayback_timestamp("2025-11") == "20251130235959"
    assert wayback_timestamp("2024-02") == "20240229235959"
    assert wayback_timestamp("2025") == "20251231235959"
    assert wayback_timestamp("2025-11-26", end_of_period=False) == "20251126000000"
    assert wayback_timestamp("2025-13-01") is None
    assert wayback_timestamp("Kasım 2025") is None
    assert wayback_timestamp(None) is None
    assert snapshot_from_url(
        "https://web.archive.org/web/20200101000000id_/http://x/"
    ).timestamp == ("20200101000000")


def test_availability_answer_before_the_access_date(archive, wayback):
    archive.routes["available"] = lambda p, q: _available("20251120101010")
    snap = wayback.find_snapshot(CITED, accessed="2025-11-26")
    assert snap is not None and snap.timestamp == "20251120101010"
    assert snap.url == f"https://web.archive.org/web/20251120101010/{CITED}"
    assert len(archive.log) == 1
    assert "timestamp=20251126235959" in archive.log[0]


def test_empty_availability_falls_back_to_cdx_and_skips_non_2xx(archive, wayback):
    archive.routes["available"] = lambda p, q: EMPTY_AVAILABLE
    seen: list[dict[str, list[str]]] = []

    def cdx(path: str, q: dict[str, list[str]]) -> Answer:
        seen.append(q)
        # A server that ignores the status filter: the 404 row must not be chosen.
        return _json(
            [
                CDX_HEADER,
                ["20240101000000", CITED, "200"],
                ["20251001000000", CITED, "200"],
                ["20251125000000", CITED, "404"],
            ]
        )

    archive.routes["cdx"] = cdx
    snap = wayback.find_snapshot(CITED, accessed="2025-11-26")
    assert snap is not None and snap.timestamp == "20251001000000"
    assert snap.url == f"{archive.base}/web/20251001000000/{CITED}"
    assert seen[0]["to"] == ["20251126235959"] and seen[0]["filter"] == ["statuscode:2.."]
    assert seen[0]["output"] == ["json"] and seen[0]["url"] == [CITED]


def test_closest_after_when_nothing_before(archive, wayback):
    archive.routes["available"] = lambda p, q: EMPTY_AVAILABLE

    def cdx(path: str, q: dict[str, list[str]]) -> Answer:
        if "to" in q:
            return _json([CDX_HEADER])  # header only: no capture before
        return _json(
            [CDX_HEADER, ["20260105000000", CITED, "200"], ["20260301000000", CITED, "200"]]
        )

    archive.routes["cdx"] = cdx
    snap = wayback.find_snapshot(CITED, accessed="2025-11-26")
    assert snap is not None and snap.timestamp == "20260105000000"


def test_article_date_when_no_access_date(archive, wayback):
    archive.routes["available"] = lambda p, q: _available("20251201000000")
    snap = wayback.find_snapshot(CITED, accessed=None, fallback_date="2025-12-16")
    assert snap is not None and snap.timestamp == "20251201000000"
    assert "timestamp=20251216235959" in archive.log[0]


def test_later_availability_answer_is_kept_when_cdx_fails(archive, wayback):
    archive.routes["available"] = lambda p, q: _available("20260101000000")
    archive.routes["cdx"] = lambda p, q: HTML_ERROR
    snap = wayback.find_snapshot(CITED, accessed="2025-11-26")
    assert snap is not None and snap.timestamp == "20260101000000"


def test_non_2xx_availability_answer_is_ignored(archive, wayback):
    archive.routes["available"] = lambda p, q: _available("20251120000000", status="302")
    archive.routes["cdx"] = lambda p, q: _json([])  # CDX: no 2xx capture at all
    assert wayback.find_snapshot(CITED, accessed="2025-11-26") is None


def test_malformed_json_and_429_fall_back_to_web_redirect(archive, wayback):
    archive.routes["available"] = lambda p, q: NOT_JSON
    archive.routes["cdx"] = lambda p, q: RATE_LIMITED

    def web(path: str, q: dict[str, list[str]]) -> Answer:
        if path.startswith("/web/20251126235959/"):
            return 302, {"Location": f"/web/20251111090000/{CITED}"}, b""
        if path.startswith("/web/20251111090000/"):
            return 200, {"Content-Type": "text/html"}, b"<html>the archived page</html>"
        return 404, {}, b""

    archive.routes["web"] = web
    snap = wayback.find_snapshot(CITED, accessed="2025-11-26")
    assert snap is not None and snap.timestamp == "20251111090000"
    assert snap.url == f"{archive.base}/web/20251111090000/{CITED}"
    assert wayback.problems  # the failed APIs are recorded


def test_web_redirect_to_a_captured_redirect_is_not_a_copy(archive, wayback):
    archive.routes["available"] = lambda p, q: HTML_ERROR
    archive.routes["cdx"] = lambda p, q: HTML_ERROR

    def web(path: str, q: dict[str, list[str]]) -> Answer:
        if path.startswith("/web/20251126235959/"):
            return 302, {"Location": f"/web/20251111090000/{CITED}"}, b""
        return 302, {"Location": "/web/20251111090001/https://www.example.org/"}, b""

    archive.routes["web"] = web
    assert wayback.find_snapshot(CITED, accessed="2025-11-26") is None


def test_nothing_anywhere(archive, wayback):
    archive.routes["available"] = lambda p, q: EMPTY_AVAILABLE
    archive.routes["cdx"] = lambda p, q: _json([])
    assert wayback.find_snapshot(CITED, accessed="2025-11-26") is None


def test_save_page_reads_the_new_capture(archive, wayback):
    def save(path: str, q: dict[str, list[str]]) -> Answer:
        return 302, {"Location": f"/web/20261122120000/{CITED}"}, b""

    archive.routes["save"] = save
    archive.routes["web"] = lambda p, q: (200, {"Content-Type": "text/html"}, b"<html>ok</html>")
    snap = wayback.save_page(CITED)
    assert snap is not None and snap.timestamp == "20261122120000"
    assert archive.log[0] == f"/save/{CITED}"


def test_save_page_refused(archive, wayback):
    archive.routes["save"] = lambda p, q: (403, {}, b"no")
    assert wayback.save_page(CITED) is None
    assert wayback.problems
