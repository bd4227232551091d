"""Read contributor YAML safely, remembering the line each key was written on."""

from __future__ import annotations

import yaml

from .problems import Problem


class LineMap(dict):
    """A mapping read from YAML; ``lines[key]`` is the 1-based line of that key."""

    lines: dict


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when PyYAML has it
    """SafeLoader (no Python objects, no tags) that records lines and rejects duplicate keys."""

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        result = LineMap()
        result.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key '{key}' appears twice",
                    key_node.start_mark,
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1
        return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)


def load_yaml(text: str, file: str) -> tuple[object, list[Problem]]:
    """Parse YAML text; a syntax error becomes a Problem with its line, never an exception."""
    try:
        return yaml.load(text, Loader=_Loader), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [
            Problem(file, line, f"YAML syntax error: {reason}", "check indentation and quoting on that line")
        ]


def line_of(mapping: object, key: str) -> int | None:
    lines = getattr(mapping, "lines", None)
    return lines.get(key) if lines else None
