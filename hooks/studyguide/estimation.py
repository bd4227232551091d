"""The estimation model: named inputs and derived quantities, with units.

An estimates file states assumptions as data::

    inputs:
      tweets_per_day: {value: 100 million, unit: tweets/day, label: New tweets per day}
    derived:
      tweet_rate: {formula: tweets_per_day, unit: tweets/s, label: Tweets per second}
    tables:
      traffic: {caption: Traffic, rows: [tweets_per_day, tweet_rate]}

``load_model`` reads and checks such a file and evaluates every formula. It
returns every problem it finds, each naming the file, the line and the
quantity, rather than stopping at the first.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field

from . import expressions as ex
from .problems import Problem
from .units import KNOWN_UNITS, Dims, Unit, UnitError, describe_dims, mul_dims, parse_unit, pow_dims
from .yamlfile import line_of, load_yaml

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_VALUE = re.compile(r"^\s*(-?(?:\d[\d_,]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-z]*)\s*$")
_HTML = re.compile(r"[<>]")

INPUT_KEYS = {"value", "unit", "label", "note", "scale"}
DERIVED_KEYS = {"formula", "unit", "label", "note", "scale"}
TABLE_KEYS = {"caption", "rows"}
TOP_KEYS = {"inputs", "derived", "tables"}


@dataclass
class Quantity:
    name: str
    kind: str  # "input" or "derived"
    label: str
    unit: Unit
    line: int | None
    note: str = ""
    scale: bool = True
    formula: str = ""
    tree: object = None
    value: float | None = None  # in base units (bytes, seconds, nouns)

    @property
    def display_value(self) -> float:
        """The value in the unit the contributor declared."""
        assert self.value is not None
        return self.value / self.unit.factor


@dataclass
class Table:
    name: str
    caption: str
    rows: list[str]
    line: int | None


@dataclass
class Model:
    file: str
    quantities: dict[str, Quantity] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # defined, but with a problem already reported

    @property
    def inputs(self) -> list[Quantity]:
        return [q for q in self.quantities.values() if q.kind == "input"]

    def require(self, name: str) -> Quantity:
        """The quantity a page quotes; a name that is not defined is the contributor's to fix."""
        if name not in self.quantities:
            close = difflib.get_close_matches(name, list(self.quantities), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise ValueError(f"unknown quantity '{name}' in {self.file}{hint}")
        return self.quantities[name]

    def require_table(self, name: str) -> Table:
        table = self.table(name)
        if table is None:
            raise ValueError(f"unknown table '{name}' in {self.file}; tables are: "
                             + ", ".join(["assumptions", *self.tables]))
        return table

    def table(self, name: str) -> Table | None:
        if name in self.tables:
            return self.tables[name]
        if name == "assumptions":
            return Table("assumptions", "Assumptions", [q.name for q in self.inputs], None)
        return None


def parse_value(raw: object) -> float:
    """A number as a contributor writes it: ``200000000``, ``0.2``, ``200 million``, ``1,000``."""
    if isinstance(raw, bool):
        raise ValueError("true/false is not a number")
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str) and (m := _VALUE.match(raw)):
        number, word = m.groups()
        if word and word not in _SCALE_WORDS:
            raise ValueError(f"'{word}' is not a scale word (use thousand, million, billion or trillion)")
        value = float(number.replace("_", "").replace(",", "")) * _SCALE_WORDS.get(word, 1.0)
    else:
        raise ValueError(f"'{raw}' is not a number")
    if not math.isfinite(value):
        raise ValueError(f"'{raw}' is not a finite number")
    return value


def load_model(text: str, file: str) -> tuple[Model | None, list[Problem]]:
    """Read, check and evaluate an estimates file. Returns the model and every problem."""
    data, problems = load_yaml(text, file)
    if problems:
        return None, problems
    model = Model(file)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [Problem(file, 1, "an estimates file must be a mapping with inputs, derived and tables")]
    for key in data:
        if key not in TOP_KEYS:
            problems.append(
                Problem(file, line_of(data, key), f"unknown section '{key}'", "sections are: inputs, derived, tables")
            )
    for section, kind in (("inputs", "input"), ("derived", "derived")):
        entries = data.get(section) or {}
        if not isinstance(entries, dict):
            problems.append(Problem(file, line_of(data, section), f"'{section}' must be a mapping of names"))
            continue
        for name, spec in entries.items():
            q = _read_quantity(model, name, spec, kind, line_of(entries, name), problems)
            if q is None:
                model.broken.add(str(name))
            else:
                if name in model.quantities:
                    problems.append(Problem(file, q.line, f"quantity '{name}' is defined twice"))
                model.quantities[name] = q
    _evaluate_all(model, problems)
    _read_tables(model, data.get("tables") or {}, line_of(data, "tables"), problems)
    return model, problems


