"""Search finds what readers type.

Readers search for "backprop" or "ReLU", words a chapter may spell differently or use
everywhere. `search_keywords` in _config.yml lists, per chapter, the words that should
find it; each becomes a main index entry on that page, which Sphinx's search ranks
above full-text matches. The glossary also makes a main entry of each term it defines,
so the scorer (`search_scorer.js`, Sphinx's `html_search_scorer`) breaks such ties in
favor of the chapter that teaches the word.
"""

from pathlib import Path

from sphinx import addnodes
from sphinx.transforms import SphinxTransform


class KeywordEntries(SphinxTransform):
    """Add the page's search keywords as main index entries pointing at its top."""

    default_priority = 800  # before SphinxDomains (850) collects the index entries

    def apply(self, **kwargs):
        keywords = self.config.search_keywords.get(self.env.docname, [])
        if keywords:
            entries = [("single", word, "", "main", None) for word in keywords]
            self.document.insert(0, addnodes.index(entries=entries))


def use_scorer(app, config):
    config.html_search_scorer = str(Path(__file__).with_name("search_scorer.js"))


def setup(app):
    app.add_config_value("search_keywords", {}, "env", dict)
    app.add_transform(KeywordEntries)
    app.connect("config-inited", use_scorer)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
