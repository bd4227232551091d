/*
 * Fetches the search index when a reader reaches for search, not on every page.
 *
 * Over HTTP, Material requests search/search_index.json (about 250 KB gzipped)
 * as soon as any page opens, although most visits never search. From file://
 * it already waits until the search box opens; this script gives hosted
 * readers the same behaviour. It holds back only that one request, made with
 * XMLHttpRequest by Material's bundle, and sends it the first time the reader
 * points at, taps, focuses or opens search (including the / s f shortcuts,
 * which focus the search box), or at once when the address asks for search
 * (?q= to share a search, ?h= to highlight results). Material shows
 * "Initializing search" meanwhile, as it does offline.
 *
 * Loaded before Material's bundle (overrides/main.html).
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:[?#].*)?$/;
  var held = [];
  var wanted = false;

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.searchIndex || wanted) return send.apply(request, args);
    held.push(function () { send.apply(request, args); });
  };

  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) want();

  function reaching(event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest("[for='__search'], .md-search, #__search")) want();
  }
  ["pointerover", "pointerdown", "focusin", "change"].forEach(function (type) {
    document.addEventListener(type, reaching, { capture: true, passive: true });
  });
})();
