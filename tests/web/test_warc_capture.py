"""--capture: the real client against the farm, recorded by WarcCapture, replayed back."""

from __future__ import annotations

import errno
import gzip
import io
import json
import threading
from pathlib import Path

import pytest

from citecheck.web.warc import WarcArchive, WarcCapture, WarcError, WarcReplayClient
from tests.web.farm import PDF_BYTES, Farm, FarmHost, gzipped, html, redirect
from tests.web.warc_helpers import exchange, records

BODY_CAP = 4096
GZ_PAGE = html("Sıkıştırılmış sayfa", "gzip ile gönderilen metin " * 40)
PATHS = ["/redirect/302/2", "/gz", "/big", "/doc.pdf", "/status/404", "/moved"]


@pytest.fixture
def captured(tmp_path: Path, host: FarmHost, make_client) -> tuple[Path, dict]:
    host.route("/gz", gzipped(GZ_PAGE))
    host.route("/moved", redirect("/gz", 301))
    path = tmp_path / "run.warc.gz"
    with WarcCapture(path) as cap:
        client = make_client(on_response=cap.record, max_body_bytes=BODY_CAP)
        live = {p: client.fetch(host.url(p)) for p in PATHS}
    return path, live


def test_replay_gives_what_the_live_fetch_gave(captured: tuple[Path, dict], host: FarmHost) -> None:
    path, live = captured
    replay = WarcReplayClient(path)
    for p, got in live.items():
        again = replay.fetch(host.url(p), max_bytes=BODY_CAP)
        assert again.error is None, p
        assert (again.status, again.final_url, again.hops) == (got.status, got.final_url, got.hops)
        assert again.body == got.body, p
        assert again.truncated == got.truncated, p
        assert (again.content_type, again.charset) == (got.content_type, got.charset)
        # Only the wire headers differ: the payload is stored decoded and cut.
        wire = {"content-encoding", "content-length"}
        assert {k: v for k, v in again.headers.items() if k not in wire} == {
            k: v for k, v in got.headers.items() if k not in wire
        }
        assert again.headers["content-length"] == str(len(got.body))
    assert live["/redirect/302/2"].hops and live["/big"].truncated
    assert live["/doc.pdf"].body == PDF_BYTES and live["/gz"].body == GZ_PAGE


def test_warcio_validates_the_capture(captured: tuple[Path, dict], host: FarmHost) -> None:
    path, _ = captured
    recs = records(path)
    assert recs[0]["type"] == "warcinfo"
    assert b"software: citecheck/" in recs[0]["payload"]
    assert all(r["digest_ok"] is not False for r in recs)
    assert all(r["headers"]["WARC-Payload-Digest"] for r in recs if r["type"] == "response")
    responses = {r["headers"]["WARC-Record-ID"]: r for r in recs if r["type"] == "response"}
    requests = [r for r in recs if r["type"] == "request"]
    # Each hop of the chain is its own pair, linked by WARC-Concurrent-To.
    assert len(requests) == len(responses) == 3 + 1 + 1 + 1 + 1 + 2
    for req in requests:
        resp = responses[req["headers"]["WARC-Concurrent-To"]]
        assert resp["headers"]["WARC-Target-URI"] == req["headers"]["WARC-Target-URI"]
        assert resp["headers"]["WARC-Date"] == req["headers"]["WARC-Date"]
        assert resp["headers"]["WARC-IP-Address"] == "127.0.0.1"
        assert req["http"].protocol == "GET"  # warcio's name for the request method
    hops = [r["headers"]["WARC-Target-URI"] for r in recs if r["type"] == "response"][:3]
    assert hops == [host.url(p) for p in ("/redirect/302/2", "/redirect/302/1", "/page/landed")]


def test_decoded_and_truncated_payloads_are_declared(captured: tuple[Path, dict]) -> None:
    path, live = captured
    recs = records(path)
    by_uri = {}
    for r in recs:
        by_uri.setdefault(
            (r["type"], r["headers"].get("WARC-Target-URI", "").rsplit("/", 1)[-1]), r
        )
    gz = by_uri[("response", "gz")]
    assert gz["http"].get_header("Content-Encoding") is None
    assert gz["http"].get_header("Content-Length") == str(len(GZ_PAGE))
    assert gz["payload"] == GZ_PAGE
    note = by_uri[("metadata", "gz")]
    assert note["headers"]["WARC-Refers-To"] == gz["headers"]["WARC-Record-ID"]
    assert b"citecheck-payload: decoded" in note["payload"]
    assert b"original-content-encoding: gzip" in note["payload"]
    big = by_uri[("response", "big")]
    assert big["headers"]["WARC-Truncated"] == "length"
    assert len(big["payload"]) == BODY_CAP == len(live["/big"].body)
    assert "WARC-Truncated" not in by_uri[("response", "doc.pdf")]["headers"]


def test_head_answers_keep_their_headers_and_do_not_shadow_get(
    tmp_path: Path, host: FarmHost, make_client
) -> None:
    host.route("/gz", gzipped(GZ_PAGE))
    path = tmp_path / "probe.warc.gz"
    with WarcCapture(path) as cap:
        client = make_client(on_response=cap.record)
        client.fetch(host.url("/gz"))
        head = client.fetch(host.url("/gz"), method="HEAD")
    assert head.status == 200
    recs = records(path)
    head_resp = [r for r in recs if r["type"] == "response"][-1]
    assert head_resp["http"].get_header("Content-Encoding") == "gzip"  # nothing was decoded
    archive = WarcArchive(path)
    assert [c.method for c in archive.captures(host.url("/gz"))] == ["GET", "HEAD"]
    assert archive.lookup(host.url("/gz")).body == GZ_PAGE  # the later HEAD has no body


