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
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NoReturn

from . import expressions as ex
from .problems import Problem
from .units import KNOWN_UNITS, Dims, Unit, UnitError, describe_dims, mul_dims, parse_unit, pow_dims
from .yamlfile import line_of, load_yaml

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# ASCII digits and whitespace only (Python's \d takes any script's digits, the browser's
# does not); commas only between groups of three digits: 1,000 and 12,345,678.
_VALUE = re.compile(
    r"[ \t\n\r\f\v]*(-?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9][0-9_]*)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
    r"[ \t\n\r\f\v]*([a-z]*)[ \t\n\r\f\v]*"
)
_HTML = re.compile(r"[<>]")

INPUT_KEYS = {"value", "unit", "label", "note", "scale", "negative"}
DERIVED_KEYS = {"formula", "unit", "label", "note", "scale", "negative"}
MAX_VALUE = 1e300  # in base units; beyond it one multiplication overflows
TABLE_KEYS = {"caption", "rows"}
TOP_KEYS = {"include", "inputs", "derived", "tables"}

Resolver = Callable[[str], "Model | None"]
"""The model of an estimates file named by its path under docs/ (``include:``), or None if it has problems."""


@dataclass
class Quantity:
    name: str
    kind: str  # "input" or "derived"
    label: str
    unit: Unit
    line: int | None
    note: str = ""
    scale: bool = True
    negative: bool = False  # may be below zero (``negative: true``); otherwise a negative value is a problem
    formula: str = ""
    tree: ex.Node | None = None
    value: float | None = None  # in base units (bytes, seconds, nouns)
    source: str = ""  # the estimates file it comes from, when it was included from another one

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
        """The file's own assumptions (included quantities are listed where they are defined)."""
        return [q for q in self.quantities.values() if q.kind == "input" and not q.source]

    def dependents(self, name: str) -> set[str]:
        """The quantities whose formulas use ``name``, directly or through others."""
        found = {name}
        changed = True
        while changed:
            changed = False
            for q in self.quantities.values():
                if q.tree is not None and q.name not in found and found & set(ex.names_in(q.tree)):
                    found.add(q.name)
                    changed = True
        return found - {name}

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
    """A number as a contributor writes it: ``200000000``, ``0.2``, ``200 million``, ``1,000``.

    A comma only ever separates thousands, in groups of three: ``0,5`` would
    otherwise read as 5, so it is refused with a hint to use a point.
    """
    if isinstance(raw, bool):
        raise ValueError("true/false is not a number")
    if isinstance(raw, (int, float)):
        try:
            value = float(raw)
        except OverflowError:  # an int with hundreds of digits
            raise ValueError("the number is too large to work with") from None
    elif isinstance(raw, str) and (m := _VALUE.fullmatch(raw)):
        number, word = m.groups()
        if word and word not in _SCALE_WORDS:
            raise ValueError(f"'{word}' is not a scale word (use thousand, million, billion or trillion)")
        value = float(number.replace("_", "").replace(",", "")) * _SCALE_WORDS.get(word, 1.0)
    elif isinstance(raw, str) and "," in raw:
        raise ValueError(
            f"'{raw}' is not a number: a comma may only separate thousands, as in 1,000 or 12,345,678; "
            "use a point for decimals, as in 0.5"
        )
    else:
        raise ValueError(f"'{raw}' is not a number")
    if not math.isfinite(value):
        raise ValueError(f"'{raw}' is not a finite number")
    return value


def load_model(text: str, file: str, resolve: Resolver | None = None) -> tuple[Model | None, list[Problem]]:
    """Read, check and evaluate an estimates file. Returns the model and every problem; never raises.

    ``include: [reference/capacity.yml]`` makes every quantity of those files (paths under
    docs/) usable here by name, as an assumption with the value it has there; ``resolve``
    gives their models.
    """
    try:
        data, problems = load_yaml(text, file)
    except (TypeError, ValueError) as exc:
        # PyYAML builds a few values itself and can fail outside its own errors:
        # a list used as a key (unhashable), an integer of thousands of digits.
        return None, [Problem(file, None, f"YAML cannot be read: {exc}", "check the keys and numbers of the file")]
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
                Problem(file, line_of(data, key), f"unknown section '{key}'",
                        "sections are: include, inputs, derived, tables")
            )
    _include(model, data.get("include"), line_of(data, "include"), resolve, problems)
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
                    other = model.quantities[name].source
                    problems.append(Problem(file, q.line, f"quantity '{name}' is defined twice"
                                            + (f" (also in {other}, which this file includes)" if other else "")))
                model.quantities[name] = q
    _evaluate_all(model, problems)
    _read_tables(model, data.get("tables") or {}, line_of(data, "tables"), problems)
    return model, problems


