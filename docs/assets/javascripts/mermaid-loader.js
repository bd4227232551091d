/*
 * Loads the vendored Mermaid bundle only when a reader is about to see a diagram.
 *
 * mermaid2 adds this script (its `javascript:` setting) to pages that have a
 * diagram. It defines `window.mermaid` at once, so Material never falls back to
 * loading Mermaid from a CDN; Material's calls to `initialize` and `render` are
 * answered from the real bundle (docs/assets/vendor/mermaid/mermaid.min.js,
 * 1 MB gzipped) once the first diagram comes near the screen, when the page is
 * printed, or at once on the one-page print view and where IntersectionObserver
 * is missing.
 */
(function () {
  "use strict";

  var library = new URL("../vendor/mermaid/mermaid.min.js", document.currentScript.src).href;
  var settings = {};
  var loading = null;
  var release;
  var wanted = new Promise(function (resolve) { release = resolve; });

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = library;
        tag.onload = function () {
          window.mermaid.initialize(settings); // the real Mermaid has replaced this stand-in
          resolve(window.mermaid);
        };
        tag.onerror = function () { reject(new Error("Could not load " + library)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  window.mermaid = {
    initialize: function (config) { settings = config || {}; },
    render: function (id, text) {
      return wanted.then(load).then(function (real) { return real.render(id, text); });
    }
  };

  function watch() {
    var diagrams = document.querySelectorAll("pre.mermaid, div.mermaid");
    if (!diagrams.length) return;
    if (document.getElementById("print-site-page") || !("IntersectionObserver" in window)) {
      release();
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        release();
      }
    }, { rootMargin: "200px 0px" });
    diagrams.forEach(function (diagram) { observer.observe(diagram); });
  }

  window.addEventListener("beforeprint", function () { release(); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }
})();
