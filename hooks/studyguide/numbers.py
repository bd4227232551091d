"""Numbers for readers: significant figures, number words, byte and time units."""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from .estimation import Quantity
from .units import KNOWN_UNITS, SECOND

_WORDS = [(1e15, "quadrillion"), (1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
_DECIMAL_BYTES = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
_BINARY_BYTES = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
_BYTE_WORDS = {"B", "byte", "bytes", *_DECIMAL_BYTES, *_BINARY_BYTES}
_BITS = ["bit", "Kbit", "Mbit", "Gbit", "Tbit"]
_BIT_WORDS = {"bits", *_BITS}
_TIMES = [(86_400.0, "days"), (3600.0, "h"), (60.0, "min"), (1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
_TIME_WORDS = {name for name, (_, dims) in KNOWN_UNITS.items() if dims == SECOND} | {
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "mins", "secs"}
_WORD_TOKEN = re.compile(r"µs|[A-Za-z][A-Za-z_]*")


def sig(value: float, figures: int = 3) -> float:
    """Round to significant figures, halves away from zero as people do (1.825 → 1.83)."""
    if value == 0:
        return 0.0
    exact = Decimal(f"{value:.12g}")
    step = Decimal(1).scaleb(exact.adjusted() - figures + 1)
    return float(exact.quantize(step, rounding=ROUND_HALF_UP))


def plain(value: float) -> str:
    """A number under ten thousand: whole above 1,000, else three significant figures."""
    if value == 0:
        return "0"
    if abs(value) >= 1000:
        return f"{round(value):,}"
    rounded = sig(value)
    if rounded == int(rounded) and abs(rounded) >= 1:
        return f"{int(rounded):,}"
    if abs(rounded) < TINY:
        mantissa, exponent = f"{rounded:.2e}".split("e")
        return f"{mantissa.rstrip('0').rstrip('.')} × 10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    return f"{rounded:.{max(0, 2 - math.floor(math.log10(abs(rounded))))}f}".rstrip("0").rstrip(".")


TINY = 1e-4  # below it, 0.0000000000000943 is unreadable: 9.43 × 10⁻¹⁴
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def human_number(value: float) -> str:
    """``11,574`` → ``11.6 thousand``; ``2e8`` → ``200 million``; ``1157.4`` → ``1,157``."""
    value = float(f"{value:.12g}")  # 999999.9999999 from unit conversions is 1 million
    for scale, word in _WORDS:
        if abs(value) >= 10_000 and abs(value) >= scale:
            return f"{plain(sig(value / scale))} {word}"
    return plain(value)


def _scaled(value: float, steps: list[str], base: float) -> tuple[float, str]:
    index = 0
    while index < len(steps) - 1 and abs(value) >= base * 0.9995:
        value /= base
        index += 1
    return value, steps[index]


def format_quantity(q: Quantity) -> str:
    """The value of a quantity with its unit, as it appears in prose and tables."""
    value = q.display_value
    text = q.unit.text.replace("*", "·")  # views/(user·day)
    words = _WORD_TOKEN.findall(text)
    first = words[0] if words else ""
    if q.scale and first in _BYTE_WORDS:
        factor = KNOWN_UNITS[first.rstrip("s") if first == "bytes" else first][0]
        in_bytes = value * factor
        binary = first in _BINARY_BYTES and first != "B"
        number, prefix = _scaled(in_bytes, _BINARY_BYTES if binary else _DECIMAL_BYTES, 1024 if binary else 1000)
        if prefix == "B":
            prefix = first if first in ("byte", "bytes") else "B"
        return f"{plain(number)} {_replace_first(text, first, prefix)}"
    if q.scale and first in _BIT_WORDS:
        in_bits = value * KNOWN_UNITS[first.rstrip("s")][0] * 8
        number, prefix = _scaled(in_bits, _BITS, 1000)
        return f"{plain(number)} {_replace_first(text, first, prefix)}"
    if q.scale and q.unit.dims == SECOND and len(words) == 1 and first in _TIME_WORDS:
        seconds = q.value
        assert seconds is not None  # display_value above has checked it
        for size, name in _TIMES:
            if abs(seconds) >= size * 0.9995 or size == _TIMES[-1][0]:
                number_text = plain(seconds / size)
                return f"{number_text} {'day' if name == 'days' and number_text == '1' else name}"
    shown = human_number(value) if q.scale else plain(value)
    if text in ("1", "ratio"):
        return _near_bound(value, 1.0) or shown
    if text == "percent":
        return f"{_near_bound(value, 100.0) or plain(value)}%"
    return f"{shown} {singular(text) if shown == '1' else text}"


_SAME_IN_THE_SINGULAR = {"series", "species"}


def singular(text: str) -> str:
    """``servers/zone`` → ``server/zone``, for a count of one: the first word of a counted unit, made singular."""
    m = re.match(r"[A-Za-z]+", text)
    word = m.group(0) if m else ""
    if not word.endswith("s") or word.endswith("ss") or word in KNOWN_UNITS or word in _SAME_IN_THE_SINGULAR:
        return text
    if word.endswith("ies"):
        one = word[:-3] + "y"
    elif word.endswith(("sses", "shes", "ches", "xes")):
        one = word[:-2]
    else:
        one = word[:-1]
    return one + text[len(word):]


def _near_bound(value: float, bound: float) -> str | None:
    """99.99% must not round to 100%: keep two significant figures of the gap to the bound."""
    gap = bound - value
    if not 0 < gap < bound * 0.01:
        return None
    digits = math.ceil(-math.log10(gap)) + 1
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def _replace_first(text: str, word: str, new: str) -> str:
    return re.sub(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", new, text, count=1)
