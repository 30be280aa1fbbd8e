"""The engine on the site: every notebook page's download menu offers the engine's wheel
and the notebooks' requirements; no page links to a launch service or a repository
when none is configured (_ext/engine_downloads.py, _ext/launch_buttons.py)."""

import re
import sys
import zipfile
from urllib.parse import urljoin, urlparse

import pytest

from book import ROOT, toc_docnames

sys.path.insert(0, str(ROOT / "tools"))
from setup_cell import (engine_version, install_line, notebook_requirements,  # noqa: E402
                        repository_url, wheel_name)

pytestmark = pytest.mark.slow
LAUNCH_OR_PLACEHOLDER = re.compile(r"mybinder\.org|colab\.research\.google\.com|/v2/gh/|"
                                   r"github\.com/nnbook|executablebooks/jupyter-book")
REPOSITORY_BUTTONS = re.compile(r"launch-buttons|launch-thebe|source-(repository|issues|edit)-button")


def test_no_page_links_to_a_launch_service_or_repository_without_one_configured(site):
    assert repository_url() is None, "this test is for the default, unconfigured book"
    for page in site.rglob("*.html"):
        html = page.read_text()
        hrefs = re.findall(r'href="([^"]+)"', html)
        assert not [h for h in hrefs if LAUNCH_OR_PLACEHOLDER.search(h)], page.name
        assert not REPOSITORY_BUTTONS.search(html), page.name


def test_the_site_offers_the_engine_and_the_requirements(site):
    engine = site / "_static" / "engine"
    wheel = zipfile.ZipFile(engine / wheel_name())
    assert "nnbook/exercises/core.py" in wheel.namelist()
    assert (engine / "nnbook-requirements.txt").read_text() == notebook_requirements()


@pytest.mark.parametrize("notebook", [name for name in toc_docnames()
                                      if (ROOT / f"{name}.ipynb").exists()])
def test_every_notebook_page_links_the_engine_from_its_download_menu(site, notebook):
    html = (site / f"{notebook}.html").read_text()
    links = re.findall(r'href="([^"]+)"[^>]*download-(?:engine|requirements)-button', html)
    assert len(links) == 2
    for link in links:
        target = urlparse(urljoin(f"http://book/{notebook}.html", link)).path.lstrip("/")
        assert (site / target).is_file(), link


def test_the_intro_offers_the_engine_with_its_version_and_install_line(site):
    html = (site / "intro.html").read_text()
    assert f'href="_static/engine/{wheel_name()}"' in html
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    assert f"nnbook {engine_version()}" in text and install_line() in text