def test_eight_threads_capture_one_valid_file(tmp_path: Path, farm: Farm, make_client) -> None:
    hosts = farm.many_hosts(4)
    path = tmp_path / "threads.warc.gz"
    urls = [h.url(f"/page/{i}") for h in hosts for i in range(12)]
    with WarcCapture(path) as cap:
        client = make_client(on_response=cap.record, per_host=4, concurrency=8)
        chunks = [urls[i::8] for i in range(8)]
        threads = [
            threading.Thread(target=lambda c=chunk: [client.fetch(u) for u in c])
            for chunk in chunks
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert cap.exchanges == len(urls)
    recs = records(path)
    assert all(r["digest_ok"] is not False for r in recs)
    responses = [r for r in recs if r["type"] == "response"]
    assert sorted(r["headers"]["WARC-Target-URI"] for r in responses) == sorted(urls)
    ids = {r["headers"]["WARC-Record-ID"] for r in responses}
    assert {r["headers"]["WARC-Concurrent-To"] for r in recs if r["type"] == "request"} == ids
    archive = WarcArchive(path)
    assert not archive.problems and len(archive.urls()) == len(urls)


def test_an_unclosed_capture_is_already_a_valid_warc(tmp_path: Path) -> None:
    """Records are flushed one by one: a run killed now leaves a readable file."""
    path = tmp_path / "killed.warc.gz"
    cap = WarcCapture(path)
    cap.record(exchange("https://example.org/a", b"first"))
    cap.record(exchange("https://example.org/b", b"second"))
    archive = WarcArchive(path)  # read while the writer is still open
    assert not archive.problems
    assert archive.lookup("https://example.org/b").body == b"second"
    cap.close()
    cap.record(exchange("https://example.org/c"))  # after close: ignored, not a crash


def test_outcome_metadata_record(tmp_path: Path) -> None:
    path = tmp_path / "outcome.warc.gz"
    with WarcCapture(path, info={"citecheck-settings": "per_host=2"}) as cap:
        cap.record_outcome(
            "https://example.org/a", {"status": "broken", "http_status": 404}, date="2025-11-26"
        )
    recs = records(path)
    assert b"citecheck-settings: per_host=2" in recs[0]["payload"]
    meta = recs[1]
    assert meta["type"] == "metadata"
    assert meta["headers"]["WARC-Date"] == "2025-11-26T00:00:00Z"
    assert json.loads(meta["payload"]) == {"http_status": 404, "status": "broken"}


def test_fixed_dates_and_ids_make_identical_files(tmp_path: Path) -> None:
    def build(folder: str) -> bytes:
        counter = iter(range(100))
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "run.warc.gz"  # the name is in the warcinfo record
        with WarcCapture(
            path,
            record_date=lambda ex: "2025-11-26T09:00:00Z",
            make_id=lambda: f"<urn:test:{next(counter)}>",
            info_date="2025-11-26T09:00:00Z",
        ) as cap:
            cap.record(exchange("https://example.org/a", date="2031-01-01T00:00:00Z"))
        return path.read_bytes()

    first = build("one")
    assert build("two") == first
    assert b"2031" not in gzip.decompress(first)  # the table's date, not the fetch time


def test_unwritable_capture_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WarcError, match="cannot be written"):
        WarcCapture(tmp_path / "no-such-dir" / "run.warc.gz")
    if Path("/dev/full").exists():  # every write fails with "No space left on device"
        with pytest.raises(WarcError, match="cannot be written"):
            WarcCapture("/dev/full")


class _FullDisk(io.BytesIO):
    def write(self, data: bytes) -> int:  # type: ignore[override]
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failing_write_ends_the_capture_once(tmp_path: Path, caplog) -> None:
    cap = WarcCapture(tmp_path / "run.warc.gz")
    cap.record(exchange("https://example.org/a"))
    cap._fh = _FullDisk()  # the disk fills up mid-run
    cap._writer.out = cap._fh
    cap.record(exchange("https://example.org/b"))
    assert cap.closed and "No space left" in (cap.error or "")
    cap.record(exchange("https://example.org/c"))  # dropped quietly, no exception
    assert sum("not captured" in r.message for r in caplog.records) == 1
    archive = WarcArchive(tmp_path / "run.warc.gz")  # what was written before stays valid
    assert archive.urls() == ["https://example.org/a"] and not archive.problems


def test_redirect_body_never_read_is_declared(tmp_path: Path) -> None:
    path = tmp_path / "redirect.warc.gz"
    moved = [("Location", "/new"), ("Content-Length", "120"), ("Content-Type", "text/html")]
    with WarcCapture(path) as cap:
        cap.record(exchange("https://example.org/old", b"", status=301, headers=moved))
    resp, _req, meta = records(path)[1:]
    assert resp["headers"]["WARC-Truncated"] == "unspecified"
    assert resp["http"].get_header("Content-Length") == "0"
    assert b"original-content-length: 120" in meta["payload"]


def test_turkish_iri_is_found_by_its_encoded_uri(tmp_path: Path) -> None:
    """The client records the URI it asked (IRI-encoded); a cited IRI finds it."""
    uri = "https://avim.org.tr/tr/Yorum/T%C3%9CRK-DEVLETLER%C4%B0"
    path = tmp_path / "iri.warc.gz"
    with WarcCapture(path) as cap:
        cap.record(exchange(uri, "Türk Devletleri".encode()))
    res = WarcReplayClient(path).fetch("https://avim.org.tr/tr/Yorum/TÜRK-DEVLETLERİ")
    assert res.status == 200 and res.body.decode() == "Türk Devletleri"
