/*
 * Live estimates: change an assumption and every number on the page follows.
 *
 * The build writes each number into the page (span.est-value[data-quantity])
 * and appends the model it came from as data (script.est-model, written by
 * hooks/estimates.py). Without JavaScript the page stays as built. With it, every
 * assumption row of an estimates table gets a text field; on each change the
 * model is evaluated again by engine.js, with the same formulas, units and
 * formatting as the build, and every number on the page is rewritten: table
 * rows, the "with ..." notes and the figures quoted in the prose.
 *
 * Changed assumptions go into the address (?daily_active_users=300000000), so
 * a reader can share them, and any page of the example opened with such an
 * address shows the changed numbers with a notice and a way back. Reset
 * restores the example's own values. An assumption the engine refuses (not a number,
 * too large, below zero) is marked on its field with the engine's own message,
 * the build's word for word.
 *
 * Needs page.js and engine.js, loaded before it with defer.
 */
(function () {
  "use strict";

  var engine = window.StudyGuideEstimates;
  var page = window.StudyGuidePage;
  var source = document.querySelector("script.est-model");
  if (!engine || !page || !source || page.isPrintView()) return;

  var data;
  try {
    data = JSON.parse(source.textContent);
  } catch (error) {
    return; // the static numbers stay; they are correct
  }

  var inputs = {};
  data.quantities.forEach(function (q) { if (q.kind === "input") inputs[q.name] = q; });
  var RESERVED = { q: true, h: true }; // Material's search (q) and highlight (h)

  var spans = Array.prototype.slice.call(document.querySelectorAll("span.est-value[data-quantity]"));
  var original = spans.map(function (span) { return span.textContent; });
  var fields = []; // {input, quantity, message}
  var overrides = {};
  var bar = null;
  var status = null;

  /* --- Numbers as a reader types them ------------------------------------ */

  var asText = engine.valueText; // 200 million, 0.2: as a reader types them

  function unitText(q) {
    if (q.unit === "1" || q.unit === "ratio") return "";
    return q.unit === "percent" ? "%" : q.unit.replace(/\*/g, "·");
  }

  /* --- The page ----------------------------------------------------------- */

  var element = page.element;

  function addFields() {
    var rows = document.querySelectorAll(".est-table tbody tr");
    Array.prototype.forEach.call(rows, function (row, index) {
      var cell = row.cells[1];
      var span = cell && cell.querySelector("span.est-value[data-quantity]");
      var q = span && inputs[span.getAttribute("data-quantity")];
      if (!q) return;
      var id = "est-" + q.name + "-" + index;
      var label = row.cells[0].textContent.trim();
      var wrap = element("span", { class: "est-field" });
      var input = element("input", {
        type: "text", id: id, inputmode: "decimal", autocomplete: "off", spellcheck: "false",
        "aria-label": label + (unitText(q) ? " (" + unitText(q) + ")" : ""),
        "aria-describedby": id + "-message", "data-quantity": q.name
      });
      input.value = asText(q.value);
      input.size = Math.max(6, input.value.length + 1);
      var message = element("span", { id: id + "-message", class: "est-field__message", "aria-live": "polite" });
      wrap.appendChild(input);
      if (unitText(q)) wrap.appendChild(element("span", { class: "est-field__unit" }, unitText(q)));
      wrap.appendChild(message);
      span.hidden = true;
      cell.appendChild(wrap);
      fields.push({ input: input, quantity: q, message: message });
      input.addEventListener("input", function () { changed(input, q, message); });
    });
  }

  function addBar() {
    var first = document.querySelector(".est-table");
    var anchor = first || document.querySelector("article h1");
    if (!anchor) return;
    bar = element("div", { class: "est-live", role: "region", "aria-label": "Live estimates" });
    var text = fields.length
      ? "These numbers are live: change an assumption in the table and every figure on this page is worked out again."
      : "The numbers on this page use changed assumptions from the address.";
    bar.appendChild(element("p", { class: "est-live__intro" }, text));
    var reset = element("button", { type: "button", class: "est-button est-live__reset" }, "Reset to the example's values");
    reset.addEventListener("click", resetAll);
    bar.appendChild(reset);
    status = element("p", { class: "est-live__status", role: "status" });
    bar.appendChild(status);
    if (first) {
      first.parentNode.insertBefore(bar, first);
    } else {
      anchor.parentNode.insertBefore(bar, anchor.nextSibling);
    }
  }

  /* --- Recomputing ---------------------------------------------------------- */

  function sentence(text) { return text.charAt(0).toUpperCase() + text.slice(1) + "."; }

  function changed(input, q, message) {
    var value;
    try {
      value = engine.parseValue(input.value);
    } catch (error) {
      input.setAttribute("aria-invalid", "true");
      message.textContent = sentence(error.message) + " Write a number, such as 200 million, 1,500 or 0.2.";
      return;
    }
    input.removeAttribute("aria-invalid");
    message.textContent = "";
    if (value === q.value) delete overrides[q.name]; else overrides[q.name] = value;
    fields.forEach(function (field) {
      if (field.input !== input && field.quantity === q) field.input.value = input.value;
    });
    recompute();
    remember();
  }

  // A value the engine refuses once read (too large, below zero): on its field, in the engine's words.
  function markFields(problems) {
    fields.forEach(function (field) {
      var own = problems.filter(function (p) {
        return p.name === field.quantity.name && (p.field === "value" || p.field === "sign");
      });
      if (own.length) {
        field.input.setAttribute("aria-invalid", "true");
        field.message.textContent = sentence(own[0].message.replace(/^quantity '[^']*': /, ""));
      } else if (field.message.getAttribute("data-from-engine") === "true") {
        field.input.removeAttribute("aria-invalid");
        field.message.textContent = "";
      }
      field.message.setAttribute("data-from-engine", own.length ? "true" : "false");
    });
  }

  function recompute() {
    var result = engine.evaluate(data, overrides);
    markFields(result.problems);
    spans.forEach(function (span, i) {
      var name = span.getAttribute("data-quantity");
      var text = result.text[name];
      span.textContent = text === null || text === undefined ? "—" : text;
      span.classList.toggle("est-changed", span.textContent !== original[i]);
    });
    var names = Object.keys(overrides);
    if (!status) return;
    if (result.problems.length) {
      status.textContent = "Some numbers cannot be worked out with these assumptions: " +
        result.problems.map(function (p) { return p.message; }).join("; ") + ".";
    } else if (names.length) {
      status.textContent = names.length === 1
        ? "1 assumption changed: " + describe(names) + "."
        : names.length + " assumptions changed: " + describe(names) + ".";
    } else {
      status.textContent = "";
    }
  }

  function describe(names) {
    return names.map(function (name) {
      var q = inputs[name];
      return q.label + " " + asText(overrides[name]) + (unitText(q) ? " " + unitText(q) : "");
    }).join("; ");
  }

  function resetAll() {
    overrides = {};
    fields.forEach(function (field) {
      field.input.value = asText(field.quantity.value);
      field.input.removeAttribute("aria-invalid");
      field.message.textContent = "";
    });
    recompute();
    remember();
    if (status) status.textContent = "Back to the example's values.";
  }

  /* --- The address ------------------------------------------------------------ */

  function remember() {
    var params = new URLSearchParams(location.search);
    Object.keys(inputs).forEach(function (name) { if (!RESERVED[name]) params.delete(name); });
    Object.keys(overrides).forEach(function (name) { params.set(name, String(overrides[name])); });
    var query = params.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (error) {
      // some browsers refuse to change a file:// address; the numbers still work
    }
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    var ignored = [];
    params.forEach(function (raw, name) {
      if (!inputs[name] || RESERVED[name]) return;
      try {
        overrides[name] = engine.parseValue(raw);
      } catch (error) {
        ignored.push(name);
      }
    });
    return ignored;
  }

  var ignored = fromAddress();
  addFields();
  if (fields.length || Object.keys(overrides).length) addBar();
  fields.forEach(function (field) {
    if (field.quantity.name in overrides) field.input.value = asText(overrides[field.quantity.name]);
  });
  if (Object.keys(overrides).length) recompute();
  if (ignored.length && status) {
    status.textContent = "Ignored from the address, not a number: " + ignored.join(", ") + ".";
  }
})();
