/*
 * Helpers shared by the guide's page scripts: window.StudyGuidePage.
 *
 * Loaded with defer before every script that uses it (estimates/live.js,
 * estimates/sandbox.js, practice.js; mermaid-loader.js where it is there), so
 * those scripts stay small and behave the same way:
 *
 *   element(tag, attributes, text)  a new DOM node; text only ever as textContent,
 *                                   attributes only with setAttribute, never innerHTML
 *   storage.get(key), storage.set(key, value)
 *                                   localStorage, or a copy in memory for the visit where
 *                                   storage is refused (blocked, private mode, quota);
 *                                   set(key, null) removes the key
 *   isPrintView()                   the one-page print view (print-site's #print-site-page)
 *                                   or the page being printed: scripts leave the page as built
 *   ready(callback)                 callback once the document is parsed
 *
 * A classic script (no modules, no dependencies, plain ES2017).
 */
(function (root) {
  "use strict";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  /* --- Storage that never throws ---------------------------------------------- */

  var memory = Object.create(null); // stands in for localStorage when it cannot be used
  var local; // localStorage once it is known to work, null if it does not; looked at on first use

  function localStore() {
    if (local !== undefined) return local;
    try {
      var s = root.localStorage; // reading it throws where storage is blocked
      s.getItem("sdg-page-probe");
      local = s;
    } catch (error) {
      local = null;
    }
    return local;
  }

  function get(key) {
    if (localStore()) {
      try { return local.getItem(key); } catch (error) { /* fall through to the copy in memory */ }
    }
    return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
  }

  function set(key, value) {
    if (value === null || value === undefined) delete memory[key]; else memory[key] = String(value);
    if (!localStore()) return;
    try {
      if (value === null || value === undefined) local.removeItem(key); else local.setItem(key, String(value));
    } catch (error) { /* full or blocked: the copy in memory still holds it */ }
  }

  /* --- The page ------------------------------------------------------------------ */

  function isPrintView() {
    if (document.getElementById("print-site-page")) return true;
    return typeof root.matchMedia === "function" && root.matchMedia("print").matches;
  }

  function ready(callback) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", callback);
    else callback();
  }

  root.StudyGuidePage = {
    element: element,
    storage: { get: get, set: set },
    isPrintView: isPrintView,
    ready: ready,
  };
})(window);
