"""Headless Chromium, driven over the Chrome DevTools Protocol (CDP).

The browser tests need a real browser but nothing that downloads one at run
time (playwright, selenium-manager and pyppeteer all do), so they drive
Debian's `chromium` directly: it is started with `--remote-debugging-port=0`,
writes the port it chose into its profile folder, and is then commanded over
one websocket (websocket-client, already a dependency of JupyterLab). The
client is small on purpose: navigate, evaluate JavaScript, click and type
like a user (real input events, so JupyterLab's menus react), take
screenshots, and collect console errors.
"""
from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import websocket

from .paths import BUILD

# Why Chromium is missing, written by scripts/setup_browser.sh when it could
# not install it; the browser tests skip with this text as the reason.
UNAVAILABLE_NOTE = BUILD / "browser-unavailable.txt"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

FLAGS = [
    "--headless",
    "--no-sandbox",  # containers often run as root, where the sandbox cannot start
    "--disable-gpu",
    "--disable-dev-shm-usage",  # /dev/shm is tiny in containers
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",  # no calls home: the machine may be offline
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]


def find_chromium() -> str | None:
    """The Chromium binary: $CHROMIUM if set, else the first known name on PATH."""
    if os.environ.get("CHROMIUM"):
        chosen = os.environ["CHROMIUM"]
        return chosen if os.access(chosen, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def unavailable_reason() -> str:
    note = UNAVAILABLE_NOTE.read_text().strip() if UNAVAILABLE_NOTE.exists() else ""
    if os.environ.get("CHROMIUM") and not note:
        note = f"CHROMIUM={os.environ['CHROMIUM']} is not an executable file"
    return ("Chromium is not installed, so the browser tests cannot run: "
            + (note or "no chromium binary on PATH (scripts/setup_browser.sh installs "
                       "Debian's chromium package; or set CHROMIUM=/path/to/chromium)"))


class CDPError(RuntimeError):
    pass


@dataclass
class ConsoleMessage:
    source: str  # "console", "exception" or "log" (network errors, CSP, ...)
    text: str
    url: str = ""

    def __str__(self) -> str:
        return f"[{self.source}] {self.text}" + (f" ({self.url})" if self.url else "")


class Chromium:
    """One headless Chromium process with one page (tab) attached."""

    def __init__(self, binary: str, width: int = 1280, height: int = 900, log: Path | None = None):
        self.profile = tempfile.mkdtemp(prefix="course-chromium-")
        self.log = open(log or os.devnull, "w")
        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            start_new_session=True,  # its own process group, killed as one in close()
        )
        self._ids = itertools.count(1)
        self.events: list[dict] = []
        self.console: list[ConsoleMessage] = []
        try:
            self.ws = websocket.create_connection(
                self._browser_websocket_url(), timeout=60, suppress_origin=True,
                enable_multithread=False)
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.send(
                "Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable", session=self.session)
            self.send("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                session=self.session)
        except BaseException:
            self.close()
            raise

    # --- the connection ------------------------------------------------------

    def _browser_websocket_url(self, timeout: float = 60) -> str:
        """Chromium writes "<port>\\n<path>" to DevToolsActivePort once it listens."""
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CDPError(f"chromium exited with status {self.process.returncode} at start-up")
            lines = port_file.read_text().split() if port_file.exists() else []
            if len(lines) >= 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            time.sleep(0.1)
        raise CDPError(f"chromium did not open its debugging port within {timeout:.0f}s")

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 60) -> dict:
        """Sends one command and waits for its reply, keeping events that arrive meanwhile."""
        msg_id = next(self._ids)
        message = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            reply = self._receive(deadline - time.monotonic())
            if reply is None:
                raise CDPError(f"{method}: no reply within {timeout:.0f}s")
            if reply.get("id") == msg_id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def _receive(self, timeout: float) -> dict | None:
        if timeout <= 0:
            return None
        self.ws.settimeout(timeout)
        try:
            message = json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            return None
        if "method" in message:
            self._on_event(message)
        return message

    def _on_event(self, event: dict) -> None:
        self.events.append(event)
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            self.console.append(ConsoleMessage("console", text))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "")
            self.console.append(ConsoleMessage("exception", text, details.get("url", "")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.console.append(ConsoleMessage("log", entry.get("text", ""), entry.get("url", "")))

    def pump(self, seconds: float) -> None:
        """Processes events for a while (console messages that come late)."""
        deadline = time.monotonic() + seconds
        while self._receive(deadline - time.monotonic()) is not None:
            pass

    # --- what a test does with a page ----------------------------------------

    def navigate(self, url: str, timeout: float = 60) -> None:
        """Opens a URL and waits for its load event (scripts and images loaded)."""
        self.events.clear()
        result = self.send("Page.navigate", {"url": url}, session=self.session)
        if result.get("errorText"):
            raise CDPError(f"could not open {url}: {result['errorText']}")
        deadline = time.monotonic() + timeout
        while not any(e["method"] == "Page.loadEventFired" for e in self.events):
            if self._receive(deadline - time.monotonic()) is None:
                raise CDPError(f"{url} did not finish loading within {timeout:.0f}s")

    def evaluate(self, expression: str, timeout: float = 60):
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.send("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True,
            "userGesture": True}, session=self.session, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise CDPError(f"JavaScript error: {details.get('exception', {}).get('description') or details.get('text')}")
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 30, interval: float = 0.25, what: str = ""):
        """Polls a JavaScript expression until it is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout:.0f}s for {what or expression}")
            self.pump(interval)

    def click(self, element_expression: str, what: str = "") -> None:
        """Clicks the centre of an element with real mouse events (press, release).

        `element_expression` is JavaScript evaluating to the element. Lumino
        (JupyterLab's widget library) opens menus on mousedown, so a
        synthetic `element.click()` would not do."""
        box = self.evaluate(f"""(() => {{
            const el = {element_expression};
            if (!el) return null;
            el.scrollIntoView({{block: "center", inline: "center"}});
            const r = el.getBoundingClientRect();
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}};
        }})()""")
        if not box or not box["w"] or not box["h"]:
            raise CDPError(f"nothing visible to click: {what or element_expression}")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            params = {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1}
            if kind == "mouseMoved":
                params.update(button="none", clickCount=0)
            self.send("Input.dispatchMouseEvent", params, session=self.session)

    def press(self, key: str, code: str, key_code: int, modifiers: int = 0) -> None:
        """One key press (modifiers: 1 Alt, 2 Ctrl, 4 Meta, 8 Shift)."""
        for kind in ("rawKeyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {
                "type": kind, "key": key, "code": code, "windowsVirtualKeyCode": key_code,
                "modifiers": modifiers}, session=self.session)

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params: dict = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", params, session=self.session)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Ends Chromium and every process it started, and removes its profile."""
        try:
            if getattr(self, "ws", None):
                self.ws.close()
        except Exception:
            pass
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)
