"""Queries for the cost tests: the bomb, a heavy one under the limit, the project's own."""

from __future__ import annotations

import re

from graphql import OperationDefinitionNode, parse

from core.settings import REPO_ROOT

_ALIAS = """a{index}: customers(first: 100) {{ edges {{ node {{ id name
  orders(first: 100) {{ edges {{ node {{ number total lines {{ description }} }} }} }}
  tickets(first: 100) {{ edges {{ node {{ id subject
    notes(first: 100) {{ edges {{ node {{ id subject
      history(first: 100) {{ edges {{ node {{ version }} }} }} }} }} }} }} }} }}
  timeline(first: 100) {{ edges {{ node {{ at kind title }} }} }}
  notes(first: 100) {{ edges {{ node {{ id subject body
    history(first: 100) {{ edges {{ node {{ version editorId changes {{ field }} }} }} }} }} }} }}
}} }} }}"""

BOMB = "query Bomb {\n" + "\n".join(_ALIAS.format(index=i) for i in range(26)) + "\n}"
"""26 aliases of customers(first: 100) with orders, tickets, timeline, notes, history at 100."""

HEAVY = """
query Heavy {
  customers(first: 100) { edges { node { id name badges
    orders(first: 20) { totalCount edges { node { number total lines { description } } } }
    tickets(first: 20) { edges { node { id subject } } }
    timeline(first: 20) { edges { node { at kind title } } }
    notes(first: 20) { edges { node { id subject body } } }
  } } }
}
"""
"""The widest query the default cost limit lets through in this shape (cost about 35,000)."""


def readme_operations() -> dict[str, str]:
    """The README's example operations, by name."""
    text = (REPO_ROOT / "README.md").read_text()
    operations: dict[str, str] = {}
    for block in re.findall(r"```graphql\n(.*?)```", text, re.S):
        document = parse(block)
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode) and definition.name:
                source = block[definition.loc.start : definition.loc.end] if definition.loc else ""
                operations[definition.name.value] = source
    return operations


def widget_operations() -> dict[str, str]:
    """The notes widget's operations (each exported query or mutation template in
    web/src), by name, with the fragments they interpolate filled in."""
    operations: dict[str, str] = {}
    for path in sorted((REPO_ROOT / "web" / "src").glob("*.ts")):
        text = path.read_text()
        pieces = dict(re.findall(r'const (\w+) =\s*[`"]([^`"]*)[`"];', text))
        for source in re.findall(r"export const \w+ = `((?:query|mutation).*?)`;", text, re.S):
            for name, piece in pieces.items():
                source = source.replace("${" + name + "}", piece)
            definition = parse(source).definitions[0]
            assert isinstance(definition, OperationDefinitionNode)
            assert definition.name
            operations[definition.name.value] = source
    return operations
