// The site's search scorer (Sphinx's html_search_scorer, set by search_keywords.py):
// Sphinx's default weights, and among equally good results the chapter that teaches a
// word comes before the exercises, solutions and glossary that use it.
var Scorer = {
  score: ([docname, title, anchor, descr, score]) =>
    score + (docname.startsWith("chapters/") ? 1 : 0),
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
