from studyguide import directives
from studyguide.problems import Problem


def expand(text, handlers):
    problems: list[Problem] = []
    out = directives.expand(text, "docs/p.md", handlers, problems)
    return out, [str(p) for p in problems]


def test_directives_expand_outside_code_only():
    text = "A {{ value: x }}.\n\n```md\n{{ value: x }}\n```\n\nInline `{{ value: x }}` stays."
    out, problems = expand(text, {"value": lambda arg, line: f"<{arg}@{line}>"})
    assert out == "A <x@1>.\n\n```md\n{{ value: x }}\n```\n\nInline `{{ value: x }}` stays."
    assert problems == []


def test_unknown_directive_names_are_reported_with_their_line():
    _, problems = expand("one\n{{ valeu: x }}\n", {})
    assert problems[0].startswith("docs/p.md:2: unknown directive '{{ valeu }}'")


def test_handler_errors_become_problems():
    def fail(arg, line):
        raise ValueError(f"unknown quantity '{arg}'")

    _, problems = expand("{{ value: nope }}", {"value": fail})
    assert problems == ["docs/p.md:1: unknown quantity 'nope'"]


def test_multi_line_output_is_indented_like_its_directive_and_lines_can_start_late():
    problems: list[Problem] = []
    out = directives.expand("!!! note\n\n    {{ table: t }}\n    {{ oops: x }}", "docs/p.md",
                            {"table": lambda arg, line: "<a>\n\n<b>"}, problems, first_line=10)
    assert out == "!!! note\n\n    <a>\n\n    <b>\n    {{ oops: x }}"
    assert str(problems[0]).startswith("docs/p.md:13: unknown directive")


def test_placeholders_in_any_form_of_fence_are_left_alone():
    text = "````md\n```\n{{ value: a }}\n```\n{{ value: b }}\n````\n\n> ```{.md}\n> {{ value: c }}\n> ```\n"
    out, problems = expand(text, {"value": lambda arg, line: "X"})
    assert out == text and problems == []


def test_malformed_placeholders_are_problems_with_their_line():
    text = "Fine {{ value: a }}.\nNo colon {{ value tweets_per_day }}.\nOne brace {{value: x}.\nStray }} here."
    out, problems = expand(text, {"value": lambda arg, line: "X"})
    assert out.startswith("Fine X.")
    assert problems[0].startswith("docs/p.md:2: '{{ value tweets_per_day }}' is not a complete placeholder")
    assert problems[1].startswith("docs/p.md:3: '{{value: x}' is not a complete placeholder")
    assert problems[2].startswith("docs/p.md:4: '}}' is not a complete placeholder")
    assert "inline code" in problems[0]


def test_unknown_names_are_listed_from_the_table_given():
    _, problems = expand("{{ nope: x }}", {"value": lambda arg, line: "", "sandbox": lambda arg, line: ""})
    assert "directives are: {{ value: … }}, {{ sandbox: … }}" in problems[0]
