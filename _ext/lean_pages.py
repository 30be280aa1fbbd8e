"""Pages load nothing that renders nothing.

Jupyter Book always loads sphinx-thebe (live code through Binder), which this book does
not use: its launch buttons open Binder, Colab or JupyterLab instead. Sphinx 7 also
writes thebe's inline configuration twice (sphinx-doc/sphinx#13402, fixed in Sphinx 8,
which Jupyter Book 1 does not support), so every page threw "Identifier 'THEBE_JS_URL'
has already been declared". And myst-nb embeds each notebook's widget state, which
only the ipywidgets embedder reads; the book loads no embedder, because its explorers
are frame players and its exercises in-page forms. This extension takes those scripts
and thebe's stylesheet off every page, and after the build deletes the theme's files
that no page loads: its source maps (for its developers' browser tools, 3.5 MB) and
Font Awesome's script (_templates/layout.html no longer loads it).
"""

from pathlib import Path

WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def renders_nothing(asset):
    """True for a script or stylesheet of thebe, or a widget-state script."""
    body = asset.attributes.get("body", "")
    return ("sphinx-thebe" in str(asset.filename) or "THEBE_JS_URL" in body
            or asset.attributes.get("type") == WIDGET_STATE)


def drop_unused_assets(app, pagename, templatename, context, doctree):
    """Remove the assets that render nothing from the page being written."""
    for key in ("script_files", "css_files"):
        context[key][:] = [asset for asset in context[key] if not renders_nothing(asset)]


UNUSED_FILES = ["scripts/fontawesome.js", "**/*.map"]  # in the site's _static/


def remove_unused_files(app, exception):
    """Delete the theme's files that no page of the site loads."""
    if exception is None and app.builder.format == "html":
        static = Path(app.outdir, "_static")
        for pattern in UNUSED_FILES:
            for path in static.glob(pattern):
                path.unlink()


def setup(app):
    app.connect("build-finished", remove_unused_files)
    # After myst-nb (priority 500) has added the page's widget state.
    app.connect("html-page-context", drop_unused_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
