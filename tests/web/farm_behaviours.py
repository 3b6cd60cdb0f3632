"""Scripted behaviours of the loopback farm (tests/web/farm.py): well-formed answers,
and the hostile ones a link checker meets — slowloris bodies, endless bodies, gzip
bombs, huge headers, resets, bot walls, lying HEAD answers.

A behaviour is a callable taking the request context (``farm.Ctx``); factories
below build them. Paths of :data:`BUILTINS` and the parameterised paths of
:func:`builtin` are served by every farm host.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import time
import zlib
from collections.abc import Callable
from email.utils import formatdate
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.web.farm import Ctx

Behaviour = Callable[["Ctx"], None]


def html(title: str, text: str, lang: str = "tr") -> bytes:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><h1>{title}</h1><p>{text}</p></body></html>"
    ).encode()


def page(title: str = "Sayfa", text: str = "İçerik.", status: int = 200, headers=()) -> Behaviour:
    body = html(title, text)
    return lambda ctx: ctx.send(status, body, list(headers))


def status(code: int, headers=(), body: bytes | None = None) -> Behaviour:
    payload = body if body is not None else html(f"{code}", f"Status {code}", "en")
    return lambda ctx: ctx.send(code, payload, list(headers))


def redirect(location: str, code: int = 301) -> Behaviour:
    return lambda ctx: ctx.send(code, b"", [("Location", location)], content_type=None)


def sequence(*behaviours: Behaviour) -> Behaviour:
    """The n-th request of a path gets the n-th behaviour; the last one repeats."""
    return lambda ctx: behaviours[min(ctx.count, len(behaviours)) - 1](ctx)


def head_differs(head: Behaviour, get: Behaviour) -> Behaviour:
    return lambda ctx: (head if ctx.method == "HEAD" else get)(ctx)


def delayed(seconds: float, behaviour: Behaviour) -> Behaviour:
    def run(ctx: Ctx) -> None:
        if ctx.sleep(seconds):
            behaviour(ctx)

    return run


def too_many_requests(retry_after: str | None = None) -> Behaviour:
    headers = [("Retry-After", retry_after)] if retry_after is not None else []
    return status(429, headers)


def retry_after_date(seconds: float) -> str:
    return formatdate(time.time() + seconds, usegmt=True)


def slow_body(interval: float = 0.5, length: int = 10_000) -> Behaviour:
    """Slowloris: headers at once, then one byte every ``interval`` seconds."""

    def run(ctx: Ctx) -> None:
        ctx.write(f"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\n\r\n".encode())
        ctx.done()
        ctx.close_connection()
        for _ in range(length):
            ctx.write(b"x")
            if not ctx.sleep(interval):
                return

    return run


def slow_headers(interval: float = 0.5) -> Behaviour:
    """Header lines trickled one byte at a time: the answer never gets started."""

    def run(ctx: Ctx) -> None:
        ctx.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        ctx.done()
        ctx.close_connection()
        for _ in range(100_000):
            ctx.write(b"a")
            if not ctx.sleep(interval):
                return

    return run


def endless_body(chunk: int = 64 * 1024) -> Behaviour:
    """200 without a length, bytes forever (until the client hangs up)."""

    def run(ctx: Ctx) -> None:
        ctx.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
        ctx.done()
        ctx.close_connection()
        block = b"<p>" + b"a" * (chunk - 7) + b"</p>\n"
        while not ctx.stopping.is_set():
            ctx.write(block)

    return run


_BOMB: dict[int, bytes] = {}


def gzip_bomb_bytes(decoded: int) -> bytes:
    if decoded not in _BOMB:
        co = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        zeros = b"\0" * (1024 * 1024)
        parts = [co.compress(zeros) for _ in range(decoded // len(zeros))]
        _BOMB[decoded] = b"".join(parts) + co.flush()
    return _BOMB[decoded]


def gzip_bomb(decoded: int = 64 * 1024 * 1024) -> Behaviour:
    """A small gzip body (~64 KiB) that inflates to ``decoded`` bytes."""

    def run(ctx: Ctx) -> None:
        data = gzip_bomb_bytes(decoded)
        ctx.send(200, data, [("Content-Encoding", "gzip")])

    return run


def gzipped(behaviour_body: bytes, status_code: int = 200) -> Behaviour:
    data = gzip.compress(behaviour_body)
    return lambda ctx: ctx.send(status_code, data, [("Content-Encoding", "gzip")])


def big_body(size: int = 256 * 1024 * 1024) -> Behaviour:
    """A declared, huge body sent as fast as the client reads it."""

    def run(ctx: Ctx) -> None:
        ctx.write(f"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n\r\n".encode())
        ctx.done()
        if ctx.method == "HEAD":
            return
        block = b"b" * (64 * 1024)
        sent = 0
        while sent < size and not ctx.stopping.is_set():
            ctx.write(block[: size - sent])
            sent += len(block)

    return run


def huge_header(size: int = 200_000) -> Behaviour:
    """One header line longer than any parser accepts."""
    return lambda ctx: ctx.send(200, html("Büyük", "başlık"), [("X-Huge", "h" * size)])


def many_headers(count: int = 90, size: int = 1000) -> Behaviour:
    """Many header lines: each legal, together far over a sane total."""
    return lambda ctx: ctx.send(
        200, html("Çok", "başlık"), [(f"X-Pad-{i}", "p" * size) for i in range(count)]
    )


PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

CLOUDFLARE_HTML = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    b'<div id="challenge-running">Checking if the site connection is secure</div>'
    b'<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>'
    b"<noscript>Enable JavaScript and cookies to continue</noscript></body></html>"
)

DATADOME_HTML = (
    b"<html><head><title>example.com</title></head><body>"
    b"<script>var dd={'rt':'c','cid':'AHrlqAAAAAMA','hsh':'2211F522B61E269B869FA6EAFFB5E1',"
    b"'host':'geo.captcha-delivery.com'}</script>"
    b'<script src="https://ct.captcha-delivery.com/c.js"></script></body></html>'
)

SOFT_404_HTML = html(
    "Sayfa bulunamadı", "Aradığınız sayfa bulunamadı. Page not found. Ana sayfaya dönün."
)


def reset() -> Behaviour:
    """Hang up with a TCP reset instead of answering."""

    def run(ctx: Ctx) -> None:
        ctx.done()
        ctx.close_connection()
        sock = ctx.handler.connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
        with contextlib.suppress(OSError):
            sock.close()

    return run


def cut_short() -> Behaviour:
    """Promise 10,000 bytes, send 10, close."""

    def run(ctx: Ctx) -> None:
        ctx.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n")
        ctx.done()
        ctx.close_connection()
        ctx.write(b"<html>0123")

    return run


def builtin(ctx: Ctx) -> Behaviour | None:
    """Behaviours addressed by path, on every host; see BUILTINS."""
    parts = [p for p in ctx.path.split("/") if p]
    head = parts[0] if parts else ""
    arg = parts[1:] if len(parts) > 1 else []
    if not parts:
        return page("Ana Sayfa", "Avrasya İncelemeleri Merkezi ana sayfası.")
    simple = BUILTINS.get("/" + head)
    if simple is not None and not arg:
        return simple
    try:
        if head == "page":
            return page("Makale " + "/".join(arg), "Bu sayfa canlı bir makaledir.")
        if head == "status" and arg:
            return status(int(arg[0]))
        if head == "redirect" and len(arg) == 2:
            code, n = int(arg[0]), int(arg[1])
            nxt = f"/redirect/{code}/{n - 1}" if n > 1 else "/page/landed"
            return redirect(nxt, code)
        if head == "loop" and arg:
            return redirect("/loop/b" if arg[0] == "a" else "/loop/a", 302)
        if head == "retry-after" and arg:
            value = arg[0]
            if value == "none":
                return too_many_requests(None)
            if value.startswith("date:"):
                return too_many_requests(retry_after_date(float(value[5:])))
            return too_many_requests(value)
        if head == "flaky" and arg:
            failures = int(arg[0])
            return lambda c: (status(503) if c.count <= failures else page("Tamam", "İyi"))(c)
        if head == "latency" and arg:
            return delayed(float(arg[0]), page("Gecikmeli", "Yavaş ama canlı."))
    except ValueError:
        return None
    return None


BUILTINS: dict[str, Behaviour] = {
    "/to-home": redirect("/", 301),
    "/soft-404": lambda ctx: ctx.send(200, SOFT_404_HTML),
    "/slow": slow_body(),
    "/slow-headers": slow_headers(),
    "/endless": endless_body(),
    "/gzip-bomb": gzip_bomb(),
    "/gzipped": gzipped(html("Sıkıştırılmış", "gzip ile gönderildi")),
    "/big": big_body(),
    "/huge-header": huge_header(),
    "/many-headers": many_headers(),
    "/no-content-type": lambda ctx: ctx.send(200, html("Tipsiz", "metin"), content_type=None),
    "/wrong-content-type": lambda ctx: ctx.send(
        200, html("Yanlış tip", "metin"), content_type="application/octet-stream"
    ),
    "/doc.pdf": lambda ctx: ctx.send(200, PDF_BYTES, content_type="application/pdf"),
    "/head-405": head_differs(status(405, [("Allow", "GET")]), page("HEAD yok", "GET ile açılır")),
    "/head-404": head_differs(status(404), page("HEAD yalan", "GET ile 200")),
    "/cloudflare": lambda ctx: ctx.send(
        403, CLOUDFLARE_HTML, [("cf-mitigated", "challenge"), ("Server", "cloudflare")]
    ),
    "/datadome": lambda ctx: ctx.send(
        403, DATADOME_HTML, [("x-datadome", "protected"), ("Set-Cookie", "datadome=abc; Path=/")]
    ),
    "/reset": reset(),
    "/cut-short": cut_short(),
}


def chunked(
    body: bytes, *, gzip_it: bool = False, size: int = 1000, endless: bool = False
) -> Behaviour:
    """``Transfer-Encoding: chunked`` (what most dynamic pages send), optionally gzip
    inside the chunks; ``endless`` never sends the last chunk."""

    def run(ctx: Ctx) -> None:
        data = gzip.compress(body) if gzip_it else body
        head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        head += "Content-Encoding: gzip\r\n" if gzip_it else ""
        ctx.write((head + "Transfer-Encoding: chunked\r\n\r\n").encode())
        if ctx.method == "HEAD":
            ctx.done()
            return
        pieces = [data[i : i + size] for i in range(0, len(data), size)]
        for piece in pieces[:-1]:
            ctx.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        if endless:
            ctx.done()
            ctx.close_connection()
            block = b"<p>" + b"c" * 4089 + b"</p>"
            while not ctx.stopping.is_set():
                ctx.write(b"%x\r\n%s\r\n" % (len(block), block))
            return
        ctx.write_final(b"%x\r\n%s\r\n0\r\n\r\n" % (len(pieces[-1]), pieces[-1]))

    return run
