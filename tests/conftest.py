"""Fixtures for the tests that build the book and drive a real browser."""

import json
import subprocess
from functools import partial
from pathlib import Path

import pytest
from filelock import FileLock

from book import BUILD, ROOT, build_command, toc_docnames
from reader import serve, visit, watch

HTML = BUILD / "html"
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"  # Debian's; .ci/run installs it
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def pytest_generate_tests(metafunc):
    if "docname" in metafunc.fixturenames:
        metafunc.parametrize("docname", toc_docnames())


@pytest.fixture(scope="session")
def build(tmp_path_factory, testrun_uid):
    """Build the book into _build/html once per test run, shared by all xdist workers.

    Returns the build's exit code and log; the site's tests fail unless it succeeded.
    """
    shared = tmp_path_factory.getbasetemp().parent
    result = shared / f"book-build-{testrun_uid}.json"
    with FileLock(shared / "book-build.lock"):
        if not result.exists():
            done = subprocess.run(build_command(), capture_output=True, text=True)
            result.write_text(json.dumps({"returncode": done.returncode,
                                          "log": done.stdout + done.stderr}))
    return json.loads(result.read_text())


@pytest.fixture(scope="session")
def site(build):
    """The built site's folder."""
    if build["returncode"]:
        pytest.fail("the book did not build; see test_build.py", pytrace=False)
    return HTML


@pytest.fixture(scope="session")
def site_url(site):
    """The built site, served by http.server on 127.0.0.1 at a free port."""
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.exit(f"The browser tests need Chromium at {CHROMIUM}: run `make test` as root "
                    "(it installs it) or `sudo apt-get install chromium`.", returncode=1)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshot(request):
    """save(page, name): a full-page screenshot in tests/artifacts/<test module>/."""

    def save(page, name):
        folder = ARTIFACTS / request.module.__name__.rpartition(".")[2]
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{name.replace('/', '-')}.png", full_page=True)

    return save


@pytest.fixture
def offline_page(browser, site_url):
    """A page that reads the site offline (see reader.watch), with `open(docname)` and `typeset()`."""
    page = watch(browser.new_page())
    page.open = lambda docname: page.goto(f"{site_url}/{docname}.html", wait_until="networkidle")
    page.typeset = partial(wait_for_mathjax, page)
    yield page
    page.close()


def wait_for_mathjax(page):
    """Wait for MathJax to finish, on pages that have math."""
    if page.locator(".math").count():
        page.wait_for_function("() => window.MathJax?.startup?.promise")
        page.evaluate("() => MathJax.startup.promise")


@pytest.fixture(scope="module")
def reader_view(browser, site_url):
    """reader_view(docname, width=1366, mode="light"): what a reader gets on that page,
    measured once per module (see reader.py) and screenshotted into
    tests/artifacts/reader_view/<width>-<mode>/."""
    views = {}

    def view(docname, width=1366, mode="light"):
        key = (docname, width, mode)
        if key not in views:
            shot = ARTIFACTS / "reader_view" / f"{width}-{mode}" / f"{docname.replace('/', '-')}.png"
            views[key] = visit(browser, site_url, docname, width, mode, shot)
        return views[key]

    return view
