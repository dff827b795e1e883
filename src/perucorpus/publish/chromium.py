"""Headless Chromium driven over its DevTools pipe: printing pages to PDF, and (in tests) reading a page's layout.

No driver and no Python dependency: Chromium is started with ``--remote-debugging-pipe``
and spoken to in DevTools protocol messages (JSON, NUL-terminated) on file descriptors 3
and 4. Pages are opened from ``file://`` with the network off; one browser serves many pages.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

#: The flags Chromium needs to run headless as root on a machine with no network (and to stay quiet).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
)


#: An explicit Chromium or Chrome to use, e.g. ``PERUCORPUS_CHROMIUM=/opt/chrome/chrome make notebooks``.
ENVIRONMENT = "PERUCORPUS_CHROMIUM"
#: Names on the PATH, in order: Debian and most distributions, then Chrome's own packages.
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
#: Usual places off the PATH: Snap, Debian's real binary, and the macOS app bundles.
PLACES = (
    "/snap/bin/chromium",
    "/usr/lib/chromium/chromium",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
#: What a reader without Chromium is told (the HTML is built all the same).
INSTALL_HINT = (
    "PDFs need Chromium or Chrome, which was not found: install it (Debian/Ubuntu: apt-get install chromium; "
    f"macOS: the Chromium or Google Chrome app) or set {ENVIRONMENT} to its path"
)


def executable() -> str | None:
    """The Chromium or Chrome to print with: ``$PERUCORPUS_CHROMIUM`` if set, else the first of
    :data:`NAMES` on the PATH, else the first of :data:`PLACES` that exists; None if there is none.
    """
    chosen = os.environ.get(ENVIRONMENT)
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    for name in NAMES:
        if found := shutil.which(name):
            return found
    return next((place for place in PLACES if os.access(place, os.X_OK)), None)


class Browser:
    """One headless Chromium; ``with Browser() as browser: browser.pdf(page, out)``."""

    def __init__(self, path: str | None = None):
        path = path or executable()
        if not path:
            raise FileNotFoundError(INSTALL_HINT)
        self._profile = tempfile.TemporaryDirectory(prefix="perucorpus-chromium-")
        to_browser, self._write = os.pipe()
        self._read, from_browser = os.pipe()
        to_browser, from_browser = _above_four(to_browser), _above_four(from_browser)

        def wire():  # in the child: fd 3 reads our commands, fd 4 writes the answers
            os.dup2(to_browser, 3)
            os.dup2(from_browser, 4)

        self._process = subprocess.Popen(
            [path, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
            preexec_fn=wire,
            pass_fds=(3, 4),  # kept open after wire() put the pipe ends there
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer, self._next_id = b"", 0

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the browser (politely, then by force) and remove its profile folder."""
        if self._process.poll() is None:
            try:
                self.send("Browser.close")
            except OSError:
                pass
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        for fd in (self._write, self._read):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def send(self, method: str, session: str | None = None, **params) -> dict:
        """Send one DevTools command and return its result (events met on the way are dropped)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"Chromium {method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise OSError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def open(self, page: Path, width: int = 1280, height: int = 900) -> str:
        """Open ``page`` (a local file) in a new tab of ``width`` × ``height`` CSS pixels; returns the tab's session."""
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.resize(session, width, height)
        self.send("Page.enable", session)
        self.send("Page.navigate", session, url=Path(page).resolve().as_uri())
        self.evaluate(
            session, "new Promise(done => document.readyState === 'complete' ? done() : addEventListener('load', done))"
        )
        return session

    def resize(self, session: str, width: int, height: int = 900) -> None:
        """Lay the tab out at ``width`` × ``height`` CSS pixels (below 600 px wide, as a phone)."""
        self.send(
            "Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=1, mobile=width < 600
        )

    def evaluate(self, session: str, expression: str):
        """The value of a JavaScript ``expression`` in the tab (promises awaited), as JSON."""
        result = self.send("Runtime.evaluate", session, expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"in the page: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def close_tab(self, session: str) -> None:
        """Close the tab of DevTools ``session``."""
        self.send("Page.close", session)

    def pdf(self, page: Path, out: Path, prepare: str = "true") -> Path:
        """Print ``page`` to ``out`` as the page's own CSS asks (``@page`` size A4), written atomically.

        ``prepare`` (JavaScript) runs in the tab first, e.g. to turn links into text.
        """
        session = self.open(page)
        self.evaluate(session, prepare)
        self.evaluate(session, "document.fonts.ready.then(() => true)")
        data = self.send(
            "Page.printToPDF",
            session,
            preferCSSPageSize=True,
            printBackground=True,
            displayHeaderFooter=False,
            generateTaggedPDF=True,
        )["data"]
        self.close_tab(session)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary = out.with_name(out.name + ".tmp")
        temporary.write_bytes(_without_dates(base64.b64decode(data)))
        temporary.replace(out)
        return out


def _above_four(fd: int) -> int:
    """The same pipe end on a descriptor above 4, so that putting the ends on 3 and 4 cannot overwrite one."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


def _without_dates(pdf: bytes) -> bytes:
    """Blank the creation date and file identifier Chromium writes, keeping every byte offset (so re-runs are identical)."""
    pdf = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", lambda m: re.sub(rb"\d", b"0", m.group()), pdf)
    return re.sub(
        rb"/ID \[<[0-9A-Fa-f]+> <[0-9A-Fa-f]+>\]", lambda m: re.sub(rb"[0-9A-Fa-f](?=[0-9A-Fa-f]*>)", b"0", m.group()), pdf
    )
