"""--archive: choosing captures, following recorded redirects, damaged and foreign files."""

from __future__ import annotations

import gzip
import io
import random
import sys
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from citecheck.errors import InputError
from citecheck.web.warc import WarcArchive, WarcError, WarcReplayClient
from tests.web.warc_helpers import boundaries, exchange, write_warc

PAGE = "https://example.org/report"


def dated(tmp_path: Path) -> Path:
    return write_warc(
        tmp_path / "dated.warc.gz",
        [
            exchange(PAGE, b"june", date="2025-06-01T12:00:00Z"),
            exchange(PAGE, b"january", date="2025-01-10T08:00:00Z"),
            exchange(PAGE, b"gone", status=404, date="2026-05-19T07:00:00Z"),
            exchange(PAGE, b"december", date="2025-12-01T00:00:00Z"),
        ],
    )


@pytest.mark.parametrize(
    ("near", "body"),
    [
        ("2025-07-15", b"june"),  # nearest before
        ("2025-06-01", b"june"),  # the same day counts as before (end of the day)
        ("2025-06", b"june"),  # a month means up to its last day
        ("2025-05-31", b"january"),
        ("2024-12-31", b"january"),  # nothing before: the nearest after
        ("2026-01-01", b"december"),
        ("2026-06-01", b"gone"),
        (None, b"gone"),  # no date: the latest capture
        ("not a date", b"gone"),
    ],
)
def test_capture_nearest_before_the_date(tmp_path: Path, near: str | None, body: bytes) -> None:
    found = WarcArchive(dated(tmp_path)).lookup(PAGE, near=near)
    assert found is not None and found.body == body


def test_replay_client_dates_results_by_capture(tmp_path: Path) -> None:
    path = dated(tmp_path)
    client = WarcReplayClient(path, near="2025-11-26")
    res = client.fetch(PAGE)
    assert (res.status, res.body, res.fetched_at) == (200, b"june", "2025-06-01T12:00:00Z")
    assert res.attempts == 0 and res.error_kind is None
    assert client.fetch(PAGE, near="2027-01-01").status == 404
    assert client.fetch(PAGE + "?utm_source=x#top").body == b"june"  # normalized lookups
    assert client.probe(PAGE).status == 200


def test_url_not_in_archive_is_not_checked_never_an_exception(tmp_path: Path) -> None:
    client = WarcReplayClient(dated(tmp_path))
    res = client.fetch("https://example.org/elsewhere")
    assert res.status is None and res.error_kind == "not_checked"
    assert res.error_code == "not_archived" and "dated.warc.gz" in res.error
    assert client.misses == ["https://example.org/elsewhere"]
    assert client.fetch("htp:/x").error_kind == "invalid_url"
    assert WarcArchive(dated(tmp_path)).lookup("https://example.org/elsewhere") is None


def test_recorded_redirects_are_followed_to_the_capture_nearest_in_time(tmp_path: Path) -> None:
    old, new = "https://example.org/old", "https://example.org/new/"
    moved = [("Location", "/new/"), ("Content-Length", "0")]
    path = write_warc(
        tmp_path / "redirects.warc.gz",
        [
            exchange(new, b"new, earlier", date="2025-01-01T00:00:00Z"),
            exchange(old, b"", status=301, headers=moved, date="2025-11-26T09:00:00Z"),
            exchange(new, b"new, same run", date="2025-11-26T09:00:01Z"),
            exchange(new, b"new, later", date="2026-03-01T00:00:00Z"),
            exchange("https://example.org/lost", b"", status=302,
                     headers=[("Location", "https://other.example/x")], date="2025-11-26"),
        ],
    )  # fmt: skip
    client = WarcReplayClient(path, near="2025-12-01")
    res = client.fetch(old)
    assert (res.status, res.body, res.final_url) == (200, b"new, same run", new)
    assert [(h.url, h.status) for h in res.hops] == [(old, 301)]
    assert client.fetch(old, follow_redirects=False).status == 301
    lost = client.fetch("https://example.org/lost")
    assert lost.error_code == "redirect_not_archived" and lost.status is None
    assert lost.final_url == "https://other.example/x" and lost.hops[0].status == 302


def test_recorded_redirect_loop_ends(tmp_path: Path) -> None:
    a, b = "https://example.org/a", "https://example.org/b"
    path = write_warc(
        tmp_path / "loop.warc.gz",
        [
            exchange(a, b"", status=302, headers=[("Location", b)]),
            exchange(b, b"", status=302, headers=[("Location", a)]),
        ],
    )
    res = WarcReplayClient(path).fetch(a)
    assert res.error_code == "redirect_loop" and len(res.hops) == 2


