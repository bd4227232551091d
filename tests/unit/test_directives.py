from studyguide import directives
from studyguide.diagrams import escape_mermaid_fences
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


def test_mermaid_fences_are_escaped_so_contributed_markup_never_becomes_html():
    text = '```mermaid\nflowchart LR\n  A["p99 < 200 ms"] --> B["<script>x</script>"]\n```\n<b>kept</b>\n'
    assert escape_mermaid_fences(text) == (
        '```mermaid\nflowchart LR\n  A["p99 &lt; 200 ms"] --&gt; B["&lt;script&gt;x&lt;/script&gt;"]\n```\n'
        "<b>kept</b>\n"
    )


def test_multi_line_output_is_indented_like_its_directive_and_lines_can_start_late():
    problems: list[Problem] = []
    out = directives.expand("!!! note\n\n    {{ table: t }}\n    {{ oops: x }}", "docs/p.md",
                            {"table": lambda arg, line: "<a>\n\n<b>"}, problems, first_line=10)
    assert out == "!!! note\n\n    <a>\n\n    <b>\n    {{ oops: x }}"
    assert str(problems[0]).startswith("docs/p.md:13: unknown directive")


def test_a_mermaid_fence_shown_inside_another_fence_is_left_alone():
    text = "````md\n```mermaid\nA --> B\n```\n````\n\n```mermaid\nA --> B\n```\n"
    assert escape_mermaid_fences(text) == "````md\n```mermaid\nA --> B\n```\n````\n\n```mermaid\nA --&gt; B\n```\n"