def _read_quantity(model, name, spec, kind, line, problems) -> Quantity | None:
    file = model.file
    where = f"quantity '{name}'"
    if not isinstance(name, str) or not NAME.match(name):
        problems.append(
            Problem(file, line, f"'{name}' is not a valid quantity name", "use lower_snake_case, e.g. tweets_per_day")
        )
        return None
    if name in KNOWN_UNITS or name.rstrip("s") in KNOWN_UNITS:
        problems.append(
            Problem(file, line, f"{where}: the name is also a unit", "rename it, e.g. seconds_per_day")
        )
        return None
    if not isinstance(spec, dict):
        problems.append(Problem(file, line, f"{where}: expected a mapping with value/formula, unit and label"))
        return None
    allowed = INPUT_KEYS if kind == "input" else DERIVED_KEYS
    for key in spec:
        if key not in allowed:
            problems.append(
                Problem(
                    file,
                    line_of(spec, key),
                    f"{where}: unknown field '{key}'",
                    "fields are: " + ", ".join(sorted(allowed)),
                )
            )
    ok = True
    label = spec.get("label")
    if not isinstance(label, str) or not label.strip():
        problems.append(Problem(file, line, f"{where}: needs a label", "a short plain-text description"))
        ok = False
    elif _HTML.search(label):
        problems.append(
            Problem(file, line_of(spec, "label") or line, f"{where}: the label contains HTML", "labels are plain text; remove < and >")
        )
        ok = False
    note = spec.get("note", "")
    if not isinstance(note, str):
        note = str(note)
    try:
        unit = parse_unit(spec.get("unit"))
    except UnitError as exc:
        problems.append(Problem(file, line_of(spec, "unit") or line, f"{where}: {exc}", "e.g. unit: tweets/day"))
        unit = None
        ok = False
    scale = spec.get("scale", True)
    if not isinstance(scale, bool):
        problems.append(Problem(file, line_of(spec, "scale") or line, f"{where}: scale must be true or false"))
        ok = False
    if not ok:
        return None
    q = Quantity(name, kind, label.strip(), unit, line, note=note.strip(), scale=scale)
    if kind == "input":
        if "value" not in spec:
            problems.append(Problem(file, line, f"{where}: an input needs a value"))
            return None
        try:
            q.value = parse_value(spec["value"]) * unit.factor
        except ValueError as exc:
            problems.append(
                Problem(file, line_of(spec, "value") or line, f"{where}: {exc}", "write a number, e.g. 200 million or 0.2")
            )
            return None
    else:
        if "formula" not in spec:
            problems.append(Problem(file, line, f"{where}: a derived quantity needs a formula"))
            return None
        q.formula = str(spec["formula"]).strip()
        try:
            q.tree = ex.parse(spec["formula"])
        except ex.FormulaError as exc:
            problems.append(Problem(file, line_of(spec, "formula") or line, f"{where}: {exc}"))
            return None
    return q


class _Failed(Exception):
    """A quantity could not be evaluated; its problem is already recorded."""


def _evaluate_all(model: Model, problems: list[Problem]) -> None:
    state: dict[str, str] = {}  # name -> "busy" | "done" | "failed"

    def evaluate(name: str, chain: list[str]) -> tuple[float, Dims]:
        q = model.quantities[name]
        if state.get(name) == "done":
            return q.value, q.unit.dims
        if state.get(name) == "failed":
            raise _Failed
        if state.get(name) == "busy":
            cycle = " → ".join(chain[chain.index(name):] + [name])
            problems.append(
                Problem(model.file, q.line, f"quantity '{name}': formulas refer to each other in a cycle: {cycle}",
                        "one of them must be an input")
            )
            for n in chain[chain.index(name):]:
                state[n] = "failed"
            raise _Failed
        state[name] = "busy"
        try:
            value, dims = _eval(q.tree, model, q, lambda n: evaluate(n, chain + [name]), problems)
        except _Failed:
            state[name] = "failed"
            raise
        if dims != q.unit.dims:
            problems.append(
                Problem(
                    model.file,
                    q.line,
                    f"quantity '{name}': unit mismatch: the formula gives {describe_dims(dims)} "
                    f"but the unit '{q.unit.text}' is {describe_dims(q.unit.dims)}",
                    "fix the formula or the unit",
                )
            )
            state[name] = "failed"
            raise _Failed
        q.value = value
        state[name] = "done"
        return value, dims

    for q in model.quantities.values():
        if q.kind == "input":
            state[q.name] = "done"
    for q in list(model.quantities.values()):
        if q.kind == "derived" and state.get(q.name) not in ("done", "failed"):
            try:
                evaluate(q.name, [])
            except _Failed:
                pass
    for name, s in state.items():
        if s == "failed":
            model.quantities[name].value = None


