"""The two ways the course is read, checked in a real browser (headless
Chromium, driven over the DevTools protocol by tests/harness/browser.py):

* the static site test_4 built: every page loads without console errors,
  every figure is drawn, every internal link resolves, search finds a
  chapter, the light/dark switch and the notebook download work, solutions
  start collapsed, and a screenshot of a chapter is not blank;
* JupyterLab, started with the README's `make lab` command: a short notebook is
  opened, all its cells are run from the Run menu, and the last cell's
  output appears with no error.

Chromium comes from scripts/setup_browser.sh (called by `make test`). Where
it could not be installed, the browser tests are skipped and pytest's
summary (-rs) says why; the link check needs no browser and always runs.
"""
from __future__ import annotations

import functools
import html.parser
import http.server
import json
import os
import posixpath
import re
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.harness.browser import Chromium, find_chromium, unavailable_reason
from tests.harness.paths import BUILD, HTML, ROOT

SCREENSHOTS = BUILD / "screenshots"
LOGS = BUILD / "browser"
FIXTURE = Path(__file__).parent / "fixtures" / "browser" / "short.ipynb"
# What the fixture's last cell prints.
MARKER = "browser test marker: 35"
# The chapter pages the page-specific checks use.
SCREENSHOT_CHAPTER = "notebooks/05_composing_futures.html"
SEARCH_TERM = "JoinSet"
# Chapters that teach JoinSet: one of them must be among the search results.
SEARCH_EXPECTED = ("05_composing_futures", "06_channels_and_locks", "15_structured_concurrency")
# The first cell compiles the notebook's code: seconds when warm, minutes on
# a loaded machine with nothing cached.
LAB_RUN_TIMEOUT = 300


# --- set-up -------------------------------------------------------------------

@pytest.fixture(scope="module")
def site() -> Path:
    if not (HTML / "index.html").exists():
        pytest.fail("no site in _build/html: test_4_site.py (or `make book`) builds it first")
    return HTML


