"""Serve the site's third-party browser assets from the site itself.

`make vendor` runs `npm ci`, which puts the versions pinned in package-lock.json into
node_modules/. After each HTML build this extension copies the files the pages load
into `_static/vendor/` of the output; `_config.yml` points MathJax (`mathjax_path`)
and the ipywidgets embedder (`nb_ipywidgets_js`) at them. (Not `_static/` in the
source: Jupyter Book would add every .js file there to every page.)
"""

from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util.fileutil import copy_asset
from sphinx.util.matching import Matcher

ASSETS = {  # in the source folder -> in _static/vendor/ of the site
    "node_modules/mathjax/es5": "mathjax",
    "node_modules/requirejs/require.js": ".",
    "_ext/require-config.js": ".",
    "node_modules/@jupyter-widgets/html-manager/dist": "html-manager",
}
UNUSED = Matcher(["*.map", "embed.js*", "libembed-amd.js"])


def check_installed(app):
    missing = [source for source in ASSETS if not Path(app.srcdir, source).exists()]
    if missing:
        raise ExtensionError(f"missing {missing[0]}: run `make vendor`")


def copy_assets(app, exception):
    if exception is None and app.builder.format == "html":
        vendor = Path(app.outdir, "_static", "vendor")
        for source, target in ASSETS.items():
            copy_asset(Path(app.srcdir, source), vendor / target, UNUSED)


def setup(app):
    app.connect("builder-inited", check_installed)
    app.connect("build-finished", copy_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
