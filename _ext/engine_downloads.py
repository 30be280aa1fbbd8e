"""The engine on the site: a reader who downloads a notebook can install what it needs.

After each HTML build this extension builds the engine's wheel (``lib/``) into
``_static/engine/`` of the site, next to ``nnbook-requirements.txt`` (the pinned
packages the notebooks import, from requirements.txt), and adds both to every page's
download menu. ``{{ nnbook_version }}``, ``{{ nnbook_downloads }}`` (links to both files) and
``{{ nnbook_install }}`` (the pip line) are available to the pages as MyST substitutions; ``tools/setup_cell.py`` writes the notebooks'
first cell, which prints the install line when the engine is missing.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from setup_cell import (REQUIREMENTS_FILE, engine_version, install_line,  # noqa: E402
                        notebook_requirements, wheel_name)

FOLDER = "_static/engine"


def add_substitutions(app, config):
    wheel = f"{FOLDER}/{wheel_name()}"
    requirements = f"{FOLDER}/{REQUIREMENTS_FILE}"
    config.myst_substitutions = {
        **config.myst_substitutions,
        "nnbook_version": engine_version(),
        "nnbook_install": f"`{install_line()}`",
        "nnbook_downloads": f'<a href="{wheel}">{wheel_name()}</a> and '
                            f'<a href="{requirements}">{REQUIREMENTS_FILE}</a>',
    }


def build_wheel(target):
    """Build the engine's wheel from a copy of lib/ (the source tree stays clean)."""
    with tempfile.TemporaryDirectory() as scratch:
        source = shutil.copytree(ROOT / "lib", Path(scratch) / "lib",
                                 ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                        "--no-build-isolation", "--wheel-dir", str(target), str(source)],
                       check=True, capture_output=True)


def write_downloads(app, exception):
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir, FOLDER)
        target.mkdir(parents=True, exist_ok=True)
        build_wheel(target)
        (target / REQUIREMENTS_FILE).write_text(notebook_requirements())


def add_to_download_menu(app, pagename, templatename, context, doctree):
    """Append the wheel and the requirements file to the theme's download menu."""
    menu = next((button for button in context.get("header_buttons", [])
                 if button.get("label") == "download-buttons"), None)
    if menu is None:
        return
    root = context["pathto"](FOLDER, 1)
    menu["buttons"] += [
        {"type": "link", "url": f"{root}/{wheel_name()}", "text": "engine (.whl)",
         "tooltip": "Download the book's engine, nnbook, to run the notebooks",
         "icon": "fas fa-cube", "label": "download-engine-button"},
        {"type": "link", "url": f"{root}/{REQUIREMENTS_FILE}", "text": "requirements",
         "tooltip": "Download the packages the notebooks need (pip install -r)",
         "icon": "fas fa-list", "label": "download-requirements-button"},
    ]


def setup(app):
    app.connect("config-inited", add_substitutions)
    app.connect("html-page-context", add_to_download_menu, priority=600)
    app.connect("build-finished", write_downloads)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
