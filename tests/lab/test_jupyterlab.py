"""The back-propagation chapter in a real JupyterLab: run every cell, read the worked
numbers in the rendered prose, move a slider, see the figure redraw."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from book import ROOT

pytestmark = pytest.mark.slow
TOKEN = "nnbook-test"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    """JupyterLab on 127.0.0.1, serving a copy of chapters/, with its own settings.

    Its log is in the fixture's temporary folder, lab.log."""
    home = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "chapters", home / "chapters")
    port = free_port()
    own = ["JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR",
           "JUPYTERLAB_WORKSPACES_DIR"]
    env = {**os.environ, **{name: str(home / name.lower()) for name in own}}
    tracker = home / "jupyterlab_settings_dir" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)        # render every cell, not only those in view
    (tracker / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    lab = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
         "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
         f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={home / 'chapters'}",
         "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
         "--LabApp.extension_manager=readonly",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.DEVNULL, stderr=(home / "lab.log").open("w"))
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status?token={TOKEN}")
            break
        except OSError:
            time.sleep(0.5)
    yield url
    lab.terminate()
    lab.wait(timeout=30)


ALL_CELLS_RUN = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const kernel = panel?.sessionContext?.session?.kernel;
    const cells = panel ? Array.from(panel.content.model.cells) : [];
    return kernel?.status === "idle" && cells.length > 0 &&
        cells.every(cell => cell.type !== "code" || cell.executionCount !== null);
}"""


def test_prose_numbers_show_and_slider_redraws_the_figure(browser, lab_url, screenshot):
    page = browser.new_page(viewport={"width": 1280, "height": 1600})
    page.goto(f"{lab_url}/lab/tree/06-backprop.ipynb?token={TOKEN}")
    page.wait_for_function("() => window.jupyterapp?.shell.currentWidget?.sessionContext"
                           "?.session?.kernel?.status === 'idle'", timeout=120_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_CELLS_RUN, timeout=120_000)

    assert page.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0
    prose = page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(cell => cell.model.type === "markdown")
        .map(cell => cell.node.querySelector(".jp-RenderedMarkdown")?.innerText ?? "")
        .join("\\n")""")
    assert "0.1463" in prose and "0.4854" in prose      # dL/dw, and w after one step
    assert "{glue" not in prose
    figure = page.locator(".widget-interact img")
    before = figure.get_attribute("src")

    page.locator(".widget-interact .noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("""old => {  // the output widget redraws: a new img, new pixels
        const img = document.querySelector(".widget-interact img");
        return img !== null && img.src !== old;
    }""", arg=before, timeout=30_000)
    screenshot(page, "06-backprop")
    page.close()
