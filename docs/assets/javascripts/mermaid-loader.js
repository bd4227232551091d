/*
 * Draws each Mermaid diagram when the reader is about to see it.
 *
 * mermaid2 adds this script (its `javascript:` setting) to pages that have a
 * diagram. It defines `window.mermaid` at once, so Material never falls back to
 * loading Mermaid from a CDN. Material asks it to `render` every diagram as the
 * page opens; each request waits until its own diagram comes within a screen
 * of the viewport, so a reader pays only for the diagrams they scroll to and
 * the work is spread over separate tasks instead of one long freeze.
 *
 * The real Mermaid is vendored (scripts/vendor.sh) in two builds:
 * - over HTTP, the ESM build: only the chunks this page's diagram types need;
 * - from file://, where Chromium will not import modules, or if the ESM build
 *   is missing (the offline build leaves it out), the single-file build.
 *
 * Everything is drawn at once on the one-page print view, before printing,
 * and where IntersectionObserver is missing.
 */
(function () {
  "use strict";

  var here = document.currentScript.src;
  var singleFile = new URL("../vendor/mermaid/mermaid.min.js", here).href;
  var moduleBuild = new URL("../vendor/mermaid/esm/mermaid.esm.min.mjs", here).href;
  var settings = {};
  var loading = null;
  var claimed = [];
  var waiting = [];   // [element, release] for diagrams not yet near the screen
  var everything = false;
  var observer = null;

  function loadSingleFile() {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = singleFile;
      tag.onload = function () { resolve(window.mermaid); }; // the real one has replaced this stand-in
      tag.onerror = function () { reject(new Error("Could not load " + singleFile)); };
      document.head.appendChild(tag);
    });
  }

  /*
   * Importing the ESM build evaluates its whole module graph in one task, a
   * long freeze on a phone. Importing its biggest shared chunks one at a time
   * first, with a pause between, spreads that work over several short tasks.
   * Any order is correct (a module runs once, after its imports); a name that
   * no longer exists after a Mermaid upgrade only costs the split, and
   * tests/unit/test_vendor.py fails until this list is brought up to date
   * (scripts/vendor.sh prints the new names).
   */
  var PIECES = ["chunk-AQ6EADP3", "chunk-H7VHZCWX", "chunk-QJSWEUOL", "chunk-DZP67EKU", "chunk-NUDPKBEF"];

  function pause() {
    return new Promise(function (done) { setTimeout(done, 0); });
  }

  function loadModule() {
    var pieces = Promise.resolve();
    PIECES.forEach(function (piece) {
      pieces = pieces.then(function () {
        return import(new URL("chunks/mermaid.esm.min/" + piece + ".mjs", moduleBuild).href).catch(function () {});
      }).then(pause);
    });
    return pieces
      .then(function () { return import(moduleBuild); })
      .then(function (module) { return module.default; });
  }

  function load() {
    if (!loading) {
      var real = location.protocol === "file:"
        ? loadSingleFile()
        : loadModule().catch(loadSingleFile);
      loading = real.then(function (mermaid) {
        mermaid.initialize(settings);
        return mermaid;
      });
    }
    return loading;
  }

  /* The diagram Material is asking for: the first unclaimed one with this text. */
  function diagramFor(text) {
    var all = document.querySelectorAll("pre.mermaid, div.mermaid");
    for (var i = 0; i < all.length; i++) {
      if (claimed.indexOf(all[i]) < 0 && all[i].textContent === text) {
        claimed.push(all[i]);
        return all[i];
      }
    }
    return null;
  }

  function releaseAll() {
    everything = true;
    if (observer) observer.disconnect();
    waiting.splice(0).forEach(function (entry) { entry[1](); });
  }

  function whenNear(element) {
    if (everything || !element || !observer) return Promise.resolve();
    return new Promise(function (release) {
      waiting.push([element, release]);
      observer.observe(element);
    });
  }

  if ("IntersectionObserver" in window) {
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        waiting = waiting.filter(function (pair) {
          if (pair[0] !== entry.target) return true;
          pair[1]();
          return false;
        });
      });
    }, { rootMargin: "25% 0px" });
  }

  window.mermaid = {
    initialize: function (config) { settings = config || {}; },
    render: function (id, text) {
      return whenNear(diagramFor(text))
        .then(load)
        .then(function (real) { return real.render(id, text); });
    }
  };

  window.addEventListener("beforeprint", releaseAll);
  // mermaid2 adds this script without defer, so it runs before page.js: only at
  // DOMContentLoaded (after deferred scripts) can it use StudyGuidePage. mermaid2,
  // not our template, decides which pages get this script, so where page.js is
  // not loaded it falls back to a check of its own.
  function onPrintView() {
    var page = window.StudyGuidePage;
    if (page ? page.isPrintView() : document.getElementById("print-site-page")) releaseAll();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPrintView);
  } else {
    onPrintView();
  }
})();