def site_pages(root: Path) -> list[Path]:
    """Every HTML page of the build (not the theme's own files)."""
    return sorted(p for p in root.rglob("*.html")
                  if not p.relative_to(root).parts[0] in ("_static", "_sources", "_images"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test output stays readable
        pass


@pytest.fixture(scope="module")
def server(site):
    """Serves _build/html on 127.0.0.1, as `make serve` does."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    binary = find_chromium()
    if binary is None:
        pytest.skip(unavailable_reason())
    LOGS.mkdir(parents=True, exist_ok=True)
    chromium = Chromium(binary, width=1280, height=900, log=LOGS / "chromium.log")
    yield chromium
    chromium.close()


def not_blank(png: Path) -> tuple[bool, str]:
    """A screenshot is blank when nearly every pixel has the same colour."""
    from PIL import Image, ImageStat

    with Image.open(png) as image:
        grey = image.convert("L")
        stddev = ImageStat.Stat(grey).stddev[0]
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        distinct = len(colours) if colours is not None else 1 << 16
        commonest = max(colours)[0] / (image.width * image.height) if colours else 0.0
    summary = (f"{png.name}: {image.width}x{image.height}, {distinct} colours, grey stddev "
               f"{stddev:.1f}, commonest colour covers {commonest:.0%}")
    return stddev > 8 and distinct > 32 and commonest < 0.97, summary


# --- the static site ---------------------------------------------------------

class Links(html.parser.HTMLParser):
    """The ids of a page and the URLs it refers to."""

    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag != "meta" else ():
            if attrs.get(key):
                self.ids.add(attrs[key])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") == "preconnect"):
                self.urls.append(attrs[key])


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(errors="replace"))
    return links


def test_every_internal_link_resolves(site):
    """Every href and src of every page: the file exists, and a #fragment
    names an id in it. (Needs no browser.)"""
    pages = site_pages(site)
    ids = {page: parse(page).ids for page in pages}
    broken, checked = [], 0
    for page in pages:
        for url in parse(page).urls:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme or url.startswith("//") or url.startswith("javascript:"):
                continue  # external; the site must build and read offline without them
            checked += 1
            here = page.relative_to(site).as_posix()
            path = urllib.parse.unquote(parts.path)
            target_rel = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
            target = site / target_rel
            if target.is_dir():
                target = target / "index.html"
            where = f"{here}: {url}"
            if target_rel.startswith("..") or not target.exists():
                broken.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                fragment = urllib.parse.unquote(parts.fragment)
                if fragment not in ids.get(target, set()) and fragment not in parse(target).ids:
                    broken.append(f"{where} (no id {fragment!r} in {target.relative_to(site)})")
    assert checked > 100, f"only {checked} internal links found: is the site complete?"
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken[:40])


# Waits until every <img> has loaded or failed (lazy ones are loaded too),
# then lists the figures that are broken or drawn at zero size.
IMAGES_JS = """(async () => {
    const images = [...document.images];
    await Promise.all(images.map(img => { img.loading = "eager"; return img.decode().catch(() => null); }));
    return images.map(img => ({
        src: img.getAttribute("src"),
        naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
        width: img.getBoundingClientRect().width,
        shown: img.offsetParent !== null,  // false inside a collapsed section
    }));
})()"""

# Raw terminal colour codes (compiler errors rendered without the ANSI lexer).
ANSI_JS = r"""/\u001b\[|\[(?:0|1|3[0-9]|38;5;\d+)m/.test(document.body.innerText)"""


# The text of every error output (a compile error of a raises-exception cell).
TRACEBACKS_JS = """[...document.querySelectorAll('.cell_output .output.traceback, .cell_output .output.error')]
    .map(e => e.textContent)"""


def test_every_page_loads_without_console_errors_and_draws_its_figures(site, server, browser):
    problems, figures, errors, pages = [], 0, 0, site_pages(site)
    for page in pages:
        rel = page.relative_to(site).as_posix()
        browser.console.clear()
        browser.navigate(f"{server}/{rel}")
        browser.pump(0.3)  # errors logged just after the load event
        problems += [f"{rel}: console: {message}" for message in browser.console]
        for img in browser.evaluate(IMAGES_JS):
            if not (img["naturalWidth"] > 0 and img["naturalHeight"] > 0):
                problems.append(f"{rel}: image {img['src']} did not load")
            elif img["shown"] and img["width"] <= 0:
                problems.append(f"{rel}: image {img['src']} is drawn with zero width")
            figures += img["src"].endswith(".svg")
        if browser.evaluate(ANSI_JS):
            problems.append(f"{rel}: raw terminal colour codes in the page's text")
        # Compiler errors of raises-exception cells: shown, as readable text.
        for text in browser.evaluate(TRACEBACKS_JS):
            errors += 1
            if not re.search(r"\berror\b|\[E\d{4}\]", text, re.I):
                problems.append(f"{rel}: a compiler error output does not read as one: {text[:120]!r}")
    print(f"\n    {len(pages)} pages loaded, {figures} SVG figures drawn, "
          f"{errors} compiler error outputs shown")
    assert figures > 0, "no SVG figure on any page"
    assert not problems, "\n".join(problems)


def test_search_finds_the_chapter_that_teaches_a_term(server, browser):
    browser.navigate(f"{server}/search.html?q={SEARCH_TERM}")
    # Sphinx's search runs in JavaScript after the page loads.
    browser.wait_for("document.querySelector('#search-results .search-summary')"
                     " && !document.querySelector('#search-results .search-summary').innerText.includes('Preparing')",
                     timeout=60, what="the search results")
    hits = browser.evaluate(
        "[...document.querySelectorAll('#search-results ul.search li a')].map(a => a.getAttribute('href'))")
    assert any(chapter in href for href in hits for chapter in SEARCH_EXPECTED), (
        f"searching {SEARCH_TERM!r} did not find {SEARCH_EXPECTED}; results: {hits}")


def test_chapter_page_has_theme_switch_download_and_collapsed_solutions(server, browser):
    browser.navigate(f"{server}/{SCREENSHOT_CHAPTER}")
    # Light/dark: the theme's switch cycles light, dark and auto.
    modes = [browser.evaluate("document.documentElement.dataset.theme")]
    for _ in range(3):
        browser.click("document.querySelector('.theme-switch-button')", "the light/dark switch")
        browser.pump(0.2)
        modes.append(browser.evaluate("document.documentElement.dataset.theme"))
    assert {"light", "dark"} <= set(modes), f"the theme switch did not change light/dark: {modes}"
    # Download: the chapter's notebook, with its outputs.
    href = browser.evaluate(
        "document.querySelector('a.btn[href$=\".ipynb\"], .dropdown-download-buttons a[href$=\".ipynb\"]')"
        "?.getAttribute('href')")
    assert href, "no .ipynb download link on the chapter page"
    outputs = browser.evaluate(f"""fetch({href!r}).then(r => r.json()).then(nb =>
        nb.cells.filter(c => c.cell_type === "code" && c.outputs.length > 0).length)""")
    assert outputs > 0, f"the downloaded notebook {href} has no outputs"
    # Exercises: sphinx-exercise solutions start collapsed (a dropdown).
    solutions = browser.evaluate("""[...document.querySelectorAll('.solution')].map(s => {
        const body = [...s.children].find(c => !c.classList.contains('admonition-title'));
        return {id: s.id, bodyShown: !!body && body.offsetParent !== null && body.getBoundingClientRect().height > 0};
    })""")
    assert solutions, "the chapter has no sphinx-exercise solution"
    assert not [s["id"] for s in solutions if s["bodyShown"]], f"solutions shown expanded: {solutions}"


def test_screenshot_of_a_chapter_is_not_blank(server, browser):
    browser.navigate(f"{server}/{SCREENSHOT_CHAPTER}")
    browser.evaluate("document.documentElement.dataset.theme = 'light'")
    top = browser.screenshot(SCREENSHOTS / "chapter_05_top.png")
    # The first figure, scrolled into view.
    browser.evaluate("document.querySelector('img[src$=\".svg\"]').scrollIntoView({block: 'center'})")
    browser.pump(0.3)
    figure = browser.screenshot(SCREENSHOTS / "chapter_05_figure.png")
    for png in (top, figure):
        ok, summary = not_blank(png)
        print(f"\n    {summary}")
        assert ok, f"the screenshot looks blank: {summary}"


# --- JupyterLab ----------------------------------------------------------------

@pytest.fixture
def jupyterlab(tmp_path, browser):
    """JupyterLab started by the README's `make lab` command (its server
    half, `make lab-server`: `make test` has already run the set-up checks)
    on a folder holding the short fixture notebook, on a free loopback port
    with a random token."""
    root = tmp_path / "notebooks"
    root.mkdir()
    shutil.copy(FIXTURE, root / FIXTURE.name)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ,
               # Keep JupyterLab's state and the kernels' connection files out of $HOME.
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    LOGS.mkdir(parents=True, exist_ok=True)
    log = open(LOGS / "jupyterlab.log", "w")
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "lab-server",
         f"LAB_DIR={root}", f"LAB_PORT={port}", f"LAB_TOKEN={token}"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                pytest.fail(f"`make lab-server` exited with {process.returncode}; see {LOGS / 'jupyterlab.log'}")
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"JupyterLab did not answer on {base} within 180s")
                time.sleep(0.5)
        print(f"\n    JupyterLab (make lab-server) answered on {base} after {time.monotonic() - started:.1f}s")
        yield base, token
    finally:
        stop_jupyterlab(process, base, token, tmp_path / "runtime")
        log.close()


def stop_jupyterlab(process, base: str, token: str, runtime_dir: Path) -> None:
    """Shuts the server down as a user would (which also stops its kernels),
    then makes sure nothing it started is left running."""
    try:
        request = urllib.request.Request(f"{base}/api/shutdown", method="POST",
                                         headers={"Authorization": f"token {token}"})
        urllib.request.urlopen(request, timeout=10).read()
        process.wait(timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        pass
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
    # A kernel runs in its own session; it is ours if its connection file is
    # in our runtime folder.
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if str(runtime_dir) in cmdline:
            try:
                os.kill(int(proc.name), signal.SIGKILL)
            except ProcessLookupError:
                pass


ACTIVE_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# The notebook's toolbar indicator and the status bar ("Rust | Idle") agree.
KERNEL_IDLE_JS = (f"document.querySelector('{ACTIVE_NOTEBOOK} .jp-Notebook-ExecutionIndicator')"
                  "?.dataset.status === 'idle' && [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
                  ".some(e => /^Rust \\| Idle$/.test(e.textContent.trim()))")


def lab_kernels(base: str, token: str) -> list[dict]:
    request = urllib.request.Request(f"{base}/api/kernels", headers={"Authorization": f"token {token}"})
    return json.loads(urllib.request.urlopen(request, timeout=10).read())


def kernel_ready(base: str, token: str) -> bool:
    kernels = lab_kernels(base, token)
    return (len(kernels) == 1 and kernels[0].get("execution_state") == "idle"
            and kernels[0].get("connections", 0) >= 1)


def test_jupyterlab_runs_a_notebook_from_the_run_menu(jupyterlab, browser):
    base, token = jupyterlab
    browser.console.clear()
    browser.navigate(f"{base}/lab/tree/{FIXTURE.name}?token={token}")
    # Ready means: the server has exactly one kernel, it answered (idle) and
    # the page is connected to it, and the page says so. Clicking earlier
    # can lose the queued cells while JupyterLab is still connecting.
    deadline = time.monotonic() + 180
    while not kernel_ready(base, token) or not browser.evaluate(KERNEL_IDLE_JS):
        if time.monotonic() > deadline:
            pytest.fail(f"the Rust kernel was not ready within 180s: {lab_kernels(base, token)}")
        browser.pump(0.5)
    # JupyterLab renders a notebook's cells progressively.
    try:
        browser.wait_for(f"document.querySelectorAll('{ACTIVE_NOTEBOOK} .jp-CodeCell').length === 3",
                         timeout=30, what="the fixture's 3 code cells")
    except TimeoutError:
        cells = browser.evaluate(f"document.querySelectorAll('{ACTIVE_NOTEBOOK} .jp-CodeCell').length")
        pytest.fail(f"expected the fixture's 3 code cells, JupyterLab shows {cells}")

    # Run > Run All Cells, clicked like a reader would.
    browser.click("[...document.querySelectorAll('.lm-MenuBar-item')].find(e => e.textContent.trim() === 'Run')",
                  "the Run menu")
    run_all = "[...document.querySelectorAll('.lm-Menu-item')].find(e => e.textContent.trim().startsWith('Run All Cells'))"
    browser.wait_for(f"!!{run_all}", timeout=10, what="the Run menu to open")
    started = time.monotonic()
    browser.click(run_all, "Run All Cells")

    last_output = (f"[...document.querySelectorAll('{ACTIVE_NOTEBOOK} .jp-CodeCell')].pop()"
                   ".querySelector('.jp-OutputArea').innerText")
    try:
        browser.wait_for(f"{last_output}.includes({MARKER!r})", timeout=LAB_RUN_TIMEOUT,
                         what=f"the last cell to print {MARKER!r}")
    finally:
        browser.screenshot(SCREENSHOTS / "jupyterlab_short.png")
    print(f"\n    all cells ran in {time.monotonic() - started:.1f}s")
    browser.wait_for(f"document.querySelector('{ACTIVE_NOTEBOOK} .jp-Notebook-ExecutionIndicator')"
                     "?.dataset.status === 'idle'", timeout=60, what="the kernel to be idle again")
    browser.pump(1.0)  # stderr can arrive just after the cell ends
    report = browser.evaluate(f"""[...document.querySelectorAll('{ACTIVE_NOTEBOOK} .jp-CodeCell')].map(c => ({{
        prompt: c.querySelector('.jp-InputPrompt').innerText.trim(),
        errors: [...c.querySelectorAll('.jp-OutputArea-output')]
            .filter(o => o.dataset.mimeType === 'application/vnd.jupyter.stderr'
                         || o.classList.contains('jp-OutputArea-executeResult') && o.innerText.includes('error'))
            .map(o => o.innerText.slice(0, 300)),
    }}))""")
    assert not [r for r in report if r["errors"]], f"error output in JupyterLab: {report}"
    assert all(r["prompt"].strip("[]: ").isdigit() for r in report), (
        f"not every cell ran (execution counts): {[r['prompt'] for r in report]}")
    assert not browser.console, "console errors in JupyterLab:\n" + "\n".join(map(str, browser.console))
    ok, summary = not_blank(SCREENSHOTS / "jupyterlab_short.png")
    print(f"    {summary}")
    assert ok, f"the JupyterLab screenshot looks blank: {summary}"
