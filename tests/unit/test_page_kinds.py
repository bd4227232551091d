"""Page kinds, glossary terms and the generated "used by" lists, on small pages written here."""

from __future__ import annotations

from studyguide.glossary import glossary_entries, term_problems
from studyguide.headings import headings
from studyguide.kinds import kind_problems, read_kinds
from studyguide.links import page_links
from studyguide.used_by import used_by_markdown, uses_on

KINDS = """
kinds:
  - id: building-block
    title: Building block
    folder: building-blocks
    diagram: true
    used_by: true
    sections:
      - {title: The problem, teaches: What it solves.}
      - {title: How it works, teaches: The mechanism.}
"""

DIAGRAM = "```mermaid\nflowchart LR\n  accTitle: T\n  accDescr: D\n  A --> B\n```\n"


def kind():
    kinds, problems = read_kinds(KINDS, "docs/_data/page-kinds.yml")
    assert problems == []
    return kinds["building-block"]


def test_a_page_with_every_section_and_a_diagram_passes():
    page = "# Caching\n\n## The problem\n\nText.\n\n## How it works\n\n" + DIAGRAM
    assert kind_problems(kind(), page) == []


def test_a_missing_section_and_a_missing_diagram_are_named():
    page = "# Caching\n\n## The problem\n\n### How it works\n\n```\n## How it works\n```\n"
    found = [message for message, _ in kind_problems(kind(), page)]
    # an h3, and a heading inside code, are not the section
    assert found == ["the section '## How it works' is missing", "the page has no diagram"]


def test_the_kinds_file_is_read_without_raising_and_names_its_mistakes():
    broken = KINDS.replace("diagram: true", "diagram: yes").replace("{title: How it works", "{title: The problem")
    kinds, problems = read_kinds(broken, "k.yml")
    assert kinds == {}
    messages = [p.message for p in problems]
    assert "kind 1: 'diagram' must be true or false" in messages
    assert "kind 1: section 'The problem' appears twice" in messages
    assert all(p.file == "k.yml" and p.line for p in problems)
    assert read_kinds("kinds: 3\n", "k.yml")[1][0].message == "expected a list under 'kinds'"


def test_headings_get_the_ids_mkdocs_gives_them():
    page = "# Title\n\n## Read path: `GET /timeline`\n\n## Read path: GET /timeline\n\n## Storage {#store}\n"
    assert [(h.level, h.text, h.anchor) for h in headings(page)] == [
        (1, "Title", "title"), (2, "Read path: GET /timeline", "read-path-get-timeline"),
        (2, "Read path: GET /timeline", "read-path-get-timeline_1"), (2, "Storage", "store")]


def test_links_are_resolved_from_the_page_and_code_is_skipped():
    page = ("See [caching](../../building-blocks/caching.md#how-it-works) and [a site](https://x.org/a.md).\n"
            "`[not](../../building-blocks/cdn.md)`\n```\n[nor](../../building-blocks/cdn.md)\n```\n"
            "[ref]: ../../building-blocks/replication.md\n")
    links = page_links(page, "examples/twitter/detailed-design.md")
    assert [(link.target, link.anchor) for link in links] == [
        ("building-blocks/caching.md", "how-it-works"), ("building-blocks/replication.md", "")]


def test_each_use_names_the_example_step_and_section_and_links_to_the_section():
    page = ("# Step 6\n\nIntro uses [caching](../../building-blocks/caching.md).\n\n## Timeline cache\n\n"
            "We use [a cache](../../building-blocks/caching.md), [again](../../building-blocks/caching.md).\n")
    uses = uses_on("examples/twitter/detailed-design.md", page, "Twitter-like service", "Detailed design", "step 6")
    assert [(target, use.label, use.anchor) for target, use in uses] == [
        ("building-blocks/caching.md", "Detailed design", ""),
        ("building-blocks/caching.md", "Timeline cache", "timeline-cache")]
    text = used_by_markdown([use for _, use in uses], "building-blocks/caching.md")
    assert text == ("\n- **Twitter-like service**: [Detailed design](../examples/twitter/detailed-design.md) (step 6) · "
                    "[Timeline cache](../examples/twitter/detailed-design.md#timeline-cache) (step 6)\n")


GLOSSARY = """# Glossary

## Data

### Cache-aside

Read the cache first. Taught in [Caching](../building-blocks/caching.md).

### TTL

How long an entry lives.

### Quorum

See [replication](../building-blocks/replication.md).
"""


def test_a_term_must_be_a_glossary_entry_that_links_to_the_page_and_appear_on_it():
    entries = glossary_entries(GLOSSARY)
    assert entries["Cache-aside"].links == {"building-blocks/caching.md"}
    assert entries["TTL"].links == frozenset()
    body = "# Caching\n\nCache-aside reads the cache first; a TTL ends an entry.\n"
    found = term_problems("building-blocks/caching.md", "Caching",
                          ["Cache-aside", "TTL", "Write-back cache", "Quorum"], body, entries)
    assert [message for message, _ in found] == [
        "the glossary entry 'TTL' does not link to this page",
        "the term 'Write-back cache' has no entry in the glossary (docs/reference/glossary.md)",
        "the term 'Write-back cache' does not appear on the page",
        "the glossary entry 'Quorum' does not link to this page",
        "the term 'Quorum' does not appear on the page"]
    assert found[0][1] == "end it with 'Taught in [Caching](../building-blocks/caching.md).'"
