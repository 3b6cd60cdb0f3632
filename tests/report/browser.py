"""A small headless Chromium driven through the DevTools protocol (CDP), for report tests.

One browser per test module; each page opens in its own target so events never
mix. What a page did is recorded from CDP events, not guessed from the DOM:
``Network.requestWillBeSent`` (every request, including ones CSP then blocks),
``Runtime.consoleAPICalled`` / ``Runtime.exceptionThrown`` / ``Log.entryAdded``
(console errors and CSP violations) and ``Page.javascriptDialogOpening``
(an ``alert()`` that got through).

The browser is started in its own process group and the whole group is killed at
``close()``, so no renderer outlives a test run.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websocket

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
]
START_TIMEOUT = 20.0  # seconds for "DevTools listening on ws://…"; a cold start takes 1-3 s
CALL_TIMEOUT = 15.0  # seconds for one CDP command or the load event
SETTLE = 0.3  # seconds to keep reading events after load: late console/CSP reports


def chromium_path() -> str | None:
    """The Chromium binary, or None when it is not installed here."""
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium")


@dataclass
class PageRun:
    """What happened while one page loaded."""

    url: str
    requests: list[str] = field(default_factory=list)  # every URL the page asked for
    console: list[dict[str, Any]] = field(default_factory=list)  # {"level", "text"}
    exceptions: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt messages

    @property
    def errors(self) -> list[str]:
        """Console errors and CSP violations (Chromium reports both at level error)."""
        found = [m["text"] for m in self.console if m["level"] in ("error", "warning")]
        return found + self.exceptions

    def other_requests(self) -> list[str]:
        """Requests for anything but the report itself."""
        return [u for u in self.requests if u != self.url]


class Browser:
    """One headless Chromium, driven over its browser-level websocket."""

    def __init__(self, binary: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="citecheck-chromium-")
        self._proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group: close() kills renderers too
        )
        self._ws: websocket.WebSocket | None = None
        self._next_id = 0
        try:
            self._ws = websocket.create_connection(self._endpoint(), timeout=CALL_TIMEOUT)
        except BaseException:
            self.close()
            raise

    def _endpoint(self) -> str:
        assert self._proc.stderr is not None
        deadline = time.monotonic() + START_TIMEOUT
        os.set_blocking(self._proc.stderr.fileno(), False)
        seen = b""
        while time.monotonic() < deadline:
            chunk = self._proc.stderr.read() or b""
            seen += chunk
            found = re.search(rb"DevTools listening on (ws://\S+)", seen)
            if found:
                return found.group(1).decode()
            if self._proc.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"Chromium did not start: {seen.decode(errors='replace')[-2000:]}")

    # --- CDP plumbing ---------------------------------------------------------------
    def _send(self, method: str, params: dict | None = None, session: str | None = None) -> int:
        assert self._ws is not None
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._ws.send(json.dumps(message))
        return self._next_id

    def _recv(self, deadline: float) -> dict | None:
        assert self._ws is not None
        self._ws.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            return json.loads(self._ws.recv())
        except websocket.WebSocketTimeoutException:
            return None

    def call(
        self, method: str, params: dict | None = None, session: str | None = None, run=None
    ) -> dict:
        """Send a command and wait for its answer; events meanwhile go to ``run``."""
        wanted = self._send(method, params, session)
        deadline = time.monotonic() + CALL_TIMEOUT
        while time.monotonic() < deadline:
            message = self._recv(deadline)
            if message is None:
                break
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._record(message, run, session)
        raise TimeoutError(f"{method}: no answer within {CALL_TIMEOUT} s")

    def _record(self, message: dict, run: PageRun | None, session: str | None) -> bool:
        """File one event under ``run``; True for the page's load event."""
        if run is None or message.get("sessionId") != session:
            return False
        method, params = message.get("method"), message.get("params", {})
        if method == "Network.requestWillBeSent":
            run.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            run.console.append({"level": params["type"], "text": text})
        elif method == "Log.entryAdded":
            entry = params["entry"]
            run.console.append({"level": entry["level"], "text": entry.get("text", "")})
        elif method == "Runtime.exceptionThrown":
            run.exceptions.append(json.dumps(params["exceptionDetails"])[:500])
        elif method == "Page.javascriptDialogOpening":
            run.dialogs.append(params.get("message", ""))
            # Dismiss it, or the page would hang waiting for a click.
            self._send("Page.handleJavaScriptDialog", {"accept": False}, session)
        return method == "Page.loadEventFired"

    # --- pages ----------------------------------------------------------------------
    def open(self, url: str, width: int = 1200, media: str | None = None) -> Page:
        """Load ``url`` in a new tab and return it once loaded and settled."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        run = PageRun(url=url)
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=session, run=run)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
            session=session,
            run=run,
        )
        if media:
            self.call("Emulation.setEmulatedMedia", {"media": media}, session=session, run=run)
        self.call("Page.navigate", {"url": url}, session=session, run=run)
        deadline = time.monotonic() + CALL_TIMEOUT
        loaded = False
        while time.monotonic() < deadline and not loaded:
            message = self._recv(deadline)
            if message is None:
                break
            loaded = self._record(message, run, session)
        if not loaded:
            raise TimeoutError(f"{url}: no load event within {CALL_TIMEOUT} s")
        settle = time.monotonic() + SETTLE
        while (message := self._recv(settle)) is not None:
            self._record(message, run, session)
        return Page(self, session, target, run)

    def close(self) -> None:
        if self._ws is not None:
            with contextlib.suppress(OSError):
                self._ws.close()
            self._ws = None
        if self._proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._proc.pid, signal.SIGKILL)  # the group this browser started
        self._proc.wait(timeout=10)
        if self._proc.stderr is not None:
            self._proc.stderr.close()
        shutil.rmtree(self._profile, ignore_errors=True)


class Page:
    """A loaded tab: evaluate expressions, take screenshots, see what happened."""

    def __init__(self, browser: Browser, session: str, target: str, run: PageRun) -> None:
        self.browser, self.session, self.target, self.run = browser, session, target, run

    def eval(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression (DevTools evaluation, not page script)."""
        result = self.browser.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True},
            session=self.session,
            run=self.run,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: Path, top: int = 0, max_height: int = 16000) -> Path:
        """A PNG of the page from ``top`` down (not only the first screen), at most
        ``max_height`` CSS pixels tall."""
        size = self.browser.call("Page.getLayoutMetrics", session=self.session, run=self.run)
        content = size["cssContentSize"]
        clip = {
            "x": 0,
            "y": top,
            "width": content["width"],
            "height": max(1, min(content["height"] - top, max_height)),
            "scale": 1,
        }
        data = self.browser.call(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True, "clip": clip},
            session=self.session,
            run=self.run,
        )["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        self.browser.call("Target.closeTarget", {"targetId": self.target})
