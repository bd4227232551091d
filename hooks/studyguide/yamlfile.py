"""Read contributor YAML safely, remembering the line each key was written on.

Contributor YAML is data, read with rules a contributor can predict:

- safe loading only: no Python objects, no tags;
- no anchors or aliases: they are never needed in the guide's files, and a few
  hundred bytes of nested aliases expand to gigabytes (a "billion laughs");
- YAML 1.2 scalars, not PyYAML's YAML 1.1: ``010`` is ten (not octal eight),
  ``1:30`` is text (not ninety, base 60), and only ``true``/``false`` are
  booleans (``yes``, ``no``, ``on`` and ``off`` are text);
- a key written twice is an error, not a silent overwrite.
"""

from __future__ import annotations

import re

import yaml

from .problems import Problem


class LineMap(dict):
    """A mapping read from YAML; ``lines[key]`` is the 1-based line of that key."""

    lines: dict


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it


class _Loader(_Base):
    """SafeLoader that records lines, rejects duplicate keys and resolves scalars as YAML 1.2 does."""

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        result = LineMap()
        result.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                seen = key in result
            except TypeError:  # a list or mapping as a key
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain word, not a list or a mapping", key_node.start_mark) from None
            if seen:
                raise yaml.constructor.ConstructorError(None, None, f"the key '{key}' appears twice", key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1
        return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)

# YAML 1.2 core schema for booleans, integers and floats, in place of YAML 1.1's.
_REPLACED = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
             "tag:yaml.org,2002:timestamp"}  # dates stay text
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                              list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"))


def _int_12(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


_Loader.add_constructor("tag:yaml.org,2002:int", _int_12)


def _float_12(loader, node):
    text = loader.construct_scalar(node).lower().lstrip("+")
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


_Loader.add_constructor("tag:yaml.org,2002:float", _float_12)


def _alias_problem(text: str, file: str) -> Problem | None:
    """The first anchor or alias in the text, as a problem; the events are read without building anything."""
    if "&" not in text and "*" not in text:
        return None
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            kind = "an alias (*name)" if isinstance(event, yaml.AliasEvent) else "an anchor (&name)"
            return Problem(file, event.start_mark.line + 1, f"{kind} is not allowed in the guide's YAML",
                           "write the value out in full; anchors and aliases can make a small file expand without bound")
    return None


def load_yaml(text: str, file: str) -> tuple[object, list[Problem]]:
    """Parse YAML text; a syntax error becomes a Problem with its line, never an exception."""
    try:
        alias = _alias_problem(text, file)
        if alias is not None:
            return None, [alias]
        return yaml.load(text, Loader=_Loader), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [
            Problem(file, line, f"YAML syntax error: {reason}", "check indentation and quoting on that line")
        ]
    except (ValueError, RecursionError) as exc:  # a scalar YAML accepts but Python cannot hold, or absurd nesting
        return None, [Problem(file, None, f"cannot read this YAML: {exc}", "simplify the file")]


def line_of(mapping: object, key: object) -> int | None:
    lines = getattr(mapping, "lines", None)
    return lines.get(key) if lines else None


def text_field(mapping: dict, key: str, where: str, file: str, line: int | None, hint: str,
               found: list[Problem]) -> str:
    """``mapping[key]`` as plain text, or "" with a problem: missing or empty, or holding HTML.

    ``where`` names the entry in the message (``step 3``, ``kind 1``); the line is
    the key's own, or ``line`` (the entry's) when the key is missing.
    """
    value = mapping.get(key)
    at = line_of(mapping, key) or line
    if not isinstance(value, str) or not value.strip():
        found.append(Problem(file, at, f"{where}: '{key}' must be text", hint))
        return ""
    if "<" in value:
        found.append(Problem(file, at, f"{where}: '{key}' contains HTML", "write it as plain text"))
    return value
