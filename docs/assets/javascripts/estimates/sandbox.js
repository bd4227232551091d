/*
 * The estimation sandbox (docs/sandbox.md): a reader builds an estimate of their own.
 *
 * The page carries the Twitter example's model as data (script.est-model, written by
 * hooks/estimates.py) and a placeholder, div#sandbox, whose text tells a reader
 * without JavaScript where to look instead. This script replaces that text with an
 * editable sheet: one table of assumptions (name, label, value, unit) and one of
 * derived quantities (name, label, formula, unit), each row with its result. Every
 * edit evaluates the whole sheet again with engine.js, the browser port of the
 * build's own estimation code, so the units, formulas and number formatting are
 * the guide's. A problem is shown under its row and counted in a status line; the
 * other rows keep their results.
 *
 * The sheet is kept in localStorage (sdg-sandbox-v1) after the reader's first
 * change, and "Copy as Markdown" gives an estimates.yml the build accepts and the
 * results as a Markdown table, in a read-only text box that is always shown, so
 * it can be copied by hand where the clipboard is refused (file://).
 *
 * A classic script that needs page.js and engine.js, loaded before it with defer
 * (not live.js: the sandbox page does not load it). Reader text only ever reaches
 * the page through textContent, value and setAttribute.
 */
(function () {
  "use strict";

  var host = document.getElementById("sandbox");
  var source = document.querySelector("script.est-model");
  var engine = window.StudyGuideEstimates;
  var page = window.StudyGuidePage;
  if (!host || !source || !engine || !page || page.isPrintView()) return;

  var KEY = "sdg-sandbox-v1";
  var TEMPLATE_NAME = "the Twitter example";
  var NAME = /^[a-z][a-z0-9_]*$/;
  var template = null;   // the model of the page, as rows: read at the end, once everything is defined

  var rows = [];        // {id, kind, name, label, value, formula, unit, scale, note}
  var views = {};       // row id -> the row's elements
  var nextId = 1;
  var undoRows = null;  // the sheet before the last "Start ..."
  var lastData = null;  // what was last handed to the engine
  var lastResult = null;

  /* --- Rows ------------------------------------------------------------------- */

  // A number as a contributor would write it: 200 million, 0.2, 1500.
  var asText = engine.valueText;

  function makeRow(fields) {
    var kind = fields.kind === "derived" ? "derived" : "input";
    function text(x) { return typeof x === "string" ? x : typeof x === "number" ? asText(x) : ""; }
    return {
      id: nextId++,
      kind: kind,
      name: text(fields.name),
      label: text(fields.label),
      value: kind === "input" ? text(fields.value) : "",
      formula: kind === "derived" ? text(fields.formula) : "",
      unit: text(fields.unit),
      scale: fields.scale !== false,
      negative: fields.negative === true, // kept from the model and written out; there is no field for it
      note: text(fields.note),
    };
  }

  function fromModel(data) {
    return data.quantities.map(function (q) { return plainRow(makeRow(q)); });
  }

  function plainRow(row) {
    var out = { kind: row.kind, name: row.name, label: row.label, unit: row.unit };
    if (row.kind === "input") out.value = row.value; else out.formula = row.formula;
    if (row.scale === false) out.scale = false;
    if (row.negative === true) out.negative = true;
    if (row.note) out.note = row.note;
    return out;
  }

  function inputs() { return rows.filter(function (r) { return r.kind === "input"; }); }
  function derived() { return rows.filter(function (r) { return r.kind === "derived"; }); }

  // How a row is named to assistive technology: its name, or its place in its table.
  function title(row) {
    var name = row.name.trim();
    if (NAME.test(name)) return name;
    var list = row.kind === "input" ? inputs() : derived();
    return (row.kind === "input" ? "assumption " : "derived quantity ") + (list.indexOf(row) + 1);
  }

  /* --- Saving ----------------------------------------------------------------------- */

  // Where storage is refused (private mode, quota), page.js keeps the sheet in memory for the visit.
  function save() {
    page.storage.set(KEY, JSON.stringify({ version: 1, rows: rows.map(plainRow) }));
  }

  function saved() {
    try {
      var raw = page.storage.get(KEY);
      if (!raw) return null;
      var state = JSON.parse(raw);
      if (!state || !Array.isArray(state.rows)) return null;
      return state.rows.filter(function (r) { return r && typeof r === "object"; });
    } catch (error) {
      return null;
    }
  }

  /* --- The page ----------------------------------------------------------------------- */

  var element = page.element;

  function button(text, className, onClick) {
    var b = element("button", { type: "button", class: "md-button " + (className || "") }, text);
    b.addEventListener("click", onClick);
    return b;
  }

  var ui = {};

  function build() {
    host.textContent = "";
    host.classList.add("est-sandbox--ready");

    var start = element("div", { class: "est-sandbox__toolbar" });
    start.appendChild(button("Start from the Twitter example", "", function () { startWith(template, "Started from " + TEMPLATE_NAME + "."); }));
    start.appendChild(button("Start empty", "", function () { startWith([], "Started an empty estimate: add an assumption to begin."); }));
    host.appendChild(start);
    var notice = element("div", { class: "est-sandbox__notice" });
    ui.notice = element("p", { role: "status", class: "est-sandbox__note" });
    ui.undo = button("Undo", "est-sandbox__undo", undo);
    ui.undo.hidden = true;
    notice.appendChild(ui.notice);
    notice.appendChild(ui.undo);
    host.appendChild(notice);
    ui.status = element("p", { role: "status", class: "est-sandbox__status", id: "sandbox-status" });
    host.appendChild(ui.status);

    ui.inputs = section("input", "Assumptions", ["Name and label", "Value", "Unit", "Result"],
      "Add an assumption", "The numbers you start from, each with its unit.");
    ui.derived = section("derived", "Derived quantities", ["Name and label", "Formula", "Unit", "Result"],
      "Add a derived quantity", "Worked out from other quantities by a formula over their names.");

    var copy = element("div", { class: "est-sandbox__copy" });
    copy.appendChild(element("h3", { id: "sandbox-copy" }, "Copy your estimate"));
    copy.appendChild(element("p", {},
      "An estimates.yml for a worked example, followed by your results as a Markdown table."));
    var bar = element("div", { class: "est-sandbox__toolbar" });
    bar.appendChild(button("Copy as Markdown", "md-button--primary", copyMarkdown));
    ui.copyStatus = element("p", { role: "status", class: "est-sandbox__note" });
    bar.appendChild(ui.copyStatus);
    copy.appendChild(bar);
    ui.output = element("textarea", {
      class: "est-sandbox__output", readonly: "", rows: "16", spellcheck: "false", wrap: "off",
      "aria-label": "Your estimate as Markdown",
    });
    ui.output.hidden = true;
    copy.appendChild(ui.output);
    host.appendChild(copy);
  }

  function section(kind, heading, columns, addText, intro) {
    var id = "sandbox-" + (kind === "input" ? "assumptions" : "derived");
    var wrap = element("div", { class: "est-sandbox__section" });
    wrap.appendChild(element("h3", { id: id }, heading));
    wrap.appendChild(element("p", {}, intro));
    var scroll = element("div", { class: "est-sandbox__scroll" });
    var table = element("table", { class: "est-sandbox__table est-sandbox__table--" + kind, "aria-labelledby": id });
    var cols = element("colgroup");
    ["quantity", "formula", "unit", "result", "remove"].forEach(function (c) {
      cols.appendChild(element("col", { class: "est-sandbox__col--" + c }));
    });
    table.appendChild(cols);
    var head = element("thead");
    var tr = element("tr");
    columns.forEach(function (c) { tr.appendChild(element("th", { scope: "col" }, c)); });
    var last = element("th", { scope: "col" });
    last.appendChild(element("span", { class: "est-sandbox__hidden" }, "Remove"));
    tr.appendChild(last);
    head.appendChild(tr);
    table.appendChild(head);
    var body = element("tbody");
    table.appendChild(body);
    scroll.appendChild(table);
    wrap.appendChild(scroll);
    var add = button(addText, "est-sandbox__add", function () { addRow(kind); });
    wrap.appendChild(add);
    host.appendChild(wrap);
    return { body: body, add: add, columns: columns.length + 1 };
  }

  var FIELDS = {
    input: [["name", "Name", "tweets_per_day"], ["label", "Label", "New tweets per day"],
      ["value", "Value", "100 million"], ["unit", "Unit", "tweets/day"]],
    derived: [["name", "Name", "tweet_rate"], ["label", "Label", "Tweets per second"],
      ["formula", "Formula", "tweets_per_day * 2"], ["unit", "Unit", "tweets/s"]],
  };

  function renderRow(row) {
    var view = { fields: {}, row: null, problemRow: null, problem: null, result: null, remove: null };
    var tr = element("tr", { class: "est-sandbox__row", "data-row": String(row.id) });
    var cell = null;
    FIELDS[row.kind].forEach(function (f, i) {
      var key = f[0];
      if (i !== 1) { // the name and the label share the first cell
        cell = element("td", { class: "est-sandbox__cell--" + key });
        if (i > 1) cell.setAttribute("data-label", f[1]); // shown on a phone, where the header row is not
        tr.appendChild(cell);
      }
      var input = element("input", {
        type: "text", class: "est-sandbox__field est-sandbox__field--" + key, autocomplete: "off",
        autocapitalize: "off", spellcheck: key === "label" ? "true" : "false", placeholder: "e.g. " + f[2],
        "data-field": key,
      });
      input.value = row[key];
      input.addEventListener("input", function () { edit(row, key, input.value); });
      cell.appendChild(input);
      view.fields[key] = input;
    });
    var resultCell = element("td", { class: "est-sandbox__result-cell", "data-label": "Result" });
    view.result = element("span", { class: "est-sandbox__result" });
    resultCell.appendChild(view.result);
    tr.appendChild(resultCell);
    var removeCell = element("td", { class: "est-sandbox__cell--remove" });
    view.remove = button("\u2715", "est-sandbox__remove", function () { removeRow(row); });
    removeCell.appendChild(view.remove);
    tr.appendChild(removeCell);

    var problemRow = element("tr", { class: "est-sandbox__problem-row" });
    var problemCell = element("td", { colspan: "5" });
    view.problem = element("div", { class: "est-sandbox__problem", id: "sandbox-problem-" + row.id });
    problemCell.appendChild(view.problem);
    problemRow.appendChild(problemCell);
    problemRow.hidden = true;
    view.row = tr;
    view.problemRow = problemRow;
    views[row.id] = view;
    return [tr, problemRow];
  }

  function renderAll() {
    views = {};
    [["input", ui.inputs], ["derived", ui.derived]].forEach(function (pair) {
      var kind = pair[0], part = pair[1];
      part.body.textContent = "";
      var list = kind === "input" ? inputs() : derived();
      if (!list.length) {
        var tr = element("tr", { class: "est-sandbox__empty" });
        tr.appendChild(element("td", { colspan: String(part.columns) },
          kind === "input" ? "No assumptions yet." : "No derived quantities yet."));
        part.body.appendChild(tr);
      }
      list.forEach(function (row) {
        renderRow(row).forEach(function (node) { part.body.appendChild(node); });
      });
    });
    rows.forEach(updateLabels);
  }

  function updateLabels(row) {
    var view = views[row.id];
    if (!view) return;
    var who = title(row);
    FIELDS[row.kind].forEach(function (f) { view.fields[f[0]].setAttribute("aria-label", f[1] + " of " + who); });
    view.remove.setAttribute("aria-label", "Remove " + who);
    view.remove.setAttribute("title", "Remove " + who);
    view.row.setAttribute("data-name", row.name.trim());
  }

  /* --- Editing ------------------------------------------------------------------------ */

  function edit(row, key, value) {
    row[key] = value;
    if (key === "name") rows.forEach(updateLabels); // a row's place in a label may change too
    forgetUndo();
    changed();
  }

  function addRow(kind) {
    var row = makeRow({ kind: kind });
    var list = kind === "input" ? inputs() : derived();
    var at = list.length ? rows.indexOf(list[list.length - 1]) + 1 : (kind === "input" ? 0 : rows.length);
    rows.splice(at, 0, row);
    forgetUndo();
    renderAll();
    changed();
    views[row.id].fields.name.focus();
  }

  function removeRow(row) {
    var list = row.kind === "input" ? inputs() : derived();
    var after = list[list.indexOf(row) + 1] || list[list.indexOf(row) - 1];
    var who = title(row);
    rows.splice(rows.indexOf(row), 1);
    forgetUndo();
    renderAll();
    changed();
    ui.notice.textContent = "Removed " + who + ".";
    if (after) views[after.id].remove.focus();
    else (row.kind === "input" ? ui.inputs : ui.derived).add.focus();
  }

  function load(list) {
    rows = list.map(makeRow);
  }

  function startWith(list, message) {
    undoRows = rows.map(plainRow);
    load(list);
    renderAll();
    changed();
    ui.notice.textContent = message + (undoRows.length ? " Your previous estimate is replaced; Undo brings it back." : "");
    ui.undo.hidden = !undoRows.length;
  }

  function undo() {
    if (!undoRows) return;
    load(undoRows);
    undoRows = null;
    renderAll();
    changed();
    ui.undo.hidden = true;
    ui.notice.textContent = "Your previous estimate is back.";
    (inputs().length ? views[inputs()[0].id].fields.name : ui.inputs.add).focus();
  }

  function forgetUndo() {
    if (undoRows === null && ui.undo.hidden) return;
    undoRows = null;
    ui.undo.hidden = true;
    ui.notice.textContent = "";
  }

  function changed() {
    save();
    recompute();
  }

  /* --- Working it out ---------------------------------------------------------------- */

  function toData(list) {
    return {
      source: "sandbox",
      quantities: list.map(function (row) {
        var q = { name: row.name.trim(), kind: row.kind, label: row.label, unit: row.unit.trim(), scale: row.scale };
        if (row.negative) q.negative = true;
        if (row.kind === "input") q.value = row.value.trim(); else q.formula = row.formula;
        return q;
      }),
      tables: [],
    };
  }

  // engine.evaluate, never letting an exception out: if the engine fails, find the
  // row without which it works, blame that row and keep every other result. The row
  // stays in the model as a name only, which the engine treats as a quantity with a
  // problem of its own, so the rows that use it wait quietly instead of calling it unknown.
  function evaluateSafely(data) {
    try {
      return { result: engine.evaluate(data, {}), crash: null, culprit: -1 };
    } catch (error) {
      for (var i = 0; i < data.quantities.length; i++) {
        var name = data.quantities[i].name;
        var rest = data.quantities.slice(0, i).concat([{ name: name }], data.quantities.slice(i + 1));
        try {
          var result = engine.evaluate({ source: data.source, quantities: rest, tables: [] }, {});
          result.problems = (result.problems || []).filter(function (p) { return p.name !== name; });
          return { result: result, crash: error, culprit: i };
        } catch (ignored) {
          // not this row alone
        }
      }
      return { result: { values: {}, text: {}, problems: [] }, crash: error, culprit: -1 };
    }
  }

  function readable(problem) {
    var message = String(problem.message || "");
    var m = /^quantity '([^']*)': ([\s\S]*)$/.exec(message);
    return m ? m[1] + ": " + m[2] : message;
  }

  // Which fields of a row a problem is about, from the code the engine gives it (engine.js, evaluate).
  var FIELDS_OF = {
    name: ["name"], duplicate: ["name"], label: ["label"], unit: ["unit"], value: ["value"], formula: ["formula"],
    dimension: ["formula", "unit"], scale: [], negative: [],
  };

  function fieldsOf(row, problem) {
    if (Object.prototype.hasOwnProperty.call(FIELDS_OF, problem.field)) return FIELDS_OF[problem.field];
    return [row.kind === "input" ? "value" : "formula"]; // "sign", or a code this script does not know yet
  }

  function recompute() {
    var data = toData(rows);
    var run = evaluateSafely(data);
    var result = run.result;
    lastData = data;
    lastResult = result;

    var own = Object.create(null); // row id -> [{message, fields}]
    var loose = [];
    function blame(row, message, fields) {
      (own[row.id] = own[row.id] || []).push({ message: message, fields: fields });
    }
    var firstOf = Object.create(null);
    rows.forEach(function (row) {
      var name = row.name.trim();
      if (!(name in firstOf)) firstOf[name] = row;
    });
    var seen = Object.create(null);
    (result.problems || []).forEach(function (problem) {
      var matches = rows.filter(function (row) {
        if (row.name.trim() !== problem.name) return false;
        return problem.field === "duplicate" ? row !== firstOf[problem.name] : true;
      });
      if (!matches.length) { loose.push(readable(problem)); return; }
      matches.forEach(function (row) {
        var message = row.name.trim() === ""
          ? capital(title(row)) + " needs a name, in lower case with underscores, such as tweets_per_day."
          : readable(problem);
        var key = row.id + "\u0000" + message;
        if (seen[key]) return;
        seen[key] = true;
        blame(row, message, fieldsOf(row, problem));
      });
    });
    if (run.crash) {
      var text = "the sandbox could not work this out (" + (run.crash.message || String(run.crash)) + ")";
      if (run.culprit >= 0) blame(rows[run.culprit], title(rows[run.culprit]) + ": " + text, []);
      else loose.push("The sandbox could not work out this estimate (" + (run.crash.message || String(run.crash)) + ").");
    }

    rows.forEach(function (row) { show(row, own[row.id] || [], result); });

    var messages = [];
    rows.forEach(function (row) { (own[row.id] || []).forEach(function (p) { messages.push(p.message); }); });
    messages = messages.concat(loose);
    var status;
    if (!rows.length) {
      status = "Nothing to work out yet: add an assumption to begin.";
    } else if (!messages.length) {
      status = "No problems: every quantity is worked out (" + count(inputs().length, "assumption", "assumptions") +
        " and " + count(derived().length, "derived quantity", "derived quantities") + ").";
    } else {
      var shown = messages.slice(0, 3);
      status = count(messages.length, "problem", "problems") + ": " + shown.join(" \u2022 ") +
        (messages.length > shown.length ? " \u2022 and " + (messages.length - shown.length) + " more, under their rows." : "");
    }
    ui.status.textContent = status;
    ui.status.classList.toggle("est-sandbox__status--problems", messages.length > 0);
    if (!ui.output.hidden) ui.output.value = markdown();
  }

  function textOf(result, name) {
    var texts = result && result.text;
    return texts && Object.prototype.hasOwnProperty.call(texts, name) ? texts[name] : null;
  }

  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  function count(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function show(row, problems, result) {
    var view = views[row.id];
    if (!view) return;
    var bad = Object.create(null);
    problems.forEach(function (p) { p.fields.forEach(function (f) { bad[f] = true; }); });
    Object.keys(view.fields).forEach(function (key) {
      var input = view.fields[key];
      if (bad[key]) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", view.problem.id);
      } else {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    });
    view.problem.textContent = "";
    problems.forEach(function (p) { view.problem.appendChild(element("p", {}, p.message)); });
    view.problemRow.hidden = !problems.length;
    view.row.classList.toggle("est-sandbox__row--problem", problems.length > 0);
    if (problems.length) {
      view.remove.setAttribute("aria-describedby", view.problem.id);
    } else {
      view.remove.removeAttribute("aria-describedby");
    }

    var name = row.name.trim();
    var text = problems.length ? null : textOf(result, name);
    view.result.textContent = text === null || text === undefined ? "\u2014" : text;
    view.result.classList.toggle("est-sandbox__result--none", text === null || text === undefined);
    if ((text === null || text === undefined) && !problems.length) {
      view.result.textContent = "\u2014 waits for a row with a problem";
    }
  }

  /* --- Copy as Markdown --------------------------------------------------------------------- */

  // A YAML double-quoted scalar: JSON's escapes are YAML's, plus the characters YAML
  // reads as line breaks or refuses in a file.
  function yamlString(text) {
    return JSON.stringify(String(text)).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, function (c) {
      return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }

  function yamlKey(name) { return NAME.test(name) ? name : yamlString(name); }

  function yamlValue(text) { return /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(text) ? text : yamlString(text); }

  function yaml() {
    var out = [];
    function section(heading, list) {
      if (!list.length) { out.push(heading + ": {}"); return; }
      out.push(heading + ":");
      list.forEach(function (row) {
        out.push("  " + yamlKey(row.name.trim()) + ":");
        if (row.kind === "input") out.push("    value: " + yamlValue(row.value.trim()));
        else out.push("    formula: " + yamlString(row.formula.trim()));
        out.push("    unit: " + yamlString(row.unit.trim()));
        if (row.scale === false) out.push("    scale: false");
        if (row.negative === true) out.push("    negative: true");
        out.push("    label: " + yamlString(row.label.trim()));
        if (row.note) out.push("    note: " + yamlString(row.note));
      });
    }
    section("inputs", inputs());
    out.push("");
    section("derived", derived());
    out.push("");
    var all = inputs().concat(derived());
    if (!all.length) {
      out.push("tables: {}");
    } else {
      out.push("tables:", "  estimate:", "    caption: " + yamlString("Estimate"), "    rows:");
      all.forEach(function (row) { out.push("      - " + yamlKey(row.name.trim())); });
    }
    return out.join("\n");
  }

  function cell(text) {
    return String(text).replace(/\s+/g, " ").trim().replace(/([\\|*_`[\]<>])/g, "\\$1");
  }

  function resultsTable() {
    var lines = ["| Quantity | Value | How it is worked out |", "| --- | --- | --- |"];
    inputs().concat(derived()).forEach(function (row) {
      var name = row.name.trim();
      var value = textOf(lastResult, name);
      var view = views[row.id];
      if (view && !view.problemRow.hidden) value = null;
      var how;
      if (row.kind === "input") {
        how = "Assumption";
      } else {
        var formula = null;
        try { formula = engine.formulaText(lastData, name); } catch (error) { formula = null; }
        how = "= " + (formula === null ? row.formula.trim() : formula);
      }
      if (row.note) how += " \u2014 " + row.note;
      lines.push("| " + [cell(row.label.trim() || name), cell(value === null || value === undefined ? "\u2014" : value),
        cell(how)].join(" | ") + " |");
    });
    return lines.join("\n");
  }

  function markdown() {
    return "```yaml\n" + yaml() + "\n```\n\n" + resultsTable() + "\n";
  }

  function copyMarkdown() {
    var text = markdown();
    ui.output.value = text;
    ui.output.hidden = false;
    var problems = ui.status.classList.contains("est-sandbox__status--problems");
    var warning = problems ? " The build will refuse the file until the problems above are fixed." : "";
    function done() { ui.copyStatus.textContent = "Copied." + warning; }
    function byHand() {
      ui.output.focus();
      ui.output.select();
      ui.copyStatus.textContent = "Select the text and copy it: this browser did not let the page copy it." + warning;
    }
    function fallback() {
      var ok = false;
      ui.output.select();
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      if (ok) done(); else byHand();
    }
    ui.copyStatus.textContent = "";
    if (navigator.clipboard && navigator.clipboard.writeText) {
      try {
        navigator.clipboard.writeText(text).then(done, fallback);
      } catch (error) {
        fallback();
      }
    } else {
      fallback();
    }
  }

  /* --- Start ---------------------------------------------------------------------------------- */

  try {
    template = fromModel(JSON.parse(source.textContent));
  } catch (error) {
    return; // the page keeps its text pointing at the Twitter example
  }
  build();
  load(saved() || template);
  renderAll();
  recompute();
})();