def _eval(node, model: Model, q: Quantity, resolve, problems) -> tuple[float, Dims]:
    where = f"quantity '{q.name}'"

    def fail(message: str, hint: str = "") -> None:
        problems.append(Problem(model.file, q.line, f"{where}: {message}", hint))
        raise _Failed

    def go(n) -> tuple[float, Dims]:
        if isinstance(n, ex.Num):
            return n.value, ()
        if isinstance(n, ex.Name):
            if n.name in model.quantities:
                return resolve(n.name)
            if n.name in model.broken:
                raise _Failed  # its own problem is already reported
            if n.name in KNOWN_UNITS:
                return KNOWN_UNITS[n.name]
            close = difflib.get_close_matches(n.name, list(model.quantities) + list(KNOWN_UNITS), n=1)
            fail(f"unknown name '{n.name}' in the formula", f"did you mean '{close[0]}'?" if close else
                 "define it under inputs or derived")
        if isinstance(n, ex.Neg):
            v, d = go(n.operand)
            return -v, d
        if isinstance(n, ex.BinOp):
            (a, da), (b, db) = go(n.left), go(n.right)
            if n.op in "+-":
                if da != db:
                    fail(f"unit mismatch: cannot {'add' if n.op == '+' else 'subtract'} "
                         f"{describe_dims(db)} {'to' if n.op == '+' else 'from'} {describe_dims(da)}")
                return (a + b if n.op == "+" else a - b), da
            if n.op == "*":
                return a * b, mul_dims(da, db)
            if b == 0:
                fail("division by zero", "check the inputs this formula divides by")
            return a / b, mul_dims(da, db, -1)
        if isinstance(n, ex.Call):
            args = [go(a) for a in n.args]
            values = [v for v, _ in args]
            dims = [d for _, d in args]
            if n.func in ("min", "max"):
                if any(d != dims[0] for d in dims):
                    fail(f"unit mismatch: {n.func}() needs arguments of the same unit")
                return ex.apply_function(n.func, values), dims[0]
            if n.func == "pow":
                if len(args) != 2:
                    fail("pow() takes two arguments: pow(base, exponent)")
                if dims[1]:
                    fail("the exponent of pow() must be a plain number")
                if dims[0] and values[1] != int(values[1]):
                    fail("pow() of a quantity with a unit needs a whole-number exponent")
                return ex.apply_function("pow", values), pow_dims(dims[0], int(values[1]))
            try:
                return ex.apply_function(n.func, values), dims[0]
            except ex.FormulaError as exc:
                fail(str(exc))
        raise AssertionError(n)

    try:
        value, dims = go(node)
    except (OverflowError, ZeroDivisionError) as exc:
        fail(f"the formula cannot be evaluated: {exc}")
    if not math.isfinite(value):
        fail("the formula does not give a finite number")
    return value, dims


def _read_tables(model: Model, tables, line, problems) -> None:
    if not isinstance(tables, dict):
        problems.append(Problem(model.file, line, "'tables' must be a mapping of table names"))
        return
    for name, spec in tables.items():
        tline = line_of(tables, name)
        if not isinstance(spec, dict):
            spec = {"rows": spec}
        for key in spec:
            if key not in TABLE_KEYS:
                problems.append(Problem(model.file, line_of(spec, key) or tline,
                                        f"table '{name}': unknown field '{key}'", "fields are: caption, rows"))
        caption = str(spec.get("caption", "") or "")
        if _HTML.search(caption):
            problems.append(Problem(model.file, tline, f"table '{name}': the caption contains HTML",
                                    "captions are plain text; remove < and >"))
            continue
        rows = spec.get("rows")
        if not isinstance(rows, list) or not rows:
            problems.append(Problem(model.file, tline, f"table '{name}': needs a list of rows (quantity names)"))
            continue
        for row in rows:
            if row not in model.quantities and row not in model.broken:
                close = difflib.get_close_matches(str(row), list(model.quantities), n=1)
                problems.append(Problem(model.file, line_of(spec, "rows") or tline,
                                        f"table '{name}': unknown quantity '{row}'",
                                        f"did you mean '{close[0]}'?" if close else "list names from inputs or derived"))
        model.tables[name] = Table(name, caption, [str(r) for r in rows], tline)
