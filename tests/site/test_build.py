"""The book builds with warnings as errors, and every page loads only local assets."""

from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.slow


def test_book_builds_without_warnings(build):
    assert build["returncode"] == 0, build["log"][-5000:]


def test_every_toc_page_is_built(site, docname):
    assert (site / f"{docname}.html").is_file()


class Resources(HTMLParser):
    """Collects the URLs a page loads: scripts, stylesheets, icons, images, frames."""

    LOADS = {"script": "src", "img": "src", "iframe": "src", "link": "href"}
    LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and not self.LINK_RELS & set((attrs.get("rel") or "").split()):
            return
        if url := attrs.get(self.LOADS.get(tag, "")):
            self.urls.append(url)


def test_no_page_loads_from_another_host(site):
    for page in site.rglob("*.html"):
        parser = Resources()
        parser.feed(page.read_text())
        remote = [url for url in parser.urls if urlparse(url).netloc]
        assert not remote, f"{page.relative_to(site)} loads {remote}"
