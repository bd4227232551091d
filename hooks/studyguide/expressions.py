"""A small, safe arithmetic language for estimation formulas.

Formulas are parsed into a tree and evaluated by walking it: names, numbers,
``+ - * /``, parentheses and a handful of functions. Nothing in a formula is
ever handed to Python's ``eval``; an attempt to smuggle code in is just a
syntax error.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_TOKEN = re.compile(
    r"\s*(?:(?P<number>(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<name>[A-Za-z_µ][A-Za-z0-9_]*)"
    r"|(?P<op>[-+*/(),]))"
)

FUNCTIONS = {"min", "max", "ceil", "floor", "round", "pow"}


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
    operand: object


@dataclass(frozen=True)
class BinOp:
    op: str
    left: object
    right: object


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            bad = text[pos:].strip()[:1]
            raise FormulaError(
                f"unexpected character '{bad}' in formula; formulas may use names, numbers, "
                "+ - * / ( ) and the functions " + ", ".join(sorted(FUNCTIONS))
            )
        kind = m.lastgroup or "op"
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    return tokens


def parse(text: object) -> object:
    """Parse a formula into a tree of Num, Name, Neg, BinOp and Call nodes."""
    if isinstance(text, bool) or not isinstance(text, (str, int, float)):
        raise FormulaError("a formula must be text such as 'tweets_per_day / day'")
    text = str(text)
    tokens = tokenize(text)
    if not tokens:
        raise FormulaError("the formula is empty")
    parser = _Parser(tokens)
    tree = parser.expression()
    if parser.pos != len(tokens):
        raise FormulaError(f"unexpected '{tokens[parser.pos][1]}' in formula")
    return tree


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]):
        self.tokens = tokens
        self.pos = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _take(self, op: str) -> bool:
        tok = self._peek()
        if tok and tok[0] == "op" and tok[1] == op:
            self.pos += 1
            return True
        return False

    def expression(self) -> object:
        node = self.term()
        while (tok := self._peek()) and tok[1] in ("+", "-") and tok[0] == "op":
            self.pos += 1
            node = BinOp(tok[1], node, self.term())
        return node

    def term(self) -> object:
        node = self.unary()
        while (tok := self._peek()) and tok[1] in ("*", "/") and tok[0] == "op":
            self.pos += 1
            node = BinOp(tok[1], node, self.unary())
        return node

    def unary(self) -> object:
        if self._take("-"):
            return Neg(self.unary())
        if self._take("+"):
            return self.unary()
        return self.atom()

    def atom(self) -> object:
        tok = self._peek()
        if tok is None:
            raise FormulaError("the formula ends too early")
        self.pos += 1
        kind, text = tok
        if kind == "number":
            return Num(float(text.replace("_", "")))
        if kind == "name":
            if self._take("("):
                if text not in FUNCTIONS:
                    raise FormulaError(
                        f"unknown function '{text}'; available: " + ", ".join(sorted(FUNCTIONS))
                    )
                args = [self.expression()]
                while self._take(","):
                    args.append(self.expression())
                if not self._take(")"):
                    raise FormulaError(f"missing ')' after the arguments of {text}(")
                return Call(text, tuple(args))
            return Name(text)
        if text == "(":
            node = self.expression()
            if not self._take(")"):
                raise FormulaError("a '(' is not closed")
            return node
        raise FormulaError(f"unexpected '{text}' in formula")


def names_in(tree: object) -> list[str]:
    """Every name a formula refers to, in order of first appearance."""
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, Name):
            if node.name not in out:
                out.append(node.name)
        elif isinstance(node, Neg):
            walk(node.operand)
        elif isinstance(node, BinOp):
            walk(node.left)
            walk(node.right)
        elif isinstance(node, Call):
            for arg in node.args:
                walk(arg)

    walk(tree)
    return out


def to_text(tree: object, label=lambda name: name, parent: int = 0) -> str:
    """Write a formula back out for readers: ``×`` and ``÷``, names through ``label``."""
    prec = {"+": 1, "-": 1, "*": 2, "/": 2}
    if isinstance(tree, Num):
        return _plain_number(tree.value)
    if isinstance(tree, Name):
        return label(tree.name)
    if isinstance(tree, Neg):
        return "−" + to_text(tree.operand, label, 3)
    if isinstance(tree, Call):
        return tree.func + "(" + ", ".join(to_text(a, label) for a in tree.args) + ")"
    assert isinstance(tree, BinOp)
    mine = prec[tree.op]
    symbol = {"+": " + ", "-": " − ", "*": " × ", "/": " ÷ "}[tree.op]
    # the right side of - and / needs brackets at equal precedence
    right_parent = mine + 1 if tree.op in "-/" else mine
    text = to_text(tree.left, label, mine) + symbol + to_text(tree.right, label, right_parent)
    return f"({text})" if mine < parent else text


def _plain_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:g}"


def apply_function(name: str, values: list[float]) -> float:
    """The numeric part of a function call; dimension rules live with the caller."""
    if name == "min":
        return min(values)
    if name == "max":
        return max(values)
    if name in ("ceil", "floor", "round"):
        if len(values) != 1:
            raise FormulaError(f"{name}() takes one argument")
        return float({"ceil": math.ceil, "floor": math.floor, "round": round}[name](values[0]))
    if name == "pow":
        if len(values) != 2:
            raise FormulaError("pow() takes two arguments: pow(base, exponent)")
        return float(values[0] ** values[1])
    raise FormulaError(f"unknown function '{name}'")
