"""The estimation sandbox (docs/sandbox.md, estimates/sandbox.js), as a reader uses it.

Each test opens the page in a fresh browser context (so its own localStorage), over
HTTP from the built site and, where the page must also work from disk, from
file:// in a build made with OFFLINE=true (pages are then ``sandbox.html``).
The numbers are checked against what the build itself prints: the Twitter
estimation page, and ``studyguide.estimation`` loading the copied estimates file.

The template is the Twitter model as the build loads it: its own assumptions and
derived quantities, and the assumptions it includes from the capacity reference
(``include: [reference/capacity.yml]``), which reach the page as inputs with a
``from`` key and are rows of the sheet like any other assumption.
"""

from __future__ import annotations

import functools
import html
import re
from contextlib import ExitStack
from pathlib import Path

import pytest
import yaml

from helpers import REPO
from reader import PHONE, axe_problems, open_page, phone_problems, switch_palette
from studyguide import expressions as ex
from studyguide.estimation import Model, load_model, parse_value
from studyguide.model_data import model_data
from studyguide.numbers import format_quantity

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
DOCS = REPO / "docs"
SCRIPT = DOCS / "assets" / "javascripts" / "estimates" / "sandbox.js"
TWITTER_FILE = "examples/twitter/estimates.yml"
VALUE_SPAN = re.compile(r'<span class="est-value" data-quantity="([a-z0-9_]+)">(.*?)</span>')


@functools.cache
def resolve(path: str) -> Model | None:
    """An estimates file by its path under docs/, loaded as the build loads it (with its includes)."""
    file = DOCS / path
    if not file.is_file():
        return None
    model, problems = load_model(file.read_text(encoding="utf-8"), f"docs/{path}", resolve=resolve)
    return model if not problems else None


TWITTER = resolve(TWITTER_FILE)
assert TWITTER is not None, f"docs/{TWITTER_FILE} has problems: the build refuses it"
# The sheet's rows, in the order of the page data: included assumptions, the file's own, derived quantities.
ASSUMPTIONS = [q.name for q in TWITTER.quantities.values() if q.kind == "input"]
DERIVED = [q.name for q in TWITTER.quantities.values() if q.kind == "derived"]
INCLUDED = [q.name for q in TWITTER.quantities.values() if q.source]


@pytest.fixture(params=["http", "file"])
def where(request, served_site, built_site):
    """Where the sandbox and the Twitter estimation page are: over HTTP, or from file://."""
    if request.param == "http":
        return {"sandbox": served_site + "sandbox/",
                "twitter": built_site / "examples" / "twitter" / "estimation" / "index.html"}
    offline = request.getfixturevalue("offline_site")
    return {"sandbox": (offline / "sandbox.html").as_uri(),
            "twitter": offline / "examples" / "twitter" / "estimation.html"}


class Sandbox:
    """The sandbox page in its own browser context (reader.open_page), closed by ``close()``."""

    def __init__(self, browser, url: str, scheme: str = "light", viewport=None):
        self.url = url
        self._stack = ExitStack()
        try:
            self.visit = self._stack.enter_context(open_page(browser, url, scheme=scheme, viewport=viewport or DESKTOP))
            self.page = self.visit.page
            self.page.wait_for_selector("#sandbox.est-sandbox--ready")
        except BaseException:
            self._stack.close()
            raise

    @property
    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions, failed requests and requests to another host, so far."""
        return self.visit.problems()

    def open(self):
        """Load the page again, as a reader reloading it."""
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_selector("#sandbox.est-sandbox--ready")

    def field(self, label: str):
        return self.page.get_by_label(label, exact=True)

    def fill(self, label: str, text: str):
        self.field(label).fill(text)

    def click(self, name: str):
        self.page.get_by_role("button", name=name, exact=True).click()

    def result(self, name: str) -> str:
        return self.page.locator(f'tr[data-name="{name}"] .est-sandbox__result').text_content()

    def results(self) -> dict[str, str]:
        return self.page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('tr[data-name]')]
            .map(tr => [tr.dataset.name, tr.querySelector('.est-sandbox__result').textContent]))""")

    def status(self) -> str:
        return self.page.locator("#sandbox-status").text_content()

    def description(self, label: str) -> str:
        """The text a field's aria-describedby points at, or '' when it has none."""
        return self.field(label).evaluate(
            "el => (el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)"
            ".map(id => document.getElementById(id).textContent).join(' ')")

    def markdown(self) -> str:
        self.click("Copy as Markdown")
        self.page.wait_for_function("document.querySelector('.est-sandbox__copy [role=status]').textContent !== ''")
        return self.page.locator("textarea.est-sandbox__output").input_value()

    def close(self):
        self._stack.close()


