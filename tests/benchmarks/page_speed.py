"""What a first visit to each chapter costs (make bench): bytes transferred and the time
until MathJax has typeset the page, in headless Chromium with an empty cache.

Needs a built site (`make book`). Prints, per chapter, the transfer in MB (the test
suite also holds it to 3 MB) and when the math was typeset and the page loaded, in ms
from the start of the visit (target: typeset within 2 s on this machine; times vary
with load, so they are measured here, not asserted in a test). Median of 3 visits.
"""

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from book import BUILD, toc_docnames  # noqa: E402
from reader import TYPESET_CLOCK, serve, watch  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
VISITS = 3
TIMES = """() => ({typeset: window.nnbookTypesetAt,
                   load: performance.getEntriesByType("navigation")[0].loadEventEnd,
                   transfer: performance.getEntriesByType("navigation")[0].transferSize +
                     performance.getEntriesByType("resource").reduce((s, e) => s + e.transferSize, 0)})"""


def first_visit(browser, url):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = watch(context.new_page())
    page.add_init_script(TYPESET_CLOCK)
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => window.nnbookTypesetAt !== null")
    times = page.evaluate(TIMES)
    context.close()
    return times


def main():
    from playwright.sync_api import sync_playwright

    site = BUILD / "html"
    if not (site / "index.html").exists():
        sys.exit(f"no built site in {site}: run `make book` first")
    print(f"{'chapter':42} {'MB':>6} {'typeset ms':>11} {'load ms':>8}")
    with serve(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for chapter in (d for d in toc_docnames() if d.startswith("chapters/")):
            url = f"{root}/{chapter}.html"
            visits = [first_visit(browser, url) for _ in range(VISITS)]
            median = {key: statistics.median(v[key] for v in visits) for key in visits[0]}
            print(f"{chapter:42} {median['transfer'] / 1e6:6.2f} {median['typeset']:11.0f} "
                  f"{median['load']:8.0f}")
        browser.close()


if __name__ == "__main__":
    main()
