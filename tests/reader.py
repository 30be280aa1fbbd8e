"""What a reader gets on one page of the built site, measured in Chromium, offline.

`visit(browser, site_url, docname, width, mode, screenshot)` opens the page in a fresh
browser context (an empty cache, as on a first visit) at that width in light or dark
mode, waits for MathJax, and returns a dict of measurements that tests/site/ check.
"""

import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

AXE = Path(__file__).resolve().parent.parent / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Records when MathJax has typeset the page (Sphinx loads it deferred).
TYPESET_CLOCK = """
window.nnbookTypesetAt = null;
const nnbookPoll = setInterval(() => {
  const promise = window.MathJax?.startup?.promise;
  if (promise) {
    clearInterval(nnbookPoll);
    promise.then(() => { window.nnbookTypesetAt = performance.now(); });
  }
}, 10);
"""

MEASURE = """() => {
  const article = document.querySelector("article.bd-article");
  const column = document.querySelector(".bd-article-container");
  const box = (element, scroller) => {
    const style = getComputedStyle(scroller);
    return {text: element.textContent.trim().slice(0, 80),
            wide: scroller.scrollWidth > scroller.clientWidth + 1,
            scrolls: ["auto", "scroll"].includes(style.overflowX),
            cue: style.backgroundImage.includes("gradient")};
  };
  const displays = [...article.querySelectorAll("div.math mjx-container")];
  const tables = [...article.querySelectorAll("table")].map(table => {
    let scroller = table.parentElement;
    while (scroller !== article && !["auto", "scroll"].includes(getComputedStyle(scroller).overflowX))
      scroller = scroller.parentElement;
    return box(table, scroller === article ? table.parentElement : scroller);
  });
  const codeLines = [...article.querySelectorAll("div.cell_input pre")]
    .filter(pre => pre.checkVisibility({visibilityProperty: true}))
    .flatMap(pre => pre.textContent.split("\\n")).filter(line => line.trim());
  const mathText = [...article.querySelectorAll("mjx-assistive-mml")].map(m => m.textContent);
  const figures = [...article.querySelectorAll("img")]
    .filter(img => !img.closest(".nnbook-explorer"))
    .map(img => {
      const figure = img.closest("figure");
      return {src: img.src, alt: img.getAttribute("alt") || "",
              natural: img.naturalWidth, shown: img.getBoundingClientRect().width,
              number: figure?.querySelector(".caption-number")?.textContent.trim() || "",
              caption: figure?.querySelector("figcaption")?.textContent.trim() || ""};
    });
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    theme: document.documentElement.dataset.theme,
    transfer: navigation.transferSize + performance.getEntriesByType("resource")
      .reduce((sum, entry) => sum + entry.transferSize, 0),
    load: navigation.loadEventEnd,
    typeset: window.nnbookTypesetAt ?? 0,
    code: {visible: codeLines.length,
           checks: codeLines.filter(line => line.includes("assert") || line.includes("glue("))},
    equations: {wide: displays.filter(c => c.scrollWidth > c.clientWidth + 1)
                               .map(c => c.textContent.slice(0, 80)),
                boxes: displays.map(c => box(c, c))},
    tables,
    column_overflow: column.scrollWidth - column.clientWidth,
    raw_underscores: [article.innerText, ...mathText].filter(t => t.includes("\\\\_"))
      .map(t => t.slice(Math.max(0, t.indexOf("\\\\_") - 40), t.indexOf("\\\\_") + 40)),
    figures,
  };
}"""

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                      where: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(folder):
    """The built site in ``folder``, served by http.server on 127.0.0.1; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def watch(page):
    """Make `page` abort and record every request to another host, and record failed
    local requests and script or console errors."""
    page.external, page.failed, page.errors = [], [], []

    def local_only(route):
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            page.external.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    page.on("response", lambda r: r.status >= 400 and page.failed.append(r.url))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    return page


def visit(browser, site_url, docname, width, mode, screenshot):
    """Open `docname` at `width` px in `mode` ("light"/"dark"), measure it, audit it
    with axe-core (at desktop widths), save a full-page screenshot at `screenshot`;
    returns the measurements."""
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  color_scheme=mode)
    page = watch(context.new_page())
    page.add_init_script(TYPESET_CLOCK)
    page.goto(f"{site_url}/{docname}.html", wait_until="networkidle")
    if page.locator(".math").count():
        page.wait_for_function("() => window.nnbookTypesetAt !== null")
    view = page.evaluate(MEASURE)
    assert view["theme"] == mode
    if width >= 1000:  # the accessibility audit is the same at a phone's width
        page.add_script_tag(path=AXE)
        view["axe"] = page.evaluate(RUN_AXE, AXE_TAGS)
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=screenshot, full_page=True)
    view.update(errors=page.errors, failed=page.failed, external=page.external,
                screenshot=screenshot)
    context.close()
    return view
