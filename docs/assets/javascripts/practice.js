/*
 * Practice mode on worked example step pages, and practice progress on the
 * examples index. A classic script with no dependencies, loaded with defer on
 * every page; it only acts on the markup the build emits (see
 * hooks/studyguide/practice.py for the contract):
 *
 *   section.practice[data-practice-step]        the panel, hidden until shown here
 *   .practice-answer#<data-practice-answer>      the example's answer
 *   .practice-progress[data-practice-items]      progress per example, on the index
 *
 * Reader state lives in localStorage (Chromium gives file:// pages one too):
 *   sdg-practice-v1:mode                          "on" | "off" (absent: off)
 *   sdg-practice-v1:tick:<example>:<step>:<item>  "1" when ticked
 *   sdg-practice-v1:signal:<example>:<step>:<id>  "1" for a level signal marked as shown (absent: missed)
 * Without storage (blocked, private mode) everything still works for the visit:
 * StudyGuidePage.storage (page.js, loaded before this script) keeps a copy in memory.
 *
 * Text is only ever set with textContent; nothing here makes a request.
 */
(function () {
  "use strict";

  var page = window.StudyGuidePage;
  if (!page) return; // page.js is missing: the page stays as built, every answer shown

  var PREFIX = "sdg-practice-v1:";
  var MODE_KEY = PREFIX + "mode";
  var read = page.storage.get;
  var write = page.storage.set; // write(key, null) removes it

  function tickKey(example, step, item) {
    return PREFIX + "tick:" + example + ":" + step + ":" + item;
  }

  function signalKey(example, step, id) {
    return PREFIX + "signal:" + example + ":" + step + ":" + id;
  }

  function words(text) {
    return (text || "").split(/\s+/).filter(Boolean);
  }

  function practising() {
    return read(MODE_KEY) === "on";
  }

  function clock(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function minutesText(n) {
    return n + (n === 1 ? " minute" : " minutes");
  }

  // --- The panel on a step page ---------------------------------------------

  function Panel(root) {
    this.root = root;
    this.example = root.getAttribute("data-practice-example");
    this.step = root.getAttribute("data-practice-step");
    this.minutes = parseInt(root.getAttribute("data-practice-minutes"), 10) || 0;
    this.answer = document.getElementById(root.getAttribute("data-practice-answer"));
    this.modeSwitch = root.querySelector("[data-practice-mode]");
    this.off = root.querySelector("[data-practice-off]");
    this.tools = root.querySelector("[data-practice-tools]");
    this.clockEl = root.querySelector("[data-practice-clock]");
    this.reveal = root.querySelector("[data-practice-reveal]");
    this.hiddenNote = root.querySelector("[data-practice-hidden-note]");
    this.status = root.querySelector("[data-practice-status]");
    this.boxes = Array.prototype.slice.call(root.querySelectorAll("input[data-practice-item]"));
    this.assess = root.querySelector("[data-practice-assess]");
    this.signals = Array.prototype.slice.call(root.querySelectorAll("input[data-practice-signal]"));
    this.revealed = false;
    this.timeUp = false;
    this.budget = this.minutes * 60 * 1000;
    this.remaining = this.budget; // while paused
    this.endsAt = null; // while running: Date.now() when time is up
    this.interval = null;
  }

  Panel.prototype.start = function () {
    var self = this;
    if (!this.modeSwitch || !this.off || !this.tools || !this.clockEl || !this.reveal || !this.answer) return;
    this.modeSwitch.addEventListener("click", function () {
      write(MODE_KEY, practising() ? "off" : "on");
      self.applyMode(true);
    });
    this.reveal.addEventListener("click", function () {
      self.revealed = !self.revealed;
      self.showAnswer();
    });
    this.onClick("[data-practice-timer=start]", function () { self.run(); });
    this.onClick("[data-practice-timer=pause]", function () { self.pause(); });
    this.onClick("[data-practice-timer=reset]", function () { self.reset(); });
    this.boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        write(tickKey(self.example, self.step, box.getAttribute("data-practice-item")), box.checked ? "1" : null);
      });
    });
    this.signals.forEach(function (box) {
      box.addEventListener("change", function () {
        write(signalKey(self.example, self.step, box.getAttribute("data-practice-signal")), box.checked ? "1" : null);
      });
    });
    this.onClick("[data-practice-clear]", function () {
      self.boxes.forEach(function (box) {
        box.checked = false;
        write(tickKey(self.example, self.step, box.getAttribute("data-practice-item")), null);
      });
      self.say("Your ticks for this step are cleared.");
    });
    // A link to a section of the answer (search, the table of contents, another page) shows the answer.
    window.addEventListener("hashchange", function () { self.revealIfTargeted(); });
    // Another tab changed the mode or the ticks.
    window.addEventListener("storage", function (event) {
      if (event.key === null || event.key === MODE_KEY) self.applyMode(false);
      if (event.key === null || event.key.indexOf(PREFIX + "tick:") === 0 ||
          event.key.indexOf(PREFIX + "signal:") === 0) self.loadTicks();
    });
    document.addEventListener("visibilitychange", function () { self.tick(); });
    window.addEventListener("pageshow", function (event) { // back to this page from the bfcache
      if (event.persisted) { self.loadTicks(); self.applyMode(false); }
    });

    this.loadTicks();
    this.showClock();
    this.applyMode(false);
    this.revealIfTargeted();
    this.root.hidden = false;
  };

  Panel.prototype.onClick = function (selector, handler) {
    var button = this.root.querySelector(selector);
    if (button) button.addEventListener("click", handler);
  };

  Panel.prototype.loadTicks = function () {
    var self = this;
    this.boxes.forEach(function (box) {
      box.checked = read(tickKey(self.example, self.step, box.getAttribute("data-practice-item"))) === "1";
    });
    this.signals.forEach(function (box) {
      box.checked = read(signalKey(self.example, self.step, box.getAttribute("data-practice-signal"))) === "1";
    });
    this.showAssessment();
  };

  // The self-assessment comes once there is something to judge: time is up, the answer is out,
  // or the reader marked a signal on an earlier visit.
  Panel.prototype.showAssessment = function () {
    if (!this.assess) return;
    var marked = this.signals.some(function (box) { return box.checked; });
    this.assess.hidden = !(this.revealed || this.timeUp || marked);
  };

  Panel.prototype.applyMode = function (byReader) {
    var on = practising();
    this.modeSwitch.setAttribute("aria-checked", on ? "true" : "false");
    this.root.classList.toggle("practice--on", on);
    this.off.hidden = on;
    this.tools.hidden = !on;
    if (!on) this.pause(true);
    this.revealed = false;
    this.showAnswer();
    if (byReader) {
      this.say(on ? "Practice mode is on: the example's answer is hidden until you show it."
        : "Practice mode is off: the example's answer is shown.");
    }
  };

  Panel.prototype.showAnswer = function () {
    var hide = practising() && !this.revealed;
    this.answer.hidden = hide;
    this.reveal.setAttribute("aria-expanded", hide ? "false" : "true");
    this.reveal.textContent = hide ? "Show the example's answer" : "Hide the example's answer";
    if (this.hiddenNote) this.hiddenNote.hidden = !hide;
    this.showAssessment();
  };

  Panel.prototype.revealIfTargeted = function () {
    if (!this.answer.hidden || !window.location.hash) return;
    var target;
    try {
      target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    } catch (e) {
      return;
    }
    if (target && this.answer.contains(target)) {
      this.revealed = true;
      this.showAnswer();
      target.scrollIntoView();
    }
  };

  // Time left is worked out from Date.now() on every tick, so a tab in the
  // background (where timers are slowed down) still shows the right time.
  Panel.prototype.left = function () {
    return this.endsAt === null ? this.remaining : Math.max(0, this.endsAt - Date.now());
  };

  Panel.prototype.run = function () {
    var self = this;
    if (this.endsAt !== null) return;
    if (this.remaining <= 0) this.remaining = this.budget;
    this.endsAt = Date.now() + this.remaining;
    this.interval = window.setInterval(function () { self.tick(); }, 250);
    this.root.classList.remove("practice--time-up");
    this.showClock();
    this.say("Timer started: " + clock(this.remaining) + " left.");
  };

  Panel.prototype.pause = function (quietly) {
    if (this.endsAt === null) return;
    this.remaining = this.left();
    this.stop();
    this.showClock();
    if (!quietly) this.say("Timer paused at " + clock(this.remaining) + ".");
  };

  Panel.prototype.reset = function () {
    this.stop();
    this.remaining = this.budget;
    this.root.classList.remove("practice--time-up");
    this.showClock();
    this.say("Timer reset to " + clock(this.budget) + ".");
  };

  Panel.prototype.stop = function () {
    if (this.interval !== null) window.clearInterval(this.interval);
    this.interval = null;
    this.endsAt = null;
  };

  Panel.prototype.tick = function () {
    if (this.endsAt === null) return;
    var left = this.left();
    this.showClock();
    if (left <= 0) {
      this.stop();
      this.remaining = 0;
      this.timeUp = true;
      this.showAssessment();
      this.root.classList.add("practice--time-up");
      this.say("Time is up: you have used this step's " + minutesText(this.minutes) + "." +
        " Tick what your answer covers, mark the level signals it showed, then compare it with the example's.");
    }
  };

  Panel.prototype.showClock = function () {
    this.clockEl.textContent = clock(this.left());
  };

  Panel.prototype.say = function (message) {
    // Emptied first, so the same message said twice is announced twice.
    var status = this.status;
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  };

  // --- Progress on the examples index ------------------------------------------

  // Each count element shows how many of ids (step/name) are stored as "1" for its example.
  function counter(box, ids, selector, exampleAttr, keyOf, noun) {
    var counts = box.querySelectorAll(selector);
    return function () {
      Array.prototype.forEach.call(counts, function (count) {
        var example = count.getAttribute(exampleAttr);
        var total = parseInt(count.getAttribute("data-practice-total"), 10) || 0;
        var done = 0;
        ids.forEach(function (id) {
          var slash = id.indexOf("/");
          if (read(keyOf(example, id.slice(0, slash), id.slice(slash + 1))) === "1") done += 1;
        });
        count.textContent = Math.min(done, total) + " of " + total + " " + noun;
      });
    };
  }

  function showProgress(box) {
    var fills = [
      counter(box, words(box.getAttribute("data-practice-items")), "[data-practice-example][data-practice-total]",
        "data-practice-example", tickKey, "checklist items ticked"),
      counter(box, words(box.getAttribute("data-practice-signals")), "[data-practice-signals-of][data-practice-total]",
        "data-practice-signals-of", signalKey, "level signals shown")
    ];
    function fill() { fills.forEach(function (f) { f(); }); }
    fill();
    window.addEventListener("storage", fill);
    window.addEventListener("pageshow", fill); // back to the index from the bfcache
    box.hidden = false;
  }

  function init() {
    // The one-page print view shows every answer and no controls: leave it as built.
    if (page.isPrintView()) return;
    Array.prototype.forEach.call(document.querySelectorAll("section.practice[data-practice-step]"), function (root) {
      new Panel(root).start();
    });
    Array.prototype.forEach.call(document.querySelectorAll(".practice-progress[data-practice-items]"), showProgress);
  }

  page.ready(init);
})();
