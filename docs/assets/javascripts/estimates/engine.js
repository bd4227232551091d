/*
 * The estimation engine of the guide, for the browser.
 *
 * A line-by-line port of the Python the build uses, so a page can recompute its
 * numbers when a reader changes an assumption and the sandbox can check a
 * reader's own model:
 *
 *   hooks/studyguide/units.py        units and dimensions
 *   hooks/studyguide/expressions.py  the formula language (parsed, never eval'd)
 *   hooks/studyguide/estimation.py   parse_value, checks, evaluation, messages
 *   hooks/studyguide/numbers.py      format_quantity
 *
 * It reads a model as hooks/studyguide/model_data.py writes it. Change the rules
 * there and here together: tests/browser/test_estimates_engine.py compares the
 * two on every estimates file of the guide.
 *
 * A classic script (no modules, no dependencies, plain ES2017); it defines
 * window.StudyGuideEstimates. Formulas are walked as a tree: no eval, no
 * Function, no DOM.
 */
(function (root) {
  "use strict";

  // --- Python's number formatting -------------------------------------------------
  // Python formats a float from its exact binary value, ties to even; toFixed and
  // toPrecision break ties upwards and stop at 100 places. These helpers work on the
  // exact decimal expansion of a double instead, so every digit matches Python's.

  var F64 = new DataView(new ArrayBuffer(8));

  function multiplySmall(limbs, m) { // limbs: base 1e7, least significant first; m < 2^21
    var carry = 0;
    for (var i = 0; i < limbs.length; i++) {
      var t = limbs[i] * m + carry;
      limbs[i] = t % 1e7;
      carry = Math.floor(t / 1e7);
    }
    while (carry > 0) { limbs.push(carry % 1e7); carry = Math.floor(carry / 1e7); }
  }

  // A finite double exactly as {neg, digits, exp}: |x| = digits × 10^exp.
  function exactDecimal(x) {
    F64.setFloat64(0, x);
    var hi = F64.getUint32(0), lo = F64.getUint32(4);
    var biased = (hi >>> 20) & 0x7ff;
    var mant = (hi & 0xfffff) * 4294967296 + lo;
    var e = biased === 0 ? -1074 : biased - 1075;
    if (biased !== 0) mant += 4503599627370496;
    var neg = (hi >>> 31) === 1;
    if (mant === 0) return { neg: neg, digits: "0", exp: 0 };
    while (e < 0 && mant % 2 === 0) { mant /= 2; e++; }
    var limbs = [];
    while (mant > 0) { limbs.push(mant % 1e7); mant = Math.floor(mant / 1e7); }
    // m × 2^e is m × 2^e for e ≥ 0, and m × 5^-e × 10^e below.
    var n = Math.abs(e), step = e > 0 ? 2 : 5, per = e > 0 ? 20 : 8;
    var chunk = e > 0 ? 1048576 : 390625;
    for (; n >= per; n -= per) multiplySmall(limbs, chunk);
    var rest = 1;
    for (; n > 0; n--) rest *= step;
    multiplySmall(limbs, rest);
    var s = String(limbs[limbs.length - 1]);
    for (var i = limbs.length - 2; i >= 0; i--) s += ("000000" + limbs[i]).slice(-7);
    return { neg: neg, digits: s, exp: e < 0 ? e : 0 };
  }

  function adjusted(d) { return d.exp + d.digits.length - 1; } // Decimal.adjusted()

  function zeros(n) { return n > 0 ? new Array(n + 1).join("0") : ""; }

  function increment(s) {
    var i = s.length - 1;
    while (i >= 0 && s.charAt(i) === "9") i--;
    if (i < 0) return "1" + zeros(s.length);
    return s.slice(0, i) + String(Number(s.charAt(i)) + 1) + zeros(s.length - i - 1);
  }

  // Round to a multiple of 10^pos. mode: "even" (float formatting, round()),
  // "up" (Decimal ROUND_HALF_UP: halves away from zero), "down" (int()).
  function roundDecimal(d, pos, mode) {
    var drop = pos - d.exp;
    if (drop <= 0) return { neg: d.neg, digits: d.digits === "0" ? "0" : d.digits + zeros(-drop), exp: pos };
    var keep = d.digits.length - drop;
    var kept = keep > 0 ? d.digits.slice(0, keep) : "";
    var rest = keep >= 0 ? d.digits.slice(Math.max(keep, 0)) : "";
    var first = rest.charAt(0), up = false;
    if (mode !== "down" && rest) {
      if (first > "5" || (first === "5" && (mode === "up" || /[1-9]/.test(rest.slice(1))))) up = true;
      else if (first === "5") up = Number(kept.charAt(kept.length - 1) || "0") % 2 === 1;
    }
    if (up) kept = increment(kept);
    return { neg: d.neg, digits: kept.replace(/^0+/, "") || "0", exp: pos };
  }

  function withCommas(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","); }

  function nonFinite(x) { return x > 0 ? "inf" : x < 0 ? "-inf" : "nan"; }

  // f"{int(x):,}" (mode "down") or f"{round(x):,}" (mode "even").
  function intText(x, mode) {
    var r = roundDecimal(exactDecimal(x), 0, mode);
    return (r.neg && r.digits !== "0" ? "-" : "") + withCommas(r.digits);
  }

  // f"{x:.{places}f}"
  function fixedText(x, places) {
    if (!isFinite(x)) return nonFinite(x);
    var r = roundDecimal(exactDecimal(x), -places, "even");
    var s = r.digits;
    if (places > 0) {
      s = zeros(places + 1 - s.length) + s;
      s = s.slice(0, s.length - places) + "." + s.slice(s.length - places);
    }
    return (r.neg ? "-" : "") + s;
  }

  // f"{x:.{p}g}" (p significant figures, trailing zeros dropped)
  function generalText(x, p) {
    if (!isFinite(x)) return nonFinite(x);
    var d = exactDecimal(x), sign = d.neg ? "-" : "";
    if (d.digits === "0") return sign + "0";
    var r = roundDecimal(d, adjusted(d) - p + 1, "even");
    var a = adjusted(r), digits = r.digits.replace(/0+$/, "");
    if (a >= -4 && a < p) {
      if (a < 0) return sign + "0." + zeros(-a - 1) + digits;
      if (digits.length <= a + 1) return sign + digits + zeros(a + 1 - digits.length);
      return sign + digits.slice(0, a + 1) + "." + digits.slice(a + 1);
    }
    var mantissa = digits.charAt(0) + (digits.length > 1 ? "." + digits.slice(1) : "");
    return sign + mantissa + "e" + (a < 0 ? "-" : "+") + (Math.abs(a) < 10 ? "0" : "") + Math.abs(a);
  }

  // expressions.whole_power: base to a whole power by squaring, 1/x for negative powers.
  // Not Math.pow, which differs from C's pow in the last bit for about one input in ten:
  // the same multiplications in the same order give the same double in both engines.
  function wholePower(base, n) {
    var result = 1, square = base, k = Math.abs(n);
    while (k) {
      if (k % 2 === 1) result *= square;
      k = Math.floor(k / 2);
      if (k) square *= square;
    }
    return n < 0 ? 1 / result : result;
  }

  // round() of a float: halves to even.
  function roundHalfEven(x) {
    var f = Math.floor(x), diff = x - f;
    if (diff > 0.5 || (diff === 0.5 && f % 2 !== 0)) f += 1;
    return f + 0;
  }

  // --- units.py -----------------------------------------------------------------------
  // A dimension is a sorted list of [base, exponent] pairs, as the Python tuples.

  function makeDims(mapping) {
    return Object.keys(mapping).filter(function (k) { return mapping[k] !== 0; }).sort()
      .map(function (k) { return [k, mapping[k]]; });
  }

  function mulDims(a, b, sign) {
    var out = Object.create(null);
    a.forEach(function (p) { out[p[0]] = p[1]; });
    b.forEach(function (p) { out[p[0]] = (out[p[0]] || 0) + (sign === undefined ? 1 : sign) * p[1]; });
    return makeDims(out);
  }

  function powDims(a, n) {
    var out = Object.create(null);
    a.forEach(function (p) { out[p[0]] = p[1] * n; });
    return makeDims(out);
  }

  function sameDims(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  var SECOND = [["second", 1]], BYTE = [["byte", 1]], DIMENSIONLESS = [];
  var DAY = 86400;
  var KNOWN_UNITS = new Map([
    ["ns", [1e-9, SECOND]], ["us", [1e-6, SECOND]], ["\u00b5s", [1e-6, SECOND]], ["ms", [1e-3, SECOND]],
    ["s", [1, SECOND]], ["sec", [1, SECOND]], ["second", [1, SECOND]], ["min", [60, SECOND]],
    ["minute", [60, SECOND]], ["h", [3600, SECOND]], ["hour", [3600, SECOND]], ["day", [DAY, SECOND]],
    ["week", [7 * DAY, SECOND]], ["month", [30 * DAY, SECOND]], ["year", [365 * DAY, SECOND]],
    ["bit", [1 / 8, BYTE]], ["Kbit", [1e3 / 8, BYTE]], ["Mbit", [1e6 / 8, BYTE]], ["Gbit", [1e9 / 8, BYTE]],
    ["Tbit", [1e12 / 8, BYTE]], ["B", [1, BYTE]], ["byte", [1, BYTE]], ["KB", [1e3, BYTE]],
    ["MB", [1e6, BYTE]], ["GB", [1e9, BYTE]], ["TB", [1e12, BYTE]], ["PB", [1e15, BYTE]], ["EB", [1e18, BYTE]],
    ["KiB", [1024, BYTE]], ["MiB", [1048576, BYTE]], ["GiB", [1073741824, BYTE]],
    ["TiB", [1099511627776, BYTE]], ["PiB", [1125899906842624, BYTE]],
    ["1", [1, DIMENSIONLESS]], ["ratio", [1, DIMENSIONLESS]], ["percent", [0.01, DIMENSIONLESS]],
  ]);

  var NOUN = /^[A-Za-z][A-Za-z_]*$/;
  var UNIT_TOKEN = /[ \t\n\r\f\v]*(?:(\u00b5s|[A-Za-z][A-Za-z_]*|1)|(-?[0-9]+)|([*/^()\u00b7]))/y;
  var UNIT_MAX_EXPONENT = 4, UNIT_MAX_DEPTH = 50, MAX_FACTOR = 1e300; // as units.py

  function UnitError(message) { var e = new Error(message); e.name = "UnitError"; return e; }

  function baseName(word) {
    if (KNOWN_UNITS.has(word)) return word;
    if (word.slice(-1) === "s" && KNOWN_UNITS.has(word.slice(0, -1))) return word.slice(0, -1);
    if (word.slice(-1) === "s" && word.length > 1) return word.slice(0, -1);
    return word;
  }

  function lookup(word) {
    var name = baseName(word);
    if (KNOWN_UNITS.has(name)) return KNOWN_UNITS.get(name);
    if (!NOUN.test(name)) throw UnitError("'" + word + "' is not a unit name");
    return [1, [[name, 1]]];
  }

  // Formulas, units and values take ASCII whitespace only (Python's \s and JavaScript's
  // differ beyond it); labels are stripped as Python's str.strip() does.
  function rstrip(text) { return text.replace(/[ \t\n\r\f\v]+$/, ""); }
  function strip(text) { return rstrip(text).replace(/^[ \t\n\r\f\v]+/, ""); }
  var PY_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  var PY_STRIP = new RegExp("^" + PY_SPACE + "+|" + PY_SPACE + "+$", "g");
  function pyStrip(text) { return text.replace(PY_STRIP, ""); }

  function tokenize(text, pattern, kinds, fail) {
    var tokens = [], pos = 0, stripped = rstrip(text);
    while (pos < stripped.length) {
      pattern.lastIndex = pos;
      var m = pattern.exec(stripped);
      if (!m) fail(strip(stripped.slice(pos)));
      for (var k = 0; k < kinds.length; k++) {
        if (m[k + 1] !== undefined) { tokens.push([kinds[k], m[k + 1]]); break; }
      }
      pos = pattern.lastIndex;
    }
    return tokens;
  }

  // unit := factor (('*' | '·' | '/') factor)* ; factor := atom ('^' int)? ; atom := name | '(' unit ')'
  function parseUnit(text) {
    if (typeof text === "number" && text === 1) text = "1";
    if (typeof text !== "string" || !strip(text)) throw UnitError("a unit must be text such as 'tweets/day' or 'bytes'");
    var tokens = tokenize(text, UNIT_TOKEN, ["name", "int", "op"], function (rest) {
      throw UnitError("cannot read unit '" + text + "' at '" + rest + "'");
    });
    var pos = 0, depth = 0;
    function peek() { return pos < tokens.length ? tokens[pos] : null; }
    function expression() {
      var result = power(), tok;
      while ((tok = peek()) && (tok[1] === "*" || tok[1] === "\u00b7" || tok[1] === "/")) {
        pos++;
        var other = power();
        result = tok[1] === "/" ? [result[0] / other[0], mulDims(result[1], other[1], -1)]
          : [result[0] * other[0], mulDims(result[1], other[1])];
      }
      return result;
    }
    function power() {
      var result = atom(), tok = peek();
      if (tok && tok[1] === "^") {
        pos++;
        var exp = peek();
        if (!exp || exp[0] !== "int") throw UnitError("cannot read unit '" + text + "': '^' needs a whole number");
        pos++;
        var n = parseInt(exp[1], 10);
        if (Math.abs(n) > UNIT_MAX_EXPONENT) {
          throw UnitError("cannot read unit '" + text + "': the power after '^' must be between -" +
            UNIT_MAX_EXPONENT + " and " + UNIT_MAX_EXPONENT);
        }
        result = [wholePower(result[0], n), powDims(result[1], n)];
      }
      return result;
    }
    function atom() {
      var tok = peek();
      if (tok === null) throw UnitError("cannot read unit '" + text + "': it ends too early");
      pos++;
      if (tok[1] === "(") {
        if (++depth > UNIT_MAX_DEPTH) {
          throw UnitError("cannot read unit '" + text + "': more than " + UNIT_MAX_DEPTH + " brackets inside one another");
        }
        var result = expression(), close = peek();
        depth--;
        if (!close || close[1] !== ")") throw UnitError("cannot read unit '" + text + "': a '(' is not closed");
        pos++;
        return result;
      }
      if (tok[0] === "name") return lookup(tok[1]);
      throw UnitError("cannot read unit '" + text + "' near '" + tok[1] + "'");
    }
    var result = expression();
    if (pos !== tokens.length) throw UnitError("cannot read unit '" + text + "' near '" + tokens[pos][1] + "'");
    if (!(1 / MAX_FACTOR <= result[0] && result[0] <= MAX_FACTOR)) { // also inf, nan and 0 from underflow
      throw UnitError("the unit '" + strip(text) + "' is too large or too small a scale to work with");
    }
    return { text: strip(text), factor: result[0], dims: result[1] };
  }

  function describeDims(dims) {
    if (!dims.length) return "a plain number";
    var num = dims.filter(function (p) { return p[1] > 0; })
      .map(function (p) { return p[1] === 1 ? p[0] : p[0] + "^" + p[1]; });
    var den = dims.filter(function (p) { return p[1] < 0; })
      .map(function (p) { return p[1] === -1 ? p[0] : p[0] + "^" + -p[1]; });
    var top = num.join("*") || "1";
    if (!den.length) return top;
    return top + "/" + (den.length === 1 ? den[0] : "(" + den.join("*") + ")");
  }

  // --- expressions.py -------------------------------------------------------------------

  var FORMULA_TOKEN = /[ \t\n\r\f\v]*(?:((?:[0-9][0-9_]*\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)|([A-Za-z_\u00b5][A-Za-z0-9_]*)|([-+*/(),]))/y;
  var FUNCTIONS = ["ceil", "exp", "floor", "ln", "log2", "max", "min", "pow", "round", "sqrt"]; // sorted, as in messages
  var PLAIN_FUNCTIONS = ["ln", "log2", "exp"]; // take and give plain numbers; sqrt halves the units' powers
  var MAX_DEPTH = 50, MAX_TOKENS = 200, MAX_EXPONENT = 1024; // as expressions.py

  function FormulaError(message) { var e = new Error(message); e.name = "FormulaError"; return e; }

  function parseFormula(text) {
    if (typeof text === "number") text = String(text);
    if (typeof text !== "string") throw FormulaError("a formula must be text such as 'tweets_per_day / day'");
    var tokens = tokenize(text, FORMULA_TOKEN, ["number", "name", "op"], function (rest) {
      var bad = rest ? String.fromCodePoint(rest.codePointAt(0)) : "";
      throw FormulaError("unexpected character '" + bad + "' in formula; formulas may use names, numbers, " +
        "+ - * / ( ) and the functions " + FUNCTIONS.join(", "));
    });
    if (!tokens.length) throw FormulaError("the formula is empty");
    var pos = 0, depth = 0;
    function peek() { return pos < tokens.length ? tokens[pos] : null; }
    function deeper() { // each bracket, sign or call is a level of recursion, here and in Python
      if (++depth > MAX_DEPTH) {
        throw FormulaError("the formula is nested too deeply (more than " + MAX_DEPTH + " brackets, signs or " +
          "function calls inside one another); split it into smaller derived quantities");
      }
    }
    function take(op) {
      var tok = peek();
      if (tok && tok[0] === "op" && tok[1] === op) { pos++; return true; }
      return false;
    }
    function expression() {
      var node = term(), tok;
      while ((tok = peek()) && tok[0] === "op" && (tok[1] === "+" || tok[1] === "-")) {
        pos++;
        node = { type: "bin", op: tok[1], left: node, right: term() };
      }
      return node;
    }
    function term() {
      var node = unary(), tok;
      while ((tok = peek()) && tok[0] === "op" && (tok[1] === "*" || tok[1] === "/")) {
        pos++;
        node = { type: "bin", op: tok[1], left: node, right: unary() };
      }
      return node;
    }
    function unary() {
      var node;
      if (take("-")) { deeper(); node = { type: "neg", operand: unary() }; depth--; return node; }
      if (take("+")) { deeper(); node = unary(); depth--; return node; }
      return atom();
    }
    function atom() {
      var tok = peek();
      if (tok === null) throw FormulaError("the formula ends too early");
      pos++;
      var kind = tok[0], text = tok[1];
      if (kind === "number") {
        var value = Number(text.replace(/_/g, ""));
        if (!isFinite(value)) throw FormulaError("the number " + text + " is too large; numbers in formulas must be below 1e308");
        return { type: "num", value: value };
      }
      if (kind === "name") {
        if (take("(")) {
          if (FUNCTIONS.indexOf(text) < 0) throw FormulaError("unknown function '" + text + "'; available: " + FUNCTIONS.join(", "));
          deeper();
          var args = [expression()];
          while (take(",")) args.push(expression());
          if (!take(")")) throw FormulaError("missing ')' after the arguments of " + text + "(");
          depth--;
          return { type: "call", func: text, args: args };
        }
        return { type: "name", name: text };
      }
      if (text === "(") {
        deeper();
        var node = expression();
        if (!take(")")) throw FormulaError("a '(' is not closed");
        depth--;
        return node;
      }
      throw FormulaError("unexpected '" + text + "' in formula");
    }
    var tree = expression(); // nesting is bounded as it parses
    if (pos !== tokens.length) throw FormulaError("unexpected '" + tokens[pos][1] + "' in formula");
    if (tokens.length > MAX_TOKENS) { // a + b + c ... is not nested, but its tree is as deep as it is long
      throw FormulaError("the formula is too long (" + tokens.length + " names, numbers and signs; at most " +
        MAX_TOKENS + "); split it into smaller derived quantities");
    }
    return tree;
  }

  // names_in: every name a formula refers to, in order of first appearance.
  function namesIn(tree) {
    var out = [];
    (function walk(n) {
      if (n.type === "name") { if (out.indexOf(n.name) < 0) out.push(n.name); }
      else if (n.type === "neg") walk(n.operand);
      else if (n.type === "bin") { walk(n.left); walk(n.right); }
      else if (n.type === "call") n.args.forEach(walk);
    })(tree);
    return out;
  }

  var PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 };
  var SYMBOLS = { "+": " + ", "-": " \u2212 ", "*": " \u00d7 ", "/": " \u00f7 " };

  // to_text: the formula for readers, with × and ÷, names through label().
  function toText(tree, label, parent) {
    parent = parent || 0;
    if (tree.type === "num") {
      var v = tree.value;
      return v === Math.trunc(v) && Math.abs(v) < 1e15 ? intText(v, "down") : generalText(v, 6);
    }
    if (tree.type === "name") return label(tree.name);
    if (tree.type === "neg") return "\u2212" + toText(tree.operand, label, 3);
    if (tree.type === "call") {
      return tree.func + "(" + tree.args.map(function (a) { return toText(a, label); }).join(", ") + ")";
    }
    var mine = PRECEDENCE[tree.op];
    var rightParent = tree.op === "-" || tree.op === "/" ? mine + 1 : mine; // a − (b − c), a ÷ (b ÷ c)
    var text = toText(tree.left, label, mine) + SYMBOLS[tree.op] + toText(tree.right, label, rightParent);
    return mine < parent ? "(" + text + ")" : text;
  }

  // --- estimation.py ---------------------------------------------------------------------

  var NAME = /^[a-z][a-z0-9_]*\n?$/; // Python's $ also matches before a final newline
  var SCALE_WORDS = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
  // ASCII digits and whitespace only; commas only between groups of three digits (1,000).
  var VALUE = /^[ \t\n\r\f\v]*(-?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9][0-9_]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[ \t\n\r\f\v]*([a-z]*)[ \t\n\r\f\v]*$/;
  var HTML = /[<>]/;
  var MAX_VALUE = 1e300; // in base units, as estimation.py

  function pyStr(raw) { // str() of a value in a message
    if (raw === null || raw === undefined) return "None";
    if (typeof raw === "number") return isFinite(raw) ? String(raw) : nonFinite(raw);
    return String(raw);
  }

  // parse_value: 200000000, 0.2, "200 million", "1,000"; a comma only separates thousands.
  function parseValue(raw) {
    var value, m;
    if (typeof raw === "boolean") throw new Error("true/false is not a number");
    if (typeof raw === "number") {
      value = raw;
    } else if (typeof raw === "string" && (m = VALUE.exec(raw))) {
      var word = m[2];
      if (word && !Object.prototype.hasOwnProperty.call(SCALE_WORDS, word)) {
        throw new Error("'" + word + "' is not a scale word (use thousand, million, billion or trillion)");
      }
      value = Number(m[1].replace(/[_,]/g, "")) * (word ? SCALE_WORDS[word] : 1);
    } else if (typeof raw === "string" && raw.indexOf(",") >= 0) {
      throw new Error("'" + raw + "' is not a number: a comma may only separate thousands, as in 1,000 or 12,345,678; " +
        "use a point for decimals, as in 0.5");
    } else {
      throw new Error("'" + pyStr(raw) + "' is not a number");
    }
    if (!isFinite(value)) throw new Error("'" + pyStr(raw) + "' is not a finite number");
    return value;
  }

  // _out_of_range: why a value in base units cannot be used, [message, hint], or null.
  function outOfRange(value, negative, what) {
    if (!isFinite(value) || Math.abs(value) > MAX_VALUE) {
      return [what + " is too large to work with (more than 1e300 bytes, seconds or things counted)",
        "check the number and its unit"];
    }
    if (value < 0 && !negative) {
      return [what + " is negative",
        "estimates count things, so they are 0 or more; if this quantity can be below zero, add negative: true"];
    }
    return null;
  }

  // difflib.get_close_matches(word, possibilities, n=1): the Ratcliff/Obershelp ratio.
  function matchingCharacters(a, b) {
    var b2j = Object.create(null);
    for (var j = 0; j < b.length; j++) (b2j[b[j]] = b2j[b[j]] || []).push(j);
    var total = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), aStart = q[0], aEnd = q[1], bStart = q[2], bEnd = q[3];
      var besti = aStart, bestj = bStart, bestsize = 0, j2len = Object.create(null);
      for (var i = aStart; i < aEnd; i++) {
        var next = Object.create(null), js = b2j[a[i]] || [];
        for (var t = 0; t < js.length; t++) {
          var jj = js[t];
          if (jj < bStart) continue;
          if (jj >= bEnd) break;
          var k = next[jj] = (j2len[jj - 1] || 0) + 1;
          if (k > bestsize) { besti = i - k + 1; bestj = jj - k + 1; bestsize = k; }
        }
        j2len = next;
      }
      if (bestsize) {
        total += bestsize;
        if (aStart < besti && bStart < bestj) queue.push([aStart, besti, bStart, bestj]);
        if (besti + bestsize < aEnd && bestj + bestsize < bEnd) queue.push([besti + bestsize, aEnd, bestj + bestsize, bEnd]);
      }
    }
    return total;
  }

  function closeMatch(word, possibilities) {
    var best = null, bestScore = -1;
    possibilities.forEach(function (x) {
      var size = x.length + word.length;
      var score = size ? 2 * matchingCharacters(x, word) / size : 1;
      if (score >= 0.6 && (score > bestScore || (score === bestScore && x > best))) { best = x; bestScore = score; }
    });
    return best;
  }

  function Failed() {} // a quantity could not be evaluated; its problem is already recorded

  /*
   * Each problem is {name, message, hint, field}. The message (with the hint in
   * brackets) is word for word the build's; field says what to fix, for the sandbox:
   *   name, label, unit, value, formula, scale, negative  that field of the quantity
   *   duplicate  the name is used by an earlier quantity too (the later one is the problem)
   *   dimension  the formula's result and the declared unit disagree (either may be wrong)
   *   sign       the value or result is below zero (fix it, or add negative: true)
   */
  function evaluate(data, overrides) {
    var quantities = new Map(), broken = new Set(), problems = [];
    overrides = overrides || {};
    function report(name, message, hint, field) {
      problems.push({ name: String(name), message: message + (hint ? " (" + hint + ")" : ""), hint: hint || "",
        field: field });
    }

    ((data && data.quantities) || []).forEach(function (spec) {
      var q = readQuantity(spec, overrides, report);
      if (q === null) {
        if (spec && spec.name !== undefined) broken.add(String(spec.name));
      } else {
        if (quantities.has(q.name)) report(q.name, "quantity '" + q.name + "' is defined twice", "", "duplicate");
        quantities.set(q.name, q);
      }
    });

    // _evaluate_all: in an order where each quantity comes after those it uses.
    var state = new Map(); // name -> "done" | "failed"
    quantities.forEach(function (q) { if (q.kind === "input") state.set(q.name, "done"); });
    evaluationOrder(quantities, state, report).forEach(function (name) {
      if (state.get(name) === "failed") return; // in a cycle, already reported
      var q = quantities.get(name);
      try {
        q.value = evaluateOne(q, quantities, broken, state, report);
        state.set(name, "done");
      } catch (e) {
        if (!(e instanceof Failed)) throw e;
        state.set(name, "failed");
      }
    });
    state.forEach(function (s, name) { if (s === "failed") quantities.get(name).value = null; });

    var values = {}, text = {};
    ((data && data.quantities) || []).forEach(function (spec) {
      var name = spec && spec.name;
      if (typeof name !== "string" || !NAME.test(name)) return;
      var q = quantities.get(name);
      var value = q && typeof q.value === "number" ? q.value : null;
      values[name] = value;
      text[name] = value === null ? null : formatWithUnit(q.unit, q.scale, value);
    });
    return { values: values, text: text, problems: problems };
  }

  function derivedUses(quantities, name) {
    return namesIn(quantities.get(name).tree).filter(function (n) {
      return quantities.has(n) && quantities.get(n).kind === "derived";
    });
  }

  // _evaluation_order: a depth-first walk with its own stack (no recursion), cycles reported once.
  function evaluationOrder(quantities, state, report) {
    var order = [], seen = new Set();
    quantities.forEach(function (root) {
      if (root.kind !== "derived" || seen.has(root.name)) return;
      seen.add(root.name);
      var stack = [[root.name, derivedUses(quantities, root.name)]];
      while (stack.length) {
        var top = stack[stack.length - 1];
        if (!top[1].length) { stack.pop(); order.push(top[0]); continue; }
        var use = top[1].shift();
        var walk = stack.map(function (entry) { return entry[0]; });
        if (walk.indexOf(use) >= 0) {
          var cycle = walk.slice(walk.indexOf(use));
          report(use, "quantity '" + use + "': formulas refer to each other in a cycle: " +
            cycle.concat([use]).join(" \u2192 "), "one of them must be an input", "formula");
          cycle.forEach(function (n) { state.set(n, "failed"); });
        } else if (!seen.has(use)) {
          seen.add(use);
          stack.push([use, derivedUses(quantities, use)]);
        }
      }
    });
    return order;
  }

  // _evaluate: one derived quantity's value in base units, its dimension and range checked.
  function evaluateOne(q, quantities, broken, state, report) {
    function resolve(name) {
      var other = quantities.get(name);
      if (state.get(name) !== "done" || typeof other.value !== "number") throw new Failed();
      return [other.value, other.unit.dims];
    }
    var result = evalTree(q, quantities, broken, resolve, report);
    var where = "quantity '" + q.name + "'";
    if (!sameDims(result[1], q.unit.dims)) {
      report(q.name, where + ": unit mismatch: the formula gives " + describeDims(result[1]) +
        " but the unit '" + q.unit.text + "' is " + describeDims(q.unit.dims), "fix the formula or the unit", "dimension");
      throw new Failed();
    }
    if (Math.abs(result[0]) > MAX_VALUE) {
      report(q.name, where + ": the formula gives a number too large to work with (more than 1e300 bytes, " +
        "seconds or things counted)", "check the inputs and the formula", "formula");
      throw new Failed();
    }
    if (result[0] < 0 && !q.negative) {
      report(q.name, where + ": the formula gives a negative number",
        "check the formula; if this quantity can be below zero, add negative: true", "sign");
      throw new Failed();
    }
    return result[0];
  }

  // _read_quantity, for one entry of model_data's "quantities" (an input's value may be text).
  function readQuantity(spec, overrides, report) {
    if (!spec || typeof spec !== "object") return null;
    var name = spec.name, where = "quantity '" + name + "'";
    if (typeof name !== "string" || !NAME.test(name)) {
      report(pyStr(name), "'" + pyStr(name) + "' is not a valid quantity name", "use lower_snake_case, e.g. tweets_per_day", "name");
      return null;
    }
    if (KNOWN_UNITS.has(name) || KNOWN_UNITS.has(name.replace(/s+$/, ""))) {
      report(name, where + ": the name is also a unit", "rename it, e.g. seconds_per_day", "name");
      return null;
    }
    var ok = true, label = spec.label, unit = null;
    if (typeof label !== "string" || !pyStrip(label)) {
      report(name, where + ": needs a label", "a short plain-text description", "label");
      ok = false;
    } else if (HTML.test(label)) {
      report(name, where + ": the label contains HTML", "labels are plain text; remove < and >", "label");
      ok = false;
    }
    try {
      unit = parseUnit(spec.unit);
    } catch (e) {
      report(name, where + ": " + e.message, "e.g. unit: tweets/day", "unit");
      ok = false;
    }
    var scale = spec.scale === undefined ? true : spec.scale;
    if (typeof scale !== "boolean") {
      report(name, where + ": scale must be true or false", "", "scale");
      ok = false;
    }
    var negative = spec.negative === undefined ? false : spec.negative;
    if (typeof negative !== "boolean") {
      report(name, where + ": negative must be true or false", "", "negative");
      ok = false;
    }
    if (!ok) return null;
    var kind = spec.kind || (spec.formula !== undefined ? "derived" : "input");
    var q = { name: name, kind: kind, label: pyStrip(label), unit: unit, scale: scale, negative: negative,
      tree: null, value: null };
    if (kind === "input") return readValue(q, spec, overrides, report) ? q : null;
    if (spec.formula === undefined) {
      report(name, where + ": a derived quantity needs a formula", "", "formula");
      return null;
    }
    try {
      q.tree = parseFormula(spec.formula);
    } catch (e) {
      report(name, where + ": " + e.message, "", "formula");
      return null;
    }
    return q;
  }

  // _read_value: an input's value (or the reader's override of it), in base units, into q.value.
  function readValue(q, spec, overrides, report) {
    var where = "quantity '" + q.name + "'", value;
    var own = Object.prototype.hasOwnProperty.call(overrides, q.name);
    if (!own && spec.value === undefined) {
      report(q.name, where + ": an input needs a value", "", "value");
      return false;
    }
    try {
      value = parseValue(own ? overrides[q.name] : spec.value) * q.unit.factor;
    } catch (e) {
      report(q.name, where + ": " + e.message, "write a number, e.g. 200 million or 0.2", "value");
      return false;
    }
    var problem = outOfRange(value, q.negative, "the value");
    if (problem) {
      report(q.name, where + ": " + problem[0], problem[1], value < 0 && isFinite(value) ? "sign" : "value");
      return false;
    }
    q.value = value;
    return true;
  }

  function minMax(values, smaller) { // Python's min()/max(): the first best, compared with < or >
    var best = values[0];
    for (var i = 1; i < values.length; i++) if (smaller ? values[i] < best : values[i] > best) best = values[i];
    return best;
  }

  // pow_exponent: a whole number from -1024 to 1024.
  function powExponent(value) {
    if (!isFinite(value) || value !== Math.floor(value)) {
      throw FormulaError("the exponent of pow() must be a whole number, such as pow(2, 10)");
    }
    if (Math.abs(value) > MAX_EXPONENT) {
      throw FormulaError("the exponent of pow() must be between -" + MAX_EXPONENT + " and " + MAX_EXPONENT);
    }
    return value;
  }

  // natural_log, log2 and exponential: the same halvings, doublings and series as
  // expressions.py, so both engines agree to the last bit (Math.log need not match C's log).
  var LN2 = 0.6931471805599453, LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
  var SQRT2 = 1.4142135623730951, LOG_TERMS = 12, EXP_TERMS = 18;

  function logParts(x) { // [k, ln(m)] with x = m * 2^k and m within [0.707, 1.414]
    var k = 0, m = x;
    while (m >= 2) { m /= 2; k += 1; }
    while (m < 1) { m *= 2; k -= 1; }
    if (m > SQRT2) { m /= 2; k += 1; }
    var s = (m - 1) / (m + 1), s2 = s * s, t = 1 / (2 * LOG_TERMS + 1);
    for (var j = LOG_TERMS - 1; j >= 0; j--) t = t * s2 + 1 / (2 * j + 1);
    return [k, 2 * s * t];
  }

  function naturalLog(x) {
    if (!(x > 0)) throw FormulaError("ln() and log2() need a number above zero");
    var parts = logParts(x);
    return parts[0] * LN2 + parts[1];
  }

  function log2(x) {
    if (!(x > 0)) throw FormulaError("ln() and log2() need a number above zero");
    var parts = logParts(x);
    return parts[0] + parts[1] / LN2;
  }

  function exponential(x) {
    if (x > 710) return Infinity; // the caller reports the overflow
    if (x < -745) return 0;
    var k = Math.floor(x / LN2 + 0.5), r = (x - k * LN2_HI) - k * LN2_LO, t = 1;
    for (var n = EXP_TERMS; n >= 1; n--) t = 1 + t * r / n;
    var half = Math.floor(k / 2); // two exact powers of two, so 2^1024 never overflows on the way
    return t * wholePower(2, half) * wholePower(2, k - half);
  }

  // apply_function: the numeric part of a call; arguments are finite, results may overflow.
  function applyFunction(name, values) {
    if (name === "min" || name === "max") return minMax(values, name === "min");
    if (name === "ceil" || name === "floor" || name === "round") {
      if (values.length !== 1) throw FormulaError(name + "() takes one argument");
      if (!isFinite(values[0])) throw FormulaError(name + "() needs a finite number");
      var f = name === "ceil" ? Math.ceil : name === "floor" ? Math.floor : roundHalfEven;
      return f(values[0]) + 0; // + 0: no -0, as Python's float(int)
    }
    if (name === "sqrt" || name === "ln" || name === "log2" || name === "exp") {
      if (values.length !== 1) throw FormulaError(name + "() takes one argument");
      if (name === "sqrt") {
        if (values[0] < 0) throw FormulaError("sqrt() needs a number of zero or more");
        return Math.sqrt(values[0]); // correctly rounded, as Python's math.sqrt is
      }
      return name === "ln" ? naturalLog(values[0]) : name === "log2" ? log2(values[0]) : exponential(values[0]);
    }
    if (values.length !== 2) throw FormulaError("pow() takes two arguments: pow(base, exponent)");
    var n = powExponent(values[1]);
    if (values[0] === 0 && n < 0) throw FormulaError("division by zero: pow() of 0 with a negative exponent");
    return wholePower(values[0], n);
  }

  // _eval: [value in base units, dims] of one formula tree, or Failed with the problem reported.
  function evalTree(q, quantities, broken, resolve, report) {
    var where = "quantity '" + q.name + "'";
    function fail(message, hint) { report(q.name, where + ": " + message, hint, "formula"); throw new Failed(); }
    function finite(result) { // checked at every step: inf and nan never reach ceil(), pow() or a comparison
      if (!isFinite(result[0])) fail("the formula does not give a finite number", "check for very large inputs multiplied together");
      return result;
    }

    function go(n) {
      if (n.type === "num") return [n.value, DIMENSIONLESS];
      if (n.type === "name") return nameValue(n.name);
      if (n.type === "neg") { var r = go(n.operand); return [-r[0], r[1]]; }
      if (n.type === "bin") { var left = go(n.left); return finite(binary(n.op, left, go(n.right))); }
      return finite(call(n.func, n.args.map(go)));
    }

    function nameValue(name) {
      if (quantities.has(name)) return resolve(name);
      if (broken.has(name)) throw new Failed(); // its own problem is already reported
      if (KNOWN_UNITS.has(name)) return KNOWN_UNITS.get(name);
      var close = closeMatch(name, Array.from(quantities.keys()).concat(Array.from(KNOWN_UNITS.keys())));
      fail("unknown name '" + name + "' in the formula",
        close !== null ? "did you mean '" + close + "'?" : "define it under inputs or derived");
    }

    function binary(op, left, right) {
      var a = left[0], b = right[0];
      if (op === "+" || op === "-") {
        if (!sameDims(left[1], right[1])) {
          fail("unit mismatch: cannot " + (op === "+" ? "add " : "subtract ") + describeDims(right[1]) +
            (op === "+" ? " to " : " from ") + describeDims(left[1]));
        }
        return [op === "+" ? a + b : a - b, left[1]];
      }
      if (op === "*") return [a * b, mulDims(left[1], right[1])];
      if (b === 0) fail("division by zero", "check the inputs this formula divides by");
      return [a / b, mulDims(left[1], right[1], -1)];
    }

    function call(func, args) {
      var values = args.map(function (x) { return x[0]; }), dims = args.map(function (x) { return x[1]; });
      try {
        if (func === "min" || func === "max") {
          if (dims.some(function (d) { return !sameDims(d, dims[0]); })) {
            fail("unit mismatch: " + func + "() needs arguments of the same unit");
          }
          return [applyFunction(func, values), dims[0]];
        }
        if (func === "pow") {
          if (args.length !== 2) fail("pow() takes two arguments: pow(base, exponent)");
          if (dims[1].length) fail("the exponent of pow() must be a plain number");
          return [applyFunction("pow", values), powDims(dims[0], powExponent(values[1]))];
        }
        if (PLAIN_FUNCTIONS.indexOf(func) >= 0) {
          if (args.length === 1 && dims[0].length) {
            fail(func + "() needs a plain number, not " + describeDims(dims[0]),
              "divide by a quantity in the same unit first, as in ln(rows / rows_per_page)");
          }
          return [applyFunction(func, values), DIMENSIONLESS];
        }
        if (func === "sqrt" && args.length === 1) {
          if (dims[0].some(function (p) { return p[1] % 2 !== 0; })) {
            fail("sqrt() of " + describeDims(dims[0]) + " has no unit", "take sqrt() of a plain number, or of a unit squared");
          }
          return [applyFunction(func, values), dims[0].map(function (p) { return [p[0], p[1] / 2]; })];
        }
        return [applyFunction(func, values), dims[0]];
      } catch (e) {
        if (e instanceof Failed || e.name !== "FormulaError") throw e;
        fail(e.message, e.message.indexOf("division") === 0 ? "check the inputs this formula divides by" : "");
      }
    }

    return go(q.tree);
  }

  // --- numbers.py ------------------------------------------------------------------------

  var WORDS = [[1e15, "quadrillion"], [1e12, "trillion"], [1e9, "billion"], [1e6, "million"], [1e3, "thousand"]];
  var DECIMAL_BYTES = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
  var BINARY_BYTES = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
  var BYTE_WORDS = new Set(["B", "byte", "bytes"].concat(DECIMAL_BYTES, BINARY_BYTES));
  var BITS = ["bit", "Kbit", "Mbit", "Gbit", "Tbit"];
  var BIT_WORDS = new Set(["bits"].concat(BITS));
  var TIMES = [[86400, "days"], [3600, "h"], [60, "min"], [1, "s"], [1e-3, "ms"], [1e-6, "\u00b5s"], [1e-9, "ns"]];
  var TIME_WORDS = new Set(["seconds", "minutes", "hours", "days", "weeks", "months", "years", "mins", "secs"]);
  KNOWN_UNITS.forEach(function (entry, name) { if (sameDims(entry[1], SECOND)) TIME_WORDS.add(name); });
  var WORD_TOKEN = /\u00b5s|[A-Za-z][A-Za-z_]*/g;

  // sig: round to significant figures, halves away from zero (1.825 → 1.83), from the
  // value written with 12 significant figures, as Decimal(f"{value:.12g}") does.
  function sig(value, figures) {
    if (value === 0) return 0;
    figures = figures || 3;
    var d = exactDecimal(value);
    var twelve = roundDecimal(d, adjusted(d) - 11, "even");
    var r = roundDecimal(twelve, adjusted(twelve) - figures + 1, "up");
    return Number((r.neg ? "-" : "") + r.digits + "e" + r.exp);
  }

  function stripZeros(text) { return text.replace(/0+$/, "").replace(/\.+$/, ""); }

  function plain(value) {
    if (value === 0) return "0";
    if (Math.abs(value) >= 1000) return intText(value, "even");
    var rounded = sig(value);
    if (rounded === Math.trunc(rounded) && Math.abs(rounded) >= 1) return intText(rounded, "down");
    if (Math.abs(rounded) < TINY) { // numbers.plain: 9.43 × 10⁻¹⁴, not 0.0000000000000943
      var parts = rounded.toExponential(2).split("e"); // three figures already: no tie to round
      return stripZeros(parts[0]) + " \u00d7 10" + String(parseInt(parts[1], 10)).replace(/[-0-9]/g, function (c) {
        return SUPERSCRIPT.charAt("-0123456789".indexOf(c));
      });
    }
    return stripZeros(fixedText(rounded, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(rounded))))));
  }
  var TINY = 1e-4, SUPERSCRIPT = "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

  function humanNumber(value) {
    value = Number(generalText(value, 12)); // 999999.9999999 from unit conversions is 1 million
    for (var i = 0; i < WORDS.length; i++) {
      if (Math.abs(value) >= 10000 && Math.abs(value) >= WORDS[i][0]) {
        return plain(sig(value / WORDS[i][0])) + " " + WORDS[i][1];
      }
    }
    return plain(value);
  }

  function scaled(value, steps, base) {
    var index = 0;
    while (index < steps.length - 1 && Math.abs(value) >= base * 0.9995) { value /= base; index++; }
    return [value, steps[index]];
  }

  // 99.99% must not round to 100%: keep two significant figures of the gap to the bound.
  function nearBound(value, bound) {
    var gap = bound - value;
    if (!(0 < gap && gap < bound * 0.01)) return null;
    return stripZeros(fixedText(value, Math.ceil(-Math.log10(gap)) + 1));
  }

  function isLetter(ch) { return /^[A-Za-z]$/.test(ch); }

  function replaceFirst(text, word, replacement) { // the whole word, not inside another
    for (var i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      if (!isLetter(text.charAt(i - 1)) && !isLetter(text.charAt(i + word.length))) {
        return text.slice(0, i) + replacement + text.slice(i + word.length);
      }
    }
    return text;
  }

  function formatWithUnit(unit, scale, baseValue) {
    var value = baseValue / unit.factor;
    var text = unit.text.split("*").join("\u00b7"); // views/(user·day)
    var words = text.match(WORD_TOKEN) || [];
    var first = words.length ? words[0] : "", number, prefix, r;
    if (scale && BYTE_WORDS.has(first)) {
      var factor = KNOWN_UNITS.get(first === "bytes" ? "byte" : first)[0];
      var binary = BINARY_BYTES.indexOf(first) >= 0 && first !== "B";
      r = scaled(value * factor, binary ? BINARY_BYTES : DECIMAL_BYTES, binary ? 1024 : 1000);
      prefix = r[1] === "B" ? (first === "byte" || first === "bytes" ? first : "B") : r[1];
      return plain(r[0]) + " " + replaceFirst(text, first, prefix);
    }
    if (scale && BIT_WORDS.has(first)) {
      r = scaled(value * KNOWN_UNITS.get(first.replace(/s+$/, ""))[0] * 8, BITS, 1000);
      return plain(r[0]) + " " + replaceFirst(text, first, r[1]);
    }
    if (scale && sameDims(unit.dims, SECOND) && words.length === 1 && TIME_WORDS.has(first)) {
      for (var i = 0; i < TIMES.length; i++) {
        var size = TIMES[i][0];
        if (Math.abs(baseValue) >= size * 0.9995 || i === TIMES.length - 1) {
          var timeText = plain(baseValue / size);
          return timeText + " " + (TIMES[i][1] === "days" && timeText === "1" ? "day" : TIMES[i][1]);
        }
      }
    }
    number = scale ? humanNumber(value) : plain(value);
    if (text === "1" || text === "ratio") return nearBound(value, 1) || number;
    if (text === "percent") return (nearBound(value, 100) || plain(value)) + "%";
    return number + " " + (number === "1" ? singular(text) : text);
  }

  // numbers.singular: for a count of one, the first word of a counted unit made singular.
  var SAME_IN_THE_SINGULAR = ["series", "species"];

  function singular(text) {
    var m = /^[A-Za-z]+/.exec(text), word = m ? m[0] : "", one;
    if (!/s$/.test(word) || /ss$/.test(word) || KNOWN_UNITS.has(word) || SAME_IN_THE_SINGULAR.indexOf(word) >= 0) {
      return text;
    }
    if (/ies$/.test(word)) one = word.slice(0, -3) + "y";
    else if (/(sses|shes|ches|xes)$/.test(word)) one = word.slice(0, -2);
    else one = word.slice(0, -1);
    return one + text.slice(word.length);
  }

  // --- The API ------------------------------------------------------------------------------

  // The value of one entry of data.quantities, given in base units, as the guide prints it.
  function formatQuantity(quantity, baseValue) {
    if (typeof baseValue !== "number" || !isFinite(baseValue)) return null;
    var scale = quantity.scale === undefined ? true : quantity.scale;
    return formatWithUnit(parseUnit(quantity.unit), scale, baseValue);
  }

  // A derived quantity's formula as to_text writes it, each quantity shown by its label;
  // null for an input, an unknown name or a formula that cannot be read.
  function formulaText(data, name) {
    var labels = new Map(), formula;
    ((data && data.quantities) || []).forEach(function (q) {
      if (!q || typeof q.name !== "string") return;
      if (typeof q.label === "string") labels.set(q.name, q.label.trim());
      if (q.name === name) formula = q.formula;
    });
    if (formula === undefined) return null;
    var tree;
    try { tree = parseFormula(formula); } catch (e) { return null; }
    return toText(tree, function (n) { return labels.has(n) ? labels.get(n) : n; });
  }

  // The opposite of parseValue, for fields a reader edits: 200 million, 0.2, 1500.
  var VALUE_WORDS = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"], [1e3, "thousand"]];

  function valueText(value) {
    if (typeof value !== "number" || !isFinite(value)) return String(value);
    for (var i = 0; i < VALUE_WORDS.length; i++) {
      var scaled = value / VALUE_WORDS[i][0];
      if (Math.abs(value) >= VALUE_WORDS[i][0] && Math.abs(scaled * 1000 - Math.round(scaled * 1000)) < 1e-6) {
        return String(Number(scaled.toPrecision(12))) + " " + VALUE_WORDS[i][1];
      }
    }
    return String(Number(value.toPrecision(12)));
  }

  var api = {
    evaluate: evaluate,
    formatQuantity: formatQuantity,
    parseValue: parseValue,
    valueText: valueText,
    formulaText: formulaText,
    // smaller pieces, for the page scripts and the tests
    parseUnit: parseUnit,
    parseFormula: parseFormula,
    describeDims: describeDims,
    humanNumber: humanNumber,
    plain: plain,
  };
  root.StudyGuideEstimates = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : this);