def _include(model: Model, paths: object, line: int | None, resolve: Resolver | None,
             problems: list[Problem]) -> None:
    """Bring in the quantities of each included file, as assumptions with their computed values."""
    if paths is None:
        return
    hint = "write include: [reference/capacity.yml], paths under docs/"
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        problems.append(Problem(model.file, line, "'include' must be a list of estimates files", hint))
        return
    for path in paths:
        included = resolve(path) if resolve else None
        if included is None:
            problems.append(Problem(model.file, line, f"cannot include '{path}': it is not an estimates file "
                                    "that computes without problems", hint))
            continue
        for name, q in included.quantities.items():
            if q.value is None or q.kind != "input":  # its assumptions, not its own sums
                continue
            model.quantities[name] = replace(q, kind="input", formula="", tree=None, line=line,
                                             source=q.source or included.file)


def _read_quantity(
    model: Model, name: object, spec: object, kind: str, line: int | None, problems: list[Problem]
) -> Quantity | None:
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
    unit: Unit | None = None
    try:
        unit = parse_unit(spec.get("unit"))
    except UnitError as exc:
        problems.append(Problem(file, line_of(spec, "unit") or line, f"{where}: {exc}", "e.g. unit: tweets/day"))
        ok = False
    scale = spec.get("scale", True)
    if not isinstance(scale, bool):
        problems.append(Problem(file, line_of(spec, "scale") or line, f"{where}: scale must be true or false"))
        ok = False
    negative = spec.get("negative", False)
    if not isinstance(negative, bool):
        problems.append(Problem(file, line_of(spec, "negative") or line, f"{where}: negative must be true or false"))
        ok = False
    if not ok or unit is None or not isinstance(label, str):
        return None
    q = Quantity(name, kind, label.strip(), unit, line, note=note.strip(), scale=scale, negative=negative)
    if kind == "input":
        return q if _read_value(q, spec, file, problems) else None
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


def _read_value(q: Quantity, spec: dict, file: str, problems: list[Problem]) -> bool:
    """An input's value, in base units, into ``q.value``; False with the problem recorded."""
    where = f"quantity '{q.name}'"
    line = line_of(spec, "value") or q.line
    if "value" not in spec:
        problems.append(Problem(file, q.line, f"{where}: an input needs a value"))
        return False
    try:
        value = parse_value(spec["value"]) * q.unit.factor
    except ValueError as exc:
        problems.append(Problem(file, line, f"{where}: {exc}", "write a number, e.g. 200 million or 0.2"))
        return False
    message = _out_of_range(value, q.negative, "the value")
    if message:
        problems.append(Problem(file, line, f"{where}: {message[0]}", message[1]))
        return False
    q.value = value
    return True


def _out_of_range(value: float, negative: bool, what: str) -> tuple[str, str] | None:
    """Why a value (in base units) cannot be used, with a hint; None when it can.

    Beyond 1e300 a value is one multiplication away from infinity and prints as
    hundreds of digits; below zero it is almost always a slip (a count of -13
    servers), so a quantity that may be negative says so with ``negative: true``.
    """
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        return (f"{what} is too large to work with (more than 1e300 bytes, seconds or things counted)",
                "check the number and its unit")
    if value < 0 and not negative:
        return (f"{what} is negative",
                "estimates count things, so they are 0 or more; if this quantity can be below zero, add negative: true")
    return None


class _Failed(Exception):
    """A quantity could not be evaluated; its problem is already recorded."""


