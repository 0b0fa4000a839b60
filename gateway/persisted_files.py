"""A client's extracted operations, read for `persist` and checked against the schema.

Three forms are read: an Apollo persisted-query manifest (JSON with ``"format":
"apollo-persisted-query-manifest"`` and ``operations: [{id, name, body}]``), a JSON object
of ``{sha256: document}`` (the persisted-documents output of common code generators), and
``.graphql`` / ``.gql`` files (each file one document). A hash given by the file must be the
SHA-256 of its document; every document must parse and validate against this gateway's
schema. Any problem refuses the whole load, naming the file and operation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphql import GraphQLError, GraphQLSchema, OperationDefinitionNode, parse, validate

from store.persisted import sha256_of

MANIFEST_FORMAT = "apollo-persisted-query-manifest"


@dataclass(frozen=True, slots=True)
class Extracted:
    """One operation to safelist: its name (the first operation's) and document."""

    name: str | None
    document: str
    origin: str  # file (and entry) it came from, for messages


class OperationsFileError(ValueError):
    """A file or operation `persist` refuses; the message names it."""


def _name_of(document: str, origin: str, schema: GraphQLSchema) -> str | None:
    try:
        parsed = parse(document)
    except GraphQLError as error:
        raise OperationsFileError(f"{origin}: does not parse: {error.message}") from error
    problems = validate(schema, parsed)
    if problems:
        raise OperationsFileError(f"{origin}: not valid here: {problems[0].message}")
    names = [
        node.name.value
        for node in parsed.definitions
        if isinstance(node, OperationDefinitionNode) and node.name is not None
    ]
    return names[0] if names else None


def _checked(origin: str, document: Any, sha: str | None, schema: GraphQLSchema) -> Extracted:
    if not isinstance(document, str) or not document.strip():
        raise OperationsFileError(f"{origin}: the document must be non-empty text")
    if sha is not None and sha != sha256_of(document):
        raise OperationsFileError(f"{origin}: {sha} is not the SHA-256 of its document")
    return Extracted(_name_of(document, origin, schema), document, origin)


def read_operations(paths: list[Path], schema: GraphQLSchema) -> list[Extracted]:
    """Every operation of these files, checked; OperationsFileError on the first problem."""
    found: list[Extracted] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise OperationsFileError(f"{path}: cannot be read ({error})") from error
        if path.suffix in (".graphql", ".gql"):
            found.append(_checked(str(path), text, None, schema))
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise OperationsFileError(f"{path}: not JSON ({error.msg})") from error
        if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT:
            operations = data.get("operations")
            if not isinstance(operations, list):
                raise OperationsFileError(f"{path}: a manifest needs an `operations` list")
            for index, entry in enumerate(operations):
                if not isinstance(entry, dict):
                    raise OperationsFileError(f"{path}#{index}: not an object")
                sha = entry.get("id")
                origin = f"{path}#{entry.get('name') or index}"
                found.append(_checked(origin, entry.get("body"), str(sha) if sha else None, schema))
        elif isinstance(data, dict):
            for sha, document in data.items():
                found.append(_checked(f"{path}#{sha[:12]}", document, sha, schema))
        else:
            raise OperationsFileError(
                f"{path}: expected an Apollo manifest or a {{sha256: document}} object"
            )
    return found
