"""One sweep: every widest document, every page, for one principal; what it saw that it may not.

The verdict is over the response bytes (data, errors and extensions alike): a canary the
principal may not read must not occur anywhere in them. A token the request itself carried
(an id passed as an argument) is not a leak. Guarded fields (documented as null + FORBIDDEN
for a field group) must be null for a principal without the group.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

import httpx

from policies.view import PolicyView
from policies.vocabulary import FieldGroup
from schema.node import decode_global_id
from tests.security.canaries import Canary
from tests.security.widest import Document, json_paths, next_cursor

MAX_PAGES = 20
CUSTOMER_ID = re.compile(r"cust-\d{5}")
# A global id hides its key in base64 (an order's key starts with its customer's id).
GLOBAL_ID = re.compile(r"[A-Za-z0-9+/]{8,}={0,2}")


def _keys_in(text: str) -> str:
    """The keys of the global ids in `text`, decoded, one per line."""
    keys = (decode_global_id(token) for token in set(GLOBAL_ID.findall(text)))
    return "\n" + "\n".join(unquote(found[1]) for found in keys if found is not None)


@dataclass(frozen=True)
class Finding:
    """A leak: who saw which canary (or guarded value), and where in which answer."""

    phase: str
    role: str
    kind: str
    token: str
    root: str
    path: str

    def __str__(self) -> str:
        return (
            f"[{self.phase}] {self.role} saw {self.kind} {self.token} at {self.root}: {self.path}"
        )


@dataclass
class Answer:
    """One HTTP answer of a sweep."""

    document: Document
    request: str
    status: int
    text: str
    body: Any


async def run_documents(
    http: httpx.AsyncClient,
    token: str,
    documents: Iterable[Document],
    timings: dict[str, float] | None = None,
) -> list[Answer]:
    """Every document, every page of the pageable ones."""
    answers = []
    for document in documents:
        started = time.monotonic()
        after: str | None = None
        for _ in range(MAX_PAGES):
            variables = {"after": after} if document.pageable else {}
            request = json.dumps({"query": document.text, "variables": variables})
            response = await http.post(
                "/graphql",
                content=request,
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            try:
                body = response.json()
            except ValueError:
                body = None
            answers.append(Answer(document, request, response.status_code, response.text, body))
            after = next_cursor(body, document.root) if isinstance(body, Mapping) else None
            if after is None:
                break
        if timings is not None:
            elapsed = time.monotonic() - started
            timings[document.root] = timings.get(document.root, 0.0) + elapsed
    return answers


def canary_findings(
    phase: str,
    role: str,
    answers: list[Answer],
    canaries: list[Canary],
    view: PolicyView,
    reachable: frozenset[str] | None,
) -> list[Finding]:
    """Every forbidden canary in the answers' bytes, with the JSON path it sits at."""
    forbidden = [c for c in canaries if not c.readable_by(view, reachable)]
    findings = []
    for answer in answers:
        text = answer.text.lower()
        request = answer.request.lower()
        for canary in forbidden:
            if canary.token in text and canary.token not in request:
                paths = json_paths(answer.body, canary.token) or ["<raw bytes>"]
                findings += [
                    Finding(phase, role, canary.kind, canary.token, answer.document.root, path)
                    for path in sorted(set(paths))
                ]
    return findings


def customer_id_findings(
    phase: str, role: str, answers: list[Answer], all_ids: frozenset[str], reachable: frozenset[str]
) -> list[Finding]:
    """Ids of customers out of reach that appear anywhere (related ids, audit rows, errors)."""
    findings = []
    for answer in answers:
        seen = set(CUSTOMER_ID.findall(answer.text + _keys_in(answer.text))) & all_ids
        asked = set(CUSTOMER_ID.findall(answer.request + _keys_in(answer.request)))
        for leaked in sorted(seen - reachable - asked):
            paths = json_paths(answer.body, leaked) or ["<raw bytes>"]
            findings += [
                Finding(phase, role, "customer.id", leaked, answer.document.root, path)
                for path in sorted(set(paths))
            ]
    return findings


def guarded_findings(
    phase: str,
    role: str,
    answers: list[Answer],
    guarded: Mapping[tuple[str, str], str],
    view: PolicyView,
) -> list[Finding]:
    """Guarded fields with a value for a principal without their field group."""
    hidden = {key: group for key, group in guarded.items() if not view.sees(FieldGroup(group))}
    findings: list[Finding] = []
    if not hidden:
        return findings  # the principal sees every group: no value can be a finding
    for answer in answers:
        data = answer.body.get("data") if isinstance(answer.body, Mapping) else None
        for type_name, field_name, path, value in _typed_values(data, ()):
            group = hidden.get((type_name, field_name))
            if group is not None and value is not None:
                findings.append(
                    Finding(phase, role, f"fields.{group}", field_name, answer.document.root, path)
                )
    return findings


def _typed_values(value: Any, path: tuple[str, ...]) -> Iterable[tuple[str, str, str, Any]]:
    """(typename, field, path, value) for every field of every object carrying __typename."""
    if isinstance(value, Mapping):
        type_name = value.get("__typename")
        for key, item in value.items():
            name = key.split("_")[0] if re.fullmatch(r"\w+_\d+", key) else key
            if type_name is not None:
                yield type_name, name, ".".join((*path, key)), item
            yield from _typed_values(item, (*path, key))
    elif isinstance(value, list):
        for item in value:
            yield from _typed_values(item, (*path, "[]"))


def invalid_documents(answers: list[Answer]) -> list[str]:
    """Answers refused before execution: a document built from the schema must be valid, or
    the root it asks about is never checked at all."""
    return [
        f"{answer.document.root}: {answer.status} {answer.text[:300]}"
        for answer in answers
        if "GRAPHQL_VALIDATION_FAILED" in answer.text or "GRAPHQL_PARSE_FAILED" in answer.text
    ]


def server_failures(answers: list[Answer]) -> list[str]:
    """Answers that are 5xx, INTERNAL_SERVER_ERROR or carry a Python traceback."""
    failures = []
    for answer in answers:
        if (
            answer.status >= 500
            or "INTERNAL_SERVER_ERROR" in answer.text
            or "Traceback (most recent call last)" in answer.text
        ):
            failures.append(f"{answer.document.root}: {answer.status} {answer.text[:300]}")
    return failures