def _evaluate_all(model: Model, problems: list[Problem]) -> None:
    """Evaluate every derived quantity, each after the quantities its formula uses.

    The order is worked out first, without recursion, so a chain of hundreds of
    quantities cannot exhaust Python's stack; engine.js follows the same order,
    so both report the same problems in the same order.
    """
    state = {q.name: "done" for q in model.quantities.values() if q.kind == "input"}
    for name in _evaluation_order(model, state, problems):
        if state.get(name) == "failed":
            continue  # in a cycle, already reported
        q = model.quantities[name]
        try:
            q.value = _evaluate(model, q, state, problems)
            state[name] = "done"
        except _Failed:
            state[name] = "failed"
    for name, s in state.items():
        if s == "failed":
            model.quantities[name].value = None


def _derived_uses(model: Model, name: str) -> list[str]:
    tree = model.quantities[name].tree
    return [n for n in ex.names_in(tree) if n in model.quantities and model.quantities[n].kind == "derived"]


def _evaluation_order(model: Model, state: dict[str, str], problems: list[Problem]) -> list[str]:
    """Derived quantities, each after those it uses (a depth-first walk with its own stack).

    A formula that leads back to a quantity still on the walk closes a cycle: it
    is reported once, and the quantities in it are marked failed.
    """
    order: list[str] = []
    seen: set[str] = set()
    for root in [q.name for q in model.quantities.values() if q.kind == "derived"]:
        if root in seen:
            continue
        seen.add(root)
        stack: list[tuple[str, list[str]]] = [(root, _derived_uses(model, root))]
        while stack:
            name, uses = stack[-1]
            if not uses:
                stack.pop()
                order.append(name)
                continue
            use = uses.pop(0)
            walk = [n for n, _ in stack]
            if use in walk:
                cycle = walk[walk.index(use):]
                problems.append(
                    Problem(model.file, model.quantities[use].line,
                            f"quantity '{use}': formulas refer to each other in a cycle: "
                            + " → ".join(cycle + [use]),
                            "one of them must be an input")
                )
                for n in cycle:
                    state[n] = "failed"
            elif use not in seen:
                seen.add(use)
                stack.append((use, _derived_uses(model, use)))
    return order


def _evaluate(model: Model, q: Quantity, state: dict[str, str], problems: list[Problem]) -> float:
    """The value of one derived quantity in base units, its dimension and range checked."""
    assert q.tree is not None

    def resolve(name: str) -> tuple[float, Dims]:
        other = model.quantities[name]
        if state.get(name) != "done" or other.value is None:
            raise _Failed  # it has a problem of its own, already reported
        return other.value, other.unit.dims

    value, dims = _eval(q.tree, model, q, resolve, problems)
    if dims != q.unit.dims:
        problems.append(
            Problem(
                model.file,
                q.line,
                f"quantity '{q.name}': unit mismatch: the formula gives {describe_dims(dims)} "
                f"but the unit '{q.unit.text}' is {describe_dims(q.unit.dims)}",
                "fix the formula or the unit",
            )
        )
        raise _Failed
    if abs(value) > MAX_VALUE:
        problems.append(Problem(model.file, q.line, f"quantity '{q.name}': the formula gives a number too large "
                                "to work with (more than 1e300 bytes, seconds or things counted)",
                                "check the inputs and the formula"))
        raise _Failed
    if value < 0 and not q.negative:
        problems.append(Problem(model.file, q.line, f"quantity '{q.name}': the formula gives a negative number",
                                "check the formula; if this quantity can be below zero, add negative: true"))
        raise _Failed
    return value


