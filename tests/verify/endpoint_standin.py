"""A stand-in for an OpenAI-compatible model server, on loopback, for the judge's tests.

``StandIn(answer)`` serves ``POST …/chat/completions`` on 127.0.0.1 from a thread.
``answer`` is called with each request's JSON and returns a :class:`Reply` (status,
body, headers, and misbehaviour: a delay before answering, a trickled body); or use
``StandIn.queue(reply, …)`` for canned replies in order (the last one repeats).
Every request is recorded (path, headers, JSON) in ``.requests``.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | dict[str, Any] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line (a model thinking too long)
    trickle: float = 0.0  # send the body one byte per this many seconds, endlessly
    length: bool = True  # False: no Content-Length, the body ends when the connection closes


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    json: Any


def completion(content: str) -> dict[str, Any]:
    """A chat-completions response whose assistant message is ``content``."""
    return {
        "id": "chatcmpl-standin",
        "object": "chat.completion",
        "model": "standin",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
    }


def verdict(label: str, quote: str = "", passage: int = 0, confidence: float = 0.9,
            rationale: str = "stand-in") -> Reply:  # fmt: skip
    """A well-formed answer of the judge's JSON shape."""
    content = json.dumps({"label": label, "quote": quote, "passage": passage,
                          "confidence": confidence, "rationale": rationale})  # fmt: skip
    return Reply(body=completion(content))


def passages_of(request: dict[str, Any]) -> list[str]:
    """The numbered passages of the judge's user message, as the model sees them."""
    user = request["messages"][-1]["content"]
    parts = re.split(r"^\[\d+\] \(language: [^)]*\)\n", user, flags=re.M)[1:]
    return [p.strip() for p in parts]


class StandIn:
    def __init__(self, answer: Callable[[dict[str, Any]], Reply] | None = None) -> None:
        self.answer = answer
        self.requests: list[Request] = []
        self._queue: list[Reply] = []
        self._stop = threading.Event()
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body as they are written: no 40 ms stalls

            def log_message(self, *args: Any) -> None:  # quiet tests
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                try:
                    payload = json.loads(raw)
                except ValueError:
                    payload = None
                standin.requests.append(Request(self.path, dict(self.headers.items()), payload))
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    return self._send(Reply(404, {"error": "no such route"}))
                self._send(standin._reply(payload))

            def _send(self, reply: Reply) -> None:
                if reply.delay and standin._stop.wait(reply.delay):
                    return
                body = reply.body
                if isinstance(body, dict):
                    body = json.dumps(body)
                if isinstance(body, str):
                    body = body.encode("utf-8")
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                if reply.trickle:  # no length: the body would end with the connection
                    self.send_header("Connection", "close")
                    self.close_connection = True
                    self.end_headers()
                    while not standin._stop.wait(reply.trickle):
                        try:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                        except OSError:
                            return
                    return
                if not reply.length:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                elif "Content-Length" not in reply.headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client gave up: fine
                    self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _reply(self, payload: Any) -> Reply:
        if self._queue:
            return self._queue.pop(0) if len(self._queue) > 1 else self._queue[0]
        if self.answer is not None:
            return self.answer(payload)
        return Reply(500, {"error": "no answer scripted"})

    def queue(self, *replies: Reply) -> StandIn:
        self._queue.extend(replies)
        return self

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> StandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
