"""Serve the site's third-party browser assets from the site itself.

`make vendor` runs `npm ci`, which puts the versions pinned in package-lock.json into
node_modules/. After each HTML build this extension copies the MathJax files that
pages load into `_static/vendor/mathjax/` of the output, and `_config.yml` points
`mathjax_path` at them: the combined TeX-to-CHTML component, its web fonts, and the
TeX extensions it loads on demand (for example `\\boldsymbol`). (Not `_static/` in
the source: Jupyter Book would add every .js file there to every page.)
"""

from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util.fileutil import copy_asset

MATHJAX = "node_modules/mathjax/es5"
ASSETS = {  # in the source folder -> in _static/vendor/ of the site
    f"{MATHJAX}/tex-chtml.js": "mathjax",
    f"{MATHJAX}/output/chtml/fonts/woff-v2": "mathjax/output/chtml/fonts/woff-v2",
    f"{MATHJAX}/input/tex/extensions": "mathjax/input/tex/extensions",
}


def check_installed(app):
    missing = [source for source in ASSETS if not Path(app.srcdir, source).exists()]
    if missing:
        raise ExtensionError(f"missing {missing[0]}: run `make vendor`")


def copy_assets(app, exception):
    if exception is None and app.builder.format == "html":
        vendor = Path(app.outdir, "_static", "vendor")
        for source, target in ASSETS.items():
            copy_asset(Path(app.srcdir, source), vendor / target)


def setup(app):
    app.connect("builder-inited", check_installed)
    app.connect("build-finished", copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