def test_the_same_url_negotiated_two_ways(tmp_path: Path) -> None:
    """doi.org answers CSL-JSON or a landing-page redirect for one URL, by Accept."""
    doi = "https://doi.org/10.5281/zenodo.7827403"
    csl = "application/vnd.citationstyles.csl+json"
    path = write_warc(
        tmp_path / "doi.warc.gz",
        [
            exchange(doi, b'{"title": "x"}', accept=csl,
                     headers=[("Content-Type", csl)], date="2025-12-15T10:00:00Z"),
            exchange(doi, b"", status=302, headers=[("Location", "https://zenodo.org/records/1")],
                     date="2025-12-15T11:00:00Z"),
        ],
    )  # fmt: skip
    client = WarcReplayClient(path)
    assert client.fetch(doi, headers={"Accept": csl}).body == b'{"title": "x"}'
    assert client.fetch(doi, follow_redirects=False).status == 302
    # A data type never recorded: another data-type capture serves before the HTML one.
    assert client.fetch(doi, headers={"Accept": "application/json"}).status == 200
    assert client.fetch(doi).error_code == "redirect_not_archived"  # a browser's: the 302


def test_foreign_warc_with_encoded_chunked_payload_is_decoded(tmp_path: Path) -> None:
    """Other tools store the wire bytes (gzip, chunked); replay hands out the page."""
    page = b"<html><body>" + b"Kazatomprom " * 200 + b"</body></html>"
    packed = gzip.compress(page)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
    path = tmp_path / "foreign.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
             ("Transfer-Encoding", "chunked")],
            protocol="HTTP/1.1",
        )  # fmt: skip
        rec = writer.create_warc_record(
            PAGE, "response", payload=io.BytesIO(chunked), length=len(chunked), http_headers=http
        )
        writer.write_record(rec)
    res = WarcReplayClient(path).fetch(PAGE)
    assert res.body == page and res.status == 200
    assert "content-encoding" not in res.headers and "transfer-encoding" not in res.headers
    capped = WarcReplayClient(path).fetch(PAGE, max_bytes=100)
    assert capped.truncated and len(capped.body) == 100


# ---------------------------------------------------------------- damaged files


def sample(tmp_path: Path) -> bytes:
    urls = [f"https://example.org/p{i}" for i in range(6)]
    path = write_warc(
        tmp_path / "sample.warc.gz",
        [exchange(u, f"body of {u} ".encode() * 30) for u in urls],
    )
    return path.read_bytes()


def cut_points(data: bytes) -> list[tuple[int, int]]:
    """(cut offset, start of the record it falls in) inside each record: deterministic."""
    starts = boundaries(data)
    ends = [*starts[1:], len(data)]
    out = []
    for start, end in zip(starts[1:], ends[1:], strict=True):
        for cut in (start + 1, start + 20, (start + end) // 2, end - 12):
            out.append((cut, start))
    return out


def test_truncated_warc_keeps_the_prefix_and_says_where(tmp_path: Path) -> None:
    data = sample(tmp_path)
    whole = WarcArchive(tmp_path / "sample.warc.gz")
    assert not whole.problems and len(whole.urls()) == 6
    path = tmp_path / "cut.warc.gz"
    for cut, start in cut_points(data):
        path.write_bytes(data[:cut])
        archive = WarcArchive(path)
        assert [p.offset for p in archive.problems] == [start], cut
        assert str(path) in str(archive.problems[0]) and f"offset {start}" in str(
            archive.problems[0]
        )
        # Everything before the damage replays as from the whole file.
        readable = [u for u in whole.urls() if whole.captures(u)[0].offset < start]
        for url in whole.urls():
            got = archive.lookup(url)
            if url in readable:
                assert got is not None and got.body == whole.lookup(url).body
            elif whole.captures(url)[0].offset > start:
                assert got is None


def test_uncompressed_warc_and_its_truncation(tmp_path: Path) -> None:
    plain = gzip.decompress(sample(tmp_path))
    path = tmp_path / "plain.warc"
    path.write_bytes(plain)
    assert not WarcArchive(path).problems
    starts = boundaries(plain)
    path.write_bytes(plain[: starts[3] + 40])
    archive = WarcArchive(path)
    assert [p.offset for p in archive.problems] == [starts[3]]


@pytest.mark.parametrize("junk", [b"garbage\n" * 10, gzip.compress(b"not a record\r\n\r\n")])
def test_garbage_after_the_last_record(tmp_path: Path, junk: bytes) -> None:
    data = sample(tmp_path)
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(data + junk)
    archive = WarcArchive(path)
    assert [p.offset for p in archive.problems] == [len(data)]
    assert len(archive.urls()) == 6


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"<html><body>not an archive</body></html>", "not a readable WARC"),
        (gzip.compress(b"just text, gzipped"), "not a readable WARC"),
        (b"\x1f\x8b\x08\x00", "not a readable WARC"),
    ],
)
def test_unusable_files_are_clear_errors(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(content)
    with pytest.raises(WarcError) as info:
        WarcArchive(path)
    assert isinstance(info.value, InputError)  # exit status 2, as every input error
    assert str(path) in str(info.value) and words in str(info.value)
    assert info.value.offset == 0 and "byte offset 0" in str(info.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(WarcError, match="no such file"):
        WarcArchive(tmp_path / "absent.warc.gz")
    with pytest.raises(WarcError, match="not a file"):
        WarcArchive(tmp_path)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=10_000), junk=st.binary(max_size=64))