def _eval(
    node: ex.Node,
    model: Model,
    q: Quantity,
    resolve: Callable[[str], tuple[float, Dims]],
    problems: list[Problem],
) -> tuple[float, Dims]:
    where = f"quantity '{q.name}'"

    def fail(message: str, hint: str = "") -> NoReturn:
        problems.append(Problem(model.file, q.line, f"{where}: {message}", hint))
        raise _Failed

    def finite(value: float, dims: Dims) -> tuple[float, Dims]:
        # Checked at every step, so inf and nan never reach ceil(), pow() or a comparison.
        if not math.isfinite(value):
            fail("the formula does not give a finite number", "check for very large inputs multiplied together")
        return value, dims

    def go(n: ex.Node) -> tuple[float, Dims]:
        match n:
            case ex.Num(value):
                return value, ()
            case ex.Name(name):
                return name_value(name)
            case ex.Neg(operand):
                v, d = go(operand)
                return -v, d
            case ex.BinOp(op, left, right):
                return finite(*binary(op, go(left), go(right)))
            case ex.Call(func, args):
                return finite(*call(func, [go(a) for a in args]))

    def name_value(name: str) -> tuple[float, Dims]:
        if name in model.quantities:
            return resolve(name)
        if name in model.broken:
            raise _Failed  # its own problem is already reported
        if name in KNOWN_UNITS:
            return KNOWN_UNITS[name]
        close = difflib.get_close_matches(name, list(model.quantities) + list(KNOWN_UNITS), n=1)
        fail(f"unknown name '{name}' in the formula", f"did you mean '{close[0]}'?" if close else
             "define it under inputs or derived")

    def binary(op: str, left: tuple[float, Dims], right: tuple[float, Dims]) -> tuple[float, Dims]:
        (a, da), (b, db) = left, right
        if op in "+-":
            if da != db:
                fail(f"unit mismatch: cannot {'add' if op == '+' else 'subtract'} "
                     f"{describe_dims(db)} {'to' if op == '+' else 'from'} {describe_dims(da)}")
            return (a + b if op == "+" else a - b), da
        if op == "*":
            return a * b, mul_dims(da, db)
        if b == 0:
            fail("division by zero", "check the inputs this formula divides by")
        return a / b, mul_dims(da, db, -1)

    def call(func: str, args: list[tuple[float, Dims]]) -> tuple[float, Dims]:
        values = [v for v, _ in args]
        dims = [d for _, d in args]
        try:
            if func in ("min", "max"):
                if any(d != dims[0] for d in dims):
                    fail(f"unit mismatch: {func}() needs arguments of the same unit")
                return ex.apply_function(func, values), dims[0]
            if func == "pow":
                if len(args) != 2:
                    fail("pow() takes two arguments: pow(base, exponent)")
                if dims[1]:
                    fail("the exponent of pow() must be a plain number")
                return ex.apply_function("pow", values), pow_dims(dims[0], ex.pow_exponent(values[1]))
            if func in ex.PLAIN_FUNCTIONS:
                if len(args) == 1 and dims[0]:
                    fail(f"{func}() needs a plain number, not {describe_dims(dims[0])}",
                         "divide by a quantity in the same unit first, as in ln(rows / rows_per_page)")
                return ex.apply_function(func, values), ()
            if func == "sqrt" and len(args) == 1:
                if any(power % 2 for _, power in dims[0]):
                    fail(f"sqrt() of {describe_dims(dims[0])} has no unit",
                         "take sqrt() of a plain number, or of a unit squared")
                return ex.apply_function(func, values), tuple((k, v // 2) for k, v in dims[0])
            return ex.apply_function(func, values), dims[0]
        except ex.FormulaError as exc:
            fail(str(exc), "check the inputs this formula divides by" if str(exc).startswith("division") else "")

    return go(node)


def _read_tables(model: Model, tables: object, line: int | None, problems: list[Problem]) -> None:
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
            if isinstance(row, (list, dict)):  # "- [a, b]" in a list of rows: a list inside the list
                problems.append(Problem(model.file, line_of(spec, "rows") or tline,
                                        f"table '{name}': each row must be one quantity name, "
                                        f"not {'a list' if isinstance(row, list) else 'a mapping'}",
                                        "write rows: [a, b], or one '- name' per line"))
                continue
            if row not in model.quantities and row not in model.broken:
                close = difflib.get_close_matches(str(row), list(model.quantities), n=1)
                problems.append(Problem(model.file, line_of(spec, "rows") or tline,
                                        f"table '{name}': unknown quantity '{row}'",
                                        f"did you mean '{close[0]}'?" if close else "list names from inputs or derived"))
        names = [str(r) for r in rows if not isinstance(r, (list, dict))]
        model.tables[name] = Table(name, caption, names, tline)