@pytest.fixture
def sandbox(browser, where):
    """Opens the sandbox; after the test every one is closed, and none may have had a problem."""
    opened: list[Sandbox] = []

    def open_(**kwargs) -> Sandbox:
        box = Sandbox(browser, where["sandbox"], **kwargs)
        opened.append(box)
        return box

    problems: list[str] = []
    with ExitStack() as stack:
        yield open_
        for box in opened:
            stack.callback(box.close)
            problems += box.errors
    assert problems == [], problems


def dependents(name: str) -> set[str]:
    """The Twitter quantities whose formulas use ``name``, directly or through others."""
    return TWITTER.dependents(name)


def twitter_numbers(path: Path) -> dict[str, str]:
    """Every number the built Twitter estimation page shows, by quantity (first occurrence)."""
    found: dict[str, str] = {}
    for name, text in VALUE_SPAN.findall(path.read_text(encoding="utf-8")):
        found.setdefault(name, html.unescape(re.sub(r"<[^>]+>", "", text)))  # as read: "TB", not its <abbr>
    return found


def split_markdown(text: str) -> tuple[str, list[list[str]]]:
    """The fenced YAML block and the rows of the results table that follows it."""
    m = re.match(r"```yaml\n(.*?)\n```\n\n(.*)\Z", text, re.S)
    assert m, text[:300]
    rows = []
    for line in m.group(2).strip().splitlines():
        cells = [re.sub(r"\\(.)", r"\1", c.strip()) for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        rows.append(cells)
    return m.group(1), rows


# --- The template ----------------------------------------------------------------------------


def test_the_twitter_template_loads_with_the_numbers_of_the_twitter_page(sandbox, where):
    box = sandbox()
    page_numbers = twitter_numbers(where["twitter"])
    assert len(page_numbers) >= 20
    results = box.results()
    assert list(results) == ASSUMPTIONS + DERIVED
    assert {name: results[name] for name in page_numbers} == page_numbers
    # every quantity, included ones too, shows what the build works out for it
    assert results == {name: format_quantity(q) for name, q in TWITTER.quantities.items()}
    assert box.status() == (f"No problems: every quantity is worked out ({len(ASSUMPTIONS)} assumptions "
                            f"and {len(DERIVED)} derived quantities).")
    assert box.field("Formula of tweets_per_second").input_value() == TWITTER.quantities["tweets_per_second"].formula


def test_included_assumptions_are_rows_of_the_sheet_with_their_values(sandbox):
    """The capacity reference's figures come in as inputs (``from`` in the page data) and can be changed."""
    assert "api_server_capacity" in INCLUDED and "api_server_capacity" not in [q.name for q in TWITTER.inputs]
    entries = {q["name"]: q for q in model_data(TWITTER)["quantities"]}
    for name in INCLUDED:
        q = TWITTER.quantities[name]
        assert q.kind == "input" and q.source == "docs/reference/capacity.yml", name
        assert entries[name]["kind"] == "input" and entries[name]["from"] == q.source, name
    box = sandbox()
    assert parse_value(box.field("Value of api_server_capacity").input_value()) == 1000
    assert box.field("Unit of api_server_capacity").input_value() == "requests/(s*server)"
    before = box.results()

    # peak reads = (timeline views 200 million × (2 + 5) + searches 200 million × 10) / 86,400 s × peak factor 2
    #            = 200e6 × 17 × 2 / 86,400 = 78,704 requests/s
    # read_servers = ceil(78,704 × zone headroom 1.5 / 1,000 a server) = ceil(118.1) = 119
    #              = ceil(78,704 × 1.5 / 500 a server) = ceil(236.1) = 237 with half the capacity
    assert before["read_servers"] == "119 servers"
    box.fill("Value of api_server_capacity", "500")
    assert box.result("read_servers") == "237 servers"
    assert box.result("tweets_per_day") == before["tweets_per_day"]
    assert box.status().startswith("No problems")


def test_without_javascript_the_placeholder_points_at_the_twitter_page(browser, served_site):
    with open_page(browser, served_site + "sandbox/", java_script_enabled=False) as visit:
        placeholder = visit.page.locator("#sandbox")
        assert "The sandbox appears here when JavaScript is on" in placeholder.text_content()
        link = placeholder.get_by_role("link", name=re.compile(r"estimation page$"))
        assert link.get_attribute("href") == "../examples/twitter/estimation/"
        assert visit.problems() == []


# --- Problems ---------------------------------------------------------------------------------


def test_a_wrong_formula_is_explained_under_its_row_and_the_rest_keeps_its_numbers(sandbox):
    box = sandbox()
    before = box.results()
    formula = "Formula of tweets_per_second"

    box.fill(formula, "tweets_per_dya")
    message = ("tweets_per_second: unknown name 'tweets_per_dya' in the formula "
               "(did you mean 'tweets_per_day'?)")
    assert box.field(formula).get_attribute("aria-invalid") == "true"
    assert box.description(formula) == message
    assert box.page.locator('tr[data-name="tweets_per_second"] + tr.est-sandbox__problem-row').is_visible()
    assert box.status() == "1 problem: " + message
    assert box.result("tweets_per_second") == "\u2014"
    assert box.result("peak_tweets_per_second").startswith("\u2014")  # it needs the broken row
    after = box.results()
    waiting = [n for n in before if after[n] != before[n]]
    assert all(after[n].startswith("\u2014") for n in waiting), {n: after[n] for n in waiting}
    # the row and exactly what uses it, directly or not; the rest keep their numbers
    assert set(waiting) == {"tweets_per_second"} | dependents("tweets_per_second"), waiting
    assert after["storage_total"] == before["storage_total"]

    box.fill(formula, "daily_active_users + tweet_size")  # users plus bytes per tweet
    assert box.field(formula).get_attribute("aria-invalid") == "true"
    assert "unit mismatch: cannot add byte/tweet to user" in box.description(formula)
    assert "tweets_per_second: unit mismatch" in box.status()

    box.fill(formula, "tweets_per_day * 2")  # tweets per day where tweets per second is declared: fine
    assert box.field(formula).get_attribute("aria-invalid") is None
    box.fill("Unit of tweets_per_second", "bytes/s")
    assert box.field("Unit of tweets_per_second").get_attribute("aria-invalid") == "true"
    assert "the formula gives tweet/second but the unit 'bytes/s' is byte/second" in \
        box.description("Unit of tweets_per_second")

    box.fill("Unit of tweets_per_second", TWITTER.quantities["tweets_per_second"].unit.text)
    box.fill(formula, TWITTER.quantities["tweets_per_second"].formula)
    for label in (formula, "Unit of tweets_per_second"):
        assert box.field(label).get_attribute("aria-invalid") is None
        assert box.field(label).get_attribute("aria-describedby") is None
    assert not box.page.locator('tr[data-name="tweets_per_second"] + tr.est-sandbox__problem-row').is_visible()
    assert box.status().startswith("No problems")
    assert box.results() == before


def test_reader_text_stays_text_and_an_engine_failure_stays_in_its_row(sandbox):
    box = sandbox()
    before = box.results()
    box.fill("Label of total_users", '<img src=x onerror="window.hacked=1">')
    assert box.page.locator("#sandbox img").count() == 0
    assert "total_users: the label contains HTML" in box.description("Label of total_users")
    box.fill("Label of total_users", "Registered users")

    # The engine itself throws on one formula: that row says so, every other row keeps its number.
    box.page.evaluate("""() => {
      const engine = window.StudyGuideEstimates, evaluate = engine.evaluate;
      engine.evaluate = (data, overrides) => {
        if (data.quantities.some(q => String(q.formula || '').includes('boom'))) throw new Error('engine exploded');
        return evaluate(data, overrides);
      };
    }""")
    box.fill("Formula of tweets_per_second", "tweets_per_day * boom")
    assert "tweets_per_second: the sandbox could not work this out (engine exploded)" in \
        box.page.locator('tr[data-name="tweets_per_second"] + tr .est-sandbox__problem').text_content()
    assert "1 problem" in box.status()
    after = box.results()
    assert after["storage_total"] == before["storage_total"]
    assert after["total_users"] == before["total_users"]
    assert not box.page.evaluate("window.hacked === 1")


# --- Building from scratch ---------------------------------------------------------------------


def test_an_empty_start_and_three_rows_give_the_number_worked_out_by_hand(sandbox):
    box = sandbox()
    box.click("Start empty")
    assert box.page.locator("tr.est-sandbox__row").count() == 0
    assert box.status() == "Nothing to work out yet: add an assumption to begin."

    box.click("Add an assumption")
    assert box.page.evaluate("document.activeElement.getAttribute('aria-label')") == "Name of assumption 1"
    assert "needs a name" in box.status()
    box.fill("Name of assumption 1", "daily_active_users")
    box.fill("Label of daily_active_users", "Daily active users")
    box.fill("Value of daily_active_users", "10 million")
    box.fill("Unit of daily_active_users", "users")

    box.click("Add an assumption")
    box.fill("Name of assumption 2", "requests_per_user")
    box.fill("Label of requests_per_user", "Requests per user per day")
    box.fill("Value of requests_per_user", "50")
    box.fill("Unit of requests_per_user", "requests/(user*day)")

    box.click("Add a derived quantity")
    box.fill("Name of derived quantity 1", "request_rate")
    box.fill("Label of request_rate", "Requests per second (average)")
    box.fill("Formula of request_rate", "daily_active_users * requests_per_user")
    box.fill("Unit of request_rate", "requests/s")

    by_hand = round(10_000_000 * 50 / 86_400)  # 500 million requests a day over 86,400 seconds
    assert by_hand == 5787
    assert box.result("request_rate") == f"{by_hand:,} requests/s"
    assert box.result("daily_active_users") == "10 million users"
    assert box.status() == "No problems: every quantity is worked out (2 assumptions and 1 derived quantity)."

    box.click("Remove requests_per_user")
    assert box.result("request_rate").startswith("\u2014")
    assert "request_rate: unknown name 'requests_per_user'" in box.status()


# --- Copy as Markdown --------------------------------------------------------------------------


def test_copy_as_markdown_gives_an_estimates_file_the_build_accepts_and_the_results(sandbox, where):
    box = sandbox()
    awkward = 'Registered users: all of them, "active" or not # not a comment'
    box.fill("Label of total_users", awkward)
    text = box.markdown()
    assert box.page.locator(".est-sandbox__copy [role=status]").text_content() in (
        "Copied.", "Select the text and copy it: this browser did not let the page copy it.")

    block, rows = split_markdown(text)
    data = yaml.safe_load(block)
    assert set(data) == {"inputs", "derived", "tables"}
    assert data["inputs"]["total_users"]["label"] == awkward
    assert data["tables"]["estimate"]["rows"] == ASSUMPTIONS + DERIVED
    # The file stands alone: the included assumptions are written as its own inputs, with their values
    assert "include" not in data and list(data["inputs"]) == ASSUMPTIONS and list(data["derived"]) == DERIVED
    model, problems = load_model(block, "docs/examples/mine/estimates.yml")
    assert problems == [], [str(p) for p in problems]
    for name in INCLUDED:
        q, original = model.quantities[name], TWITTER.quantities[name]
        assert (q.kind, q.source, q.unit.text, q.value) == ("input", "", original.unit.text, original.value), name

    # The build's own numbers for the copied file are the sandbox's, row by row.
    shown = box.results()
    assert {name: format_quantity(q) for name, q in model.quantities.items()} == shown

    assert rows[0] == ["Quantity", "Value", "How it is worked out"]
    table = {cells[0]: cells for cells in rows[2:]}
    assert len(table) == len(model.quantities)
    page_numbers = twitter_numbers(where["twitter"])
    q = model.quantities["peak_tweets_per_second"]
    assert table[q.label][1] == page_numbers["peak_tweets_per_second"] == shown["peak_tweets_per_second"]
    for q in model.quantities.values():  # how each is worked out, as the build writes it (without markup)
        how = "Assumption" if q.kind == "input" else "= " + ex.to_text(
            q.tree, lambda n: model.quantities[n].label if n in model.quantities else n)
        assert table[q.label][2] == how + (" \u2014 " + q.note if q.note else ""), q.name
    assert model.quantities["total_users"].label == awkward



def test_copy_falls_back_to_selecting_the_text_when_the_clipboard_is_refused(sandbox):
    box = sandbox()
    box.page.evaluate("""() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
      document.execCommand = () => false;
    }""")
    box.click("Start empty")
    box.click("Add an assumption")
    box.fill("Name of assumption 1", "photos_per_day")
    box.fill("Label of photos_per_day", "Photos uploaded per day")
    box.fill("Value of photos_per_day", "2 million")
    box.fill("Unit of photos_per_day", "photos/day")
    text = box.markdown()
    assert box.page.locator(".est-sandbox__copy [role=status]").text_content() == \
        "Select the text and copy it: this browser did not let the page copy it."
    textarea = box.page.locator("textarea.est-sandbox__output")
    assert textarea.is_visible() and textarea.get_attribute("readonly") is not None
    assert box.page.evaluate("""() => { const t = document.activeElement;
      return t.matches('textarea.est-sandbox__output') && t.selectionStart === 0 && t.selectionEnd === t.value.length; }""")
    block, rows = split_markdown(text)
    model, problems = load_model(block, "t.yml")
    assert problems == []
    assert rows[2] == ["Photos uploaded per day", "2 million photos/day", "Assumption"]
    # The text follows later edits while it is shown.
    box.fill("Value of photos_per_day", "3 million")
    assert "value: \"3 million\"" in textarea.input_value()


# --- Keeping the reader's work -------------------------------------------------------------------


def test_the_work_survives_a_reload(sandbox):
    box = sandbox()
    box.fill("Value of daily_active_users", "300 million")
    changed = box.results()
    box.click("Add a derived quantity")
    box.fill("Name of derived quantity " + str(len(DERIVED) + 1), "weekly_visits")
    box.fill("Label of weekly_visits", "Visits in a week, one a day per daily active user")
    box.fill("Formula of weekly_visits", "daily_active_users * 7")
    box.fill("Unit of weekly_visits", "users")
    week = box.result("weekly_visits")
    assert week == "2.1 billion users"  # 300 million × 7

    box.open()  # reload
    assert box.field("Value of daily_active_users").input_value() == "300 million"
    assert box.field("Formula of weekly_visits").input_value() == "daily_active_users * 7"
    assert box.result("weekly_visits") == week
    assert {n: v for n, v in box.results().items() if n != "weekly_visits"} == changed
    assert box.page.evaluate("JSON.parse(localStorage.getItem('sdg-sandbox-v1')).rows.length") == \
        len(ASSUMPTIONS) + len(DERIVED) + 1

    # Starting again from the template replaces the work, and Undo brings it back.
    box.click("Start from the Twitter example")
    assert box.field("Value of daily_active_users").input_value() == "200 million"
    box.click("Undo")
    assert box.field("Value of daily_active_users").input_value() == "300 million"
    box.open()
    assert box.result("weekly_visits") == week


# --- Accessibility and phones ---------------------------------------------------------------------


def test_the_sandbox_is_accessible_in_both_palettes_and_fits_a_phone(browser, served_site, axe):
    box = Sandbox(browser, served_site + "sandbox/")
    try:
        box.fill("Formula of tweets_per_second", "tweets_per_dya")  # a problem on show, too
        box.markdown()
        assert axe_problems(box.page, axe) == []
        switch_palette(box.page, "dark")
        assert axe_problems(box.page, axe) == []

        box.page.set_viewport_size(PHONE)
        box.page.wait_for_timeout(100)
        assert box.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert phone_problems(box.page) == []
        overflowing = box.page.evaluate("""() => [...document.querySelectorAll('#sandbox input, #sandbox textarea, #sandbox button')]
            .filter(el => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > window.innerWidth; })
            .map(el => el.getAttribute('aria-label') || el.textContent)""")
        assert overflowing == []
        assert box.errors == []
    finally:
        box.close()


def test_the_script_builds_the_page_without_html_strings_or_eval():
    code = SCRIPT.read_text(encoding="utf-8")
    for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function", "document.write"):
        assert banned not in code, banned
    assert "import " not in code and "export " not in code  # a classic script: it must run from file://


def test_the_field_a_problem_is_about_comes_from_the_engine_not_from_its_wording(sandbox):
    """engine.js gives each problem a field code; the sandbox marks that field and no other."""
    box = sandbox()
    value, unit = "Value of daily_active_users", "Unit of daily_active_users"
    for text, phrase in [("0,5", "a comma may only separate thousands"), ("-13", "the value is negative"),
                         ("1e301", "the value is too large to work with")]:
        box.fill(value, text)
        assert box.field(value).get_attribute("aria-invalid") == "true", text
        assert box.field(unit).get_attribute("aria-invalid") is None, text
        assert phrase in box.description(value), box.description(value)
    box.fill(value, "200 million")
    box.fill(unit, "EB^20")
    assert box.field(unit).get_attribute("aria-invalid") == "true"
    assert box.field(value).get_attribute("aria-invalid") is None
    assert "the power after '^' must be between -4 and 4" in box.description(unit)
