"""A small, safe arithmetic language for estimation formulas.

Formulas are parsed into a tree and evaluated by walking it: names, numbers,
``+ - * /``, parentheses and a handful of functions. Nothing in a formula is
ever handed to Python's ``eval``; an attempt to smuggle code in is just a
syntax error.

The browser has a line-by-line port (docs/assets/javascripts/estimates/engine.js)
and both must give the same numbers to the last bit, so the language keeps to
what both can compute identically: ASCII digits only, whole-number powers
worked out by the same multiplications, and bounds on size and nesting that
keep every formula far from a recursion limit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

# Only ASCII digits and whitespace: Python's \d and \s also take other scripts'
# digits and spaces, which JavaScript's do not, and the two engines must agree.
WHITESPACE = " \t\n\r\f\v"
_TOKEN = re.compile(
    r"[ \t\n\r\f\v]*(?:(?P<number>(?:[0-9][0-9_]*\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<name>[A-Za-z_µ][A-Za-z0-9_]*)"
    r"|(?P<op>[-+*/(),]))"
)

FUNCTIONS = {"min", "max", "ceil", "floor", "round", "pow", "sqrt", "ln", "log2", "exp"}
# ln, log2 and exp take and give plain numbers; sqrt halves the units' powers.
PLAIN_FUNCTIONS = {"ln", "log2", "exp"}

MAX_DEPTH = 50  # brackets, signs and function calls inside one another
MAX_TOKENS = 200  # names, numbers and signs in one formula (the guide's longest has 19)
MAX_EXPONENT = 1024  # pow(2, 1024) already overflows; beyond it nothing is finite or nonzero


class FormulaError(ValueError):
    """A formula that cannot be read, or cannot be evaluated."""


@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Name:
    name: str


@dataclass(frozen=True)
class Neg:
    operand: Node


@dataclass(frozen=True)
class BinOp:
    op: str  # one of + - * /
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Node, ...]


Node = Num | Name | Neg | BinOp | Call  # every formula is a tree of these, and only these


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens = []
    pos = 0
    text = text.rstrip(WHITESPACE)
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            bad = text[pos:].strip(WHITESPACE)[:1]
            raise FormulaError(
                f"unexpected character '{bad}' in formula; formulas may use names, numbers, "
                "+ - * / ( ) and the functions " + ", ".join(sorted(FUNCTIONS))
            )
        kind = m.lastgroup or "op"
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    return tokens


def parse(text: object) -> Node:
    """Parse a formula into a tree of Num, Name, Neg, BinOp and Call nodes."""
    if isinstance(text, bool) or not isinstance(text, (str, int, float)):
        raise FormulaError("a formula must be text such as 'tweets_per_day / day'")
    text = str(text)
    tokens = tokenize(text)
    if not tokens:
        raise FormulaError("the formula is empty")
    parser = _Parser(tokens)
    tree = parser.expression()  # nesting is bounded as it parses
    if parser.pos != len(tokens):
        raise FormulaError(f"unexpected '{tokens[parser.pos][1]}' in formula")
    if len(tokens) > MAX_TOKENS:  # a + b + c ... is not nested, but its tree is as deep as it is long
        raise FormulaError(
            f"the formula is too long ({len(tokens)} names, numbers and signs; at most {MAX_TOKENS}); "
            "split it into smaller derived quantities"
        )
    return tree


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take(self, op: str) -> bool:
        tok = self._peek()
        if tok and tok[0] == "op" and tok[1] == op:
            self.pos += 1
            return True
        return False

    def _deeper(self) -> None:
        # Each bracket, sign or call is a level of recursion here and in every walk of
        # the tree; a bound keeps hostile formulas far from Python's recursion limit.
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(
                f"the formula is nested too deeply (more than {MAX_DEPTH} brackets, signs or "
                "function calls inside one another); split it into smaller derived quantities"
            )

    def expression(self) -> Node:
        node = self.term()
        while (tok := self._peek()) and tok[1] in ("+", "-") and tok[0] == "op":
            self.pos += 1
            node = BinOp(tok[1], node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while (tok := self._peek()) and tok[1] in ("*", "/") and tok[0] == "op":
            self.pos += 1
            node = BinOp(tok[1], node, self.unary())
        return node

    def unary(self) -> Node:
        if self._take("-"):
            self._deeper()
            node: Node = Neg(self.unary())
            self.depth -= 1
            return node
        if self._take("+"):
            self._deeper()
            node = self.unary()
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        tok = self._peek()
        if tok is None:
            raise FormulaError("the formula ends too early")
        self.pos += 1
        kind, text = tok
        if kind == "number":
            value = float(text.replace("_", ""))
            if not math.isfinite(value):
                raise FormulaError(f"the number {text} is too large; numbers in formulas must be below 1e308")
            return Num(value)
        if kind == "name":
            if self._take("("):
                if text not in FUNCTIONS:
                    raise FormulaError(
                        f"unknown function '{text}'; available: " + ", ".join(sorted(FUNCTIONS))
                    )
                self._deeper()
                args = [self.expression()]
                while self._take(","):
                    args.append(self.expression())
                if not self._take(")"):
                    raise FormulaError(f"missing ')' after the arguments of {text}(")
                self.depth -= 1
                return Call(text, tuple(args))
            return Name(text)
        if text == "(":
            self._deeper()
            node = self.expression()
            if not self._take(")"):
                raise FormulaError("a '(' is not closed")
            self.depth -= 1
            return node
        raise FormulaError(f"unexpected '{text}' in formula")


def names_in(tree: Node | None) -> list[str]:
    """Every name a formula refers to, in order of first appearance (none for an input)."""
    out: list[str] = []

    def walk(node: Node) -> None:
        match node:
            case Name(name):
                if name not in out:
                    out.append(name)
            case Neg(operand):
                walk(operand)
            case BinOp(_, left, right):
                walk(left)
                walk(right)
            case Call(_, args):
                for arg in args:
                    walk(arg)
            case Num():
                pass

    if tree is not None:
        walk(tree)
    return out


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_SYMBOLS = {"+": " + ", "-": " − ", "*": " × ", "/": " ÷ "}


def to_text(tree: Node | None, label: Callable[[str], str] = lambda name: name, parent: int = 0) -> str:
    """Write a formula back out for readers: ``×`` and ``÷``, names through ``label``."""
    match tree:
        case None:
            return ""
        case Num(value):
            return _plain_number(value)
        case Name(name):
            return label(name)
        case Neg(operand):
            return "−" + to_text(operand, label, 3)
        case Call(func, args):
            return func + "(" + ", ".join(to_text(a, label) for a in args) + ")"
        case BinOp(op, left, right):
            mine = _PRECEDENCE[op]
            # the right side of - and / needs brackets at equal precedence
            right_parent = mine + 1 if op in "-/" else mine
            text = to_text(left, label, mine) + _SYMBOLS[op] + to_text(right, label, right_parent)
            return f"({text})" if mine < parent else text


def _plain_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:g}"


def whole_power(base: float, n: int) -> float:
    """``base`` to a whole power, by squaring, with 1/x for negative powers.

    Not ``**``: C's pow and JavaScript's Math.pow differ in the last bit for about
    one input in ten, and engine.js repeats exactly these multiplications, in this
    order, so the browser and the build agree to the last bit. Overflow gives inf,
    as any float multiplication does; the caller reports it.
    """
    result = 1.0
    square = base
    k = abs(n)
    while k:
        if k & 1:
            result *= square
        k >>= 1
        if k:
            square *= square
    if n >= 0:
        return result
    if result == 0:  # underflowed: 1/0 is inf here, as in JavaScript, not an exception
        return math.copysign(math.inf, result)
    return 1.0 / result


def pow_exponent(value: float) -> int:
    """The exponent of pow(): a whole number from -1024 to 1024, or a FormulaError saying so."""
    if not math.isfinite(value) or value != math.floor(value):
        raise FormulaError("the exponent of pow() must be a whole number, such as pow(2, 10)")
    if abs(value) > MAX_EXPONENT:
        raise FormulaError(f"the exponent of pow() must be between -{MAX_EXPONENT} and {MAX_EXPONENT}")
    return int(value)


LN2 = 0.6931471805599453  # the double nearest ln 2, written the same in engine.js
_LN2_HI = 6.93147180369123816490e-01  # ln 2 in two parts (as fdlibm splits it): k * _LN2_HI is exact
_LN2_LO = 1.90821492927058770002e-10
_SQRT2 = 1.4142135623730951
_LOG_TERMS = 12  # atanh series terms: |s| < 0.172, so s**25 / 25 is far below one ulp
_EXP_TERMS = 18  # Taylor terms: |r| <= 0.347, so r**19 / 19! is far below one ulp


def _log_parts(x: float) -> tuple[int, float]:
    """``x`` as ``k`` and ``ln(m)`` with x = m * 2**k and m within [0.707, 1.414].

    Only halvings, doublings and the four operations, in an order engine.js repeats,
    so both engines agree to the last bit (C's log and V8's Math.log need not).
    Halving and doubling are exact, so log2 of a power of two is exactly whole.
    """
    k = 0
    m = x
    while m >= 2:
        m /= 2
        k += 1
    while m < 1:
        m *= 2
        k -= 1
    if m > _SQRT2:
        m /= 2
        k += 1
    s = (m - 1) / (m + 1)
    s2 = s * s
    t = 1 / (2 * _LOG_TERMS + 1)
    for j in range(_LOG_TERMS - 1, -1, -1):
        t = t * s2 + 1 / (2 * j + 1)
    return k, 2 * s * t


def natural_log(x: float) -> float:
    if not x > 0:
        raise FormulaError("ln() and log2() need a number above zero")
    k, ln_m = _log_parts(x)
    return k * LN2 + ln_m


def log2(x: float) -> float:
    if not x > 0:
        raise FormulaError("ln() and log2() need a number above zero")
    k, ln_m = _log_parts(x)
    return k + ln_m / LN2


def exponential(x: float) -> float:
    """e to the power x, by the same steps as engine.js: x = k ln 2 + r, then a Taylor series in r."""
    if x > 710:
        return math.inf  # the caller reports the overflow
    if x < -745:
        return 0.0
    k = math.floor(x / LN2 + 0.5)
    r = (x - k * _LN2_HI) - k * _LN2_LO
    t = 1.0
    for n in range(_EXP_TERMS, 0, -1):
        t = 1 + t * r / n
    half = k // 2  # two exact powers of two, so 2**1024 never overflows on the way
    return t * whole_power(2.0, half) * whole_power(2.0, k - half)


def apply_function(name: str, values: list[float]) -> float:
    """The numeric part of a function call; dimension rules live with the caller.

    Arguments are finite (the caller checks every step); results may overflow to
    inf, which the caller reports.
    """
    if name == "min":
        return min(values)
    if name == "max":
        return max(values)
    if name in ("ceil", "floor", "round"):
        if len(values) != 1:
            raise FormulaError(f"{name}() takes one argument")
        if not math.isfinite(values[0]):
            raise FormulaError(f"{name}() needs a finite number")
        if name == "ceil":
            return float(math.ceil(values[0]))
        if name == "floor":
            return float(math.floor(values[0]))
        return float(round(values[0]))  # halves to even, as engine.js does
    if name in ("sqrt", "ln", "log2", "exp"):
        if len(values) != 1:
            raise FormulaError(f"{name}() takes one argument")
        if name == "sqrt":
            if values[0] < 0:
                raise FormulaError("sqrt() needs a number of zero or more")
            return math.sqrt(values[0])  # correctly rounded, as Math.sqrt is
        if name == "ln":
            return natural_log(values[0])
        if name == "log2":
            return log2(values[0])
        return exponential(values[0])
    if name == "pow":
        if len(values) != 2:
            raise FormulaError("pow() takes two arguments: pow(base, exponent)")
        n = pow_exponent(values[1])
        if values[0] == 0 and n < 0:
            raise FormulaError("division by zero: pow() of 0 with a negative exponent")
        return whole_power(values[0], n)
    raise FormulaError(f"unknown function '{name}'")
