"""Launch buttons (Binder, Colab) and repository links only when a repository is named.

One setting, ``repository: url:`` in _config.yml, turns them on: with it empty (the
default) no page shows a launch, repository or issues button, so no page links to a
placeholder. With it set, a notebook opened on Colab installs the engine from that
repository in its set-up cell (tools/setup_cell.py).
"""


def configure_buttons(app, config):
    options = config.html_theme_options
    named = bool(options.get("repository_url"))
    options["use_repository_button"] = options["use_issues_button"] = named
    if not named:
        options.pop("launch_buttons", None)
        options.pop("repository_url", None)


def setup(app):
    app.connect("config-inited", configure_buttons)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
