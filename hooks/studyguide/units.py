"""Units and dimensions for back-of-the-envelope estimates.

A unit is a scale factor and a dimension. Dimensions are products of base
dimensions with integer exponents: ``byte``, ``second`` and any countable noun a
contributor uses (``user``, ``tweet``, ``view`` …). Time and byte units have
their usual scales; every other word is a noun of its own, so adding users to
tweets, or declaring tweets per second for a number of bytes per second, is a
dimension error the build reports.

No third-party unit library is used: the guide needs nouns as dimensions,
decimal byte prefixes and error messages that name the quantity, which is a
few dozen lines here and would be configuration and translation with a
general-purpose physics library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .expressions import whole_power

Dims = tuple[tuple[str, int], ...]


def make_dims(mapping: dict[str, int]) -> Dims:
    return tuple(sorted((k, v) for k, v in mapping.items() if v != 0))


def mul_dims(a: Dims, b: Dims, sign: int = 1) -> Dims:
    out = dict(a)
    for k, v in b:
        out[k] = out.get(k, 0) + sign * v
    return make_dims(out)


def pow_dims(a: Dims, n: int) -> Dims:
    return make_dims({k: v * n for k, v in a})


DIMENSIONLESS: Dims = ()

SECOND = make_dims({"second": 1})
BYTE = make_dims({"byte": 1})

_DAY = 86_400.0

# name -> (factor to base units, dimension)
KNOWN_UNITS: dict[str, tuple[float, Dims]] = {
    # time
    "ns": (1e-9, SECOND),
    "us": (1e-6, SECOND),
    "µs": (1e-6, SECOND),
    "ms": (1e-3, SECOND),
    "s": (1.0, SECOND),
    "sec": (1.0, SECOND),
    "second": (1.0, SECOND),
    "min": (60.0, SECOND),
    "minute": (60.0, SECOND),
    "h": (3600.0, SECOND),
    "hour": (3600.0, SECOND),
    "day": (_DAY, SECOND),
    "week": (7 * _DAY, SECOND),
    "month": (30 * _DAY, SECOND),
    "year": (365 * _DAY, SECOND),
    # data, decimal (the guide's default) and binary
    "bit": (1 / 8, BYTE),
    "Kbit": (1e3 / 8, BYTE),
    "Mbit": (1e6 / 8, BYTE),
    "Gbit": (1e9 / 8, BYTE),
    "Tbit": (1e12 / 8, BYTE),
    "B": (1.0, BYTE),
    "byte": (1.0, BYTE),
    "KB": (1e3, BYTE),
    "MB": (1e6, BYTE),
    "GB": (1e9, BYTE),
    "TB": (1e12, BYTE),
    "PB": (1e15, BYTE),
    "EB": (1e18, BYTE),
    "KiB": (2.0**10, BYTE),
    "MiB": (2.0**20, BYTE),
    "GiB": (2.0**30, BYTE),
    "TiB": (2.0**40, BYTE),
    "PiB": (2.0**50, BYTE),
    # dimensionless
    "1": (1.0, DIMENSIONLESS),
    "ratio": (1.0, DIMENSIONLESS),
    "percent": (0.01, DIMENSIONLESS),
}

_NOUN = re.compile(r"^[A-Za-z][A-Za-z_]*$")
# ASCII digits and whitespace only, as in expressions.py: the browser's engine must agree.
_TOKEN = re.compile(r"[ \t\n\r\f\v]*(?:(?P<name>µs|[A-Za-z][A-Za-z_]*|1)|(?P<int>-?[0-9]+)|(?P<op>[*/^()·]))")
_WHITESPACE = " \t\n\r\f\v"

MAX_EXPONENT = 4  # s^-2 and KB^2 are real; EB^20 only overflows
MAX_DEPTH = 50  # brackets inside one another, far from Python's recursion limit
MAX_FACTOR = 1e300  # a unit's scale, and its inverse: beyond it values overflow or vanish


class UnitError(ValueError):
    """A unit that cannot be read, or two dimensions that do not agree."""


@dataclass(frozen=True)
class Unit:
    """A parsed unit: the text as written, its scale to base units, its dimension."""

    text: str
    factor: float
    dims: Dims

    @property
    def is_dimensionless(self) -> bool:
        return not self.dims


def base_name(word: str) -> str:
    """The dimension a unit word stands for: plurals fold onto the singular."""
    if word in KNOWN_UNITS:
        return word
    if word.endswith("s") and word[:-1] in KNOWN_UNITS:
        return word[:-1]
    if word.endswith("s") and len(word) > 1:
        return word[:-1]
    return word


def lookup(word: str) -> tuple[float, Dims]:
    """Factor and dimension of one unit word; unknown words are countable nouns."""
    name = base_name(word)
    if name in KNOWN_UNITS:
        return KNOWN_UNITS[name]
    if not _NOUN.match(name):
        raise UnitError(f"'{word}' is not a unit name")
    return 1.0, make_dims({name: 1})


def parse_unit(text: object) -> Unit:
    """Read a unit such as ``tweets/day``, ``bytes/tweet`` or ``views/(user*day)``."""
    if isinstance(text, (int, float)) and not isinstance(text, bool) and text == 1:
        text = "1"
    if not isinstance(text, str) or not text.strip(_WHITESPACE):
        raise UnitError("a unit must be text such as 'tweets/day' or 'bytes'")
    tokens = _tokenize(text)
    parser = _UnitParser(tokens, text)
    factor, dims = parser.expression()
    if parser.pos != len(tokens):
        raise UnitError(f"cannot read unit '{text}' near '{tokens[parser.pos][1]}'")
    if not (1 / MAX_FACTOR <= factor <= MAX_FACTOR):  # also catches inf, and 0 from underflow
        raise UnitError(f"the unit '{text.strip(_WHITESPACE)}' is too large or too small a scale to work with")
    return Unit(text.strip(_WHITESPACE), factor, dims)


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    stripped = text.rstrip(_WHITESPACE)
    while pos < len(stripped):
        m = _TOKEN.match(stripped, pos)
        if not m:
            raise UnitError(f"cannot read unit '{text}' at '{stripped[pos:].strip(_WHITESPACE)}'")
        kind = m.lastgroup or "op"
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    return tokens


class _UnitParser:
    """unit := factor (('*' | '·' | '/') factor)* ; factor := atom ('^' int)? ; atom := name | '(' unit ')'"""

    def __init__(self, tokens: list[tuple[str, str]], text: str):
        self.tokens = tokens
        self.text = text
        self.pos = 0
        self.depth = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def expression(self) -> tuple[float, Dims]:
        factor, dims = self.power()
        while (tok := self._peek()) and tok[1] in ("*", "·", "/"):
            self.pos += 1
            f2, d2 = self.power()
            if tok[1] == "/":
                factor, dims = factor / f2, mul_dims(dims, d2, -1)
            else:
                factor, dims = factor * f2, mul_dims(dims, d2)
        return factor, dims

    def power(self) -> tuple[float, Dims]:
        factor, dims = self.atom()
        tok = self._peek()
        if tok and tok[1] == "^":
            self.pos += 1
            exp = self._peek()
            if not exp or exp[0] != "int":
                raise UnitError(f"cannot read unit '{self.text}': '^' needs a whole number")
            self.pos += 1
            digits = exp[1].lstrip("-")
            n = int(exp[1]) if len(digits) <= 3 else MAX_EXPONENT + 1  # int() refuses 4,300 digits
            if abs(n) > MAX_EXPONENT:
                raise UnitError(
                    f"cannot read unit '{self.text}': the power after '^' must be between "
                    f"-{MAX_EXPONENT} and {MAX_EXPONENT}"
                )
            factor, dims = whole_power(factor, n), pow_dims(dims, n)
        return factor, dims

    def atom(self) -> tuple[float, Dims]:
        tok = self._peek()
        if tok is None:
            raise UnitError(f"cannot read unit '{self.text}': it ends too early")
        self.pos += 1
        if tok[1] == "(":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise UnitError(f"cannot read unit '{self.text}': more than {MAX_DEPTH} brackets inside one another")
            result = self.expression()
            self.depth -= 1
            close = self._peek()
            if not close or close[1] != ")":
                raise UnitError(f"cannot read unit '{self.text}': a '(' is not closed")
            self.pos += 1
            return result
        if tok[0] == "name":
            return lookup(tok[1])
        raise UnitError(f"cannot read unit '{self.text}' near '{tok[1]}'")


def describe_dims(dims: Dims) -> str:
    """A dimension in words, for error messages: ``byte/second``, ``tweet``, ``1``."""
    if not dims:
        return "a plain number"
    num = [n if e == 1 else f"{n}^{e}" for n, e in dims if e > 0]
    den = [n if e == -1 else f"{n}^{-e}" for n, e in dims if e < 0]
    top = "*".join(num) or "1"
    if not den:
        return top
    bottom = den[0] if len(den) == 1 else "(" + "*".join(den) + ")"
    return f"{top}/{bottom}"
