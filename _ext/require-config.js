// Loaded just before require.js on pages with widgets (see nb_ipywidgets_js in
// _config.yml). The ipywidgets embedder fetches its fonts relative to its AMD module
// path; point that path at the copy of the embedder served beside this file.
var require = {
  paths: {
    "@jupyter-widgets/html-manager/dist": new URL("html-manager", document.currentScript.src).href,
  },
};