def test_any_damage_is_a_problem_or_a_warc_error(tmp_path: Path, cut: int, junk: bytes) -> None:
    data = sample(tmp_path)
    path = tmp_path / "fuzz.warc.gz"
    path.write_bytes(data[: cut % (len(data) + 1)] + junk)
    try:
        archive = WarcArchive(path)
    except WarcError:
        return
    for problem in archive.problems:
        assert 0 <= problem.offset <= len(data)
    for url in archive.urls():
        archive.lookup(url)  # every indexed capture can be read back


def test_index_holds_no_bodies(tmp_path: Path) -> None:
    # 20 MiB that gzip cannot shrink much, like a real PDF. (A body that compresses
    # 1000:1 is expanded by warcio one 16 KiB compressed block at a time, which
    # peaks at ~16 MiB: transient, and never in the index.)
    big = random.Random(7).randbytes(20 * 1024 * 1024)
    path = write_warc(
        tmp_path / "big.warc.gz",
        [exchange("https://example.org/big.pdf", big), exchange("https://example.org/small")],
    )
    tracemalloc.start()
    try:
        archive = WarcArchive(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not archive.problems

    def size(obj: object, seen: set[int]) -> int:
        if id(obj) in seen:
            return 0
        seen.add(id(obj))
        n = sys.getsizeof(obj)
        if isinstance(obj, dict):
            n += sum(size(k, seen) + size(v, seen) for k, v in obj.items())
        elif isinstance(obj, list | tuple):
            n += sum(size(v, seen) for v in obj)
        elif hasattr(obj, "__slots__"):
            n += sum(size(getattr(obj, s), seen) for s in obj.__slots__)
        return n

    assert size(archive.index, set()) < 8 * 1024  # two small entries, no 20 MiB body
    assert peak < 4 * 1024 * 1024  # streamed in chunks while indexing
    assert len(archive.lookup("https://example.org/big.pdf").body) == len(big)


def test_revisit_records_take_the_payload_they_refer_to(tmp_path: Path) -> None:
    """Deduplicating crawlers store an unchanged page once and 'revisit' records after."""
    page = b"<html><body>unchanged page</body></html>"
    path = tmp_path / "dedup.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def http(date: str) -> StatusAndHeaders:
            return StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html"), ("Date", date)], protocol="HTTP/1.1"
            )

        first = writer.create_warc_record(
            PAGE, "response", payload=io.BytesIO(page), length=len(page),
            http_headers=http("Mon, 01 Sep 2025 10:00:00 GMT"),
            warc_headers_dict={"WARC-Date": "2025-09-01T10:00:00Z"},
        )  # fmt: skip
        writer.write_record(first)
        digest = first.rec_headers.get_header("WARC-Payload-Digest")
        again = writer.create_revisit_record(
            PAGE, digest, PAGE, "2025-09-01T10:00:00Z",
            http_headers=http("Wed, 26 Nov 2025 09:00:00 GMT"),
            warc_headers_dict={"WARC-Date": "2025-11-26T09:00:00Z"},
        )  # fmt: skip
        writer.write_record(again)
        orphan = writer.create_revisit_record(
            "https://example.org/orphan", "sha1:AAAA", "https://example.org/orphan",
            "2020-01-01T00:00:00Z", http_headers=http("Wed, 01 Jan 2020 00:00:00 GMT"),
        )  # fmt: skip
        writer.write_record(orphan)
    archive = WarcArchive(path)
    res = WarcReplayClient(archive).fetch(PAGE, near="2025-11-30")
    assert res.body == page and res.fetched_at == "2025-11-26T09:00:00Z"
    assert res.headers["date"] == "Wed, 26 Nov 2025 09:00:00 GMT"  # the revisit's own headers
    assert archive.lookup("https://example.org/orphan") is None
    assert any("refers to no record" in p.message for p in archive.problems)


def test_archived_copy_is_the_2xx_capture_nearest_before(tmp_path: Path) -> None:
    client = WarcReplayClient(dated(tmp_path))
    snap = client.archived_copy(PAGE, near="2026-12-31")  # the 404 of 2026 is no copy
    assert snap is not None and (snap.timestamp, snap.source) == ("20251201000000", "warc")
    assert client.archived_copy(PAGE, near="2025-03-01").timestamp == "20250110080000"
    assert client.archived_copy(PAGE, near="2024-01-01").timestamp == "20250110080000"
    assert client.archived_copy("https://example.org/none") is None
