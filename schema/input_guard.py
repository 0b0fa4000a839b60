"""Refuse input the GraphQL machinery cannot take safely, before it is parsed or validated.

graphql-core parses, validates and collects fields recursively: a selection nested a few
hundred levels deep, or a chain of hundreds of fragments each spreading the next, ran out of
Python's stack ("maximum recursion depth exceeded", no code). NUL characters and lone
surrogates in strings pass GraphQL but no store or search engine can hold them (a 500 on
PostgreSQL). This extension runs first and answers each case with a coded error instead.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    Node,
    StringValueNode,
)
from strawberry.extensions import SchemaExtension

from core.errors import Invalid

MAX_NESTING = 64
"""Brackets open at once in a document: far past the depth limit, far below the stack."""

MAX_FRAGMENT_CHAIN = 32
"""Fragments spread one inside the other."""

MAX_VARIABLE_NESTING = 64
"""Lists and objects nested in the variables."""

_FORBIDDEN = re.compile("[\x00\ud800-\udfff]")
_IGNORED = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*')
_BRACKETS = re.compile(r"[{}\[\]()]")
_OPEN = frozenset("{[(")
_CACHE_SIZE = 512


def nesting_depth(query: str) -> int:
    """How many brackets a document holds open at most (strings and comments ignored)."""
    if sum(query.count(opener) for opener in _OPEN) <= MAX_NESTING:
        return 0  # fewer openers than the limit cannot nest past it: skip the scan
    depth = deepest = 0
    for match in _BRACKETS.finditer(_IGNORED.sub("", query)):
        if match.group() in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def document_problem(document: DocumentNode) -> GraphQLError | None:
    """A coded error when the document's strings or fragment chains are unsafe, else None."""
    spreads: dict[str, set[str]] = {}
    for definition in document.definitions:
        names: set[str] = set()
        stack: list[Any] = [definition]
        while stack:
            node = stack.pop()
            if isinstance(node, StringValueNode) and _FORBIDDEN.search(node.value):
                return _invalid_text("a string in the document")
            if isinstance(node, FragmentSpreadNode):
                names.add(node.name.value)
            for key in node.keys:
                value = getattr(node, key, None)
                if isinstance(value, Node):
                    stack.append(value)
                elif isinstance(value, list | tuple):
                    stack.extend(item for item in value if isinstance(item, Node))
        if isinstance(definition, FragmentDefinitionNode):
            spreads[definition.name.value] = names
    if _longest_chain(spreads) > MAX_FRAGMENT_CHAIN:
        return GraphQLError(
            f"fragments are spread more than {MAX_FRAGMENT_CHAIN} levels deep, or in a cycle",
            extensions={"code": "GRAPHQL_VALIDATION_FAILED"},
        )
    return None


def variables_problem(variables: object) -> GraphQLError | None:
    """A coded error when the variables nest too deeply or hold NUL / surrogate characters."""
    stack: list[tuple[object, int]] = [(variables, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if _FORBIDDEN.search(value):
                return _invalid_text("a variable")
        elif isinstance(value, dict | list):
            if depth >= MAX_VARIABLE_NESTING:
                return GraphQLError(
                    f"variables are nested more than {MAX_VARIABLE_NESTING} levels deep",
                    extensions={"code": "BAD_USER_INPUT"},
                )
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
            if isinstance(value, dict):
                stack.extend((key, depth + 1) for key in value)
    return None


def _longest_chain(spreads: dict[str, set[str]]) -> int:
    """The longest run of fragments spreading one another; a cycle counts as endless."""
    longest: dict[str, int] = {}
    for root in spreads:
        stack: list[tuple[str, bool]] = [(root, False)]
        on_path: set[str] = set()
        while stack:
            name, done = stack.pop()
            if done:
                on_path.discard(name)
                inner = [
                    longest.get(child, 0) for child in spreads.get(name, ()) if child in spreads
                ]
                longest[name] = 1 + max(inner, default=0)
                continue
            if name in longest:
                continue
            if name in on_path:
                return MAX_FRAGMENT_CHAIN + 1
            on_path.add(name)
            stack.append((name, True))
            stack.extend((child, False) for child in spreads.get(name, ()) if child in spreads)
    return max(longest.values(), default=0)


def _invalid_text(where: str) -> GraphQLError:
    problem = Invalid(f"{where} contains a NUL character or an unpaired surrogate")
    return GraphQLError(problem.message, extensions=problem.graphql_extensions())


class InputGuard(SchemaExtension):
    """Runs before parsing and validation; raises a coded GraphQLError for unsafe input."""

    _documents: OrderedDict[str, GraphQLError | None] = OrderedDict()

    def on_parse(self) -> Iterator[None]:
        query = self.execution_context.query or ""
        if nesting_depth(query) > MAX_NESTING:
            raise GraphQLError(
                f"the document nests more than {MAX_NESTING} levels deep",
                extensions={"code": "GRAPHQL_VALIDATION_FAILED"},
            )
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        problem = variables_problem(context.variables or {})
        if problem is None and context.graphql_document is not None:
            problem = self._document_problem(context.query or "", context.graphql_document)
        if problem is not None:
            raise problem
        yield

    def _document_problem(self, query: str, document: DocumentNode) -> GraphQLError | None:
        # The same text is checked once, as the parse and validation caches do.
        cache = InputGuard._documents
        if query in cache:
            cache.move_to_end(query)
            return cache[query]
        problem = cache[query] = document_problem(document)
        if len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
        return problem
