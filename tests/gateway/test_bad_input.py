"""Bad HTTP input gets a clear 4xx or a GraphQL error with a stable code — never a 500."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.fixtures.app import TokenFactory


async def test_malformed_json_body_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql", content=b'{"query": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "json" in response.text.lower()


async def test_json_that_is_not_an_object_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json=["not", "an", "operation"])
    assert response.status_code == 400


async def test_missing_query_is_400(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"variables": {}})
    assert response.status_code == 400


async def test_non_graphql_content_type_is_415(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql", content=b"{ me { subject } }", headers={"Content-Type": "text/plain"}
    )
    assert response.status_code == 415


async def test_mutation_over_get_is_refused(http: httpx.AsyncClient) -> None:
    response = await http.get("/graphql", params={"query": "mutation { ping }"})
    assert response.status_code in {400, 405}
    assert response.status_code != 500


async def test_oversized_body_is_413(http: httpx.AsyncClient) -> None:
    padding = "#" + "x" * 1_100_000
    response = await http.post("/graphql", json={"query": "{ me { subject } }" + padding})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"


async def test_syntax_error_has_a_parse_code(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": "{ me { subject "})
    body = response.json()
    assert response.status_code in {200, 400}
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


async def test_unknown_field_has_a_validation_code(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": "{ nope }"})
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_alias_bomb_is_rejected(http: httpx.AsyncClient) -> None:
    aliases = " ".join(f"a{i}: __typename" for i in range(200))
    response = await http.post("/graphql", json={"query": "{ " + aliases + " }"})
    body = response.json()
    assert response.status_code != 500
    assert "alias" in body["errors"][0]["message"].lower()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_token_bomb_is_rejected(http: httpx.AsyncClient) -> None:
    fields = " ".join("__typename" for _ in range(6000))
    response = await http.post("/graphql", json={"query": "{ " + fields + " }"})
    body = response.json()
    assert response.status_code != 500
    assert "token" in body["errors"][0]["message"].lower()


async def test_unknown_operation_name_is_a_clear_error(http: httpx.AsyncClient) -> None:
    response = await http.post(
        "/graphql", json={"query": "query A { __typename }", "operationName": "B"}
    )
    assert response.status_code == 400
    assert "B" in response.text


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "Bearer a.b.c.d", "Token x"],
)
async def test_invalid_authorization_headers_are_401_json(
    http: httpx.AsyncClient, header: str
) -> None:
    response = await http.post(
        "/graphql", json={"query": "{ me { subject } }"}, headers={"Authorization": header}
    )
    assert response.status_code == 401
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "Traceback" not in json.dumps(body)


async def test_variables_of_the_wrong_type_are_a_graphql_error(
    http: httpx.AsyncClient, token_for: TokenFactory
) -> None:
    response = await http.post(
        "/graphql",
        json={"query": "query Q($x: Int) { __typename }", "variables": {"x": "nope"}},
    )
    body = response.json()
    assert response.status_code in {200, 400}
    assert body["errors"][0]["extensions"]["code"] in {
        "GRAPHQL_VALIDATION_FAILED",
        "BAD_USER_INPUT",
    }


def _coded_400(response: httpx.Response) -> str:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["errors"][0]
    assert error["message"]
    code: str = error["extensions"]["code"]
    return code


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"null", id="null"),
        pytest.param(b"1", id="number"),
        pytest.param(b"[]", id="empty-array"),
        pytest.param(b'"x"', id="string"),
        pytest.param(b"true", id="boolean"),
        pytest.param(b'{"query": "{ me { subject } }", "x": "\xff\xfe"}', id="invalid-utf8"),
        pytest.param(b"\xc3\x28", id="invalid-utf8-only"),
        pytest.param(b"[" * 5000 + b"]" * 5000, id="deep-array"),
        pytest.param(
            b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 200 + b"]" * 200 + b"}}",
            id="deep-variables",
        ),
        pytest.param(b'{"query": "{ __typename }", "variables": 1}', id="variables-number"),
        pytest.param(b'{"query": "{ __typename }", "variables": "x"}', id="variables-string"),
        pytest.param(b'{"query": "{ __typename }", "variables": [1]}', id="variables-array"),
        pytest.param(b'{"query": 1}', id="query-number"),
    ],
)
async def test_a_malformed_body_is_a_400_json_error(http: httpx.AsyncClient, body: bytes) -> None:
    response = await http.post(
        "/graphql", content=body, headers={"Content-Type": "application/json"}
    )
    assert _coded_400(response) == "BAD_REQUEST"


async def test_get_variables_that_are_not_an_object_are_a_400_json_error(
    http: httpx.AsyncClient,
) -> None:
    response = await http.get(
        "/graphql",
        params={"query": "{ __typename }", "variables": "null"},
        headers={"Accept": "application/json"},
    )
    assert _coded_400(response) == "BAD_REQUEST"


def _fragment_chain(length: int, *, cycle: bool = False) -> str:
    last = "...F0" if cycle else "__typename"
    links = [f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(length - 1)]
    return "query { ...F0 } " + " ".join([*links, f"fragment F{length - 1} on Query {{ {last} }}"])


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(_fragment_chain(600), id="600-fragment-chain"),
        pytest.param(_fragment_chain(600, cycle=True), id="600-fragment-cycle"),
        pytest.param("{ " + "me { " * 600 + "subject" + " }" * 601, id="600-deep-selection"),
        pytest.param(
            '{ note(id: "x", ' + "a: " + "[" * 600 + "]" * 600 + ") { id } }",
            id="600-deep-list-literal",
        ),
    ],
)
async def test_a_deep_or_recursive_document_is_a_coded_error(
    http: httpx.AsyncClient, query: str
) -> None:
    response = await http.post("/graphql", json={"query": query})
    assert response.status_code in {200, 400}, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "recursion" not in error["message"]


async def test_a_short_fragment_chain_still_works(http: httpx.AsyncClient) -> None:
    response = await http.post("/graphql", json={"query": _fragment_chain(20)})
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        pytest.param('{ note(id: "note\\u0000") { id } }', {}, id="literal"),
        pytest.param("query Q($id: ID!) { note(id: $id) { id } }", {"id": "n\x00"}, id="variable"),
        pytest.param(
            "query Q($id: ID!) { note(id: $id) { id } }", {"id": "\ud800x"}, id="lone-surrogate"
        ),
    ],
)
async def test_nul_characters_in_arguments_are_refused(
    http: httpx.AsyncClient, token_for: TokenFactory, query: str, variables: dict[str, str]
) -> None:
    response = await http.post(
        "/graphql",
        content=json.dumps({"query": query, "variables": variables}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {token_for('admin')}",
        },
    )
    assert response.status_code in {200, 400}, response.text
    assert response.json()["errors"][0]["extensions"]["code"] in {"INVALID", "BAD_USER_INPUT"}
